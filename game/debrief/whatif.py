"""What if: the month that follows from one other choice, or from another persona.

The timelines come straight from :mod:`game.core.replay` (deterministic engine replays);
this module only lists the choices, finds which other options were open at the time,
and keeps the replays it already made.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.replay import Timeline, another_persona, timeline_of, what_if
from game.core.session import Outcome, Session

Text = dict[str, str]


@dataclass(frozen=True)
class ChoiceItem:
    """One choice of the month, as the what-if list shows it."""

    index: int
    scene: str
    option: str
    title: Text
    text: Text
    others: tuple[str, ...]  # the scene's other option ids


@dataclass(frozen=True)
class Alternative:
    option: str
    text: Text
    available: bool  # could it have been chosen at that moment?


def _texts(session: Session, scene: str) -> tuple[Text, list[tuple[str, Text]]]:
    return session.ix.choice_texts(scene)


def choice_items(session: Session) -> list[ChoiceItem]:
    """Every choice the player made that had another option, in order."""
    items = []
    for index, (scene, option) in enumerate(session.state.choices):
        title, options = _texts(session, scene)
        others = tuple(o for o, _ in options if o != option)
        if not others:
            continue
        text = next((t for o, t in options if o == option), {})
        items.append(ChoiceItem(index, scene, option, title, text, others))
    return items


class WhatIf:
    """Replays for one finished session, made on demand and kept (a debrief makes few)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        st = session.state
        self.level = session.level
        self.persona, self.seed = st.persona, st.seed
        self.variant: str | None = st.variant  # the rule set is drawn apart from the scenes
        self.choices = list(st.choices)
        self._timelines: dict[tuple[str, ...], Timeline] = {}
        self._alternatives: dict[int, list[Alternative]] = {}

    def mine(self) -> Timeline:
        key = ("mine",)
        if key not in self._timelines:
            self._timelines[key] = timeline_of(self.session)
        return self._timelines[key]

    def alternatives(self, index: int) -> list[Alternative]:
        """The other options of choice ``index``, and whether each was open then."""
        if index not in self._alternatives:
            scene, option = self.choices[index]
            replay = Session(self.level, self.persona, self.seed, self.variant)
            for earlier in self.choices[:index]:
                replay.choose(earlier[1])
            open_now = set(replay.option_ids())
            _, options = _texts(self.session, scene)
            self._alternatives[index] = [Alternative(o, t, o in open_now) for o, t in options if o != option]
        return self._alternatives[index]

    def option(self, index: int, other: str) -> Timeline:
        """The month had choice ``index`` been ``other`` (an engine replay)."""
        key = ("option", str(index), other)
        if key not in self._timelines:
            self._timelines[key] = what_if(
                self.level, self.persona, self.seed, self.choices, index, other, self.variant
            )
        return self._timelines[key]

    def as_persona(self, persona: str) -> Timeline:
        """The same choices (where they apply) lived by ``persona``, under the same rules."""
        key = ("persona", persona)
        if key not in self._timelines:
            self._timelines[key] = another_persona(
                self.level,
                persona,
                self.seed,
                self.choices,
                self.variant,  # type: ignore[arg-type]
            )
        return self._timelines[key]


@dataclass(frozen=True)
class Result:
    """The end of a month, side by side with another."""

    declined: bool
    score: int | None
    grade: str | None
    goal: bool
    money: int


def result(outcome: Outcome) -> Result:
    return Result(outcome.declined, outcome.final_score, outcome.grade, outcome.goal_reached, outcome.money)
