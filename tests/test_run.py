"""The suite's runner shares every test file out once, balanced, and keeps the timed ones apart."""

from __future__ import annotations

from pathlib import Path

from tests import run


def test_every_file_is_in_exactly_one_share_and_the_shares_are_balanced() -> None:
    files = run.test_files()
    timings = {f.relative_to(run.ROOT).as_posix(): float(i % 7 + 1) for i, f in enumerate(files)}
    groups = run.shares(files, 3, timings)
    assert sorted(f for g in groups for f in g) == files
    loads = [sum(timings[f.relative_to(run.ROOT).as_posix()] for f in g) for g in groups]
    assert max(loads) - min(loads) <= 7  # within the heaviest file


def test_a_heavy_file_gets_a_share_of_its_own() -> None:
    root = run.ROOT
    files = [root / "tests" / f"test_{name}.py" for name in "abcd"]
    timings = {"tests/test_a.py": 100.0, "tests/test_b.py": 10.0, "tests/test_c.py": 10.0, "tests/test_d.py": 10.0}
    groups = run.shares(files, 2, timings)
    assert [root / "tests" / "test_a.py"] in groups


def test_the_files_that_time_a_game_or_a_speaker_run_alone() -> None:
    serial = {f.relative_to(run.ROOT).as_posix() for f in run.test_files() if run.is_serial(f)}
    assert {"tests/kiosk/test_signals.py", "tests/kiosk/test_watchdog.py", "tests/speech/test_worker.py"} <= serial
    assert "tests/test_run.py" not in serial


def test_timings_name_only_test_files_that_exist() -> None:
    import json

    timings = json.loads(run.TIMINGS.read_text(encoding="utf-8"))
    assert timings and all(t >= 0 for t in timings.values())
    missing = [name for name in timings if not (run.ROOT / Path(name)).is_file()]
    assert len(missing) <= len(timings) // 10  # renamed files only make the balance rougher
