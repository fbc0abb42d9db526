"""The debrief's figures for a visit: the pure views of :mod:`game.debrief`, fed from it.

Panels call these and never the engine's state. Each returns plain data with ids and
the level's own texts; the panels choose the words.
"""

from __future__ import annotations

from game.core.replay import Timeline, timeline_of
from game.core.state import DoorMet
from game.debrief.fault import Fault, fault_of
from game.debrief.guess import GuessRow, guess_rows
from game.debrief.kiosk import KioskView, StatsReader, kiosk_view
from game.debrief.rules import RulesView, rules_view
from game.debrief.views import (
    ContactFate,
    ErrorsView,
    Step,
    errors_view,
    met_thresholds,
    month_steps,
    others_view,
)
from game.debrief.whatif import ChoiceItem, WhatIf, choice_items
from game.visit import Visit


def steps(visit: Visit) -> list[Step]:
    st = visit.session.state
    return month_steps(st.ledger, st.history)


def thresholds(visit: Visit, timelines: list[Timeline] | None = None) -> list[int]:
    """The thresholds of the doors met (in ``timelines``, or this month): the chart's lines."""
    doors = [d.door for t in (timelines or [timeline_of(visit.session)]) for d in t.doors]
    return met_thresholds(visit.level, doors)


def doors_met(visit: Visit) -> list[DoorMet]:
    return list(visit.session.state.doors)


def money_start(visit: Visit) -> int:
    return visit.session.ix.personas[visit.persona].money


def money_end(visit: Visit) -> int:
    return visit.session.state.money


def rules(visit: Visit) -> RulesView:
    return rules_view(visit.level, visit.session.state)


_FAULTS: dict[tuple[object, ...], Fault] = {}


def fault(visit: Visit) -> Fault:
    """The corrected "not your fault" measure (replays included), made once per month."""
    key = (id(visit.level), *month_key(visit))
    found = _FAULTS.get(key)
    if found is None:
        if len(_FAULTS) > 8:
            _FAULTS.clear()
        found = _FAULTS[key] = fault_of(visit.level, visit.session.state)
    return found


def others(visit: Visit) -> list[ContactFate]:
    return others_view(visit.level, visit.session.state)


def errors(visit: Visit) -> ErrorsView:
    return errors_view(visit.level, visit.session.state)


def guess(visit: Visit, ranking: list[str], earlier: dict[str, float | None] | None = None) -> list[GuessRow]:
    return guess_rows(visit.level, visit.session.state.variant, ranking, earlier, visit.session.state)


def variant(visit: Visit) -> str:
    return visit.session.state.variant


def earlier_guesses(visit: Visit, store: StatsReader | None) -> dict[str, float | None] | None:
    if store is None:
        return None
    found = store.guess_vs_truth(visit.level.id, variant(visit))
    return None if found is None else dict(found.mean_rank)


def kiosk(visit: Visit, store: StatsReader | None) -> KioskView | None:
    return kiosk_view(store, visit.session)


def whatif(visit: Visit) -> WhatIf:
    return WhatIf(visit.session)


def choices(visit: Visit) -> list[ChoiceItem]:
    return choice_items(visit.session)


def month_key(visit: Visit) -> tuple[object, ...]:
    """What a month's debrief pages are drawn from (for keeping their pictures)."""
    st = visit.session.state
    return (st.level, st.persona, st.seed, st.variant, tuple(st.choices), tuple(visit.appeals))
