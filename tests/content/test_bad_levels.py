"""Every malformed level in bad_levels/ is refused with a clear ``file:line:col:`` message.

Each corpus file is tests/content/minimal.yaml with one thing broken. Its first lines say
what ``python -m game check`` must report: one or more ``# expect: <substring>`` lines and
optionally ``# line: N``, the line of the problem that matches the first expectation.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.cli.check import run
from game.content.load import check_paths
from game.content.yamlsafe import MAX_BYTES
from game.paths import ROOT

HERE = Path(__file__).parent
BAD_DIR = HERE / "bad_levels"
MINIMAL = HERE / "minimal.yaml"
BAD_FILES = sorted(BAD_DIR.glob("*.yaml"))
# A handful also go through a real ``python -m game check`` process.
IN_SUBPROCESS = {"tag_python_apply", "alias_bomb", "encoding_latin1", "only_comments", "syntax_tab_indent"}


@dataclass
class Expectation:
    messages: list[str]
    line: int | None


def expectation(path: Path) -> Expectation:
    head = path.read_bytes().decode("latin-1").splitlines()
    messages = [line.removeprefix("# expect: ") for line in head if line.startswith("# expect: ")]
    lines = [int(line.removeprefix("# line: ")) for line in head if line.startswith("# line: ")]
    assert head and head[0].startswith("# expect: "), f"{path.name}: the first line must be '# expect: ...'"
    return Expectation(messages, lines[0] if lines else None)


def check_output(path: Path, code: int, out: str, err: str) -> None:
    """The common verdict: exit 2, every problem as file:line:col:, the expected messages."""
    want = expectation(path)
    assert code == 2, err
    assert "Traceback" not in out + err
    assert out == ""
    lines = err.strip().splitlines()
    *problems, summary = lines
    assert problems, err
    assert summary == f"{len(problems)} problem(s) found"
    prefix = re.compile(rf"^{re.escape(str(path))}:(\d+):(\d+): \S")
    for problem in problems:
        assert prefix.match(problem), problem
    for message in want.messages:
        assert any(message in p for p in problems), f"{message!r} not in:\n{err}"
    if want.line is not None:
        first = next(p for p in problems if want.messages[0] in p)
        match = prefix.match(first)
        assert match is not None
        assert int(match.group(1)) == want.line, first


def test_the_corpus_is_large_and_every_file_says_what_it_expects() -> None:
    assert len(BAD_FILES) >= 30
    for path in BAD_FILES:
        assert expectation(path).messages, path.name


def test_the_minimal_level_the_corpus_derives_from_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(MINIMAL)]) == 0
    assert "all levels are valid" in capsys.readouterr().out


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.stem)
def test_bad_level_is_refused_in_process(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run([str(path)])
    captured = capsys.readouterr()
    check_output(path, code, captured.out, captured.err)


def check_in_subprocess(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "check", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("name", sorted(IN_SUBPROCESS))
def test_bad_level_is_refused_by_the_command(name: str) -> None:
    path = BAD_DIR / f"{name}.yaml"
    done = check_in_subprocess(path)
    check_output(path, done.returncode, done.stdout, done.stderr)


def test_a_python_tag_never_runs_anything(tmp_path: Path) -> None:
    witness = tmp_path / "owned"
    level = tmp_path / "evil.yaml"
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "id: minimal\n", f'id: !!python/object/apply:os.system ["touch {witness}"]\n'
    )
    level.write_text(text, encoding="utf-8")
    done = check_in_subprocess(level)
    assert done.returncode == 2
    assert "is not allowed" in done.stderr
    assert not witness.exists()


def test_an_empty_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    assert run([str(empty)]) == 2
    assert f"{empty}:1:1: the file is empty" in capsys.readouterr().err


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.yaml"
    filler = "# " + "x" * 98 + "\n"
    huge.write_text(MINIMAL.read_text(encoding="utf-8") + filler * (MAX_BYTES // 100 + 1000), encoding="utf-8")
    assert huge.stat().st_size > MAX_BYTES
    assert run([str(huge)]) == 2
    err = capsys.readouterr().err
    assert f"{huge}:1:1: file is {huge.stat().st_size} bytes; the limit is {MAX_BYTES}" in err


def test_the_alias_bomb_is_refused_quickly(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    assert run([str(BAD_DIR / "alias_bomb.yaml")]) == 2
    assert time.monotonic() - started < 5  # a guard only: expanding it would take minutes and gigabytes
    assert "alias bomb" in capsys.readouterr().err


def test_several_problems_in_one_file_are_all_reported(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD_DIR / "several_problems.yaml"
    assert len(expectation(path).messages) >= 4
    assert run([str(path)]) == 2
    assert capsys.readouterr().err.count(str(path)) == len(expectation(path).messages)


def test_several_schema_problems_are_all_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("languages: [en, fr]", "langauges: [en, fr]")
        .replace("    score: 470", "    score: lots")
        .replace("{category: credit, delta: -1}", "{category: credit, delat: -1}")
    )
    path = tmp_path / "three.yaml"
    path.write_text(text, encoding="utf-8")
    assert run([str(path)]) == 2
    err = capsys.readouterr().err
    for message in ("unknown key 'langauges'", "languages: this field is required", "valid integer", "'delat'"):
        assert message in err
    assert "5 problem(s) found" in err  # the misspelt delta is both unknown and missing


def test_checking_the_whole_corpus_reports_every_file() -> None:
    problems = check_paths([BAD_DIR])
    files = {Path(p.file).name for p in problems}
    assert files == {p.name for p in BAD_FILES}
