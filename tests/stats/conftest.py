"""Helpers for the statistics tests: records built from a few varied fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from game.stats.record import SessionRecord

MakeRecord = Callable[..., SessionRecord]
CATEGORIES = ("credit_history", "fulfilment", "personal", "behaviour", "connections")


def build_record(**changes: Any) -> SessionRecord:
    """A completed session on level ``sample``; keyword arguments replace any field."""
    start = datetime(2026, 3, 14, 15, 9, 26)
    fields: dict[str, Any] = {
        "level": "sample",
        "persona": "mei",
        "language": "fr",
        "variant": "standard",
        "choices": ("w1_rent.pay_now", "w1_shop.cheap"),
        "guess": CATEGORIES,
        "final_score": 640,
        "grade": "B",
        "goal_reached": True,
        "completed": True,
        "started": start,
        "ended": start + timedelta(seconds=347),
    }
    fields.update(changes)
    return SessionRecord.make(**fields)


@pytest.fixture
def make_record() -> MakeRecord:
    return build_record
