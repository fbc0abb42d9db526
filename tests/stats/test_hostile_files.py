"""Hostile statistics files and command lines: nothing overwritten, counted twice, hung, or sent raw to a terminal."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from game.paths import LEVELS_DIR, ROOT
from game.stats import cli as stats_cli
from game.stats import schema
from game.stats.merge import merge
from game.stats.record import SessionRecord
from game.stats.store import StatsStore

MakeRecord = Callable[..., SessionRecord]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and signals")


def fill(path: Path, make_record: MakeRecord, n: int = 7, **changes: object) -> Path:
    with StatsStore(path) as store:
        for _ in range(n):
            assert store.record(make_record(**changes)) is not None
    return path


def sessions(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])


def stats(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = stats_cli.run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- output never overwrites an input ----------------------------------------------------


def test_csv_onto_the_database_is_refused(tmp_path: Path, make_record: MakeRecord, capsys) -> None:  # type: ignore[no-untyped-def]
    db = fill(tmp_path / "stats.db", make_record)
    before = db.read_bytes()
    os.link(db, tmp_path / "hard.db")
    for target in (db, tmp_path / "." / "stats.db", tmp_path / "hard.db", tmp_path / "stats.db-wal"):
        code, out, err = stats(capsys, "--db", str(db), "--csv", str(target))
        assert code == 2 and out == "", target
        assert "which this command reads; write the CSV elsewhere" in err and err.count("\n") == 1
    assert db.read_bytes() == before and sessions(db) == 7
    level = tmp_path / "level.yaml"
    shutil.copy(LEVELS_DIR / "sample.yaml", level)
    code, _, err = stats(capsys, "--db", str(db), "--level-file", str(level), "--csv", str(level))
    assert code == 2 and "write the CSV elsewhere" in err
    assert level.read_text(encoding="utf-8") == (LEVELS_DIR / "sample.yaml").read_text(encoding="utf-8")


@posix_only
def test_csv_to_a_full_disk_is_a_message(tmp_path: Path, make_record: MakeRecord, capsys) -> None:  # type: ignore[no-untyped-def]
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    db = fill(tmp_path / "stats.db", make_record)
    code, _, err = stats(capsys, "--db", str(db), "--csv", "/dev/full")
    assert code == 2 and "cannot write" in err and "Traceback" not in err


# --- merge counts each session once ----------------------------------------------------------


def test_a_hard_link_of_an_input_is_refused(tmp_path: Path, make_record: MakeRecord) -> None:
    a = fill(tmp_path / "a.db", make_record)
    os.link(a, tmp_path / "a-link.db")
    with pytest.raises(Exception, match="are the same database"):
        merge([a, tmp_path / "a-link.db"], tmp_path / "all.db")
    assert not (tmp_path / "all.db").exists()


def test_a_byte_copy_is_counted_once(tmp_path: Path, make_record: MakeRecord) -> None:
    a = fill(tmp_path / "a.db", make_record, 7)
    b = fill(tmp_path / "b.db", make_record, 5, persona="lina")
    shutil.copy(a, tmp_path / "a-copy.db")
    from game.stats.merge import merge_with_notes

    count, notes = merge_with_notes([a, b, tmp_path / "a-copy.db"], tmp_path / "all.db")
    assert count == 12 and sessions(tmp_path / "all.db") == 12
    assert notes == [f"{tmp_path / 'a-copy.db'}: all its 7 sessions were already in {a}; each counted once"]


def test_a_merge_merged_again_with_one_of_its_inputs_counts_nothing_twice(tmp_path: Path, make_record) -> None:  # type: ignore[no-untyped-def]
    a = fill(tmp_path / "a.db", make_record, 6)
    b = fill(tmp_path / "b.db", make_record, 4, persona="lina")
    merge([a, b], tmp_path / "ab.db")
    fill(a, make_record, 3)  # the kiosk went on playing: a has 9 sessions now, 6 of them in ab
    assert merge([tmp_path / "ab.db", a], tmp_path / "again.db") == 13
    assert merge([tmp_path / "again.db", tmp_path / "ab.db", b], tmp_path / "thrice.db") == 13


def test_files_from_before_session_uids_are_recognised_by_content(tmp_path: Path, make_record) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    for statement in schema.MIGRATIONS[0]:
        conn.execute(statement)  # type: ignore[arg-type]
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    from game.stats.rows import SESSION_COLUMNS

    for i in range(4):
        rec = make_record(persona=f"p{i}")
        conn.execute(
            f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) VALUES ({', '.join('?' * len(SESSION_COLUMNS))})",
            [getattr(rec, c) for c in SESSION_COLUMNS],
        )
    conn.commit()
    conn.close()
    shutil.copy(old, tmp_path / "old-copy.db")
    with StatsStore(tmp_path / "old-copy.db"):
        pass  # the game upgrades its copy; the original stays at version 1
    assert merge([old, tmp_path / "old-copy.db"], tmp_path / "all.db") == 4


# --- no partial file survives a killed merge ----------------------------------------------------

SLOW_MERGE = """
import sys, time
from pathlib import Path
import game.stats.merge
m = sys.modules["game.stats.merge"]
real = m.insert_record
def slow(*args, **kwargs):
    time.sleep(0.05)
    return real(*args, **kwargs)
m.insert_record = slow
print("merging", flush=True)
m.merge([Path(p) for p in sys.argv[1:-1]], Path(sys.argv[-1]))
"""


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_merge_leaves_nothing_behind(tmp_path: Path, make_record: MakeRecord, signum: int) -> None:
    a = fill(tmp_path / "a.db", make_record, 40)
    into = tmp_path / "all.db"
    code = (
        SLOW_MERGE
        if signum == signal.SIGKILL
        else SLOW_MERGE.replace(
            "m.merge(", "from game.stats.cli import _interrupt_on_sigterm\n_interrupt_on_sigterm()\nm.merge("
        )
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(a), str(into)], cwd=ROOT, stdout=subprocess.PIPE)

    def leftovers() -> list[str]:  # besides the input and SQLite's -wal/-shm beside it
        return sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("a.db"))

    deadline = time.monotonic() + 30
    while not leftovers() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert leftovers(), "the merge never started writing"
    proc.send_signal(signum)
    proc.wait(timeout=30)
    assert not into.exists()
    if signum == signal.SIGTERM:
        assert leftovers() == []  # the temporary file went with the merge
    else:  # nothing runs at SIGKILL: what is left is hidden, says whose it was, and the next merge removes it
        assert all(name.startswith(f".all.db.merging-{proc.pid}") for name in leftovers()), leftovers()
        assert merge([a], into) == 40
        assert leftovers() == ["all.db"]


def test_a_stale_leftover_of_a_dead_merge_is_removed(tmp_path: Path) -> None:
    into = tmp_path / "all.db"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = [into.with_name(f".all.db.merging-{pid}"), into.with_name(f".all.db.merging-{pid}-journal")]
    for path in stale:
        path.write_bytes(b"half a database")
    alive = into.with_name(f".all.db.merging-{os.getppid()}")  # a live process's: left alone
    alive.write_bytes(b"in progress")
    from game.stats.merge import clean_stale

    assert sorted(clean_stale(into)) == sorted(stale)
    assert alive.exists()


# --- hostile content: escapes, formulas, schemas --------------------------------------------


def hostile_db(path: Path, make_record: MakeRecord, scene: str, option: str, n: int = 6) -> Path:
    fill(path, make_record, n)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE choices SET scene_id = ?, option_id = ? WHERE pos = 1", (scene, option))
    return path


def test_terminal_escapes_in_a_database_are_printed_escaped(tmp_path: Path, make_record: MakeRecord, capsys) -> None:  # type: ignore[no-untyped-def]
    db = hostile_db(tmp_path / "evil.db", make_record, "\x1b[2J\x1b]0;owned\x07", "opt\u202eion")
    code, out, _ = stats(capsys, "--db", str(db))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out and "\\u202e" in out


def test_csv_cells_cannot_become_formulas(tmp_path: Path, make_record: MakeRecord, capsys) -> None:  # type: ignore[no-untyped-def]
    db = hostile_db(tmp_path / "evil.db", make_record, '=HYPERLINK("http://x")', "@SUM(A1)")
    out = tmp_path / "out.csv"
    assert stats(capsys, "--db", str(db), "--csv", str(out))[0] == 0
    with out.open(encoding="utf-8") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'@SUM(A1)" in cells
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)
    assert not any(ch in c for c in cells for ch in "\x1b\r\x00")


def test_replay_never_prints_a_terminal_escape_from_a_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import replay
    from game.content.load import load_level
    from game.core.session import Session

    sample = LEVELS_DIR / "sample.yaml"
    level = load_level(sample)
    session = Session(level, level.personas[0].id, 1)
    session.choose("accept")
    while not session.over:
        session.choose(session.option_ids()[0])
    choices = [f"{a}.{b}" for a, b in session.state.choices]
    evil = tmp_path / "evil.yaml"
    text = sample.read_text(encoding="utf-8")
    text = text.replace('en: "Your data ages:', 'en: "\\e[2J\\e]0;owned\\a Your data ages:', 1)
    evil.write_text(text, encoding="utf-8")
    code = replay.run(["--level", str(evil), "--persona", level.personas[0].id, "--seed", "1", *choices])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert code == 2 and "control character U+001B (ESC)" in out.err  # refused, not printed
    code = replay.run(["--level", "sample", "--persona", "\x1b[2Jnobody", "--seed", "1", "consent.accept"])
    err = capsys.readouterr().err
    assert code == 2 and "\x1b" not in err


@pytest.mark.parametrize(
    "body",
    [
        "CREATE VIEW sessions AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id FROM r",
        "CREATE TABLE sessions (id INTEGER PRIMARY KEY)",
    ],
    ids=["recursive-view", "wrong-columns"],
)
def test_a_hostile_schema_is_refused_in_bounded_time(tmp_path: Path, body: str) -> None:
    db = tmp_path / "evil.db"
    with sqlite3.connect(db) as conn:
        conn.execute(body)
        conn.execute("CREATE TABLE choices (session_id, pos, scene_id, option_id)")
        conn.execute("CREATE TABLE guess (session_id, rank, category)")
        conn.execute("PRAGMA user_version = 1")
    for argv in (["stats", "--db", str(db)], ["stats", "merge", str(db), "--into", str(tmp_path / "m.db")]):
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "game", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert time.monotonic() - started < 20
        assert done.returncode == 2 and "not a statistics database" in done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "m.db").exists()


@posix_only
def test_a_fifo_is_not_opened_as_a_database(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "stats.db"
    os.mkfifo(fifo)
    code, _, err = stats(capsys, "--db", str(fifo))
    assert code == 2 and "FIFO" in err


# --- a statistics problem is one line, never a traceback --------------------------------------


@pytest.mark.parametrize("shape", ["file", "missing", "under-a-file"])
def test_stats_with_an_unusable_data_folder_is_one_line(tmp_path: Path, shape: str) -> None:
    data = tmp_path / "data"
    if shape == "file":
        data.write_text("not a folder")
    elif shape == "under-a-file":
        (tmp_path / "f").write_text("x")
        data = tmp_path / "f" / "data"
    done = subprocess.run(
        [sys.executable, "-m", "game", "stats"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "OPEN_SESAME_DATA": str(data)},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    assert not data.exists() or shape == "file"  # reading never creates anything
