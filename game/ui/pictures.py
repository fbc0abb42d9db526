"""The game's pictures, composed: a scene's place and stakes, a face with its score, a door.

Everything is drawn from ids the level names (the SVGs of ``assets/art``), so a level
that names no picture still draws (placeholders). Pictures never sit behind body text:
each has its own panel.
"""

from __future__ import annotations

import math

from game.ui.canvas import Canvas, Rect
from game.ui.theme import Colour, mix

PANEL = (226, 236, 247)  # the Halo world's pastel sky behind a scene's picture
GROUND = (214, 226, 240)


def scene_picture(canvas: Canvas, box: Rect, picture: tuple[str, ...], reserve: int = 0) -> None:
    """A scene's place (the first picture, large) and what is at stake (the others, in front).

    ``reserve`` keeps that many pixels free on the right for the speaker's face: the place
    and the first stake shrink to fit beside it, so no stake hides behind the face.
    """
    canvas.rect(box, PANEL, radius=28)
    canvas.rect(Rect(box.x, box.bottom - box.h // 4, box.w, box.h // 4), GROUND, radius=28)
    if not picture:
        return
    place, *stakes = picture
    big, small = round(box.h * 0.8), round(box.h * 0.42)
    right = box.right - 10 - reserve
    if stakes and reserve:
        room, need = right - box.x - 24 - 10, big + small
        if need > room:
            big, small = round(big * room / need), round(small * room / need)
    canvas.thing(place, Rect(box.x + 24, box.bottom - big - 10, big, big))
    x = box.x + 24 + big + 10
    for oid in stakes[:2]:
        if x + small > right:
            break
        canvas.thing(oid, Rect(x, box.bottom - small - 14, small, small))
        x += small + 12


def face(
    canvas: Canvas,
    centre: tuple[float, float],
    size: float,
    portrait: str,
    mood: str = "happy",
    ring: Colour | None = None,
    grey: bool = False,
) -> Rect:
    """A round portrait (a disc behind it, the person drawn on it); returns its box."""
    box = Rect(round(centre[0] - size / 2), round(centre[1] - size / 2), round(size), round(size))
    backing = (235, 238, 244) if not grey else (205, 208, 214)
    canvas.circle(centre, size / 2, ring or backing)
    if ring is not None:
        canvas.circle(centre, size / 2 - max(3, size * 0.05), backing)
    canvas.face(portrait, mood, box.inflate(-round(size * 0.08), -round(size * 0.08)), grey=grey)
    return box


def bubble_box(
    canvas: Canvas, anchor: tuple[float, float], score: int, size: float, right: float | None = None
) -> Rect:
    """Where :func:`score_bubble` draws its pill (an animation redraws only that)."""
    w, h = canvas.measure(str(score), size, "bold")
    pill = Rect(round(anchor[0]), round(anchor[1] - h * 0.55), round(w + h * 0.7), round(h * 1.1))
    if right is not None and pill.right > right:  # kept inside its screen
        pill.x -= pill.right - round(right)
    return pill


def score_bubble(
    canvas: Canvas, anchor: tuple[float, float], score: int, size: float, ink: Colour, right: float | None = None
) -> Rect:
    """The number floating beside a face (Nosedive): a white pill around it, in the dial's colour.

    The pill grows with its number (larger text makes it larger, never the number smaller).
    Returns the pill's box.
    """
    pill = bubble_box(canvas, anchor, score, size, right)
    canvas.rect(pill, (255, 255, 255), radius=round(pill.h / 2))
    canvas.text(str(score), pill, size, ink, "bold", "center", "center", shrink=False)
    return pill


def door_picture(
    canvas: Canvas, box: Rect, picture: str | None, outcome: str, progress: float = 1.0, verdict: str = ""
) -> None:
    """A door as an object: unlocked when granted (or on deposit), locked with a stamp when refused.

    ``progress`` runs 0 → 1 as the moment plays (the lock opening, the stamp landing);
    at 1 it is the final, still picture that reduced motion shows at once.
    """
    theme = canvas.theme
    granted = outcome != "refuse"
    opened = mix(theme.c("good"), (255, 255, 255), 0.82) if outcome == "grant" else PANEL
    canvas.rect(box, opened if granted else (236, 229, 226), radius=24)
    side = round(min(box.h, box.w) * 0.78)
    thing = Rect(box.x + (box.w - side) // 2, box.y + (box.h - side) // 2, side, side)
    if picture is not None:
        canvas.thing(picture, thing)
    canvas.thing("unlocked" if granted and progress >= 0.5 else "locked", lock_box(box, granted, progress))
    if not granted and verdict:  # across the lower third: the object stays visible above it
        stamp(canvas, stamp_area(box), verdict, progress)


def lock_box(box: Rect, granted: bool, progress: float) -> Rect:
    """The padlock in a door's corner, lifting as a granted door's moment plays."""
    lock = round(round(min(box.h, box.w) * 0.78) * 0.36)
    lift = round(lock * 0.35 * (progress if granted else 0.0))
    return Rect(box.right - lock - 10, box.y + 10 - lift // 3, lock, lock)


def stamp_area(box: Rect) -> Rect:
    """Where a refused door's stamp lands: across its lower third."""
    return Rect(box.x + round(box.w * 0.04), box.y + round(box.h * 0.62), round(box.w * 0.92), round(box.h * 0.26))


def door_moving(box: Rect, outcome: str, verdict: str = "") -> Rect:
    """All a door's moment changes (the lock lifting, the stamp falling from its largest):
    an animation redraws only that while the door's outcome stays."""
    if outcome != "refuse":
        return lock_box(box, True, 0.0).union(lock_box(box, True, 1.0))
    return stamp_box(stamp_area(box), 0.0) if verdict else lock_box(box, False, 0.0)


def stamp_box(area: Rect, progress: float) -> Rect:
    """The stamp's box as it falls: larger (nearer) at first, ``area`` once landed."""
    scale = 1.6 - 0.6 * min(1.0, max(0.0, progress))
    w, h = round(area.w * scale), round(area.h * scale)
    return Rect(area.centerx - w // 2, area.centery - h // 2, w, h)


def stamp(canvas: Canvas, area: Rect, words: str, progress: float = 1.0) -> None:
    """A rubber stamp that falls from above onto ``area`` (at 1 it has landed, full colour)."""
    theme = canvas.theme
    landed = min(1.0, max(0.0, progress))
    scale = 1.6 - 0.6 * landed
    box = stamp_box(area, landed)
    h = box.h
    colour = mix(theme.c("bad"), (255, 255, 255), 1.0 - landed)
    canvas.rect(box, (255, 255, 255), radius=10)
    canvas.rect(box, colour, radius=10, width=max(4, round(6 * scale)))
    # Part of the picture: its words are drawn as at normal text size, whatever the switch
    # (larger text cut "INSUFFICIENT SCORE" inside it); they are in the text beside it too.
    kept, canvas.text_scale = canvas.text_scale, 1.0
    try:
        size = min(theme.s("heading") * scale, h * 0.5)
        inside = box.inflate(-20, -8)
        capitals = words.upper()
        fitted = canvas.fit_size(capitals, inside, size, "bold")
        if all(canvas.measure(word, fitted, "bold")[0] <= inside.w for word in capitals.split()):
            words = capitals  # a stamp shouts, when its words fit whole
        canvas.paragraph(words, inside, size, colour, "bold", "center", spacing=1.0, valign="center")
    finally:
        canvas.text_scale = kept


def ease(t: float) -> float:
    """Smooth in and out, 0 → 1."""
    t = min(1.0, max(0.0, t))
    return 0.5 - math.cos(math.pi * t) / 2
