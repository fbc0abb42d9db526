"""Hostile-input-proof YAML reading that remembers where every value came from.

The document is *composed* to a node tree first (nothing is constructed yet), so we can
refuse what a safe level never needs before it costs anything: Python tags, duplicate
keys, alias bombs, huge files. Only then are plain values built with the safe loader.
Every problem is a :class:`Problem` with file, line and column.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.safefile import FileRefused, read_regular

# libyaml's C parser when PyYAML was built with it (ten times faster), else pure Python.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_BYTES = 4_000_000  # ten times the workshop level (the largest shipped) reads, far from a memory risk
MAX_NODES = 200_000
MAX_DEPTH = 64  # a level nests a dozen levels deep; far more is a hostile or broken file
STANDARD_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq",
    }
)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, in the ``file:line:col: field: message`` form."""

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class YamlRejected(Exception):
    """Raised with every problem found when a file cannot be read as plain YAML."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class ContentInvalid(Exception):
    """A content file with problems; ``problems`` lists them all, each with file:line:col.

    Defined here, beside :class:`Problem`, so modules that only catch it (the keypad, the
    speech settings, the kiosk config) need not import the level's models to do so.
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Plain data from a YAML file plus the position of every value in it."""

    file: str
    data: Any
    marks: dict[Path_, tuple[int, int]]

    def where(self, path: Path_) -> tuple[int, int]:
        """The line and column of ``path``, or of its nearest ancestor that exists."""
        probe = tuple(path)
        while probe not in self.marks and probe:
            probe = probe[:-1]
        return self.marks.get(probe, (1, 1))

    def problem(self, path: Path_, message: str) -> Problem:
        line, col = self.where(path)
        return Problem(self.file, line, col, dotted(path), message)


def dotted(path: Path_) -> str:
    """``('weeks', 0, 'scenes')`` -> ``weeks[0].scenes``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one YAML file safely; raise :class:`YamlRejected` listing every problem."""
    name = str(path)
    try:  # a regular file only, its size checked before a byte is read (FIFOs, /dev/zero, huge files)
        raw = read_regular(path, max_bytes)
    except FileRefused as err:
        raise YamlRejected([Problem(name, 1, 1, "", str(err))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlRejected([Problem(name, line, col, "", "the file is not valid UTF-8 text")]) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str = "<text>") -> Document:
    """Parse YAML text; see :func:`read_yaml`.

    Python's cyclic garbage collector is paused for the parse: the node tree and the data
    are hundreds of thousands of young objects, and each collection the allocations
    trigger walks all of them again, which made reading super-linear in the file's size
    (50 times the text took 153 times as long). Nothing in a parse is garbage in a cycle;
    reference counting frees what it drops, and the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, name)
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, name: str) -> Document:
    found = _SURROGATE.search(text)
    if found:  # only possible for text not read from a file (a file is decoded as UTF-8)
        line = text.count("\n", 0, found.start()) + 1
        col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise YamlRejected([Problem(name, line, col, "", "the text holds an unpaired surrogate: not valid UTF-8")])
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except RecursionError:
            raise YamlRejected([Problem(name, 1, 1, "", f"nesting is deeper than {MAX_DEPTH} levels")]) from None
        except yaml.reader.ReaderError as err:
            line = text.count("\n", 0, err.position) + 1
            col = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
            code = err.character if isinstance(err.character, int) else ord(err.character or "\0")
            what = f"control character U+{code:04X} is not allowed in YAML"
            raise YamlRejected([Problem(name, line, col, "", what)]) from None
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = err.problem or str(err)
            raise YamlRejected([Problem(name, line, col, "", f"YAML syntax error: {what}")]) from None
        except yaml.YAMLError as err:
            raise YamlRejected([Problem(name, 1, 1, "", f"YAML error: {err}")]) from None
        if root is None:
            raise YamlRejected([Problem(name, 1, 1, "", "the file is empty")])
        problems: list[Problem] = []
        marks: dict[Path_, tuple[int, int]] = {}
        _inspect(root, (), name, problems, marks, budget=[MAX_NODES], active=set(), depth=0)
        if problems:
            raise YamlRejected(sorted(set(problems)))
        try:
            data = loader.construct_document(root)
        except yaml.YAMLError as err:
            raise YamlRejected([Problem(name, *_mark(root), "", f"YAML error: {err}")]) from None
        except (ValueError, OverflowError) as err:
            raise YamlRejected([Problem(name, *_mark(root), "", f"bad value: {err}")]) from None
    finally:
        loader.dispose()
    return Document(name, data, marks)


def _inspect(
    node: Node,
    path: Path_,
    name: str,
    problems: list[Problem],
    marks: dict[Path_, tuple[int, int]],
    budget: list[int],
    active: set[int],
    depth: int,
) -> None:
    """Walk the node tree as it would expand, refusing what a level never needs."""
    if depth > MAX_DEPTH:
        problems.append(
            Problem(name, *_mark(node), _dotted_or_root(path), f"nesting is deeper than {MAX_DEPTH} levels")
        )
        return
    budget[0] -= 1
    if budget[0] < 0:
        if budget[0] == -1:
            problems.append(
                Problem(name, *_mark(node), "", f"the document expands to more than {MAX_NODES} values (alias bomb?)")
            )
        return
    if id(node) in active:
        problems.append(Problem(name, *_mark(node), _dotted_or_root(path), "recursive alias"))
        return
    marks.setdefault(path, _mark(node))
    if node.tag not in STANDARD_TAGS:
        problems.append(Problem(name, *_mark(node), _dotted_or_root(path), f"tag {node.tag!r} is not allowed"))
        return
    if isinstance(node, ScalarNode):
        if node.tag == "tag:yaml.org,2002:int" and len(node.value.lstrip("+-").replace("_", "")) > 12:
            problems.append(Problem(name, *_mark(node), _dotted_or_root(path), "number is too large"))
        return
    active.add(id(node))
    try:
        if isinstance(node, SequenceNode):
            for index, child in enumerate(node.value):
                _inspect(child, (*path, index), name, problems, marks, budget, active, depth + 1)
        elif isinstance(node, MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    problems.append(
                        Problem(name, *_mark(key_node), _dotted_or_root(path), "merge keys (<<) are not allowed")
                    )
                    continue
                if not isinstance(key_node, ScalarNode) or key_node.tag not in STANDARD_TAGS:
                    problems.append(Problem(name, *_mark(key_node), _dotted_or_root(path), "keys must be plain text"))
                    continue
                key = key_node.value
                if key in seen:
                    problems.append(
                        Problem(
                            name,
                            *_mark(key_node),
                            dotted((*path, key)),
                            f"duplicate key {key!r} (first at line {seen[key]})",
                        )
                    )
                    continue
                seen[key] = key_node.start_mark.line + 1
                marks[(*path, key)] = _mark(key_node)
                _inspect(value_node, (*path, key), name, problems, marks, budget, active, depth + 1)
    finally:
        active.discard(id(node))


def _dotted_or_root(path: Path_) -> str:
    return dotted(path) or "(top)"
