"""The game opens no socket, ever: checked over a whole session and in the source."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from tests.screens.helpers import begin, make_app, press, to_the_end

GAME = Path(__file__).resolve().parents[2] / "game"


def test_a_whole_session_opens_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[object, ...]] = []
    real_socket = socket.socket

    class Spy(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(args)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "socket", Spy)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: opened.append(a))
    app = make_app(kiosk=True)
    begin(app)
    to_the_end(app)
    press(app, "debrief")
    app.draw()
    assert opened == []


def test_no_module_of_the_game_imports_a_network_library() -> None:
    pattern = re.compile(
        r"^\s*(import|from)\s+(socket|ssl|urllib\.request|http\.client|http\.server|requests|ftplib|smtplib|asyncio)\b",
        re.M,
    )
    offenders = [str(p) for p in GAME.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
