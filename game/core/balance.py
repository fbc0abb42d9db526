"""The balance report: what a level promises, from every policy's months.

:func:`balance` plays every policy of :data:`~game.core.policies.POLICIES` and reports
the words read as played in every language, goal rates and mean scores per persona and
policy, how often each door opens and for whom, and how often the drawn rule set alone
changes the goal's outcome for the same choices. ``tests/content/test_balance.py`` holds
every shipped level to these figures.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from game.content.models import Level
from game.core import reading
from game.core.months import MonthSpec
from game.core.parallel import play_batches
from game.core.policies import POLICIES
from game.core.simulate import report_of


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


def balance(level: Level, runs: int, seed: int = 0, decline_rate: float = 0.03, *, jobs: int = 1) -> Balance:
    """Every policy for ``runs`` months each (spread over the personas), from one seed.

    Goal rates and scores come from months that all join Halo; the words read come from
    the random policy's months, which decline Halo at ``decline_rate`` as visitors do.
    ``jobs`` processes play them all (1: this one); the result is the same for any number.
    """
    personas = [p.id for p in level.personas]
    langs = tuple(level.languages)
    # every policy joins Halo, counts no words and replays its months under the other rule
    # sets; then the words read, from months played as visitors play them
    specs = [MonthSpec(policy, seed + 7919 * k, 0.0, (), other_rules=True) for k, policy in enumerate(POLICIES)]
    read_spec = MonthSpec("random", seed, decline_rate, langs)
    played = play_batches(level, [(spec, runs) for spec in [*specs, read_spec]], jobs)  # one pool for all
    goals: dict[str, dict[str, float]] = {}
    scores: dict[str, dict[str, float]] = {}
    met: Counter[str] = Counter()
    outcomes: dict[str, Counter[str]] = {d.id: Counter() for d in level.doors}
    best: dict[str, tuple[str, str, float] | None] = {d.id: None for d in level.doors}
    several = len(level.rules) > 1
    replayed = changed = 0
    changed_by: Counter[str] = Counter()
    replayed_by: Counter[str] = Counter()
    for spec, months in zip(specs, played[:-1], strict=True):
        policy = spec.policy
        report = report_of(level, spec, months)
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
        for month in months:
            for door_id, outcome in month.doors:
                met[door_id] += 1
                outcomes[door_id][outcome] += 1
            if several:
                replayed += 1
                replayed_by[month.persona] += 1
                if month.rules_change_goal:
                    changed += 1
                    changed_by[month.persona] += 1
    words: dict[str, list[int]] = {lang: [m.words[i] for m in played[-1]] for i, lang in enumerate(langs)}
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
        rule_sets=len(level.rules),
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
