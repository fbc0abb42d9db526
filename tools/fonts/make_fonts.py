"""Cut the committed Noto Sans SC files from Google Fonts' release (maintainers only).

The game never runs this: it reads the files in ``assets/fonts/``. This script, and only
it, uses the network (``npm pack`` of one pinned package, ``pip install`` of fontTools
into a scratch virtual environment). See tools/fonts/README.md.

    .venv/bin/python tools/fonts/make_fonts.py            # rewrite the Noto files in assets/fonts/
    .venv/bin/python tools/fonts/make_fonts.py --check    # cut into a temp folder, compare, exit 1 on a difference
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "assets" / "fonts"
PACKAGE = "@expo-google-fonts/noto-sans-sc"
VERSION = "0.4.3"  # Google Fonts' Noto Sans SC v40 (font version 2.004), static instances as TTF
FONTTOOLS = "fonttools==4.68.0"
WEIGHTS = {"Regular": "400Regular/NotoSansSC_400Regular.ttf", "Bold": "700Bold/NotoSansSC_700Bold.ttf"}
SOURCE_SHA256 = {
    "Regular": "d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16",
    "Bold": "9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96",
}
RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1: no-break space, « », accented letters
    (0x2000, 0x206F),  # General Punctuation: “ ” ‘ ’ — … and the narrow no-break space
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、。「」《》【】 and the ideographic space
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms: ，！？：；（）
)
EXTRA = Path(__file__).with_name("extra_chars.txt")


def gb2312() -> list[str]:
    """Every character of GB 2312 (6,763 hanzi and 682 symbols), from Python's own codec."""
    out = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def characters() -> str:
    chars = set(gb2312())
    for start, end in RANGES:
        chars.update(chr(c) for c in range(start, end + 1))
    if EXTRA.exists():  # characters a translation needs beyond GB 2312, one file for all
        chars.update(ch for ch in EXTRA.read_text(encoding="utf-8") if not ch.isspace() and ch != "#")
    return "".join(sorted(chars))


def run(cmd: list[str], cwd: Path | None = None) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch(scratch: Path) -> Path:
    """The package unpacked in ``scratch`` (npm pack only: no install scripts run)."""
    unpacked = scratch / "package"
    if not unpacked.exists():
        run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(scratch)])
        tarball = next(scratch.glob("expo-google-fonts-noto-sans-sc-*.tgz"))
        with tarfile.open(tarball) as tar:
            wanted = [m for m in tar.getmembers() if m.name in {f"package/{p}" for p in WEIGHTS.values()}]
            wanted += [m for m in tar.getmembers() if m.name == "package/LICENSE_FONT"]
            tar.extractall(scratch, members=wanted, filter="data")
    for weight, path in WEIGHTS.items():
        digest = hashlib.sha256((unpacked / path).read_bytes()).hexdigest()
        if digest != SOURCE_SHA256[weight]:
            sys.exit(f"{path}: sha256 {digest} is not the pinned {SOURCE_SHA256[weight]}")
    return unpacked


def fonttools(scratch: Path) -> Path:
    venv = scratch / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
        run([str(python), "-m", "pip", "install", "--quiet", FONTTOOLS])
    return python


def make(out: Path, scratch: Path) -> None:
    unpacked = fetch(scratch)
    python = fonttools(scratch)
    text = scratch / "chars.txt"
    text.write_text(characters(), encoding="utf-8")
    for weight, path in WEIGHTS.items():
        run(
            [
                str(python),
                "-m",
                "fontTools.subset",
                str(unpacked / path),
                f"--text-file={text}",
                f"--output-file={out / f'NotoSansSC-{weight}.ttf'}",
                "--no-hinting",  # the source has none worth keeping; FreeType's own does better at kiosk sizes
                "--drop-tables+=vhea,vmtx,BASE,STAT",  # the game lays text out horizontally only
            ]
        )
    shutil.copyfile(unpacked / "LICENSE_FONT", out / "LICENSE-NotoSansSC.txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "open-sesame-fonts")
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    names = [f"NotoSansSC-{w}.ttf" for w in WEIGHTS] + ["LICENSE-NotoSansSC.txt"]
    if not args.check:
        make(FONTS, args.scratch)
        for name in names:
            print(f"{FONTS / name}: {os.path.getsize(FONTS / name):,} bytes")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), args.scratch)
        differ = [n for n in names if not filecmp.cmp(Path(tmp) / n, FONTS / n, shallow=False)]
    for name in differ:
        print(f"{name} differs from what the script makes", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
