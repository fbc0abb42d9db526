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

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no fork on Windows: the first game is a Popen")

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
import sys, threading
from game.kiosk import launch
def stop(game, env):
    print(threading.active_count(), flush=True)
    print(sorted(sys.modules), flush=True)
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
    loaded = set(eval(names))  # noqa: S307 - our own probe's list of names
    for heavy in ("pygame", "pydantic", "game.kiosk.supervisor", "logging.handlers", "subprocess", "yaml"):
        assert heavy not in loaded, heavy
