"""Months played through the real App, and every page of a debrief panel read back."""

from __future__ import annotations

import random

from game.app import App
from game.content.models import Level
from game.tools.drive import open_debrief
from game.ui.canvas import DrawnText
from tests.screens.helpers import make_app


def played(
    level: Level,
    persona: str,
    seed: int = 3,
    lang: str = "en",
    size: tuple[int, int] = (1920, 1080),
    accept: bool = True,
    **settings: object,
) -> App:
    """An app whose month was played with random open options (the same for a seed)."""
    app = make_app(level, lang=lang, size=size, seed=seed, **settings)
    flow = app.ctx.begin_visit(persona)
    flow.consent(accept)
    session = flow.session
    assert session is not None
    rng = random.Random(seed)
    while not session.over:
        flow.choose(rng.choice(session.option_ids()))
        flow.settle()
    return app


def pages(app: App, panel: str) -> list[list[DrawnText]]:
    """Everything drawn on each page of ``panel``."""
    open_debrief(app, panel)
    screen = app.top
    out: list[list[DrawnText]] = []
    for page in range(60):
        screen.pages[panel] = page  # type: ignore[attr-defined]
        app.draw()
        out.append(list(app.canvas.drawn))
        if page + 1 >= screen.page_count:  # type: ignore[attr-defined]
            break
    return out


def panel_texts(app: App, panel: str) -> list[str]:
    return [d.text for page in pages(app, panel) for d in page]
