"""A demonstration class: months played by the simulator's bots, recorded like real sessions.

For the benchmark, the screenshots and the tests: never mixed with real statistics (it is
written only to a file the caller names). The bots take turns through the simulator's
policies (:data:`game.core.simulate.POLICIES`), so the class does what a class does: some
conform, some stay loyal, some betray.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from game.content.models import Level
from game.core.session import ACCEPT, DECLINE, Session
from game.core.simulate import POLICIES, policy_named
from game.sandbox.replay import Month
from game.stats.record import SessionRecord
from game.stats.store import StatsStore


def bot_months(level: Level, count: int, seed: int = 1, decline_every: int = 0) -> list[Session]:
    """``count`` whole months, the personas and policies in turn (every ``decline_every``-th declines)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        persona = level.personas[i % len(level.personas)].id
        policy = policy_named(POLICIES[(i // len(level.personas)) % len(POLICIES)])
        session = Session(level, persona, rng.randrange(1 << 30))
        session.choose(DECLINE if decline_every and i % decline_every == decline_every - 1 else ACCEPT)
        while not session.over:
            session.choose(policy(session, rng))
        out.append(session)
    return out


def month_of(session: Session) -> Month:
    st = session.state
    return Month(st.persona, st.seed, st.variant, tuple(st.choices))


def record_of(level: Level, session: Session, started: datetime, lang: str = "fr") -> SessionRecord:
    st, outcome = session.state, session.outcome()
    return SessionRecord.make(
        level=level.id,
        persona=st.persona,
        language=lang if lang in level.languages else level.languages[0],
        variant=st.variant,
        choices=[f"{scene}.{option}" for scene, option in st.choices],
        final_score=outcome.final_score,
        grade=outcome.grade,
        goal_reached=outcome.goal_reached,
        completed=True,
        started=started,
        ended=started + timedelta(minutes=8),
        seed=st.seed,
    )


def record_class(store: StatsStore, level: Level, sessions: list[Session]) -> None:
    """Record each month as the game records a finished visit."""
    start = datetime(2026, 3, 14, 14, 0)
    for i, session in enumerate(sessions):
        store.record(record_of(level, session, start + timedelta(minutes=i)))
