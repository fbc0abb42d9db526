"""Money is visible with its currency, appeals only answer score decisions, and one effect has one number."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.core.events import DoorChecked
from game.debrief.rules import option_points
from game.paths import LEVELS_DIR
from game.screens.scene import SceneScreen
from game.tools.drive import texts
from game.visit import AfterChoice
from tests.langs import LANGS
from tests.screens.helpers import make_app, shown_phone
from tests.trust.kit import pages, played

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_shows_the_money_in_the_levels_currency(lang: str) -> None:
    sign = "€"  # every language of the kiosk level writes euros
    app = make_app(KIOSK, lang=lang, size=(1920, 1080))
    stage(app, "scene", "groceries", None, "student", random.Random(2))
    app.draw()
    wallet = shown_phone(app).money
    assert sign in wallet and str(app.ctx.visit.session.state.money) in wallet  # type: ignore[union-attr]
    assert wallet in texts(app)


def refused(app, reason: str) -> list[str]:  # type: ignore[no-untyped-def]
    screen = app.top
    assert isinstance(screen, SceneScreen)
    door = DoorChecked("train", "refuse", 95, "0", reason, 500)
    option = screen.view.options[0].id
    screen.after = AfterChoice(screen.scene_id, option, None, door, None)
    app.draw()
    return [b.id for b in screen.buttons]


@pytest.mark.parametrize(
    "reason,appeal", [("money", False), ("declined", False), ("score", True), ("blacklisted", True)]
)
def test_appeal_is_offered_only_against_a_score_decision(reason: str, appeal: bool) -> None:
    app = make_app(KIOSK, lang="en", size=(1920, 1080))
    stage(app, "scene", "groceries", None, "student", random.Random(2))
    assert ("appeal" in refused(app, reason)) is appeal


def test_lacking_funds_names_the_amount_with_its_currency() -> None:
    app = make_app(KIOSK, lang="en", size=(1920, 1080))
    stage(app, "scene", "groceries", None, "student", random.Random(2))
    refused(app, "money")
    assert app.ctx.catalog("door.no_money", "en", amount="€95") in texts(app)


def test_one_effect_shows_one_number_in_every_panel() -> None:
    """Nappies: the rules and the month's trace give the same score points, as whole numbers."""
    for seed in range(1, 60):
        app = played(KIOSK, "student", seed)
        state = app.ctx.visit.session.state  # type: ignore[union-attr]
        if ("groceries", "nappies") not in state.choices:
            continue
        option = next(o for s in KIOSK.weeks[0].scenes if s.id == "groceries" for o in s.options if o.id == "nappies")
        (category, points), *_ = option_points(KIOSK, state.variant, option)
        name = next(c.name["en"] for c in KIOSK.categories if c.id == category)
        expected = f"{name} {'+' if points >= 0 else '−'}{abs(round(points))}\u00a0pts"
        rules = " ".join(d.text for page in pages(app, "rules") for d in page)
        assert expected in rules
        app.top.panels["month"].detail = 1  # type: ignore[attr-defined]
        month = [d.text for page in pages(app, "month") for d in page]
        assert expected in month
        assert not any(".0\u00a0pts" in t or ".0 " in t for t in month)
        return
    pytest.fail("no month bought the nappies")


@pytest.mark.parametrize(("lang", "written"), [("fr", "−2 €"), ("en", "−€2"), ("de", "−2 €")])
def test_a_debt_is_written_with_its_minus_sign_first(lang: str, written: str) -> None:
    """Paying a fine with too little in the wallet leaves a debt: "−€2", never "€−2"."""
    app = make_app(KIOSK, lang=lang, size=(1920, 1080))
    stage(app, "scene", "groceries", None, "student", random.Random(2))
    words = app.ctx.words()

    def plain(text: str) -> str:
        return text.replace("\u202f", " ").replace("\u00a0", " ")

    assert plain(words.money(-2)) == written
    assert plain(words.money(2)) == written[1:]
