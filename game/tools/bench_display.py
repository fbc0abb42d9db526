"""Where the bench's windows go: the display there is, an Xvfb of its own, or none.

A frame's cost includes getting it to the screen, which SDL's dummy driver skips (its
flip costs nothing). So the bench opens real windows: on the display it is given, or, with
no ``DISPLAY``, on an Xvfb it starts (a real X server in memory, with Mesa's GL, as a
kiosk without a GPU has). Without either it falls back to the dummy driver and says that
the present is then not measured.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

XVFB_SCREEN = "3840x2160x24"  # room for the 4K windows


@dataclass
class Display:
    """The display the bench draws on, and the Xvfb it started (stopped by :meth:`close`)."""

    real: bool
    note: str
    env: dict[str, str] = field(default_factory=dict)
    server: subprocess.Popen[bytes] | None = None

    def apply(self) -> None:
        """Point this process (and the children it starts) at the display."""
        os.environ.update(self.env)

    def close(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(timeout=5)


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number between :90 and :199")


def open_display(headless: bool = False) -> Display:
    """The display for this run (see the module's doc)."""
    dummy = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    if headless:
        return Display(False, "headless (--headless): SDL dummy driver, the present is not measured", dummy)
    sound = {"SDL_AUDIODRIVER": "dummy"}
    if os.environ.get("SDL_VIDEODRIVER", "") == "dummy":
        return Display(False, "headless (SDL_VIDEODRIVER=dummy): the present is not measured", dummy)
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        where = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY", "")
        return Display(True, f"real window on the display {where}", sound)
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        note = "no DISPLAY and no Xvfb: headless (SDL dummy driver), the present is NOT measured (install xvfb)"
        return Display(False, note, dummy)
    number = _free_display()
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", XVFB_SCREEN, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 5
    while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.02)
    if not socket.exists():
        server.terminate()
        return Display(False, "Xvfb did not start: headless (SDL dummy driver), the present is NOT measured", dummy)
    env = {**sound, "DISPLAY": f":{number}", "SDL_VIDEODRIVER": "x11"}
    note = f"real window on Xvfb :{number} ({XVFB_SCREEN}), started by the bench (no DISPLAY)"
    return Display(True, note, env, server)
