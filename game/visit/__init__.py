"""One visitor's session, whole: the month, the phone's feed, appeals, the guess, the answers.

A :class:`Visit` is what the screens show (through :mod:`game.present`) and what the
statistics, the replay command and a bug report keep: it serialises to one versioned
object, and :meth:`Visit.from_dict` gives the same visit back. It imports no pygame.
"""

from game.visit.beats import AfterChoice, Beat, Blacklisted, MonthEnd, Publication, WeekIntro
from game.visit.feed import FeedItem
from game.visit.visit import VISIT_FORMAT, Visit

__all__ = [
    "VISIT_FORMAT",
    "AfterChoice",
    "Beat",
    "Blacklisted",
    "FeedItem",
    "MonthEnd",
    "Publication",
    "Visit",
    "WeekIntro",
]
