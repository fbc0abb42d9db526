"""Only regular files are read, and the size is checked before reading (FIFOs, /dev/zero, sparse files)."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from game.content.load import check_paths
from game.content.yamlsafe import MAX_BYTES, YamlRejected, read_yaml

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def refused(path: Path, timeout: float = 5.0) -> str:
    """The message ``read_yaml`` gives for ``path``, failing (not hanging) if it blocks."""
    result: list[str] = []

    def work() -> None:
        try:
            read_yaml(path)
            result.append("accepted")
        except YamlRejected as err:
            result.append(str(err))
        except BaseException as err:  # a MemoryError, say: that is a failure too
            result.append(f"raised {type(err).__name__}")

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"reading {path} blocked for {timeout} s"
    return result[0]


@posix_only
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "level.yaml"
    os.mkfifo(fifo)
    assert refused(fifo) == f"{fifo}:1:1: cannot read file: a FIFO (named pipe), not a regular file"
    [problem] = check_paths([fifo])
    assert "FIFO" in problem.message


@posix_only
def test_dev_zero_behind_a_yaml_name_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    assert refused(link) == f"{link}:1:1: cannot read file: a character device, not a regular file"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "level.yaml"
    folder.mkdir()
    assert "not a regular file" in refused(folder) or "cannot read file" in refused(folder)


def test_a_huge_sparse_file_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as out:
        out.truncate(3 * 1024**3)  # 3 GB, sparse: costs nothing on disk
    started = time.perf_counter()
    message = refused(big)
    assert message == f"{big}:1:1: file is {3 * 1024**3} bytes; the limit is {MAX_BYTES}"
    assert time.perf_counter() - started < 1.0


def test_a_missing_file_and_a_nul_in_a_name_are_messages(tmp_path: Path) -> None:
    from game.safefile import FileRefused, read_regular

    assert "cannot read file" in refused(tmp_path / "absent.yaml")
    with pytest.raises(FileRefused, match="NUL"):
        read_regular(f"{tmp_path}/a\0b", 10)


def test_read_regular_never_returns_more_than_the_limit(tmp_path: Path) -> None:
    from game.safefile import FileRefused, read_regular

    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_regular(path, 100) == b"x" * 100
    with pytest.raises(FileRefused, match="100 bytes; the limit is 99"):
        read_regular(path, 99)


def test_same_file_sees_hard_links_and_spellings(tmp_path: Path) -> None:
    from game.safefile import same_file

    a = tmp_path / "a.db"
    a.write_bytes(b"1")
    os.link(a, tmp_path / "b.db")
    (tmp_path / "c.db").write_bytes(b"1")
    assert same_file(a, tmp_path / "b.db")
    assert same_file(a, tmp_path / "." / "a.db")
    assert not same_file(a, tmp_path / "c.db")
    assert not same_file(a, tmp_path / "absent")
