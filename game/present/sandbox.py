"""The rules sandbox's view models: its controls and its chart, in the visitor's language.

Built from a :class:`~game.sandbox.workbench.Workbench` and the current
:class:`~game.sandbox.rules.Rules`; the screen (:mod:`game.screens.sandbox`) only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.models import Level
from game.core.rules import index_of
from game.i18n import pick
from game.present.labels import category_name, door_name, persona_name
from game.present.words import Words
from game.sandbox.classroom import ClassFigures
from game.sandbox.config import SandboxConfig, load_config
from game.sandbox.favour import Standing, Verdict, verdict
from game.sandbox.replay import Change, Figures, Month
from game.sandbox.rules import WEIGHT_MAX, Rules, data_points
from game.sandbox.save import SaveRefused, save_rules
from game.sandbox.workbench import Answer, Workbench
from game.stats.months import ClassMonths
from game.visit import Visit

CLASS, LIVES = "class", "lives"


@dataclass(frozen=True)
class Slider:
    category: str
    label: str
    value: float
    text: str  # "25 (25 %)"
    top: float  # the slider's right end
    changed: bool


@dataclass(frozen=True)
class Threshold:
    door: str
    tier: int
    door_name: str
    label: str  # "granted from 600"
    says: str  # what the door says to those it lets in at this tier
    value: int
    changed: bool
    steps: tuple[tuple[int, bool], ...]  # (change, possible): −large, −small, +small, +large


@dataclass(frozen=True)
class Toggle:
    id: str  # friends | cat:<category> | point:<persona>:<index>
    label: str
    note: str
    on: bool
    enabled: bool = True


@dataclass(frozen=True)
class PresetButton:
    id: str
    label: str
    note: str
    active: bool


@dataclass(frozen=True)
class Row:
    """One persona in the chart: its mean score as lived and under these rules."""

    persona: str
    name: str
    before: float | None
    after: float | None
    score: str
    goal: str
    doors: str
    hidden: bool


@dataclass(frozen=True)
class Chart:
    source: str
    sources: tuple[tuple[str, str, bool], ...]  # (id, label, can be chosen)
    rows: tuple[Row, ...]
    lo: int
    hi: int
    note: str
    legend: str


@dataclass(frozen=True)
class SandboxView:
    title: str
    summary: str
    question: str
    answer: str  # who do these rules favour, in one sentence
    gap: str  # who is first and last now, and the gap between them (or: nothing changed)
    visit: str
    chart: Chart
    sliders: tuple[Slider, ...]
    thresholds: tuple[Threshold, ...]
    toggles: tuple[Toggle, ...]
    presets: tuple[PresetButton, ...]


# -- opening ------------------------------------------------------------------------------------
def visit_month(visit: Visit | None) -> Month | None:
    """The visit's month, if it was lived to its end."""
    if visit is None or not visit.session.over:
        return None
    st = visit.session.state
    return Month(st.persona, st.seed, st.variant, tuple(st.choices))


def open_workbench(level: Level, visit: Visit | None, found: ClassMonths | None) -> Workbench:
    return Workbench(level, load_config(), visit_month(visit), found)


def class_limit() -> int:
    return load_config().class_months


def default_source(bench: Workbench, rules: Rules) -> str:
    """The class when its figures can be shown, else your choices (when there are some)."""
    if bench.lives is None:
        return CLASS
    klass = bench.answer(rules).klass
    return CLASS if klass is not None and klass.months else LIVES


def save_sandbox(bench: Workbench, rules: Rules, folder: Path, stem: str, words: Words) -> str:
    """Save the rules as a new rule set in a copy of the level; what happened, in one sentence."""
    level = bench.level
    title = {
        lang: words.catalog("sandbox.saved_title", lang, title=pick(level.title, lang)) for lang in level.languages
    }
    name = {lang: words.catalog("sandbox.rule_name", lang) for lang in level.languages}
    try:
        saved = save_rules(level, rules, folder, stem=stem, title=title, rule_name=name)
    except SaveRefused as err:
        return words.t("sandbox.not_saved", reason=err.problems[0] if err.problems else "")
    return words.t("sandbox.saved", file=saved.path.name, rule=saved.rule_set)


# -- the view -----------------------------------------------------------------------------------
def sandbox_view(bench: Workbench, rules: Rules, source: str, words: Words) -> SandboxView:
    level, config = bench.level, bench.config
    found = bench.answer(rules)
    if source == LIVES and found.lives is None:
        source = CLASS
    chart = _chart(bench, found, source, words)
    standings = [
        Standing(r.persona, r.before, r.after) for r in chart.rows if r.before is not None and r.after is not None
    ]
    said = verdict(standings, config.alike_within)
    answer, now = _answer(said, level, words, config)
    return SandboxView(
        title=words.t("sandbox.title"),
        summary=_summary(bench, rules, words),
        question=words.t("sandbox.question"),
        answer=answer,
        gap=now,
        visit=_visit_line(found.visit, level, words),
        chart=chart,
        sliders=_sliders(level, rules, bench.start, config, words),
        thresholds=_thresholds(level, rules, bench.start, config, words),
        toggles=_toggles(level, rules, words),
        presets=tuple(
            PresetButton(
                p.id,
                _preset_label(level, p.id, p.rule_set, words),
                words.t("sandbox.preset.rules.note" if p.rule_set else f"sandbox.preset.{p.id}.note"),
                p.active(level, rules),
            )
            for p in bench.presets
        ),
    )


def _preset_label(level: Level, pid: str, rule_set: str | None, words: Words) -> str:
    if rule_set is not None:
        return words.p(index_of(level).rules[rule_set].name)
    return words.t(f"sandbox.preset.{pid}")


def _summary(bench: Workbench, rules: Rules, words: Words) -> str:
    level = bench.level
    base = bench.base_name(rules)
    name = words.p(index_of(level).rules[base].name) if base else ""
    shipped = Rules.shipped(level, base)
    parts = []
    changed = rules.changed_from(shipped)
    if "weights" in changed:
        parts.append(words.t("sandbox.part.weights"))
    if "thresholds" in changed:
        parts.append(words.t("sandbox.part.thresholds", n=len(rules.doors_changed(shipped))))
    if "data" in changed:
        parts.append(words.t("sandbox.part.data"))
    if "friends" in changed:
        parts.append(words.t("sandbox.part.friends"))
    if not parts:
        return words.t("sandbox.summary.as_shipped", name=name)
    return words.t("sandbox.summary.changed", name=name, parts=", ".join(parts))


def _sliders(level: Level, rules: Rules, start: Rules, config: SandboxConfig, words: Words) -> tuple[Slider, ...]:
    total = sum(w for _, w in rules.weights) or 1.0
    top = min(WEIGHT_MAX, max([float(config.weights.max), *(w for _, w in rules.weights)]))
    out = []
    for category, weight in rules.weights:
        share = words.t("sandbox.percent", n=words.number(100 * weight / total))
        out.append(
            Slider(
                category,
                category_name(level, words, category),
                weight,
                words.t("sandbox.weight", value=words.number(weight, 0 if weight.is_integer() else 1), share=share),
                top,
                weight != start.weight(category),
            )
        )
    return tuple(out)


def _tier_text(words: Words, outcome: str, amount: int, score: int) -> str:
    if outcome == "grant" and amount:
        return words.t("sandbox.tier.grant_amount", amount=words.money(amount), score=score)
    if outcome == "deposit":
        return words.t("sandbox.tier.deposit", amount=words.money(amount), score=score)
    return words.t(f"sandbox.tier.{outcome}", score=score)


def _thresholds(level: Level, rules: Rules, start: Rules, config: SandboxConfig, words: Words) -> tuple[Threshold, ...]:
    out = []
    small, large = config.thresholds.small, config.thresholds.large
    for door in level.doors:
        mins = rules.tiers(door.id)
        for index in range(len(door.tiers) - 1):
            bounds = rules.threshold_bounds(level, door.id, index)
            if bounds is None:
                continue
            value = mins[index]
            tier = door.tiers[index]
            steps = tuple((step, bounds[0] <= value + step <= bounds[1]) for step in (-large, -small, small, large))
            out.append(
                Threshold(
                    door.id,
                    index,
                    door_name(level, words, door.id),
                    _tier_text(words, tier.outcome, tier.amount, value),
                    words.with_amount(tier.text, tier.amount),
                    value,
                    value != start.tiers(door.id)[index],
                    steps,
                )
            )
    return tuple(out)


def _toggles(level: Level, rules: Rules, words: Words) -> tuple[Toggle, ...]:
    ix = index_of(level)
    span = level.score.max - level.score.min
    total = sum(w for _, w in rules.weights) or 1.0

    def points(category: str, delta: float) -> float:
        return delta * span * rules.weight(category) / total / 100.0

    on, off = words.t("sandbox.on"), words.t("sandbox.off")
    on_many, off_many = words.t("sandbox.on_many"), words.t("sandbox.off_many")
    out = [
        Toggle(
            "friends",
            words.t("sandbox.friends"),
            f"{words.t('sandbox.friends.on' if rules.friends_average else 'sandbox.friends.off')}"
            f" · {words.t('sandbox.friends.note')}",
            rules.friends_average,
        )
    ]
    points_of: dict[str, list[float]] = {}
    for persona, index, category in data_points(level):
        points_of.setdefault(category, []).append(points(category, ix.personas[persona].data[index].delta))
    for category in (c.id for c in level.categories):
        found = points_of.get(category)
        if not found:
            continue
        counts = category not in rules.data_off
        note = words.t(
            "sandbox.category.note",
            n=len(found),
            low=words.signed(min(found), 0),
            high=words.signed(max(found), 0),
        )
        out.append(
            Toggle(
                f"cat:{category}",
                words.t("sandbox.category", category=category_name(level, words, category)),
                f"{on_many if counts else off_many} · {note}",
                counts,
            )
        )
    for persona, index, category in data_points(level):
        point = ix.personas[persona].data[index]
        whole = category not in rules.data_off
        counts = rules.counts(persona, index, category)
        state = on if counts else off if whole else words.t("sandbox.off_by_category")
        note = words.t(
            "sandbox.point.note",
            category=category_name(level, words, category),
            points=words.signed(points(category, point.delta), 0),
        )
        out.append(
            Toggle(
                f"point:{persona}:{index}",
                words.t(
                    "sandbox.point",
                    persona=_first_name(persona_name(level, words, persona)),
                    label=words.p(point.label),
                ),
                f"{state} · {note}",
                counts,
                enabled=whole,
            )
        )
    return tuple(out)


def _first_name(name: str) -> str:
    """ "Julie, office worker" -> "Julie": the chart and the toggles name people briefly."""
    return name.split(",", 1)[0].strip() or name


# -- the chart ----------------------------------------------------------------------------------
def _chart(bench: Workbench, answer: Answer, source: str, words: Words) -> Chart:
    level = bench.level
    lo, hi = level.score.min, level.score.max
    klass = answer.klass
    sources = [
        (
            CLASS,
            words.t("sandbox.source.class", n=klass.months)
            if klass is not None and klass.months is not None
            else words.t("sandbox.source.class_hidden"),
            True,
        ),
        (LIVES, words.t("sandbox.source.lives"), answer.lives is not None),
    ]
    if source == LIVES and answer.lives is not None:
        rows = _life_rows(level, answer.lives, words)
        note = ""
    else:
        rows, note = _class_rows(bench, klass, words)
    return Chart(source, tuple(sources), rows, lo, hi, note, words.t("sandbox.chart.legend", lo=lo, hi=hi))


def _class_rows(bench: Workbench, klass: ClassFigures | None, words: Words) -> tuple[tuple[Row, ...], str]:
    level = bench.level
    if klass is None:
        return (), words.t("sandbox.chart.stats_off")
    if bench.found is not None and bench.found.completed == 0:
        return (), words.t("sandbox.chart.none")
    if klass.months is None:
        return (), words.t("sandbox.chart.class_hidden")
    hidden = words.t("sandbox.chart.hidden")
    rows = []
    for p in klass.personas:
        name = _first_name(persona_name(level, words, p.persona))
        if p.months is None:
            rows.append(Row(p.persona, name, None, None, hidden, words.t("sandbox.chart.hidden_row"), "", True))
            continue
        if p.months == 0:
            continue

        def rate(count: int | None, months: int) -> str:
            if count is None:
                return hidden
            return words.t("sandbox.percent", n=round(100 * count / months))

        if p.mean_before is not None and p.mean_after is not None:
            score = words.t(
                "sandbox.chart.mean",
                before=words.number(p.mean_before),
                after=words.number(p.mean_after),
                change=words.signed(p.mean_after - p.mean_before, 0),
            )
        else:
            score = hidden
        goal = words.t("sandbox.chart.goal", before=rate(p.goal_before, p.months), after=rate(p.goal_after, p.months))
        if p.opened == 0 and p.closed == 0:
            doors = words.t("sandbox.chart.doors_none")
        else:
            doors = words.t(
                "sandbox.chart.doors",
                opened=hidden if p.opened is None else p.opened,
                closed=hidden if p.closed is None else p.closed,
            )
        months = words.t("sandbox.chart.months", n=p.months)
        rows.append(Row(p.persona, f"{name} · {months}", p.mean_before, p.mean_after, score, goal, doors, False))
    note = ""
    if klass.left_out:
        note = words.t("sandbox.chart.left_out", n=klass.left_out, limit=bench.config.class_months)
    return tuple(rows), note


def _life_rows(level: Level, lives: Figures, words: Words) -> tuple[Row, ...]:
    rows = []
    for change in lives.changes:
        persona = change.month.persona
        name = _first_name(persona_name(level, words, persona))
        before, after = change.before, change.after
        if before.score is None or after.score is None:
            score = words.t("sandbox.chart.no_score")
        else:
            score = words.t(
                "sandbox.chart.mean",
                before=before.score,
                after=after.score,
                change=words.signed(after.score - before.score, 0),
            )
        goal = words.t("sandbox.chart.goal", before=_goal(words, before.goal), after=_goal(words, after.goal))
        doors = (
            words.t("sandbox.chart.doors_one", opened=change.opened, closed=change.closed)
            if change.opened or change.closed
            else words.t("sandbox.chart.doors_none")
        )
        rows.append(
            Row(
                persona,
                name,
                None if before.score is None else float(before.score),
                None if after.score is None else float(after.score),
                score,
                goal,
                doors,
                False,
            )
        )
    return tuple(rows)


def _goal(words: Words, reached: bool) -> str:
    return words.t("sandbox.goal.reached" if reached else "sandbox.goal.missed")


def _visit_line(change: Change | None, level: Level, words: Words) -> str:
    if change is None:
        return words.t("sandbox.visit.none")
    name = _first_name(persona_name(level, words, change.month.persona))
    before, after = change.before, change.after
    if before.score is None or after.score is None:
        return words.t("sandbox.visit.declined", persona=name)
    return words.t(
        "sandbox.visit.month",
        persona=name,
        before=f"{before.score} ({before.grade})",
        after=f"{after.score} ({after.grade})",
        change=words.signed(after.score - before.score, 0),
        goal_before=_goal(words, before.goal),
        goal_after=_goal(words, after.goal),
    )


def _answer(said: Verdict, level: Level, words: Words, config: SandboxConfig) -> tuple[str, str]:
    """Who do these rules favour (one sentence), and who is first and last now."""
    if said.kind == "few" or None in (said.best, said.worst, said.top, said.bottom):
        return words.t("sandbox.verdict.few"), ""
    best, worst, top, bottom = said.best, said.worst, said.top, said.bottom
    assert best is not None and worst is not None and top is not None and bottom is not None

    def name(persona: str) -> str:
        return _first_name(persona_name(level, words, persona))

    standing = {
        "top": name(top.persona),
        "bottom": name(bottom.persona),
        "top_score": words.number(top.after),
        "bottom_score": words.number(bottom.after),
    }
    if said.kind == "alike":
        answer = words.t("sandbox.verdict.standing", gap=words.number(top.after - bottom.after), **standing)
        return answer, words.t("sandbox.verdict.same", n=words.number(config.alike_within))
    params = {
        "best": name(best.persona),
        "worst": name(worst.persona),
        "best_change": words.signed(best.change, 0),
        "worst_change": words.signed(worst.change, 0),
    }
    if worst.change >= 0:
        answer = words.t("sandbox.verdict.all_gain", **params)
    elif best.change <= 0:
        answer = words.t("sandbox.verdict.all_lose", **params)
    else:
        answer = words.t("sandbox.verdict.favour", **params)
    now = words.t(
        "sandbox.verdict.now",
        before=words.number(said.gap_before or 0),
        after=words.number(said.gap_after or 0),
        **standing,
    )
    return answer, now
