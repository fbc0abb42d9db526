"""One bot month, played and summed up as a small record the reports are built from.

A month's randomness comes only from the seed and the month's index
(:func:`month_rng`): the same month is played whoever plays it, in whichever process and
in whichever order, so a report is the same for a seed whatever the number of processes
(:mod:`game.core.parallel`). Months are summed up as :class:`Month` records, plain data
that crosses between processes cheaply, rather than as whole sessions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.content.models import Level
from game.core.events import Event
from game.core.plan import text_line
from game.core.policies import Policy, policy_named
from game.core.replay import play_log
from game.core.session import ACCEPT, DECLINE, Outcome, Session


@dataclass(frozen=True, slots=True)
class MonthSpec:
    """How a batch of months is played: plain data, so it can be sent to a worker."""

    policy: str
    seed: int
    decline_rate: float
    langs: tuple[str, ...]  # the languages whose words read are counted
    other_rules: bool = False  # also replay the same choices under every other rule set


@dataclass(frozen=True, slots=True)
class Month:
    """What the reports need of one month played."""

    persona: str
    declined: bool
    score: int | None  # the final score (None in a month without Halo)
    grade: str | None
    goal: bool
    doors: tuple[tuple[str, str], ...]  # (door, outcome) in the order met
    scenes: tuple[str, ...]  # every scene chosen in, the consent included
    words: tuple[int, ...]  # words read, per language of the spec
    variant: str
    rules_change_goal: bool = False  # another rule set changes the goal's outcome (other_rules only)

    def __reduce__(self) -> tuple[type[Month], tuple[object, ...]]:
        """Pickled as its fields, rebuilt by one call: workers send thousands back, and the
        generic way for a frozen class with slots sets each field on its own (three times slower)."""
        return Month, (
            self.persona,
            self.declined,
            self.score,
            self.grade,
            self.goal,
            self.doors,
            self.scenes,
            self.words,
            self.variant,
            self.rules_change_goal,
        )


def month_rng(seed: int, index: int) -> random.Random:
    """The random stream of month ``index`` of a run seeded ``seed``: it depends on nothing else.

    A string seed is hashed (SHA-512), so neighbouring seeds and indexes give unrelated streams.
    """
    return random.Random(f"month-{seed}-{index}")


def play_one(
    level: Level, persona: str, seed: int, policy: Policy, rng: random.Random, decline_rate: float, lang: str
) -> tuple[Session, int]:
    """Play one month with ``policy``; return it and the number of words a player read."""
    session, words = play_counting(level, persona, seed, policy, rng, decline_rate, (lang,))
    return session, words[lang]


def play_counting(
    level: Level,
    persona: str,
    seed: int,
    policy: Policy,
    rng: random.Random,
    decline_rate: float,
    langs: tuple[str, ...],
    variant: str | None = None,
) -> tuple[Session, dict[str, int]]:
    """Play one month; count, in each language, the words of every line actually shown.

    Scene texts are the ``text_when`` line that holds when the scene comes up, replies the
    ``reply_when`` line the engine chose: the words of this month, not of every variant.
    """
    session, words, _ = _play(level, persona, seed, policy, rng, decline_rate, langs, variant)
    return session, words


def _play(
    level: Level,
    persona: str,
    seed: int,
    policy: Policy,
    rng: random.Random,
    decline_rate: float,
    langs: tuple[str, ...],
    variant: str | None = None,
) -> tuple[Session, dict[str, int], Outcome]:
    """:func:`play_counting`, and the month's outcome it worked out to count the ending's words."""
    session = Session(level, persona, seed, variant)
    st, scenes = session.state, session.ix.scene_plans
    happened: list[Event] = session.choose(DECLINE if rng.random() < decline_rate else ACCEPT)
    without = session.declined  # the weeks lived are the month without Halo (joining late or not)
    shown: list[tuple[str, int]] = []  # each scene as it came up: its id and the text shown
    while st.phase != "ended":
        scene = st.detour[0] if st.detour else st.schedule[st.week][st.pos]  # session.scene_id, in a month
        shown.append((scene, text_line(scenes[scene], st)))
        happened += session.choose(policy(session, rng))
    outcome = session.outcome()
    counter = session.ix.words
    words = {
        lang: counter.opening(lang)
        + counter.events(happened, lang, without)
        + counter.scenes(shown, lang)
        + counter.ending(outcome, st.persona, lang, without)
        for lang in langs
    }
    return session, words, outcome


def play_month(level: Level, spec: MonthSpec, index: int, policy: Policy | None = None) -> Month:
    """Month ``index`` of a batch: its persona by turns, its draws from :func:`month_rng`."""
    personas = level.personas
    rng = month_rng(spec.seed, index)
    pid = personas[index % len(personas)].id
    chooser = policy or policy_named(spec.policy)
    session, words, outcome = _play(level, pid, rng.randrange(1 << 30), chooser, rng, spec.decline_rate, spec.langs)
    st = session.state
    changed = False
    if spec.other_rules and len(level.rules) > 1:
        changed = any(
            _goal_under(level, session, rules.id) != outcome.goal_reached
            for rules in level.rules
            if rules.id != st.variant
        )
    return Month(
        persona=pid,
        declined=outcome.declined,
        score=outcome.final_score,
        grade=outcome.grade,
        goal=outcome.goal_reached,
        doors=tuple((d.door, d.outcome) for d in st.doors),
        scenes=tuple(dict.fromkeys(scene for scene, _ in st.choices)),
        words=tuple(words[lang] for lang in spec.langs),
        variant=st.variant,
        rules_change_goal=changed,
    )


def play_range(level: Level, spec: MonthSpec, start: int, stop: int) -> list[Month]:
    """Months ``start`` to ``stop - 1`` of a batch, in index order."""
    chooser = policy_named(spec.policy)
    return [play_month(level, spec, index, chooser) for index in range(start, stop)]


def _goal_under(level: Level, month: Session, variant: str) -> bool:
    """The goal's outcome for the same choices, replayed under another rule set."""
    st = month.state
    again = play_log(Session(level, st.persona, st.seed, variant), list(st.choices), strict=False)
    return again.outcome().goal_reached
