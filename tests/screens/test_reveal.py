"""The guided reveal: four steps after a kiosk month, a guess recorded, everything one tap
away, six keys enough, the level and the facilitator deciding which debrief opens."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame
import pytest

from game.content.load import load_level
from game.content.models import Level
from game.debrief import opening
from game.paths import LEVELS_DIR
from game.screens.reveal import RevealScreen
from game.screens.reveal.mirror import MirrorStep
from game.screens.transitions import Push
from game.tools import reveal_words
from game.tools.drive import press, walk_reveal
from tests.langs import LANGS
from tests.screens.helpers import begin, key, make_app, to_the_end

WORD = re.compile(r"[^\W\d_]+")
KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")
WORKSHOP = load_level(LEVELS_DIR / "workshop.yaml")


def ended(level: Level, lang: str = "en", consent: str = "accept", **settings: object):  # type: ignore[no-untyped-def]
    app = make_app(level, lang=lang, size=(1920, 1080), **settings)
    begin(app, consent)
    to_the_end(app)
    return app


def test_a_kiosk_month_opens_the_guided_reveal_and_a_workshop_the_explorer() -> None:
    assert KIOSK.mode == "kiosk" and WORKSHOP.mode == "workshop"
    app = ended(KIOSK)
    press(app, "debrief")
    assert app.top.name == "reveal"
    app = ended(WORKSHOP)
    press(app, "debrief")
    assert app.top.name == "debrief"


def test_the_level_file_and_then_the_facilitator_choose_the_opening(tmp_path: Path) -> None:
    explorer = KIOSK.model_copy(update={"debrief": "explorer"})
    assert opening.opening(explorer, None) == "explorer"
    path = tmp_path / opening.FILE_NAME
    opening.choose(WORKSHOP, "reveal", path)
    assert opening.opening(WORKSHOP, path) == "reveal" and opening.opening(KIOSK, path) == "reveal"
    assert json.loads(path.read_text(encoding="utf-8")) == {WORKSHOP.id: "reveal"}
    path.write_text("{not json", encoding="utf-8")  # damaged: set aside, the defaults apply
    assert opening.opening(WORKSHOP, path) == "explorer"
    assert not path.exists() and (tmp_path / (opening.FILE_NAME + ".damaged")).exists()


def test_the_facilitator_switch_changes_what_the_next_month_opens() -> None:
    app = make_app(WORKSHOP, lang="en", size=(1920, 1080))
    assert app.ctx.debrief_opening() == "explorer"
    app.apply(Push("facilitator"))
    app.draw()
    press(app, "opening")
    assert app.ctx.debrief_opening() == "reveal"
    app.draw()
    assert app.ctx.catalog("reveal.opening.reveal", "en") in [b.label for b in app.top.buttons]


def test_a_guess_is_one_tap_and_recorded_then_the_causes_rise() -> None:
    app = ended(KIOSK)
    press(app, "debrief")
    screen = app.top
    assert isinstance(screen, RevealScreen)
    app.draw()
    category = KIOSK.categories[1].id
    press(app, f"step:guess:{category}")
    assert app.ctx.visit.guess == [category]  # type: ignore[union-attr]
    mirror = screen.steps[0]
    assert isinstance(mirror, MirrorStep) and mirror.revealed and mirror.strikes()
    for _ in range(60):
        app.step(events=[])
    app.draw()
    drawn = " ".join(d.text for d in app.canvas.drawn)
    for strike in mirror.strikes():
        assert mirror.strike_lines(strike)[1] in drawn  # each cause's category on its card


def test_see_everything_opens_the_explorer_at_the_month() -> None:
    app = ended(KIOSK)
    press(app, "debrief")
    app.draw()
    press(app, "everything")
    assert app.top.name == "debrief" and app.top.current == "month"  # type: ignore[attr-defined]


def test_six_keys_play_the_reveal_to_its_end() -> None:
    app = ended(KIOSK, lang="fr")
    key(app, pygame.K_RETURN)  # the end screen's default: see why
    assert app.top.name == "reveal"
    seen = []
    for _ in range(12):
        if app.top.name != "reveal":
            break
        seen.append(app.top.index)  # type: ignore[attr-defined]
        key(app, pygame.K_RETURN)  # Next is the default: the mirror first lifts, then each step
    assert sorted(set(seen)) == [0, 1, 2, 3]
    assert app.top.name == "join_again"  # the question after the reveal: no answer is the default
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert app.top.name == "thanks"
    app.clock.advance(1.0)  # type: ignore[attr-defined]
    key(app, pygame.K_RETURN)
    assert app.top.name == "attract"


def test_the_arrow_keys_reach_every_guess() -> None:
    app = ended(KIOSK)
    key(app, pygame.K_RETURN)
    ids = set()
    for _ in range(30):
        key(app, pygame.K_DOWN)
        focused = app.top.focused_button()
        ids.add(focused.id if focused else "")
    assert {f"step:guess:{c.id}" for c in KIOSK.categories} <= ids


def test_a_month_without_halo_reveals_its_doors_and_the_month_had_they_joined() -> None:
    app = ended(KIOSK, consent="decline")
    press(app, "debrief")
    screen = app.top
    assert isinstance(screen, RevealScreen)
    app.draw()
    assert screen.steps[0].texts()[1] == app.ctx.catalog("reveal.mirror.declined", "en")
    screen.go(3)
    app.draw()
    assert app.ctx.catalog("reveal.whatif.joined", "en") in screen.texts()


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_draws_its_words_and_only_those(lang: str) -> None:
    app = ended(KIOSK, lang=lang)
    for state in walk_reveal(app):
        screen = app.top
        assert isinstance(screen, RevealScreen)
        toolbar = {b.label for b in screen.buttons if b.id.startswith("tb:")} | {"Halo"}  # the chrome
        drawn = {w for d in app.canvas.drawn if d.text not in toolbar for w in WORD.findall(d.text)}
        listed = {w for text in screen.texts() for w in WORD.findall(text)}
        assert drawn <= listed, f"{state}: {sorted(drawn - listed)} drawn but not counted"
        assert drawn, state


@pytest.mark.parametrize("level", ["kiosk", "workshop", "sample"])
def test_the_reveal_keeps_to_300_words_in_every_language(level: str) -> None:
    found = load_level(LEVELS_DIR / f"{level}.yaml")
    lines, within = reveal_words.report(found, randoms=1)
    assert within, "\n".join(lines)
    assert len(lines) == len(found.languages)
