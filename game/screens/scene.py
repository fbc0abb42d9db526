"""A scene from daily life: the situation, 2–3 options, and what the world answers.

After a choice the same card shows the reply and any door the choice met: a deposit
asked, or "insufficient score" with an appeal button that leads nowhere.
"""

from __future__ import annotations

import math
from typing import Any

from game.present.scene import AfterView, DoorAnswer, SceneView, after_view, scene_view
from game.screens.common import BESIDE, PhoneScreen
from game.screens.context import Context
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import door_picture, ease, face, scene_picture
from game.ui.widgets import Button
from game.visit import AfterChoice

CARD = Rect(60, 130, 1230, 920)
PICTURE = (480, 240)  # the scene's picture, top right of its card: never behind the text
FACE_SHARE = 0.74  # the speaker's face, as a share of the picture's height (what is at stake stays beside it)
DOOR_SIDE = 240  # the door's picture on the answer card
VERDICT_COLOUR = {"refuse": "bad", "deposit": "primary"}  # a deposit opens the door at a price: not a win
HALO_SAYS_H = 120  # Halo's notification on the answer card
NOTIFY_CARD = (231, 236, 245)  # as the phone's feed cards
MOMENT_S = 0.8  # a door unlocking, or the refusal's stamp landing


class SceneScreen(PhoneScreen):
    name = "scene"
    backdrop = "scene"

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.view: SceneView = scene_view(self.visit, self.words)  # the scene, as met (its week kept)
        self.after: AfterChoice | None = None
        self.text_read = False  # a long text at a large size is shown alone first, then the options
        self.appealed = False
        self.moment = 1.0  # how far the door's moment has played (0 → 1), after a choice
        self.door_box = Rect(0, 0, DOOR_SIDE, DOOR_SIDE)

    @property
    def scene_id(self) -> str:
        return self.view.id

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.ctx.settings.reduced_motion:
            self.moment = 1.0
            return False
        if self.after is not None and self.moment < 1.0:
            self.moment = min(1.0, self.moment + dt / MOMENT_S)
            if self.moment >= 1.0:
                self.ctx.redraw()  # the landed frame drawn whole: nothing of the moment is left behind
            return True
        now = self.ctx.now()
        return any(now - item.born < 0.4 for item in self.visit.feed[-2:])

    def paint_backdrop(self, canvas: Canvas) -> None:
        super().paint_backdrop(canvas)
        canvas.rect(CARD, canvas.theme.c("card"), radius=28)

    def draw_body(self, canvas: Canvas) -> None:
        if self.after is None:
            self.view = scene_view(self.visit, self.words)  # the language may have changed
        view = self.view
        self.draw_phone(
            canvas, view.clock, speaker=view.speaker.id if view.speaker else None, speaker_face=self.speaker_face()
        )
        after = None if self.after is None else after_view(self.visit, self.words, self.after)
        look = (view, after, self.text_read, self.appealed, self.moment, self.target(), self.ctx.gap())
        version = (*look, self.ctx.settings.reduced_motion)  # the speaker's face is the view's or the after's
        self.door_box = self.retained(canvas, "scene-card", BESIDE, version, lambda c: self.draw_card(c, after))

    def draw_card(self, canvas: Canvas, after: AfterView | None) -> Rect:
        """The card's texts, pictures and buttons; returns where the door is (kept with them)."""
        theme = canvas.theme
        view = self.view
        inner = CARD.inflate(-80, -64)
        ink, muted = theme.c("card_text"), theme.c("card_muted")
        if self.text_read and after is None:  # a long text read: its choices need the room
            picture = Rect(inner.right, inner.y, 0, 124)
        else:
            picture = Rect(inner.right - PICTURE[0], inner.y, *PICTURE)
            self.draw_picture(canvas, picture, view)
        left = Rect(inner.x, inner.y, picture.x - 30 - inner.x, picture.h)
        canvas.text(view.header, Rect(left.x, left.y, left.w, 40), theme.s("small"), muted, "semibold")
        title = Rect(left.x, left.y + 48, left.w, left.h - 48 - (56 if view.speaker and picture.w else 0))
        canvas.paragraph(view.title, title, theme.s("heading"), ink, "bold")
        if view.speaker is not None and picture.w:
            who = Rect(left.x, left.bottom - 48, left.w, 48)
            canvas.paragraph(
                f"{view.speaker.name} · {view.speaker.role}", who, theme.s("small"), theme.c("primary"), "semibold"
            )
        y = picture.bottom + 26
        if after is None:
            self.draw_choice(canvas, inner, y)
        else:
            self.draw_after(canvas, inner, y, after)
        return self.door_box

    def draw_picture(self, canvas: Canvas, box: Rect, view: SceneView) -> None:
        """The place and what is at stake; the speaker's face on it, as they look now."""
        size = box.h * FACE_SHARE
        scene_picture(canvas, box, view.picture, reserve=round(size) + 16 if view.speaker is not None else 0)
        mood = self.speaker_face()
        if view.speaker is not None and mood is not None:
            face(canvas, (box.right - size / 2 - 16, box.bottom - size / 2 - 14), size, view.speaker.portrait, mood)

    def speaker_face(self) -> str | None:
        """The speaker's face now: as the scene has them, then once they have heard the choice."""
        if self.view.speaker is None:
            return None
        if self.after is not None:
            return after_view(self.visit, self.words, self.after).speaker_mood or self.view.speaker.mood
        return self.view.speaker.mood

    def draw_choice(self, canvas: Canvas, inner: Rect, y: int) -> None:
        theme = canvas.theme
        options = self.view.options
        h, gap = self.target(), self.ctx.gap()
        top = round(inner.bottom - len(options) * h - (len(options) - 1) * gap)
        text = self.view.text
        above = Rect(inner.x, y, inner.w, top - 30 - y)
        wanted = theme.s("body")
        if not self.text_read and canvas.fit_size(text, above, wanted) < wanted * 0.9:
            canvas.paragraph(
                text, Rect(inner.x, y, inner.w, inner.bottom - round(h) - 30 - y), wanted, theme.c("card_text")
            )
            rect = Rect(inner.x, inner.bottom - round(h), inner.w, round(h))
            self.add(Button("read", self.t("scene.to_choices"), rect, style="primary"))
            return
        canvas.paragraph(text, above, wanted, theme.c("card_text"))
        for i, option in enumerate(options):
            rect = Rect(inner.x, round(top + i * (h + gap)), inner.w, round(h))
            button = Button(f"option:{option.id}", option.text, rect, option.available, note=option.note)
            button.icon = option.icon
            self.add(button)

    def draw_after(self, canvas: Canvas, inner: Rect, y: int, after: AfterView) -> None:
        theme = canvas.theme
        canvas.paragraph(after.chosen, Rect(inner.x, y, inner.w, 44), theme.s("body"), theme.c("card_muted"), "italic")
        y += 58
        h = round(self.target())
        bottom = inner.bottom - h - 24  # the buttons' top
        door = after.door
        if door is not None:
            if door.appealable:
                rect = Rect(inner.x, bottom - h, inner.w, h)
                label = self.t("door.appeal" if not self.appealed else "door.appealed")
                self.add(Button("appeal", label, rect, enabled=not self.appealed, style="ghost"))
                bottom -= h + 24
            panel = Rect(inner.x, y, inner.w, DOOR_SIDE)
            self.door_box = Rect(panel.x, panel.y, DOOR_SIDE, DOOR_SIDE)
            self.draw_door(canvas, door)
            words = Rect(self.door_box.right + 30, panel.y + 6, panel.right - self.door_box.right - 30, panel.h - 12)
            title_h = round(canvas.line_height(theme.s("heading"), "bold") * 1.2)
            title = f"{door.name} — {door.label}"
            colour = theme.c(VERDICT_COLOUR.get(door.outcome, "good"))
            canvas.text(title, Rect(words.x, words.y, words.w, title_h), theme.s("heading"), colour, "bold")
            body = Rect(words.x, words.y + title_h + 6, words.w, words.h - title_h - 6)
            canvas.paragraph(door.body, body, theme.s("body"), theme.c("card_text"))
            if self.appealed:
                note = Rect(words.x, panel.bottom + 8, words.w, 40)
                canvas.text(self.t("door.appeal_registered"), note, theme.s("small"), theme.c("card_muted"), "italic")
            y = panel.bottom + 56
        for person in after.reactions:
            side = 96
            face(canvas, (inner.x + side / 2, y + side / 2), side, person.portrait, person.mood)
            line = Rect(inner.x + side + 24, y, inner.w - side - 24, side)
            canvas.paragraph(person.line, line, theme.s("body"), theme.c("card_text"), "semibold", valign="center")
            y += side + 16
        lines = [t for t in (after.reply, *after.ratings) if t]
        says = after.notify if after.notify and bottom - y >= HALO_SAYS_H + (120 if lines else 0) else ""
        if lines and bottom - y > 40:
            box = Rect(inner.x, y, inner.w, bottom - y - (HALO_SAYS_H + 24 if says else 0))
            y += math.ceil(canvas.paragraph("\n".join(lines), box, theme.s("body"), theme.c("card_text"))) + 24
        if says:  # the app's cheerful word on what was just done, where the eyes are (the phone has it too)
            self.draw_halo_says(canvas, Rect(inner.x, y, inner.w, HALO_SAYS_H), says)
        rect = Rect(inner.x, inner.bottom - h, inner.w, h)
        self.add(Button("continue", self.t("common.continue"), rect, style="primary"))

    def draw_halo_says(self, canvas: Canvas, box: Rect, text: str) -> None:
        """A notification from Halo, as the phone shows it, on the answer card."""
        theme = canvas.theme
        canvas.rect(box, NOTIFY_CARD, radius=20)
        icon = Rect(box.x + 20, box.centery - 28, 56, 56)
        picture = self.visit.level.feed_pictures.notify
        if picture:
            canvas.thing(picture, icon)
        words = Rect(icon.right + 20, box.y + 10, box.right - icon.right - 40, box.h - 20)
        label_h = round(canvas.line_height(theme.s("small"), "bold"))
        canvas.text("Halo", Rect(words.x, words.y, words.w, label_h), theme.s("small"), theme.c("primary"), "bold")
        body = Rect(words.x, words.y + label_h, words.w, words.h - label_h)
        canvas.paragraph(text, body, theme.s("body"), theme.c("card_text"), "semibold", valign="center")

    def draw_door(self, canvas: Canvas, door: DoorAnswer) -> None:
        """The door as an object: it unlocks, or stays locked under a stamp (the moment plays once)."""
        progress = 1.0 if self.ctx.settings.reduced_motion else ease(self.moment)
        stamp = {"money": "door.stamp_money", "declined": "door.stamp_declined"}.get(door.reason, "door.stamp")
        canvas.clip(self.door_box.inflate(8, 8))  # the falling stamp, larger than its box, stays where animate clears
        door_picture(canvas, self.door_box, door.picture, door.outcome, progress, self.t(stamp))
        canvas.clip(None)

    def animate(self, canvas: Canvas) -> list[Rect] | None:
        """Only the door (while its moment plays) and the sliding feed card move: redraw
        those, nothing else."""
        rects: list[Rect] = []
        if self.after is not None and self.after.door is not None and self.moment < 1.0:
            view = after_view(self.visit, self.words, self.after)
            if view.door is None:
                return None
            canvas.rect(self.door_box.inflate(8, 8), canvas.theme.c("card"))
            self.draw_door(canvas, view.door)
            rects.append(self.door_box.inflate(8, 8))
        if self.feed_sliding():
            speaker = self.view.speaker.id if self.view.speaker else None
            rects += self.phone_parts(canvas, feed=True, clock=self.view.clock, speaker=speaker)
        return rects

    def speech(self) -> list[str]:
        """The scene (title, when, who speaks, its text, the choices out of reach), or the
        answer card (the choice, the door's verdict and words, who it hurt, the reply)."""
        view = self.view
        if self.after is None:
            lines = [view.title, view.header]
            if view.speaker is not None:
                lines.append(f"{view.speaker.name}, {view.speaker.role}")
            lines.append(view.text)
            lines += [self.t("speech.not_possible", choice=o.text) for o in view.options if not o.available]
            return lines
        after = after_view(self.visit, self.words, self.after)
        lines = [after.chosen]
        if self.appealed:  # what changed, first
            lines.insert(0, self.t("door.appeal_registered"))
        if after.door is not None:
            lines += [f"{after.door.name}, {after.door.label}.", after.door.body]
        lines += [person.line for person in after.reactions]
        lines += [after.reply, after.notify, *after.spoken_ratings]
        return lines

    def on_back(self) -> Transition | None:
        """From a long scene's choices back to its text; a choice made is never undone."""
        if self.after is None and self.text_read:
            self.text_read = False
        return None

    def on_button(self, button_id: str) -> Transition | None:
        visit = self.visit
        if button_id.startswith("option:"):
            visit.choose(button_id.split(":", 1)[1])
            self.after = visit.take_after_choice()
            if self.after is None:
                return Next()
            self.moment = 0.0
            if self.after.door is not None:
                self.ctx.play("refuse" if self.after.door.outcome == "refuse" else "granted")
            elif self.after.notify is not None:
                self.ctx.play("chime")
        elif button_id == "read":
            self.text_read = True
        elif button_id == "appeal" and self.after is not None and self.after.door is not None:
            visit.appeal(self.after.door.door)
            self.appealed = True
        elif button_id == "continue":
            return Next()
        return None
