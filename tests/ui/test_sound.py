"""Sound is optional: off by default, and a missing audio device never stops the game."""

from __future__ import annotations

import pygame

from game.ui.sound import NAMES, Sound


def test_sound_off_loads_nothing() -> None:
    sound = Sound()
    sound.play("chime", enabled=False)
    assert not sound.ready


def test_sound_on_with_the_dummy_device_plays_or_stays_silent() -> None:
    sound = Sound()
    sound.play("chime", enabled=True)
    assert sound.ready
    assert set(sound.sounds) in (set(), set(NAMES))  # every cue, or none without a device
    pygame.mixer.quit()
