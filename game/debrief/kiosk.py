"""Others at this kiosk: the player's choices beside earlier visitors', anonymously.

The store (:class:`game.stats.StatsStore`, or anything with the same two readers)
already hides every figure with fewer than five sessions behind it; here a hidden
figure simply stays None and the screen says so honestly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.core.session import Session
from game.stats.report import ChoiceShares, GuessRanks

Text = dict[str, str]


class StatsReader(Protocol):
    def choice_shares(self, level: str, scene_id: str) -> ChoiceShares | None: ...

    def guess_vs_truth(self, level: str, variant: str | None = None) -> GuessRanks | None: ...


@dataclass(frozen=True)
class Share:
    option: str
    text: Text
    share: float | None  # 0..1, None when fewer than five chose it
    yours: bool


@dataclass(frozen=True)
class SceneCompare:
    scene: str
    title: Text
    total: int
    shares: tuple[Share, ...]


@dataclass(frozen=True)
class KioskView:
    scenes: tuple[SceneCompare, ...]  # only scenes with enough sessions behind them
    hidden: int  # scenes of this month with too few sessions to show
    guesses: GuessRanks | None

    @property
    def empty(self) -> bool:
        return not self.scenes and self.guesses is None


def kiosk_view(store: StatsReader | None, session: Session) -> KioskView | None:
    """None without a store; otherwise what may be shown of earlier sessions."""
    if store is None:
        return None
    level, st = session.level, session.state
    scenes, hidden = [], 0
    for scene_id, chosen in st.choices:
        shares = store.choice_shares(level.id, scene_id)
        if shares is None:
            hidden += 1
            continue
        title, options = session.ix.choice_texts(scene_id)
        row = tuple(Share(o, t, shares.share(o), o == chosen) for o, t in options)
        scenes.append(SceneCompare(scene_id, title, shares.total, row))
    return KioskView(tuple(scenes), hidden, store.guess_vs_truth(level.id, st.variant))
