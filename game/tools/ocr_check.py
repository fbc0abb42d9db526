"""Read screenshots back with OCR and look for words a visitor must never see.

``python -m game.tools.ocr_check docs/screenshots`` runs Tesseract (Debian's
``tesseract-ocr`` and ``tesseract-ocr-fra``) on every ``*-fr.png`` / ``*-en.png`` of a
folder made by ``python -m game screenshot --all`` and prints each forbidden string it
reads: doubled labels and quotes, plural brackets, the point médian. Exit 1 if any, 2 if
Tesseract is missing. A cheap net for truncated, doubled or untranslated text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

TESSERACT = {"fr": "fra", "en": "eng"}
FORBIDDEN = [
    re.compile(r"time\(s\)", re.I),
    re.compile(r"\bFalse\s*[—-]\s*False\b"),
    re.compile(r"\bTrue\s*[—-]\s*True\b"),
    re.compile(r"\bFaux\s*[—-]\s*Faux\b"),
    re.compile(r"\bVrai\s*[—-]\s*Vrai\b"),
    re.compile(r"[“\"]\s*[“\"]"),  # a doubled opening quote
    re.compile(r"«\s*«"),
    re.compile(r"\w·e\b"),  # the point médian: the level knows the gender
]


def available() -> bool:
    return shutil.which("tesseract") is not None


def read(png: Path, lang: str) -> str:
    """The text Tesseract reads on ``png`` (in ``lang``, a game language code)."""
    done = subprocess.run(
        ["tesseract", str(png), "-", "-l", TESSERACT.get(lang, "eng")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.stdout


def findings(text: str) -> list[str]:
    return [m.group(0) for pattern in FORBIDDEN for m in pattern.finditer(text)]


def check_folder(folder: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for png in sorted(folder.glob("*.png")):
        lang = png.stem.rsplit("-", 1)[-1]
        if lang not in TESSERACT:
            continue
        found = findings(read(png, lang))
        if found:
            out[png.name] = found
    return out


def main(argv: list[str]) -> int:
    if not available():
        print("ocr_check: tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)")
        return 2
    bad = check_folder(Path(argv[0] if argv else "docs/screenshots"))
    for name, found in bad.items():
        print(f"{name}: {', '.join(found)}")
    print("ocr_check: nothing forbidden read" if not bad else f"ocr_check: {len(bad)} screenshot(s) with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
