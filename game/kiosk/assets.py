"""The kiosk's preflight of what the game loads besides the level: fonts, theme, UI catalogs.

A missing font or a damaged theme used to pass ``kiosk --check`` and then crash the game
at every start. These checks need no pygame (the supervisor never imports it): the theme
must have every colour and size the code asks for, in the right form; each catalog must
be a mapping of keys to one text per language, every text drawable
(:mod:`game.content.textcheck`) with the same ``{parameters}`` in every language; each
font must be a whole OpenType/TrueType file (its table directory inside the file).
Every problem is a :class:`~game.content.yamlsafe.Problem` with its file and line.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from game.content.textcheck import text_problem
from game.content.yamlsafe import Document, Problem, YamlRejected, read_yaml
from game.i18n import LANGUAGES_FILE
from game.paths import ASSETS_DIR, FONTS_DIR, I18N_DIR
from game.safefile import FileRefused, read_regular
from game.ui.fonts import FACES, FAMILIES_FILE, load_families

FONT_FILES = ("Inter-Regular.otf", "Inter-Italic.otf", "Inter-SemiBold.otf", "Inter-Bold.otf")
"""The default family's faces, which every language draws with (a test keeps this equal to
``assets/fonts/fonts.yaml``); the other families' files are read from that file."""
FONT_MAX_BYTES = 50_000_000
THEME_COLOURS = frozenset(
    [
        "accent",
        "background",
        "bad",
        "button",
        "button_disabled",
        "button_disabled_text",
        "button_focus",
        "button_text",
        "card",
        "card_muted",
        "card_text",
        "good",
        "highlight",
        "muted",
        "overlay",
        "phone",
        "phone_muted",
        "phone_screen",
        "phone_text",
        "primary",
        "primary_text",
        "surface",
        "surface_alt",
        "text",
        "warning",
    ]
)
THEME_SIZES = frozenset(
    [
        "attract_dial_max",
        "attract_dial_min",
        "body",
        "button",
        "button_height",
        "gap_mm",
        "heading",
        "larger_button_scale",
        "larger_text_scale",
        "max_target_share",
        "min_text",
        "small",
        "target_mm",
        "title",
    ]
)
"""Every colour and size the code asks the theme for (a test scans the code to keep this whole)."""
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_PARAM = re.compile(r"\{(\w*)[^{}]*\}")
_SFNT = (b"OTTO", b"\x00\x01\x00\x00", b"true", b"ttcf")


def asset_problems(
    languages: Iterable[str] = (),
    *,
    theme: Path = ASSETS_DIR / "theme.yaml",
    catalogs: Path = I18N_DIR,
    fonts: Path = FONTS_DIR,
) -> list[Problem]:
    """Every problem with the fonts, the theme and the catalogs the game will load."""
    return font_problems(fonts) + theme_problems(theme) + catalog_problems(catalogs, list(languages) or None)


def font_problems(folder: Path = FONTS_DIR) -> list[Problem]:
    """The default family's files, ``fonts.yaml`` and every file it names, each whole."""
    out = []
    names = list(FONT_FILES)
    try:
        doc = read_yaml(folder / FAMILIES_FILE)
    except YamlRejected as err:
        out.extend(err.problems)
    else:
        families: Any = doc.data
        if not isinstance(families, dict) or not families:
            out.append(doc.problem((), "fonts: the file must map family ids to {name, faces}"))
            families = {}
        for fid, info in families.items():
            faces = info.get("faces") if isinstance(info, dict) else None
            if (
                not isinstance(faces, dict)
                or "regular" not in faces
                or not all(
                    k in FACES and isinstance(v, str) and "/" not in v and "\\" not in v for k, v in faces.items()
                )
            ):
                out.append(
                    doc.problem((fid,), f"fonts: faces must map {', '.join(FACES)} to file names, regular first")
                )
                continue
            names += [str(v) for v in faces.values() if str(v) not in names]
    for name in names:
        path = folder / name
        try:
            data = read_regular(path, FONT_MAX_BYTES)
        except FileRefused as err:
            out.append(Problem(str(path), 1, 1, "", f"font: {err}"))
            continue
        why = _sfnt_problem(data)
        if why:
            out.append(Problem(str(path), 1, 1, "", f"font: {why}"))
    return out


def _sfnt_problem(data: bytes) -> str | None:
    """Why ``data`` is not a whole OpenType/TrueType font, or None."""
    if len(data) < 12 or data[:4] not in _SFNT:
        return "not an OpenType or TrueType font"
    if data[:4] == b"ttcf":
        return None  # a collection: its fonts are checked by the font engine
    (tables,) = struct.unpack_from(">H", data, 4)
    if not 1 <= tables <= 200 or 12 + 16 * tables > len(data):
        return "the font's table directory is damaged or cut short"
    for i in range(tables):
        offset, length = struct.unpack_from(">II", data, 12 + 16 * i + 8)
        if offset + length > len(data):
            return f"the font is cut short (a table ends at byte {offset + length} of {len(data)})"
    return None


def theme_problems(path: Path = ASSETS_DIR / "theme.yaml") -> list[Problem]:
    try:
        doc = read_yaml(path)
    except YamlRejected as err:
        return list(err.problems)
    data: Any = doc.data
    if not isinstance(data, dict):
        return [doc.problem((), "theme: the file must hold a mapping")]
    out = []
    logical = data.get("logical")
    if not isinstance(logical, dict) or not all(
        type(logical.get(k)) is int and 320 <= logical[k] <= 10000 for k in ("width", "height")
    ):
        out.append(doc.problem(("logical",), "theme: logical must be {width: W, height: H}, whole numbers"))
    for section, names, valid, what in (
        ("colours", THEME_COLOURS, lambda v: isinstance(v, str) and bool(_HEX.fullmatch(v)), "a colour like #10141c"),
        ("sizes", THEME_SIZES, lambda v: type(v) in (int, float) and 0 < v < 100_000, "a positive number"),
    ):
        table = data.get(section)
        if not isinstance(table, dict):
            out.append(doc.problem((section,), f"theme: {section} must be a mapping of names to values"))
            continue
        for name in sorted(names - set(table)):
            out.append(doc.problem((section,), f"theme: {section} has no {name!r}, which the game uses"))
        for name, value in table.items():
            if not valid(value):
                out.append(doc.problem((section, name), f"theme: must be {what}"))
    return out


def _is_text_or_forms(value: object) -> bool:
    """A text, or forms of one (one/other by count, f/m by gender; ``other`` always there)."""
    if isinstance(value, str):
        return True
    return isinstance(value, dict) and "other" in value and all(isinstance(v, str) for v in value.values())


def catalog_problems(folder: Path = I18N_DIR, languages: list[str] | None = None) -> list[Problem]:
    files = sorted(folder.glob("*.yaml"))
    if languages is None:  # every language languages.yaml declares
        found = next((p for p in files if p.name == LANGUAGES_FILE), None)
        languages = [str(k) for k in read_yaml(found).data] if found is not None else []
    if not files:
        return [Problem(str(folder), 1, 1, "", "no UI catalog (*.yaml) found")]
    out: list[Problem] = []
    seen: dict[str, dict[str, str]] = {}  # key -> language -> the file that gives it
    where: dict[str, tuple[Document, dict[str, Any]]] = {}  # key -> its first file, and its texts merged
    for path in files:
        try:
            doc = read_yaml(path)
        except YamlRejected as err:
            out.extend(err.problems)
            continue
        if not isinstance(doc.data, dict):
            out.append(doc.problem((), "catalog: the file must hold a mapping of keys to texts"))
            continue
        if path.name == LANGUAGES_FILE:
            out += language_problems(doc)
            continue
        for key, entry in doc.data.items():
            if not isinstance(entry, dict) or not all(_is_text_or_forms(v) for v in entry.values()):
                out.append(doc.problem((key,), "catalog: each key needs {fr: ..., en: ...} texts"))
                continue
            given = seen.setdefault(str(key), {})
            twice = sorted({given[str(lang)] for lang in entry if str(lang) in given})
            if twice:  # a language's texts may live in their own file, but each text only once
                out.append(doc.problem((key,), f"catalog: {key!r} is already defined in {', '.join(twice)}"))
            for lang in entry:
                given.setdefault(str(lang), path.name)
            first = where.setdefault(str(key), (doc, {}))
            first[1].update({str(k): v for k, v in entry.items()})
            for lang, value in entry.items():
                for text in [value] if isinstance(value, str) else list(value.values()):
                    problem = text_problem(text) or (None if text.strip() else "text is empty")
                    if problem:
                        out.append(doc.problem((key, lang), f"catalog: {problem}"))
    for key, (doc, entry) in where.items():
        for lang in languages:
            if lang not in entry:
                out.append(doc.problem((key,), f"catalog: no {lang!r} text"))
        forms = {lang: [v] if isinstance(v, str) else list(v.values()) for lang, v in entry.items()}
        params = {lang: sorted({p for t in texts for p in _PARAM.findall(t)}) for lang, texts in forms.items()}
        if len({tuple(p) for p in params.values()}) > 1:
            out.append(doc.problem((key,), "catalog: the languages do not use the same {parameters}"))
    return out


def language_problems(doc: Document) -> list[Problem]:
    """Each ``languages.yaml`` entry: a name, and fonts, italics and a reading rate that make sense."""
    try:
        families = set(load_families())
    except (OSError, YamlRejected, KeyError, TypeError, AttributeError):
        families = set()  # font_problems reports the broken fonts.yaml
    out: list[Problem] = []
    for code, info in doc.data.items():
        if not isinstance(info, dict) or not isinstance(info.get("name"), str) or not info["name"].strip():
            out.append(doc.problem((code,), "languages: each language needs {name: ...}, its own name"))
            continue
        fonts = info.get("fonts", [])
        if not isinstance(fonts, list) or not all(isinstance(f, str) for f in fonts):
            out.append(doc.problem((code, "fonts"), "languages: fonts is a list of font family ids"))
        elif families:
            for i, name in enumerate(fonts):
                if name not in families:
                    known = ", ".join(sorted(families))
                    out.append(doc.problem((code, "fonts", i), f"languages: no font family {name!r} ({known})"))
        if not isinstance(info.get("italic", True), bool):
            out.append(doc.problem((code, "italic"), "languages: italic is true or false"))
        reading = info.get("reading", {})
        rate: Any = reading.get("per_minute", 200) if isinstance(reading, dict) else None
        if (
            not isinstance(reading, dict)
            or reading.get("unit", "words") not in ("words", "chars")
            or type(rate) not in (int, float)
            or not 1 <= rate <= 10_000
        ):
            out.append(doc.problem((code, "reading"), "languages: reading is {unit: words or chars, per_minute: N}"))
    return out
