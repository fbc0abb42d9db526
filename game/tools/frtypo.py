"""French typography in data files: no-break spaces before ``: ; ? !`` and inside « ».

``python -m game.tools.frtypo FILE...`` fixes the French strings of YAML catalogs and
levels in place (only ``fr:`` values on one line are touched); ``problems(text)`` is what
the content tests check.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NBSP = "\u00a0"
_BEFORE = re.compile(r" ([:;?!»])")
_AFTER = re.compile(r"« ")
_FR_VALUE = re.compile(r'(\bfr: ")((?:[^"\\]|\\.)*)(")')


def fix(text: str) -> str:
    """The French text with its spaces before high punctuation made unbreakable."""
    return _AFTER.sub("«" + NBSP, _BEFORE.sub(NBSP + r"\1", text))


def problems(text: str) -> list[str]:
    """Breakable spaces where French wants a no-break one."""
    found = [m.group(0) for m in _BEFORE.finditer(text)] + [m.group(0) for m in _AFTER.finditer(text)]
    if re.search(r"«[^\s\u00a0\u202f]", text):
        found.append("« without a space")
    return found


_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def fix_file(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    fixed = _FR_VALUE.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), text)
    lines = [  # forms on their own line: fr: {one: "...", other: "..."}
        _QUOTED.sub(lambda q: '"' + fix(q.group(1)) + '"', line) if line.lstrip().startswith("fr: {") else line
        for line in fixed.split("\n")
    ]
    fixed = "\n".join(lines)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
    return sum(1 for a, b in zip(text.splitlines(), fixed.splitlines(), strict=False) if a != b)


def main(argv: list[str]) -> int:
    for name in argv:
        print(f"{name}: {fix_file(Path(name))} lines fixed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
