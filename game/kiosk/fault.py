"""Deliberate crashes on demand, so the supervisor's restart path can be tested for real.

Set ``OPEN_SESAME_FAULT`` to a stage name (``startup``, ``frame``) and the game raises at
that point. Unset (the normal case) it costs one dictionary lookup.
"""

from __future__ import annotations

import os

FAULT_ENV = "OPEN_SESAME_FAULT"


def maybe_inject_fault(stage: str) -> None:
    """Raise ``RuntimeError`` if ``OPEN_SESAME_FAULT`` names this stage; otherwise do nothing."""
    if os.environ.get(FAULT_ENV) == stage:
        raise RuntimeError(f"injected fault for testing: {stage}")
