"""Soak run: hundreds of complete sessions in one process, through the real screens.

Reports resident memory after a warm-up and at the end; it should stay flat.

    python -m game.tools.soak --sessions 500       # make soak
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.app import App
from game.content.load import load_level
from game.paths import DEFAULT_LEVEL, LEVELS_DIR
from game.settings import Settings
from game.tools.autoplay import play_until
from game.tools.drive import open_debrief


def rss_mb() -> float:
    """Current resident memory (not the peak), from /proc where available."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def soak(sessions: int, warmup: int = 50, seed: int = 1) -> tuple[float, float, float]:
    """Play ``sessions`` visitors; return (RSS after warm-up, RSS at the end, seconds)."""
    level = load_level(DEFAULT_LEVEL if DEFAULT_LEVEL.exists() else LEVELS_DIR / "sample.yaml")
    ticks = itertools.count()
    settings = Settings(lang="fr", default_lang="fr", languages=list(level.languages), stats=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = App(level, settings, size=(1920, 1080), clock=lambda: next(ticks) * 0.5, stats_path=Path(tmp) / "soak.db")
        rng = random.Random(seed)
        started = time.perf_counter()
        after_warmup = 0.0
        for index in range(sessions):
            app.ctx.settings.lang = rng.choice(level.languages)
            play_until(app, lambda s: s.name == "end", rng)
            open_debrief(app)
            app.draw()
            app.reset_to_attract()
            if index + 1 == warmup:
                gc.collect()
                after_warmup = rss_mb()
        gc.collect()
        end = rss_mb()
        app.quit()
    return after_warmup, end, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args(argv)
    warm, end, seconds = soak(args.sessions, min(args.warmup, args.sessions))
    print(f"soak: {args.sessions} complete sessions in {seconds:.0f} s")
    print(
        f"  memory after {args.warmup} sessions: {warm:.1f} MB; at the end: {end:.1f} MB; "
        f"growth {end - warm:+.1f} MB (target < 5 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
