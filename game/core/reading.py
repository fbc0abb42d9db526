"""Reading time in any script: words where words are spaced, characters where they are not.

Chinese and Japanese put no spaces between words (Thai, Lao, Khmer and Burmese none
either), so counting what spaces separate makes a whole Chinese sentence one "word". Here
each character of those scripts counts as one unit; elsewhere a unit is a word, counted
as before (a token with a letter or a digit, so French spacing before ``: ; ! ?`` and
inside « » adds none). A Chinese text with "Halo" or "641" in it counts those as one unit
each, as a reader takes them in at a glance.

How many units a minute a language is read at comes from ``languages.yaml``
(``reading: {unit: chars, per_minute: 255}``; default ``{unit: words, per_minute: 200}``).
Figures to start from are the IReST study's (Trauzettel-Klosinski and Dietz, 2012: adults
reading the same passage in 17 languages): English about 228 words a minute, French 195,
German 179, Chinese 255 characters a minute, Japanese 357. The shipped languages use 200
words a minute, a kiosk visitor's pace.
"""

from __future__ import annotations

from game.i18n import Language, load_catalog

UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3040, 0x31FF),  # Hiragana, Katakana, Bopomofo, Katakana extensions
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3FFFF),  # CJK Extensions B and later
)
"""Scripts written without spaces between words: each of their letters is a unit."""


def unspaced(ch: str) -> bool:
    code = ord(ch)
    return code >= 0x0E00 and any(start <= code <= end for start, end in UNSPACED)


def reading_units(text: str) -> int:
    """Words of spaced scripts plus letters of scripts without spaces (see the module's doc)."""
    count = 0
    for token in text.split():
        if token.isascii() or max(token) < "\u0e00":
            count += any(ch.isalnum() for ch in token)
            continue
        letters = [ch for ch in token if ch.isalnum()]
        count += sum(1 for ch in letters if unspaced(ch)) + any(not unspaced(ch) for ch in letters)
    return count


def language(code: str) -> Language:
    """A language's reading unit and rate, from the interface's ``languages.yaml``."""
    return load_catalog().language(code)


def minutes(units: float, lang: str | Language) -> float:
    """How long ``units`` take to read in ``lang``, in minutes."""
    info = language(lang) if isinstance(lang, str) else lang
    return units / info.reading_rate


def describe(units: float, lang: str | Language) -> str:
    """``1134 words ≈ 5.7 min at 200 words/min`` / ``2410 characters ≈ 9.5 min at 255 characters/min``."""
    info = language(lang) if isinstance(lang, str) else lang
    unit = "characters" if info.reading_unit == "chars" else "words"
    rate = f"{info.reading_rate:g}"
    return f"{units:.0f} {unit} ≈ {minutes(units, info):.1f} min at {rate} {unit}/min"
