"""Reading input files without trusting them: regular files only, the size known before reading.

A level, config, catalog or database path can name anything: a FIFO (reading it would
wait forever for a writer), ``/dev/zero`` (endless), a directory, a 3 GB sparse file. Every
reader goes through here: the file is opened without blocking, checked with ``fstat``
(the same file that will be read, not a name that could change in between) and refused
with a one-line reason unless it is a regular file within the size limit. Only then is it
read, and never more than the limit even if it grows meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """A path that must not be read; the message is one line for the user."""


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a non-regular file is, for a message."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path | str) -> os.stat_result:
    """``os.stat`` of ``path`` if it is a regular file; else :class:`FileRefused`."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as err:
        raise FileRefused(f"cannot read file: {_reason(err)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"cannot read file: {kind_of(info.st_mode)}, not a regular file")
    return info


def read_regular(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; :class:`FileRefused` otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as err:
        raise FileRefused(f"cannot read file: {_reason(err)}") from None
    with contextlib.closing(_FD(fd)):
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"cannot read file: {kind_of(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise FileRefused(f"file is {info.st_size} bytes; the limit is {max_bytes}")
        chunks, total = [], 0
        try:
            while total <= max_bytes:
                chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as err:
            raise FileRefused(f"cannot read file: {_reason(err)}") from None
        if total > max_bytes:
            raise FileRefused(f"file grew past the limit of {max_bytes} bytes while being read")
        return b"".join(chunks)


class _FD:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


def _reason(err: BaseException) -> str:
    if isinstance(err, ValueError):
        return "the path contains a NUL character"
    return getattr(err, "strerror", None) or str(err)


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two paths name one file: the same resolved path, or the same device and inode."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
