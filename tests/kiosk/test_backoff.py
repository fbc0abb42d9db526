"""Restart waits: quick for a single crash, doubling to a cap in a crash loop, reset by a stable run."""

from __future__ import annotations

from game.kiosk.backoff import CrashBackoff, RestartPolicy


def crash_loop(backoff: CrashBackoff, crashes: int, start: float = 0.0) -> list[float]:
    """Crash immediately after every restart; return the waits."""
    now, waits = start, []
    for _ in range(crashes):
        wait = backoff.record_crash(now, run_s=0.1)
        waits.append(wait)
        now += wait + 0.1
    return waits


def test_a_single_crash_restarts_within_3_s() -> None:
    assert CrashBackoff().record_crash(100.0, run_s=500.0) <= 3


def test_more_than_5_crashes_in_60_s_doubles_to_a_cap_of_60_s() -> None:
    waits = crash_loop(CrashBackoff(), 12)
    assert waits == [1, 1, 1, 1, 1, 5, 10, 20, 40, 60, 60, 60]


def test_crashes_spread_out_are_not_a_loop() -> None:
    backoff = CrashBackoff()
    waits = [backoff.record_crash(t * 20.0, run_s=19.0) for t in range(10)]
    assert waits == [1.0] * 10
    assert not backoff.in_crash_loop


def test_a_stable_run_ends_the_crash_loop() -> None:
    backoff = CrashBackoff()
    crash_loop(backoff, 8)
    assert backoff.in_crash_loop
    assert backoff.record_crash(10_000.0, run_s=RestartPolicy().stable_run_s) == 1.0
    assert not backoff.in_crash_loop


def test_policy_is_configurable() -> None:
    policy = RestartPolicy(restart_delay_s=0.5, loop_crashes=2, backoff_start_s=3, backoff_cap_s=10)
    assert crash_loop(CrashBackoff(policy), 6) == [0.5, 0.5, 3, 6, 10, 10]
