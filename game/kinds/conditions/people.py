"""Who is in your life: ``friends``/``not_friends`` (still a friend or not) and
``contacts``/``not_contacts`` (in your contacts at all, friend or not)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.types import Ident
from game.kinds.registry import ConditionTest, LintContext, Path_, condition_test

if TYPE_CHECKING:
    from game.core.state import SessionState


def _lint(value: list[str], ctx: LintContext, path: Path_) -> bool:
    for i, cid in enumerate(value):
        if cid not in ctx.contacts:
            ctx.bad((*path, i), f"unknown contact {cid!r}")
    return True


def _friends(value: list[str], state: SessionState) -> bool:
    contacts = state.contacts
    for c in value:
        found = contacts.get(c)
        if found is None or found.relation != "friend":  # state.is_friend, inlined: asked at most steps
            return False
    return True


def _not_friends(value: list[str], state: SessionState) -> bool:
    contacts = state.contacts
    for c in value:
        found = contacts.get(c)
        if found is not None and found.relation == "friend":
            return False
    return True


def _contacts(value: list[str], state: SessionState) -> bool:
    return all(c in state.contacts for c in value)


def _not_contacts(value: list[str], state: SessionState) -> bool:
    return state.contacts.keys().isdisjoint(value)


condition_test(ConditionTest("friends", list[Ident], _friends, "every one of these is still a friend", _lint))
condition_test(ConditionTest("not_friends", list[Ident], _not_friends, "none of these is a friend", _lint))
condition_test(ConditionTest("contacts", list[Ident], _contacts, "every one of these is in your contacts", _lint))
condition_test(ConditionTest("not_contacts", list[Ident], _not_contacts, "none of these is in your contacts", _lint))
