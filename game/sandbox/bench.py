"""How fast the sandbox answers a slider move: a printed figure, never a timed test.

``measure(level)`` records a class of bot months in a throw-away statistics file, opens the
sandbox on it as the screen does (the months checked once), then moves a weight slider
again and again: each move is new rules, so each answer makes its modified level, replays
every month of the class and of one visit's lives, sums them per persona and decides the
k ≥ 5 figures. The target is 100 ms for a class of 30 on the kiosk level. Run it with::

    python -m game.sandbox.bench [level.yaml]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from game.content.models import Level
from game.sandbox.config import load_config
from game.sandbox.demo import bot_months, month_of, record_class
from game.sandbox.rules import Rules
from game.sandbox.workbench import Workbench
from game.stats.store import StatsStore


@dataclass(frozen=True)
class SliderFigures:
    months: int
    open_ms: float  # opening the sandbox: reading and checking the class's months
    median_ms: float  # one slider move, answered
    slowest_ms: float


def measure(level: Level, months: int = 30, moves: int = 25) -> SliderFigures:
    played = bot_months(level, months + 1)
    with (
        tempfile.TemporaryDirectory(prefix="open-sesame-bench-") as folder,
        StatsStore(Path(folder) / "stats.db") as store,
    ):
        record_class(store, level, played[:months])
        started = time.perf_counter()
        found = store.class_months(level.id, load_config().class_months)
        bench = Workbench(level, load_config(), month_of(played[-1]), found)
        rules = bench.start
        bench.answer(rules)
        opened = time.perf_counter() - started
        category = next(c for c, w in rules.weights if w < 1000)
        times = []
        for move in range(1, moves + 1):
            rules = rules.with_weight(category, Rules.shipped(level).weight(category) + move)
            started = time.perf_counter()
            bench.answer(rules)
            times.append(time.perf_counter() - started)
    return SliderFigures(months, opened * 1000, statistics.median(times) * 1000, max(times) * 1000)


def main(argv: list[str]) -> int:
    from game.content.load import load_level
    from game.paths import DEFAULT_LEVEL

    level = load_level(Path(argv[0]) if argv else DEFAULT_LEVEL)
    found = measure(level)
    print(
        f"sandbox on {level.id}: a slider move over {found.months} months answered in {found.median_ms:.1f} ms "
        f"(slowest {found.slowest_ms:.1f} ms; target under 100 ms); opening {found.open_ms:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
