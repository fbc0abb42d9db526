"""``python -m game simulate LEVEL``: bots play many months; print what outcomes the level produces."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.content.load import ContentInvalid, load_level
from game.core.simulate import format_report, simulate


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game simulate", description=__doc__)
    parser.add_argument("level", type=Path)
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--policy", default="random", help="random, first, or tag:NAME (e.g. tag:conform)")
    parser.add_argument("--decline-rate", type=float, default=0.03, help="share of bots that decline Halo")
    parser.add_argument("--lang", default=None, help="language used to count words read")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        level = load_level(args.level)
    except ContentInvalid as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 2
    try:
        report = simulate(level, args.runs, args.seed, args.policy, args.decline_rate, args.lang)
    except ValueError as err:
        print(f"simulate: {err}", file=sys.stderr)
        return 2
    print(format_report(report, level, args.lang or level.languages[0]))
    print(f"throughput: {report.runs / report.seconds:,.0f} months per second", file=sys.stderr)
    return 0
