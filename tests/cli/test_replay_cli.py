"""``python -m game replay`` gives back a logged month, and refuses a log that does not fit."""

from __future__ import annotations

import pytest

from game.cli.replay import run


def test_replay_prints_the_month_and_its_causes(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        [
            "--level",
            "sample",
            "--persona",
            "student",
            "--seed",
            "3",
            "consent.accept",
            "bike.ride",
            "game.buy_nappies",
            "post.like",
            "fine.pay",
            "wedding.book",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "published scores: 533 -> 536" in out
    assert "system_error flag blacklisted: False -> True" in out


def test_a_log_that_does_not_fit_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--level", "sample", "--persona", "student", "--seed", "3", "consent.accept", "nowhere.go"]) == 2
    assert "replay:" in capsys.readouterr().err
