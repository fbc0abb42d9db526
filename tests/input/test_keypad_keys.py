"""The keypad's table decides what its keys do; the usual keys work without it."""

from __future__ import annotations

import pygame
import pytest

from game.input.intents import (
    KEYPAD_INTENTS,
    Activate,
    InputReader,
    Move,
    Poke,
    Repeat,
    StopSpeech,
    ToggleAudio,
    shipped_keypad,
)
from game.speech import ACTIONS, KeypadTable, load_keypad


@pytest.fixture(autouse=True)
def _keys_known() -> None:
    pygame.display.init()  # key names and codes need SDL up (the game has it, with its window)


def down(key: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


@pytest.mark.parametrize("action", ACTIONS)
def test_every_key_of_the_shipped_table_does_its_action(action: str) -> None:
    reader = InputReader()
    for name in load_keypad().keys_for(action):
        assert reader.read([down(pygame.key.key_code(name))], 0.0) == [KEYPAD_INTENTS[action]], name


def test_the_six_keys_and_the_two_optional_ones() -> None:
    assert KEYPAD_INTENTS["up"] == KEYPAD_INTENTS["left"] == Move(-1)
    assert KEYPAD_INTENTS["down"] == KEYPAD_INTENTS["right"] == Move(1)
    assert KEYPAD_INTENTS["select"] == Activate(None)
    assert (KEYPAD_INTENTS["help"], KEYPAD_INTENTS["stop_speech"], KEYPAD_INTENTS["audio"]) == (
        Repeat(),
        StopSpeech(),
        ToggleAudio(),
    )


def test_a_technicians_table_moves_the_keys() -> None:
    keys = {"up": "[8]", "down": "[2]", "left": "[4]", "right": "[6]", "select": "[5]", "help": "[0]"}
    table = KeypadTable.model_validate({"actions": {action: [name] for action, name in keys.items()}})
    reader = InputReader(keypad=table)
    assert reader.read([down(pygame.K_KP8), down(pygame.K_KP5), down(pygame.K_KP0)], 0.0) == [
        Move(-1),
        Activate(None),
        Repeat(),
    ]
    assert reader.read([down(pygame.K_h)], 0.0) == [Poke()]  # no longer help
    assert reader.read([down(pygame.K_UP)], 0.0) == [Move(-1)]  # the usual keys still work


def test_with_ctrl_or_alt_a_key_keeps_its_usual_meaning() -> None:
    assert InputReader().read([down(pygame.K_s, pygame.KMOD_CTRL)], 0.0) == [Poke()]


def test_a_broken_table_leaves_the_usual_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.content.load import ContentInvalid
    from game.speech import keypad

    def broken() -> KeypadTable:
        raise ContentInvalid([])

    shipped_keypad.cache_clear()
    monkeypatch.setattr(keypad, "load_keypad", broken)
    try:
        reader = InputReader()
        assert reader.keypad is None
        assert reader.read([down(pygame.K_RETURN), down(pygame.K_DOWN), down(pygame.K_h)], 0.0) == [
            Activate(None),
            Move(1),
            Poke(),
        ]
    finally:
        shipped_keypad.cache_clear()
