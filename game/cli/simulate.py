"""``python -m game simulate LEVEL``: bots play many months; print what outcomes the level produces.

First the balance report (every policy): the words read as played in each language and
the minutes they take, goal rates per persona and policy (``loyal`` drops and reports
nobody), door grant rates, and how often the drawn rule set alone changes the goal for
the same choices. Then the details of one policy (``--policy``, random by default).
``--policy-only`` prints just those details. ``--jobs`` processes play the months (all
cores by default, 1 for this process alone); the report is the same for any number.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from game.content.load import ContentInvalid, load_level
from game.core.balance import balance, format_balance
from game.core.parallel import default_jobs
from game.core.simulate import format_report, simulate


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not math.isfinite(value) or not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be a share from 0 to 1, not {text}")
    return value


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 process, not {value}")
    return value


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game simulate", description=__doc__)
    parser.add_argument("level", type=Path)
    parser.add_argument("--runs", type=int, default=2000, help="months per policy")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--policy", default="random", help="random, first, conform, loyal, ruthless, honest, kind, or tag:NAME"
    )
    parser.add_argument("--decline-rate", type=_rate, default=0.03, help="share of bots that decline Halo (0 to 1)")
    parser.add_argument("--lang", default=None, help="language of the names and of the words read in the details")
    parser.add_argument("--policy-only", action="store_true", help="skip the balance report")
    parser.add_argument(
        "--jobs", type=_jobs, default=None, help="processes that play the months (default: every core; 1: no pool)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        level = load_level(args.level)
    except ContentInvalid as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 2
    lang = args.lang or level.languages[0]
    jobs = args.jobs or default_jobs()
    started = time.perf_counter()
    try:
        report = simulate(level, args.runs, args.seed, args.policy, args.decline_rate, args.lang, jobs=jobs)
    except ValueError as err:
        print(f"simulate: {err}", file=sys.stderr)
        return 2
    if not args.policy_only:
        print(format_balance(balance(level, args.runs, args.seed, args.decline_rate, jobs=jobs), level, lang))
        print()
    print(format_report(report, level, lang))
    print(
        f"throughput: {report.runs / report.seconds:,.0f} months per second ({jobs} process{'es' if jobs > 1 else ''})",
        file=sys.stderr,
    )
    print(f"time: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0
