"""The first kiosk game is forked before the supervisor's imports, and handled like a Popen.

A fork of the test runner would run pytest twice, so each case runs in a child Python.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.paths import ROOT

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="no fork on Windows: the first game is a Popen"),
    pytest.mark.serial,  # it times the wait for a first frame: run alone (tests/run.py)
]

FORKS = """
import json, os, sys, time
from game.kiosk.forked import fork_game

def game_reads_stdin_and_env():
    data = sys.stdin.buffer.read()
    print("game says", data.decode(), os.environ["SEEN"], file=sys.stderr)
    return 3

def game_crashes():
    raise RuntimeError("boom in the forked game")

def game_waits():
    time.sleep(60)
    return 0

out = {}
first = fork_game(game_reads_stdin_and_env, {"SEEN": "env-set"})
first.stdin.write(b"verdict"); first.stdin.close()
out["code"] = first.wait(timeout=20)
out["stderr"] = first.stderr.read().decode()
out["parent_env"] = os.environ.get("SEEN")
crash = fork_game(game_crashes, {})
crash.stdin.close()
out["crash_code"] = crash.wait(timeout=20)
out["crash_stderr"] = crash.stderr.read().decode()
waits = fork_game(game_waits, {})
try:
    waits.wait(timeout=0.05)
    out["timeout"] = False
except Exception as err:
    out["timeout"] = type(err).__name__
waits.terminate()
out["term_code"] = waits.wait(timeout=20)
waits.kill()  # a game already gone: nothing happens
print(json.dumps(out))
"""


def test_a_forked_game_gets_its_pipes_env_and_exit_code_like_a_popen() -> None:
    result = subprocess.run(
        [sys.executable, "-c", FORKS], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["code"] == 3
    assert "game says verdict env-set" in out["stderr"]
    assert out["parent_env"] is None  # the env is the game's, not the supervisor's
    assert out["crash_code"] == 1
    assert "Traceback (most recent call last):" in out["crash_stderr"]
    assert "RuntimeError: boom in the forked game" in out["crash_stderr"]
    assert out["timeout"] == "TimeoutExpired"
    assert out["term_code"] == -15


def test_the_supervisor_imports_nothing_heavy_before_it_forks(tmp_path: Path) -> None:
    """What runs before the fork is the game's option parser and little else: no logging
    handlers, no threads, no subprocess machinery, no validation, no pygame."""
    probe = """
import json, sys, threading
from game.kiosk import launch
def stop(game, env):
    print(threading.active_count(), flush=True)
    print(json.dumps(sorted(sys.modules)), flush=True)
    raise SystemExit(0)
launch.fork_game = stop
launch.run(sys.argv[1:])
"""
    config = tmp_path / "kiosk.yaml"
    config.write_text("level: levels/sample.yaml\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", probe, "--config", str(config)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    threads, names = result.stdout.strip().splitlines()[-2:]
    assert threads == "1"  # a fork copies only the calling thread
    loaded = set(json.loads(names))
    for heavy in ("pygame", "pydantic", "game.kiosk.supervisor", "logging.handlers", "subprocess", "yaml"):
        assert heavy not in loaded, heavy


class FakeGame:
    """A started game the tests control: it ends when told, or when it gets SIGTERM."""

    def __init__(self) -> None:
        import io

        self.pid = 4242
        self.stdin = None
        self.stderr = io.BytesIO(b"")
        self.code: int | None = None
        self.terminated = False

    def poll(self) -> int | None:
        return self.code

    def wait(self, timeout: float | None = None) -> int:
        if self.code is None:
            import subprocess as sp

            raise sp.TimeoutExpired("fake", timeout or 0)
        return self.code

    def terminate(self) -> None:
        self.terminated, self.code = True, -15

    def kill(self) -> None:
        self.code = -9


def test_the_supervisor_waits_for_the_first_frame_and_no_longer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    from game.kiosk import forked

    game, beat = FakeGame(), tmp_path / "beat"
    beat.write_bytes(b"")
    threading.Timer(0.1, lambda: beat.write_bytes(b"1\n")).start()
    started = time.monotonic()
    forked.wait_for_first_frame(game, beat, lambda: False)  # type: ignore[arg-type]
    assert 0.05 < time.monotonic() - started < 2.5  # back at the first beat
    beat.write_bytes(b"")
    game.code = 1  # a game that died before its first frame: no wait
    forked.wait_for_first_frame(game, beat, lambda: False)  # type: ignore[arg-type]
    game.code = None
    forked.wait_for_first_frame(game, beat, lambda: True)  # a stop signal came
    monkeypatch.setattr(forked, "FIRST_FRAME_WAIT_S", 0.05)
    started = time.monotonic()
    forked.wait_for_first_frame(game, beat, lambda: False)  # a game slow to draw: go on anyway
    assert time.monotonic() - started < 1.0


def test_a_stop_before_the_first_frame_still_ends_the_forked_game(tmp_path: Path) -> None:
    """A SIGTERM while the supervisor waited for the first frame: the game it forked gets
    SIGTERM too, and the supervisor stops (exit 0) without restarting it."""
    from game.kiosk.supervisor import Supervisor

    game = FakeGame()
    supervisor = Supervisor(["unused"], log_path=tmp_path / "kiosk.log", echo_stderr=False, handle_signals=False)
    supervisor.adopt(game, None)  # type: ignore[arg-type]
    supervisor.request_stop()
    assert supervisor.run() == 0
    assert game.terminated
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "the first game was forked" in log and "stopped on request" in log
    assert "crashed" not in log
