"""The six-key keypad table: complete, unambiguous, real pygame key names, and documented."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.content.load import ContentInvalid
from game.i18n import load_catalog
from game.paths import ROOT
from game.speech.keypad import ACTIONS, SIX_KEYS, KeypadTable, keypad_action, load_keypad, read_keypad

TABLE = load_keypad()


def test_the_shipped_table_gives_every_one_of_the_six_keys_at_least_one_key() -> None:
    assert SIX_KEYS == ("up", "down", "left", "right", "select", "help")
    for action in SIX_KEYS:
        assert TABLE.keys_for(action), action


def test_every_key_name_is_one_pygame_knows() -> None:
    pygame.init()  # key names are SDL's, known once it is initialised (headless in tests)
    for names in TABLE.actions.values():
        for name in names:
            code = pygame.key.key_code(name)  # raises ValueError for an unknown name
            assert pygame.key.name(code) == name


@pytest.mark.parametrize(
    ("key", "action"),
    [
        ("up", "up"),
        ("down", "down"),
        ("left", "left"),
        ("right", "right"),
        ("return", "select"),
        ("enter", "select"),
        ("space", "select"),
        ("h", "help"),
        ("f1", "help"),
        ("[*]", "help"),
        ("s", "stop_speech"),
        ("f2", "audio"),
        ("F1", "help"),
        (" Up ", "up"),
        ("escape", None),
        ("a", None),
        ("", None),
    ],
)
def test_keypad_action(key: str, action: str | None) -> None:
    assert keypad_action(key, TABLE) == action


def test_keypad_action_from_real_pygame_events() -> None:
    pygame.init()
    for code, action in ((pygame.K_UP, "up"), (pygame.K_KP_ENTER, "select"), (pygame.K_KP_MULTIPLY, "help")):
        assert keypad_action(pygame.key.name(code)) == action


def test_a_plain_mapping_works_as_a_table() -> None:
    table = {"up": ["w"], "down": ["s"], "left": ["a"], "right": ["d"], "select": ["e"], "help": ["q"]}
    assert keypad_action("W", table) == "up"
    assert keypad_action("up", table) is None


def test_a_key_given_two_actions_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "keypad.yaml"
    path.write_text(
        "actions:\n  up: [up]\n  down: [down]\n  left: [left]\n  right: [right]\n  select: [return]\n  help: [return]\n"
    )
    with pytest.raises(ContentInvalid) as err:
        read_keypad(path)
    assert str(err.value) == f"{path}:1:1: actions: key 'return' is given to both 'select' and 'help'"


def test_a_missing_key_or_an_unknown_action_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "keypad.yaml"
    path.write_text("actions:\n  up: [up]\n  jump: [space]\n")
    with pytest.raises(ContentInvalid) as err:
        read_keypad(path)
    assert "jump" in str(err.value)
    with pytest.raises(ValueError, match="missing: down, left, right, select, help"):
        KeypadTable.model_validate({"actions": {"up": ["up"]}})


def test_every_action_has_a_name_in_every_language() -> None:
    catalog = load_catalog()
    for action in ACTIONS:
        assert f"keypad.{action}" in catalog.entries, action


def test_the_kiosk_guide_shows_the_table_as_it_is() -> None:
    """docs/kiosk.md lists each action with exactly the keys of assets/keypad.yaml."""
    guide = (ROOT / "docs" / "kiosk.md").read_text(encoding="utf-8")
    section = guide.split("## Audio mode", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `(\w+)` \|[^|]*\| ([^|]+) \|", section, re.M))
    assert set(rows) == set(ACTIONS)
    for action, cell in rows.items():
        assert re.findall(r"`([^`]+)`", cell) == TABLE.keys_for(action), action


def test_the_technicians_keypad_check_shows_and_says_each_action() -> None:
    from game.speech import FakeSpeaker
    from game.tools.keypad_check import NOT_A_KEYPAD_KEY, KeypadCheck

    speaker = FakeSpeaker()
    check = KeypadCheck(TABLE, load_catalog(), speaker, "fr")
    assert check.press("[*]") == "[*]: help (aide, réécouter)"
    assert check.press("x") == f"x: {NOT_A_KEYPAD_KEY}"
    assert speaker.said == [("aide, réécouter", "fr")]
    speaker.close()


def test_the_keypad_check_window_runs_headless(capsys: pytest.CaptureFixture[str]) -> None:
    from game.tools import keypad_check

    pygame.init()
    pygame.display.set_mode((320, 200))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0))
    assert keypad_check.main(["--no-speech", "--seconds", "0.2", "--window", "320x200"]) == 0
    out = capsys.readouterr().out
    assert "up: up" in out and "f1: help" in out
