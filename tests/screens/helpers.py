"""Drive the real App headless: taps as SDL sends them, keys, and a fake clock."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import App
from game.content.load import load_level
from game.content.models import Level
from game.present.phone import PhoneView, phone_view
from game.screens.base import TAP_SETTLE_S
from game.settings import Settings
from game.tools.drive import button, centre_of, texts
from game.ui.widgets import Button

__all__ = ["button", "texts"]

SAMPLE = Path(__file__).resolve().parents[2] / "levels" / "sample.yaml"


class FakeClock:
    """Time that moves only when a test says so (plus a tick per read, so animations end)."""

    def __init__(self, start: float = 1000.0, per_read: float = 0.05) -> None:
        self.now = start
        self.per_read = per_read

    def __call__(self) -> float:
        self.now += self.per_read
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_app(
    level: Level | None = None,
    lang: str = "fr",
    size: tuple[int, int] = (1280, 720),
    seed: int = 5,
    clock: FakeClock | None = None,
    **settings: object,
) -> App:
    level = level or load_level(SAMPLE)
    opts = Settings(lang=lang, default_lang=lang, languages=list(level.languages), seed=seed, stats=False)
    for key, value in settings.items():
        setattr(opts, key, value)
    app = App(level, opts, size=size, clock=clock or FakeClock())
    app.step()
    return app


def settle_finger(app: App) -> None:
    """A visitor's pace: a touch comes after the screen has settled (see TAP_SETTLE_S)."""
    if isinstance(app.clock, FakeClock):
        app.clock.advance(TAP_SETTLE_S + 0.05)


def tap(app: App, button: Button) -> None:
    """A finger tap exactly as SDL delivers it: finger events plus synthetic mouse copies."""
    settle_finger(app)
    x, y = centre_of(app, button)
    w, h = app.window.get_size()
    events = [
        pygame.event.Event(pygame.FINGERDOWN, x=x / w, y=y / h, dx=0, dy=0, finger_id=0, touch_id=0, pressure=1),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1, touch=True),
        pygame.event.Event(pygame.FINGERUP, x=x / w, y=y / h, dx=0, dy=0, finger_id=0, touch_id=0, pressure=0),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1, touch=True),
    ]
    app.step(events=events)
    app.step(events=[])


def tap_at(app: App, x: int, y: int) -> None:
    settle_finger(app)
    w, h = app.window.get_size()
    app.step(events=[pygame.event.Event(pygame.FINGERUP, x=x / w, y=y / h, dx=0, dy=0, finger_id=0, touch_id=0)])
    app.step(events=[])


def key(app: App, code: int, mod: int = 0) -> None:
    app.step(events=[pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)])
    app.step(events=[])


def content_buttons(app: App) -> list[Button]:
    return [b for b in app.top.buttons if b.enabled and not b.id.startswith("tb:")]


def press(app: App, button_id: str) -> None:
    tap(app, button(app, button_id))


def begin(app: App, consent: str = "accept") -> None:
    """From the attract screen: touch, take the first persona, answer the consent."""
    tap_at(app, 600, 300)
    pick_persona(app, app.ctx.level.personas[0].id)
    press(app, consent)


def pick_persona(app: App, persona: str) -> None:
    """Touch a persona's card, and live that life if the card opened it first."""
    press(app, f"persona:{persona}")
    if app.top.name == "persona":
        press(app, "live")


def into_a_scene(app: App) -> None:
    begin(app)
    press(app, "continue")
    assert app.top.name == "scene"


def to_the_end(app: App, limit: int = 80) -> None:
    """Take the first option of every scene and continue until the end of the month."""
    for _ in range(limit):
        if app.top.name == "end":
            return
        options = [b for b in content_buttons(app) if b.id.startswith("option:")]
        press(app, options[0].id if options else "continue")
    raise AssertionError(f"the month did not end: {app.screen_names()}")


def shown_phone(app: App) -> PhoneView:
    """What the phone shows now (its view model)."""
    visit = app.ctx.visit
    assert visit is not None
    return phone_view(visit, app.ctx.words(), app.ctx.now())
