"""The month's state changes, each logged with its cause: what effects may do.

:class:`World` implements :class:`game.kinds.base.EffectContext`. The session
(:mod:`game.core.session`) owns the flow of scenes and weeks; every change of a
sub-score, a contact, a relation, money or a flag goes through here and into the ledger.
"""

from __future__ import annotations

import random
from typing import Any

from game.content.models import Level
from game.core.events import ContactDropped, Event, FlagChanged, Rated
from game.core.ledger import LedgerEntry
from game.core.rules import LevelIndex, clamp
from game.core.state import ContactState, SessionState
from game.kinds.base import Because


class World:
    """A month's state and the logged ways of changing it."""

    level: Level
    ix: LevelIndex
    state: SessionState
    _pps: dict[str, float]
    _events: list[Event]

    # -- what effects may do (EffectContext) --------------------------------------------------
    def change_category(self, category: str, delta: float, because: Because) -> None:
        st = self.state
        before = st.sub[category]
        if category == self.ix.connections:
            st.conn_offset += delta
            after = clamp(self._derived_connections(), 0.0, 100.0)
        else:
            after = clamp(before + delta, 0.0, 100.0)
        st.sub[category] = after
        self._log(because, "category", category, before, after, (after - before) * self._pps[category])

    def change_contact(self, contact: str, delta: float, because: Because, refresh: bool = True) -> None:
        st = self.state
        cstate = st.contacts.get(contact)
        if cstate is None:
            return
        before = cstate.score
        after = cstate.score = clamp(before + delta, self.ix.lo_f, self.ix.hi_f)
        self._log(because, "contact", contact, round(before, 1), round(after, 1))
        if refresh:
            self._refresh_connections(because)

    def set_relation(self, contact: str, relation: str, because: Because, by: str = "you") -> None:
        st = self.state
        previous = st.contacts.get(contact)
        if previous is None and relation in ("friend", "acquaintance"):
            # someone new in your contacts: first as a stranger, so the change is logged
            previous = st.contacts[contact] = ContactState(float(self.ix.contacts[contact].score), "stranger")
        if previous is None or previous.relation == relation:
            return
        before = previous.relation
        previous.relation = relation
        self._log(because, "relation", contact, before, relation)
        self._refresh_connections(because)
        if relation in ("dropped", "reported"):
            self._events.append(ContactDropped(contact, by, relation))

    def add_money(self, amount: int, because: Because, key: str = "money") -> None:
        before = self.state.money
        self.state.money += amount
        self._log(because, "money", key, before, self.state.money)

    def set_flag(self, flag: str, value: bool, because: Because) -> None:
        st = self.state
        before = flag in st.flags
        if value:
            st.flags.add(flag)
        else:
            st.flags.discard(flag)
        self._log(because, "flag", flag, before, value)
        if before != value:
            self._events.append(FlagChanged(flag, value))

    def paid_at(self, door: str) -> int:
        return next((d.amount for d in reversed(self.state.doors) if d.door == door and d.outcome == "deposit"), 0)

    def rating_rule(self) -> tuple[str, float, float, int]:
        rule = self.level.rating
        return rule.category, rule.per_star, rule.contact_per_star, rule.neutral

    def log_rating(self, rater: str, rated: str, stars: int, because: Because) -> None:
        self._log(because, "rating", rated if rater == "you" else rater, rater, stars)
        self._events.append(Rated(rater, rated, stars))

    def join_halo(self, because: Because) -> None:
        self.set_flag("declined", False, because)
        self.set_flag("joined_late", True, because)

    # -- derived values ------------------------------------------------------------------------
    def _refresh_connections(self, because: Because) -> None:
        """Connections follow contacts: log the change with the cause of the contact's change."""
        st, cat = self.state, self.ix.connections
        before = st.sub[cat]
        after = clamp(self._derived_connections(), 0.0, 100.0)
        if after != before:
            st.sub[cat] = after
            self._log(because, "category", cat, before, after, (after - before) * self._pps[cat])

    def _derived_connections(self) -> float:
        """The closeness-weighted mean of friends' scores, on the 0..100 scale, plus offsets."""
        st, ix = self.state, self.ix
        closeness, lo, span = ix.closeness, ix.lo, ix.span
        total = weight = 0.0
        friends = 0
        for cid, cstate in st.contacts.items():
            if cstate.relation == "friend":
                w = closeness[cid]
                sub = (cstate.score - lo) * 100.0 / span  # ix.score_to_sub, inlined: the hottest loop of a month
                sub = sub if sub > 0.0 else 0.0
                total += w * (sub if sub < 100.0 else 100.0)
                weight += w
                friends += 1
        rule = self.level.connections
        base = total / weight + rule.per_friend * friends if weight else rule.alone
        return base + st.conn_offset

    def _contacts_live(self, noise_seed: int, because: Because) -> None:
        """Every contact's weekly drift and noise, in the circle's order, each logged as
        :meth:`change_contact` logs it; the caller refreshes the connections once, afterwards.

        The noise is drawn as ``random.Random(noise_seed).uniform(-noise, noise)`` draws it
        (the same floats), from a stream made only when some contact has noise.
        """
        st, ix = self.state, self.ix
        moves, lo, hi = ix.contact_moves, ix.lo_f, ix.hi_f
        ledger, week = st.ledger, st.week + 1  # what _log writes, inlined: a fifth of a month's entries
        cause, scene, option, why = because.cause, because.scene, because.option, because.why
        draw = None
        for cid, cstate in st.contacts.items():
            drift, low, width = moves[cid]
            if width:
                if draw is None:
                    draw = random.Random(noise_seed).random
                move = drift + (low + width * draw())
            else:
                move = drift + 0.0
            if move:
                before = cstate.score
                after = cstate.score = clamp(before + move, lo, hi)
                ledger.append(
                    LedgerEntry(
                        len(ledger),
                        week,
                        cause,
                        "contact",
                        cid,
                        round(before, 1),
                        round(after, 1),
                        0.0,
                        scene,
                        option,
                        why,
                    )
                )

    def _contact_scores(self) -> dict[str, int]:
        return {cid: round(c.score) for cid, c in self.state.contacts.items()}

    def _log(self, because: Because, target: Any, key: str, before: Any, after: Any, points: float = 0.0) -> None:
        st = self.state
        ledger = st.ledger
        ledger.append(
            LedgerEntry(
                len(ledger),
                0 if st.phase == "consent" else st.week + 1,
                because.cause,
                target,
                key,
                before,
                after,
                points,
                because.scene,
                because.option,
                because.why,
            )
        )
