"""The display path: software GL is found without opening GL, and the direct framebuffer chosen."""

from __future__ import annotations

import os
import sys

import pytest

from game.ui import framebuffer
from game.ui.framebuffer import _decide, is_software, software_gl_reason


def no_gpu(pattern: str) -> list[str]:
    return []


def gpu(pattern: str) -> list[str]:
    return ["/dev/dri/renderD128"] if "renderD" in pattern else []


def never(reason: str = "") -> str:
    raise AssertionError("GL opened although the cheap checks had decided")


def test_no_gpu_device_or_mesa_told_to_render_in_software_is_software_gl() -> None:
    assert "no GPU device" in software_gl_reason({}, no_gpu)
    assert software_gl_reason({}, gpu) == ""
    assert "LIBGL_ALWAYS_SOFTWARE" in software_gl_reason({"LIBGL_ALWAYS_SOFTWARE": "1"}, gpu)
    assert "GALLIUM_DRIVER" in software_gl_reason({"GALLIUM_DRIVER": "llvmpipe"}, gpu)
    assert software_gl_reason({}, lambda p: ["/dev/nvidiactl"] if "nvidia" in p else []) == ""


def test_the_renderer_s_name_tells_software_from_hardware() -> None:
    assert is_software("llvmpipe (LLVM 15.0.6, 256 bits)")
    assert is_software("Software Rasterizer")
    assert not is_software("Mesa Intel(R) UHD Graphics 620 (KBL GT2)")
    assert not is_software("")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the cheap checks are Linux's")
def test_x11_with_software_gl_takes_the_direct_framebuffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(framebuffer, "software_gl_reason", lambda env: "no GPU device")
    choice = _decide("x11", {}, never)
    assert choice.path == "framebuffer" and "software GL" in choice.reason
    monkeypatch.setattr(framebuffer, "software_gl_reason", lambda env: "")
    assert _decide("x11", {}, lambda: "llvmpipe (LLVM 15)").path == "framebuffer"
    hardware = _decide("x11", {}, lambda: "AMD Radeon RX 6600")
    assert hardware.path == "gl texture" and hardware.renderer == "AMD Radeon RX 6600"


def test_the_environment_wins_and_no_window_needs_nothing() -> None:
    assert _decide("x11", {"SDL_FRAMEBUFFER_ACCELERATION": "1"}, never).path == "gl texture"
    assert _decide("x11", {"SDL_FRAMEBUFFER_ACCELERATION": "0"}, never).path == "framebuffer"
    assert _decide("dummy", {}, never).path == "none"
    assert _decide("kmsdrm", {}, never).path == "gl texture"


def test_the_game_sets_no_hint_under_the_dummy_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    import pygame

    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION", raising=False)
    pygame.display.init()
    choice = framebuffer.choose(probe=never)
    assert choice.path == "none" and "SDL_FRAMEBUFFER_ACCELERATION" not in os.environ
