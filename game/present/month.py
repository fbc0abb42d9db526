"""The beats between scenes: a new week, the weekly publication, the end of the month."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.rules import holds
from game.debrief.views import group_acts
from game.kinds.effects.flag import FlagEffect
from game.present.words import Words
from game.visit import Publication, Visit, WeekIntro


@dataclass(frozen=True)
class Whispered:
    contact: str
    portrait: str
    text: str


@dataclass(frozen=True)
class WeekView:
    title: str
    declined_text: str  # without Halo: what the week holds instead of a whisper
    overheard: str
    whisper: Whispered | None


def week_view(visit: Visit, words: Words, beat: WeekIntro) -> WeekView:
    level = visit.level
    weeks = level.consent.weeks_without() if visit.declined else level.weeks
    week = weeks[beat.week - 1] if beat.week <= len(weeks) else None
    title = words.p(week.title) if week is not None else words.t("week.declined_title")
    whisper = None
    if week is not None and beat.whisper is not None and beat.whisper < len(week.whispers):
        said = week.whispers[beat.whisper]
        contact = visit.session.ix.contacts.get(said.contact)
        portrait = (contact.portrait or contact.id) if contact is not None else said.contact
        whisper = Whispered(said.contact, portrait, words.p(said.text))
    declined = words.t("week.declined_text") if visit.declined and whisper is None else ""
    return WeekView(title, declined, words.t("week.overheard"), whisper)


@dataclass(frozen=True)
class PublicationView:
    title: str
    before: int
    after: int
    message: str
    italic: bool
    assessed: str
    dropped: tuple[tuple[str, str], ...]  # (portrait, "Nadia removed you…")
    declined: bool
    lo: int = 0
    hi: int = 100
    bands: tuple[tuple[int, str], ...] = ()  # (lowest score, name), lowest first: the dial's label as it moves

    def band(self, score: float) -> str:
        """The band's name for a score the dial passes through (it changes as the count crosses)."""
        name = self.bands[0][1] if self.bands else ""
        for low, band in self.bands:
            if round(score) >= low:
                name = band
        return name


def publication_view(visit: Visit, words: Words, beat: Publication) -> PublicationView:
    level, ix = visit.level, visit.session.ix
    message = level.publication[beat.message]
    dropped = tuple(
        (ix.contacts[cid].portrait or cid, words.t("feed.dropped_you", name=words.p(ix.contacts[cid].name)))
        for cid in beat.dropped_by
    )
    return PublicationView(
        words.t("publication.title", n=beat.week),
        beat.before,
        beat.after,
        words.t("publication.declined") if visit.declined else words.p(message.text),
        message.italic and not visit.declined,
        "" if visit.declined else words.t("publication.assessed"),
        dropped,
        visit.declined,
        level.score.min,
        level.score.max,
        tuple(sorted((band.min, words.p(band.name)) for band in level.bands)),
    )


@dataclass(frozen=True)
class NearMiss:
    door: str
    needed: int
    had: int

    @property
    def short(self) -> int:
        return self.needed - self.had


@dataclass(frozen=True)
class EndView:
    title: str
    declined: bool
    grade: str | None
    grade_line: str
    meaning: str
    score_line: str
    goal_reached: bool
    goal_line: str
    goal_text: str
    near_miss: str  # "2 points short of the Trusted fare" (or empty)
    decided: str  # what moved the score most against the visitor (or empty)
    portrait: str
    mood: str  # the visitor's face: happy when the goal opened, sad when it did not
    goal_picture: str | None  # what the goal opens: unlocked, or stamped
    stamp: str  # the stamp on a goal that stayed shut


def end_view(visit: Visit, words: Words) -> EndView:
    session, level = visit.session, visit.level
    outcome = session.outcome()
    persona = session.ix.personas[session.state.persona]
    grade = next((g for g in level.grades if g.id == outcome.grade), None)
    miss = near_miss(visit) if not outcome.goal_reached else None
    if outcome.declined:
        text = words.p(level.consent.declined_end)
    elif outcome.joined_late and level.consent.joined_end:
        text = words.p(level.consent.joined_end)
    else:
        text = ""
    goal = persona.goal.reached if outcome.goal_reached else persona.goal.missed
    return EndView(
        words.t("end.title"),
        outcome.declined,
        grade.id if grade else None,
        words.t("end.grade", grade=grade.id) if grade else "",
        words.p(grade.meaning) if grade else text,
        words.t("end.score", score=outcome.final_score) if outcome.final_score is not None else "",
        outcome.goal_reached,
        words.t("end.goal_reached" if outcome.goal_reached else "end.goal_missed"),
        words.p(goal),
        words.t("end.near_miss", n=miss.short, door=words.p(session.ix.doors[miss.door].name)) if miss else "",
        decided(visit, words),
        persona.portrait or persona.id,
        "happy" if outcome.goal_reached else "sad",
        persona.goal.picture,
        words.t("end.stamp_missed"),
    )


def near_miss(visit: Visit) -> NearMiss | None:
    """The door the goal needed, refused (or costlier) for a score just under its threshold."""
    session = visit.session
    st, ix = session.state, session.ix
    goal = ix.personas[st.persona].goal
    wanted = set(goal.when.value("flags") or [])
    best: NearMiss | None = None
    for met in st.doors:
        option = ix.options[(met.scene, met.option)]
        sets = {f for e in option.on_granted for f in (e.sets_flags() if isinstance(e, FlagEffect) else set())}
        if not sets & wanted or met.reason != "score":
            continue
        door = ix.doors[met.door]
        better = [t.min for t in door.tiers if t.min > met.score and t.outcome != "refuse"]
        if better and (best is None or min(better) - met.score < best.short):
            best = NearMiss(met.door, min(better), met.score)
    if best is not None and holds(goal.when, st):
        return None
    return best


def decided(visit: Visit, words: Words) -> str:
    """The month's largest fall, with its cause: what a visitor should know first."""
    if visit.declined:
        return ""
    ledger = visit.session.state.ledger
    acts = [a for a in group_acts([e for e in ledger if e.week > 0]) if a.points < 0]
    if not acts:
        return ""
    worst = min(acts, key=lambda a: a.points)
    category = next((c for c in visit.level.categories if c.id == worst.category), None)
    what = words.t(f"cause.{worst.cause}")
    return words.t(
        "end.decided",
        cause=what,
        category=words.p(category.name) if category else worst.category,
        points=words.signed(worst.points),
    )


@dataclass(frozen=True)
class BlacklistView:
    title: str
    stamp: str
    body: str
    portrait: str


def blacklist_view(visit: Visit, words: Words) -> BlacklistView:
    """The visitor's own face, shocked, under the list's stamp: the system's verdict as an event."""
    session = visit.session
    persona = session.ix.personas[session.state.persona]
    return BlacklistView(
        words.t("blacklist.title"),
        words.t("blacklist.stamp"),
        words.t("blacklist.body"),
        persona.portrait or persona.id,
    )
