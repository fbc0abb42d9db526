"""Characters of a level's texts that no font of their language would draw (a box on screen).

Each text in each of the level's languages is looked up in that language's font stack
(``languages.yaml`` ``fonts``, the families of ``assets/fonts/fonts.yaml``): a character
none of its families has would be drawn as a ``.notdef`` box, or by a font the language
never loads otherwise. ``python -m game check`` reports each such text at its file:line,
naming the characters; a translator adds a font, or a character to the font's cut.
"""

from __future__ import annotations

import logging

from game.content.models import Level
from game.content.walk import is_text, walk
from game.content.yamlsafe import Document, Problem
from game.i18n import Catalog, load_catalog
from game.ui.cmap import BadFont
from game.ui.fonts import stack_for

log = logging.getLogger("open_sesame")


def glyph_problems(level: Level, doc: Document, catalog: Catalog | None = None) -> list[Problem]:
    """One problem per text with a character its language's fonts lack, and one per
    language the interface does not know (its name, numbers and fonts would be guessed)."""
    catalog = catalog or load_catalog()
    out: list[Problem] = []
    stacks = {}
    for i, lang in enumerate(level.languages):
        if lang not in catalog.known:
            out.append(doc.problem(("languages", i), f"language {lang!r} has no entry in assets/i18n/languages.yaml"))
            continue
        info = catalog.language(lang)
        stacks[lang] = stack_for(info.fonts, info.italic)
    try:
        for path, value in walk(level):
            if not is_text(value):
                continue
            for lang, text in value.items():
                stack = stacks.get(lang)
                missing = stack.missing(text) if stack is not None else []
                if missing and stack is not None:
                    shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:8])
                    more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
                    out.append(
                        doc.problem((*path, lang), f"no glyph for {shown}{more} in the {lang!r} fonts ({stack.names})")
                    )
    except (OSError, BadFont) as err:  # the fonts themselves are broken: the preflight says so
        log.warning("glyphs not checked: %s", err)
    return out
