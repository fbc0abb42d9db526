"""Bots that play many months, and the report of one policy a designer reads to balance a level.

:func:`simulate` plays one policy (:mod:`game.core.policies`) over every persona and
reports the spread of final scores and grades, goal rates, doors met and refused, the
words read (:mod:`game.core.words`), and any scene or ending never reached. The balance
report over every policy is :mod:`game.core.balance`. Each run may also decline Halo with
a small probability so the declined path is walked too.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass, field

from game.content.models import Level
from game.content.walk import all_scenes
from game.core.events import Event
from game.core.lookup import scene_text
from game.core.policies import (
    BETRAY_TAG,
    POLICIES,
    Policy,
    betrays,
    first_policy,
    loyal_policy,
    policy_named,
    random_policy,
    ruthless_policy,
    tag_policy,
)
from game.core.session import ACCEPT, CONSENT, DECLINE, Session
from game.core.words import WORDS_PER_MINUTE, count_words, words_of

__all__ = [
    "BETRAY_TAG",
    "POLICIES",
    "WORDS_PER_MINUTE",
    "PersonaReport",
    "Policy",
    "Report",
    "betrays",
    "count_words",
    "first_policy",
    "format_report",
    "loyal_policy",
    "play_counting",
    "play_one",
    "policy_named",
    "random_policy",
    "ruthless_policy",
    "simulate",
    "tag_policy",
    "words_of",
]


@dataclass
class PersonaReport:
    runs: int = 0
    declined: int = 0
    scores: list[int] = field(default_factory=list)
    grades: Counter[str] = field(default_factory=Counter)
    goals: int = 0
    door_met: Counter[str] = field(default_factory=Counter)
    door_refused: Counter[str] = field(default_factory=Counter)
    door_granted: Counter[str] = field(default_factory=Counter)
    words: list[int] = field(default_factory=list)


@dataclass
class Report:
    level: str
    policy: str
    runs: int
    seed: int
    personas: dict[str, PersonaReport]
    scenes_seen: set[str]
    unreached_scenes: list[str]
    unreached_endings: list[str]
    seconds: float = 0.0
    months: list[Session] = field(default_factory=list, repr=False)  # kept only when asked

    @property
    def words(self) -> list[int]:
        return [w for p in self.personas.values() for w in p.words]


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
    session = Session(level, persona, seed, variant)
    counter = session.ix.words
    words = {lang: counter.opening(lang) for lang in langs}
    events: list[Event] = session.choose(DECLINE if rng.random() < decline_rate else ACCEPT)
    without = session.declined  # the weeks lived are the month without Halo (joining late or not)
    while True:
        for lang in langs:
            words[lang] += counter.events(events, lang, without)
        if session.over:
            outcome = session.outcome()
            for lang in langs:
                words[lang] += counter.ending(outcome, session.state.persona, lang, without)
            return session, words
        scene = session.scene
        assert scene is not None
        shown = scene_text(scene, session.state)
        for lang in langs:
            words[lang] += counter.static(scene.id, lang) + counter.of(shown, lang)
        events = session.choose(policy(session, rng))


def simulate(
    level: Level,
    runs: int,
    seed: int = 0,
    policy: str = "random",
    decline_rate: float = 0.03,
    lang: str | None = None,
    *,
    keep: bool = False,
) -> Report:
    """Play ``runs`` months spread over every persona; same seed, same report.

    ``keep`` keeps every month played (for :func:`balance` to replay them).
    """
    import time

    started = time.perf_counter()
    chooser = policy_named(policy)
    rng = random.Random(seed)
    lang = lang or level.languages[0]
    personas = {p.id: PersonaReport() for p in level.personas}
    seen: set[str] = set()
    endings: set[str] = set()
    ids = list(personas)
    kept: list[Session] = []
    for run in range(runs):
        pid = ids[run % len(ids)]
        session, words = play_one(level, pid, rng.randrange(1 << 30), chooser, rng, decline_rate, lang)
        if keep:
            kept.append(session)
        report = personas[pid]
        report.runs += 1
        report.words.append(words)
        outcome = session.outcome()
        for scene, _ in session.state.choices:
            seen.add(scene)
        for door in session.state.doors:
            report.door_met[door.door] += 1
            if door.outcome == "refuse":
                report.door_refused[door.door] += 1
            elif door.outcome == "grant":
                report.door_granted[door.door] += 1
        if outcome.declined:
            report.declined += 1
            endings.add("declined")
        else:
            assert outcome.final_score is not None and outcome.grade is not None
            report.scores.append(outcome.final_score)
            report.grades[outcome.grade] += 1
            endings.add(f"grade {outcome.grade}")
        if outcome.goal_reached:
            report.goals += 1
        endings.add(f"{pid}: goal {'reached' if outcome.goal_reached else 'missed'}")
    all_scene_ids = [scene.id for _, scene in all_scenes(level)]
    all_endings = (
        ["declined"]
        + [f"grade {g.id}" for g in level.grades]
        + [f"{p.id}: goal {r}" for p in level.personas for r in ("reached", "missed")]
    )
    return Report(
        level=level.id,
        policy=policy,
        runs=runs,
        seed=seed,
        personas=personas,
        scenes_seen=seen - {CONSENT},
        unreached_scenes=[s for s in all_scene_ids if s not in seen],
        unreached_endings=[e for e in all_endings if e not in endings],
        seconds=time.perf_counter() - started,
        months=kept,
    )


def format_report(report: Report, level: Level, lang: str) -> str:
    """The report as plain text for the terminal."""
    lines = [f"level {report.level}: {report.runs} months, policy {report.policy}, seed {report.seed}"]
    for pid, p in report.personas.items():
        name = next(x.name.get(lang, pid) for x in level.personas if x.id == pid)
        lines.append(f"\n{name} [{pid}]: {p.runs} runs, {p.declined} declined")
        if p.scores:
            q = statistics.quantiles(p.scores, n=10) if len(p.scores) > 1 else [p.scores[0]] * 9
            lines.append(
                f"  final score: min {min(p.scores)}  p10 {q[0]:.0f}  median {statistics.median(p.scores):.0f}"
                f"  p90 {q[-1]:.0f}  max {max(p.scores)}"
            )
            total = sum(p.grades.values())
            lines.append("  grades: " + "  ".join(f"{g.id} {100 * p.grades[g.id] / total:.1f}%" for g in level.grades))
        lines.append(f"  goal reached: {100 * p.goals / max(1, p.runs):.1f}%")
        for door in level.doors:
            met = p.door_met[door.id]
            if met:
                lines.append(f"  door {door.id}: met {met}, refused {100 * p.door_refused[door.id] / met:.1f}%")
        if p.words:
            lines.append(f"  words read: median {statistics.median(p.words):.0f}")
    words = report.words
    if words:
        median = statistics.median(words)
        lines.append(
            f"\nreading: median {median:.0f} words per month ≈ {median / WORDS_PER_MINUTE:.1f} min"
            f" at {WORDS_PER_MINUTE} words/min"
        )
    lines.append(f"scenes never reached: {', '.join(report.unreached_scenes) or 'none'}")
    lines.append(f"endings never reached: {', '.join(report.unreached_endings) or 'none'}")
    return "\n".join(lines)
