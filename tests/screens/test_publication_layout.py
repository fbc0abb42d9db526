"""The week's end never piles its texts on one another, whatever the language or text size."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.present.month import publication_view
from game.tools.drive import settle
from tests.langs import LANGS
from tests.screens.helpers import make_app


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_vague_word_and_its_note_do_not_overlap(lang: str, larger: bool) -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    app = make_app(level, lang=lang, size=(1280, 720), larger_text=larger)
    stage(app, "publication", None, None, level.personas[0].id, random.Random(7))
    settle(app)
    app.draw()
    view = publication_view(app.ctx.visit, app.ctx.words(), app.top.beat)  # type: ignore[arg-type, attr-defined]
    column = [d for d in app.canvas.drawn if d.box.x == 720 and not d.part]  # beside the dial, not the phone
    message = [d.rect for d in column if d.text and d.text in view.message]
    assessed = [d.rect for d in column if d.text and d.text in view.assessed and d.text not in view.message]
    assert message and assessed
    low = max(r.bottom for r in message)
    assert low <= min(r.top for r in assessed), "the assessment is drawn over the publication's word"
