"""Effect kinds, one module each, and the discriminated union the level loader validates.

The kind of an effect is inferred from its keys (``{category: behaviour, delta: 2}`` is
a category effect), so the YAML stays as readable as before kinds were registered.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Discriminator, Tag

from game.kinds.base import EffectBase
from game.kinds.registry import import_all

import_all(sys.modules[__name__])

KINDS: dict[str, type[EffectBase]] = {}
for _cls in EffectBase.__subclasses__():
    if _cls.kind in KINDS:
        raise ValueError(f"effect kind {_cls.kind!r} registered twice")
    KINDS[_cls.kind] = _cls

TARGETS = sorted({keys[0] for cls in KINDS.values() for keys in cls.selects})
TAG = "effect:"  # a prefix that cannot be a YAML key, so error locations can drop it


def infer_kind(data: Any) -> str | None:
    """The kind named by an effect's keys, or None when it names none or several."""
    if isinstance(data, EffectBase):
        return TAG + data.kind
    if not isinstance(data, dict):
        return None
    given = {k for k, v in data.items() if v is not None}  # a dumped effect lists its unset targets as None
    if sum(1 for t in TARGETS if t in given) != 1:
        return None
    found = [cls.kind for cls in KINDS.values() for keys in cls.selects if all(k in given for k in keys)]
    return TAG + found[0] if len(found) == 1 else None


def describe_forms() -> str:
    """Every form an effect may take, for the error message of one that fits none."""
    return ", ".join(cls.doc for cls in KINDS.values())


if TYPE_CHECKING:
    AnyEffect = EffectBase
else:
    AnyEffect = Annotated[
        Union[tuple(Annotated[cls, Tag(TAG + cls.kind)] for cls in KINDS.values())],  # noqa: UP007
        Discriminator(infer_kind),
    ]

__all__ = ["KINDS", "TAG", "AnyEffect", "EffectBase", "describe_forms", "infer_kind"]
