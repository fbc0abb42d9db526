"""Kiosk tests run the ``kiosk`` command in-process too: it must never fork the test runner."""

from __future__ import annotations

import pytest

from game.kiosk import launch


@pytest.fixture(autouse=True)
def _no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, the first game starts like a restart (the tests fake that); the real fork
    is tested through ``python -m game kiosk`` in a child process."""
    monkeypatch.setattr(launch, "fork_game", lambda game, env: None)
