"""A tiny level built from a dict, so engine tests do not depend on authored content.

``base()`` returns a fresh, lint-clean level as plain data; tests change what they need and
call :func:`build`. The numbers are chosen to make the arithmetic easy to follow:

- score range 300..900, weights credit 1, behaviour 1, connections 0, so one sub-score
  point in credit or behaviour is worth 600 * 1/2 / 100 = 3 score points;
- start credit 50, behaviour 50, so persona ``ann`` starts at 600 and ``bob`` (whose
  employer adds 10 to credit) at 630;
- door ``bike``: granted free from 650, a 30 deposit below, refused when blacklisted,
  a 50 deposit for someone who declined Halo.
"""

from __future__ import annotations

from typing import Any

from game.content.models import Level
from game.core.events import Event
from game.core.session import Session


def t(text: str) -> dict[str, str]:
    return {"en": text}


def option(oid: str, **fields: Any) -> dict[str, Any]:
    return {"id": oid, "text": t(oid.replace("_", " ")), **fields}


def scene(sid: str, options: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {"id": sid, "title": t(sid), "text": t(f"The {sid} scene."), "options": options, **fields}


def cat(category: str, delta: float, **fields: Any) -> dict[str, Any]:
    return {"category": category, "delta": delta, **fields}


def contact(cid: str, score: int, **fields: Any) -> dict[str, Any]:
    return {"id": cid, "name": t(cid.title()), "role": t("someone"), "score": score, **fields}


def persona(pid: str, money: int = 100, data: list[dict[str, Any]] | None = None, **fields: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "name": t(pid.title()),
        "description": t(f"{pid} lives here."),
        "money": money,
        "goal": {"text": t("Ride home."), "when": {"flags": ["done"]}, "reached": t("Home."), "missed": t("Stuck.")},
        "data": data or [],
        **fields,
    }


def week(wid: str, scenes: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {"id": wid, "title": t(wid), "scenes": scenes, **fields}


def base() -> dict[str, Any]:
    """A fresh minimal level: two weeks, three scenes, one door, two personas, no contacts."""
    return {
        "format": 1,
        "id": "mini",
        "languages": ["en"],
        "title": t("Mini"),
        "score": {"min": 300, "max": 900},
        "categories": [
            {"id": c, "name": t(c), "description": t(f"About {c}.")} for c in ("credit", "behaviour", "connections")
        ],
        "start": {"credit": 50, "behaviour": 50, "connections": 50},
        "rules": [{"id": "std", "name": t("Standard"), "weights": {"credit": 1, "behaviour": 1, "connections": 0}}],
        "connections": {"alone": 20},
        "bands": [{"min": 600, "name": t("High")}, {"min": 300, "name": t("Low")}],
        "grades": [
            {"id": "A", "min": 700, "meaning": t("Top")},
            {"id": "B", "min": 550, "meaning": t("Fine")},
            {"id": "D", "min": 300, "meaning": t("Refused")},
        ],
        "publication": [{"min_delta": 1, "text": t("Fantastic")}, {"min_delta": -1000, "text": t("Assessed.")}],
        "doors": [
            {
                "id": "bike",
                "name": t("Bike"),
                "tiers": [
                    {"min": 650, "outcome": "grant", "text": t("Unlocked.")},
                    {"min": 300, "outcome": "deposit", "amount": 30, "text": t("Deposit 30.")},
                ],
                "blacklisted": {"outcome": "refuse", "text": t("Insufficient score.")},
                "declined": {"outcome": "deposit", "amount": 50, "text": t("Without Halo, deposit 50.")},
            }
        ],
        "contacts": [],
        "personas": [
            persona("ann"),
            persona("bob", data=[{"label": t("Employer: big firm"), "category": "credit", "delta": 10}]),
        ],
        "consent": {
            "title": t("Join Halo"),
            "text": t("Your data will open every door."),
            "accept": t("Join"),
            "decline": t("No thanks"),
            "declined_scenes": [scene("no_halo", [option("ask", door="bike", on_granted=[{"flag": "done"}])])],
            "declined_end": t("Everything costs more."),
        },
        "weeks": [
            week(
                "w1",
                [
                    scene(
                        "s1",
                        [
                            option("up", effects=[cat("behaviour", 20)]),
                            option("down", effects=[cat("behaviour", -20)]),
                        ],
                    ),
                    scene("s2", [ride(), option("walk")]),
                ],
            ),
            week("w2", [scene("s3", [ride(), option("walk")])]),
        ],
    }


def ride(**fields: Any) -> dict[str, Any]:
    """The bike option: a door, a flag when granted, a small loss when refused."""
    return option(
        "ride",
        door="bike",
        on_granted=[{"flag": "done"}],
        on_refused=[cat("behaviour", -5)],
        **fields,
    )


def build(data: dict[str, Any]) -> Level:
    return Level.model_validate(data)


def play(session: Session, *option_ids: str) -> list[Event]:
    """Choose each option in turn; return every event, in order."""
    events: list[Event] = []
    for oid in option_ids:
        events.extend(session.choose(oid))
    return events


def finish(session: Session, pick: str | None = None) -> list[Event]:
    """Play to the end, taking ``pick`` where available, else the first available option."""
    events: list[Event] = []
    while not session.over:
        ids = session.option_ids()
        events.extend(session.choose(pick if pick in ids else ids[0]))
    return events


def rich() -> dict[str, Any]:
    """A busier level for property tests: variants, contacts, drift, delays, goto, draws, whispers."""
    data = base()
    data["rules"] = [
        {"id": "std", "name": t("Standard"), "weights": {"credit": 2, "behaviour": 1, "connections": 1}},
        {"id": "odd", "name": t("Odd"), "weights": {"credit": 0, "behaviour": 3, "connections": 1}},
    ]
    data["connections"] = {"alone": 15, "per_friend": 4}
    data["recompute"] = {"drift": {"behaviour": -1.5, "credit": 0.5}, "why": t("Data ages.")}
    data["contacts"] = [
        contact("mei", 480, drift=-3, noise=4, drops_you_if_blacklisted=True),
        contact("vic", 800, relation="acquaintance", drops_you_below=560, closeness=2),
        contact("ola", 700, noise=10, drops_you_below=520),
    ]
    data["side_scenes"] = [scene("note", [option("ok", effects=[cat("connections", 3)]), option("shrug")])]
    w1 = data["weeks"][0]["scenes"]
    w1[0]["options"] += [
        option("fine", effects=[{"money": -20}, {"flag": "blacklisted", "delay_scenes": 1, "cause": "system_error"}]),
        option(
            "snitch",
            effects=[{"contact": "mei", "relation": "reported"}, {"contact": "mei", "delta": -30}],
            goto="note",
        ),
    ]
    w1.insert(1, scene("lounge", [option("relax", effects=[cat("behaviour", 5)])], when={"flags": ["blacklisted"]}))
    data["weeks"][0]["whispers"] = [
        {"contact": "mei", "text": t(f"rumour {i}"), "truth": "unknown", "explain": t("Who knows.")} for i in range(2)
    ]
    data["weeks"][1]["scenes"] += [
        scene(
            f"odd{i}",
            [
                option("yes", effects=[cat("credit", 6 - 4 * i, delay_weeks=1)]),
                option("no", effects=[{"contact": "ola", "delta": 15}], when={"score_at_least": 560}),
                option("vouch", effects=[{"contact": "vic", "relation": "friend"}], when={"friends": ["ola"]}),
            ],
        )
        for i in range(3)
    ]
    data["weeks"][1]["draw"] = 2
    data["weeks"].append(week("w3", [scene("s5", [ride(), option("walk", effects=[cat("credit", -3)])])]))
    return data
