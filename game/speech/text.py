"""Text as drawn -> text as heard: symbols eSpeak reads badly become words or pauses.

eSpeak NG reads "612 → 595" as "612 595" in French and "612 right arrow 595" in English,
"·" as "point", "−17" (the typographic minus) with an English "minus" inside a French
sentence, and "8–10" as "8 10". The screens draw those symbols on purpose, so the fix
belongs here, between the screens and the speaker. The rules are a table in
``assets/speech.yaml`` and every word comes from the UI catalog, in the visitor's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from game.i18n import load_catalog

if TYPE_CHECKING:
    from game.speech.config import TextRules

Words = Callable[[str, str], str]
"""``(catalog key, language) -> word``: the UI catalog, or a stand-in in tests."""

_HS = r"[^\S\n]"  # horizontal white space: lines stay lines (eSpeak pauses at line ends)


def _charclass(symbols: Iterable[str]) -> str:
    return "[" + "".join(re.escape(s) for s in symbols) + "]"


class TextPreparer:
    """The compiled rules; call it with a text and a language."""

    def __init__(self, rules: TextRules, words: Words) -> None:
        self.rules = rules
        self.words = words
        self._ranges = self._between(rules.ranges, r"\d", r"\d")
        self._joins = self._between(rules.joins, r"\S", r"\S")
        self._signs = re.compile(rf"(?<![\w.,])({_charclass(rules.signs)})(?=\d)") if rules.signs else None
        self._percent = re.compile(rf"(?<=\d){_HS}*%") if rules.percent else None
        self._pauses = re.compile(rf"{_HS}*{_charclass(rules.pauses)}{_HS}*") if rules.pauses else None
        self._drop = re.compile(_charclass(rules.drop)) if rules.drop else None
        self._abbreviations = {lang: self._whole_words(table) for lang, table in rules.abbreviations.items() if table}

    @staticmethod
    def _between(table: Mapping[str, str], before: str, after: str) -> re.Pattern[str] | None:
        if not table:
            return None
        return re.compile(rf"(?<={before}){_HS}*({_charclass(table)}){_HS}*(?={after})")

    @staticmethod
    def _whole_words(table: Mapping[str, str]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
        return re.compile(rf"(?<!\w)({alternatives})(?!\w)")

    def __call__(self, text: str, lang: str) -> str:
        rules, word = self.rules, self.words
        # Order matters: joins before the arrows are dropped, removals before the rules
        # that look at neighbours, ranges before their dash becomes a pause.
        if self._joins:
            text = self._joins.sub(lambda m: f", {word(rules.joins[m.group(1)], lang)} ", text)
        if self._drop:
            text = self._drop.sub("", text)
        if self._ranges:
            text = self._ranges.sub(lambda m: f" {word(rules.ranges[m.group(1)], lang)} ", text)
        if self._pauses:
            text = self._pauses.sub(", ", text)
        if self._signs:
            text = self._signs.sub(lambda m: f"{word(rules.signs[m.group(1)], lang)} ", text)
        if self._percent and rules.percent:
            text = self._percent.sub(f" {word(rules.percent, lang)}", text)
        short = self._abbreviations.get(lang)
        if short is not None:
            table = rules.abbreviations[lang]
            text = short.sub(lambda m: table[m.group(1)], text)
        return _tidy(text)


_SPACES = re.compile(r"[ \t]+")
_SPACE_BEFORE_COMMA = re.compile(rf"{_HS}+,")
_COMMAS = re.compile(rf",(?:{_HS}*,)+")
_COMMA_BEFORE_STOP = re.compile(rf",{_HS}*(?=[.;:!?…)»])")
_COMMA_AFTER_OPEN = re.compile(rf"(?<=[(«]){_HS}*,{_HS}*")
_LINE_EDGES = re.compile(rf"^(?:{_HS}|,)+|(?:{_HS}|,)+$", re.M)


def _tidy(text: str) -> str:
    """The pauses and words put in leave stray commas and spaces: one of each, none at the edges."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_COMMA.sub(",", text)
    text = _COMMAS.sub(",", text)
    text = _COMMA_BEFORE_STOP.sub("", text)
    text = _COMMA_AFTER_OPEN.sub("", text)
    text = _LINE_EDGES.sub("", text)
    return text.strip()


@lru_cache(maxsize=1)
def default_preparer() -> TextPreparer:
    """The shipped rules with the shipped UI catalog."""
    from game.speech.config import load_speech_config  # pydantic: not before the first frame

    return TextPreparer(load_speech_config().text, load_catalog())


def speakable(text: str, lang: str) -> str:
    """``text`` as it should be heard in ``lang`` ("+12" -> "plus 12", "·" -> a pause, ...)."""
    return default_preparer()(text, lang)
