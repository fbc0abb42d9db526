"""The balance report: what a level promises, from every policy's months.

:func:`balance` plays every policy of :data:`~game.core.policies.POLICIES` and reports
the words read as played in every language, goal rates and mean scores per persona and
policy, how often each door opens and for whom, and how often the drawn rule set alone
changes the goal's outcome for the same choices. ``tests/content/test_balance.py`` holds
every shipped level to these figures.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass

from game.content.models import Level
from game.core.policies import POLICIES, random_policy
from game.core.replay import play_log
from game.core.session import Session
from game.core.simulate import play_counting, simulate
from game.core.words import WORDS_PER_MINUTE


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
        return self.median_words(lang) / WORDS_PER_MINUTE

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
        lines.append(
            f"  {code}: {result.median_words(code):.0f} words ≈ {result.minutes(code):.1f} min"
            f" at {WORDS_PER_MINUTE} words/min"
        )
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
