"""Bots that play many months, and the report a designer reads to balance a level.

Policies: ``random``; ``tag:NAME`` (always take an available option tagged NAME when there
is one, else a random one); ``first``. Each run may also decline Halo with a small
probability so the declined path is walked too.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from game.content.models import Level
from game.content.walk import all_scenes
from game.core.events import DoorChecked, Event, Notified, Reply, WeekPublished, WeekStarted
from game.core.lookup import door_text, notify_text, reply_text
from game.core.rules import index_of
from game.core.session import ACCEPT, CONSENT, DECLINE, Session

Policy = Callable[[Session, random.Random], str]


def random_policy(session: Session, rng: random.Random) -> str:
    return rng.choice(session.option_ids())


def first_policy(session: Session, rng: random.Random) -> str:
    return session.option_ids()[0]


def tag_policy(tag: str) -> Policy:
    def choose(session: Session, rng: random.Random) -> str:
        tagged = [v.option.id for v in session.options() if v.available and tag in v.option.tags]
        return rng.choice(tagged) if tagged else rng.choice(session.option_ids())

    return choose


def policy_named(name: str) -> Policy:
    if name == "random":
        return random_policy
    if name == "first":
        return first_policy
    if name.startswith("tag:") and len(name) > 4:
        return tag_policy(name[4:])
    raise ValueError(f"unknown policy {name!r} (use random, first or tag:NAME)")


@dataclass
class PersonaReport:
    runs: int = 0
    declined: int = 0
    scores: list[int] = field(default_factory=list)
    grades: Counter[str] = field(default_factory=Counter)
    goals: int = 0
    door_met: Counter[str] = field(default_factory=Counter)
    door_refused: Counter[str] = field(default_factory=Counter)
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

    @property
    def words(self) -> list[int]:
        return [w for p in self.personas.values() for w in p.words]


_WORDS: dict[tuple[int, str], tuple[dict[str, str], int]] = {}


def count_words(text: str) -> int:
    """Words a reader reads: French spacing before ``: ; ! ?`` and « » does not add words."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def words_of(text: dict[str, str] | None, lang: str) -> int:
    """Words in one language of a level text (counted once per text: level texts are frozen).

    The cache keeps the text itself beside its count: an id alone could be reused by another
    text once the first is freed (levels built one after another in one process).
    """
    if not text:
        return 0
    key = (id(text), lang)
    found = _WORDS.get(key)
    if found is None or found[0] is not text:
        if len(_WORDS) > 100_000:
            _WORDS.clear()
        found = _WORDS[key] = (text, count_words(text.get(lang, "")))
    return found[1]


def play_one(
    level: Level, persona: str, seed: int, policy: Policy, rng: random.Random, decline_rate: float, lang: str
) -> tuple[Session, int]:
    """Play one month with ``policy``; return it and the number of words a player read."""
    session = Session(level, persona, seed)
    per_scene = _scene_words(session, lang)
    words = _opening_words(level, lang)
    events: list[Event] = session.choose(DECLINE if rng.random() < decline_rate else ACCEPT)
    while True:
        words += _event_words(level, events, lang)
        if session.over:
            return session, words + _ending_words(session, lang)
        words += per_scene[session.scene_id]  # type: ignore[index]
        events = session.choose(policy(session, rng))


_SCENE_WORDS: dict[tuple[int, str], tuple[object, dict[str, int]]] = {}


def _scene_words(session: Session, lang: str) -> dict[str, int]:
    """Words of each scene (title, text, options), counted once per level and language."""
    key = (id(session.ix), lang)
    found = _SCENE_WORDS.get(key)
    if found is None or found[0] is not session.ix:
        counts = {
            sid: words_of(scene.title, lang)
            + words_of(scene.text, lang)
            + sum(words_of(o.text, lang) for o in scene.options)
            for sid, scene in session.ix.scenes.items()
        }
        if len(_SCENE_WORDS) > 16:
            _SCENE_WORDS.clear()
        found = _SCENE_WORDS[key] = (session.ix, counts)
    return found[1]


def _opening_words(level: Level, lang: str) -> int:
    """The persona cards (every persona is read to pick one) and the consent."""
    n = sum(
        words_of(p.name, lang)
        + words_of(p.description, lang)
        + words_of(p.goal.text, lang)
        + sum(words_of(d.label, lang) for d in p.data)
        for p in level.personas
    )
    consent = level.consent
    return n + sum(words_of(t, lang) for t in (consent.title, consent.text, consent.accept, consent.decline))


def _ending_words(session: Session, lang: str) -> int:
    """The end of the month: the grade's meaning and the goal's outcome."""
    outcome = session.outcome()
    goal = session.ix.personas[session.state.persona].goal
    n = words_of(goal.reached if outcome.goal_reached else goal.missed, lang)
    grade = next((g for g in session.level.grades if g.id == outcome.grade), None)
    return n + (words_of(grade.meaning, lang) if grade else words_of(session.level.consent.declined_end, lang))


def _event_words(level: Level, events: list[Event], lang: str) -> int:
    ix = index_of(level)
    n = 0
    for event in events:
        if isinstance(event, Reply):
            n += words_of(reply_text(ix, event), lang)
        elif isinstance(event, Notified):
            n += words_of(notify_text(ix, event), lang)
        elif isinstance(event, DoorChecked):
            n += words_of(door_text(ix, event), lang)
        elif isinstance(event, WeekPublished):
            n += words_of(level.publication[event.message].text, lang)
        elif isinstance(event, WeekStarted) and event.week <= len(level.weeks):
            week = level.weeks[event.week - 1]
            n += words_of(week.title, lang)
            if event.whisper is not None:
                n += words_of(week.whispers[event.whisper].text, lang)
    return n


def simulate(
    level: Level, runs: int, seed: int = 0, policy: str = "random", decline_rate: float = 0.03, lang: str | None = None
) -> Report:
    """Play ``runs`` months spread over every persona; same seed, same report."""
    import time

    started = time.perf_counter()
    chooser = policy_named(policy)
    rng = random.Random(seed)
    lang = lang or level.languages[0]
    personas = {p.id: PersonaReport() for p in level.personas}
    seen: set[str] = set()
    endings: set[str] = set()
    ids = list(personas)
    for run in range(runs):
        pid = ids[run % len(ids)]
        session, words = play_one(level, pid, rng.randrange(1 << 30), chooser, rng, decline_rate, lang)
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
        lines.append(f"\nreading: median {median:.0f} words per month ≈ {median / 200:.1f} min at 200 words/min")
    lines.append(f"scenes never reached: {', '.join(report.unreached_scenes) or 'none'}")
    lines.append(f"endings never reached: {', '.join(report.unreached_endings) or 'none'}")
    return "\n".join(lines)
