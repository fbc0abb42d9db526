"""Larger text is never smaller than normal text anywhere, and cards of one kind share one size."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import SCREENS, stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from tests.langs import LANGS
from tests.screens.helpers import make_app

LEVELS = {p.stem: load_level(p) for p in sorted(LEVELS_DIR.glob("*.yaml"))}
STAGED = [s for s in SCREENS if s not in ("pin", "idle", "admin", "facilitator")]


def sizes(level: str, screen: str, lang: str, larger: bool) -> dict[str, int]:
    app = make_app(LEVELS[level], lang=lang, size=(1920, 1080), larger_text=larger)
    stage(app, screen, None, None, LEVELS[level].personas[0].id, random.Random(3))
    app.draw()
    found: dict[str, int] = {}
    texts = {drawn.text for drawn in app.canvas.drawn}
    for drawn in app.canvas.drawn:
        # a line of a paragraph is judged with its paragraph: lines break differently at
        # another size, and a line may then read like a line drawn elsewhere
        if drawn.px and not any(drawn.text in other and drawn.text != other for other in texts):
            found[drawn.text] = min(found.get(drawn.text, drawn.px), drawn.px)
    return found


@pytest.mark.parametrize("level", sorted(LEVELS))
@pytest.mark.parametrize("screen", STAGED)
@pytest.mark.parametrize("lang", LANGS)
def test_larger_text_is_never_smaller(level: str, screen: str, lang: str) -> None:
    normal, larger = sizes(level, screen, lang, False), sizes(level, screen, lang, True)
    smaller = {t: (normal[t], px) for t, px in larger.items() if t in normal and px < normal[t]}
    assert smaller == {}


@pytest.mark.parametrize("level", sorted(LEVELS))
@pytest.mark.parametrize("larger", [False, True])
def test_persona_cards_share_one_size_per_kind(level: str, larger: bool) -> None:
    app = make_app(LEVELS[level], lang="fr", size=(1920, 1080), larger_text=larger)
    stage(app, "persona", None, None, LEVELS[level].personas[0].id, random.Random(3))
    app.draw()
    by_text = {d.text: d.px for d in app.canvas.drawn if d.px}
    for part in ("name", "goal", "description"):
        texts = [getattr(p, part).text if part == "goal" else getattr(p, part) for p in LEVELS[level].personas]
        shown = {by_text[t["fr"]] for t in texts if t["fr"] in by_text}
        assert len(shown) <= 1, f"{part}: {shown}"
