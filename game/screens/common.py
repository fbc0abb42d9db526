"""View data shared by several screens: the phone as the player sees it now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import pick
from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.phone import ContactLine, PhoneView, draw_phone, phone_frame

if TYPE_CHECKING:
    from game.app import App

PHONE_BOX = Rect(1330, 130, 540, 920)


def feed_text(app: App, item: object) -> str:
    from game.screens.flow import FeedItem

    assert isinstance(item, FeedItem)
    lang = app.settings.lang
    if item.key:
        return app.catalog(item.key, lang, **{k: pick(v, lang) for k, v in item.params.items()})
    return pick(item.text, lang)


def phone_view(
    app: App, clock: str = "", score: float | None = None, delta: int | None = None, speaker: str | None = None
) -> PhoneView:
    """The phone's content, in the player's language, from the session as last published.

    The contacts come in the order they must stay visible in: who is speaking in the
    scene, the people the persona's goal is about, friends, then the rest.
    """
    flow, lang = app.flow, app.settings.lang
    session = flow.session
    assert session is not None
    st, ix = session.state, session.ix
    shown = st.published if score is None else score
    band = app.level.bands[ix.band(round(shown))]
    published_contacts = st.contact_history[-1] if st.contact_history else {}
    keys = ix.personas[st.persona].key_contacts
    order = {"friend": 0, "acquaintance": 1, "dropped": 2, "reported": 2}

    def rank(cid: str) -> tuple[int, int]:
        first = 0 if cid == speaker else 1 if cid in keys else 2
        return first, order[st.contacts[cid].relation]

    contacts = []
    for cid in sorted(st.contacts, key=rank):
        contact, cstate = ix.contacts[cid], st.contacts[cid]
        label = (
            ""
            if cstate.relation == "friend"
            else app.catalog(f"relation.{cstate.relation}", lang, gender=contact.gender)
        )
        contacts.append(
            ContactLine(
                pick(contact.name, lang),
                pick(contact.role, lang),
                published_contacts.get(cid, round(cstate.score)),
                cstate.relation,
                label,
            )
        )
    now = flow.now()
    currency = pick(app.level.currency, lang) if app.level.currency else "{amount}"
    return PhoneView(
        clock=clock,
        score=shown,
        lo=app.level.score.min,
        hi=app.level.score.max,
        band=pick(band.name, lang),
        delta=flow.last_delta if delta is None else delta,
        feed=[(feed_text(app, item), now - item.born) for item in flow.feed],
        contacts=contacts,
        feed_title=app.catalog("phone.feed", lang),
        contacts_title=app.catalog("phone.contacts", lang),
        no_account=app.catalog("phone.no_account", lang) if "declined" in st.flags else "",
        money=app.catalog("phone.money", lang, amount=currency.replace("{amount}", str(st.money))),
        more=lambda n: app.catalog("phone.more", lang, n=n),
    )


class PhoneScreen(Screen):
    """A screen with the Halo phone on the right; its frame belongs to the static backdrop."""

    backdrop: str | None = "phone"

    def paint_backdrop(self, canvas: Canvas) -> None:
        super().paint_backdrop(canvas)
        phone_frame(canvas, PHONE_BOX)

    def draw_phone(
        self,
        canvas: Canvas,
        clock: str = "",
        score: float | None = None,
        delta: int | None = None,
        speaker: str | None = None,
    ) -> None:
        view = phone_view(self.app, clock, score, delta, speaker)
        draw_phone(canvas, PHONE_BOX, view, self.app.settings.reduced_motion)
