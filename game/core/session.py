"""A month in Halo: the session runtime.

The API is small, after ink's: look at :attr:`Session.scene` and :meth:`Session.options`,
call :meth:`Session.choose`, read the events it returns, stop when :attr:`Session.over`.
The first choice is the consent (scene id ``"consent"``, options ``accept``/``decline``),
so a whole month is a plain list of ``(scene, option)`` pairs that replays exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from game.content.models import Effect, Level, Option, Scene
from game.core.events import (
    ContactDropped,
    DoorChecked,
    Event,
    MonthEnded,
    Notified,
    OptionChosen,
    Reply,
    WeekPublished,
    WeekStarted,
)
from game.core.ledger import Cause, LedgerEntry
from game.core.rules import ACCEPT, CONSENT, DECLINE, LevelIndex, holds, index_of
from game.core.state import ContactState, DoorMet, Pending, SessionState

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


class Session:
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
        self._draw(rng)
        self._start()

    # -- set-up ---------------------------------------------------------------------------
    def _draw(self, rng: random.Random) -> None:
        """Pick each week's scenes and whisper from the seed, keeping the authored order."""
        st = self.state
        for week in self.level.weeks:
            free = [i for i, s in enumerate(week.scenes) if not s.fixed]
            chosen = set(free) if week.draw is None else set(rng.sample(free, week.draw))
            st.schedule.append([s.id for i, s in enumerate(week.scenes) if s.fixed or i in chosen])
            st.whispers.append(rng.randrange(len(week.whispers)) if week.whispers else None)

    def _start(self) -> None:
        st, ix = self.state, self.ix
        persona = ix.personas[st.persona]
        st.money = persona.money
        st.sub = dict(self.level.start)
        circle = persona.contacts if persona.contacts is not None else [c.id for c in self.level.contacts]
        for cid in circle:
            contact = ix.contacts[cid]
            st.contacts[cid] = ContactState(float(contact.score), contact.relation)
        st.sub[ix.connections] = min(100.0, max(0.0, self._derived_connections()))
        for point in persona.data:
            self._change_category(point.category, point.delta, "persona", None, None, point.why or point.label)
        st.published = ix.score(st.sub, st.variant)
        st.history.append(st.published)
        st.contact_history.append(self._contact_scores())
        self._log("recompute", "score", "published", None, st.published)

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
        if self.state.phase == "consent":
            return [ACCEPT, DECLINE]
        return [v.option.id for v in self.options() if v.available]

    # -- the one verb -----------------------------------------------------------------------
    def choose(self, option_id: str) -> list[Event]:
        """Take an option in the current scene; returns what happened, in order."""
        st = self.state
        if st.phase == "ended":
            raise ChoiceError("the month is over")
        if st.phase == "week_end":
            raise ChoiceError("the week is over: publish it first")
        if st.phase == "consent":
            return self._consent(option_id)
        scene = self.scene
        assert scene is not None
        option = self.ix.options.get((scene.id, option_id))
        if option is None:
            raise ChoiceError(f"scene {scene.id!r} has no option {option_id!r}")
        if not holds(option.when, st):
            raise ChoiceError(f"option {option_id!r} is not available now")
        st.choices.append((scene.id, option_id))
        events: list[Event] = [OptionChosen(scene.id, option_id)]
        self._apply_all(option.effects, scene.id, option_id, "effects", events)
        if option.door is not None:
            self._door(option, scene.id, events)
        if option.reply is not None:
            events.append(Reply(option.reply))
        if option.notify is not None:
            events.append(Notified(option.notify))
        if st.detour:
            st.detour.pop(0)
        else:
            st.pos += 1
        st.scenes_played += 1
        self._apply_due_scenes(events)
        if option.goto is not None and all(scene != option.goto for scene, _ in st.choices):
            st.detour.insert(0, option.goto)  # a side scene is played at most once a month
        self._advance(events)
        return events

    def _consent(self, option_id: str) -> list[Event]:
        st = self.state
        if option_id not in (ACCEPT, DECLINE):
            raise ChoiceError("the consent takes 'accept' or 'decline'")
        st.choices.append((CONSENT, option_id))
        events: list[Event] = [OptionChosen(CONSENT, option_id)]
        st.phase = "month"
        if option_id == DECLINE:
            self._set_flag("declined", True, "choice", CONSENT, DECLINE, None)
            st.schedule = [[s.id for s in self.level.consent.declined_scenes]]
            st.whispers = [None]
            events.append(WeekStarted(1, None))
        else:
            events.append(WeekStarted(1, st.whispers[0]))
        self._advance(events)
        return events

    # -- moving on ---------------------------------------------------------------------------
    def publish(self) -> list[Event]:
        """The held publication of the week just lived, and what follows it."""
        st = self.state
        if st.phase != "week_end":
            raise ChoiceError("no week is waiting to be published")
        st.phase = "month"
        events: list[Event] = []
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
                events.append(MonthEnded("declined" in st.flags))
                return
            st.week += 1
            st.pos = 0
            events.append(WeekStarted(st.week + 1, st.whispers[st.week]))

    def _playable(self, scene_id: str) -> bool:
        """A scene is played when its condition holds and at least one option is available."""
        scene = self.ix.scenes[scene_id]
        return holds(scene.when, self.state) and any(holds(o.when, self.state) for o in scene.options)

    def _publish(self, events: list[Event]) -> None:
        """The weekly recomputation: drift, contacts' lives, being dropped, then publication."""
        st, ix = self.state, self.ix
        declined = "declined" in st.flags
        if not declined:
            for cat, drift in self.level.recompute.drift.items():
                why = self.level.recompute.why or None
                self._change_category(cat, drift, "recompute", None, None, why)
        noise = random.Random(st.seed * 7919 + st.week)
        for cid in st.contacts:
            contact = ix.contacts[cid]
            move = contact.drift + (noise.uniform(-contact.noise, contact.noise) if contact.noise else 0.0)
            if move:
                self._change_contact(cid, move, "contact", None, None, None, refresh=False)
        self._refresh_connections("contact", None, None, None)
        if not declined:
            for cid, cstate in st.contacts.items():
                contact = ix.contacts[cid]
                if cstate.relation != "friend":
                    continue
                fears = contact.drops_you_if_blacklisted and "blacklisted" in st.flags
                looks_down = contact.drops_you_below is not None and st.published < contact.drops_you_below
                if fears or looks_down:
                    self._set_relation(cid, "dropped", "contact", None, None, None)
                    events.append(ContactDropped(cid, "them", "dropped"))
        before = st.published
        after = before if declined else ix.score(st.sub, st.variant)
        st.published = after
        st.history.append(after)
        st.contact_history.append(self._contact_scores())
        self._log("recompute", "score", "published", before, after)
        events.append(WeekPublished(st.week + 1, before, after, ix.message(after - before)))
        self._apply_due_weeks(events)

    # -- effects -----------------------------------------------------------------------------
    def _apply_all(self, effects: list[Effect], scene: str, option: str, group: str, events: list[Event]) -> None:
        st = self.state
        for index, effect in enumerate(effects):
            cause: Cause = effect.cause or "choice"
            if effect.delay_scenes or effect.delay_weeks:
                st.pending.append(
                    Pending(
                        scene,
                        option,
                        group,
                        index,
                        st.scenes_played + 1 + effect.delay_scenes if effect.delay_scenes else None,
                        st.week + effect.delay_weeks - 1 if effect.delay_weeks else None,
                        cause,
                    )
                )
                continue
            if holds(effect.when, st):
                self._apply(effect, cause, scene, option, events)

    def _apply_due_scenes(self, events: list[Event]) -> None:
        self._apply_pending(lambda p: p.due_scene is not None and p.due_scene <= self.state.scenes_played, events)

    def _apply_due_weeks(self, events: list[Event]) -> None:
        self._apply_pending(lambda p: p.due_week is not None and p.due_week <= self.state.week, events)

    def _apply_pending(self, due: Any, events: list[Event]) -> None:
        st = self.state
        ready = [p for p in st.pending if due(p)]
        if not ready:
            return
        st.pending = [p for p in st.pending if not due(p)]
        for p in ready:
            option = self.ix.options[(p.scene, p.option)]
            effect: Effect = getattr(option, p.group)[p.index]
            if holds(effect.when, st):
                self._apply(effect, p.cause, p.scene, p.option, events)

    def _apply(self, effect: Effect, cause: Cause, scene: str, option: str, events: list[Event]) -> None:
        why = effect.why or None
        if effect.category is not None:
            assert effect.delta is not None
            self._change_category(effect.category, effect.delta, cause, scene, option, why)
        elif effect.contact is not None:
            if effect.relation is not None:
                previous = self.state.contacts.get(effect.contact)
                if previous is None and effect.relation in ("friend", "acquaintance"):
                    # someone new in your contacts: first as a stranger, so the change is logged
                    contact = self.ix.contacts[effect.contact]
                    previous = self.state.contacts[effect.contact] = ContactState(float(contact.score), "stranger")
                if previous is not None and previous.relation != effect.relation:
                    self._set_relation(effect.contact, effect.relation, cause, scene, option, why)
                    if effect.relation in ("dropped", "reported"):
                        events.append(ContactDropped(effect.contact, "you", effect.relation))
            else:
                assert effect.delta is not None
                self._change_contact(effect.contact, effect.delta, cause, scene, option, why)
        elif effect.money is not None:
            before = self.state.money
            self.state.money += effect.money
            self._log(cause, "money", "money", before, self.state.money, scene, option, why)
        elif effect.flag is not None:
            self._set_flag(effect.flag, effect.value, cause, scene, option, why)

    def _door(self, option: Option, scene: str, events: list[Event]) -> None:
        st = self.state
        assert option.door is not None
        result = self.ix.check_door(option.door, st.published, st.flags, st.money)
        st.doors.append(
            DoorMet(
                option.door, st.week + 1, scene, option.id, result.outcome, result.amount, result.reason, st.published
            )
        )
        events.append(
            DoorChecked(option.door, result.outcome, result.amount, result.tier.text, result.reason, st.published)
        )
        if result.outcome == "refuse":
            self._apply_all(option.on_refused, scene, option.id, "on_refused", events)
            return
        if result.amount:
            before = st.money
            st.money -= result.amount
            self._log("choice", "money", option.door, before, st.money, scene, option.id, None)
        self._apply_all(option.on_granted, scene, option.id, "on_granted", events)

    # -- state changes, each one logged --------------------------------------------------------
    def _change_category(
        self, cat: str, delta: float, cause: Cause, scene: str | None, option: str | None, why: dict[str, str] | None
    ) -> None:
        st = self.state
        before = st.sub[cat]
        if cat == self.ix.connections:
            st.conn_offset += delta
            after = min(100.0, max(0.0, self._derived_connections()))
        else:
            after = min(100.0, max(0.0, before + delta))
        st.sub[cat] = after
        self._log(cause, "category", cat, before, after, scene, option, why, (after - before) * self._pps[cat])

    def _change_contact(
        self,
        cid: str,
        delta: float,
        cause: Cause,
        scene: str | None,
        option: str | None,
        why: dict[str, str] | None,
        refresh: bool = True,
    ) -> None:
        st = self.state
        cstate = st.contacts.get(cid)
        if cstate is None:
            return
        before = cstate.score
        cstate.score = min(float(self.level.score.max), max(float(self.ix.lo), before + delta))
        self._log(cause, "contact", cid, round(before, 1), round(cstate.score, 1), scene, option, why)
        if refresh:
            self._refresh_connections(cause, scene, option, why)

    def _set_relation(
        self, cid: str, relation: str, cause: Cause, scene: str | None, option: str | None, why: dict[str, str] | None
    ) -> None:
        cstate = self.state.contacts[cid]
        before = cstate.relation
        cstate.relation = relation
        self._log(cause, "relation", cid, before, relation, scene, option, why)
        self._refresh_connections(cause, scene, option, why)

    def _set_flag(
        self, flag: str, value: bool, cause: Cause, scene: str | None, option: str | None, why: dict[str, str] | None
    ) -> None:
        st = self.state
        before = flag in st.flags
        if value:
            st.flags.add(flag)
        else:
            st.flags.discard(flag)
        self._log(cause, "flag", flag, before, value, scene, option, why)

    def _refresh_connections(
        self, cause: Cause, scene: str | None, option: str | None, why: dict[str, str] | None
    ) -> None:
        """Connections follow contacts: log the change with the cause of the contact's change."""
        st, cat = self.state, self.ix.connections
        before = st.sub[cat]
        after = min(100.0, max(0.0, self._derived_connections()))
        if after != before:
            st.sub[cat] = after
            self._log(cause, "category", cat, before, after, scene, option, why, (after - before) * self._pps[cat])

    def _derived_connections(self) -> float:
        """The closeness-weighted mean of friends' scores, on the 0..100 scale, plus offsets."""
        st, ix = self.state, self.ix
        total = weight = 0.0
        friends = 0
        for cid, cstate in st.contacts.items():
            if cstate.relation == "friend":
                w = ix.contacts[cid].closeness
                total += w * ix.score_to_sub(cstate.score)
                weight += w
                friends += 1
        rule = self.level.connections
        base = total / weight + rule.per_friend * friends if weight else rule.alone
        return base + st.conn_offset

    def _contact_scores(self) -> dict[str, int]:
        return {cid: round(c.score) for cid, c in self.state.contacts.items()}

    def _log(
        self,
        cause: Cause,
        target: Any,
        key: str,
        before: Any,
        after: Any,
        scene: str | None = None,
        option: str | None = None,
        why: dict[str, str] | None = None,
        points: float = 0.0,
    ) -> None:
        st = self.state
        week = 0 if st.phase == "consent" else st.week + 1
        st.ledger.append(
            LedgerEntry(len(st.ledger), week, cause, target, key, before, after, points, scene, option, why)
        )

    # -- the end ----------------------------------------------------------------------------
    def outcome(self) -> Outcome:
        st = self.state
        declined = "declined" in st.flags
        goal = self.ix.personas[st.persona].goal
        return Outcome(
            declined=declined,
            final_score=None if declined else st.published,
            grade=None if declined else self.ix.grade(st.published),
            goal_reached=holds(goal.when, st),
            money=st.money,
            blacklisted="blacklisted" in st.flags,
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
        session._pps = session.ix.points_per_subscore(state.variant)
        return session
