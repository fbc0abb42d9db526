"""Printing data we did not write: no terminal escapes to a terminal, no formulas into a spreadsheet.

A statistics file or a level can come from anywhere; an id or a text in it could hold
``ESC [ 2 J`` (clear the screen), an OSC sequence that retitles the terminal or worse,
or a bidi override that reorders the line. :func:`terminal_safe` shows every such
character as a visible escape (``\\x1b``, ``\\u202e``) instead. :func:`csv_safe` does the
same for a CSV cell and, as OWASP recommends against CSV injection, prefixes with ``'``
a cell a spreadsheet would take for a formula (starting with ``= + - @``, a tab or a
carriage return) — unless it is a plain number.
"""

from __future__ import annotations

import re

from game.content.textcheck import BIDI_CONTROLS

_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff" + "".join(sorted(BIDI_CONTROLS)) + "]"
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, keep_newlines: bool = True) -> str:
    """``text`` with control, bidi and other invisible format characters shown as escapes."""
    safe = _UNSAFE.sub(_escape, text)
    return safe if keep_newlines else safe.replace("\n", "\\n").replace("\t", "\\t")


def csv_safe(cell: object) -> str:
    """A CSV cell that neither carries control characters nor starts a spreadsheet formula."""
    text = terminal_safe(str(cell), keep_newlines=False)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
