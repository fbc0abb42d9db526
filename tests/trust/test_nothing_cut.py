"""Nothing a visitor needs is cut off with "…": every screen of whole months, every debrief page."""

from __future__ import annotations

import random
import re

import pytest

from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.debrief import PANELS
from game.tools.autoplay import press_something
from game.tools.drive import open_debrief, walk_reveal
from tests.langs import LANGS
from tests.screens.helpers import make_app

LEVELS = {p.stem: load_level(p) for p in sorted(LEVELS_DIR.glob("*.yaml")) if p.stem != "sample"}


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def cut_texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Texts cut with "…", or with a {placeholder} nobody filled in."""
    return [
        f"{app.top.name}: {d.text!r}"
        for d in app.canvas.drawn
        if d.cut or d.text.rstrip().endswith("…") or PLACEHOLDER.search(d.text)
    ]


@pytest.mark.parametrize("level", sorted(LEVELS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size,larger", [((1920, 1080), False), ((1280, 720), True)], ids=["1080p", "720p-larger"])
def test_a_whole_visit_cuts_no_text(level: str, lang: str, size: tuple[int, int], larger: bool) -> None:
    app = make_app(LEVELS[level], lang=lang, size=size, seed=17, larger_text=larger)
    rng = random.Random(17)
    cut: list[str] = []
    for _ in range(400):
        if app.top.name == "end":
            break
        press_something(app, rng)
        app.draw()
        cut += cut_texts(app)
    assert app.top.name == "end"
    app.draw()
    cut += cut_texts(app)
    for _ in walk_reveal(app):
        cut += cut_texts(app)
    for panel in PANELS:
        open_debrief(app, panel)
        screen = app.top
        for page in range(40):
            screen.pages[panel] = page  # type: ignore[attr-defined]
            app.draw()
            cut += cut_texts(app)
            if page + 1 >= screen.page_count:  # type: ignore[attr-defined]
                break
    assert not cut, "\n".join(sorted(set(cut)))
