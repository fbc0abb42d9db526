"""The k ≥ 5 rule: a figure backed by 4 sessions is hidden, by 5 it is shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.stats.privacy import K_MIN, protect, shown
from game.stats.record import SessionRecord
from game.stats.store import StatsStore

MakeRecord = Callable[..., SessionRecord]


def store_with(path: Path, records: list[SessionRecord]) -> StatsStore:
    store = StatsStore(path)
    for rec in records:
        assert store.record(rec) is not None
    return store


def test_threshold_is_five() -> None:
    assert K_MIN == 5
    assert [shown(n) for n in (0, 1, 4, 5, 6)] == [0, None, None, 5, 6]


def test_protect_hides_a_cell_that_subtraction_would_reveal() -> None:
    assert protect({"a": 9, "b": 3, "c": 6}) == {"a": 9, "b": None, "c": None}
    assert protect({"a": 9, "b": 3, "c": 2}) == {"a": 9, "b": None, "c": None}
    assert protect({"a": 9, "b": 0}) == {"a": 9, "b": 0}
    assert protect({"a": 5, "b": 7}) == {"a": 5, "b": 7}


@pytest.mark.parametrize("n, visible", [(4, False), (5, True)])
def test_choice_shares_need_five_sessions(tmp_path: Path, make_record: MakeRecord, n: int, visible: bool) -> None:
    with store_with(tmp_path / "stats.db", [make_record() for _ in range(n)]) as store:
        shares = store.choice_shares("sample", "w1_rent")
    if visible:
        assert shares is not None
        assert (shares.total, shares.counts, shares.share("pay_now")) == (5, {"pay_now": 5}, 1.0)
    else:
        assert shares is None


def test_small_option_is_hidden_inside_a_visible_scene(tmp_path: Path, make_record: MakeRecord) -> None:
    records = [make_record(choices=[f"w1_rent.{opt}"]) for opt in ["pay_now"] * 6 + ["delay"] * 4 + ["borrow"] * 5]
    with store_with(tmp_path / "stats.db", records) as store:
        shares = store.choice_shares("sample", "w1_rent")
    assert shares is not None and shares.total == 15
    # "delay" (4) is hidden, and so is the smallest other cell, or 15 - 6 - 5 would give it away.
    assert shares.counts == {"pay_now": 6, "borrow": None, "delay": None}
    assert shares.share("delay") is None and shares.share("never_chosen") == 0.0


@pytest.mark.parametrize("n, visible", [(4, False), (5, True)])
def test_guess_ranks_need_five_players(tmp_path: Path, make_record: MakeRecord, n: int, visible: bool) -> None:
    records = [make_record() for _ in range(n)] + [make_record(guess=()) for _ in range(5)]
    with store_with(tmp_path / "stats.db", records) as store:
        ranks = store.guess_vs_truth("sample")
        other_variant = store.guess_vs_truth("sample", "harsh")
    assert other_variant is None
    if visible:
        assert ranks is not None and ranks.sessions == 5
        assert ranks.mean_rank["credit_history"] == 1.0 and ranks.mean_rank["connections"] == 5.0
    else:
        assert ranks is None


def test_a_category_ranked_by_few_players_is_hidden(tmp_path: Path, make_record: MakeRecord) -> None:
    records = [make_record(guess=["personal", "fulfilment"]) for _ in range(5)]
    records += [make_record(guess=["personal", "credit_history"]) for _ in range(4)]
    with store_with(tmp_path / "stats.db", records) as store:
        ranks = store.guess_vs_truth("sample")
    assert ranks is not None
    assert ranks.mean_rank == {"personal": 1.0, "fulfilment": 2.0, "credit_history": None}


@pytest.mark.parametrize("n", [4, 5])
def test_summary_hides_every_small_figure(tmp_path: Path, make_record: MakeRecord, n: int) -> None:
    with store_with(tmp_path / "stats.db", [make_record() for _ in range(n)]) as store:
        summary = store.summary("sample")
    assert summary is not None
    expect = None if n < K_MIN else n
    assert (summary.sessions, summary.completed, summary.goal_reached) == (expect, expect, expect)
    # "none abandoned" would say all of the few sessions finished: a hidden total hides its zeros too
    assert summary.abandoned == (None if n < K_MIN else 0)
    assert summary.grades == {"B": expect}
    shares = summary.choices[("sample", "w1_rent")]
    guesses = summary.guesses[("sample", "standard")]
    if n < K_MIN:
        assert shares is None and guesses is None
    else:
        assert shares is not None and shares.counts == {"pay_now": 5}
        assert guesses is not None and guesses.sessions == 5


def test_summary_splits_completed_and_abandoned_safely(tmp_path: Path, make_record: MakeRecord) -> None:
    abandoned = {"completed": False, "final_score": None, "grade": None, "goal_reached": None, "guess": ()}
    records = [make_record() for _ in range(9)] + [make_record(**abandoned) for _ in range(2)]
    with store_with(tmp_path / "stats.db", records) as store:
        summary = store.summary(None)
        empty = store.summary("no_such_level")
    assert summary is not None and summary.sessions == 11
    assert summary.completed is None and summary.abandoned is None  # 11 - 9 would reveal the 2
    assert empty is not None and empty.sessions == 0 and empty.choices == {} and empty.guesses == {}
