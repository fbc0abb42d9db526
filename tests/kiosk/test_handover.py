"""The level the supervisor checked reaches the game through its stdin: validated once per boot."""

from __future__ import annotations

import io
import pickle
import sys
from pathlib import Path

from game.content.load import load_level
from game.kiosk.handover import LEVEL_ENV, pack, receive
from game.kiosk.supervisor import Supervisor
from game.paths import LEVELS_DIR

SAMPLE = LEVELS_DIR / "sample.yaml"


def test_the_game_gets_the_checked_level_only_for_its_own_file() -> None:
    level = load_level(SAMPLE)
    data = pack(level, SAMPLE)
    assert receive(SAMPLE, str(SAMPLE.resolve()), io.BytesIO(data)) == level
    assert receive(SAMPLE, None, io.BytesIO(data)) is None  # not supervised: read the file
    other = LEVELS_DIR / "kiosk.yaml"
    assert receive(other, str(SAMPLE.resolve()), io.BytesIO(data)) is None  # told another file
    assert receive(other, str(other.resolve()), io.BytesIO(data)) is None  # sent another file
    assert receive(SAMPLE, str(SAMPLE.resolve()), io.BytesIO(b"broken")) is None
    assert receive(SAMPLE, str(SAMPLE.resolve()), io.BytesIO(pickle.dumps((str(SAMPLE.resolve()), 3)))) is None


CHILD = """
import os, pickle, sys
path, level = pickle.loads(sys.stdin.buffer.read())
sys.exit(0 if path == os.environ["OPEN_SESAME_LEVEL_ON_STDIN"] and level.id else 5)
"""


def test_every_game_the_supervisor_starts_reads_the_level_on_its_stdin(tmp_path: Path) -> None:
    supervisor = Supervisor([sys.executable, "-c", CHILD], log_path=tmp_path / "s.log", echo_stderr=False)
    supervisor.hand_over(pack(load_level(SAMPLE), SAMPLE), SAMPLE)
    assert supervisor.env is not None and supervisor.env[LEVEL_ENV] == str(SAMPLE.resolve())
    assert supervisor.run() == 0
