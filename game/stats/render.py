"""Turning a :class:`~game.stats.report.Summary` into terminal lines or CSV rows.

Hidden figures (k ≥ 5) appear as ``<5`` in both. The true weights come from the level
file, not the database, so they are passed in as ``truth``: ``{rule_set_id: {category:
weight}}`` for the level named by ``truth_level``.
"""

from __future__ import annotations

from game.stats.privacy import HIDDEN, K_MIN, text
from game.stats.report import ChoiceShares, GuessRanks, Learning, Rate, Summary

Truth = dict[str, dict[str, float]]
CSV_HEADER = ["section", "level", "key", "item", "value"]


def true_ranks(weights: dict[str, float]) -> dict[str, int]:
    """Rank categories by weight, heaviest = 1; equal weights share a rank."""
    ordered = sorted(weights.values(), reverse=True)
    return {cat: ordered.index(w) + 1 for cat, w in weights.items()}


def summary_lines(summary: Summary, truth: Truth | None = None, truth_level: str | None = None) -> list[str]:
    """A readable report for a facilitator's terminal."""
    lines = [
        f"Level: {summary.level or 'all levels'}",
        f"Figures backed by fewer than {K_MIN} sessions show as {HIDDEN}.",
        "",
        f"Sessions      {text(summary.sessions)}",
        f"Completed     {text(summary.completed)}{_percent(summary.completed, summary.sessions)}",
        f"Abandoned     {text(summary.abandoned)}{_percent(summary.abandoned, summary.sessions)}",
        f"Goal reached  {text(summary.goal_reached)}{_percent(summary.goal_reached, summary.sessions)}",
        "Grades        " + (" · ".join(f"{g} {text(n)}" for g, n in summary.grades.items()) or "none yet"),
        "",
        "Choices (share of the sessions that reached each scene)",
    ]
    if not summary.choices:
        lines.append("  none yet")
    for (level, scene), shares in summary.choices.items():
        lines += _choice_lines(_name(summary, level, scene), shares)
    lines += ["", "Guesses vs the truth (mean rank the players gave; 1 = most important)"]
    if not summary.guesses and not truth:
        lines.append("  none yet")
    for (level, variant), ranks in summary.guesses.items():
        weights = truth.get(variant) if truth is not None and level == truth_level else None
        lines += _guess_lines(_name(summary, level, variant), ranks, weights)
    for variant, weights in (truth or {}).items():
        if truth_level is not None and (truth_level, variant) not in summary.guesses:
            lines.append(f"  {_name(summary, truth_level, variant)}: no rankings yet; the true order is")
            order = true_ranks(weights)
            lines += [
                f"    {cat:<24} {order[cat]} ({w:g})" for cat, w in sorted(weights.items(), key=lambda kv: -kv[1])
            ]
    lines += ["", "What the visits taught (95% Wilson intervals; rates among the visitors who answered)"]
    if not summary.learning:
        lines.append("  none yet")
    for level, learned in summary.learning.items():
        lines += _learning_lines(level if not summary.level else "", _with_truth(learned, level, truth, truth_level))
    if truth is None:
        lines += ["", "(add --level-file to show the true weights beside the guesses)"]
    return lines


def _with_truth(learned: Learning, level: str, truth: Truth | None, truth_level: str | None) -> Learning:
    """The level file knows how many categories there are (the database only those ever ranked)."""
    if truth and level == truth_level:
        return learned.with_categories(len(next(iter(truth.values()))))
    return learned


def rate_text(found: Rate | None) -> str:
    """``12 of 30 = 40% (95% CI 25–58%)``, or ``<5`` when hidden."""
    if found is None:
        return HIDDEN
    return f"{found.part} of {found.total} = {found.share:.0%} (95% CI {found.low * 100:.0f}–{found.high:.0%})"


def _learning_lines(level: str, learned: Learning) -> list[str]:
    head = f"  {level}: " if level else "  "
    chance = learned.chance
    return [
        f"{head}answered 'would you join Halo again?': {text(learned.answered)}",
        f"    joined at the start     {rate_text(learned.joined_before)}",
        f"    would join again        {rate_text(learned.joined_after)}",
        f"    guesses ranked first what moved their own score most: {rate_text(learned.matched)}",
        f"    chance (1 of {learned.categories} categories)  {text(chance, '{:.0%}')}"
        if chance is not None
        else "    chance: no rankings yet",
    ]


def summary_rows(summary: Summary, truth: Truth | None = None, truth_level: str | None = None) -> list[list[str]]:
    """The same figures as CSV rows (header first), hidden cells written ``<5``."""
    scope = summary.level or "all"
    rows = [CSV_HEADER]
    for section in ("sessions", "completed", "abandoned", "goal_reached"):
        rows.append([section, scope, "", "", text(getattr(summary, section))])
    rows += [["grade", scope, "", grade, text(n)] for grade, n in summary.grades.items()]
    for (level, scene), shares in summary.choices.items():
        rows.append(["scene_sessions", level, scene, "", text(shares.total if shares else None)])
        if shares is not None:
            rows += [["choice", level, scene, option, text(n)] for option, n in shares.counts.items()]
    for (level, variant), ranks in summary.guesses.items():
        rows.append(["guess_sessions", level, variant, "", text(ranks.sessions if ranks else None)])
        if ranks is not None:
            rows += [["guess_mean_rank", level, variant, cat, text(m, "{:.2f}")] for cat, m in ranks.mean_rank.items()]
    for level, learned in summary.learning.items():
        learned = _with_truth(learned, level, truth, truth_level)
        rows.append(["join_answered", level, "", "", text(learned.answered)])
        for key, found in (
            ("joined_before", learned.joined_before),
            ("joined_after", learned.joined_after),
            ("guess_matched", learned.matched),
        ):
            rows += _rate_rows(key, level, found)
        if learned.matched is not None and learned.chance is not None:  # only beside the share it measures
            rows.append(["guess_chance", level, "", str(learned.categories), f"{learned.chance:.4f}"])
    if truth is not None and truth_level is not None:
        for variant, weights in truth.items():
            rows += [["true_weight", truth_level, variant, cat, f"{w:g}"] for cat, w in weights.items()]
    return rows


def _name(summary: Summary, level: str, item: str) -> str:
    return item if summary.level else f"{level} / {item}"


def _percent(part: int | None, whole: int | None) -> str:
    return f"  ({part / whole:.0%})" if part is not None and whole else ""


def _choice_lines(name: str, shares: ChoiceShares | None) -> list[str]:
    if shares is None:
        return [f"  {name}: {HIDDEN} sessions (hidden)"]
    lines = [f"  {name}: {shares.total} sessions"]
    for option, count in shares.counts.items():
        share = shares.share(option)
        lines.append(f"    {option:<24} {text(count):>6}  {text(share, '{:.0%}'):>5}")
    return lines


def _guess_lines(name: str, ranks: GuessRanks | None, weights: dict[str, float] | None) -> list[str]:
    if ranks is None:
        return [f"  {name}: {HIDDEN} players ranked (hidden)"]
    lines = [f"  {name}: {ranks.sessions} players ranked"]
    truth = true_ranks(weights) if weights else {}
    lines.append(f"    {'category':<24} {'guessed':>8}  {'true rank (weight)' if weights else ''}".rstrip())
    categories = list(ranks.mean_rank) + [c for c in sorted(truth, key=truth.__getitem__) if c not in ranks.mean_rank]
    for cat in categories:
        mean = ranks.mean_rank.get(cat)
        guessed = text(mean, "{:.1f}") if cat in ranks.mean_rank else "-"
        real = f"{truth[cat]} ({weights[cat]:g})" if weights and cat in truth else ""
        lines.append(f"    {cat:<24} {guessed:>8}  {real}".rstrip())
    return lines


def _rate_rows(section: str, level: str, found: Rate | None) -> list[list[str]]:
    """A rate as CSV: its count, its total, its share and its interval bounds (``<5`` when hidden)."""
    if found is None:
        return [[section, level, item, "", HIDDEN] for item in ("count", "of", "share", "ci_low", "ci_high")]
    return [
        [section, level, "count", "", str(found.part)],
        [section, level, "of", "", str(found.total)],
        [section, level, "share", "", f"{found.share:.4f}"],
        [section, level, "ci_low", "", f"{found.low:.4f}"],
        [section, level, "ci_high", "", f"{found.high:.4f}"],
    ]
