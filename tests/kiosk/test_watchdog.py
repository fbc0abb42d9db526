"""A game whose loop stops answering (frozen, ``kill -STOP``) is killed and restarted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.datadir import log_dir
from game.kiosk.supervisor import LOG_FILE, Supervisor

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_watchdog_allows_a_grace_at_start_then_the_timeout() -> None:
    from game.kiosk.watchdog import Watchdog

    dog = Watchdog(timeout_s=5, startup_grace_s=20)
    dog.start(0)
    dog.observe(None, 10)
    assert not dog.frozen(19.9)  # still starting
    assert dog.frozen(20.1)
    dog.start(0)
    dog.observe(b"1\n", 3)
    dog.observe(b"1\n", 7)  # the same content is not a new beat
    assert not dog.frozen(8)
    assert dog.frozen(8.1)
    dog.observe(b"2\n", 8.1)
    assert not dog.frozen(13) and dog.silent_for(13) == pytest.approx(4.9)


def test_the_watchdog_checks_its_numbers() -> None:
    from game.kiosk.watchdog import Watchdog

    with pytest.raises(ValueError):
        Watchdog(timeout_s=0)
    assert Watchdog(timeout_s=30, startup_grace_s=5).startup_grace_s == 30  # never shorter than the timeout


def test_the_heartbeat_writes_at_most_once_a_second(tmp_path: Path) -> None:
    from game.kiosk.watchdog import Heartbeat, read_beat

    clock = Clock()
    path = tmp_path / "beat"
    beat = Heartbeat(path, clock)
    beat()
    assert read_beat(path) == b"1\n"
    clock.now += 0.5
    beat()
    assert read_beat(path) == b"1\n"
    clock.now += 0.5
    beat()
    assert read_beat(path) == b"2\n"
    beat.close()


def test_a_heartbeat_that_cannot_write_does_not_raise(tmp_path: Path) -> None:
    from game.kiosk.watchdog import Heartbeat

    beat = Heartbeat(tmp_path / "missing-folder" / "beat", Clock())
    beat()  # nothing to write to: silence (the supervisor will notice), never a crash


def test_the_heartbeat_only_runs_under_a_supervisor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.kiosk.watchdog import HEARTBEAT_ENV, Heartbeat, heartbeat_from_env

    monkeypatch.delenv(HEARTBEAT_ENV, raising=False)
    heartbeat_from_env()()  # a no-op
    monkeypatch.setenv(HEARTBEAT_ENV, str(tmp_path / "b"))
    beat = heartbeat_from_env()
    beat()
    assert isinstance(beat, Heartbeat) and (tmp_path / "b").read_bytes() == b"1\n"


FREEZES_ONCE = """
import os, signal, sys, time
from pathlib import Path
runs = Path(sys.argv[0]).with_name("runs.txt")
with runs.open("a") as f:
    f.write("run\\n")
if len(runs.read_text().splitlines()) > 1:
    sys.exit(0)  # the second run: a technician's exit
beat = Path(os.environ["OPEN_SESAME_HEARTBEAT"])
for n in range(3):
    beat.write_text(f"{n}\\n")
    time.sleep(0.2)
os.kill(os.getpid(), signal.SIGSTOP)  # frozen: alive, silent, deaf to SIGTERM
"""

NEVER_BEATS = """
import sys, time
from pathlib import Path
runs = Path(sys.argv[0]).with_name("runs.txt")
with runs.open("a") as f:
    f.write("run\\n")
if len(runs.read_text().splitlines()) > 1:
    sys.exit(0)
time.sleep(60)  # stuck before its first frame
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("body", [FREEZES_ONCE, NEVER_BEATS], ids=["stopped", "stuck-at-start"])
def test_a_silent_game_is_killed_and_restarted(tmp_path: Path, body: str) -> None:
    child = tmp_path / "child.py"
    child.write_text(body, encoding="utf-8")
    sleeps: list[float] = []
    sup = Supervisor(
        [sys.executable, str(child)],
        echo_stderr=False,
        sleep=sleeps.append,
        watchdog_s=1.0,
        startup_grace_s=1.5,
    )
    assert sup.run() == 0
    assert (tmp_path / "runs.txt").read_text().splitlines() == ["run", "run"]
    log = (log_dir() / LOG_FILE).read_text(encoding="utf-8")
    assert "the game stopped answering (no heartbeat for" in log
    assert "the game froze and was killed (killed by signal SIGKILL)" in log
    assert len(sleeps) == 1  # restarted like a crash


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_beating_game_is_left_alone(tmp_path: Path) -> None:
    child = tmp_path / "child.py"
    child.write_text(
        "import os, time\nfrom pathlib import Path\nb = Path(os.environ['OPEN_SESAME_HEARTBEAT'])\n"
        "for n in range(10):\n    b.write_text(str(n))\n    time.sleep(0.2)\n",
        encoding="utf-8",
    )
    sup = Supervisor([sys.executable, str(child)], echo_stderr=False, watchdog_s=1.0, startup_grace_s=1.0)
    assert sup.run() == 0  # two seconds of life, a beat every 0.2 s: never killed
    assert "stopped answering" not in (log_dir() / LOG_FILE).read_text(encoding="utf-8")


def test_the_heartbeat_file_is_removed_after_each_run(tmp_path: Path) -> None:
    child = tmp_path / "child.py"
    child.write_text(
        "import os, sys\nfrom pathlib import Path\n"
        "Path(sys.argv[0]).with_name('beat.txt').write_text(os.environ['OPEN_SESAME_HEARTBEAT'])\n",
        encoding="utf-8",
    )
    sup = Supervisor([sys.executable, str(child)], echo_stderr=False, watchdog_s=5.0)
    assert sup.run() == 0
    beat = Path((tmp_path / "beat.txt").read_text())
    assert beat.name.startswith("open-sesame-heartbeat-")
    assert not beat.exists()
