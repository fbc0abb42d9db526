"""The config and level the supervisor checked reach the game through its stdin: checked once per boot."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.load import load_level
from game.kiosk.config import load_kiosk_config
from game.kiosk.handover import LEVEL_ENV, REFUSED, Checked, Refused, pack, receive
from game.kiosk.supervisor import Supervisor, Verdict
from game.paths import LEVELS_DIR, ROOT

SAMPLE = LEVELS_DIR / "sample.yaml"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f'level: {SAMPLE}\nadmin_pin: "604917"\nwindow: 800x600\nstats: false\n', encoding="utf-8")
    return path


def test_the_game_gets_the_checked_files_only_for_its_own_config(config: Path, tmp_path: Path) -> None:
    level = load_level(SAMPLE)
    data = pack(config, load_kiosk_config(config), SAMPLE, level)
    told = str(config.resolve())
    got = receive(config, told, io.BytesIO(data))
    assert isinstance(got, Checked) and got.level == level and got.level_path == str(SAMPLE.resolve())
    assert got.config.admin_pin == "604917"
    assert receive(config, None, io.BytesIO(data)) is None  # not supervised: read the files
    assert receive(None, told, io.BytesIO(data)) is None  # no config at all
    other = tmp_path / "other.yaml"
    assert receive(other, told, io.BytesIO(data)) is None  # told another config
    assert receive(other, str(other.resolve()), io.BytesIO(data)) is None  # sent another config
    assert receive(config, told, io.BytesIO(b"broken")) is None
    assert receive(config, told, io.BytesIO(pickle.dumps((told, 3)))) is None
    with pytest.raises(Refused):
        receive(config, told, io.BytesIO(REFUSED))


CHILD = """
import os, pickle, sys
checked = pickle.loads(sys.stdin.buffer.read())
sys.exit(0 if checked.config_path == os.environ["OPEN_SESAME_LEVEL_ON_STDIN"] and checked.level.id else 5)
"""


def test_every_game_the_supervisor_starts_reads_the_verdict_on_its_stdin(config: Path, tmp_path: Path) -> None:
    supervisor = Supervisor([sys.executable, "-c", CHILD], log_path=tmp_path / "s.log", echo_stderr=False)
    verdict = Verdict()
    supervisor.hand_over(verdict, config)
    assert supervisor.env is not None and supervisor.env[LEVEL_ENV] == str(config.resolve())
    verdict.give(pack(config, load_kiosk_config(config), SAMPLE, load_level(SAMPLE)))
    assert supervisor.run() == 0


WAITS = """
import pickle, sys
sys.exit(7 if pickle.loads(sys.stdin.buffer.read()) == "refused" else 0)
"""


def test_a_refused_check_stops_the_game_it_started_and_exits_2(config: Path, tmp_path: Path) -> None:
    """The game starts before the check ends; a refusal reaches it, and the kiosk stops."""
    supervisor = Supervisor([sys.executable, "-c", WAITS], log_path=tmp_path / "s.log", echo_stderr=False)
    verdict = Verdict()
    supervisor.hand_over(verdict, config)

    def check() -> None:
        supervisor.refuse([f"{config}:1:1: level: no such level file"])
        verdict.refuse()

    assert supervisor.run(beside=check) == 2
    log = (tmp_path / "s.log").read_text(encoding="utf-8")
    assert f"{config}:1:1: level: no such level file" in log and "the kiosk stops" in log
    assert "restart" not in log


def test_the_real_game_plays_the_checked_copies(config: Path, tmp_path: Path) -> None:
    """Through the real supervisor: the game says it took the supervisor's copies, and reads no level itself."""
    data = tmp_path / "data"
    env = {
        **os.environ,
        "OPEN_SESAME_DATA": str(data),
        "OPEN_SESAME_FIRST_FRAME": str(tmp_path / "up"),
        "OPEN_SESAME_FAULT": "",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "kiosk", "--config", str(config)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    game_log = data / "logs" / "game.log"
    try:
        for _ in range(300):
            if game_log.exists() and "the copies the supervisor checked" in game_log.read_text(encoding="utf-8"):
                break
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            subprocess.run(["sleep", "0.1"], check=True)
        else:
            raise AssertionError("the game never said it took the supervisor's copies")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert (tmp_path / "up").exists()  # its first frame came first
