"""A pool's worker dies on SIGTERM even when forked from a process whose handler only sets a flag."""

from __future__ import annotations

import signal
import sys

import pytest

from game.content.load import load_level
from game.core import parallel
from game.paths import LEVELS_DIR


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_worker_takes_back_the_default_sigterm() -> None:
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)  # as game.kiosk.signals does
    try:
        parallel._start_worker(load_level(LEVELS_DIR / "sample.yaml"))  # what a forked worker runs first
        # the pool's terminate() sends SIGTERM: a worker that ignored it hung the pool's exit
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)
        parallel._level = None
