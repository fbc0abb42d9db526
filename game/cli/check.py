"""``python -m game check [paths]``: validate level files, print every problem, exit 2 if any."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.content.load import check_report
from game.paths import LEVELS_DIR


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game check", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="level files or folders (default: levels/)")
    args = parser.parse_args(argv)
    paths = args.paths or [LEVELS_DIR]
    problems, warnings = check_report(paths)
    for problem in [*problems, *warnings]:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 2
    print("all levels are valid" + (f" ({len(warnings)} warning(s) above)" if warnings else ""))
    return 0
