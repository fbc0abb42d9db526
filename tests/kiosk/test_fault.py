"""The fault hook does nothing normally and raises only at the named stage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.kiosk.fault import FAULT_ENV, maybe_inject_fault


def test_no_fault_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FAULT_ENV, raising=False)
    maybe_inject_fault("startup")
    maybe_inject_fault("frame")


def test_fault_only_at_the_named_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FAULT_ENV, "frame")
    maybe_inject_fault("startup")
    with pytest.raises(RuntimeError, match=r"^injected fault for testing: frame$"):
        maybe_inject_fault("frame")


def test_kiosk_logic_never_imports_pygame() -> None:
    """The supervisor must survive whatever breaks the game's graphics stack."""
    code = (
        "import sys, game.kiosk.config, game.kiosk.idle, game.kiosk.supervisor, game.kiosk.fault; "
        "sys.exit('pygame' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
