"""Long unbreakable words cost milliseconds, not seconds: 200 aliased 4,000-character rules page through fast."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from game.content.load import load_level
from game.tools.autoplay import play_until
from game.tools.drive import open_debrief, texts
from tests.screens.helpers import SAMPLE, into_a_scene, make_app

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)

WORD = "x" * 4000


def aliased_level(tmp_path: Path, copies: int = 200) -> Path:
    """sample.yaml whose hidden rules are one 4,000-character word, aliased ``copies`` times."""
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("hidden_rules:")
    end = start + 1 + re.search(r"\n[a-z_]+:", text[start + 1 :]).start()  # type: ignore[union-attr]
    texts = ", ".join(f'{lang}: "{WORD}"' for lang in load_level(SAMPLE).languages)
    block = f"hidden_rules:\n  - &w {{{texts}}}\n" + "  - *w\n" * (copies - 1)
    path = tmp_path / "aliased.yaml"
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return path


@pytest.mark.slow
def test_paging_through_200_huge_rules_takes_seconds_at_most(tmp_path: Path) -> None:
    level = load_level(aliased_level(tmp_path))
    assert len(level.hidden_rules) == 200
    app = make_app(level, lang="en", size=(1920, 1080))
    play_until(app, lambda s: s.name == "end", random.Random(1))
    open_debrief(app, "rules")
    started = time.perf_counter()
    app.draw()
    pages = 1
    while app.top.page < app.top.page_count - 1 and pages < 500:  # type: ignore[attr-defined]
        app.top.on_button("page:down")
        app.draw()
        pages += 1
    elapsed = time.perf_counter() - started
    assert pages == app.top.page_count  # type: ignore[attr-defined]
    assert elapsed < 5.0, f"{pages} pages in {elapsed:.1f} s (was 662 s)"
    app.quit()


def test_a_scene_with_a_huge_word_draws_in_a_frame(tmp_path: Path) -> None:
    word = "y" * 3900  # a text is at most 4,000 characters
    text = SAMPLE.read_text(encoding="utf-8").replace('{fr: "Vous êtes en retard.', f'{{fr: "{word} en retard.', 1)
    text = text.replace('title: {fr: "Le vélo"', f'title: {{fr: "{word}"', 1)
    path = tmp_path / "word.yaml"
    path.write_text(text, encoding="utf-8")
    app = make_app(load_level(path), lang="fr", size=(1920, 1080))
    into_a_scene(app)
    started = time.perf_counter()
    for _ in range(3):
        app.dirty = True
        app.step(events=[])
    assert time.perf_counter() - started < 1.0
    assert any(word in t for t in texts(app))
    app.quit()
