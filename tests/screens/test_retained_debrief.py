"""A debrief panel is a retained layer: blitted while nothing changes, painted again after
any input (a guess, a what-if, a page, a tab), and never shown to the next visitor."""

from __future__ import annotations

import pygame
import pytest

from game.screens.debrief import PANELS
from game.screens.debrief.screen import DebriefScreen
from game.tools.drive import open_debrief, press, texts
from tests.screens.test_retained_screens import check_same, on


def painted(screen: DebriefScreen) -> list[str]:
    """Counts each painting of a panel (not a blit of its layer)."""
    seen: list[str] = []
    for panel in screen.panels.values():
        kept = panel.draw

        def counting(canvas: object, area: object, page: int, kept: object = kept, pid: str = panel.id) -> int:
            seen.append(pid)
            return kept(canvas, area, page)  # type: ignore[operator]

        panel.draw = counting  # type: ignore[method-assign]
    return seen


@pytest.mark.parametrize("panel", PANELS)
def test_every_panel_from_its_layer_is_what_drawing_in_place_gives(panel: str) -> None:
    app = on("end")
    open_debrief(app, panel)
    check_same(app)


def test_an_unchanged_panel_is_blitted_and_an_input_paints_it_again() -> None:
    app = on("end", size=(1280, 720), lang="en")
    open_debrief(app, "rules")
    screen = app.top
    assert isinstance(screen, DebriefScreen)
    app.draw()
    app.canvas.capture()  # what the loop does once it has nothing to draw
    seen = painted(screen)
    app.draw()
    app.draw()
    assert seen == []  # nothing changed: the layer was blitted
    before = pygame.image.tobytes(app.window, "RGB")
    press(app, "next")  # a tab: another panel, painted
    app.draw()
    app.canvas.capture()
    assert seen and seen[-1] == "fault"
    assert pygame.image.tobytes(app.window, "RGB") != before
    press(app, "prev")
    app.draw()
    assert seen[-1] == "rules"  # back again: painted again, never a stale layer
    check_same(app)


def test_the_next_visitor_never_sees_the_last_ones_panel() -> None:
    app = on("end", size=(1280, 720), lang="en")
    open_debrief(app, "month")
    app.draw()
    app.canvas.capture()
    first = app.top
    shown = texts(app)
    open_debrief(app, "month")  # another debrief screen on the same window and panel
    second = app.top
    assert isinstance(first, DebriefScreen) and isinstance(second, DebriefScreen)
    assert second.serial != first.serial
    seen = painted(second)
    app.draw()
    assert seen == ["month"]  # painted for this visitor, not blitted from the last one's
    assert texts(app) == shown


@pytest.mark.parametrize("panel", ["guess", "whatif"])
def test_a_panel_s_own_button_paints_it_again(panel: str) -> None:
    """A guess or a what-if changes what the panel shows, with the same tab and page."""
    app = on("end", size=(1280, 720), lang="en")
    open_debrief(app, panel)
    app.draw()
    app.canvas.capture()
    screen = app.top
    assert isinstance(screen, DebriefScreen)
    own = [b.id for b in screen.buttons if b.id.startswith(f"{panel}:") and b.enabled]
    assert own, [b.id for b in screen.buttons]
    seen = painted(screen)
    press(app, own[-1])
    app.draw()
    assert seen == [panel]
    check_same(app)
