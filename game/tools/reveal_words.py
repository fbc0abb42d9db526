"""How many words the guided reveal asks a visitor to read, per language and step.

Months are played for every persona (with Halo: the conforming month, the first option
each time, and seeded random ones; without Halo: the refusal), then each step of the
reveal lists the words it shows (:meth:`RevealStep.texts`): the mirror before and after
the guess, the other steps as they open, the bar's buttons once. The budget is 300 words
per language for the whole sequence (about two minutes at a museum reading pace).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from game.content.models import Level
from game.core.reading import reading_units
from game.core.rules import CONSENT
from game.runtime import Runtime
from game.settings import Settings

BUDGET = 300
RANDOM_MONTHS = 4  # per persona, besides the first-option month and the refusal


@dataclass(frozen=True)
class Count:
    persona: str
    month: str  # first | random N | declined
    steps: tuple[int, ...]  # words per step, the bar's buttons in the first

    @property
    def total(self) -> int:
        return sum(self.steps)


def months(level: Level, randoms: int = RANDOM_MONTHS) -> list[tuple[str, str, int]]:
    """(persona, kind of month, seed) for every month counted."""
    out = []
    for persona in level.personas:
        out.append((persona.id, "first", 0))
        out += [(persona.id, f"random {i}", i + 1) for i in range(randoms)]
        out.append((persona.id, "declined", 0))
    return out


def count_month(ctx: Runtime, persona: str, kind: str, seed: int) -> Count:
    from game.screens.reveal import RevealScreen
    from game.screens.reveal.mirror import MirrorStep

    visit = ctx.begin_visit(persona)
    rng = random.Random(seed)
    while True:
        visit.settle()
        if visit.over:
            break
        options = visit.session.option_ids()
        if visit.session.scene_id == CONSENT:
            visit.consent(kind != "declined")
        else:
            visit.choose(options[0] if kind == "first" else rng.choice(options))
    screen = RevealScreen(ctx)
    counted: list[int] = []
    bar: set[str] = set()
    for index, step in enumerate(screen.steps):
        screen.go(index)
        seen = list(step.texts())
        if isinstance(step, MirrorStep) and not step.revealed:
            step.reveal(ctx.level.categories[0].id)  # a wrong guess is the longest answer, often
            seen += [t for t in step.texts()[1:] if t not in seen]  # the chart's weeks are read once
        bar.update(screen.bar_labels())
        counted.append(sum(reading_units(text) for text in seen))
    counted[0] += sum(reading_units(text) for text in bar)
    return Count(persona, kind, tuple(counted))


def count_level(level: Level, lang: str, randoms: int = RANDOM_MONTHS) -> list[Count]:
    settings = Settings(lang=lang, default_lang=lang, languages=list(level.languages), stats=False)
    ctx = Runtime(level, settings)
    return [count_month(ctx, persona, kind, seed) for persona, kind, seed in months(level, randoms)]


def report(level: Level, randoms: int = RANDOM_MONTHS) -> tuple[list[str], bool]:
    """Lines to print, and whether every month keeps to the budget in every language."""
    lines, within = [], True
    for lang in level.languages:
        counts = count_level(level, lang, randoms)
        totals = [c.total for c in counts]
        longest = max(counts, key=lambda c: c.total)
        lines.append(
            f"{level.id} {lang}: median {statistics.median(totals):.0f}, most {longest.total} words "
            f"({longest.persona}, {longest.month}; per step {' + '.join(map(str, longest.steps))}); budget {BUDGET}"
        )
        within &= longest.total <= BUDGET
    return lines, within


def run(argv: list[str]) -> int:
    from game.content.load import ContentInvalid, load_level
    from game.paths import LEVELS_DIR

    p = argparse.ArgumentParser(
        prog="python -m game words", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("levels", nargs="*", type=Path, help="level files (default: every level in levels/)")
    p.add_argument("--months", type=int, default=RANDOM_MONTHS, help="random months per persona")
    args = p.parse_args(argv)
    within = True
    for path in args.levels or sorted(LEVELS_DIR.glob("*.yaml")):
        try:
            level = load_level(path)
        except ContentInvalid as err:
            for problem in err.problems:
                print(problem, file=sys.stderr)
            return 2
        lines, ok = report(level, args.months)
        print("\n".join(lines))
        within &= ok
    return 0 if within else 1
