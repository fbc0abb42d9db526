"""Optional sound: a few short effects, off unless switched on, silent if there is no device.

Sound never carries information on its own: every sound goes with something on screen.
"""

from __future__ import annotations

import logging

import pygame

from game.paths import ASSETS_DIR

log = logging.getLogger("open_sesame.sound")
NAMES = ("tap", "chime", "refuse", "granted", "up", "down", "blacklist")


class Sound:
    def __init__(self) -> None:
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.ready = False

    def _load(self) -> None:
        self.ready = True  # try once only
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            for name in NAMES:
                self.sounds[name] = pygame.mixer.Sound(str(ASSETS_DIR / "sounds" / f"{name}.wav"))
        except (pygame.error, FileNotFoundError) as err:
            log.info("sound unavailable: %s", err)
            self.sounds = {}

    def play(self, name: str, enabled: bool) -> None:
        if not enabled:
            return
        if not self.ready:
            self._load()
        sound = self.sounds.get(name)
        if sound is not None:
            sound.play()
