"""Not your fault (interim): signed net points, what the visitor chose against the rest."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Level
from game.core.ledger import net_points_by_cause
from game.core.state import SessionState
from game.present.words import Words


@dataclass(frozen=True)
class Fault:
    chosen: float
    not_chosen: float
    verdict: str


def fault_of(level: Level, state: SessionState) -> Fault:
    net = net_points_by_cause(list(state.ledger))
    chosen = net["choice"]
    rest = sum(v for k, v in net.items() if k != "choice")
    if "declined" in state.flags:
        verdict = "declined"
    elif abs(rest) > abs(chosen):
        verdict = "privilege" if rest > 0 else "handicap"
    else:
        verdict = "mostly_you"
    return Fault(chosen, rest, verdict)


def fault_sentence(fault: Fault, words: Words) -> str:
    return words.t(f"debrief.fault.verdict.{fault.verdict}")
