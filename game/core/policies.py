"""How the simulator's bots choose: one function per way of playing a month.

A policy looks at the session (the scene and which options are open) and draws from the
month's own random stream, never from a shared one, so that a month is the same whoever
plays it and in whichever order (see :mod:`game.core.months`).

``random``; ``first``; ``tag:NAME`` (always take an available option tagged NAME when
there is one, else a random one; ``conform``, ``honest`` and ``kind`` are short for
``tag:conform`` …); ``loyal`` (conform, but never an option that drops or reports
someone: see :func:`betrays`); ``ruthless`` (drop or report whenever possible, else
conform).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.content.models import Option
from game.core.session import Session
from game.kinds.effects.relation import RelationEffect

Policy = Callable[[Session, random.Random], str]

BETRAY_TAG = "betray"
"""An option tagged so drops or reports someone the level does not model as a contact."""

POLICIES = ("random", "conform", "loyal", "ruthless", "honest", "kind")
"""The policies the balance report plays, in the order it prints them."""


def betrays(option: Option) -> bool:
    """Whether choosing ``option`` drops or reports someone.

    Read from what the option does, never from its id: an effect that makes a contact
    ``dropped`` or ``reported``, or the tag ``betray`` (someone who is not a contact,
    such as a family reported for their bins).
    """
    if BETRAY_TAG in option.tags:
        return True
    return any(
        isinstance(effect, RelationEffect) and effect.relation in ("dropped", "reported")
        for effect in option.all_effects()
    )


def random_policy(session: Session, rng: random.Random) -> str:
    """``rng.choice(session.option_ids())``, drawn as :meth:`random.Random.choice` draws
    (``getrandbits`` of the count's bit length until below the count: the same option from
    the same stream) without its two Python calls, the simulator's most frequent draw."""
    ids = session.option_ids()
    n = len(ids)
    if not n:
        raise IndexError("no option to choose from")
    bits = n.bit_length()
    pick = rng.getrandbits(bits)
    while pick >= n:
        pick = rng.getrandbits(bits)
    return ids[pick]


def first_policy(session: Session, rng: random.Random) -> str:
    return session.option_ids()[0]


def tag_policy(tag: str) -> Policy:
    def choose(session: Session, rng: random.Random) -> str:
        tagged = [v.option.id for v in session.options() if v.available and tag in v.option.tags]
        return rng.choice(tagged) if tagged else rng.choice(session.option_ids())

    return choose


def loyal_policy(session: Session, rng: random.Random) -> str:
    """Conform wherever that betrays nobody; else keep one's head down (an option tagged
    neither honest nor kind); else any option that betrays nobody."""
    open_ = [v.option for v in session.options() if v.available]
    faithful = [o for o in open_ if not betrays(o)] or open_
    conform = [o for o in faithful if "conform" in o.tags]
    quiet = [o for o in faithful if not {"honest", "kind"} & set(o.tags)]
    return rng.choice(conform or quiet or faithful).id


def ruthless_policy(session: Session, rng: random.Random) -> str:
    """Drop or report someone whenever possible; otherwise conform."""
    open_ = [v.option for v in session.options() if v.available]
    betrayals = [o for o in open_ if betrays(o)]
    conform = [o for o in open_ if "conform" in o.tags]
    return rng.choice(betrayals or conform or open_).id


def policy_named(name: str) -> Policy:
    """The policy a command line names (workers are sent names, not functions)."""
    if name == "random":
        return random_policy
    if name == "first":
        return first_policy
    if name == "loyal":
        return loyal_policy
    if name == "ruthless":
        return ruthless_policy
    if name in ("conform", "honest", "kind"):
        return tag_policy(name)
    if name.startswith("tag:") and len(name) > 4:
        return tag_policy(name[4:])
    raise ValueError(f"unknown policy {name!r} (use random, first, conform, loyal, ruthless, honest, kind or tag:NAME)")
