"""The supervisor restarts a crashed game quickly, logs its traceback, backs off, and stops cleanly.

Children are tiny Python scripts; sleeps and the crash clock are injected, so the crash
loop is replayed without waiting.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.datadir import log_dir
from game.kiosk.backoff import RestartPolicy
from game.kiosk.fault import FAULT_ENV
from game.kiosk.supervisor import LOG_FILE, Supervisor, child_command, describe_exit
from game.paths import LEVELS_DIR, ROOT

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)


class FakeTime:
    """A clock that only moves when the supervisor 'sleeps'."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def script(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "child.py"
    path.write_text(body, encoding="utf-8")
    return [sys.executable, str(path)]


def supervisor(child: list[str], fake: FakeTime, **kwargs: object) -> Supervisor:
    return Supervisor(child, clock=fake.clock, sleep=fake.sleep, echo_stderr=False, **kwargs)  # type: ignore[arg-type]


def kiosk_log() -> str:
    return (log_dir() / LOG_FILE).read_text(encoding="utf-8")


CRASH_ONCE = """
import sys, time
from pathlib import Path
runs = Path(sys.argv[0]).with_name("runs.txt")
with runs.open("a") as f:
    f.write(f"{time.monotonic()}\\n")
if len(runs.read_text().splitlines()) == 1:
    raise RuntimeError("boom on the first run")
"""


def test_a_crash_is_restarted_within_3_s_and_logged_with_its_traceback(tmp_path: Path) -> None:
    fake = FakeTime()
    result = supervisor(script(tmp_path, CRASH_ONCE), fake).run()
    assert result == 0  # the second run exits 0: the supervisor stops
    starts = [float(t) for t in (tmp_path / "runs.txt").read_text().splitlines()]
    assert len(starts) == 2
    assert fake.sleeps == [RestartPolicy().restart_delay_s]
    # The wait plus the real time from one start to the next (crash, log, spawn) stays under 3 s.
    assert fake.sleeps[0] + (starts[1] - starts[0]) < 3
    log = kiosk_log()
    assert "the game crashed (exit code 1)" in log
    assert "Traceback (most recent call last):" in log
    assert "RuntimeError: boom on the first run" in log
    assert "the game exited normally" in log


def test_the_fault_variable_crashes_the_child_and_the_traceback_is_logged(tmp_path: Path) -> None:
    fake = FakeTime()
    child = [sys.executable, "-c", "from game.kiosk.fault import maybe_inject_fault; maybe_inject_fault('startup')"]
    env = {**os.environ, FAULT_ENV: "startup"}
    result = supervisor(child, fake, env=env, max_restarts=1).run()
    assert result == 1  # gave up after one restart
    log = kiosk_log()
    assert log.count("RuntimeError: injected fault for testing: startup") == 2
    assert "restart 1 in 1 s" in log
    assert "giving up after 1 restart(s)" in log


def test_a_crash_loop_backs_off_doubling_to_60_s(tmp_path: Path) -> None:
    fake = FakeTime()
    child = [sys.executable, "-S", "-c", "raise SystemExit(3)"]
    result = supervisor(child, fake, max_restarts=10).run()
    assert result == 1
    assert fake.sleeps == [1, 1, 1, 1, 1, 5, 10, 20, 40, 60]
    log = kiosk_log()
    assert log.count("the game crashed (exit code 3)") == 11
    assert "crash loop" in log


def test_a_clean_exit_stops_the_supervisor(tmp_path: Path) -> None:
    fake = FakeTime()
    child = script(tmp_path, 'print("bye")\n')
    assert supervisor(child, fake).run() == 0
    assert fake.sleeps == []
    assert "the game exited normally" in kiosk_log()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_signal_death_is_a_crash(tmp_path: Path) -> None:
    fake = FakeTime()
    child = script(tmp_path, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
    assert supervisor(child, fake, max_restarts=0).run() == 1
    assert "killed by signal SIGKILL" in kiosk_log()


def test_an_unstartable_child_is_a_crash_not_a_traceback(tmp_path: Path) -> None:
    fake = FakeTime()
    assert supervisor([str(tmp_path / "no-such-program")], fake, max_restarts=2).run() == 1
    assert fake.sleeps == [1, 1]
    assert "cannot start" in kiosk_log()


def test_describe_exit() -> None:
    assert describe_exit(1) == "exit code 1"
    assert describe_exit(-signal.SIGTERM) == "killed by signal SIGTERM"


def test_the_real_child_is_the_game_in_kiosk_mode() -> None:
    assert child_command(["--config", "/etc/k.yaml"]) == [
        sys.executable,
        "-m",
        "game",
        "--kiosk",
        "--config",
        "/etc/k.yaml",
    ]


SUPERVISE = """
import sys
from pathlib import Path
from game.kiosk.supervisor import Supervisor
sys.exit(Supervisor([sys.executable, sys.argv[1]], log_path=Path(sys.argv[2])).run())
"""

WAIT_FOR_TERM = """
import os, sys, time
from pathlib import Path
Path(sys.argv[0]).with_name("child.pid").write_text(str(os.getpid()))
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_is_forwarded_to_the_game_and_the_supervisor_stops(tmp_path: Path) -> None:
    child = tmp_path / "child.py"
    child.write_text(WAIT_FOR_TERM, encoding="utf-8")
    log = tmp_path / "kiosk.log"
    sup = subprocess.Popen(
        [sys.executable, "-c", SUPERVISE, str(child), str(log)], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    try:
        pid_file = tmp_path / "child.pid"
        deadline = time.monotonic() + 20
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pid_file.exists(), "the game child never started"
        child_pid = int(pid_file.read_text())
        sup.send_signal(signal.SIGTERM)
        assert sup.wait(timeout=20) == 0
    finally:
        if sup.poll() is None:
            sup.kill()
            sup.wait()
    text = log.read_text(encoding="utf-8")
    assert "forwarding SIGTERM" in text
    assert "stopped on request; the game ended with killed by signal SIGTERM" in text
    assert "crashed" not in text
    with pytest.raises(ProcessLookupError):
        os.kill(child_pid, 0)


def _play_is_wired_for_faults() -> bool:
    play = ROOT / "game" / "cli" / "play.py"
    return not play.exists() or "maybe_inject_fault" in play.read_text(encoding="utf-8")


@pytest.mark.skipif(not _play_is_wired_for_faults(), reason="game/cli/play.py does not call maybe_inject_fault yet")
def test_cli_restarts_the_real_game_after_a_startup_fault(tmp_path: Path) -> None:
    """End to end: ``python -m game kiosk`` with OPEN_SESAME_FAULT=startup logs each crash and restarts."""
    config = tmp_path / "kiosk.yaml"
    config.write_text(f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\n', encoding="utf-8")
    options = ["--config", str(config), "--max-restarts", "1", "--restart-delay", "0.1"]
    result = subprocess.run(
        [sys.executable, "-m", "game", "kiosk", *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, FAULT_ENV: "startup"},
    )
    assert result.returncode == 1, result.stderr
    log = kiosk_log()
    assert log.count("the game crashed") == 2
    if sys.platform != "win32":  # the first game was forked, the restart started anew: both logged alike
        assert "the first game was forked" in log
        assert log.count("RuntimeError: injected fault for testing: startup") == 2
    assert "Traceback (most recent call last):" in log
    assert f"--kiosk --config {config}" in log
    if (ROOT / "game" / "cli" / "play.py").exists():
        assert "RuntimeError: injected fault for testing: startup" in log


def test_cli_passes_the_absolute_config_and_other_options_to_the_game(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.kiosk import launch
    from game.kiosk import supervisor as module

    seen: list[list[str]] = []

    def fake_run(self: Supervisor, beside: object = None) -> int:
        seen.append(self.child)
        return 0

    monkeypatch.setattr(module.Supervisor, "run", fake_run)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.yaml").write_text(f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\n', encoding="utf-8")
    assert launch.run(["--config", "k.yaml", "--window", "800x600"]) == 0
    assert seen == [child_command(["--config", str(tmp_path / "k.yaml"), "--window", "800x600"])]
