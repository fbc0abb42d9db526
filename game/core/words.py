"""Words read as played: how many words a visitor reads in a month, line by line as shown.

The reading time a level promises is counted from the lines the engine actually shows
(the ``text_when`` line that holds, the ``reply_when`` line chosen), not from every
variant written. A level's :class:`WordCounter` is kept by its index
(:attr:`game.core.rules.LevelIndex.words`), so each text is counted once per level and
nothing is held in module state.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from game.core import reading
from game.core.events import DoorChecked, Event, Notified, OptionChosen, Reply, WeekPublished, WeekStarted

if TYPE_CHECKING:
    from game.core.rules import LevelIndex
    from game.core.session import Outcome

WORDS_PER_MINUTE = 200

Text = Mapping[str, str]


def count_words(text: str) -> int:
    """Words a reader reads (characters in scripts without spaces: :mod:`game.core.reading`)."""
    return reading.reading_units(text)


def words_of(text: Text | None, lang: str) -> int:
    """Words in one language of a level text (0 for no text, or none in that language)."""
    return count_words(text.get(lang, "")) if text else 0


class WordCounter:
    """The words of one level's texts, each counted once, kept by the level's index.

    Counts are keyed by the string itself, never by an object's id: a text freed and
    another built at the same address cannot be mistaken for it, and the same words
    written twice are counted once.
    """

    def __init__(self, ix: LevelIndex) -> None:
        self.ix = ix
        self._counts: dict[str, int] = {}
        self._static: dict[str, dict[str, int]] = {}  # lang -> scene id -> title and options
        self._shown: dict[str, dict[str, tuple[int, ...]]] = {}  # lang -> scene id -> words per text shown
        self._opening: dict[str, int] = {}

    def of(self, text: Text | None, lang: str) -> int:
        """Words of ``text`` in ``lang`` (:func:`words_of`, counted once per string)."""
        if not text:
            return 0
        line = text.get(lang, "")
        found = self._counts.get(line)
        if found is None:
            found = self._counts[line] = count_words(line)
        return found

    def static(self, scene_id: str, lang: str) -> int:
        """Words of a scene that never change: its title and its options (all shown, some greyed)."""
        counts = self._static.get(lang)
        if counts is None:
            counts = self._static[lang] = {
                sid: self.of(s.title, lang) + sum(self.of(o.text, lang) for o in s.options)
                for sid, s in self.ix.scenes.items()
            }
        return counts[scene_id]

    def scenes(self, shown: list[tuple[str, int]], lang: str) -> int:
        """Words of the scenes as they came up: each one's :meth:`static` words and its
        situation as shown, ``(scene id, line)`` with ``line`` the ``text_when`` line
        that held (-1: its ``text``; :func:`game.core.plan.text_line` tells which)."""
        table = self._shown.get(lang)
        if table is None:
            table = self._shown[lang] = {
                sid: (
                    *(self.static(sid, lang) + self.of(line.text, lang) for line in s.text_when),
                    self.static(sid, lang) + self.of(s.text, lang),
                )
                for sid, s in self.ix.scenes.items()
            }
        return sum(table[sid][line] for sid, line in shown)

    def opening(self, lang: str) -> int:
        """The persona cards (every persona is read to pick one) and the consent."""
        found = self._opening.get(lang)
        if found is None:
            level, of = self.ix.level, self.of
            n = sum(
                of(p.name, lang)
                + of(p.description, lang)
                + of(p.goal.text, lang)
                + sum(of(d.label, lang) for d in p.data)
                for p in level.personas
            )
            consent = level.consent
            n += sum(of(t, lang) for t in (consent.title, consent.text, consent.accept, consent.decline))
            found = self._opening[lang] = n
        return found

    def events(self, events: list[Event], lang: str, without: bool) -> int:
        """Words of what a choice made happen: replies, notifications, doors, publications, week titles.

        ``without``: the weeks lived are the month without Halo, whose week titles are the
        interface's own, not the level's.
        """
        ix, of, level = self.ix, self.of, self.ix.level
        n = 0
        for event in events:
            if type(event) is OptionChosen:  # events are final classes; most say nothing to read
                continue
            if type(event) is Reply:
                option = ix.options[(event.scene, event.option)]
                n += of(option.reply_when[event.variant].text if event.variant is not None else option.reply, lang)
            elif type(event) is Notified:
                n += of(ix.options[(event.scene, event.option)].notify, lang)
            elif type(event) is DoorChecked:
                n += of(ix.tier(event.door, event.tier).text, lang)
            elif type(event) is WeekPublished:
                n += of(level.publication[event.message].text, lang)
            elif isinstance(event, WeekStarted) and not without and event.week <= len(level.weeks):
                week = level.weeks[event.week - 1]
                n += of(week.title, lang)
                if event.whisper is not None:
                    n += of(week.whispers[event.whisper].text, lang)
        return n

    def ending(self, outcome: Outcome, persona: str, lang: str, without: bool) -> int:
        """The end of the month: the goal's outcome, the grade's meaning or the month without Halo's ending."""
        level, of = self.ix.level, self.of
        goal = self.ix.personas[persona].goal
        n = of(goal.reached if outcome.goal_reached else goal.missed, lang)
        grade = next((g for g in level.grades if g.id == outcome.grade), None)
        n += of(grade.meaning, lang) if grade else 0
        if outcome.declined:
            n += of(level.consent.declined_end, lang)
        elif without and outcome.joined_late:
            n += of(level.consent.joined_end, lang)
        return n
