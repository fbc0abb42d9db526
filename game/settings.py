"""What the player or the kiosk's config switched on or off (no game rules here)."""

from __future__ import annotations

from dataclasses import dataclass


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
