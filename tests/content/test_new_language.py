"""A language is files, not code: a languages.yaml entry, catalog texts, the level's texts.

Shown with Simplified Chinese (tests/zh/: an entry appended to a copy of languages.yaml,
a zh.yaml beside the real catalogs, the sample level with a zh text on everything):
the interface speaks it, the linter names every text a level lacks in a language it
declares (file:line), and a level may declare fewer languages than the interface offers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import check
from game.cli.screenshot import stage
from game.content.glyphs import glyph_problems
from game.content.yamlsafe import read_yaml
from game.i18n import Catalog, load_catalog, ui_languages
from game.kiosk.assets import catalog_problems
from game.paths import I18N_DIR
from game.present.words import Words
from game.tools.drive import texts
from tests.screens.helpers import make_app
from tests.zh import kit


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    with pytest.MonkeyPatch.context() as mp, kit.zh_catalog(mp, tmp_path_factory.mktemp("i18n")) as found:
        yield found


def test_a_new_language_is_an_entry_and_a_catalog_file(catalog: Catalog, tmp_path: Path) -> None:
    folder = kit.catalog_folder(tmp_path / "i18n")
    assert ui_languages(folder)[-1] == "zh"
    assert catalog.language("zh").fonts == ("noto_sans_sc",) and catalog.language("zh").italic is False
    words = Words(catalog, "zh")
    assert words.t("scene.week", n=2) == "第 2 周" and words.number(1234.5, 1) == "1,234.5"
    assert words.language_name("zh") == "中文"
    # the preflight reads the merged catalogs: zh.yaml's keys are the interface's, its parameters the same
    assert catalog_problems(folder, ["fr", "en", "zh"]) == []  # every key has its zh text


def test_a_text_given_twice_for_a_language_is_refused(tmp_path: Path) -> None:
    folder = kit.catalog_folder(tmp_path / "i18n")
    (folder / "again.yaml").write_text('persona.title: {zh: "你是谁？"}\n', encoding="utf-8")
    found = [str(p) for p in catalog_problems(folder, ["fr", "en"])]
    line = kit.CATALOG_FILE.read_text(encoding="utf-8").splitlines().index('persona.title: {zh: "您是谁？"}') + 1
    assert found == [
        f"{folder / 'zh.yaml'}:{line}:1: persona.title: catalog: 'persona.title' is already defined in again.yaml"
    ]


def test_a_language_entry_is_checked(tmp_path: Path) -> None:
    folder = kit.catalog_folder(tmp_path / "i18n")
    with (folder / "languages.yaml").open("a", encoding="utf-8") as out:
        out.write('ja: {name: "日本語", fonts: [noto_sans_jp], italic: "no", reading: {unit: kana, per_minute: 0}}\n')
    found = [p.message for p in catalog_problems(folder, ["fr", "en"])]
    assert "languages: no font family 'noto_sans_jp' (inter, noto_sans_sc)" in found
    assert "languages: italic is true or false" in found
    assert "languages: reading is {unit: words or chars, per_minute: N}" in found


def test_the_linter_names_each_text_a_level_lacks_in_a_language_it_declares(
    catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = kit.LEVEL_FILE.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "Lina dances at the wedding." in line)
    lines[at] = lines[at].replace('zh: "丽娜在婚礼上跳舞。", ', "")
    at2 = next(i for i, line in enumerate(lines) if line.strip().startswith("- id: walk"))
    lines[at2 + 1] = lines[at2 + 1].replace('zh: "走路"', 'ja: "歩く"')
    broken = tmp_path / "level.yaml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check.run([str(broken)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:{at + 1}:" in err and "personas[0].goal.reached: missing the 'zh' text" in err
    assert f"{broken}:{at2 + 2}:" in err and "options[1].text: missing the 'zh' text" in err
    assert "options[1].text.ja: language 'ja' is not in the level's languages" in err


def test_a_level_may_offer_fewer_languages_than_the_interface(catalog: Catalog) -> None:
    app = make_app(lang="fr", size=(1280, 720))  # the sample level, in French
    app.ctx.settings.languages = ["fr", "en", "zh"]  # the interface speaks three languages
    app.ctx.switch_level(kit.level(), kit.LEVEL_FILE)
    assert app.ctx.settings.languages == ["en", "zh"]
    assert app.ctx.settings.lang == "en" and app.ctx.settings.default_lang == "en"
    stage(app, "persona", None, None, "student", random.Random(1))
    app.draw()
    assert "中文" in texts(app) and "Français" not in texts(app)


def test_check_names_the_characters_a_language_s_fonts_lack(
    catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = kit.LEVEL_FILE.read_text(encoding="utf-8")
    assert check.run([str(kit.LEVEL_FILE)]) == 0
    broken = tmp_path / "level.yaml"
    broken.write_text(
        text.replace("小梅再也不跟您打招呼了。", "小梅再也不跟您打招呼了𠀀。").replace(
            "Twenty minutes on foot.", "Twenty minutes on foot (步行)."
        ),
        encoding="utf-8",
    )
    assert check.run([str(broken)]) == 2
    err = capsys.readouterr().err
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "小梅再也不跟您打招呼了" in t)
    assert f"{broken}:{line}:" in err
    assert (
        "side_scenes[0].options[0].reply.zh: no glyph for 𠀀 (U+20000) in the 'zh' fonts (Noto Sans SC, Inter)" in err
    )
    assert (
        "weeks[0].scenes[0].options[1].reply.en: no glyph for 步 (U+6B65) 行 (U+884C) in the 'en' fonts (Inter)" in err
    )


def test_check_refuses_a_language_the_interface_does_not_know() -> None:
    found = glyph_problems(kit.level(), read_yaml(kit.LEVEL_FILE), load_catalog(I18N_DIR))  # no zh shipped
    assert [str(p).split(": ", 1)[1] for p in found] == [
        "languages[0]: language 'zh' has no entry in assets/i18n/languages.yaml"
    ]
