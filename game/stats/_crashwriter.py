"""A writer for the crash-safety test: records sessions forever, printing each committed id.

``python -m game.stats._crashwriter DB`` prints ``ready`` once the store is open, then one
session id per line, each only after its transaction committed. The test kills it with
SIGKILL at random moments and checks that every printed id survived.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.stats.record import SessionRecord
from game.stats.store import StatsStore

CHOICES = 12
GUESS = ("credit_history", "fulfilment", "personal", "behaviour", "connections")


def sample(n: int) -> SessionRecord:
    """A deterministic session with :data:`CHOICES` choices and a full guess."""
    return SessionRecord(
        level="crash",
        persona=f"p{n % 3}",
        language="en",
        variant="standard",
        choices=tuple(f"s{i}.o{(n + i) % 3}" for i in range(CHOICES)),
        guess=GUESS[n % 5 :] + GUESS[: n % 5],
        final_score=500 + n % 400,
        grade="ABCD"[n % 4],
        goal_reached=n % 2 == 0,
        completed=True,
        duration_s=10 * (n % 60),
        hour="2026-01-01T10",
    )


def main(argv: list[str]) -> int:
    store = StatsStore(Path(argv[0]), timeout_s=5.0)
    if store.active_path != Path(argv[0]):
        print(f"fell back to {store.active_path}", flush=True)
        return 1
    print("ready", flush=True)
    n = 0
    while True:
        session_id = store.record(sample(n))
        if session_id is None or store.active_path != Path(argv[0]):
            print("record failed", flush=True)
            return 1
        print(session_id, flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
