"""SIGTERM and SIGINT end the game within 2 s in every mode, kiosk too; the session is recorded as abandoned."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.paths import LEVELS_DIR, ROOT
from game.stats.store import StatsStore
from tests.screens.helpers import begin, make_app

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.fixture
def handlers() -> Iterator[None]:
    """Install the game's handlers for one test, then give pytest its own back."""
    from game.kiosk import signals

    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    signals.reset()
    assert signals.install()
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signals.reset()


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "window"])
def test_a_stop_signal_ends_the_loop_and_records_the_session_as_abandoned(
    tmp_path: Path, handlers: None, signum: int, kiosk: bool
) -> None:
    db = tmp_path / "stats.db"
    app = make_app(kiosk=kiosk, stats=True)
    app.stats_path = db
    app.ctx._stats = StatsStore(db)
    app.ctx.kiosk.admin_pin = "604917"
    begin(app)  # a visitor in the middle of a month
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signum))
    timer.start()
    started = time.monotonic()
    try:
        code = app.run()
    finally:
        timer.cancel()
        app.quit()
    assert time.monotonic() - started < 2.0
    assert code == 128 + signum
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT completed FROM sessions").fetchall() == [(0,)]


def test_without_a_signal_nothing_is_requested() -> None:
    from game.kiosk import signals

    signals.reset()
    assert not signals.requested() and signals.exit_code() == 0 and signals.name() == ""


CONFIG = f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\nwindow: 640x480\n'


def wait_for(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def game_log(data: Path) -> str:
    path = data / "logs" / "game.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_real_kiosk_game_stops_within_2_s(tmp_path: Path, signum: int) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    data = Path(os.environ["OPEN_SESAME_DATA"])
    game = subprocess.Popen(
        [sys.executable, "-m", "game", "--kiosk", "--config", str(config)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
    )
    try:
        wait_for(lambda: (data / "logs" / "game.log").exists())  # logging is set up: the window comes next
        time.sleep(1.5)  # in its loop
        sent = time.monotonic()
        game.send_signal(signum)
        code = game.wait(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert code == 128 + signum
    assert "Traceback" not in (game.stderr.read() if game.stderr else "")
    assert f"stopped by {signal.Signals(signum).name}" in game_log(data)


@posix_only
def test_the_supervised_kiosk_stops_within_2_s_and_exits_0(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    data = Path(os.environ["OPEN_SESAME_DATA"])
    sup = subprocess.Popen(
        [sys.executable, "-m", "game", "kiosk", "--config", str(config)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
    )
    try:
        wait_for(lambda: (data / "logs" / "game.log").exists())
        time.sleep(1.5)
        sent = time.monotonic()
        sup.send_signal(signal.SIGTERM)
        code = sup.wait(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        if sup.poll() is None:
            sup.kill()
            sup.wait()
    assert code == 0
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    kiosk = (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "stopped on request; the game ended with exit code 143 (after SIGTERM)" in kiosk
    assert "killing it" not in kiosk and "ignored SIGTERM" not in kiosk
