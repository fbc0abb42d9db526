"""Test set-up: headless SDL before pygame is ever imported, and a private data directory."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Audio mode in tests speaks to a recording fake, never through the machine's eSpeak NG
# (the speech tests drive the real engine themselves); the toolbar looks the same everywhere.
os.environ.setdefault("OPEN_SESAME_SPEECH", "fake")

import pytest

from game import datadir


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes to the real user data directory, nor to a side directory in the real /tmp."""
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path_factory.mktemp("data")))
    private_tmp = str(tmp_path_factory.mktemp("tmp"))
    monkeypatch.setattr(tempfile, "tempdir", private_tmp)
    monkeypatch.setenv("TMPDIR", private_tmp)  # and for the games and supervisors tests start
    monkeypatch.setattr(datadir, "_resolved", {}, raising=False)
