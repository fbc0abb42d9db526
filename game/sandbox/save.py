"""Save the sandbox's rules as a new rule set, in a new level file beside the shipped one.

The file is a copy of the level with the sandbox's weights added to ``rules:`` (so a
session of the copy may draw them, like any rule set), and with the sandbox's other
changes made for the whole copy: door thresholds, persona data that no longer count, and
friends' scores that no longer count (every contact's closeness 0). It gets an id and a
title of its own (its statistics are not mixed with the shipped level's), is written as
plain YAML with the texts as the shipped files write them, and is read back by
:func:`game.content.load.load_level` before it is kept: a copy that does not validate is
deleted and the problems are returned. Nothing is ever overwritten: the file is
``<level>-sandbox.yaml``, else ``<level>-sandbox-2.yaml``, and so on, created exclusively.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.content.load import ContentInvalid, load_level
from game.content.models import Level, Text
from game.sandbox.level import SANDBOX, rebuild, rule_set
from game.sandbox.rules import Rules

MAX_COPIES = 99


class SaveRefused(Exception):
    """Nothing was kept; ``problems`` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Saved:
    path: Path
    level_id: str
    rule_set: str


def sandbox_copy(level: Level, rules: Rules, *, level_id: str, title: Text, rule_name: Text) -> Level:
    """The level with the sandbox's rules: its rule sets plus one, the other changes throughout."""
    taken = {r.id for r in level.rules}
    rule_id = next(f"{SANDBOX}_{n}" if n > 1 else SANDBOX for n in range(1, 1000) if _nth(n) not in taken)
    added = rule_set(level, rules, rule_id, rule_name)
    return rebuild(level, rules, [*level.rules, added], id=level_id, title=title)


def _nth(n: int) -> str:
    return SANDBOX if n == 1 else f"{SANDBOX}_{n}"


def level_yaml(level: Level, header: list[str]) -> str:
    """``level`` as readable YAML: what its author wrote and the sandbox's changes, texts inline."""
    data = _plain(level.model_dump(mode="json", exclude_unset=True))
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    return "".join(f"# {line}\n" if line else "#\n" for line in header) + body


def save_rules(level: Level, rules: Rules, folder: Path, *, stem: str, title: Text, rule_name: Text) -> Saved:
    """Write the copy to the first free ``<stem>-sandbox[-n].yaml`` in ``folder``; raise
    :class:`SaveRefused` (and keep nothing) if it cannot be written or does not validate."""
    for n in range(1, MAX_COPIES + 1):
        name = f"{stem}-sandbox.yaml" if n == 1 else f"{stem}-sandbox-{n}.yaml"
        if not os.path.lexists(folder / name):
            suffix = "" if n == 1 else f"_{n}"
            level_id = f"{level.id[: 40 - len('_sandbox') - len(suffix)]}_sandbox{suffix}"
            copy = sandbox_copy(level, rules, level_id=level_id, title=title, rule_name=rule_name)
            return write_level(copy, folder / name, header_lines(level, rules, copy, stem, folder / name))
    raise SaveRefused([f"{folder} already holds {MAX_COPIES} sandbox copies of {stem}; remove some"])


def header_lines(level: Level, rules: Rules, copy: Level, stem: str, path: Path) -> list[str]:
    """What the file's first comment lines say (for whoever opens it later)."""
    shipped = Rules.shipped(level)
    lines = [
        f"A copy of the level {stem!r} made in the rules sandbox, with the rule set {copy.rules[-1].id!r} added",
        "to its rules (a session draws one of them, like any rule set). For the whole copy:",
    ]
    doors = rules.doors_changed(shipped)
    lines.append(f"- door thresholds changed: {', '.join(doors)}" if doors else "- door thresholds as shipped")
    before = sum(len(p.data) for p in level.personas)
    after = sum(len(p.data) for p in copy.personas)
    lines.append(f"- persona data points that count: {after} of {before}")
    lines.append(
        "- friends' scores count (connections follow them)"
        if rules.friends_average
        else "- friends' scores do not count: every contact's closeness is 0"
    )
    lines += ["", f"Check it: python -m game check {path.name}   Play it: python -m game --level {path.name}", ""]
    return lines


def write_level(copy: Level, path: Path, header: list[str]) -> Saved:
    """Write ``copy`` to ``path``, which must not exist (a shipped level is never overwritten),
    and keep it only if it loads back as a valid level."""
    if os.path.lexists(path):
        raise SaveRefused([f"{path} already exists: the sandbox never overwrites a level"])
    text = level_yaml(copy, header)
    partial = path.with_name(f".{path.stem}.saving-{os.getpid()}.yaml")
    try:
        with open(partial, "x", encoding="utf-8") as out:
            out.write(text)
        try:
            loaded = load_level(partial)
        except ContentInvalid as err:
            raise SaveRefused([_relabel(str(p), partial, path) for p in err.problems]) from None
        added = loaded.rules[-1].id
        os.link(partial, path)  # fails if the name was taken meanwhile: never over another file
    except FileExistsError:
        raise SaveRefused([f"{path} already exists: the sandbox never overwrites a level"]) from None
    except OSError as err:
        raise SaveRefused([f"cannot write {path}: {err.strerror or err}"]) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return Saved(path, loaded.id, added)


def _relabel(problem: str, partial: Path, path: Path) -> str:
    return problem.replace(str(partial), str(path))


class _Flow(dict[str, Any]):
    """A mapping written on one line (a text, the weights, a tier)."""


class _FlowList(list[Any]):
    """A list written on one line (tags, a scene's pictures)."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the game's reader refuses anchors and aliases: write every value out


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))

SCALARS = (str, int, float, bool, type(None))
INLINE = 200  # characters: a mapping of plain values shorter than this is written on one line


def _plain(value: Any) -> Any:
    """Whole floats as integers; short mappings and lists of plain values on one line."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 4)
    if isinstance(value, dict):
        out = {k: _plain(v) for k, v in value.items()}
        if out and all(isinstance(v, SCALARS) for v in out.values()) and len(repr(out)) < INLINE:
            return _Flow(out)
        if all(isinstance(k, str) and len(k) == 2 for k in out) and all(isinstance(v, str) for v in out.values()):
            return _Flow(out)  # a text, however long: one line, as the shipped levels write them
        return out
    if isinstance(value, list):
        items = [_plain(v) for v in value]
        if items and all(isinstance(v, SCALARS) for v in items):
            return _FlowList(items)
        return items
    return value
