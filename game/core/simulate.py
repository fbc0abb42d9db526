"""Bots that play many months, and the reports a designer reads to balance a level.

Policies: ``random``; ``first``; ``tag:NAME`` (always take an available option tagged
NAME when there is one, else a random one; ``conform``, ``honest`` and ``kind`` are
short for ``tag:conform`` …); ``loyal`` (conform, but never an option that drops or
reports someone: see :func:`betrays`); ``ruthless`` (drop or report whenever possible,
else conform). Each run may also decline Halo with a small probability so the declined
path is walked too.

:func:`simulate` plays one policy and reports per persona; :func:`balance` plays every
policy and reports what a level promises: the words read as played in every language,
goal rates per persona and policy, how often each door opens, and how often the drawn
rule set alone changes the goal's outcome for the same choices.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from game.content.models import Level, Option, Scene
from game.content.walk import all_scenes
from game.core import reading
from game.core.events import DoorChecked, Event, Notified, Reply, WeekPublished, WeekStarted
from game.core.lookup import scene_text
from game.core.replay import play_log
from game.core.rules import LevelIndex
from game.core.session import ACCEPT, CONSENT, DECLINE, Session
from game.kinds.effects.relation import RelationEffect

Policy = Callable[[Session, random.Random], str]

BETRAY_TAG = "betray"
"""An option tagged so drops or reports someone the level does not model as a contact."""

POLICIES = ("random", "conform", "loyal", "ruthless", "honest", "kind")
"""The policies :func:`balance` plays, in the order its report prints them."""

WORDS_PER_MINUTE = 200


def betrays(option: Option) -> bool:
    """Whether choosing ``option`` drops or reports someone.

    Read from what the option does, never from its id: an effect that makes a contact
    ``dropped`` or ``reported``, or the tag ``betray`` (someone who is not a contact,
    such as a family reported for their bins).
    """
    if BETRAY_TAG in option.tags:
        return True
    return any(
        isinstance(effect, RelationEffect) and effect.relation in ("dropped", "reported")
        for effect in option.all_effects()
    )


def random_policy(session: Session, rng: random.Random) -> str:
    return rng.choice(session.option_ids())


def first_policy(session: Session, rng: random.Random) -> str:
    return session.option_ids()[0]


def tag_policy(tag: str) -> Policy:
    def choose(session: Session, rng: random.Random) -> str:
        tagged = [v.option.id for v in session.options() if v.available and tag in v.option.tags]
        return rng.choice(tagged) if tagged else rng.choice(session.option_ids())

    return choose


def loyal_policy(session: Session, rng: random.Random) -> str:
    """Conform wherever that betrays nobody; else keep one's head down (an option tagged
    neither honest nor kind); else any option that betrays nobody."""
    open_ = [v.option for v in session.options() if v.available]
    faithful = [o for o in open_ if not betrays(o)] or open_
    conform = [o for o in faithful if "conform" in o.tags]
    quiet = [o for o in faithful if not {"honest", "kind"} & set(o.tags)]
    return rng.choice(conform or quiet or faithful).id


def ruthless_policy(session: Session, rng: random.Random) -> str:
    """Drop or report someone whenever possible; otherwise conform."""
    open_ = [v.option for v in session.options() if v.available]
    betrayals = [o for o in open_ if betrays(o)]
    conform = [o for o in open_ if "conform" in o.tags]
    return rng.choice(betrayals or conform or open_).id


def policy_named(name: str) -> Policy:
    if name == "random":
        return random_policy
    if name == "first":
        return first_policy
    if name == "loyal":
        return loyal_policy
    if name == "ruthless":
        return ruthless_policy
    if name in ("conform", "honest", "kind"):
        return tag_policy(name)
    if name.startswith("tag:") and len(name) > 4:
        return tag_policy(name[4:])
    raise ValueError(f"unknown policy {name!r} (use random, first, conform, loyal, ruthless, honest, kind or tag:NAME)")


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


_WORDS: dict[tuple[int, str], tuple[dict[str, str], int]] = {}


def count_words(text: str) -> int:
    """Words a reader reads (characters in scripts without spaces: :mod:`game.core.reading`)."""
    return reading.reading_units(text)


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
    ix = session.ix
    words = {lang: _opening_words(level, lang) for lang in langs}
    events: list[Event] = session.choose(DECLINE if rng.random() < decline_rate else ACCEPT)
    without = session.declined  # the weeks lived are the month without Halo (joining late or not)
    while True:
        for lang in langs:
            words[lang] += _event_words(level, ix, events, lang, without)
        if session.over:
            for lang in langs:
                words[lang] += _ending_words(session, lang, without)
            return session, words
        scene = session.scene
        assert scene is not None
        shown = scene_text(scene, session.state)
        for lang in langs:
            words[lang] += _static_words(ix, scene, lang) + words_of(shown, lang)
        events = session.choose(policy(session, rng))


_SCENE_WORDS: dict[tuple[int, str], tuple[object, dict[str, int]]] = {}


def _static_words(ix: LevelIndex, scene: Scene, lang: str) -> int:
    """Words of a scene that never change: its title and its options (all shown, some greyed)."""
    key = (id(ix), lang)
    found = _SCENE_WORDS.get(key)
    if found is None or found[0] is not ix:
        counts = {
            sid: words_of(s.title, lang) + sum(words_of(o.text, lang) for o in s.options)
            for sid, s in ix.scenes.items()
        }
        if len(_SCENE_WORDS) > 16:
            _SCENE_WORDS.clear()
        found = _SCENE_WORDS[key] = (ix, counts)
    return found[1][scene.id]


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


def _ending_words(session: Session, lang: str, without: bool) -> int:
    """The end of the month: the goal's outcome, the grade's meaning or the month without Halo's ending."""
    outcome = session.outcome()
    level = session.level
    goal = session.ix.personas[session.state.persona].goal
    n = words_of(goal.reached if outcome.goal_reached else goal.missed, lang)
    grade = next((g for g in level.grades if g.id == outcome.grade), None)
    n += words_of(grade.meaning, lang) if grade else 0
    if outcome.declined:
        n += words_of(level.consent.declined_end, lang)
    elif without and outcome.joined_late:
        n += words_of(level.consent.joined_end, lang)
    return n


def _event_words(level: Level, ix: LevelIndex, events: list[Event], lang: str, without: bool) -> int:
    n = 0
    for event in events:
        if isinstance(event, Reply):
            option = ix.options[(event.scene, event.option)]
            n += words_of(option.reply_when[event.variant].text if event.variant is not None else option.reply, lang)
        elif isinstance(event, Notified):
            n += words_of(ix.options[(event.scene, event.option)].notify, lang)
        elif isinstance(event, DoorChecked):
            n += words_of(ix.tier(event.door, event.tier).text, lang)
        elif isinstance(event, WeekPublished):
            n += words_of(level.publication[event.message].text, lang)
        elif isinstance(event, WeekStarted) and not without and event.week <= len(level.weeks):
            # a month without Halo has the interface's own week titles, not the level's
            week = level.weeks[event.week - 1]
            n += words_of(week.title, lang)
            if event.whisper is not None:
                n += words_of(week.whispers[event.whisper].text, lang)
    return n


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
        lines.append(f"\nreading: median per month {reading.describe(median, lang)}")
    lines.append(f"scenes never reached: {', '.join(report.unreached_scenes) or 'none'}")
    lines.append(f"endings never reached: {', '.join(report.unreached_endings) or 'none'}")
    return "\n".join(lines)


# -- the balance report: what a level promises ------------------------------------------------


@dataclass(frozen=True)
class DoorRates:
    """How one door answered over every month of every policy, and who it opened for most."""

    met: int
    granted: int
    deposit: int
    refused: int
    best: tuple[str, str, float] | None  # (persona, policy, share of its checks granted)

    def share(self, count: int) -> float:
        return count / self.met if self.met else 0.0


@dataclass(frozen=True)
class Balance:
    level: str
    runs: int  # months per policy
    seed: int
    words: dict[str, list[int]]  # per language: words read in each month of the random policy
    goals: dict[str, dict[str, float]]  # policy -> persona -> share of months reaching the goal
    scores: dict[str, dict[str, float]]  # policy -> persona -> mean final score (months with Halo)
    honesty_gap: dict[str, float]  # persona -> mean final score, conform minus honest
    doors: dict[str, DoorRates]
    rule_sets: int
    replayed: int  # months replayed under every other rule set (0 with a single rule set)
    changed: int  # of those, months whose goal outcome another rule set changes
    changed_by_persona: dict[str, float]

    def median_words(self, lang: str) -> float:
        return float(statistics.median(self.words[lang])) if self.words.get(lang) else 0.0

    def minutes(self, lang: str) -> float:
        return reading.minutes(self.median_words(lang), lang)

    @property
    def change_rate(self) -> float:
        return self.changed / self.replayed if self.replayed else 0.0


def _goal_under(level: Level, month: Session, variant: str) -> bool:
    """The goal's outcome for the same choices, replayed under another rule set."""
    st = month.state
    again = play_log(Session(level, st.persona, st.seed, variant), list(st.choices), strict=False)
    return again.outcome().goal_reached


def balance(level: Level, runs: int, seed: int = 0, decline_rate: float = 0.03) -> Balance:
    """Every policy for ``runs`` months each (spread over the personas), from one seed.

    Goal rates and scores come from months that all join Halo; the words read come from
    the random policy's months, which decline Halo at ``decline_rate`` as visitors do.
    """
    personas = [p.id for p in level.personas]
    goals: dict[str, dict[str, float]] = {}
    scores: dict[str, dict[str, float]] = {}
    met: Counter[str] = Counter()
    outcomes: dict[str, Counter[str]] = {d.id: Counter() for d in level.doors}
    best: dict[str, tuple[str, str, float] | None] = {d.id: None for d in level.doors}
    variants = [r.id for r in level.rules]
    replayed = changed = 0
    changed_by: Counter[str] = Counter()
    replayed_by: Counter[str] = Counter()
    for k, policy in enumerate(POLICIES):
        report = simulate(level, runs, seed + 7919 * k, policy, decline_rate=0.0, keep=True)
        goals[policy] = {pid: p.goals / p.runs if p.runs else 0.0 for pid, p in report.personas.items()}
        scores[policy] = {pid: statistics.fmean(p.scores) if p.scores else 0.0 for pid, p in report.personas.items()}
        for pid, p in report.personas.items():
            for door in level.doors:
                seen = p.door_met[door.id]
                if not seen:
                    continue
                share = p.door_granted[door.id] / seen
                if share > 0 and (best[door.id] is None or share > best[door.id][2]):  # type: ignore[index]
                    best[door.id] = (pid, policy, share)
        for month in report.months:
            for seen_door in month.state.doors:
                met[seen_door.door] += 1
                outcomes[seen_door.door][seen_door.outcome] += 1
            if len(variants) > 1:
                reached = month.outcome().goal_reached
                others = [v for v in variants if v != month.state.variant]
                replayed += 1
                replayed_by[month.state.persona] += 1
                if any(_goal_under(level, month, v) != reached for v in others):
                    changed += 1
                    changed_by[month.state.persona] += 1
    langs = tuple(level.languages)
    words: dict[str, list[int]] = {lang: [] for lang in langs}
    rng = random.Random(seed)
    for run in range(runs):
        pid = personas[run % len(personas)]
        _, counted = play_counting(level, pid, rng.randrange(1 << 30), random_policy, rng, decline_rate, langs)
        for lang in langs:
            words[lang].append(counted[lang])
    doors = {
        d.id: DoorRates(
            met[d.id], outcomes[d.id]["grant"], outcomes[d.id]["deposit"], outcomes[d.id]["refuse"], best[d.id]
        )
        for d in level.doors
    }
    gap = {pid: scores["conform"][pid] - scores["honest"][pid] for pid in personas}
    return Balance(
        level=level.id,
        runs=runs,
        seed=seed,
        words=words,
        goals=goals,
        scores=scores,
        honesty_gap=gap,
        doors=doors,
        rule_sets=len(variants),
        replayed=replayed,
        changed=changed,
        changed_by_persona={pid: changed_by[pid] / replayed_by[pid] for pid in personas if replayed_by[pid]},
    )


def format_balance(result: Balance, level: Level, lang: str) -> str:
    """The balance report as plain text: the figures the level's promises are held to."""
    names = {p.id: p.name.get(lang, p.id) for p in level.personas}
    lines = [f"level {result.level}: balance over {result.runs} months per policy, seed {result.seed}", ""]
    lines.append("words read as played (median of a month; the lines shown, variants included):")
    for code in level.languages:
        lines.append(f"  {code}: {reading.describe(result.median_words(code), code)}")
    lines.append("")
    lines.append("goal reached, per persona and policy (loyal: conforms but drops and reports nobody):")
    width = max(len(n) for n in names.values()) + len(max(names, key=len)) + 3
    lines.append("  " + " " * width + "".join(f"{p:>10}" for p in POLICIES))
    for pid, name in names.items():
        label = f"{name} [{pid}]"
        cells = "".join(f"{100 * result.goals[p][pid]:9.1f}%" for p in POLICIES)
        lines.append(f"  {label:<{width}}{cells}")
    lines.append("")
    lines.append("mean final score, per persona and policy:")
    for pid, name in names.items():
        label = f"{name} [{pid}]"
        cells = "".join(f"{result.scores[p][pid]:10.0f}" for p in POLICIES)
        lines.append(f"  {label:<{width}}{cells}")
    lines.append(
        "  honesty costs (conform − honest, mean final score): "
        + ", ".join(f"{pid} {gap:+.0f}" for pid, gap in result.honesty_gap.items())
    )
    lines.append("")
    lines.append("doors (every policy's months): granted / deposit / refused, and who it opens for most")
    for door in level.doors:
        r = result.doors[door.id]
        if not r.met:
            lines.append(f"  {door.id}: never met")
            continue
        who = f"{r.best[0]} ({r.best[1]}) {100 * r.best[2]:.0f}%" if r.best else "nobody"
        lines.append(
            f"  {door.id}: met {r.met}, granted {100 * r.share(r.granted):.1f}%,"
            f" deposit {100 * r.share(r.deposit):.1f}%, refused {100 * r.share(r.refused):.1f}%; best: {who}"
        )
    lines.append("")
    if result.rule_sets > 1:
        per = ", ".join(f"{pid} {100 * v:.1f}%" for pid, v in result.changed_by_persona.items())
        lines.append(
            f"rule sets: {result.rule_sets}; the same choices replayed under another rule set change the goal's"
            f" outcome in {100 * result.change_rate:.1f}% of {result.replayed} months ({per})"
        )
    else:
        lines.append("rule sets: 1 (every session is judged by the same rules)")
    return "\n".join(lines)
