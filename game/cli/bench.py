"""``python -m game bench``: boot, frames, idle CPU, memory, level reading, simulator.

Measured in real windows (the display there is, or an Xvfb the bench starts), with the
present included and each figure beside its floor, a bare pygame doing the least possible
in the same run. Nothing fails: read the figures (targets in brackets, issue 16's).
"""

from __future__ import annotations

import argparse
import os
import statistics

SIZES = {"1080p": (1920, 1080), "4K": (3840, 2160)}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game bench", description=__doc__)
    parser.add_argument("--idle-seconds", type=float, default=10.0, help="how long to watch each idle screen")
    parser.add_argument("--frames", type=int, default=300, help="frames sampled per screen")
    parser.add_argument("--quick", action="store_true", help="shorter runs (2 s idle, 120 frames, fewer simulations)")
    parser.add_argument("--headless", action="store_true", help="SDL's dummy driver: no window, no present")
    args = parser.parse_args(argv)
    from game.tools.bench_display import open_display

    display = open_display(args.headless)
    display.apply()
    try:
        return _report(args, display.note)
    finally:
        display.close()


def _report(args: argparse.Namespace, where: str) -> int:
    from game.cli.bench_child import bench_level_path
    from game.screens.debrief import PANELS
    from game.tools import bench, bench_frames

    idle_s = 2.0 if args.quick else args.idle_seconds
    count = 120 if args.quick else args.frames
    print(f"Open Sesame benchmark: {where}; {os.cpu_count()} cores")
    print(f"display        {bench_frames.display_path()}")
    kiosk, bare = bench.kiosk_boot(5 if args.quick else 11)  # boots swing by ±20 %: the median of many
    k, b = statistics.median(kiosk), statistics.median(bare)
    print(
        f"boot           {k * 1000:7.0f} ms to the first frame through the kiosk supervisor (median of {len(kiosk)});"
        f" bare pygame window {b * 1000:.0f} ms; ratio {k / b:.2f} (target <= 2)"
    )
    for label, size in SIZES.items():
        floor = bench_frames.bare_frames(size, count)
        print(f"frames {label:<6} bare pygame full-window blit + present   {floor.line()}")
        busiest = ("", 0.0)
        for screen in ("attract", "scene", "publication"):
            frames = bench_frames.screen_frames(screen, size, count)
            busiest = max(busiest, (screen, frames.p99), key=lambda x: x[1])
            print(
                f"frames {label:<6} {screen:<12} ({frames.moving:3} animated)   {frames.line()};"
                f" median x{frames.median / floor.median:.1f} the floor"
            )
        for screen in ("scene", "publication"):  # nothing kept can serve: not counted in the busiest
            cold = bench_frames.cold_frames(screen, size, max(30, count // 5))
            print(f"frames {label:<6} {screen:<12} in another language each frame   {cold.line()}")
        for panel in PANELS:
            frames = bench_frames.screen_frames(f"debrief:{panel}", size, count)  # a p99 over as many frames
            busiest = max(busiest, (f"debrief {panel}", frames.p99), key=lambda x: x[1])
            print(f"frames {label:<6} debrief {panel:<12}   {frames.line()}")
        target = "8" if label == "1080p" else "16.7"
        print(f"frames {label:<6} busiest screen: {busiest[0]}, p99 {busiest[1]:.2f} ms (target <= {target} ms)")
    for label, size in SIZES.items():
        for screen in ("attract", "scene"):
            share = bench_frames.idle_cpu(screen, size, idle_s)
            print(
                f"idle CPU {label:<6} {screen:<8} {share * 100:6.2f} % of one core over {idle_s:.0f} s (target <= 3 %)"
            )
    for label, size in SIZES.items():
        game_mb, bare_mb = bench.memory(size)
        target = "120" if label == "1080p" else "200"
        print(
            f"memory {label:<6} {game_mb:7.1f} MB peak, a full session visiting every debrief panel in every language;"
            f" bare pygame window {bare_mb:.1f} MB (target <= {target} MB)"
        )
    rows = bench.check_series((1, 2, 4) if args.quick else (1, 2, 4, 7, 10), 1 if args.quick else 3)
    base = rows[0]
    for factor, size_b, wall, parse_ms in rows:
        extra = (wall - base[2]) / (size_b / base[1] - 1) if factor > 1 else 0.0
        print(
            f"game check     workshop x{factor:<2} {size_b / 1e6:5.2f} MB: {wall:5.2f} s"
            f" ({extra:.2f} s per extra 1x); YAML parse {parse_ms:6.0f} ms = {parse_ms / (size_b / 1e6):.0f} ms/MB"
        )
    jobs, rates = bench.simulator(1000 if args.quick else 4000)
    for level, (one, every) in rates.items():
        target = " (target >= 5,000 on kiosk with every core)" if level == "kiosk" else ""
        print(
            f"simulator {level:<10} {one:8,.0f} months/s on one core; {every:,.0f} on {jobs} cores"
            f" (x{every / one:.2f}){target}"
        )
    what_if = bench.what_if_ms(bench_level_path())
    print(f"what-if        {what_if:7.2f} ms, the slowest alternative month (target < 100 ms)")
    found = bench.decisive_ms(bench_level_path())
    print(f"decisive       {found:7.1f} ms, the slowest search for the reveal's what-if (target < 200 ms)")
    slider = bench.sandbox_slider(bench_level_path())
    print(
        f"sandbox        {slider.median_ms:7.2f} ms to recompute a class of {slider.months} months after a slider"
        f" move (median; slowest {slider.slowest_ms:.1f} ms; target < 100 ms); opening {slider.open_ms:.0f} ms"
    )
    return 0
