"""Chinese, drawn: every screen of a Simplified Chinese month has every glyph and fits its boxes.

The level is the sample with a ``zh`` text on everything (``tests/zh/level.yaml``), the
interface a ``zh.yaml`` beside the real catalogs (``tests/zh/kit.py``): what a translator
adds, and nothing more. Inter has no Chinese; the ``zh`` entry names Noto Sans SC.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli.screenshot import SCREENS, stage
from game.content.load import check_report
from game.core.balance import balance, format_balance
from game.i18n import Catalog
from game.screens.debrief.screen import PANELS
from game.tools.drive import open_debrief, texts
from tests.screens.helpers import make_app
from tests.screens.test_every_screen import overflowing
from tests.zh import kit

LEVEL = kit.level()


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    with pytest.MonkeyPatch.context() as mp, kit.zh_catalog(mp, tmp_path_factory.mktemp("i18n")) as found:
        yield found


def missing_glyphs(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every drawn text with a character no font draws (the stack's own, or a fallback)."""
    stack = app.fonts.stack
    return [
        f"{d.text!r}: {stack.missing(d.text, strict=False)}" for d in app.canvas.drawn if stack.missing(d.text, False)
    ]


def test_the_level_and_its_catalog_are_clean(catalog: Catalog) -> None:
    assert check_report([kit.LEVEL_FILE]) == ([], [])
    assert catalog.language("zh").name == "中文"
    assert catalog("persona.title", "zh") == "您是谁？"
    assert catalog("end.near_miss", "zh", n=1, door="火车票") == "差 1 分：火车票。"  # no singular in Chinese


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_in_chinese_has_its_glyphs_and_fits(catalog: Catalog, screen: str, size: tuple[int, int]) -> None:
    app = make_app(LEVEL, lang="zh", size=size, kiosk=screen in ("pin", "idle"))
    app.ctx.kiosk.admin_pin = "2468"
    stage(app, screen, None, None, LEVEL.personas[0].id, random.Random(3))
    app.draw()
    assert [f.id for f in app.fonts.stack.families] == ["noto_sans_sc", "inter"]
    shown = texts(app)
    assert shown, f"{screen} drew no text"
    assert missing_glyphs(app) == []
    assert overflowing(app) == []
    assert not [d.text for d in app.canvas.drawn if d.cut], "nothing a visitor reads may be cut"


@pytest.mark.parametrize("panel", PANELS)
def test_every_debrief_panel_in_chinese_has_its_glyphs_and_fits(catalog: Catalog, panel: str) -> None:
    app = make_app(LEVEL, lang="zh", size=(1280, 720))
    stage(app, "end", None, None, LEVEL.personas[0].id, random.Random(3))
    open_debrief(app, panel)
    app.draw()
    assert missing_glyphs(app) == []
    assert overflowing(app) == []


def test_the_scene_text_is_chinese_and_wraps_between_characters(catalog: Catalog) -> None:
    app = make_app(LEVEL, lang="zh", size=(1920, 1080))
    stage(app, "scene", "wedding", None, LEVEL.personas[0].id, random.Random(3))
    app.draw()
    text = next(s.text["zh"] for w in LEVEL.weeks for s in w.scenes if s.id == "wedding")
    lines = app.canvas.wrap(text, 300, 30)
    assert len(lines) > 2 and "".join(lines) == text.replace(" ", "")  # no space added or lost between CJK
    assert not any(line.startswith(("。", "，", "：", "”")) for line in lines)  # never before closing punctuation
    assert any("该订去参加婚礼的火车票了" in t for t in texts(app))


def test_a_month_in_chinese_is_read_in_characters(catalog: Catalog) -> None:
    report = format_balance(balance(LEVEL, 30, seed=1), LEVEL, "zh")
    zh = next(line for line in report.splitlines() if line.strip().startswith("zh:"))
    en = next(line for line in report.splitlines() if line.strip().startswith("en:"))
    assert "characters" in zh and "at 255 characters/min" in zh
    assert "words" in en and "at 200 words/min" in en


def test_the_screens_tell_their_language_apart(catalog: Catalog, tmp_path: Path) -> None:
    """Switching language mid-visit redraws with the other stack (caches are keyed on it);
    the Chinese button on an English screen is drawn by the fallback, not as boxes."""
    app = make_app(LEVEL, lang="zh", size=(1280, 720))
    app.draw()
    zh_key = app.fonts.stack.key
    app.ctx.settings.lang = "en"
    app.draw()
    assert app.fonts.stack.key != zh_key and [f.id for f in app.fonts.stack.families] == ["inter"]
    assert missing_glyphs(app) == []
    button = app.fonts.stack.runs("中文", "semibold")
    assert [path.name for path, _ in button] == ["NotoSansSC-Bold.ttf"]
