"""How frames reach the screen: SDL's GL texture or the direct framebuffer.

The game draws every pixel on the CPU; SDL then hands the window's surface to the screen.
By default it uploads it to a GL texture each frame. Without a GPU (no driver, a VM, a
remote or virtual X server) that GL is Mesa's software renderer, which costs a core's
quarter just to show a still screen at 1080p (a 1080p present measured 25 ms through
llvmpipe, 0.7 ms through X11 shared memory on the same machine). So at start-up, before
the window exists, :func:`choose` looks for a software GL and, when it finds one, asks
SDL for the direct framebuffer instead (``SDL_FRAMEBUFFER_ACCELERATION=0``). SDL reads
that hint once, when the first window surface is made, so it must be set before
``set_mode``. A value already in the environment always wins (a kiosk can set it in its
unit and skip the look). See docs/kiosk.md, "How frames reach the screen".
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from glob import glob

import pygame

log = logging.getLogger("open_sesame")

HINT = "SDL_FRAMEBUFFER_ACCELERATION"
DIRECT = "x11"
"""The video driver whose direct framebuffer (X11 shared memory) is measured cheapest without
a GPU; Wayland and KMS/DRM have none, Windows and macOS do not render through GL by default."""
SOFTWARE_GL = ("llvmpipe", "softpipe", "swrast", "software rasterizer", "lavapipe", "gdi generic")
NO_WINDOW = {"dummy", "offscreen", "evdev"}


@dataclass(frozen=True)
class Choice:
    """What :func:`choose` decided, for the log and the bench."""

    driver: str
    path: str  # "framebuffer" (direct), "gl texture" (SDL's default) or "none" (no window)
    reason: str
    renderer: str = ""  # the GL renderer's name when it was asked

    def describe(self) -> str:
        gl = f", GL renderer {self.renderer}" if self.renderer else ""
        return f"video driver {self.driver}, frames through the {self.path} ({self.reason}{gl})"


def software_gl_reason(env: Mapping[str, str], devices: Callable[[str], list[str]] = glob) -> str:
    """Why GL here can only be software, or "" when a GPU may be there (Linux only).

    Cheap checks, no GL opened: Mesa told to render in software, or no GPU device at all
    (Mesa needs a render node for hardware GL, NVIDIA's driver its control device; a
    machine with only a boot framebuffer has neither).
    """
    if env.get("LIBGL_ALWAYS_SOFTWARE", "").lower() in ("1", "true", "yes"):
        return "LIBGL_ALWAYS_SOFTWARE is set"
    for name in ("GALLIUM_DRIVER", "MESA_LOADER_DRIVER_OVERRIDE"):
        if env.get(name, "").lower() in ("llvmpipe", "softpipe", "swrast"):
            return f"{name} is {env[name]}"
    if not devices("/dev/dri/renderD*") and not devices("/dev/nvidiactl"):
        return "no GPU device (/dev/dri/renderD*, /dev/nvidiactl)"
    return ""


def gl_renderer() -> str:
    """The GL renderer's name, from a hidden 1×1 GL window ("" when GL cannot be opened).

    Costs a GL context (tens of milliseconds on a GPU, ~200 ms through llvmpipe), so it is
    asked only when the cheap checks found a GPU device. The display module is restarted
    afterwards so that the real window starts from a clean video state.
    """
    try:
        pygame.display.set_mode((1, 1), pygame.OPENGL | pygame.HIDDEN)
        lib = ctypes.CDLL("libGL.so.1")
        lib.glGetString.restype = ctypes.c_char_p
        name = lib.glGetString(0x1F01)  # GL_RENDERER
        return name.decode("utf-8", "replace") if name else ""
    except (pygame.error, OSError, AttributeError):
        return ""
    finally:
        pygame.display.quit()
        pygame.display.init()


def is_software(renderer: str) -> bool:
    low = renderer.lower()
    return any(word in low for word in SOFTWARE_GL)


def choose(env: Mapping[str, str] | None = None, probe: Callable[[], str] = gl_renderer) -> Choice:
    """Pick the cheapest path before the window is made; sets the hint and logs the choice.

    Call after ``pygame.display.init()`` and before ``set_mode``.
    """
    environ = os.environ if env is None else env
    driver = pygame.display.get_driver()
    if driver == "wayland" and HINT not in environ and _to_x11(environ):
        driver = "x11"
    choice = _decide(driver, environ, probe)
    if choice.path == "framebuffer" and HINT not in environ:
        os.environ[HINT] = "0"
    log.info("display: %s", choice.describe())
    return choice


def _to_x11(env: Mapping[str, str]) -> bool:
    """Under Wayland with software GL, Xwayland's shared memory is the cheap path: switch to it
    when an X display is there (the Wayland driver has no direct framebuffer)."""
    if not env.get("DISPLAY") or not sys.platform.startswith("linux") or not software_gl_reason(env):
        return False
    before = os.environ.get("SDL_VIDEODRIVER")
    pygame.display.quit()
    os.environ["SDL_VIDEODRIVER"] = "x11"
    try:
        pygame.display.init()
        return True
    except pygame.error:
        if before is None:
            del os.environ["SDL_VIDEODRIVER"]
        else:
            os.environ["SDL_VIDEODRIVER"] = before
        pygame.display.init()
        return False


def _decide(driver: str, env: Mapping[str, str], probe: Callable[[], str]) -> Choice:
    if driver in NO_WINDOW:
        return Choice(driver, "none", "no window on screen")
    if HINT in env:
        path = "framebuffer" if env[HINT].lower() in ("0", "false", "software") else "gl texture"
        return Choice(driver, path, f"{HINT}={env[HINT]} set by the environment")
    if driver != DIRECT:
        return Choice(driver, "gl texture", f"SDL's default: {driver} has no direct framebuffer")
    reason = software_gl_reason(env) if sys.platform.startswith("linux") else ""
    if reason:
        return Choice(driver, "framebuffer", f"software GL: {reason}")
    renderer = probe()
    if is_software(renderer):
        return Choice(driver, "framebuffer", "software GL", renderer)
    return Choice(driver, "gl texture", "SDL's default: hardware GL" if renderer else "SDL's default", renderer)
