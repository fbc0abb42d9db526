"""The phone shows who is speaking, and words about people use the level's own genders and bonds."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.debrief import PANELS
from game.tools.autoplay import press_something
from game.tools.drive import texts
from tests.screens.helpers import make_app, shown_phone
from tests.trust.kit import panel_texts

LEVELS = {p.stem: load_level(p) for p in sorted(LEVELS_DIR.glob("*.yaml"))}
SPOKEN = [(k, s.id) for k, lv in LEVELS.items() for w in lv.weeks for s in w.scenes if s.speaker]


@pytest.mark.parametrize("level,scene", SPOKEN, ids=lambda v: str(v))
def test_the_speaking_contact_and_the_key_contacts_are_on_the_phone(level: str, scene: str) -> None:
    app = make_app(LEVELS[level], lang="en", size=(1920, 1080))
    stage(app, "scene", scene, None, LEVELS[level].personas[0].id, random.Random(2))
    app.draw()
    session = app.ctx.visit.session
    assert session is not None and app.top.scene_id == scene  # type: ignore[attr-defined]
    speaker = app.top.view.speaker.id  # type: ignore[attr-defined]
    shown = set(texts(app))
    wanted = [speaker, *session.ix.personas[session.state.persona].key_contacts]
    for cid in wanted:
        if cid in session.state.contacts:
            name = session.ix.contacts[cid].name["en"]
            assert any(t == name or t.startswith(name + " ·") for t in shown), f"{name} is not on the phone"


FORBIDDEN = {"fr": ["·e", "fois)", "(s)"], "en": ["time(s)", "(s)"]}


@pytest.mark.parametrize("level", ["kiosk", "workshop"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_point_median_no_plural_brackets_no_family_called_friend(level: str, lang: str) -> None:
    lv = LEVELS[level]
    for seed in (1, 2):
        app = make_app(lv, lang=lang, size=(1920, 1080), seed=seed)
        rng = random.Random(seed)
        seen: list[str] = []
        for _ in range(400):
            if app.top.name == "end":
                break
            press_something(app, rng)
            app.draw()
            seen += texts(app)
            if app.ctx.visit is not None and app.top.name == "scene":
                for line in shown_phone(app).contacts:
                    assert line.relation_label != app.ctx.catalog("relation.friend", lang), line
        app.ctx.visit.data.appeals = ["train"] * 1
        for panel in PANELS:
            seen += panel_texts(app, panel)
        bad = sorted({t for t in seen for f in FORBIDDEN[lang] if f in t})
        assert bad == []
        mum = next((c for c in lv.contacts if c.id == "mother"), None)
        if mum is not None:
            said = [t for t in seen if t.startswith(mum.name[lang])]
            assert not any("friend" in t or " ami" in t for t in said), said
    assert app.ctx.catalog("debrief.errors.appealed", lang, n=1) != app.ctx.catalog(
        "debrief.errors.appealed", lang, n=2
    )
