"""Anonymous local statistics: what visitors chose, kept in SQLite on the kiosk itself.

The whole API the game needs::

    from game.stats import SessionRecord, StatsStore

    store = StatsStore()                                   # never raises; see game.stats.store
    store.record(SessionRecord.make(level=..., persona=..., language=..., variant=...,
                                    choices=["w1_rent.pay_now", ...], guess=["credit_history", ...],
                                    final_score=612, grade="B", goal_reached=True, completed=True,
                                    started=t0, ended=t1))  # -> int | None
    store.choice_shares(level, scene_id)                   # -> ChoiceShares | None  ("others at this kiosk")
    store.guess_vs_truth(level, variant)                   # -> GuessRanks | None
    store.summary(level)                                   # -> Summary | None      (facilitator screen)
    store.summary(level).learning[level]                   # -> Learning: join rates, guesses vs chance

Every figure backed by fewer than :data:`K_MIN` (5) sessions is None. ``merge`` combines
kiosks; ``python -m game stats`` is the command-line view (:mod:`game.stats.cli`).
No module here imports pygame.
"""

from game.stats.merge import MergeRefused, merge
from game.stats.privacy import K_MIN
from game.stats.record import SessionRecord
from game.stats.report import ChoiceShares, GuessRanks, Learning, Rate, Summary
from game.stats.source import StatsUnreadable
from game.stats.store import StatsStore, default_path

__all__ = [
    "K_MIN",
    "ChoiceShares",
    "GuessRanks",
    "Learning",
    "MergeRefused",
    "Rate",
    "SessionRecord",
    "StatsStore",
    "StatsUnreadable",
    "Summary",
    "default_path",
    "merge",
]
