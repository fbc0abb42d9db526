"""Months played on every core, with the same results as in one process.

Each batch of months (a :class:`~game.core.months.MonthSpec` and a number of months) is
cut into ranges of month indexes; workers play ranges and the results are put back in
index order. Since a month depends only on the seed and its index
(:func:`~game.core.months.month_rng`), neither the number of processes, nor which one
played a range, nor the order they finish in can change a report.

Spawn-safe: nothing relies on ``fork``. The worker is a top-level function and the
level is handed to each worker once, as the pool's initializer argument: a forked worker
(the platform's default on Linux, a pool up in about 20 ms) inherits it as it is, its index
(:func:`~game.core.rules.index_of`) already built, and nothing is pickled;
under ``spawn`` (about 300 ms) it is pickled without its index, which the worker builds
again once (a level built in memory has no file to read again). ``context`` picks the
start method.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence

from game.content.models import Level
from game.core.months import Month, MonthSpec, play_range
from game.core.rules import index_of

Batch = tuple[MonthSpec, int]  # what to play, and how many months

RANGES_PER_JOB = 8
"""Ranges given to each process per batch: enough that one slow range does not leave a
core idle at the end, few enough that sending results back stays cheap."""

_level: Level | None = None
"""The level a worker process plays, set once by :func:`_start_worker` (never in the parent)."""


def default_jobs() -> int:
    """Every core of the machine (1 when Python cannot tell)."""
    return os.cpu_count() or 1


def play_batches(
    level: Level, batches: Sequence[Batch], jobs: int = 1, context: str | None = None
) -> list[list[Month]]:
    """Every batch's months in index order: in this process for ``jobs`` 1, else on a pool.

    The result is the same for any ``jobs``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        return [play_range(level, spec, 0, runs) for spec, runs in batches]
    tasks = [(b, start, stop) for b, (_, runs) in enumerate(batches) for start, stop in _ranges(runs, jobs)]
    results: list[list[Month]] = [[] for _ in batches]
    if not tasks:
        return results
    index_of(level)  # built once here, so forked workers inherit it rather than each building it
    specs = [spec for spec, _ in batches]
    ctx = multiprocessing.get_context(context)
    with ctx.Pool(min(jobs, len(tasks)), initializer=_start_worker, initargs=(level,)) as pool:
        work = [(specs[b], start, stop) for b, start, stop in tasks]
        for (b, _, _), months in zip(tasks, pool.imap(_play_task, work), strict=True):
            results[b].extend(months)  # imap yields in task order: each batch fills in index order
    return results


def _ranges(runs: int, jobs: int) -> list[tuple[int, int]]:
    """``range(runs)`` cut into contiguous ranges of nearly equal size."""
    count = max(1, min(runs, jobs * RANGES_PER_JOB))
    return [(runs * i // count, runs * (i + 1) // count) for i in range(count) if runs * i // count < runs]


def _start_worker(level: Level) -> None:
    global _level
    # A forked worker inherits its parent's signal handlers: the game's SIGTERM handler only
    # sets a flag, so a pool forked from a process that installed it could never be
    # terminated (the pool's exit would wait for its workers for ever). Workers die on it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _level = level


def _play_task(task: tuple[MonthSpec, int, int]) -> list[Month]:
    spec, start, stop = task
    assert _level is not None, "worker not started"
    return play_range(_level, spec, start, stop)
