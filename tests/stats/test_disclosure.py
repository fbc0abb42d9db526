"""k ≥ 5 holds against subtraction and the level filter: the attacks that broke it, and a property test."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.debrief.kiosk import kiosk_view
from game.stats import cli as stats_cli
from game.stats.record import SessionRecord
from game.stats.report import Summary
from game.stats.store import StatsStore
from tests.stats.conftest import build_record

MakeRecord = Callable[..., SessionRecord]
ABANDONED = {"completed": False, "final_score": None, "grade": None, "goal_reached": None, "guess": ()}


def store_with(path: Path, records: list[SessionRecord]) -> StatsStore:
    store = StatsStore(path)
    for rec in records:
        assert store.record(rec) is not None
    return store


def shown_counts(s: Summary, level: str | None = None) -> list[int]:
    """Every count a reader sees in a summary (the totals, grades, scene totals and options)."""
    out = [v for v in (s.sessions, s.completed, s.abandoned, s.goal_reached, *s.grades.values()) if v]
    for (lvl, _scene), shares in s.choices.items():
        if shares is not None and (level is None or lvl == level):
            out.append(shares.total)
            out += [n for n in shares.counts.values() if n]
    out += [r.sessions for r in s.guesses.values() if r is not None]
    return out


def one_decline(total: int = 20) -> list[SessionRecord]:
    """The issue's first attack: ``total`` sessions on the kiosk level, exactly one declined Halo."""
    accepted = [
        build_record(
            level="kiosk",
            choices=(
                "consent.accept",
                f"bike_morning.{'ride' if i % 2 else 'walk'}",
                f"w1_rent.{'pay' if i % 3 else 'delay'}",
            ),
        )
        for i in range(total - 1)
    ]
    declined = build_record(level="kiosk", choices=("consent.decline", "no_halo.ok"), guess=())
    return [*accepted, declined]


def test_one_decline_among_twenty_cannot_be_recovered_from_any_figure(tmp_path: Path) -> None:
    with store_with(tmp_path / "stats.db", one_decline(20)) as store:
        s = store.summary("kiosk")
        consent = store.choice_shares("kiosk", "consent")
        bike = store.choice_shares("kiosk", "bike_morning")
    assert s is not None and s.sessions == 20
    assert consent is None or (consent.counts.get("decline") is None and consent.counts.get("accept") is None)
    # Was: "bike_morning: 19 sessions" — 20 − 19 = the one who declined.
    assert bike is None or bike.total != 19
    for count in shown_counts(s):
        assert not 0 < 20 - count < 5, f"20 − {count} would single out {20 - count} session(s)"


def test_the_debrief_others_at_this_kiosk_does_not_give_the_decline_away(tmp_path: Path) -> None:
    class FakeSession:  # what kiosk_view reads of a visitor's session
        class level:
            id = "kiosk"

        class state:
            choices = (("consent", "accept"), ("bike_morning", "ride"), ("w1_rent", "pay"))
            variant = "standard"

        class ix:
            @staticmethod
            def choice_texts(scene_id: str) -> tuple[dict[str, str], list[tuple[str, dict[str, str]]]]:
                return {"en": scene_id}, [("accept", {"en": "a"}), ("ride", {"en": "r"}), ("pay", {"en": "p"})]

    with store_with(tmp_path / "stats.db", one_decline(20)) as store:
        view = kiosk_view(store, FakeSession())  # type: ignore[arg-type]
    assert view is not None
    for scene in view.scenes:
        assert not 0 < 20 - scene.total < 5, f"{scene.scene}: {scene.total} sessions"


def test_comparing_all_levels_with_one_level_recovers_nothing(tmp_path: Path) -> None:
    """The issue's second attack: 21 sessions, 11 grade A; --level kiosk: 20 and 10 — the workshop one got an A."""
    kiosk = [build_record(level="kiosk", grade="A" if i < 10 else "B", final_score=720) for i in range(20)]
    workshop = [build_record(level="workshop", grade="A", final_score=760)]
    with store_with(tmp_path / "stats.db", kiosk + workshop) as store:
        everything, one = store.summary(None), store.summary("kiosk")
    assert everything is not None and one is not None
    assert one.sessions == 20 and one.grades == {"A": 10, "B": 10}
    pairs = [
        (everything.sessions, one.sessions),
        (everything.completed, one.completed),
        (everything.abandoned, one.abandoned),
        (everything.goal_reached, one.goal_reached),
        *((everything.grades.get(g), one.grades.get(g)) for g in ("A", "B")),
    ]
    for whole, part in pairs:
        assert whole is None or part is None or whole == part, f"{whole} − {part} is the hidden workshop session"


def test_the_cli_and_its_csv_hold_across_the_level_filter(tmp_path: Path) -> None:
    kiosk = [build_record(level="kiosk", grade="A" if i < 10 else "B") for i in range(20)]
    with store_with(tmp_path / "stats.db", [*kiosk, build_record(level="workshop", grade="A")]):
        pass

    def rows(*options: str) -> dict[tuple[str, str], str]:
        out = tmp_path / "out.csv"
        out.unlink(missing_ok=True)
        assert stats_cli.run(["--db", str(tmp_path / "stats.db"), "--csv", str(out), *options]) == 0
        with out.open(encoding="utf-8") as f:
            return {(r[0], r[3]): r[4] for r in csv.reader(f) if r[0] in ("sessions", "grade", "completed")}

    everything, one = rows(), rows("--level", "kiosk")
    for key, value in one.items():
        other = everything.get(key, "0")
        if value.isdigit() and other.isdigit():
            assert int(other) == int(value) or int(other) - int(value) >= 5, (key, other, value)


def test_hidden_cells_of_a_split_never_add_up_to_a_small_number(tmp_path: Path) -> None:
    records = [build_record(choices=[f"w1_rent.{o}"]) for o in ["pay_now"] * 9 + ["delay"] + ["borrow"] * 2]
    with store_with(tmp_path / "stats.db", records) as store:
        shares = store.choice_shares("sample", "w1_rent")
    # 12 − 9 = 3 would tell that three people did not pay now
    assert shares is None or shares.counts["pay_now"] is None


def test_a_side_scene_reached_through_a_hidden_option_is_hidden_too(tmp_path: Path) -> None:
    records = [build_record(choices=["w1_rent.pay_now"]) for _ in range(9)]
    records += [build_record(choices=["w1_rent.delay"]) for _ in range(3)]
    records += [build_record(choices=["w1_rent.borrow", "loan_office.sign"]) for _ in range(6)]
    with store_with(tmp_path / "stats.db", records) as store:
        rent = store.choice_shares("sample", "w1_rent")
        side = store.choice_shares("sample", "loan_office")
    assert rent is not None and rent.counts["delay"] is None and rent.counts["borrow"] is None
    assert side is None  # "6 sessions reached the loan office" would give the hidden "borrow" cell away


def test_one_player_of_another_rule_set_cannot_be_read_from_the_pooled_means(tmp_path: Path) -> None:
    records = [build_record(variant="standard") for _ in range(6)]
    records.append(build_record(variant="harsh", guess=("connections", "credit_history")))
    records += [build_record(**ABANDONED) for _ in range(5)]  # so that the sessions total itself gives nothing
    with store_with(tmp_path / "stats.db", records) as store:
        pooled, standard, harsh = (store.guess_vs_truth("sample", v) for v in (None, "standard", "harsh"))
    assert harsh is None
    assert pooled is not None and pooled.sessions == 7
    # 7 × pooled mean − 6 × standard mean would be the harsh player's own rank for that category
    for category in ("connections", "credit_history"):
        assert pooled.mean_rank.get(category) is None or standard is None or standard.mean_rank.get(category) is None, (
            category
        )
    assert pooled.mean_rank["personal"] == 3.0  # ranked by the six standard players only: nothing to hide


def test_abandoned_sessions_do_not_leak_through_scene_totals(tmp_path: Path) -> None:
    full = [build_record(choices=("w1_rent.pay_now", "w1_shop.cheap")) for _ in range(12)]
    left = [build_record(choices=("w1_rent.pay_now",), **ABANDONED) for _ in range(2)]
    with store_with(tmp_path / "stats.db", full + left) as store:
        rent, shop = store.choice_shares("sample", "w1_rent"), store.choice_shares("sample", "w1_shop")
        s = store.summary("sample")
    assert s is not None and s.sessions == 14
    assert s.abandoned is None
    assert rent is None or shop is None  # 14 and 12 would show the two who walked away


# --- a property test with an independent oracle -------------------------------------------

SCENES = {"a": ("x", "y", "z"), "b": ("x", "y"), "side": ("ok",)}


@st.composite
def sessions(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(0, 40))):
        completed = draw(st.booleans())
        choices = {}
        for scene, options in SCENES.items():
            if scene == "side":
                if choices.get("a") == "z":
                    choices["side"] = "ok"  # reached only through one option
            elif draw(st.integers(0, 3)):
                choices[scene] = draw(st.sampled_from(options))
        out.append(
            {
                "completed": completed,
                "grade": draw(st.sampled_from("ABC")) if completed else None,
                "choices": choices,
                "variant": draw(st.sampled_from(["standard", "harsh"])),
                "ranked": draw(st.booleans()),
            }
        )
    return out


def oracle_populations(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], frozenset[int]]:
    """Which sessions each published count covers, computed straight from the sessions."""
    pop: dict[tuple[str, ...], set[int]] = {("sessions",): set(range(len(rows)))}
    for i, r in enumerate(rows):
        pop.setdefault(("completed",) if r["completed"] else ("abandoned",), set()).add(i)
        if r["completed"]:
            pop.setdefault(("grade", r["grade"]), set()).add(i)
        for scene, option in r["choices"].items():
            pop.setdefault(("scene", scene), set()).add(i)
            pop.setdefault(("choice", scene, option), set()).add(i)
        if r["ranked"]:
            pop.setdefault(("guessed", r["variant"]), set()).add(i)
    return {k: frozenset(v) for k, v in pop.items()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=sessions())
def test_no_shown_pair_of_counts_singles_out_a_small_group(tmp_path_factory: Any, rows: list[dict[str, Any]]) -> None:
    path = tmp_path_factory.mktemp("prop") / "stats.db"
    records = [
        build_record(
            level="sample",
            completed=r["completed"],
            grade=r["grade"],
            final_score=640 if r["completed"] else None,
            goal_reached=True if r["completed"] else None,
            choices=tuple(f"{s}.{o}" for s, o in r["choices"].items()),
            variant=r["variant"],
            guess=("credit_history", "personal") if r["ranked"] else (),
        )
        for r in rows
    ]
    from game.stats.report import level_table

    with store_with(path, records) as store:
        assert store._conn is not None
        table = level_table(store._conn, "sample")
    pops = oracle_populations(rows)
    shown = {k: v for k, v in table.figures.items() if v is not None and k in pops}
    for key, value in shown.items():
        assert value == len(pops[key])
        assert value == 0 or value >= 5, key
    for (k1, v1), (k2, v2) in itertools.combinations(shown.items(), 2):
        p1, p2 = pops[k1], pops[k2]
        if v1 and v2 and (p1 <= p2 or p2 <= p1):
            assert not 0 < abs(v1 - v2) < 5, f"{k1}={v1} and {k2}={v2} single out {abs(v1 - v2)}"
    hidden = {k for k, v in table.figures.items() if v is None and k in pops}
    for key in hidden:
        assert all(pops[key] != pops[k] for k, v in shown.items() if v), f"{key} equals a shown figure"
    for scene, options in SCENES.items():
        total = table.figures.get(("scene", scene))
        cells = [table.figures.get(("choice", scene, o)) for o in options if ("choice", scene, o) in pops]
        covered = [
            len(pops[("choice", scene, o)]) for o in options if table.figures.get(("choice", scene, o), 0) is None
        ]
        if total:
            assert not covered or (len(covered) >= 2 and sum(covered) >= 5), (scene, cells)


def test_suppress_on_its_own() -> None:
    from game.stats.disclosure import Figure, Split, bitset, suppress

    figures = [Figure(("t",), bitset(range(20))), Figure(("a",), bitset(range(19)), 1), Figure(("b",), bitset([19]), 1)]
    assert suppress(figures, [Split(("t",), (("a",), ("b",)))]) == {("a",), ("b",)}
    assert bitset([0, 9, 64]) == (1 | 1 << 9 | 1 << 64)
