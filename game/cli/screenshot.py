"""``python -m game screenshot``: render any screen to a PNG, headless, from a seeded month.

Examples::

    python -m game screenshot --screen scene --scene bike --lang en --out bike.png
    python -m game screenshot --screen debrief --panel rules --lang fr --out rules.png
    python -m game screenshot --all --out docs/screenshots
    python -m game screenshot --all --lang de --out docs/screenshots
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

SCREENS = [
    "attract",
    "persona",
    "consent",
    "week",
    "scene",
    "door",
    "granted",
    "blacklist",
    "publication",
    "end",
    "reveal",
    "debrief",
    "join_again",
    "thanks",
    "declined",
    "idle",
    "pin",
    "admin",
    "facilitator",
    "sandbox",
]
DEMO_CLASS = 30
"""The rules sandbox's screenshot shows a demonstration class of this many bot-played months."""


REVEAL_STEPS = ["1", "2", "3", "4"]


def parser() -> argparse.ArgumentParser:
    from game.cli.play import parse_size

    p = argparse.ArgumentParser(
        prog="python -m game screenshot", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--screen", choices=SCREENS, default="scene")
    p.add_argument("--scene", default=None, help="a scene id of the level (with --screen scene)")
    p.add_argument("--panel", default=None, help="a debrief panel (with --screen debrief)")
    p.add_argument("--step", type=int, default=1, choices=[1, 2, 3, 4], help="a step of the guided reveal")
    p.add_argument("--page", type=int, default=0, help="a page of that panel (a large number: its last page)")
    p.add_argument(
        "--press",
        action="append",
        default=[],
        metavar="BUTTON",
        help="with --screen sandbox: a button to press first, e.g. preset:fair, tab:doors, weight:+:connections",
    )
    p.add_argument("--persona", default=None)
    p.add_argument("--lang", default=None, help="one language (default: the level's first; with --all, every one)")
    p.add_argument("--level", type=Path, default=None)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--size", type=parse_size, default=(1920, 1080))
    p.add_argument("--larger-text", action="store_true")
    p.add_argument("--out", type=Path, required=True, help="PNG file, or a folder with --all")
    p.add_argument("--all", action="store_true", help="every screen (and debrief panel) in each language")
    return p


def run(argv: list[str]) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    args = parser().parse_args(argv)
    from game.content.load import ContentInvalid, load_level
    from game.paths import DEFAULT_LEVEL

    try:
        level = load_level(args.level or DEFAULT_LEVEL)
    except ContentInvalid as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 2
    try:
        if args.all:
            from game.screens.debrief import PANELS

            for lang in [args.lang] if args.lang else level.languages:
                for screen in SCREENS:
                    panels = PANELS if screen == "debrief" else REVEAL_STEPS if screen == "reveal" else [None]
                    for panel in panels:
                        name = f"{screen}-{panel}" if panel else screen
                        out = args.out / f"{name}-{lang}.png"
                        render(level, args, screen, lang, out, panel=panel)
                        print(out)
            return 0
        lang = args.lang or level.languages[0]
        panel = str(args.step) if args.screen == "reveal" else args.panel
        render(level, args, args.screen, lang, args.out, scene=args.scene, panel=panel)
    except (LookupError, CannotWrite) as err:
        print(f"screenshot: {err}", file=sys.stderr)
        return 2
    except RuntimeError as err:  # the level never reaches the screen asked for
        print(f"screenshot: {err}", file=sys.stderr)
        return 2
    print(args.out)
    return 0


def render(
    level: object,
    args: argparse.Namespace,
    screen: str,
    lang: str,
    out: Path,
    scene: str | None = None,
    panel: str | None = None,
) -> None:
    ticks = itertools.count()
    with demo_statistics(level, screen) as stats_path:
        _render(level, args, screen, lang, out, scene, panel, stats_path, ticks)


def _render(
    level: object,
    args: argparse.Namespace,
    screen: str,
    lang: str,
    out: Path,
    scene: str | None,
    panel: str | None,
    stats_path: Path | None,
    ticks: Iterator[int],
) -> None:
    import pygame

    from game.app import App
    from game.content.models import Level
    from game.settings import Settings
    from game.tools.drive import settle

    assert isinstance(level, Level)
    settings = Settings(
        lang=lang,
        default_lang=lang,
        languages=list(level.languages),
        seed=args.seed,
        larger_text=args.larger_text,
        kiosk=screen in ("pin", "idle"),
        stats=stats_path is not None,
    )
    app = App(
        level,
        settings,
        size=args.size,
        clock=lambda: next(ticks) * 10.0,
        admin_pin="604917" if screen == "pin" else "",
        stats_path=stats_path,
    )
    try:
        stage(app, screen, scene, panel, args.persona or level.personas[0].id, random.Random(args.seed))
        if screen == "debrief" and bool(getattr(args, "page", 0)) and app.top.name == "debrief":
            app.top.pages[app.top.current] = args.page  # type: ignore[attr-defined]
            app.draw()  # a page past the end shows the last one
        for pressed in getattr(args, "press", []) if screen == "sandbox" else []:
            app.draw()
            found = next((b for b in app.top.buttons if b.id == pressed), None)
            if found is None:
                raise LookupError(f"no button {pressed!r} on the sandbox now")
            app.apply(app.top.press(found))
        settle(app)  # the moment a visitor sees last: the count landed, the stamp down
        app.draw()
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(app.window, str(out))
        except (OSError, pygame.error) as err:
            raise CannotWrite(f"cannot write {out}: {getattr(err, 'strerror', None) or err}") from None
    finally:
        app.quit()


@contextlib.contextmanager
def demo_statistics(level: object, screen: str) -> Iterator[Path | None]:
    """For the sandbox, a throw-away statistics file holding a demonstration class (bots'
    months, see game/sandbox/demo.py); for every other screen, none (statistics off)."""
    if screen != "sandbox":
        yield None
        return
    from game.content.models import Level
    from game.sandbox.demo import bot_months, record_class
    from game.stats.store import StatsStore

    assert isinstance(level, Level)
    with tempfile.TemporaryDirectory(prefix="open-sesame-demo-") as folder:
        path = Path(folder) / "stats.db"
        with StatsStore(path) as store:
            record_class(store, level, bot_months(level, DEMO_CLASS))
        yield path


class CannotWrite(Exception):
    """The PNG could not be written (a full disk, a folder in the way, no permission)."""


def stage(app: object, screen: str, scene: str | None, panel: str | None, persona: str, rng: random.Random) -> None:
    """Bring the app to ``screen`` by playing through the real screens, as a visitor would."""
    from game.app import App
    from game.screens.scene import SceneScreen
    from game.screens.transitions import Goto, Push
    from game.tools.autoplay import play_until
    from game.tools.drive import open_debrief, press

    assert isinstance(app, App)
    log: dict[str, str] = {}
    if screen in ("scene", "door", "granted", "blacklist"):
        persona, seed, log = find_path(app, scene, "scene" if screen == "scene" else screen)
        app.ctx.settings.seed = seed
    if screen == "attract":
        return
    app.draw()
    press(app, next(b for b in app.top.buttons if b.id == f"lang:{app.ctx.settings.lang}"))
    if screen == "persona":
        return
    app.draw()
    press(app, f"persona:{persona}")
    app.draw()
    if app.top.name == "persona":  # the card could not hold this life whole: it opened first
        press(app, "live")
    if screen == "consent":
        return
    app.draw()
    press(app, "decline" if screen == "declined" else "accept")
    if screen == "week":
        return

    def follow(app_: App, _: random.Random) -> str | None:
        here = app_.ctx.visit.session.scene_id if app_.ctx.visit else None
        return f"option:{log[here]}" if here in log and app_.top.name == "scene" else None

    if screen == "scene":
        play_until(
            app,
            lambda s: isinstance(s, SceneScreen) and s.after is None and (scene is None or s.scene_id == scene),
            rng,
            choose=follow,
        )
    elif screen in ("door", "granted"):
        wanted = "refuse" if screen == "door" else "grant"
        play_until(
            app,
            lambda s: (
                isinstance(s, SceneScreen)
                and s.after is not None
                and s.after.door is not None
                and s.after.door.outcome == wanted
            ),
            rng,
            choose=follow,
        )
    elif screen == "blacklist":
        play_until(app, lambda s: s.name == "blacklist", rng, choose=follow)
    elif screen == "publication":
        play_until(app, lambda s: s.name == "publication", rng)
    else:
        play_until(app, lambda s: s.name == "end", rng)
    if screen == "debrief":
        open_debrief(app, panel)
    elif screen == "reveal":
        app.apply(Goto("reveal", {"step": int(panel or 1) - 1}))
        if panel in (None, "1"):  # the mirror after a guess: the chart and its causes
            app.draw()
            press(app, f"step:guess:{app.ctx.level.categories[0].id}")
    elif screen in ("join_again", "thanks"):
        open_debrief(app, "kiosk")
        app.draw()
        press(app, "finish")
        if screen == "thanks":
            app.draw()
            press(app, "yes")
    elif screen == "idle":
        app.apply(Push("idle", {"seconds": 14}))
    elif screen in ("pin", "admin", "facilitator", "sandbox"):
        app.apply(Push(screen))


def find_path(app: object, scene: str | None, goal: str = "scene") -> tuple[str, int, dict[str, str]]:
    """A persona, seed and choices (scene -> option) that reach ``goal``.

    ``goal`` is ``scene`` (the scene named, or the first), ``door`` (a refused door),
    ``granted`` (a door that opens) or ``blacklist`` (the visitor put on the list).
    """
    from game.app import App
    from game.core.events import DoorChecked, FlagChanged
    from game.core.session import Session

    assert isinstance(app, App)
    level = app.ctx.level
    if scene is not None and scene not in {s.id for w in level.weeks for s in w.scenes} | {
        s.id for s in level.side_scenes
    }:
        raise LookupError(f"the level has no scene {scene!r} in its weeks")
    doors = goal in ("door", "granted")

    def reached(events: list[object]) -> bool:
        if goal == "scene":  # reached by arriving, above, not by an answer
            return False
        if goal == "blacklist":
            return any(isinstance(e, FlagChanged) and e.flag == "blacklisted" and e.value for e in events)
        wanted = "refuse" if goal == "door" else "grant"
        return any(isinstance(e, DoorChecked) and e.outcome == wanted for e in events)

    rng = random.Random(1)
    for attempt in range(3000):
        persona = level.personas[attempt % len(level.personas)].id
        seed = attempt
        session = Session(level, persona, seed)
        session.choose("accept")
        choices: dict[str, str] = {}
        while not session.over:
            here = session.scene_id
            if goal == "scene" and (scene is None or here == scene):
                return persona, seed, choices
            assert here is not None
            with_door = [v.option.id for v in session.options() if v.available and v.option.door]
            pick = rng.choice(with_door) if doors and with_door else rng.choice(session.option_ids())
            choices[here] = pick
            if reached(list(session.choose(pick))):
                return persona, seed, choices
    raise LookupError(f"no playthrough found that reaches {scene or goal!r}")
