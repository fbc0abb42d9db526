"""The technician's keypad check: press each button and see (and hear) what the game will do.

A window shows the key name each button sends and the action ``assets/keypad.yaml``
gives it; with eSpeak NG installed the action is also spoken, in the chosen language,
through the default sound output (the headphone socket). A button that shows "not a
keypad key" needs reprogramming, or a line in ``assets/keypad.yaml``.

    python -m game.tools.keypad_check --lang fr        # close the window, or Esc twice, to quit
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import deque

import pygame

from game.i18n import Catalog, load_catalog
from game.paths import FONTS_DIR
from game.speech import Speaker, make_speaker
from game.speech.keypad import KeypadTable, load_keypad

NOT_A_KEYPAD_KEY = "not a keypad key"


class KeypadCheck:
    """What one key press shows and says; no pygame here, so it is tested directly."""

    def __init__(self, table: KeypadTable, catalog: Catalog, speaker: Speaker, lang: str) -> None:
        self.table, self.catalog, self.speaker, self.lang = table, catalog, speaker, lang

    def press(self, key_name: str) -> str:
        action = self.table.action_for(key_name)
        if action is None:
            return f"{key_name}: {NOT_A_KEYPAD_KEY}"
        label = self.catalog(f"keypad.{action}", self.lang)
        self.speaker.say(label, self.lang)
        return f"{key_name}: {action} ({label})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", default="fr", help="the language of the spoken action names (default fr)")
    parser.add_argument("--window", default="960x540", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--no-speech", action="store_true", help="show the actions without saying them")
    parser.add_argument("--seconds", type=float, default=0.0, help="quit after this long (0: never)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.window.lower().split("x"))

    speaker = make_speaker(enabled=not args.no_speech)
    check = KeypadCheck(load_keypad(), load_catalog(), speaker, args.lang)
    pygame.init()
    screen = pygame.display.set_mode((width, height))
    pygame.display.set_caption("Open Sesame: keypad check")
    font = pygame.font.Font(str(FONTS_DIR / "Inter-Regular.otf"), max(18, height // 16))
    lines: deque[str] = deque(["Press each keypad button."], maxlen=8)
    if not speaker.available and not args.no_speech:
        lines.append(f"(speech unavailable: {speaker.reason})")
    clock = pygame.time.Clock()
    started = time.monotonic()
    escapes = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                name = pygame.key.name(event.key)
                escapes = escapes + 1 if name == "escape" else 0
                running = escapes < 2
                line = check.press(name)
                print(line, flush=True)
                lines.append(line)
        if args.seconds and time.monotonic() - started > args.seconds:
            running = False
        screen.fill((20, 20, 28))
        for row, line in enumerate(lines):
            screen.blit(font.render(line, True, (240, 240, 240)), (24, 24 + row * font.get_linesize()))
        pygame.display.flip()
        clock.tick(30)
    speaker.close()
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
