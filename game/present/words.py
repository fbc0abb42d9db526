"""Words in the visitor's language: the UI catalog, the level's texts, numbers and money.

How a language writes numbers (its decimal mark, its thousands separator) and its own
name come from ``assets/i18n/languages.yaml``, so a new language needs no code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.i18n import Catalog, pick

if TYPE_CHECKING:
    from game.content.models import Level


@dataclass(frozen=True)
class Words:
    """Everything a screen says, in ``lang``."""

    catalog: Catalog
    lang: str
    level: Level | None = None

    def t(self, key: str, **params: Any) -> str:
        return self.catalog(key, self.lang, **params)

    def p(self, text: Mapping[str, str] | None) -> str:
        return pick(text, self.lang)

    def language_name(self, lang: str) -> str:
        return self.catalog.language(lang).name

    def number(self, value: float, digits: int = 0) -> str:
        """``1 234,5`` / ``1,234.5``: as the language writes numbers."""
        text = f"{abs(value):,.{digits}f}"
        whole, _, frac = text.partition(".")
        language = self.catalog.language(self.lang)
        whole = whole.replace(",", language.group)
        text = whole + (language.decimal + frac if frac else "")
        return ("−" if value < 0 and text.strip("0,.\u202f ") else "") + text

    def signed(self, value: float, digits: int = 0) -> str:
        """``+4`` / ``−3`` with a real minus sign (never colour alone)."""
        return ("+" if value >= 0 or not self.number(value, digits).startswith("−") else "") + self.number(
            value, digits
        )

    def money(self, amount: int) -> str:
        """An amount as the level writes it in this language (its currency); a debt's minus
        sign comes first ("−€2", not "€−2")."""
        pattern = self.p(self.level.currency) if self.level is not None and self.level.currency else "{amount}"
        written = pattern.replace("{amount}", self.number(abs(amount)))
        return "−" + written if amount < 0 else written

    def with_amount(self, text: Mapping[str, str] | None, amount: int) -> str:
        """A level text that names an ``{amount}``, with the amount in the level's currency."""
        return self.p(text).replace("{amount}", self.money(amount))
