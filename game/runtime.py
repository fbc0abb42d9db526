"""The game's running services, which screens reach through :class:`~game.screens.context.Context`.

Settings, words, the theme, pictures, sound, speech (audio mode), the level (read right after the first
frame), the visitor's visit, the statistics and the technician's services. The loop
(:mod:`game.app`) owns one and the window; nothing here knows about the screen stack.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.datadir import data_dir
from game.i18n import Catalog, load_catalog
from game.kiosk.logtail import log_tail
from game.kiosk.pinlock import PinLock
from game.present.words import Words
from game.settings import Settings
from game.speech import Announcer, NullSpeaker, Speaker, make_speaker, reads_speech_file
from game.speech.base import REASON_OFF
from game.ui.art import Art
from game.ui.canvas import Canvas
from game.ui.sound import Sound
from game.ui.theme import Theme, load_theme
from game.ui.toolbar import toolbar, toolbar_action
from game.ui.widgets import Button, mm_to_logical

if TYPE_CHECKING:  # imported when first used: the attract loop's first frame needs none of them
    from game.content.models import Level
    from game.debrief.opening import Opening
    from game.stats import StatsStore
    from game.visit import Visit

log = logging.getLogger("open_sesame")
SPEECH_ENGINE_ENV = "OPEN_SESAME_SPEECH"
"""The speech engine: auto (default: eSpeak NG if installed), espeak, none, or fake (tests, demos)."""


class KioskServices:
    """What the admin screens use: the PIN and its lock, the log tail, saving a visit."""

    def __init__(self, admin_pin: str, clock: Callable[[], float], runtime: Runtime) -> None:
        self.admin_pin = admin_pin
        self.pin_lock = PinLock(clock)  # one lock: closing and reopening the pad keeps the count
        self.runtime = runtime

    def log_tail(self, lines: int) -> list[str]:
        return log_tail(lines)

    def save_visit(self) -> Path | None:
        """The visit in progress, or the last one, saved for a bug report."""
        from game.visit.saved import save_visit

        visit = self.runtime.visit or self.runtime.last_visit
        return save_visit(visit) if visit is not None else None


class Runtime:
    """Everything a screen may use (the Context), and the visit's life cycle."""

    def __init__(
        self,
        level: Level | Callable[[], Level],
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        admin_pin: str = "",
        level_path: Path | None = None,
        stats_path: Path | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.theme: Theme = load_theme()
        self.catalog: Catalog = load_catalog()
        self.art = Art()
        self.sound = Sound()
        engine = os.environ.get(SPEECH_ENGINE_ENV, "auto")
        self._make_speaker = speaker is None and reads_speech_file(engine)  # eSpeak: once the first frame is up
        if self._make_speaker:
            speaker = NullSpeaker("speech is starting", REASON_OFF)  # until settle()
        self.speaker = speaker or make_speaker(True, engine)
        self.announcer = Announcer(self.speaker, lambda: self.settings.lang, enabled=False)  # the loop switches it
        self.kiosk = KioskServices(admin_pin, clock, self)
        self.level_path = level_path
        self.stats_path = stats_path
        self.show_focus = False
        self._openings: dict[str, Opening] = {}  # choices that could not be saved
        self.scale_now = 1.0
        self.needs_redraw = False
        self._level: Level | None = None
        self._load = level if callable(level) else None
        if not callable(level):
            self.adopt_level(level)
        self._visit: Visit | None = None
        self.last_visit: Visit | None = None
        self._stats: StatsStore | None = None  # opened by settle(), once the first frame is up
        self.defaults = (settings.larger_text, settings.reduced_motion, settings.sound, settings.audio)
        self.viewport_to_logical: Callable[[float, float], tuple[float, float]] = lambda x, y: (x, y)

    def settle(self) -> None:
        """What waits for the first frame: the speaker, the statistics, the level, the UI
        catalog's other files (the debrief's, the reveal's).

        A kiosk shows its attract loop first; then this reads and checks what the game
        needs before a visitor can start (a bad level still stops it, with every problem).
        """
        if self._make_speaker:
            self._make_speaker = False
            self.speaker = make_speaker(True, os.environ.get(SPEECH_ENGINE_ENV, "auto"))
            self.announcer.speaker = self.speaker
        self.statistics()
        self.catalog.complete()
        _ = self.level

    # -- the level --------------------------------------------------------------------------------
    @property
    def level(self) -> Level:
        if self._level is None:
            assert self._load is not None
            self.adopt_level(self._load())
            self.needs_redraw = True
        assert self._level is not None
        return self._level

    def adopt_level(self, level: Level) -> None:
        """Play ``level``. It may offer fewer languages than the interface: only those are offered."""
        self._level = level
        settings = self.settings
        offered = [lang for lang in settings.languages if lang in level.languages] or list(level.languages)
        settings.languages = offered
        if settings.lang not in offered:
            settings.lang = offered[0]
        if settings.default_lang not in offered:
            settings.default_lang = offered[0]

    @property
    def loaded_level(self) -> Level | None:
        return self._level

    def switch_level(self, level: Level, path: Path) -> None:
        self.end_visit()
        self.adopt_level(level)
        self.level_path = path
        log.info("level switched to %s", path)

    # -- the visit ----------------------------------------------------------------------------------
    @property
    def visit(self) -> Visit | None:
        return self._visit

    def begin_visit(self, persona: str) -> Visit:
        from game.visit import Visit

        self.last_visit = None
        self._visit = Visit.begin(self.level, persona, self.settings.seed, self.clock)
        return self._visit

    def end_visit(self) -> None:
        """Record the visit once (if statistics are on) and forget it (the technician may
        still save the last one for a bug report, until the next visitor starts)."""
        if self._visit is not None:
            from game.stats.recorder import record_visit

            record_visit(self._visit, self.settings, self.statistics())
            self.last_visit = self._visit
        self._visit = None

    def reset_visitor(self, keep_language: bool = False) -> None:
        """A new visitor: nothing of the last one kept (the kiosk's defaults back)."""
        lang = self.settings.lang
        self.end_visit()
        settings = self.settings
        settings.larger_text, settings.reduced_motion, settings.sound, settings.audio = self.defaults
        settings.lang = lang if keep_language else settings.default_lang

    # -- words, sizes, sound ------------------------------------------------------------------------
    def words(self) -> Words:
        return Words(self.catalog, self.settings.lang, self._level)

    def now(self) -> float:
        return float(self.clock())

    def play(self, cue: str) -> None:
        self.sound.play(cue, self.settings.sound)

    def redraw(self) -> None:
        self.needs_redraw = True

    def min_target(self) -> float:
        """20 mm at the configured PPI, in logical pixels, never below the theme's button."""
        theme = self.theme
        larger = theme.s("larger_button_scale") if self.settings.larger_text else 1.0
        wanted = max(
            theme.s("button_height") * larger, mm_to_logical(theme.s("target_mm"), self.settings.ppi, self.scale_now)
        )
        # layouts are fixed logical grids: past this share of the height they would not fit
        return min(wanted, theme.height * theme.s("max_target_share"))

    def gap(self) -> float:
        return max(24.0, mm_to_logical(self.theme.s("gap_mm"), self.settings.ppi, self.scale_now))

    def scale(self) -> float:
        return self.scale_now

    def to_logical(self, x: float, y: float) -> tuple[float, float]:
        return self.viewport_to_logical(x, y)

    def toolbar(self, canvas: Canvas) -> list[Button]:
        unavailable = self.audio_unavailable()
        return toolbar(canvas, self.words(), self.settings, self.min_target(), audio_unavailable=unavailable)

    def speaking(self) -> bool:
        return self.settings.audio and self.speaker.busy

    def audio_unavailable(self) -> str:
        """Why speech cannot be heard, as a catalog key ("" when it can)."""
        speaker = self.speaker
        return "" if speaker.available else (speaker.reason_key or "speech.unavailable_broken")

    def toolbar_action(self, button_id: str) -> None:
        toolbar_action(self.settings, button_id)

    # -- statistics ---------------------------------------------------------------------------------
    @property
    def openings_path(self) -> Path:
        """The facilitator's choice of debrief per level, beside the statistics."""
        folder = self.stats_path.parent if self.stats_path is not None else data_dir()
        from game.debrief.opening import FILE_NAME

        return folder / FILE_NAME

    def debrief_opening(self) -> Opening:
        from game.debrief import opening

        kept = self._openings.get(self.level.id)
        return kept if kept is not None else opening.opening(self.level, self.openings_path)

    def choose_debrief_opening(self, value: Opening) -> None:
        from game.debrief import opening

        try:
            opening.choose(self.level, value, self.openings_path)
        except OSError as err:  # a read-only data folder: the choice holds for this run only
            log.warning("debrief opening not saved: %s", err)
            self._openings[self.level.id] = value

    def statistics(self) -> StatsStore | None:
        if not self.settings.stats:
            return None  # with statistics off, nothing is opened and nothing is created
        if self._stats is None:
            from game.stats import StatsStore

            self._stats = StatsStore(self.stats_path, warm=True)
        return self._stats

    def close(self) -> None:
        self.end_visit()
        self.speaker.close()
        if self._stats is not None:
            self._stats.close()
