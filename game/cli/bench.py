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
    for level, rate in bench.simulator(1000 if args.quick else 4000).items():
        print(f"simulator {level:<10} {rate:8,.0f} months/s on one core (target >= 2,000 on kiosk)")
    what_if = bench.what_if_ms(bench_level_path())
    print(f"what-if        {what_if:7.2f} ms, the slowest alternative month (target < 100 ms)")
    found = bench.decisive_ms(bench_level_path())
    print(f"decisive       {found:7.1f} ms, the slowest search for the reveal's what-if (target < 200 ms)")
    slider = bench.sandbox_slider(bench_level_path())
    print(
        f"sandbox        {slider.median_ms:7.2f} ms to recompute a class of {slider.months} months after a slider"
        f" move (median; slowest {slider.slowest_ms:.1f} ms; target < 100 ms); opening {slider.open_ms:.0f} ms"
    )
    game_mb, bare_mb = bench.memory()
    print(
        f"memory         {game_mb:7.1f} MB peak for a full session; bare pygame window {bare_mb:.1f} MB;"
        f" ratio {game_mb / bare_mb:.2f}"
    )
    return 0
