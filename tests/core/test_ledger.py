"""The ledger: every hidden change with its cause, and the sums the debrief shows."""

from __future__ import annotations

import json
import typing

import pytest
from pydantic import TypeAdapter

from game.content.models import CauseKind
from game.core.ledger import CAUSES, LedgerEntry, net_points_by_cause, points_by_cause
from game.core.session import Session
from tests.core.levelkit import base, build, cat, contact, finish, option, play


def entry(seq: int, cause: str, points: float, target: str = "category") -> LedgerEntry:
    return LedgerEntry(seq, 1, cause, target, "credit", 0, 1, points)  # type: ignore[arg-type]


def test_causes_match_the_level_schema() -> None:
    assert set(CAUSES) == set(typing.get_args(CauseKind))


def test_points_by_cause_sums_absolute_category_moves_only() -> None:
    entries = [
        entry(0, "choice", 5),
        entry(1, "choice", -3),
        entry(2, "persona", -4),
        entry(3, "recompute", 99, target="score"),
        entry(4, "contact", 7, target="money"),
    ]
    assert points_by_cause(entries) == {"choice": 8, "persona": 4, "contact": 0, "system_error": 0, "recompute": 0}
    assert net_points_by_cause(entries) == {"choice": 2, "persona": -4, "contact": 0, "system_error": 0, "recompute": 0}


def test_entry_round_trips_through_json() -> None:
    e = LedgerEntry(3, 2, "system_error", "flag", "blacklisted", False, True, 0.0, "fine", "pay", {"en": "Oops."})
    adapter = TypeAdapter(LedgerEntry)  # the state's serialisation is derived from its fields
    assert adapter.validate_python(json.loads(json.dumps(adapter.dump_python(e, mode="json")))) == e


def rich_level() -> dict[str, typing.Any]:
    data = base()
    data["rules"][0]["weights"]["connections"] = 1
    data["connections"] = {"alone": 15, "per_friend": 3}
    data["recompute"] = {"drift": {"behaviour": -1.5}}
    data["contacts"] = [contact("mei", 640, drift=-4, noise=3, drops_you_if_blacklisted=True), contact("leo", 410)]
    data["weeks"][0]["scenes"][0]["options"] += [
        option("fine", effects=[{"flag": "blacklisted", "cause": "system_error"}, cat("credit", -12, delay_scenes=1)]),
        option("vouch", effects=[{"contact": "leo", "delta": 40}, cat("connections", 4)]),
    ]
    return data


@pytest.mark.parametrize("first", ["up", "down", "fine", "vouch"])
@pytest.mark.parametrize("persona", ["ann", "bob"])
def test_points_add_up_to_the_raw_score_movement(first: str, persona: str) -> None:
    level = build(rich_level())
    session = Session(level, persona, seed=4)
    start_len = len(session.state.ledger)
    start_raw = session.ix.raw_score(session.state.sub, session.state.variant)
    play(session, "accept", first)
    finish(session)
    end_raw = session.ix.raw_score(session.state.sub, session.state.variant)
    moved = sum(e.points for e in session.state.ledger[start_len:])
    assert moved == pytest.approx(end_raw - start_raw)
    assert sum(net_points_by_cause(session.state.ledger[start_len:]).values()) == pytest.approx(moved)


def test_every_kind_of_cause_shows_up() -> None:
    level = build(rich_level())
    session = Session(level, "bob", seed=1)
    play(session, "accept", "fine")
    finish(session)
    causes = {e.cause for e in session.state.ledger if e.target == "category"}
    assert causes == {"persona", "contact", "recompute", "choice"}
    assert any(e.cause == "system_error" for e in session.state.ledger)
    assert all(e.cause in CAUSES for e in session.state.ledger)


def test_sequence_numbers_and_weeks_are_in_order() -> None:
    session = Session(build(rich_level()), "ann", seed=2)
    finish(session)
    ledger = session.state.ledger
    assert [e.seq for e in ledger] == list(range(len(ledger)))
    assert [e.week for e in ledger] == sorted(e.week for e in ledger)
    assert ledger[0].week == 0 and ledger[-1].week == 2
