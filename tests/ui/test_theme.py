"""Contrast of every text/background pair the screens use, checked from the palette (WCAG)."""

from __future__ import annotations

import pytest

from game.ui.theme import contrast, load_theme

THEME = load_theme()
# (text, background, minimum): body text needs 4.5:1, large text 3:1.
PAIRS = [
    ("text", "background", 4.5),
    ("muted", "background", 4.5),
    ("text", "surface", 4.5),
    ("muted", "surface", 4.5),
    ("text", "surface_alt", 4.5),
    ("card_text", "card", 4.5),
    ("card_muted", "card", 4.5),
    ("button_text", "button", 4.5),
    ("primary_text", "primary", 4.5),
    ("button_disabled_text", "button_disabled", 3.0),
    ("phone_text", "phone_screen", 4.5),
    ("phone_muted", "phone_screen", 4.5),
    ("highlight", "background", 4.5),
    ("highlight", "surface_alt", 4.5),
    ("accent", "background", 4.5),
    ("card_text", "accent", 4.5),
    ("warning", "background", 3.0),
    ("good", "background", 3.0),
]


@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_text_contrast(fg: str, bg: str, minimum: float) -> None:
    assert contrast(THEME.c(fg), THEME.c(bg)) >= minimum


def test_contrast_formula_on_known_values() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
