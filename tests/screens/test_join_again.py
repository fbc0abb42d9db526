"""The question after the reveal: shown when the debrief finishes, answered by touch or keys, kept on the visit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.debrief.guess import own_ranking
from game.kiosk.idle import IdleTimer
from game.screens.transitions import JOIN_AGAIN, Goto, Pop, Push, after_reveal
from game.tools.drive import open_debrief, texts
from game.visit import Visit
from tests.screens.helpers import (
    FakeClock,
    begin,
    button,
    content_buttons,
    key,
    make_app,
    press,
    tap,
    tap_at,
    to_the_end,
)
from tests.stats.conftest import build_record


def at_the_question(consent: str = "accept", clock: FakeClock | None = None, **settings: object) -> App:
    app = make_app(lang="en", clock=clock, **settings)
    begin(app, consent)
    to_the_end(app)
    open_debrief(app, "kiosk")
    app.step(events=[])
    press(app, "finish")
    assert app.screen_names() == [JOIN_AGAIN]
    return app


def thanked_then_attract(app: App) -> None:
    """The answer is thanked (tests/screens/test_thanks.py), and a touch goes on to attract."""
    assert app.screen_names() == ["thanks"]
    tap_at(app, 960, 540)


def test_the_debrief_finishes_on_the_question_and_the_answer_is_kept() -> None:
    app = at_the_question()
    assert "Knowing this, would you join Halo again?" in texts(app)
    assert "At the start of the month, you joined Halo." in texts(app)
    visit = app.ctx.visit
    assert isinstance(visit, Visit) and visit.data.join_again is None
    tap(app, button(app, "yes"))
    thanked_then_attract(app)
    assert app.screen_names() == ["attract"] and app.ctx.visit is None
    assert visit.data.join_again is True
    assert visit.to_dict()["join_again"] is True  # kept with the visit, beside its consent choice
    assert visit.session.state.choices[0] == ("consent", "accept")


def test_a_visitor_who_declined_is_asked_whether_they_would_join_now() -> None:
    app = at_the_question("decline")
    assert "Knowing this, would you join Halo now?" in texts(app)
    assert "At the start of the month, you said no to Halo." in texts(app)
    visit = app.ctx.visit
    assert visit is not None
    press(app, "no")
    assert visit.data.join_again is False
    thanked_then_attract(app)
    assert app.screen_names() == ["attract"]


def test_the_answers_are_big_and_reachable_by_keys_with_no_answer_preselected() -> None:
    app = at_the_question(kiosk=True)
    answers = [b for b in content_buttons(app) if b.id in ("yes", "no")]
    assert len(answers) == 2
    for answer in answers:
        assert min(answer.rect.w, answer.rect.h) >= app.ctx.min_target()
    key(app, pygame.K_RETURN)  # Enter alone picks nothing: neither answer is the default
    assert app.screen_names() == [JOIN_AGAIN]
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    assert app.top.focused_button() is not None and app.top.focused_button().id == "no"
    visit = app.ctx.visit
    key(app, pygame.K_RETURN)
    assert visit is not None and visit.data.join_again is False and app.screen_names() == ["thanks"]
    app.clock.advance(1.0)  # type: ignore[attr-defined]
    key(app, pygame.K_RETURN)  # a key goes on as a touch does
    assert app.screen_names() == ["attract"]


def test_an_idle_kiosk_resets_from_the_question_leaving_it_unanswered() -> None:
    clock = FakeClock(per_read=0.0)
    app = at_the_question(clock=clock, kiosk=True)
    app.idle = IdleTimer(60, 120, 20, clock=clock)
    visit = app.ctx.visit
    app.step(events=[])
    clock.advance(61)
    app.step(events=[])
    assert app.top.name == "idle"
    clock.advance(20)
    app.step(events=[])
    assert app.screen_names() == ["attract"] and app.ctx.visit is None
    assert visit is not None and visit.data.join_again is None


def test_the_route_is_one_name_for_every_way_through_the_reveal() -> None:
    assert after_reveal() == Goto("join_again")


# -- kept anonymously, shown to the facilitator -----------------------------------------------------
def test_the_answer_the_consent_and_the_guess_match_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    app = make_app(lang="en", stats=True)
    app.ctx.stats_path, app.ctx._stats = db, None
    begin(app, "accept")
    to_the_end(app)
    visit = app.ctx.visit
    assert visit is not None
    own = own_ranking(visit.level, visit.session.state)
    visit.set_guess([own[0]])  # the visitor named their own top cause
    open_debrief(app, "kiosk")
    app.step(events=[])
    press(app, "finish")
    press(app, "yes")
    thanked_then_attract(app)  # the visit is recorded when it ends, after the thank-you
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT joined, join_again, guess_matched FROM sessions").fetchall() == [(1, 1, 1)]


def test_a_declined_month_records_no_guess_match(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    app = at_the_question("decline", stats=True)
    app.ctx.stats_path, app.ctx._stats = db, None
    assert app.ctx.visit is not None
    app.ctx.visit.set_guess(["credit_history"])
    press(app, "no")
    thanked_then_attract(app)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT joined, join_again, guess_matched FROM sessions").fetchall() == [(0, 0, None)]


def test_the_facilitator_sees_the_rates_with_their_intervals_or_nothing_below_five(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    app = make_app(lang="en", size=(1920, 1080), stats=True)
    app.ctx.stats_path, app.ctx._stats = db, None
    store = app.ctx.statistics()
    assert store is not None
    for i in range(10):  # 10 sessions, of which 4 answered the question and ranked
        answered = i < 4
        store.record(
            build_record(
                choices=("consent.accept",),
                joined=True,
                join_again=(i < 2) if answered else None,
                guess_matched=True if answered else None,
            )
        )
    app.apply(Push("facilitator"))
    app.draw()
    press(app, "learning")
    shown = texts(app)
    assert "What the visits taught" in shown and "Would join again, knowing all this" in shown
    assert "67%" not in " ".join(shown) and shown.count("fewer than 5") >= 3
    for i in range(11):  # 15 answered now (and 6 did not)
        store.record(build_record(choices=("consent.accept",), joined=True, join_again=i < 8, guess_matched=i < 10))
    app.apply(Pop())
    app.apply(Push("facilitator"))
    app.draw()
    press(app, "learning")
    shown = texts(app)
    # 15 answered, all had joined; 10 would join again (Wilson 42-85 %); 14 of 15 matched: 1 did not,
    # so the match is hidden (its cells are 14 and 1), and chance is still shown beside it
    assert "100% (15 of 15), 95%: 80% to 100%" in shown
    assert "67% (10 of 15), 95%: 42% to 85%" in shown
    assert any(t.startswith("fewer than 5 · chance: 20%") for t in shown)
    press(app, "learning")
    assert "Choices, scene by scene" in texts(app)


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_the_start_line_and_the_note_never_overlap(lang: str, larger: bool) -> None:
    """With larger text the line under the question ran into the note below it."""
    app = at_the_question(larger_text=larger)
    app.ctx.settings.lang = lang
    app.draw()
    start = app.ctx.catalog("join_again.start_joined", lang)
    note = app.ctx.catalog("join_again.note", lang)
    drawn = {d.text: d for d in app.canvas.drawn if d.text in (start, note)}
    assert set(drawn) == {start, note}
    assert drawn[start].rect.bottom <= drawn[note].rect.top, (drawn[start].rect, drawn[note].rect)
    assert drawn[start].px >= app.canvas.px(app.ctx.theme.s("body")) - 1, "the start line was shrunk"
