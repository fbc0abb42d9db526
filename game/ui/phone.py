"""The player's phone with the Halo app: dial, feed of notifications, contacts and scores."""

from __future__ import annotations

from game.present.phone import PhoneView
from game.ui.canvas import Canvas, Rect
from game.ui.dial import dial_block


def phone_frame(canvas: Canvas, box: Rect) -> None:
    """The device and its blank screen: static, so screens paint it into their backdrop."""
    canvas.rect(box, canvas.theme.c("phone"), radius=56)
    canvas.rect(box.inflate(-36, -36), canvas.theme.c("phone_screen"), radius=40)


def draw_phone(canvas: Canvas, box: Rect, view: PhoneView, reduced_motion: bool) -> None:
    """The phone's content; the frame comes from :func:`phone_frame`."""
    theme = canvas.theme
    screen = box.inflate(-36, -36)
    ink, muted = theme.c("phone_text"), theme.c("phone_muted")
    small = theme.s("small")
    canvas.text(view.clock, Rect(screen.x + 36, screen.y + 14, 200, 40), small, ink, "semibold")
    canvas.text("Halo", Rect(screen.right - 236, screen.y + 14, 200, 40), small, ink, "bold", "right")
    dial = Rect(screen.x + 30, screen.y + 62, screen.w - 60, 300)
    if view.no_account:
        canvas.paragraph(
            view.no_account, dial.inflate(-20, -60), theme.s("heading"), muted, "semibold", "center", valign="center"
        )
    else:
        dial_block(canvas, dial, view.score, view.lo, view.hi, view.band, view.delta, ink, (214, 218, 226))
    y = dial.bottom + 4
    if view.money:
        canvas.text(view.money, Rect(screen.x + 30, y, screen.w - 60, 36), small, ink, "semibold", "center")
        y += 44
    canvas.text(view.feed_title, Rect(screen.x + 30, y, screen.w - 60, 36), small, muted, "semibold")
    y += 40
    canvas.clip(screen)
    for text, age, _picture in view.feed[-2:]:
        slide = 0.0 if reduced_motion else max(0.0, 1.0 - age / 0.35)
        card = Rect(screen.x + 24 + round(slide * 300), y, screen.w - 48, 92)
        canvas.rect(card, (231, 236, 245), radius=16)
        canvas.paragraph(text, card.inflate(-28, -14), small, ink, "regular", spacing=1.05, valign="center")
        y += 102
    canvas.clip(None)
    y = max(y, dial.bottom + 48 + 204 + 40)
    canvas.text(view.contacts_title, Rect(screen.x + 30, y, screen.w - 60, 36), small, muted, "semibold")
    y += 42
    draw_contacts(canvas, Rect(screen.x + 30, y, screen.w - 60, screen.bottom - 14 - y), view)


def draw_contacts(canvas: Canvas, area: Rect, view: PhoneView) -> None:
    """Contacts in the view's order; when not all fit, the first ones and "+ N more"."""
    theme = canvas.theme
    ink, muted = theme.c("phone_text"), theme.c("phone_muted")
    small = theme.s("small")
    lines = view.contacts
    one_h = max(40, round(canvas.line_height(small * 0.9, "semibold") * 1.15))
    two_h = max(58, round((canvas.line_height(small, "semibold") + canvas.line_height(small * 0.8)) * 1.1))
    two_lines = len(lines) * two_h <= area.h
    row_h = min(74, area.h // max(1, len(lines))) if two_lines else one_h
    fits = len(lines) if len(lines) * row_h <= area.h else max(0, (area.h - one_h) // row_h)
    y = area.y
    for line in lines[:fits]:
        row = Rect(area.x, y, area.w, row_h - 4)
        faded = line.relation in ("dropped", "reported")
        colour = muted if faded else ink
        score = Rect(row.right - 104, row.y, 104, row.h)
        canvas.text(str(line.score), score, small * 1.1, colour, "bold", "right", "center")
        status = f" · {line.relation_label}" if line.relation_label else ""
        if two_lines:
            canvas.text(line.name + status, Rect(row.x, row.y, row.w - 110, row.h // 2 + 4), small, colour, "semibold")
            canvas.text(line.role, Rect(row.x, row.y + row.h // 2, row.w - 110, row.h // 2), small * 0.8, muted)
        else:
            canvas.text(
                line.name + status,
                Rect(row.x, row.y, row.w - 110, row.h),
                small * 0.9,
                colour,
                "semibold",
                valign="center",
            )
        y += row_h
    if fits < len(lines):
        canvas.text(view.more(len(lines) - fits), Rect(area.x, y, area.w, one_h), small * 0.9, muted, "semibold")
