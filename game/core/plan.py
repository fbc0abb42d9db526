"""A level's scenes and options worked out once into what a step of a month asks of them.

A month asks the same questions of the same scenes thousands of times a second in the
simulator: which options are open, which effects apply now and why, which scenes a week
draws from. The answers that never change are found here once per level (kept by its
:class:`~game.core.rules.LevelIndex`), and conditions become plain callables
(:func:`compile_condition`) that give exactly what ``Condition.holds`` gives. Nothing
here changes a month: the session (:mod:`game.core.session`) still does every change
through :class:`~game.core.world.World`, which logs each with its cause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from game.content.models import Condition, Effect, Option, Scene, Week
from game.core.events import Notified, OptionChosen, Reply
from game.kinds.base import Because
from game.kinds.registry import CONDITION_TESTS

if TYPE_CHECKING:
    from game.core.ledger import Cause
    from game.core.state import SessionState

Check = Callable[["SessionState"], bool]
"""A compiled condition: ``check(state)`` is ``condition.holds(state)``."""


def compile_condition(cond: Condition | None) -> Check | None:
    """``cond`` as a callable, or None when it always holds (no condition, or no test)."""
    if cond is None:
        return None
    tests = [(CONDITION_TESTS[key].holds, value) for key, value in cond.made]
    if not tests:
        return None
    if len(tests) == 1:  # most conditions make one test: no loop at all
        holds, value = tests[0]
        return partial(holds, value)
    return partial(_all_hold, tuple(tests))


def _all_hold(tests: tuple[tuple[Callable[[Any, SessionState], bool], Any], ...], state: SessionState) -> bool:
    return all(holds(value, state) for holds, value in tests)


@dataclass(frozen=True, slots=True)
class Step:
    """One effect of an option's group, as :meth:`Session._apply_steps` applies it.

    ``delayed`` effects wait in the month's pending list, named by (group, index).
    """

    effect: Effect
    check: Check | None  # the effect's ``when``
    because: Because
    delayed: bool
    group: str
    index: int
    cause: Cause


@dataclass(frozen=True, slots=True)
class OptionPlan:
    """An option of a scene: its condition, its effects and what it answers.

    Its events are frozen, so each is made once and returned by every month that chooses it.
    """

    option: Option
    when: Check | None
    effects: tuple[Step, ...]
    on_granted: tuple[Step, ...]
    on_refused: tuple[Step, ...]
    replies: tuple[tuple[Check | None, Reply], ...]  # each ``reply_when`` line's condition and event
    reply: Reply | None  # the event of its plain ``reply``, when it has one
    chosen: OptionChosen
    notified: Notified | None
    paid: Because  # why the money paid at its door goes


@dataclass(frozen=True, slots=True)
class ScenePlan:
    """A scene: whether it is played now, and its options in order."""

    scene: Scene
    when: Check | None
    options: tuple[tuple[str, Check | None], ...]  # (option id, its condition)
    always_open: bool  # some option has no condition: the scene is playable when its own holds
    all_open: bool  # no option has a condition: every one is always open
    ids: tuple[str, ...]  # every option's id, in order
    texts: tuple[Check | None, ...]  # each ``text_when`` line's condition, in order


@dataclass(frozen=True, slots=True)
class WeekDraw:
    """What :func:`game.core.session._draw` needs of a week: the same draws in the same order."""

    free: list[int]  # indexes of the scenes that are drawn, not fixed
    draw: int | None
    scenes: tuple[tuple[int, str, bool], ...]  # (index, id, fixed) in the authored order
    whispers: int  # how many whispers the week has


def steps_of(effects: list[Effect], scene: str, option: str, group: str, ix: Any) -> tuple[Step, ...]:
    """An option's group of effects as steps, each with its (shared) reason."""
    return tuple(
        Step(
            effect,
            compile_condition(effect.when),
            ix.because(scene, option, group, index, effect),
            bool(effect.delay_scenes or effect.delay_weeks),
            group,
            index,
            effect.cause or "choice",
        )
        for index, effect in enumerate(effects)
    )


def option_plan(scene: Scene, option: Option, ix: Any) -> OptionPlan:
    return OptionPlan(
        option,
        compile_condition(option.when),
        steps_of(option.effects, scene.id, option.id, "effects", ix),
        steps_of(option.on_granted, scene.id, option.id, "on_granted", ix),
        steps_of(option.on_refused, scene.id, option.id, "on_refused", ix),
        tuple(
            (compile_condition(line.when), Reply(scene.id, option.id, i)) for i, line in enumerate(option.reply_when)
        ),
        Reply(scene.id, option.id, None) if option.reply is not None else None,
        OptionChosen(scene.id, option.id),
        Notified(scene.id, option.id) if option.notify is not None else None,
        Because("choice", scene.id, option.id),
    )


def scene_plan(scene: Scene) -> ScenePlan:
    options = tuple((o.id, compile_condition(o.when)) for o in scene.options)
    return ScenePlan(
        scene,
        compile_condition(scene.when),
        options,
        any(check is None for _, check in options),
        all(check is None for _, check in options),
        tuple(oid for oid, _ in options),
        tuple(compile_condition(line.when) for line in scene.text_when),
    )


def text_line(plan: ScenePlan, state: SessionState) -> int:
    """Which of a scene's texts is shown now: the first ``text_when`` line that holds, else
    -1 for its ``text`` (what :func:`game.core.lookup.scene_text` picks)."""
    for line, check in enumerate(plan.texts):
        if check is None or check(state):
            return line
    return -1


def week_draws(weeks: list[Week]) -> tuple[WeekDraw, ...]:
    return tuple(
        WeekDraw(
            [i for i, s in enumerate(week.scenes) if not s.fixed],
            week.draw,
            tuple((i, s.id, s.fixed) for i, s in enumerate(week.scenes)),
            len(week.whispers),
        )
        for week in weeks
    )
