"""A scene's ``speaker_mood`` is the face on screen: before the choice, after it, and not
where the words shown carry none (then the month's face, as :func:`game.present.phone.mood`)."""

from __future__ import annotations

import random

import pytest

from game.app import App
from game.cli.screenshot import stage
from game.content.load import load_level
from game.content.models import Level, Scene
from game.paths import LEVELS_DIR
from game.present.phone import mood
from game.present.scene import scene_view
from game.tools.drive import press
from tests.screens.helpers import make_app

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")
WORKSHOP = load_level(LEVELS_DIR / "workshop.yaml")


def faces_drawn(app: App, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (portrait, expression) of every face the next frame draws."""
    drawn: list[tuple[str, str]] = []
    real = app.canvas.face

    def record(pid: str, expression: str, *args: object, **kwargs: object) -> None:
        drawn.append((pid, expression))
        real(pid, expression, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app.canvas, "face", record)
    app.draw()
    monkeypatch.undo()
    return drawn


def at_scene(level: Level, scene: str) -> App:
    app = make_app(level, lang="en")
    stage(app, "scene", scene, None, level.personas[0].id, random.Random(7))
    app.draw()
    assert app.top.name == "scene" and app.ctx.visit is not None
    assert app.ctx.visit.session.scene_id == scene
    return app


def test_the_neighbour_who_gave_two_stars_is_not_drawn_grinning(monkeypatch: pytest.MonkeyPatch) -> None:
    app = at_scene(KIOSK, "building_rating")
    visit = app.ctx.visit
    assert visit is not None and mood(visit, "gloria") == "happy"  # what the month alone would draw
    assert ("gloria", "cold") in faces_drawn(app, monkeypatch)
    assert ("gloria", "happy") not in faces_drawn(app, monkeypatch)
    press(app, "option:not_my_bike")  # "Oh really? Whose, then?" The two stars stay.
    assert ("gloria", "cold") in faces_drawn(app, monkeypatch)


def test_after_a_choice_without_a_face_of_its_own_the_month_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    app = at_scene(KIOSK, "building_rating")
    press(app, "option:flatter")  # four stars, "a charming person": her face as the month left it
    visit = app.ctx.visit
    assert visit is not None
    assert ("gloria", mood(visit, "gloria")) in faces_drawn(app, monkeypatch)
    assert mood(visit, "gloria") != "cold"


def test_the_sample_scene_shows_its_speaker_mood(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.screens.helpers import SAMPLE

    sample = load_level(SAMPLE)
    app = at_scene(sample, "post")
    assert ("mei", "worried") in faces_drawn(app, monkeypatch)
    press(app, "option:like")
    assert ("mei", "happy") in faces_drawn(app, monkeypatch)


def scenes_with_a_face(level: Level) -> list[Scene]:
    return [s for s in [*(s for w in level.weeks for s in w.scenes), *level.side_scenes] if s.speaker_mood]


@pytest.mark.parametrize("level", [KIOSK, WORKSHOP], ids=["kiosk", "workshop"])
def test_every_shipped_speaker_mood_reaches_the_scene_view(level: Level) -> None:
    """Each scene that names a face shows it, whoever lives the month (a persona whose month
    the scene's own text_when retells keeps that line's face instead)."""
    app = make_app(level, lang="en")
    scenes = scenes_with_a_face(level)
    assert len(scenes) >= 5
    for scene in scenes:
        stage(app, "scene", scene.id, None, level.personas[0].id, random.Random(7))
        visit = app.ctx.visit
        assert visit is not None and visit.session.scene_id == scene.id
        view = scene_view(visit, app.ctx.words())
        assert view.speaker is not None
        retold = [line for line in scene.text_when if view.text in line.text.values()]
        want = retold[0].speaker_mood if retold else scene.speaker_mood
        assert view.speaker.mood == (want or mood(visit, scene.speaker or "")), scene.id
        app = make_app(level, lang="en")


def test_the_phone_shows_the_speaker_with_the_scenes_face_greyed_only_if_they_dropped_you() -> None:
    from game.present.phone import phone_view

    app = at_scene(KIOSK, "building_rating")
    visit = app.ctx.visit
    assert visit is not None
    lines = {c.id: c for c in phone_view(visit, app.ctx.words(), 0.0, speaker="gloria", speaker_face="cold").contacts}
    assert (lines["gloria"].mood, lines["gloria"].grey) == ("cold", False)  # cold words, not a drop
    assert all(line.grey == (mood(visit, cid) == "cold") for cid, line in lines.items())
    others = phone_view(visit, app.ctx.words(), 0.0, speaker="gloria").contacts
    assert next(c for c in others if c.id == "gloria").mood == mood(visit, "gloria")


def test_a_face_goes_with_the_reply_said_a_reply_when_line_has_its_own() -> None:
    """Nadia's machine (workshop): "I understand", she goes without looking at you (sad);
    once you had dropped her, the line said instead names no face: the month's."""
    from game.core.events import Reply
    from game.present.scene import said_mood
    from game.visit.beats import AfterChoice

    scene = next(s for w in WORKSHOP.weeks for s in w.scenes if s.id == "nadia_machine")
    stay_out = next(o for o in scene.options if o.id == "stay_out")
    assert stay_out.reply_when and stay_out.reply_when[0].speaker_mood is None
    usual = AfterChoice("nadia_machine", "stay_out", Reply("nadia_machine", "stay_out"), None, None)
    variant = AfterChoice("nadia_machine", "stay_out", Reply("nadia_machine", "stay_out", 0), None, None)
    assert said_mood(stay_out, usual) == "sad"
    assert said_mood(stay_out, variant) is None
