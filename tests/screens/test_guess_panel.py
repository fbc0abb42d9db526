"""The guess panel's reveal: the visitor's own month first, the weights second, a legend for every mark."""

from __future__ import annotations

from game.app import App
from game.tools import drive
from game.tools.drive import button, open_debrief
from tests.debrief.months import CRUEL
from tests.screens.helpers import make_app, tap


def month_app(accept: bool = True) -> App:
    app = make_app(lang="en", size=(1920, 1080), seed=3)
    visit = app.ctx.begin_visit("student")
    visit.consent(accept)
    session = visit.session
    while not session.over:
        ids = session.option_ids()
        wanted = CRUEL.get(session.scene_id or "")
        visit.choose(wanted if wanted in ids else ids[0])
        visit.settle()
    return app


def test_the_reveal_names_the_visitors_own_top_cause_then_the_weights() -> None:
    app = month_app()
    open_debrief(app)
    app.step(events=[])
    tap(app, button(app, "guess:cat:connections"))
    tap(app, button(app, "guess:reveal"))
    shown = " ".join(drive.texts(app))
    assert "You put Connections first. What moved your score most this month: Credit history (−32\xa0pts)." in shown
    assert "In Halo's weights, Credit history weighs most: 35%." in shown
    assert "3–4" in shown and "equal weights share these places" in shown  # 15 and 15: places 3–4
    assert "Moved your score: what each category added to or took from your score" in shown
    assert app.ctx.visit is not None and app.ctx.visit.guess == ["connections"]


def test_a_declined_visitor_is_asked_what_would_have_counted_and_meets_the_weights_alone() -> None:
    app = month_app(accept=False)
    open_debrief(app)
    screen = app.top
    # the explorer leads a declined month past the guess; the panel itself must still make sense
    screen.ids = ["guess", *screen.ids]  # type: ignore[attr-defined]
    screen.current = "guess"  # type: ignore[attr-defined]
    app.draw()
    assert any(t.startswith("You had no Halo score.") for t in drive.texts(app))
    tap(app, button(app, "guess:cat:personal"))
    tap(app, button(app, "guess:reveal"))
    shown = " ".join(drive.texts(app))
    assert "Without a Halo account nothing of your month was scored" in shown
    assert "Your month" not in shown and "Moved your score" not in shown
    assert "Halo's weights" in shown
