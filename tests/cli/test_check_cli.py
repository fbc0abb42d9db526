"""``python -m game check``: exit codes, output format, default folder, no pygame."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.cli.check import run
from game.paths import LEVELS_DIR, ROOT

TESTS = Path(__file__).resolve().parent.parent
MINIMAL = TESTS / "content" / "minimal.yaml"
BAD = TESTS / "content" / "bad_levels"


def game(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_check_with_no_argument_checks_every_level_in_levels() -> None:
    done = game("check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "all levels are valid"
    assert done.stderr == ""


def test_check_the_levels_folder_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(LEVELS_DIR)]) == 0
    assert capsys.readouterr().out == "all levels are valid\n"


def test_check_one_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(LEVELS_DIR / "sample.yaml")]) == 0
    assert "all levels are valid" in capsys.readouterr().out


def test_check_good_and_bad_files_together(capsys: pytest.CaptureFixture[str]) -> None:
    bad = [BAD / "dangling_door.yaml", BAD / "unknown_key_top.yaml"]
    assert run([str(MINIMAL), *map(str, bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert lines[-1] == f"{len(lines) - 1} problem(s) found"
    assert {line.split(":")[0] for line in lines[:-1]} == {str(b) for b in bad}


def test_check_a_folder_reads_yaml_and_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(MINIMAL, tmp_path / "one.yaml")
    shutil.copy(BAD / "text_empty.yaml", tmp_path / "two.yml")
    assert run([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'two.yml'}:" in err and "text is empty" in err
    assert "one.yaml" not in err


def test_check_a_missing_file_and_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path / "nope.yaml")]) == 2
    assert f"{tmp_path / 'nope.yaml'}:1:1: no such file" in capsys.readouterr().err
    assert run([str(tmp_path)]) == 2
    assert f"{tmp_path}:1:1: no level files found" in capsys.readouterr().err


def test_check_help() -> None:
    done = game("check", "--help")
    assert done.returncode == 0
    assert "usage: python -m game check" in done.stdout


def test_unknown_command() -> None:
    done = game("chekc")
    assert done.returncode == 2
    assert "unknown command 'chekc'" in done.stdout


def test_check_never_loads_pygame() -> None:
    probe = (
        "import sys\n"
        "from game.cli import main\n"
        f"code = main(['check', {str(MINIMAL)!r}, {str(BAD / 'dangling_door.yaml')!r}])\n"
        "assert code == 2, code\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'pygame'], 'pygame imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
