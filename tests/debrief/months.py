"""Scripted months for the debrief tests: the same choices always give the same month."""

from __future__ import annotations

from game.content.load import load_level
from game.content.models import Level
from game.core.session import Session
from game.paths import LEVELS_DIR

SAMPLE = LEVELS_DIR / "sample.yaml"
# sample.yaml: the "cruel" month drops Mei, pays the fine online (a system error that
# blacklists you) and is then refused the train; the "kind" month does none of that.
CRUEL = {"bike": "ride", "game": "buy_game", "post": "unfriend", "fine": "pay", "wedding": "book"}
KIND = {"bike": "walk", "game": "buy_nappies", "post": "like", "fine": "ignore", "wedding": "book"}


def sample() -> Level:
    return load_level(SAMPLE)


def play(level: Level, picks: dict[str, str], persona: str = "student", seed: int = 3, accept: bool = True) -> Session:
    """A whole month: the scripted option where it is open, else the first one open."""
    session = Session(level, persona, seed)
    session.choose("accept" if accept else "decline")
    while not session.over:
        here, ids = session.scene_id, session.option_ids()
        wanted = picks.get(here or "")
        session.choose(wanted if wanted in ids else ids[0])
    return session
