"""The rules panel tells each visitor the rules of their own month, once each."""

from __future__ import annotations

import re

import pytest

from game.content.load import load_level
from game.debrief.rules import rules_view
from game.paths import LEVELS_DIR
from game.screens.debrief.p_rules import RulesPanel
from tests.langs import LANGS
from tests.trust.kit import pages, panel_texts, played

LEVELS = [load_level(p) for p in sorted(LEVELS_DIR.glob("*.yaml"))]
MONTHS = [(level, persona.id, seed) for level in LEVELS for persona in level.personas for seed in (1, 2)]


@pytest.mark.parametrize("level,persona,seed", MONTHS, ids=lambda v: getattr(v, "id", v))
def test_rules_of_unmet_scenes_are_never_the_months_own(level, persona: str, seed: int) -> None:  # type: ignore[no-untyped-def]
    app = played(level, persona, seed)
    state = app.ctx.visit.session.state  # type: ignore[union-attr]
    met = {scene for scene, _ in state.choices}
    view = rules_view(level, state)
    own = [r.text["en"] for r in view.unguessable]
    for rule in level.hidden_rules:
        if rule.scenes:
            assert rule.text["en"] not in own, "a rule tied to scenes is shown with them, or as unmet"
            if not met & set(rule.scenes):
                assert rule.text["en"] in [r.text["en"] for r in view.elsewhere]
    reveals = [o.reveal["en"] for m in view.met for o in m.options if o.reveal]
    listed = own + [r.text["en"] for r in view.elsewhere]
    assert len(listed) == len(set(listed)) and not set(listed) & set(reveals), "a rule is listed twice"


@pytest.mark.parametrize("lang", LANGS)
def test_a_report_never_made_is_never_told_as_fact(lang: str) -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    report = next(o for w in level.weeks for s in w.scenes for o in s.options if o.id == "report_jonas")
    for seed in range(1, 30):
        app = played(level, "student", seed, lang=lang)
        choices = app.ctx.visit.session.state.choices  # type: ignore[union-attr]
        if ("jonas_thread", "report_jonas") in choices:
            continue
        shown = panel_texts(app, "rules")
        assert report.reveal is not None
        assert report.reveal[lang] not in shown, "a hypothetical is told as what happened"
        if any(scene == "jonas_thread" for scene, _ in choices):
            # the panel fills the reveal's {category} with its points: compare what follows it
            prefix = app.ctx.catalog("debrief.rules.had_you", lang, what="")
            tail = report.reveal[lang].split("}")[-1].strip()
            assert any(t.startswith(prefix) and tail in t for t in shown)
        return
    pytest.fail("no month without the report")


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1024, 768)], ids=str)
@pytest.mark.parametrize("larger", [False, True])
@pytest.mark.parametrize("lang", LANGS)
def test_a_heading_never_ends_a_column(size: tuple[int, int], larger: bool, lang: str) -> None:
    for level in LEVELS:
        app = played(level, level.personas[0].id, 4, lang=lang, size=size, larger_text=larger)
        pages(app, "rules")
        panel = app.top.panels["rules"]  # type: ignore[attr-defined]
        assert isinstance(panel, RulesPanel) and panel._flow is not None
        flow = panel._flow[1]
        for k, column in enumerate(flow.columns):
            if k + 1 < len(flow.columns):
                assert not column[-1][0].keep, f"{level.id} {lang}: column {k} ends with a heading"


QUOTES = {"“": "”", "«": "»", "‘": "’", "„": "“"}  # German closes with English's opening quote


def nested_quotes(text: str) -> bool:
    """True when a quotation opens again inside itself (a doubled quote)."""
    depth: list[str] = []
    for ch in text:
        if depth and ch == QUOTES[depth[-1]]:
            depth.pop()
        elif ch in QUOTES and ch != "‘":
            if ch in depth:
                return True
            depth.append(ch)
    return False


@pytest.mark.parametrize("lang", LANGS)
def test_whispers_have_one_label_and_one_pair_of_quotes(lang: str) -> None:
    label = {"fr": ["Vrai — Vrai", "Faux — Faux", "Vrai : Vrai", "Faux : Faux"], "en": ["True — True", "False — False"]}
    for level in LEVELS:
        for seed in (1, 2, 3):
            app = played(level, level.personas[0].id, seed, lang=lang)
            for text in panel_texts(app, "rules"):
                assert not any(bad in text for bad in label.get(lang, [])), text
                assert not nested_quotes(text), f"doubled quotes: {text!r}"
                assert not re.search(r"[“«]\s*[“«]", text), text


def test_whisper_explanations_do_not_repeat_the_verdict() -> None:
    from game.i18n import load_catalog

    catalog = load_catalog()
    for level in LEVELS:
        for week in level.weeks:
            for whisper in week.whispers:
                for lang, text in whisper.explain.items():
                    verdict = catalog(f"debrief.rules.truth_{whisper.truth}", lang)
                    assert not text.startswith(verdict), f"{level.id}: {text!r} repeats {verdict!r}"
