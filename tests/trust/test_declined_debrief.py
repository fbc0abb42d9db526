"""A visitor who declined Halo sees a debrief that is true for them: no score, no share of one."""

from __future__ import annotations

import pytest

from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.debrief import PANELS
from tests.langs import LANGS
from tests.trust.kit import panel_texts, played

LEVELS = [load_level(p) for p in sorted(LEVELS_DIR.glob("*.yaml"))]


@pytest.mark.parametrize("level", LEVELS, ids=lambda lv: lv.id)
@pytest.mark.parametrize("lang", LANGS)
def test_the_refusal_debrief_never_shows_a_score(level, lang: str) -> None:  # type: ignore[no-untyped-def]
    for seed in range(5, 60):  # a month that refused Halo to the end (a level may let one join later)
        app = played(level, level.personas[0].id, seed, lang=lang, accept=False)
        if app.ctx.visit.session.outcome().declined:  # type: ignore[union-attr]
            break
    state = app.ctx.visit.session.state  # type: ignore[union-attr]
    start = str(state.history[0])
    everything: list[str] = []
    for panel in PANELS:
        if panel == "guess":
            continue
        shown = panel_texts(app, panel)
        everything += shown
        if panel in ("month", "fault"):
            assert start not in shown, f"{panel} plots a score Halo never computed"
    assert app.top.ids[0] != "guess" and "guess" not in app.top.ids  # type: ignore[attr-defined]
    joined = " ".join(everything)
    assert "—" not in [t.strip() for t in everything], "a score shown as a dash"
    assert app.ctx.catalog("debrief.fault.declined_headline", lang) in joined
    assert app.ctx.catalog("debrief.month.no_score", lang) in joined
    assert app.ctx.catalog("debrief.fault.verdict.declined", lang, n=2)[:30] in joined
    for verdict in ("privilege", "handicap", "mostly_you", "mostly_system"):
        scored = app.ctx.catalog(f"debrief.fault.verdict.{verdict}", lang).split("{")[0].strip()
        assert scored not in joined, "a verdict on a score that never existed"
