"""``python -m game stats``: the summary, the CSV export, merging, and one-line errors."""

from __future__ import annotations

import csv
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.stats.record import SessionRecord
from game.stats.store import StatsStore

MakeRecord = Callable[..., SessionRecord]
ROOT = Path(__file__).resolve().parents[2]
SAMPLE_LEVEL = ROOT / "levels" / "sample.yaml"


def fill(path: Path, make_record: MakeRecord, pay: int = 6, delay: int = 3) -> Path:
    """``pay`` + ``delay`` completed sessions of level ``sample``."""
    with StatsStore(path) as store:
        for option in ["pay_now"] * pay + ["delay"] * delay:
            store.record(make_record(choices=[f"w1_rent.{option}", "w1_shop.cheap"]))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["stats", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_in_the_terminal(tmp_path: Path, make_record: MakeRecord, capsys: pytest.CaptureFixture[str]) -> None:
    db = fill(tmp_path / "stats.db", make_record, pay=7, delay=5)
    code, out, err = run(capsys, "--db", str(db), "--level", "sample")
    assert (code, err) == (0, "")
    lines = [line.split() for line in out.splitlines()]
    assert ["Sessions", "12"] in lines and ["Completed", "12", "(100%)"] in lines
    assert ["w1_rent:", "12", "sessions"] in lines
    assert ["pay_now", "7", "58%"] in lines and ["delay", "5", "42%"] in lines


def test_hidden_cells_in_text_and_csv(
    tmp_path: Path, make_record: MakeRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    db = fill(tmp_path / "stats.db", make_record, pay=6, delay=3)
    out_csv = tmp_path / "out.csv"
    code, out, _ = run(capsys, "--db", str(db), "--csv", str(out_csv))
    assert code == 0 and "<5" in out
    rows = list(csv.reader(out_csv.open(encoding="utf-8")))
    assert rows[0] == ["section", "level", "key", "item", "value"]
    table = {tuple(r[:4]): r[4] for r in rows[1:]}
    assert table[("sessions", "all", "", "")] == "9"
    assert table[("scene_sessions", "sample", "w1_rent", "")] == "9"
    # 3 "delay" is hidden, and "pay_now" with it (9 - 6 would reveal the 3).
    assert table[("choice", "sample", "w1_rent", "delay")] == "<5"
    assert table[("choice", "sample", "w1_rent", "pay_now")] == "<5"
    assert table[("choice", "sample", "w1_shop", "cheap")] == "9"
    assert table[("guess_mean_rank", "sample", "standard", "credit_history")] == "1.00"


def test_small_database_shows_nothing_but_hidden_figures(
    tmp_path: Path, make_record: MakeRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    db = fill(tmp_path / "stats.db", make_record, pay=4, delay=0)
    out_csv = tmp_path / "out.csv"
    code, out, _ = run(capsys, "--db", str(db), "--csv", str(out_csv))
    assert code == 0
    values = [row[4] for row in csv.reader(out_csv.open(encoding="utf-8"))][1:]
    assert values and all(v in ("<5", "0") for v in values)
    body = out.split("\n", 1)[1]  # after the "Statistics: <path>" line
    assert not re.search(r"\b4\b", body), body


def test_true_weights_beside_the_guesses(
    tmp_path: Path, make_record: MakeRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    db = fill(tmp_path / "stats.db", make_record)
    out_csv = tmp_path / "out.csv"
    code, out, _ = run(capsys, "--db", str(db), "--level-file", str(SAMPLE_LEVEL), "--csv", str(out_csv))
    assert code == 0
    assert "Level: sample" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("credit_history"))
    assert line.split() == ["credit_history", "1.0", "1", "(35)"]
    assert ["true_weight", "sample", "standard", "credit_history", "35"] in list(csv.reader(out_csv.open()))


def test_merge_command(tmp_path: Path, make_record: MakeRecord, capsys: pytest.CaptureFixture[str]) -> None:
    a = fill(tmp_path / "a.db", make_record, pay=3, delay=0)
    b = fill(tmp_path / "b.db", make_record, pay=3, delay=2)
    code, out, _ = run(capsys, "merge", str(a), str(b), "--into", str(tmp_path / "c.db"))
    assert code == 0 and "merged 8 sessions from 2 files" in out
    code, out, _ = run(capsys, "--db", str(tmp_path / "c.db"))
    assert "Sessions      8" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--bogus"], "unrecognized arguments"),
        (["--db"], "expected one argument"),
        (["--db", "{tmp}/missing.db"], "no such file"),
        (["--db", "{tmp}/junk.db"], "not a readable statistics database"),
        (["--db", "{tmp}/a.db", "--level-file", "{tmp}/missing.yaml"], "cannot read file"),
        (["--db", "{tmp}/a.db", "--level-file", "{tmp}/junk.db"], "junk.db"),
        (["--db", "{tmp}/a.db", "--level-file", str(SAMPLE_LEVEL), "--level", "other"], "does not match"),
        (["--db", "{tmp}/a.db", "--csv", "{tmp}/no/such/dir/out.csv"], "cannot write"),
        (["merge", "{tmp}/a.db"], "--into"),
        (["merge", "--into", "{tmp}/c.db"], "arguments are required"),
        (["merge", "{tmp}/a.db", "--into", "{tmp}/a.db"], "already exists"),
        (["merge", "{tmp}/a.db", "{tmp}/junk.db", "--into", "{tmp}/c.db"], "junk.db"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path,
    make_record: MakeRecord,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    fill(tmp_path / "a.db", make_record)
    (tmp_path / "junk.db").write_bytes(random.Random(3).randbytes(4096))
    code, out, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "c.db").exists()


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--help"]) == 0
    assert "--level-file" in capsys.readouterr().out
    assert main(["stats", "merge", "--help"]) == 0
    assert "--into" in capsys.readouterr().out


def test_command_line_runs_as_a_module(tmp_path: Path, make_record: MakeRecord) -> None:
    db = fill(tmp_path / "stats.db", make_record)
    done = subprocess.run(
        [sys.executable, "-m", "game", "stats", "--db", str(db)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "Sessions      9" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "game", "stats", "--db", str(tmp_path / "nope.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_stats_never_imports_pygame() -> None:
    code = (
        "import sys, game.stats, game.stats.cli, game.stats._crashwriter\n"
        "assert not any(m == 'pygame' or m.startswith('pygame.') for m in sys.modules), 'pygame imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_true_order_without_any_ranking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    StatsStore(tmp_path / "stats.db").close()
    code, out, _ = run(capsys, "--db", str(tmp_path / "stats.db"), "--level-file", str(SAMPLE_LEVEL))
    assert code == 0 and "Sessions      0" in out
    assert "standard: no rankings yet" in out
    assert ["credit_history", "1", "(35)"] in [line.split() for line in out.splitlines()]
