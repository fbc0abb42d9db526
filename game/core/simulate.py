"""Bots that play many months, and the report of one policy a designer reads to balance a level.

:func:`simulate` plays one policy (:mod:`game.core.policies`) over every persona and
reports the spread of final scores and grades, goal rates, doors met and refused, the
words read (:mod:`game.core.words`), and any scene or ending never reached. Months are
played by :mod:`game.core.months`, on every core with :mod:`game.core.parallel`; the
report is the same for a seed whatever the number of processes. The balance report over
every policy is :mod:`game.core.balance`. Each run may also decline Halo with a small
probability so the declined path is walked too.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from game.content.models import Level
from game.content.walk import all_scenes
from game.core import reading
from game.core.months import Month, MonthSpec, play_counting, play_one
from game.core.parallel import play_batches
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
from game.core.session import CONSENT
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
    "report_of",
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
    months: list[Month] = field(default_factory=list, repr=False)  # kept only when asked

    @property
    def words(self) -> list[int]:
        return [w for p in self.personas.values() for w in p.words]


def simulate(
    level: Level,
    runs: int,
    seed: int = 0,
    policy: str = "random",
    decline_rate: float = 0.03,
    lang: str | None = None,
    *,
    keep: bool = False,
    jobs: int = 1,
) -> Report:
    """Play ``runs`` months spread over every persona; same seed, same report.

    ``jobs`` processes play them (1: this one, no pool); the report is the same for any
    number. ``keep`` keeps every month's record (for :mod:`game.core.balance`).
    """
    started = time.perf_counter()
    policy_named(policy)  # an unknown policy is refused here, before any process starts
    spec = MonthSpec(policy, seed, decline_rate, (lang or level.languages[0],))
    [months] = play_batches(level, [(spec, runs)], jobs)
    report = report_of(level, spec, months, keep=keep)
    report.seconds = time.perf_counter() - started
    return report


def report_of(level: Level, spec: MonthSpec, months: list[Month], *, keep: bool = False) -> Report:
    """The report of months played from ``spec``, summed up in index order."""
    personas = {p.id: PersonaReport() for p in level.personas}
    seen: set[str] = set()
    endings: set[str] = set()
    for month in months:
        pid = month.persona
        report = personas[pid]
        report.runs += 1
        if month.words:  # none when no language was asked
            report.words.append(month.words[0])
        seen.update(month.scenes)
        for door, outcome in month.doors:
            report.door_met[door] += 1
            if outcome == "refuse":
                report.door_refused[door] += 1
            elif outcome == "grant":
                report.door_granted[door] += 1
        if month.declined:
            report.declined += 1
            endings.add("declined")
        else:
            assert month.score is not None and month.grade is not None
            report.scores.append(month.score)
            report.grades[month.grade] += 1
            endings.add(f"grade {month.grade}")
        if month.goal:
            report.goals += 1
        endings.add(f"{pid}: goal {'reached' if month.goal else 'missed'}")
    all_scene_ids = [scene.id for _, scene in all_scenes(level)]
    all_endings = (
        ["declined"]
        + [f"grade {g.id}" for g in level.grades]
        + [f"{p.id}: goal {r}" for p in level.personas for r in ("reached", "missed")]
    )
    return Report(
        level=level.id,
        policy=spec.policy,
        runs=len(months),
        seed=spec.seed,
        personas=personas,
        scenes_seen=seen - {CONSENT},
        unreached_scenes=[s for s in all_scene_ids if s not in seen],
        unreached_endings=[e for e in all_endings if e not in endings],
        months=months if keep else [],
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
        lines.append(f"\nreading: median per month {reading.describe(median, lang)}")
    lines.append(f"scenes never reached: {', '.join(report.unreached_scenes) or 'none'}")
    lines.append(f"endings never reached: {', '.join(report.unreached_endings) or 'none'}")
    return "\n".join(lines)
