"""``python -m game bench``: startup, frame cost, idle CPU, simulator throughput, memory.

Each figure is printed beside its floor (a bare pygame doing the least possible) as a
ratio, with the target the project holds itself to. Nothing fails: read the figures.
"""

from __future__ import annotations

import argparse
import os


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game bench", description=__doc__)
    parser.add_argument("--idle-seconds", type=float, default=10.0, help="how long to watch each idle screen")
    parser.add_argument("--quick", action="store_true", help="shorter runs (2 s idle, fewer simulations)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.cli.bench_child import bench_level_path
    from game.tools import bench

    idle_s = 2.0 if args.quick else args.idle_seconds
    print("Open Sesame benchmark (headless, 1920x1080)")
    game_s, bare_s = bench.startup()
    print(
        f"startup        {game_s * 1000:7.0f} ms to the first attract frame; bare pygame {bare_s * 1000:.0f} ms;"
        f" ratio {game_s / bare_s:.2f} (target <= 2)"
    )
    costs, floor = bench.frame_costs()
    panels = {k: v for k, v in costs.items() if k.startswith("debrief")}
    slowest = max(panels, key=lambda k: panels[k])
    shown = {k: v for k, v in costs.items() if not k.startswith("debrief")}
    shown[f"{slowest} (slowest of {len(panels)} panels)"] = panels[slowest]
    for screen, ms in shown.items():
        print(f"frame {screen:<12} {ms:6.2f} ms; bare blit+flip {floor:.2f} ms; ratio {ms / floor:.2f} (target <= 4)")
    for screen in ("attract", "scene"):
        share = bench.idle_cpu(screen, idle_s)
        print(f"idle CPU {screen:<9} {share * 100:6.2f} % of one core over {idle_s:.0f} s (target <= 3 %)")
    jobs, rates = bench.simulator(1000 if args.quick else 4000)
    for level, (one, every) in rates.items():
        target = " (target >= 5,000 on kiosk with every core)" if level == "kiosk" else ""
        print(
            f"simulator {level:<10} {one:8,.0f} months/s on one core; {every:,.0f} on {jobs} cores"
            f" (x{every / one:.2f}){target}"
        )
    what_if = bench.what_if_ms(bench_level_path())
    print(f"what-if        {what_if:7.2f} ms, the slowest alternative month (target < 100 ms)")
    game_mb, bare_mb = bench.memory()
    print(
        f"memory         {game_mb:7.1f} MB peak for a full session; bare pygame window {bare_mb:.1f} MB;"
        f" ratio {game_mb / bare_mb:.2f}"
    )
    return 0
