"""``python -m game replay``: replay a month from the line the game logs when a session ends,
or a whole visit saved for a bug report.

The log line reads ``session ended: level kiosk persona student seed 123 variant standard
choices consent.accept bike_morning.ride ...``; pass those values to see the same month
again, week by week, with every hidden change and its cause — the way to follow up a bug
report without anything about the visitor. ``--visit visit.json`` (saved from the admin
screen) replays the whole visit: the month, and the appeals, the guess and the answers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.cli.safeout import terminal_safe
from game.content.load import ContentInvalid, load_level
from game.paths import LEVELS_DIR
from game.safefile import FileRefused, read_regular


def parse_choice(text: str) -> tuple[str, str]:
    scene, _, option = text.partition(".")
    if not scene or not option:
        raise argparse.ArgumentTypeError(f"expected scene.option, got {text!r}")
    return scene, option


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m game replay", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--level", help="a level id (levels/ID.yaml) or a file (a visit names its own)")
    parser.add_argument("--persona")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--variant", default=None)
    parser.add_argument("choices", nargs="*", type=parse_choice, help="scene.option, in order")
    parser.add_argument("--visit", type=Path, default=None, help="a visit saved as JSON (admin: save the visit)")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    visit_data: dict[str, Any] | None = None
    if args.visit is not None:
        try:
            visit_data = json.loads(read_regular(args.visit, 4_000_000).decode("utf-8"))
            assert visit_data is not None
            state = visit_data["state"]
            args.level = args.level or state["level"]
            args.persona, args.seed, args.variant = state["persona"], state["seed"], state["variant"]
            args.choices = [tuple(c) for c in state["choices"]]
        except (OSError, FileRefused, ValueError, KeyError, TypeError) as err:
            print(terminal_safe(f"replay: {args.visit}: not a saved visit ({err})"), file=sys.stderr)
            return 2
    if not args.level or not args.persona or args.seed is None or not args.choices:
        parser.error("give --visit, or --level, --persona, --seed and the choices")
    path = Path(args.level) if args.level.endswith((".yaml", ".yml")) else LEVELS_DIR / f"{args.level}.yaml"
    try:
        level = load_level(path)
    except ContentInvalid as err:
        for problem in err.problems:
            print(terminal_safe(str(problem)), file=sys.stderr)
        return 2
    from game.core.replay import replay
    from game.i18n import pick

    try:
        timeline = replay(level, args.persona, args.seed, list(args.choices), args.variant)
    except ValueError as err:  # an unknown persona or variant, or a log that does not fit this level
        print(terminal_safe(f"replay: {err}"), file=sys.stderr)
        return 2
    outcome = timeline.outcome
    say(f"{level.id}: {args.persona}, seed {args.seed}, rules {timeline.variant}")
    say("published scores: " + " -> ".join(str(s) for s in timeline.scores))
    say(f"final: {outcome.final_score} grade {outcome.grade}; goal {'reached' if outcome.goal_reached else 'missed'}")
    for entry in timeline.ledger:
        if (entry.target == "category" and not entry.points) or entry.target not in ("category", "flag", "relation"):
            continue
        where = f" {entry.scene}.{entry.option}" if entry.scene else ""
        why = f" — {pick(entry.why, args.lang)}" if entry.why else ""
        points = f" ({entry.points:+.1f} pts)" if entry.target == "category" else ""
        change = f"{_show(entry.before)} -> {_show(entry.after)}"
        say(f"  week {entry.week} {entry.cause:<12} {entry.target} {entry.key}: {change}{points}{where}{why}")
    if visit_data is not None:
        say(f"appeals: {', '.join(map(str, visit_data.get('appeals') or [])) or 'none'}")
        say(f"guess: {' > '.join(map(str, visit_data.get('guess') or [])) or 'skipped'}")
        say(f"would join again: {visit_data.get('join_again')}")
    return 0


def say(line: str) -> None:
    """Print a line built from level data: escapes shown, never sent to the terminal."""
    print(terminal_safe(line, keep_newlines=False))


def _show(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)
