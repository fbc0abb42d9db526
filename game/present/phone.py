"""The phone with the Halo app, as the visitor sees it now: dial, wallet, feed, contacts.

It shows the score and the contacts' scores *as last published*, and a feed without
anything of a publication the visitor has not reached yet. Contacts come in the order
they must stay visible in: who speaks in the scene, the people the goal is about,
friends, then the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.present.words import Words
from game.visit import FeedItem, Visit


@dataclass(frozen=True)
class ContactLine:
    id: str
    name: str
    role: str
    score: int
    relation: str  # friend | acquaintance | dropped | reported
    relation_label: str  # empty for a friend: their role says who they are
    portrait: str  # a person of assets/art/people
    mood: str  # the face to show: happy, neutral, worried, sad, angry, cold
    grey: bool = False  # they dropped you: greyed whatever face the scene gives them


@dataclass(frozen=True)
class PhoneView:
    """Everything the phone shows, already in the visitor's language."""

    clock: str
    score: float
    lo: int
    hi: int
    band: str
    delta: int
    feed: list[tuple[str, float, str]]  # text, age in seconds, icon or portrait id
    contacts: list[ContactLine]
    feed_title: str
    contacts_title: str
    no_account: str = ""
    money: str = ""
    more: Callable[[int], str] = str  # "+ 3 more" when not every contact fits
    people: frozenset[str] = frozenset()  # the feed pictures that are someone's face


ORDER = {"friend": 0, "acquaintance": 1, "dropped": 2, "reported": 2}


def feed_text(visit: Visit, words: Words, item: FeedItem) -> tuple[str, str]:
    """A feed line's words and its picture (an icon, or someone's face)."""
    level, ix = visit.level, visit.session.ix
    pictures = level.feed_pictures
    if item.kind == "notify":
        scene, option = item.ref.split(".", 1)
        return words.p(ix.options[(scene, option)].notify), pictures.notify or ""
    if item.kind == "publication":
        return words.p(level.publication[int(item.ref)].text), pictures.publication or ""
    if item.kind == "dropped_you":
        contact = ix.contacts[item.ref]
        return words.t("feed.dropped_you", name=words.p(contact.name)), contact.portrait or contact.id
    if item.kind == "rated":
        contact = ix.contacts[item.ref]
        stars = "★" * item.stars + "☆" * (5 - item.stars)
        return words.t("feed.rated_you", name=words.p(contact.name), stars=stars), contact.portrait or contact.id
    return words.t("feed.appeal_registered"), pictures.appeal or ""


def mood(visit: Visit, contact: str) -> str:
    """How a contact looks now: what you did to them, what they did to you, their score."""
    st = visit.session.state
    relation = st.contacts[contact].relation
    by_you = [e.after for e in st.ledger if e.target == "relation" and e.key == contact and e.cause == "choice"]
    if relation == "reported":
        return "angry"
    if relation == "dropped":
        return "sad" if "dropped" in by_you else "cold"
    history = st.contact_history
    falling = len(history) >= 2 and contact in history[-1] and contact in history[-2]
    if falling and history[-1][contact] < history[-2][contact] - 2:
        return "worried"
    return "happy" if relation == "friend" else "neutral"


def phone_view(
    visit: Visit,
    words: Words,
    now: float,
    clock: str = "",
    score: float | None = None,
    delta: int | None = None,
    speaker: str | None = None,
    speaker_face: str | None = None,
) -> PhoneView:
    """The phone now; ``speaker_face`` is the face the scene gives its speaker, so their
    line on the phone never contradicts the picture beside it."""
    st, ix, level = visit.session.state, visit.session.ix, visit.level
    shown = st.published if score is None else score
    band = level.bands[ix.band(round(shown))]
    published = st.contact_history[-1] if st.contact_history else {}
    keys = ix.personas[st.persona].key_contacts

    def rank(cid: str) -> tuple[int, int]:
        first = 0 if cid == speaker else 1 if cid in keys else 2
        return first, ORDER.get(st.contacts[cid].relation, 1)

    contacts = []
    for cid in sorted(st.contacts, key=rank):
        contact, cstate = ix.contacts[cid], st.contacts[cid]
        face = mood(visit, cid)
        label = "" if cstate.relation == "friend" else words.t(f"relation.{cstate.relation}", gender=contact.gender)
        contacts.append(
            ContactLine(
                cid,
                words.p(contact.name),
                words.p(contact.role),
                published.get(cid, round(cstate.score)),
                cstate.relation,
                label,
                contact.portrait or cid,
                speaker_face if cid == speaker and speaker_face else face,
                face == "cold",
            )
        )
    feed = []
    for item in visit.feed:
        text, picture = feed_text(visit, words, item)
        feed.append((text, now - item.born, picture))
    return PhoneView(
        clock=clock,
        score=shown,
        lo=level.score.min,
        hi=level.score.max,
        band=words.p(band.name),
        delta=visit.last_delta if delta is None else delta,
        feed=feed,
        contacts=contacts,
        feed_title=words.t("phone.feed"),
        contacts_title=words.t("phone.contacts"),
        no_account=words.t("phone.no_account") if visit.declined else "",
        money=words.t("phone.money", amount=words.money(st.money)),
        more=lambda n: words.t("phone.more", n=n),
        people=frozenset(c.portrait for c in contacts),
    )
