"""A scene's picture: what is at stake is never hidden behind the speaker's face."""

from __future__ import annotations

from game.ui.canvas import Rect
from game.ui.pictures import scene_picture


class Recorder:
    """Just enough of a canvas to see where the pictures go."""

    def __init__(self) -> None:
        self.things: list[tuple[str, Rect]] = []

    def rect(self, *_: object, **__: object) -> None:
        pass

    def thing(self, oid: str, r: Rect) -> None:
        self.things.append((oid, r))


BOX = Rect(760, 98, 480, 240)  # the scene card's picture box


def test_without_a_speaker_the_place_and_two_stakes_fill_the_box() -> None:
    canvas = Recorder()
    scene_picture(canvas, BOX, ("houses", "sewing_needle", "star"))  # type: ignore[arg-type]
    assert [oid for oid, _ in canvas.things] == ["houses", "sewing_needle", "star"]
    assert all(r.right <= BOX.right for _, r in canvas.things)


def test_with_a_speaker_the_first_stake_stays_beside_the_face() -> None:
    for reserve in (16 + round(240 * 0.74), 16 + round(240 * 0.78)):
        canvas = Recorder()
        scene_picture(canvas, BOX, ("houses", "sewing_needle", "star"), reserve=reserve)  # type: ignore[arg-type]
        names = [oid for oid, _ in canvas.things]
        assert names[:2] == ["houses", "sewing_needle"], names  # the stake is still shown
        face_left = BOX.right - reserve
        assert all(r.right <= face_left for _, r in canvas.things), canvas.things
        assert canvas.things[1][1].w >= 60  # large enough to be seen
