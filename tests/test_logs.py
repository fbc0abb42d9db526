"""The log keeps what a bug report needs and no more: the replay line, hour-stamped, only when allowed."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import replay
from game.datadir import log_dir
from game.screens.admin import AdminScreen
from game.tools.drive import texts
from tests.langs import LANGS
from tests.screens.helpers import begin as start_a_month
from tests.screens.helpers import make_app, to_the_end


@pytest.fixture
def game_logs() -> Iterator[Path]:
    """The game's real logging set-up, pointed at the test's data directory, then taken down."""
    from game.cli.play import setup_logging

    setup_logging()
    try:
        yield log_dir()
    finally:
        take_down()


def take_down() -> None:
    for logger in (logging.getLogger("open_sesame"), logging.getLogger("open_sesame.sessions")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()


SESSIONS_LOG, GAME_LOG = "sessions.log", "game.log"


def play_a_month(**settings: object) -> object:
    app = make_app(lang="en", **settings)
    start_a_month(app)
    to_the_end(app)
    app.reset_to_attract()
    return app


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_replay_line_is_hour_stamped_and_not_in_the_game_log(game_logs: Path) -> None:
    app = play_a_month(stats=True)
    lines = read(game_logs / SESSIONS_LOG).splitlines()
    assert len(lines) == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}h session ended: level sample persona \w+ seed 5 .*", lines[0])
    assert not re.search(r"\d{2}:\d{2}", lines[0])  # never the minute, let alone the millisecond
    assert "session ended" not in read(game_logs / GAME_LOG)
    app.quit()  # type: ignore[attr-defined]


def test_the_replay_line_replays(game_logs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    play_a_month(stats=True)
    line = read(game_logs / SESSIONS_LOG).splitlines()[0]
    fields = re.search(r"level (\S+) persona (\S+) seed (\S+) variant (\S+) choices (.*)$", line)
    assert fields is not None
    level, persona, seed, variant, choices = fields.groups()
    code = replay.run(["--level", level, "--persona", persona, "--seed", seed, "--variant", variant, *choices.split()])
    assert code == 0, capsys.readouterr().err
    assert f"{level}: {persona}, seed {seed}" in capsys.readouterr().out


def test_nothing_is_logged_per_visitor_with_statistics_off(game_logs: Path) -> None:
    play_a_month(stats=False)
    assert "session ended" not in read(game_logs / SESSIONS_LOG) + read(game_logs / GAME_LOG)


def test_the_technician_can_ask_for_the_replay_line_anyway(game_logs: Path) -> None:
    play_a_month(stats=False, log_sessions=True)
    assert "session ended" in read(game_logs / SESSIONS_LOG)


def test_the_admin_log_tail_shows_no_visitor(game_logs: Path) -> None:
    app = play_a_month(stats=True)
    logging.getLogger("open_sesame").info("a technician's line")
    screen = AdminScreen(app.ctx)
    assert any("a technician's line" in line for line in screen.log_lines)
    assert not any("session ended" in line or "choices" in line for line in screen.log_lines)


def test_a_log_that_cannot_be_opened_goes_to_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.cli.play import setup_logging

    monkeypatch.setattr("game.datadir.log_dir", lambda: tmp_path / "no" / "such" / "folder")
    try:
        setup_logging()
        logging.getLogger("open_sesame").warning("still heard")
    finally:
        take_down()
    err = capsys.readouterr().err
    assert "cannot open game.log" in err and "still heard" in err


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_log_is_said_in_the_screens_language(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(lang=lang)
    monkeypatch.setattr(app.ctx.kiosk, "log_tail", lambda lines: [])
    app.stack.append(AdminScreen(app.ctx))
    app.draw()
    said = app.ctx.catalog("admin.log_empty", lang)
    assert said != "admin.log_empty" and said in texts(app)


def test_what_is_logged_before_the_first_frame_is_written_once_the_files_open() -> None:
    """The game holds its log until the first frame is up, then writes it in order, once."""
    from game.cli.play import hold_logging, setup_logging

    log = logging.getLogger("open_sesame")
    hold_logging()
    try:
        log.info("before the first frame")
        log.warning("a warning before it")
        assert not (log_dir() / GAME_LOG).exists()  # no file opened yet
        setup_logging()
        log.info("after it")
        setup_logging()  # once per process: nothing is written twice
        lines = read(log_dir() / GAME_LOG).splitlines()
        said = [line.split(": ", 1)[1] for line in lines]
        assert said == ["before the first frame", "a warning before it", "after it"]
    finally:
        take_down()
