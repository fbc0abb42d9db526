"""The what-if's two months keep their goal and grade inside their cards, above the
buttons, at any text size (with larger text the grade ran under "Another life")."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from tests.langs import LANGS
from tests.screens.helpers import make_app


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_grades_stay_above_the_buttons(lang: str, larger: bool) -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    app = make_app(level, lang=lang, size=(1920, 1080), larger_text=larger)
    stage(app, "reveal", None, "4", level.personas[0].id, random.Random(7))
    app.draw()
    grade_word = app.ctx.catalog("reveal.whatif.grade", lang, grade="X", score=0).split("X")[0]
    grades = [d for d in app.canvas.drawn if grade_word and d.text.startswith(grade_word)]
    assert len(grades) == 2, [d.text for d in app.canvas.drawn]
    content = [b for b in app.top.buttons if not b.id.startswith("tb:")]
    top = min(b.rect.top for b in content)
    for grade in grades:
        assert grade.rect.bottom <= top - 8, f"{grade.text!r} runs into the buttons ({grade.rect} vs {top})"
        assert not grade.cut, f"{grade.text!r} is cut"
