"""The rules engine and the content loader never import pygame (a fresh interpreter proves it)."""

from __future__ import annotations

import subprocess
import sys

from game.paths import ROOT

PROBE = """
import importlib, pkgutil, sys
import game.core, game.content
names = []
for package in (game.core, game.content):
    names.append(package.__name__)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
import game.cli.check, game.cli.simulate
loaded = sorted(m for m in sys.modules if m == "pygame" or m.startswith("pygame."))
print(",".join(names))
print("PYGAME:" + ",".join(loaded))
"""


def test_core_and_content_import_no_pygame() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    names_line, pygame_line = done.stdout.strip().splitlines()[-2:]
    names = names_line.split(",")
    for expected in (
        "game.core.session",
        "game.core.rules",
        "game.core.replay",
        "game.core.simulate",
        "game.content.load",
        "game.content.lint",
        "game.content.yamlsafe",
    ):
        assert expected in names
    assert pygame_line == "PYGAME:", f"pygame was imported: {pygame_line}"
