"""A whole month played by ear: the keypad's six keys in, and every word that matters heard.

Nothing here taps or reads the screen to decide: the test listens to what the speaker
was asked to say (a recording fake) and presses up, down, select or help, as a visitor
who cannot see the screen would. What it checks against is the game's own view models.
"""

from __future__ import annotations

import pytest

from game.content.load import load_level
from game.present.month import end_view, publication_view, week_view
from game.present.scene import after_view, scene_view
from game.screens.scene import SceneScreen
from game.screens.week import PublicationScreen, WeekIntroScreen
from game.tools.drive import open_debrief
from tests.langs import LANGS
from tests.screens.helpers import SAMPLE, begin, to_the_end
from tests.speech.keys import Ear

LEVEL = load_level(SAMPLE)
CHOICES = {"fine": "pay", "wedding": "book"}  # the sample's fine, paid online, leads to the blacklist and a refusal


def play_scene(ear: Ear, top: SceneScreen) -> dict[str, int]:
    """A scene by ear: its text, every choice heard, one chosen, then the answer heard."""
    app, lang = ear.app, ear.lang
    view = scene_view(app.ctx.visit, app.ctx.words())  # type: ignore[arg-type]
    assert ear.was_said(view.title), f"{view.id}: the title was not said: {ear.heard()}"
    assert ear.was_said(view.text), f"{view.id}: the text was not said: {ear.heard()}"
    if top.buttons and top.buttons[0].id == "read":  # a long text alone first: select reaches its choices
        ear.press("select")
    heard: list[str] = []
    ring = len(top.enabled())
    for _ in range(ring):  # once round the focus: every choice (and the toolbar) said
        ear.forget()
        ear.press("down")
        heard += ear.heard()
    for option in view.options:
        if option.available:
            assert option.text in heard, f"{view.id}: option {option.id!r} never said: {heard}"
        else:
            assert option.text not in heard  # out of reach: said with the scene's text instead
    wanted = CHOICES.get(view.id) or next(o.id for o in view.options if o.available)
    label = next(o.text for o in view.options if o.id == wanted)
    ear.focus_until(label)
    ear.forget()
    ear.press("select")
    after = top.after
    assert after is not None
    answer = after_view(app.ctx.visit, app.ctx.words(), after)  # type: ignore[arg-type]
    assert ear.was_said(answer.chosen)
    door = 0
    if answer.door is not None:
        door = 1
        assert ear.was_said(f"{answer.door.name}, {answer.door.label}."), ear.heard()
        assert ear.was_said(answer.door.body), ear.heard()
    if answer.reply:
        assert ear.was_said(answer.reply)
    assert ear.heard()[-1] == app.ctx.catalog("common.continue", lang)  # the focus, after the answer
    ear.forget()
    ear.press("help")  # the answer again, then the focus
    assert ear.was_said(answer.chosen) and ear.heard()[-1] == app.ctx.catalog("common.continue", lang)
    return {"doors": door}


@pytest.mark.parametrize("lang", LANGS)
def test_a_whole_month_played_with_six_keys_is_heard_step_by_step(lang: str) -> None:
    ear = Ear(LEVEL, lang)
    app, catalog = ear.app, ear.app.ctx.catalog
    assert ear.was_said(catalog("attract.slogan", lang))
    ear.forget()
    ear.press("select")  # the language already chosen: start
    assert app.top.name == "persona"
    assert ear.was_said(catalog("persona.title", lang))
    persona = LEVEL.personas[0]
    lives = ear.focus_until(ear.app.ctx.words().p(persona.name))
    assert ear.was_said(ear.app.ctx.words().p(persona.goal.text))  # a card says the life, not just a name
    assert lives
    ear.press("select")
    if app.top.name == "persona":  # the card opened the life whole: its first button lives it
        ear.press("select")
    assert app.top.name == "consent"
    assert ear.was_said(ear.app.ctx.words().p(LEVEL.consent.text))  # the default speech: what is drawn
    ear.focus_until(ear.app.ctx.words().p(LEVEL.consent.accept))
    ear.forget()
    ear.press("select")
    seen = {"scene": 0, "doors": 0, "week": 0, "publication": 0}
    for _ in range(120):
        top = app.top
        if top.name == "end":
            break
        if isinstance(top, SceneScreen) and top.after is None:
            seen["scene"] += 1
            seen["doors"] += play_scene(ear, top)["doors"]
        elif isinstance(top, WeekIntroScreen):
            seen["week"] += 1
            assert ear.was_said(week_view(app.ctx.visit, app.ctx.words(), top.beat).title)  # type: ignore[arg-type]
        elif isinstance(top, PublicationScreen):
            seen["publication"] += 1
            view = publication_view(app.ctx.visit, app.ctx.words(), top.beat)  # type: ignore[arg-type]
            change = view.after - view.before
            moved = (
                catalog("speech.up", lang, n=change)
                if change > 0
                else catalog("speech.down", lang, n=-change)
                if change < 0
                else catalog("speech.same", lang)
            )
            assert ear.was_said(view.title)
            band = view.band(view.after)
            assert ear.was_said(catalog("speech.score", lang, score=view.after, change=moved, band=band))
            assert str(view.after) in " ".join(ear.heard())  # the dial's value, heard
        ear.forget()
        ear.press("select")  # continue (the default focus of every beat)
    assert app.top.name == "end", app.screen_names()
    assert seen["scene"] >= 4 and seen["week"] == len(LEVEL.weeks) and seen["publication"] == len(LEVEL.weeks)
    assert seen["doors"] >= 1
    end = end_view(app.ctx.visit, app.ctx.words())  # type: ignore[arg-type]
    assert ear.was_said(end.title) and ear.was_said(end.goal_line) and ear.was_said(end.goal_text)
    ear.forget()
    ear.press("select")
    assert app.top.name == "reveal"  # a kiosk level: the guided reveal, by ear too
    reveal = app.top
    assert ear.was_said(catalog("reveal.mirror.title", lang)) and ear.was_said(catalog("reveal.mirror.guess", lang))
    ear.forget()
    ear.press("select")  # Next before a guess: the mirror lifts
    assert ear.was_said(reveal.steps[0].answer())  # type: ignore[attr-defined]
    for step in ("paid", "fault", "whatif"):
        ear.forget()
        ear.press("select")
        assert ear.was_said(catalog(f"reveal.{step}.title", lang)), step
        assert len(ear.heard()) > 1, f"{step}: only its title was said"
    ear.forget()
    ear.press("select")  # Finish: the question after the reveal, said with both its answers
    assert app.top.name == "join_again"
    assert ear.was_said(catalog("join_again.question", lang))
    ear.press("right")
    ear.forget()
    ear.press("select")
    assert app.top.name == "thanks" and ear.was_said(catalog("thanks.title", lang))  # the answer thanked, aloud
    app.clock.advance(1.0)  # type: ignore[attr-defined]
    ear.press("select")
    assert app.top.name == "attract"
    ear.close()


def test_the_debrief_chart_is_said_as_a_sentence_per_week() -> None:
    ear = Ear(LEVEL, "en")
    app = ear.app
    begin(app)
    to_the_end(app)
    ear.forget()
    open_debrief(app, "month")
    app.step(events=[])
    heard = "\n".join(ear.heard())
    assert heard.startswith(app.ctx.catalog("debrief.title", "en"))
    assert "Start: " in heard
    for week in range(1, len(LEVEL.weeks) + 1):
        line = next(line for line in heard.split("\n") if line.startswith(f"Week {week}: "))
        assert any(word in line for word in ("up ", "down ", "unchanged")), line
        assert line.endswith(".")
    ear.close()
