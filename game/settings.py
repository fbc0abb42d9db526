"""What the player or the kiosk's config switched on or off (no game rules here)."""

from __future__ import annotations

from dataclasses import dataclass

WINDOW_MIN = (320, 240)
WINDOW_MAX = (10000, 10000)
"""Window sizes the game accepts, from the command line and the kiosk config alike."""


def window_size_problem(width: int, height: int) -> str | None:
    """Why ``width`` x ``height`` is not an acceptable window, or None."""
    (w0, h0), (w1, h1) = WINDOW_MIN, WINDOW_MAX
    if w0 <= width <= w1 and h0 <= height <= h1:
        return None
    return f"the window must be from {w0}x{h0} to {w1}x{h1}, not {width}x{height}"


@dataclass
class Settings:
    """What the player or the kiosk's config switched on or off."""

    lang: str
    default_lang: str
    languages: list[str]
    larger_text: bool = False
    reduced_motion: bool = False
    sound: bool = False
    kiosk: bool = False
    ppi: float = 92.0
    stats: bool = True
    seed: int | None = None
    log_sessions: bool = False  # the replay line of each session even with statistics off
    audio: bool = False  # audio mode: every screen spoken, the month playable by ear (game/speech)
