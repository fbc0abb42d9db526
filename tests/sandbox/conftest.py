"""Shared months for the sandbox's tests: bot-played months of the shipped levels, made once."""

from __future__ import annotations

from functools import lru_cache

from game.content.load import load_level
from game.content.models import Level
from game.core.session import Session
from game.paths import LEVELS_DIR
from game.sandbox.demo import bot_months, month_of
from game.sandbox.replay import Month


@lru_cache(maxsize=4)
def level(name: str) -> Level:
    return load_level(LEVELS_DIR / f"{name}.yaml")


@lru_cache(maxsize=8)
def sessions(name: str, count: int, seed: int = 1, decline_every: int = 0) -> tuple[Session, ...]:
    return tuple(bot_months(level(name), count, seed, decline_every))


def months(name: str, count: int, seed: int = 1, decline_every: int = 0) -> list[Month]:
    return [month_of(s) for s in sessions(name, count, seed, decline_every)]
