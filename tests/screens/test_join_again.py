"""The question after the reveal: shown when the debrief finishes, answered by touch or keys, kept on the visit."""

from __future__ import annotations

import pygame

from game.app import App
from game.kiosk.idle import IdleTimer
from game.screens.transitions import JOIN_AGAIN, Goto, after_reveal
from game.tools.drive import open_debrief, texts
from game.visit import Visit
from tests.screens.helpers import FakeClock, begin, button, content_buttons, key, make_app, press, tap, to_the_end


def at_the_question(consent: str = "accept", clock: FakeClock | None = None, **settings: object) -> App:
    app = make_app(lang="en", clock=clock, **settings)
    begin(app, consent)
    to_the_end(app)
    open_debrief(app, "kiosk")
    app.step(events=[])
    press(app, "finish")
    assert app.screen_names() == [JOIN_AGAIN]
    return app


def test_the_debrief_finishes_on_the_question_and_the_answer_is_kept() -> None:
    app = at_the_question()
    assert "Knowing this, would you join Halo again?" in texts(app)
    assert "At the start of the month, you joined Halo." in texts(app)
    visit = app.ctx.visit
    assert isinstance(visit, Visit) and visit.data.join_again is None
    tap(app, button(app, "yes"))
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
    assert visit.data.join_again is False and app.screen_names() == ["attract"]


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
    assert visit is not None and visit.data.join_again is False and app.screen_names() == ["attract"]


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
