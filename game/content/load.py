"""Load a level file into a validated :class:`Level`, or report every problem at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.content.continuity import continuity_warnings
from game.content.glyphs import glyph_problems
from game.content.lint import lint_level
from game.content.models import Level
from game.content.yamlsafe import ContentInvalid as ContentInvalid  # defined beside Problem; imported from here too
from game.content.yamlsafe import Document, Problem, YamlRejected, dotted, read_yaml
from game.kinds.effects import TAG, describe_forms

M = TypeVar("M", bound=BaseModel)


def validate_document(doc: Document, model: type[M]) -> M:
    """Fit plain YAML data to ``model``; pydantic's errors become file:line problems."""
    if not isinstance(doc.data, dict):
        raise ContentInvalid([doc.problem((), "the file must hold a mapping of keys to values")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        problems = [_problem_from_error(doc, e) for e in err.errors(include_url=False)]
        raise ContentInvalid(sorted(set(problems))) from None


def _problem_from_error(doc: Document, error: Any) -> Problem:
    path = tuple(p for p in error["loc"] if isinstance(p, int) or not _is_pydantic_tag(str(p)))
    message = str(error["msg"])
    kind = str(error.get("type", ""))
    if kind == "extra_forbidden":
        message = f"unknown key {path[-1]!r} (a typo?)" if path else "unknown key"
    elif kind == "missing":
        message = "this field is required"
    elif kind in ("union_tag_not_found", "union_tag_invalid"):
        message = f"an effect has exactly one target, as one of: {describe_forms()}"
    elif kind == "string_unicode":
        message = "unpaired surrogate (half of a UTF-16 pair): write the character itself, not its halves"
    message = message.removeprefix("Value error, ")
    if kind == "missing":
        line, col = doc.where(path[:-1])
        return Problem(doc.file, line, col, dotted(path), message)
    return doc.problem(path, message)


def _is_pydantic_tag(part: str) -> bool:
    """Pydantic inserts union/validator names (e.g. ``function-after[...]``) into locations."""
    return "[" in part or part.startswith(TAG) or part in {"str", "int", "float", "bool", "list", "dict"}


def load_level(path: Path | str) -> Level:
    """Read, validate and lint one level file; raise :class:`ContentInvalid` on any problem."""
    try:
        doc = read_yaml(path)
    except YamlRejected as err:
        raise ContentInvalid(err.problems) from None
    level = validate_document(doc, Level)
    problems = lint_level(level, doc)
    if problems:
        raise ContentInvalid(problems)
    return level


def level_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the ``*.yaml`` files they hold, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")))
        else:
            out.append(p)
    return out


def check_paths(paths: list[Path]) -> list[Problem]:
    """Every problem in every level file under ``paths`` (empty when all are clean)."""
    return check_report(paths)[0]


def check_report(paths: list[Path]) -> tuple[list[Problem], list[Problem]]:
    """Every problem, and every continuity warning, in the level files under ``paths``."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    files = level_files(paths)
    if not files:
        return [Problem(str(p), 1, 1, "", "no level files found") for p in paths], []
    for file in files:
        if not file.exists():
            problems.append(Problem(str(file), 1, 1, "", "no such file"))
            continue
        try:
            level = load_level(file)
        except ContentInvalid as err:
            problems.extend(err.problems)
            continue
        doc = read_yaml(file)
        problems.extend(glyph_problems(level, doc))
        warnings.extend(continuity_warnings(level, doc))
    return problems, warnings
