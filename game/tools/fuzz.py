"""Fuzzing the shipped levels: whatever ``check`` accepts, the game must draw; nothing may raise.

Each case takes one of ``levels/*.yaml`` and mutates it, with hypothesis choosing how:
a value replaced by another type (numbers huge, negative, NaN; booleans; None; lists;
mappings), a string replaced by one drawn from every Unicode category (controls,
surrogates, format characters, combining marks, private use, unassigned), an escape
written into the YAML itself (``\\0``, ``\\e``, ``\\uD800``, ``\\u200B``, ``\\u202E``…),
a key or list item deleted or duplicated, a line duplicated or deleted. The result goes
through the same reading, schema and lint as ``python -m game check``; a refusal must be
:class:`~game.content.load.ContentInvalid` (problems with file:line:col), nothing else.
For what is accepted, every text is drawn headless (one line, and as a paragraph), the
game is played from the attract screen into its first scene, and two months are
simulated. Any other exception is a failure, shrunk by hypothesis to a small example.

A short seeded run is part of ``make test`` (tests/content/test_fuzz.py); the long run is
``make fuzz`` (``python -m game.tools.fuzz --cases 5000``), which prints its figures.
Hypothesis is a test dependency: this tool is for development, never for a kiosk.
"""

from __future__ import annotations

import argparse
import atexit
import copy
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.load import ContentInvalid, load_level
from game.content.models import Level
from game.content.yamlsafe import parse_yaml
from game.paths import LEVELS_DIR

Draw = Callable[[st.SearchStrategy[Any]], Any]
SHIPPED = ("kiosk.yaml", "workshop.yaml", "sample.yaml")
ESCAPES = ("\\0", "\\e", "\\a", "\\t", "\\uD800", "\\uDFFF", "\\u200B", "\\u2060", "\\uFEFF", "\\u00AD", "\\u202E")
ESCAPES += ("\\u2066", "\\N", "\\_", "\\L", "\\P", "\\x7F", "\\x9B", "\\U0001F600", "\\U000E0001", "\\u0301", "\\")

any_character = st.one_of(
    st.characters(exclude_categories=()),  # every category hypothesis knows, controls included
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates
    st.sampled_from(["\u200b", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2028", "\x00", "\x1b", "\x85", "\ufe0f"]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.sampled_from([0, -1, 1, 2**31, -(2**63), 10**12]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(any_character, max_size=60),
    st.text(any_character, min_size=3000, max_size=4100),
)
values = st.one_of(scalars, st.lists(scalars, max_size=4), st.dictionaries(st.text(max_size=8), scalars, max_size=3))


@cache
def _folder() -> Path:
    """A scratch folder for the mutated files, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix="open-sesame-fuzz-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@cache
def shipped(name: str) -> tuple[str, Any]:
    """A shipped level's text and its plain data (read once)."""
    text = (LEVELS_DIR / name).read_text(encoding="utf-8")
    return text, parse_yaml(text, name).data


def _paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(tree, dict):
        for key, child in tree.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(tree, list):
        for index, child in enumerate(tree):
            out += _paths(child, (*prefix, index))
    return out


def _parent(tree: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    node = tree
    for part in path[:-1]:
        node = node[part]
    return node, path[-1]


def mutate_tree(draw: Draw, tree: Any) -> Any:
    """One structural mutation of plain YAML data (a deep copy is changed)."""
    tree = copy.deepcopy(tree)
    paths = [p for p in _paths(tree) if p]
    path = draw(st.sampled_from(paths))
    parent, key = _parent(tree, path)
    kind = draw(st.sampled_from(["replace", "replace", "string", "delete", "duplicate", "empty"]))
    if kind == "replace":
        parent[key] = draw(values)
    elif kind == "string":
        old = parent[key]
        new = draw(st.text(any_character, max_size=40))
        parent[key] = (old + new) if isinstance(old, str) and draw(st.booleans()) else new
    elif kind == "delete":
        del parent[key]
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(int(key), copy.deepcopy(parent[key]))
    elif kind == "duplicate" and isinstance(parent, dict):
        parent[f"{key}_copy"] = copy.deepcopy(parent[key])
    else:
        parent[key] = type(parent[key])() if isinstance(parent[key], list | dict | str) else None
    return tree


def mutate_text(draw: Draw, text: str) -> str:
    """One mutation of the YAML text itself: an escape in a quoted string, a line duplicated or gone."""
    lines = text.split("\n")
    kind = draw(st.sampled_from(["escape", "escape", "duplicate_line", "delete_line", "raw_character"]))
    index = draw(st.integers(0, max(0, len(lines) - 1)))
    line = lines[index]
    if kind == "escape":
        quoted = [i for i, c in enumerate(line) if c == '"']
        if len(quoted) >= 2:
            at = draw(st.integers(quoted[0] + 1, quoted[1]))
            lines[index] = line[:at] + draw(st.sampled_from(ESCAPES)) + line[at:]
    elif kind == "duplicate_line":
        lines.insert(index, line)
    elif kind == "delete_line":
        del lines[index]
    else:
        at = draw(st.integers(0, len(line)))
        lines[index] = line[:at] + draw(any_character) + line[at:]
    return "\n".join(lines)


def dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10_000)


@dataclass
class Tally:
    cases: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        seconds = time.perf_counter() - self.started
        parts = ", ".join(f"{n} {what}" for what, n in sorted(self.outcomes.items()))
        return f"fuzz: {self.cases} cases in {seconds:.0f} s ({parts}), 0 tracebacks"


def check_text(text: str, folder: Path) -> Level | None:
    """What ``python -m game check`` does with a file holding ``text``: a Level, or None if refused.

    The text is written as bytes (a lone surrogate as the invalid UTF-8 it would be in a
    file) and read back through the real reader, schema and lint.
    """
    path = folder / "fuzzed.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        level = load_level(path)
    except ContentInvalid as err:
        assert err.problems and all(p.file == str(path) and p.line >= 1 and p.col >= 1 for p in err.problems)
        return None
    return level


def exercise(level: Level) -> None:
    """Draw every text of an accepted level, play into its first scene, simulate two months."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.content.walk import is_text, walk
    from game.core.simulate import simulate
    from game.settings import Settings
    from game.tools.autoplay import play_until
    from game.ui.canvas import Rect

    lang = level.languages[0]
    app = _app(level, Settings(lang=lang, default_lang=lang, languages=list(level.languages), seed=1, stats=False))
    try:
        canvas = app.canvas
        white = (255, 255, 255)
        for _, value in walk(level):
            if is_text(value):
                for text in value.values():
                    canvas.text(text, Rect(100, 100, 900, 60), 30, white)
                    canvas.paragraph(text, Rect(100, 200, 900, 400), 30, white)
        rng = random.Random(1)
        try:
            play_until(app, lambda s: s.name in ("scene", "end"), rng, limit=120)
        except RuntimeError as err:  # a valid but winding month: not a crash
            if not str(err).startswith("gave up"):
                raise
        app.draw()
    finally:
        app.quit()
    simulate(level, 2, seed=1)


def _app(level: Level, options: Any) -> Any:
    from game.app import App

    return App(level, options, size=(960, 540), clock=_Ticks())


class _Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.5
        return self.now


def run_case(draw: Draw, tally: Tally | None = None) -> str:
    """One fuzz case; returns its outcome (``refused`` or ``accepted``), raises on a real bug."""
    name = draw(st.sampled_from(SHIPPED))
    text, tree = shipped(name)
    mutated = dump(mutate_tree(draw, tree)) if draw(st.booleans()) else text
    for _ in range(draw(st.integers(0 if mutated != text else 1, 2))):
        mutated = mutate_text(draw, mutated)
    level = check_text(mutated, _folder())
    outcome = "refused" if level is None else "accepted"
    if level is not None:
        exercise(level)
    if tally is not None:
        tally.cases += 1
        tally.outcomes[outcome] += 1
    return outcome


def fuzz(cases: int, seed: int, tally: Tally) -> None:
    """``cases`` hypothesis-driven cases from ``seed``; raises on the first (shrunk) failure."""

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def one(data: st.DataObject) -> None:
        run_case(data.draw, tally)

    from hypothesis import seed as with_seed

    with_seed(seed)(one)()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    import logging

    logging.getLogger("open_sesame").setLevel(logging.CRITICAL)  # placeholders are logged: expected here
    tally = Tally()
    fuzz(args.cases, args.seed, tally)
    print(tally.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
