"""``python -m tests.run``: the whole suite on every core, as ``make test`` runs it.

The suite is mostly independent rendering and simulation, so its test files are shared
out between one pytest process per core (up to :data:`MAX_JOBS`), balanced by how long
each file took (``tests/timings.json``; a new file counts as :data:`UNKNOWN_S`). Files
marked ``serial`` (they time how fast a game stops or restarts) run afterwards, alone,
so a busy machine cannot make them flaky. Each process has its own temporary and data
directories (``tests/conftest.py``), so nothing is shared but the read-only sources.

``--jobs 1`` runs the suite in one pytest, as plain ``pytest`` does; arguments after
``--`` go to every pytest (``-m "not slow"`` for ``make test-fast``). ``--record``
rewrites the timings from this run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
TIMINGS = TESTS / "timings.json"
MAX_JOBS = 4
UNKNOWN_S = 2.0
SERIAL = re.compile(r"pytest\.mark\.serial\b")
DURATION = re.compile(r"^([\d.]+)s (?:call|setup|teardown)\s+(tests/[^:]+)::")


def test_files() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


def is_serial(path: Path) -> bool:
    return bool(SERIAL.search(path.read_text(encoding="utf-8")))


def shares(files: list[Path], jobs: int, timings: dict[str, float]) -> list[list[Path]]:
    """``files`` split into at most ``jobs`` lists of about equal time (longest first, each
    to the lightest list so far)."""
    loads: list[tuple[float, list[Path]]] = [(0.0, []) for _ in range(jobs)]
    weight = {f: timings.get(f.relative_to(ROOT).as_posix(), UNKNOWN_S) for f in files}
    for f in sorted(files, key=lambda f: (-weight[f], f)):
        i = min(range(jobs), key=lambda i: loads[i][0])
        loads[i] = (loads[i][0] + weight[f], [*loads[i][1], f])
    return [sorted(files) for _, files in loads if files]


def _pump(name: str, proc: subprocess.Popen[str], log: Path, lock: threading.Lock) -> None:
    """Echo a shard's lines as they come, prefixed with its name; keep them all in ``log``."""
    assert proc.stdout is not None
    with log.open("w", encoding="utf-8") as out:
        for line in proc.stdout:
            out.write(line)
            with lock:
                sys.stdout.write(f"[{name}] {line}")
                sys.stdout.flush()


def run_shards(groups: list[tuple[str, list[Path]]], extra: list[str], record: Path | None) -> list[tuple[str, int]]:
    """Run one pytest per group at once; each group's name and exit code."""
    lock = threading.Lock()
    procs = []
    folder = Path(tempfile.mkdtemp(prefix="open-sesame-tests-"))
    for name, files in groups:
        args = [sys.executable, "-m", "pytest", *extra]
        if record is not None:
            args += ["--durations=0", "--durations-min=0"]
        args += [str(f.relative_to(ROOT)) for f in files]
        env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        log = folder / f"{name.replace('/', '-')}.log"
        thread = threading.Thread(target=_pump, args=(name, proc, log, lock), daemon=True)
        thread.start()
        procs.append((name, proc, thread, log))
    results = []
    for name, proc, thread, log in procs:
        code = proc.wait()
        thread.join()
        results.append((name, code))
        if record is not None:
            _add_timings(log, record)
    return results


def _add_timings(log: Path, record: Path) -> None:
    found: dict[str, float] = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    for line in log.read_text(encoding="utf-8").splitlines():
        m = DURATION.match(line)
        if m:
            found[m[2]] = round(found.get(m[2], 0.0) + float(m[1]), 2)
    record.write_text(json.dumps(dict(sorted(found.items())), indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=min(MAX_JOBS, os.cpu_count() or 1), help="pytest processes")
    parser.add_argument("--record", action="store_true", help="rewrite tests/timings.json from this run")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed to every pytest")
    args = parser.parse_args(argv)
    jobs = max(1, args.jobs)
    if jobs == 1 and not args.record:
        env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
        return subprocess.call([sys.executable, "-m", "pytest", *args.pytest_args], cwd=ROOT, env=env)
    timings = json.loads(TIMINGS.read_text(encoding="utf-8")) if TIMINGS.exists() else {}
    files = test_files()
    serial = [f for f in files if is_serial(f)]
    parallel = [f for f in files if f not in serial]
    record = None
    if args.record:
        record = Path(tempfile.mkdtemp(prefix="open-sesame-timings-")) / "timings.json"
    started = time.monotonic()
    groups = [(f"{i + 1}/{jobs}", share) for i, share in enumerate(shares(parallel, jobs, timings))]
    results = run_shards(groups, args.pytest_args, record)
    if serial:
        results += run_shards([("serial", serial)], args.pytest_args, record)
    if record is not None:
        TIMINGS.write_text(record.read_text(encoding="utf-8"), encoding="utf-8")
    failed = [(name, code) for name, code in results if code not in (0, 5)]  # 5: every test deselected
    took = time.monotonic() - started
    summary = ", ".join(f"{name}: {'ok' if code in (0, 5) else f'exit {code}'}" for name, code in results)
    print(f"\n{len(files)} test files in {len(results)} pytest runs ({summary}) in {took:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
