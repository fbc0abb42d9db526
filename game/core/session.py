"""A month in Halo: the session runtime.

The API is small, after ink's: look at :attr:`Session.scene` and :meth:`Session.options`,
call :meth:`Session.choose`, read the events it returns, stop when :attr:`Session.over`.
The first choice is the consent (scene id ``"consent"``, options ``accept``/``decline``),
so a whole month is a plain list of ``(scene, option)`` pairs that replays exactly.
Effects are registered kinds (:mod:`game.kinds`) applied through :class:`~game.core.world.World`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.content.models import Effect, Level, Option, Scene
from game.core.events import (
    DoorChecked,
    Event,
    MonthEnded,
    OptionChosen,
    WeekPublished,
    WeekStarted,
)
from game.core.plan import OptionPlan, Step, WeekDraw
from game.core.rules import ACCEPT, CONSENT, DECLINE, LevelIndex, holds, index_of
from game.core.state import ContactState, DoorMet, Pending, SessionState
from game.core.world import World
from game.kinds.base import Because

__all__ = ["ACCEPT", "CONSENT", "DECLINE", "ChoiceError", "OptionView", "Outcome", "Session"]


class ChoiceError(ValueError):
    """The option does not exist here or is not available now."""


@dataclass(frozen=True, slots=True)
class OptionView:
    option: Option
    available: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    declined: bool
    final_score: int | None
    grade: str | None
    goal_reached: bool
    money: int
    blacklisted: bool
    joined_late: bool = False


PUBLISHED = Because("recompute")
CIRCLE = Because("persona", why=None)
LIVES = Because("contact")


class Session(World):
    """One player's month. Deterministic for (level, persona, seed, variant, choices)."""

    def __init__(
        self, level: Level, persona: str, seed: int = 0, variant: str | None = None, *, hold_publication: bool = False
    ) -> None:
        self.level = level
        # The game holds each weekly publication until the visitor leaves the week's last
        # scene (:meth:`publish`), so nothing of it shows before its own screen. Replays
        # and simulations publish at once; either way the month is the same.
        self.hold_publication = hold_publication
        self.ix: LevelIndex = index_of(level)
        self._events = []
        if persona not in self.ix.personas:
            raise ValueError(f"unknown persona {persona!r}")
        rng = random.Random(seed)
        if variant is None:
            # its own stream, so the month's draws are the same whether or not the variant is given
            variant = (
                level.rules[0].id if len(level.rules) == 1 else random.Random(f"rules-{seed}").choice(level.rules).id
            )
        elif variant not in self.ix.rules:
            raise ValueError(f"unknown rule variant {variant!r}")
        self.state = SessionState(level=level.id, persona=persona, seed=seed, variant=variant)
        self._pps = self.ix.points_per_subscore(variant)
        self.state.schedule, self.state.whispers = _draw(self.ix.week_draws, rng)
        self._start()

    def _start(self) -> None:
        st, ix = self.state, self.ix
        persona = ix.personas[st.persona]
        st.money = persona.money
        st.sub = dict(self.level.start)
        circle = persona.contacts if persona.contacts is not None else [c.id for c in self.level.contacts]
        for cid in circle:
            contact = ix.contacts[cid]
            st.contacts[cid] = ContactState(float(contact.score), contact.relation)
        # who your friends are is who you are: the circle's starting connections are logged as such
        self.change_category(ix.connections, 0.0, CIRCLE)
        for point, because in zip(persona.data, ix.persona_because(st.persona), strict=True):
            self.change_category(point.category, point.delta, because)
        st.published = ix.score(st.sub, st.variant)
        st.history.append(st.published)
        st.contact_history.append(self._contact_scores())
        self._log(PUBLISHED, "score", "published", None, st.published)

    # -- what is happening now ------------------------------------------------------------
    @property
    def phase(self) -> str:
        return self.state.phase

    @property
    def over(self) -> bool:
        return self.state.phase == "ended"

    @property
    def week_over(self) -> bool:
        """The week's scenes are done and its publication waits for :meth:`publish`."""
        return self.state.phase == "week_end"

    @property
    def declined(self) -> bool:
        """Living the month without a Halo account (until joining, if the level allows it)."""
        return "declined" in self.state.flags

    @property
    def week(self) -> int:
        """The current week, 1-based (0 during consent)."""
        return 0 if self.state.phase == "consent" else self.state.week + 1

    @property
    def scene_id(self) -> str | None:
        st = self.state
        if st.phase == "consent":
            return CONSENT
        if st.phase in ("ended", "week_end"):
            return None
        if st.detour:
            return st.detour[0]
        return st.schedule[st.week][st.pos]

    @property
    def scene(self) -> Scene | None:
        sid = self.scene_id
        return None if sid is None or sid == CONSENT else self.ix.scenes[sid]

    def options(self) -> list[OptionView]:
        """The current scene's options, each with whether it can be chosen now."""
        scene = self.scene
        if scene is None:
            return []
        return [OptionView(o, holds(o.when, self.state)) for o in scene.options]

    def option_ids(self) -> list[str]:
        """Ids that :meth:`choose` accepts now."""
        st = self.state
        if st.phase != "month":
            return [ACCEPT, DECLINE] if st.phase == "consent" else []
        plan = self.ix.scene_plans[st.detour[0] if st.detour else st.schedule[st.week][st.pos]]
        if plan.all_open:
            return list(plan.ids)
        return [oid for oid, check in plan.options if check is None or check(st)]

    # -- the one verb -----------------------------------------------------------------------
    def choose(self, option_id: str) -> list[Event]:
        """Take an option in the current scene; returns what happened, in order."""
        st = self.state
        if st.phase != "month":
            if st.phase == "ended":
                raise ChoiceError("the month is over")
            if st.phase == "week_end":
                raise ChoiceError("the week is over: publish it first")
        events: list[Event] = []
        self._events = events
        if st.phase == "consent":
            self._consent(option_id, events)
            return events
        scene = st.detour[0] if st.detour else st.schedule[st.week][st.pos]
        plan = self.ix.option_plans.get((scene, option_id))
        if plan is None:
            raise ChoiceError(f"scene {scene!r} has no option {option_id!r}")
        if plan.when is not None and not plan.when(st):
            raise ChoiceError(f"option {option_id!r} is not available now")
        option = plan.option
        st.choices.append((scene, option_id))
        events.append(plan.chosen)
        if plan.effects:
            self._apply_steps(plan.effects, scene, option_id)
        if option.door is not None:
            self._door(plan, scene)
        if plan.replies or plan.reply is not None:
            reply = next((event for check, event in plan.replies if check is None or check(st)), plan.reply)
            if reply is not None:
                events.append(reply)
        if plan.notified is not None:
            events.append(plan.notified)
        if st.detour:
            st.detour.pop(0)
        else:
            st.pos += 1
        st.scenes_played += 1
        if st.pending:
            self._apply_pending(lambda p: p.due_scene is not None and p.due_scene <= st.scenes_played)
        if option.goto is not None and all(scene != option.goto for scene, _ in st.choices):
            st.detour.insert(0, option.goto)  # a side scene is played at most once a month
        self._advance(events)
        return events

    def _consent(self, option_id: str, events: list[Event]) -> None:
        st = self.state
        if option_id not in (ACCEPT, DECLINE):
            raise ChoiceError("the consent takes 'accept' or 'decline'")
        st.choices.append((CONSENT, option_id))
        events.append(OptionChosen(CONSENT, option_id))
        st.phase = "month"
        if option_id == DECLINE:
            self.set_flag("declined", True, Because("choice", CONSENT, DECLINE))
            # the month without Halo has draws of its own, apart from the month with it
            st.schedule, st.whispers = _draw(self.ix.declined_draws, random.Random(f"declined-{st.seed}"))
        events.append(WeekStarted(1, st.whispers[0]))
        self._advance(events)

    # -- moving on ---------------------------------------------------------------------------
    def publish(self) -> list[Event]:
        """The held publication of the week just lived, and what follows it."""
        st = self.state
        if st.phase != "week_end":
            raise ChoiceError("no week is waiting to be published")
        st.phase = "month"
        events: list[Event] = []
        self._events = events
        self._advance(events, publish_now=True)
        return events

    def _advance(self, events: list[Event], publish_now: bool = False) -> None:
        """Skip scenes whose condition fails (or that offer no available option); publish at
        the end of a week (or hold the publication); end the month."""
        st = self.state
        while st.phase == "month":
            if st.detour:
                if self._playable(st.detour[0]):
                    return
                st.detour.pop(0)
                continue
            week = st.schedule[st.week]
            if st.pos < len(week):
                if self._playable(week[st.pos]):
                    return
                st.pos += 1
                continue
            if self.hold_publication and not publish_now:
                st.phase = "week_end"
                return
            publish_now = False
            self._publish(events)
            if st.week + 1 >= len(st.schedule):
                st.phase = "ended"
                events.append(MonthEnded(self.declined))
                return
            st.week += 1
            st.pos = 0
            events.append(WeekStarted(st.week + 1, st.whispers[st.week]))

    def _playable(self, scene_id: str) -> bool:
        """A scene is played when its condition holds and at least one option is available."""
        plan = self.ix.scene_plans[scene_id]
        st = self.state
        if plan.when is not None and not plan.when(st):
            return False
        return plan.always_open or any(check is not None and check(st) for _, check in plan.options)

    def _publish(self, events: list[Event]) -> None:
        """The weekly recomputation: drift, contacts' lives, being dropped, then publication."""
        st, ix = self.state, self.ix
        declined = self.declined
        if not declined:
            for cat, drift in self.level.recompute.drift.items():
                self.change_category(cat, drift, ix.recompute_because)
        self._contacts_live(st.seed * 7919 + st.week, LIVES)
        self._refresh_connections(LIVES)
        if not declined and ix.droppers:
            blacklisted = "blacklisted" in st.flags
            for cid, cstate in list(st.contacts.items()):
                rule = ix.droppers.get(cid)
                if rule is None or cstate.relation != "friend":
                    continue
                if_blacklisted, below = rule
                if (if_blacklisted and blacklisted) or (below is not None and st.published < below):
                    self.set_relation(cid, "dropped", LIVES, by="them")
        before = st.published
        after = before if declined else ix.score(st.sub, st.variant)
        st.published = after
        st.history.append(after)
        st.contact_history.append(self._contact_scores())
        self._log(PUBLISHED, "score", "published", before, after)
        events.append(WeekPublished(st.week + 1, before, after, ix.message(after - before)))
        if st.pending:
            self._apply_pending(lambda p: p.due_week is not None and p.due_week <= st.week)

    # -- effects -----------------------------------------------------------------------------
    def _apply_steps(self, steps: tuple[Step, ...], scene: str, option: str) -> None:
        """An option's group of effects in order: delayed ones wait, the others apply now."""
        st = self.state
        for step in steps:
            if step.delayed:
                effect = step.effect
                st.pending.append(
                    Pending(
                        scene,
                        option,
                        step.group,
                        step.index,
                        st.scenes_played + 1 + effect.delay_scenes if effect.delay_scenes else None,
                        st.week + effect.delay_weeks - 1 if effect.delay_weeks else None,
                        step.cause,
                    )
                )
            elif step.check is None or step.check(st):
                step.effect.apply(self, step.because)

    def _apply_pending(self, due: Callable[[Pending], bool]) -> None:
        st = self.state
        ready: list[Pending] = []
        waiting: list[Pending] = []
        for p in st.pending:
            (ready if due(p) else waiting).append(p)
        if not ready:
            return
        st.pending = waiting
        for p in ready:
            option = self.ix.options[(p.scene, p.option)]
            effect: Effect = getattr(option, p.group)[p.index]
            if holds(effect.when, st):
                effect.apply(self, self.ix.because(p.scene, p.option, p.group, p.index, effect))

    def _door(self, plan: OptionPlan, scene: str) -> None:
        st = self.state
        option = plan.option
        assert option.door is not None
        result = self.ix.check_door(option.door, st.published, st.flags, st.money)
        st.doors.append(
            DoorMet(
                option.door,
                st.week + 1,
                scene,
                option.id,
                result.outcome,
                result.amount,
                result.reason,
                st.published,
                len(st.ledger),
            )
        )
        self._events.append(
            DoorChecked(option.door, result.outcome, result.amount, result.key, result.reason, st.published)
        )
        if result.outcome == "refuse":
            if plan.on_refused:
                self._apply_steps(plan.on_refused, scene, option.id)
            return
        if result.amount:
            self.add_money(-result.amount, plan.paid, key=option.door)
        if plan.on_granted:
            self._apply_steps(plan.on_granted, scene, option.id)

    # -- the end ----------------------------------------------------------------------------
    def outcome(self) -> Outcome:
        st = self.state
        declined = self.declined
        goal = self.ix.personas[st.persona].goal
        return Outcome(
            declined=declined,
            final_score=None if declined else st.published,
            grade=None if declined else self.ix.grade(st.published),
            goal_reached=holds(goal.when, st),
            money=st.money,
            blacklisted="blacklisted" in st.flags,
            joined_late="joined_late" in st.flags,
        )

    # -- persistence --------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.state.to_dict()

    @classmethod
    def from_dict(cls, level: Level, data: dict[str, Any]) -> Session:
        """Rebuild a session from :meth:`to_dict` output (same level required)."""
        state = SessionState.from_dict(data)
        if state.level != level.id:
            raise ValueError(f"this session belongs to level {state.level!r}, not {level.id!r}")
        session = cls.__new__(cls)
        session.level = level
        session.hold_publication = state.phase == "week_end"
        session.ix = index_of(level)
        session.state = state
        session._events = []
        session._pps = session.ix.points_per_subscore(state.variant)
        return session


def _draw(weeks: tuple[WeekDraw, ...], rng: random.Random) -> tuple[list[list[str]], list[int | None]]:
    """Each week's scenes and whisper from the seed, keeping the authored order."""
    schedule: list[list[str]] = []
    whispers: list[int | None] = []
    for week in weeks:
        if week.draw is None:
            schedule.append([sid for _, sid, _ in week.scenes])
        else:
            chosen = set(rng.sample(week.free, week.draw))
            schedule.append([sid for i, sid, fixed in week.scenes if fixed or i in chosen])
        whispers.append(rng.randrange(week.whispers) if week.whispers else None)
    return schedule, whispers
