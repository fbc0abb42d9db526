"""The tactile keypad's keys as data: which key names mean up, down, left, right, select, help.

Museum keypads are USB keyboards in disguise and can usually be programmed to send any
key, so the mapping belongs in a file a technician can read and change
(``assets/keypad.yaml``), not in code. This module only reads and checks that table and
answers "which action is this key?"; the input layer decides what an action does.
Key names are pygame's (``pygame.key.name``), compared in lower case; no pygame here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

from game.content.load import ContentInvalid, validate_document
from game.content.yamlsafe import YamlRejected, read_yaml
from game.paths import ASSETS_DIR

KEYPAD_FILE = ASSETS_DIR / "keypad.yaml"

Action = Literal["up", "down", "left", "right", "select", "help", "stop_speech", "audio"]
ACTIONS: tuple[str, ...] = get_args(Action)
SIX_KEYS: tuple[str, ...] = ACTIONS[:6]
"""The six keys the whole game can be played with; ``stop_speech`` and ``audio`` are optional."""

KeyName = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=32)]


class KeypadTable(BaseModel):
    """``actions``: each action and the key names that trigger it; a key does one thing only."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actions: dict[Action, list[KeyName]] = Field(min_length=1)
    _by_key: dict[str, str] = PrivateAttr(default_factory=dict)

    @field_validator("actions")
    @classmethod
    def _complete_and_unambiguous(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = [a for a in SIX_KEYS if not value.get(a)]
        if missing:
            raise ValueError(f"every one of the six keys needs at least one key name; missing: {', '.join(missing)}")
        seen: dict[str, str] = {}
        for action, names in value.items():
            for name in names:
                if name in seen and seen[name] != action:
                    raise ValueError(f"key {name!r} is given to both {seen[name]!r} and {action!r}")
                seen[name] = action
        return value

    def model_post_init(self, context: object, /) -> None:
        self._by_key.update({name: action for action, names in self.actions.items() for name in names})

    def action_for(self, key_name: str) -> str | None:
        """The action of a key, or ``None`` for a key the keypad does not use."""
        return self._by_key.get(key_name.strip().lower())

    def keys_for(self, action: str) -> list[str]:
        """The key names of an action (empty for an optional action left out)."""
        return next((list(names) for name, names in self.actions.items() if name == action), [])


def keypad_action(key_name: str, table: KeypadTable | Mapping[str, list[str]] | None = None) -> str | None:
    """Which keypad action ``key_name`` (a pygame key name) stands for, or ``None``.

    ``table`` is a :class:`KeypadTable`, a plain ``{action: [key names]}`` mapping, or
    ``None`` for the shipped ``assets/keypad.yaml``.
    """
    if table is None:
        table = load_keypad()
    elif not isinstance(table, KeypadTable):
        table = KeypadTable.model_validate({"actions": dict(table)})
    return table.action_for(key_name)


def read_keypad(path: Path | str) -> KeypadTable:
    """Read and check a keypad file; raise :class:`ContentInvalid` listing every problem."""
    try:
        doc = read_yaml(path)
    except YamlRejected as err:
        raise ContentInvalid(err.problems) from None
    return validate_document(doc, KeypadTable)


@lru_cache(maxsize=2)
def load_keypad(path: Path = KEYPAD_FILE) -> KeypadTable:
    """The shipped keypad table, read once."""
    return read_keypad(path)
