"""Record a finished (or abandoned) visit: its replay line and its anonymous statistics row.

Once per visit. A month that reached its end counts as completed even if the visitor
walked away from the debrief; one left mid-month is recorded as abandoned. Beside the
consent at the start go the answer after the reveal and whether the guess named the
visitor's own top cause (only for a month with a score and a ranking).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from game.debrief.guess import guess_matched, own_ranking
from game.logs import log_session
from game.settings import Settings
from game.stats import SessionRecord, StatsStore
from game.visit import Visit


def record_visit(visit: Visit, settings: Settings, store: StatsStore | None) -> None:
    if visit.recorded:
        return
    visit.recorded = True
    session = visit.session
    st = session.state
    if settings.stats or settings.log_sessions:  # the replay line, hour-stamped, in sessions.log
        log_session(visit.level.id, st.persona, st.seed, st.variant, st.choices)
    if not settings.stats or store is None:
        return
    outcome = session.outcome() if session.over else None
    consent = next((option for scene, option in st.choices if scene == "consent"), None)
    own = own_ranking(visit.level, st) if session.over else []
    ended = datetime.now()
    store.record(
        SessionRecord.make(
            level=visit.level.id,
            persona=st.persona,
            language=settings.lang,
            variant=st.variant,
            choices=tuple(f"{scene}.{option}" for scene, option in st.choices),
            guess=tuple(visit.guess),
            final_score=outcome.final_score if outcome else None,
            grade=outcome.grade if outcome else None,
            goal_reached=outcome.goal_reached if outcome else None,
            completed=session.over,
            started=ended - timedelta(seconds=visit.seconds),
            ended=ended,
            seed=st.seed,
            joined=None if consent is None else consent == "accept",
            join_again=visit.data.join_again,
            guess_matched=guess_matched(visit.guess, own) if visit.guess and own else None,
        )
    )
