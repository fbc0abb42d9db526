"""How fast the debrief's "what if" answers: a printed figure, never a timed test.

``measure_what_if(level)`` plays seeded months for every persona, then times one engine
replay per choice changed (the other option at each choice that had one) and returns
the slowest, in milliseconds. The target is 100 ms on the kiosk level, so a visitor
touching an option sees the other month at once. ``measure_decisive(level)`` times the
reveal's search for the decisive choice (target 200 ms). Run them with::

    python -m game.debrief.bench [level.yaml]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from game.content.models import Level
from game.core.replay import what_if
from game.core.session import Session
from game.debrief.whatif import WhatIf


def _month(level: Level, persona: str, seed: int) -> Session:
    session = Session(level, persona, seed)
    rng = random.Random(seed)
    session.choose("accept")
    while not session.over:
        session.choose(rng.choice(session.option_ids()))
    return session


def measure_what_if(level: Level, seeds: int = 3) -> float:
    """The slowest single what-if replay, in ms, over ``seeds`` months per persona."""
    worst = 0.0
    for persona in level.personas:
        for seed in range(seeds):
            session = _month(level, persona.id, seed)
            probe = WhatIf(session)
            for index in range(len(session.state.choices)):
                alternatives = [a for a in probe.alternatives(index) if a.available]
                if not alternatives:
                    continue
                start = time.perf_counter()
                what_if(level, persona.id, seed, probe.choices, index, alternatives[0].option, probe.variant)
                worst = max(worst, (time.perf_counter() - start) * 1000.0)
    return worst


def measure_decisive(level: Level, seeds: int = 3) -> float:
    """The slowest search for the decisive what-if (every single other choice and every
    other life, from a fresh WhatIf), in ms, over ``seeds`` months per persona."""
    from game.debrief.decisive import decisive

    worst = 0.0
    for persona in level.personas:
        for seed in range(seeds):
            session = _month(level, persona.id, seed)
            start = time.perf_counter()
            decisive(WhatIf(session))
            worst = max(worst, (time.perf_counter() - start) * 1000.0)
    return worst


def main(argv: list[str]) -> int:
    from game.content.load import load_level
    from game.paths import DEFAULT_LEVEL

    level = load_level(Path(argv[0]) if argv else DEFAULT_LEVEL)
    print(f"what-if on {level.id}: slowest replay {measure_what_if(level):.2f} ms (target: under 100 ms)")
    print(f"decisive what-if on {level.id}: slowest search {measure_decisive(level):.1f} ms (target: under 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
