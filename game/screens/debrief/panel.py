"""What every debrief panel shares: access to the month, texts, and the panel protocol."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from game.content.models import Level
from game.i18n import pick
from game.present.debrief import month_key
from game.present.labels import category_name, contact_name, door_name, option_label, scene_title
from game.screens.context import Context
from game.screens.debrief.layout import Flow
from game.ui.canvas import Canvas, Rect
from game.visit import Visit

if TYPE_CHECKING:
    from game.screens.debrief.screen import DebriefScreen


PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class Panel:
    """One page of the debrief. ``draw`` returns how many pages its content needs."""

    id = "panel"

    def __init__(self, screen: DebriefScreen) -> None:
        self.screen = screen
        self._flow: tuple[object, Flow, int] | None = None
        self.page_counts: dict[tuple[object, ...], int] = {}

    def cached_flow(self, canvas: Canvas, area: Rect, columns: int, build: Callable[[], Flow]) -> tuple[Flow, int]:
        """Build and paginate a panel's content once per area, scale, text size and language.

        For panels whose content is fixed once the month is over: laying out every page on
        every frame cost more than drawing the one page shown.
        """
        key = (area.w, area.h, canvas.vp.scale, canvas.text_scale, self.screen.lang, columns)
        if self._flow is None or self._flow[0] != key:
            flow = build()
            self._flow = (key, flow, flow.layout(area.h, columns=columns))
        flow = self._flow[1]
        flow.canvas = canvas
        return flow, self._flow[2]

    # -- access -----------------------------------------------------------------------------
    @property
    def ctx(self) -> Context:
        return self.screen.ctx

    @property
    def visit(self) -> Visit:
        visit = self.ctx.visit
        assert visit is not None, "the debrief needs a finished month"
        return visit

    @property
    def level(self) -> Level:
        return self.ctx.level

    @property
    def declined(self) -> bool:
        return self.visit.declined

    def t(self, key: str, **params: object) -> str:
        return self.screen.t(key, **params)

    def p(self, text: dict[str, str] | None) -> str:
        return pick(text, self.screen.lang)

    def category(self, cid: str) -> str:
        return category_name(self.level, self.screen.words, cid)

    def scene_title(self, scene: str) -> str:
        return scene_title(self.level, self.screen.words, scene)

    def option_text(self, scene: str | None, option: str | None) -> str:
        return option_label(self.level, self.screen.words, scene, option)

    def contact(self, cid: str) -> str:
        return contact_name(self.level, self.screen.words, cid)

    def door(self, did: str) -> str:
        return door_name(self.level, self.screen.words, did)

    def num(self, value: float, digits: int = 1) -> str:
        """A number as the language writes it (1.5 / 1,5)."""
        return self.screen.words.number(value, digits)

    def signed(self, value: float, digits: int = 1) -> str:
        return self.screen.words.signed(value, digits)

    def money(self, amount: int) -> str:
        """An amount in the level's currency for this language."""
        return self.screen.words.money(amount)

    def pts(self, value: float) -> str:
        """Score points, signed and whole: the one unit of every number the debrief computes."""
        return self.t("debrief.pts", n=self.signed(value, 0))

    def effect(self, category: str, points: float) -> str:
        return self.t("debrief.effect", category=self.category(category), points=self.pts(points))

    def reveal_text(self, text: dict[str, str], points: tuple[tuple[str, float], ...]) -> str:
        """A level's reveal with its ``{category}`` names filled in with their score points."""
        found = dict(points)
        return PLACEHOLDER.sub(
            lambda m: self.effect(m.group(1), found[m.group(1)]) if m.group(1) in found else m.group(0),
            self.p(text),
        )

    def pct(self, share: float) -> str:
        return self.t("debrief.percent", n=round(share * 100))

    def outcome(self, outcome: str, amount: int = 0) -> str:
        if outcome == "deposit" and amount:
            return self.t("debrief.outcome.deposit_amount", amount=self.money(amount))
        if outcome == "grant" and amount:
            return self.t("debrief.outcome.grant_amount", amount=self.money(amount))
        return self.t(f"door.{outcome}")

    # -- the protocol ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.t(f"debrief.{self.id}.title")

    def hint(self) -> str:
        """A short line beside the title, shown when there is room (how to go deeper)."""
        return ""

    def speech(self) -> list[str]:
        """What audio mode says of this panel after its title; empty (the default): the
        texts the panel drew, in drawing order. See :meth:`game.screens.base.Screen.speech`."""
        return []

    def locked(self) -> bool:
        """True while the other panels must wait (the guess before the reveal)."""
        return False

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        raise NotImplementedError

    def draw_bar(self, canvas: Canvas, bar: Rect) -> bool:
        """Draw this panel's own navigation instead of the usual one (True if it did)."""
        return False

    def on_button(self, action: str) -> None:
        """A button of this panel, its id without the ``<panel>:`` prefix."""

    def on_back(self) -> bool:
        """Esc inside the panel (e.g. leave a detail view); True if it was used."""
        return False


def retained(panel: Panel, canvas: Canvas, area: Rect, page: int, extra: object, paint: Callable[[Canvas], int]) -> int:
    """Draw a page of fixed content once, then blit it; returns the panel's page count.

    The key names everything the content is made of: the panel, the month (level,
    persona, seed, rule set, every choice and appeal), ``extra`` state, language, size
    and scale. The page counts are the panel's own (kept with it, not in a global).
    """
    base = (
        panel.id,
        month_key(panel.visit),
        extra,
        panel.screen.lang,
        area.w,
        area.h,
        canvas.vp.scale,
        canvas.text_scale,
    )

    def paint_and_count(c: Canvas) -> None:
        if len(panel.page_counts) > 64:
            panel.page_counts.clear()
        panel.page_counts[base] = paint(c)

    # a picture kept without its count (another screen of the same month painted it): paint it again to learn it
    fresh = base not in panel.page_counts
    canvas.layer(("panel-page", *base, page), area, canvas.theme.c("background"), paint_and_count, fresh)
    return panel.page_counts.get(base, 1)


class FlowPanel(Panel):
    """A panel of long, fixed content: built once into a :class:`Flow`, then paged."""

    columns = 2  # side by side when every card fits a column whole; else one wide column
    laid_out = 2  # the columns of the layout being built (read by build's column_width)

    def build(self, canvas: Canvas, area: Rect) -> Flow:
        raise NotImplementedError

    def column_width(self, area: Rect) -> int:
        return (area.w - 40 * (self.laid_out - 1)) // self.laid_out

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        return retained(self, canvas, area, page, None, lambda c: self.draw_page(c, area, page))

    def draw_page(self, canvas: Canvas, area: Rect, page: int) -> int:
        """Never a card cut across pages: with larger text a card too tall for a column gets
        the whole width instead (a wide column makes it shorter)."""
        for columns in range(self.columns, 0, -1):
            self.laid_out = columns
            flow, pages = self.cached_flow(canvas, area, columns, lambda: self.build(canvas, area))
            if not flow.split_card:
                break
        flow.canvas = canvas
        flow.draw(area, page)
        return pages
