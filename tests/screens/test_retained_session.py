"""A whole debrief on the real App keeps its drawn surfaces within the budget, drops the
panels of a language the visitor left, and lets go of every panel once they leave it."""

from __future__ import annotations

from game.app import App
from game.screens.debrief import PANELS
from game.tools.drive import open_debrief, press
from tests.screens.helpers import make_app


def played(size: tuple[int, int] = (1920, 1080)) -> App:
    app = make_app(lang="fr", size=size, seed=3)
    flow = app.ctx.begin_visit("student")
    flow.consent(True)
    session = flow.session
    assert session is not None
    while not session.over:
        flow.choose(session.option_ids()[0])
        flow.settle()
    return app


def page_languages(app: App) -> set[str]:
    """The languages of the debrief pages the layer cache holds (see panel.retained)."""
    keys = [key[0] for key in app.fonts.layers if isinstance(key, tuple) and isinstance(key[0], tuple)]
    return {key[4] for key in keys if key[0] == "panel-page"}


def test_every_panel_in_two_languages_stays_within_the_caps() -> None:
    app = played()
    fonts, art = app.fonts, app.ctx.art
    for lang in ("fr", "en"):
        app.ctx.settings.lang = lang
        for panel in PANELS:
            open_debrief(app, panel)
            app.step(events=[])
            assert fonts.layers.bytes <= fonts.layer_bytes
            assert fonts.cached_text_bytes <= fonts.cache_bytes
            assert art.cached_bytes <= art.cache_bytes
            assert fonts.backdrop is None  # the debrief paints none: the play's is gone
    assert page_languages(app) == {"en"}


def test_switching_language_in_the_debrief_releases_the_pages_of_the_other() -> None:
    app = played()
    app.fonts.layer_bytes = 1 << 30  # room for both: only the switch may drop the French pages
    open_debrief(app, "rules")
    app.step(events=[])
    assert page_languages(app) == {"fr"}
    app.ctx.settings.lang = "en"
    app.dirty = True
    app.step(events=[])
    assert page_languages(app) == {"en"}


def test_leaving_the_debrief_releases_its_panels() -> None:
    app = played()
    app.fonts.layer_bytes = 1 << 30
    open_debrief(app, "world")
    app.step(events=[])
    assert page_languages(app)
    press(app, "finish")
    app.step(events=[])
    assert app.top.name != "debrief"
    assert not page_languages(app)
