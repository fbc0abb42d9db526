"""The rules sandbox in Chinese: with a class of bot months of the Chinese level, every tab,
the two sources and the chart alone have every glyph and fit their boxes, nothing cut."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.app import App
from game.cli.screenshot import stage
from game.i18n import Catalog
from game.sandbox.demo import bot_months, record_class
from game.settings import Settings
from game.stats.store import StatsStore
from tests.sandbox.test_screen import every_view
from tests.screens.helpers import FakeClock
from tests.screens.test_every_screen import overflowing
from tests.zh import kit
from tests.zh.test_cjk import missing_glyphs

LEVEL = kit.level()


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    with pytest.MonkeyPatch.context() as mp, kit.zh_catalog(mp, tmp_path_factory.mktemp("i18n")) as found:
        yield found


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sandbox_in_chinese_has_its_glyphs_and_fits(
    catalog: Catalog, tmp_path: Path, size: tuple[int, int]
) -> None:
    stats = tmp_path / "stats.db"
    with StatsStore(stats) as store:
        record_class(store, LEVEL, bot_months(LEVEL, 30))
    opts = Settings(lang="zh", default_lang="zh", languages=list(LEVEL.languages), seed=5)
    app = App(LEVEL, opts, size=size, clock=FakeClock(), stats_path=stats, level_path=tmp_path / "level.yaml")
    app.step()
    stage(app, "sandbox", None, None, LEVEL.personas[0].id, random.Random(3))
    app.draw()
    assert [f.id for f in app.fonts.stack.families] == ["noto_sans_sc", "inter"]
    for view in every_view(app):
        assert missing_glyphs(app) == [], view
        assert overflowing(app) == [], view
        assert not [d.text for d in app.canvas.drawn if d.cut], view
    assert "全班：30 个月" in [d.text for d in app.canvas.drawn]  # the class's months, charted
    app.quit()
