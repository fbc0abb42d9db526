"""What a player-facing string must be for the renderer to draw it: checked at load time.

Everything ``check`` accepts must be drawable, so a level (or a UI catalog) with a text
the font engine refuses is an error with its ``file:line:col``, never a crash on a kiosk:

* no control characters (C0, DEL, C1), whether typed raw or written as a YAML escape
  (``"\\0"``, ``"\\t"``, ``"\\e"``); a newline is the only one allowed (it breaks a paragraph);
* no unpaired surrogates (``"\\ud83d"`` alone: write the character itself, or ``\\U0001F600``);
* no bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): the game
  lays text out left to right only, so they could only hide or reorder what a player reads;
* no byte-order mark, line or paragraph separator, or Unicode noncharacter;
* at least one visible character: a text of only zero-width or invisible characters
  (U+200B, U+2060, U+FEFF, U+00AD, combining marks alone…) has nothing to draw.

Invisible characters *inside* visible text (a soft hyphen, a zero-width joiner in an emoji
sequence, a word joiner) are fine. :func:`text_problem` returns the first problem as one
sentence, or None. Nothing here imports pygame.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NOT_FOR_DISPLAY = {
    "\ufeff": "a byte-order mark (U+FEFF)",
    "\u2028": "a line separator (U+2028; use a newline)",
    "\u2029": "a paragraph separator (U+2029; use a newline)",
}
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPECIAL = re.compile(
    "[" + "".join(sorted(BIDI_CONTROLS | set(NOT_FOR_DISPLAY))) + r"\ufdd0-\ufdef\ufffe\uffff]"
    r"|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe\U0005ffff"
    r"\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff"
    r"\U000bfffe\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
    r"\U0010fffe\U0010ffff]"
)
# Categories with nothing to draw on their own: separators, controls, format characters,
# combining marks (they attach to a previous character), surrogates.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"})
_CONTROL_NAMES = {0: "NUL", 9: "TAB", 13: "CR", 27: "ESC", 127: "DEL"}


def describe(char: str) -> str:
    """``U+0000 (NUL)``, ``U+202E (RIGHT-TO-LEFT OVERRIDE)``: a character named for a message."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def has_visible(text: str) -> bool:
    """Whether ``text`` holds at least one character that draws something on its own."""
    return any(unicodedata.category(c) not in _INVISIBLE_CATEGORIES for c in text)


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be shown to a player as it is, or None when it can."""
    found = _SURROGATE.search(text)
    if found:
        return (
            f"unpaired surrogate {describe(found.group())} at character {found.start() + 1}: "
            "write the character itself (or \\U0001F600-style escapes), not UTF-16 halves"
        )
    found = _CONTROL.search(text)
    if found:
        return (
            f"control character {describe(found.group())} at character {found.start() + 1}: "
            "texts may only contain printable characters and newlines"
        )
    found = _SPECIAL.search(text)
    if found:
        char, where = found.group(), f"at character {found.start() + 1}"
        if char in BIDI_CONTROLS:
            return f"bidirectional control {describe(char)} {where}: the game draws text left to right only"
        if char in NOT_FOR_DISPLAY:
            return f"{NOT_FOR_DISPLAY[char]} {where} is not allowed in a text"
        return f"Unicode noncharacter {describe(char)} {where} is not allowed in a text"
    if text.strip() and not has_visible(text):
        first = next(c for c in text if not c.isspace())
        return (
            f"text has no visible character (only invisible ones such as {describe(first)}): "
            "there would be nothing to draw"
        )
    return None


def check_text(text: str) -> str:
    """A pydantic after-validator: ``text`` unchanged, or ``ValueError`` with the problem."""
    problem = text_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text
