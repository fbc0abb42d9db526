"""Read screenshots back with OCR and look for words a visitor must never see.

``python -m game.tools.ocr_check docs/screenshots`` runs Tesseract (Debian's
``tesseract-ocr``, ``tesseract-ocr-fra`` and ``tesseract-ocr-deu``) on every ``*-fr.png``,
``*-en.png`` and ``*-de.png`` of a folder made by ``python -m game screenshot --all`` and
prints each forbidden string it reads: doubled labels and quotes, plural brackets, the
point médian and the gender star. Exit 1 if any, 2 if
Tesseract is missing. A cheap net for truncated, doubled or untranslated text.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TESSERACT = {"fr": "fra", "en": "eng", "de": "deu"}
FORBIDDEN = [
    re.compile(r"time\(s\)", re.I),
    re.compile(r"\bFalse\s*[—-]\s*False\b"),
    re.compile(r"\bTrue\s*[—-]\s*True\b"),
    re.compile(r"\bFaux\s*[—-]\s*Faux\b"),
    re.compile(r"\bVrai\s*[—-]\s*Vrai\b"),
    re.compile(r"[“\"]\s*[“\"]"),  # a doubled opening quote
    re.compile(r"«\s*«"),
    re.compile(r"„\s*„"),
    re.compile(r"\bFalsch\s*[—-]\s*Falsch\b"),
    re.compile(r"\bWahr\s*[—-]\s*Wahr\b"),
    re.compile(r"\w·e\b"),  # the point médian: the level knows the gender
    re.compile(r"\w[*:]innen?\b"),  # the German gender star or colon, for the same reason
]


def available() -> bool:
    return shutil.which("tesseract") is not None


def packs() -> set[str]:
    """The game languages whose Tesseract language pack is installed (a missing one reads nothing)."""
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60, check=False)
    have = set(done.stdout.split())
    return {lang for lang, pack in TESSERACT.items() if pack in have}


def read(png: Path, lang: str) -> str:
    """The text Tesseract reads on ``png`` (in ``lang``, a game language code)."""
    done = subprocess.run(
        ["tesseract", str(png), "-", "-l", TESSERACT.get(lang, "eng")],
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # several pages read side by side instead
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.stdout


def findings(text: str) -> list[str]:
    return [m.group(0) for pattern in FORBIDDEN for m in pattern.finditer(text)]


def check_folder(folder: Path) -> dict[str, list[str]]:
    """Every PNG of ``folder`` read in its language (``name-LANG.png``), one Tesseract per
    core at a time (each on one thread), and what each shows that it must not."""
    readable = packs()
    pngs = [p for p in sorted(folder.glob("*.png")) if p.stem.rsplit("-", 1)[-1] in readable]
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        texts = list(pool.map(lambda png: read(png, png.stem.rsplit("-", 1)[-1]), pngs))
    return {png.name: found for png, text in zip(pngs, texts, strict=True) if (found := findings(text))}


def main(argv: list[str]) -> int:
    if not available():
        packages = "tesseract-ocr tesseract-ocr-fra tesseract-ocr-deu"
        print(f"ocr_check: tesseract is not installed (apt-get install {packages})")
        return 2
    bad = check_folder(Path(argv[0] if argv else "docs/screenshots"))
    for name, found in bad.items():
        print(f"{name}: {', '.join(found)}")
    print("ocr_check: nothing forbidden read" if not bad else f"ocr_check: {len(bad)} screenshot(s) with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
