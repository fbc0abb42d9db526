"""An unusable data directory never stops the game, the supervisor or the log: they fall back, and say so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from game import datadir
from game.paths import LEVELS_DIR, ROOT

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def side() -> Path:
    return Path(tempfile.gettempdir()) / f"open-sesame-{os.getuid() if hasattr(os, 'getuid') else 0}"


def test_a_usable_folder_is_used_and_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path / "new" / "data"))
    assert datadir.data_dir() == tmp_path / "new" / "data"
    assert datadir.log_dir() == tmp_path / "new" / "data" / "logs" and datadir.log_dir().is_dir()
    assert datadir.problem() is None


@pytest.mark.parametrize("shape", ["file", "under-a-file"])
def test_a_file_shaped_folder_falls_back_to_a_side_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    wanted = blocker if shape == "file" else blocker / "inner"
    monkeypatch.setenv("OPEN_SESAME_DATA", str(wanted))
    assert datadir.data_dir() == side()
    assert datadir.log_dir() == side() / "logs"
    note = datadir.problem()
    assert note is not None and f"the data directory {wanted} cannot be used" in note and str(side()) in note
    assert blocker.read_text() == "a file where the folder should be"


def test_a_folder_without_write_permission_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real = tempfile.NamedTemporaryFile

    def no_write(*args: object, **kwargs: object) -> object:
        if Path(str(kwargs.get("dir"))) == locked:
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_write)  # root can write anywhere: simulate it
    monkeypatch.setenv("OPEN_SESAME_DATA", str(locked))
    assert datadir.data_dir() == side()
    assert "Permission denied" in (datadir.problem() or "")


def test_the_side_folder_is_private_and_not_someone_elses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").write_text("x")
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path / "data"))
    side().mkdir(mode=0o777)
    os.chmod(side(), 0o777)
    if hasattr(os, "getuid"):
        real_lstat = os.lstat

        class Other:
            def __init__(self, info: os.stat_result) -> None:
                self.st_mode, self.st_uid = info.st_mode, info.st_uid + 1

        monkeypatch.setattr(os, "lstat", lambda p: Other(real_lstat(p)) if Path(p) == side() else real_lstat(p))
    chosen = datadir.data_dir()
    assert chosen != side() and chosen.parent == side().parent and chosen.name.startswith("open-sesame-")


def test_nothing_usable_at_all_returns_the_configured_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").write_text("x")
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(datadir, "_side_dir", lambda sub: None)
    assert datadir.data_dir() == tmp_path / "data"  # writers fail and fall back on their own
    assert "no side directory either" in (datadir.problem() or "")


CONFIG = f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\nwindow: 640x480\n'


def start(tmp_path: Path, *argv: str) -> tuple[subprocess.Popen[str], Path]:
    blocker = tmp_path / "data"
    blocker.write_text("the data directory is a file")
    config = tmp_path / "kiosk.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {**os.environ, "OPEN_SESAME_DATA": str(blocker), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", *argv, "--config", str(config)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    return proc, Path(env.get("TMPDIR", tempfile.gettempdir())) / f"open-sesame-{os.getuid()}" / "logs"


@posix_only
@pytest.mark.parametrize("argv", [["--kiosk"], ["kiosk"]], ids=["game", "supervisor"])
def test_the_kiosk_runs_with_a_file_where_its_data_folder_should_be(tmp_path: Path, argv: list[str]) -> None:
    proc, logs = start(tmp_path, *argv)
    try:
        deadline = time.monotonic() + 30
        while not (logs / "game.log").exists() or "started" not in (logs / "game.log").read_text():
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the game never started"
            time.sleep(0.05)
        time.sleep(0.3)
        assert proc.poll() is None  # still running: no PermissionError, no FileExistsError
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = proc.stderr.read() if proc.stderr else ""
    assert "Traceback" not in err
    assert code == (0 if argv == ["kiosk"] else 143)
    assert f"the data directory {tmp_path / 'data'} cannot be used" in (logs / "game.log").read_text()
    if argv == ["kiosk"]:
        assert "cannot be used" in (logs / "kiosk.log").read_text()
