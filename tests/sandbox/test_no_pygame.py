"""The sandbox's engine imports no pygame (a fresh interpreter proves it), like game.core."""

from __future__ import annotations

import subprocess
import sys

from game.paths import ROOT

PROBE = """
import importlib, pkgutil, sys
import game.sandbox
for info in pkgutil.walk_packages(game.sandbox.__path__, "game.sandbox."):
    importlib.import_module(info.name)
print(",".join(sorted(m for m in sys.modules if m == "pygame" or m.startswith("pygame."))))
"""


def test_the_sandbox_engine_imports_no_pygame() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
