"""The kiosk's preflight covers what the game will load: its options, level, fonts, theme, catalogs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.kiosk import launch
from game.kiosk import supervisor as module
from game.paths import ASSETS_DIR, FONTS_DIR, I18N_DIR, LEVELS_DIR, ROOT

GAME = ROOT / "game"
BAD_LEVEL = ROOT / "tests" / "content" / "bad_levels" / "text_nul_escape.yaml"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\n', encoding="utf-8")
    return path


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records any game the supervisor would start (none must be, after a failed preflight)."""
    seen: list[list[str]] = []

    def fake_run(self: module.Supervisor, beside: object = None) -> int:
        seen.append(self.child)
        return 0

    monkeypatch.setattr(module.Supervisor, "run", fake_run)
    return seen


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--level", "bad.yaml"], "python -m game kiosk: --level bad.yaml: no such level file"),
        (["--lvel", "x.yaml"], "python -m game kiosk: unrecognized arguments: --lvel x.yaml"),
        (["--window", "5x5"], "size '5x5' is out of range"),
        (["--seed", "many"], "argument --seed: invalid int value"),
        (["extra"], "unrecognized arguments: extra"),
    ],
)
def test_bad_passthrough_options_fail_preflight(
    config: Path, started: list[list[str]], capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    for check in ([], ["--check"]):
        assert launch.run(["--config", str(config), *check, *options]) == 2
        err = capsys.readouterr().err
        assert message in err
        assert "the kiosk was not started" in err
    assert started == []


def test_good_passthrough_options_pass(config: Path, started: list[list[str]]) -> None:
    level = LEVELS_DIR / "kiosk.yaml"
    assert launch.run(["--config", str(config), "--level", str(level), "--no-stats", "--window", "800x600"]) == 0
    assert started == [
        module.child_command(["--config", str(config), "--level", str(level), "--no-stats", "--window", "800x600"])
    ]


def test_a_kiosk_without_a_config_or_a_pin_is_not_started(
    tmp_path: Path, started: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert launch.run([]) == 2
    assert "a kiosk needs a config file with its own admin_pin" in capsys.readouterr().err
    no_pin = tmp_path / "no-pin.yaml"
    no_pin.write_text(f"level: {LEVELS_DIR / 'sample.yaml'}\n", encoding="utf-8")
    assert launch.run(["--config", str(no_pin), "--check"]) == 2
    assert f"{no_pin}:1:1: admin_pin: a kiosk needs its own PIN" in capsys.readouterr().err
    assert started == []


@pytest.mark.parametrize("delay", ["3", "2.5", "nan", "inf", "-1"])
def test_a_restart_delay_that_breaks_the_3_s_promise_is_refused(
    config: Path, started: list[list[str]], capsys: pytest.CaptureFixture[str], delay: str
) -> None:
    assert launch.run(["--config", str(config), "--restart-delay", delay]) == 2
    assert "--restart-delay: must be between 0 and 2 seconds" in capsys.readouterr().err
    assert started == []


def test_the_shipped_assets_pass() -> None:
    from game.kiosk.assets import asset_problems

    assert asset_problems() == []


def test_a_missing_or_broken_font_fails_preflight(
    tmp_path: Path, config: Path, monkeypatch: pytest.MonkeyPatch, started: list[list[str]], capsys
) -> None:  # type: ignore[no-untyped-def]
    from game.kiosk.assets import FONT_FILES, font_problems

    fonts = tmp_path / "fonts"
    shutil.copytree(FONTS_DIR, fonts)
    (fonts / FONT_FILES[0]).unlink()
    (fonts / FONT_FILES[1]).write_bytes((FONTS_DIR / FONT_FILES[1]).read_bytes()[:5000])  # cut short
    (fonts / FONT_FILES[2]).write_bytes(b"<html>not a font</html>")
    found = [str(p) for p in font_problems(fonts)]
    assert f"{fonts / FONT_FILES[0]}:1:1: font: cannot read file: No such file or directory" in found
    assert any(FONT_FILES[1] in p and "cut short" in p for p in found)
    assert any(FONT_FILES[2] in p and "not an OpenType or TrueType font" in p for p in found)
    assert len(found) == 3
    monkeypatch.setattr("game.kiosk.assets.FONT_FILES", ("Inter-Missing.otf",))
    assert launch.run(["--config", str(config), "--check"]) == 2
    assert "Inter-Missing.otf:1:1: font: cannot read file" in capsys.readouterr().err
    assert started == []


def test_a_damaged_theme_fails_preflight(tmp_path: Path) -> None:
    from game.kiosk.assets import theme_problems

    theme = tmp_path / "theme.yaml"
    text = (ASSETS_DIR / "theme.yaml").read_text(encoding="utf-8")
    theme.write_text(text.replace('  accent: "#56b4e9"', '  accent: "sky blue"').replace("  min_text: 18\n", ""))
    found = [str(p) for p in theme_problems(theme)]
    assert any(re.search(r"theme.yaml:\d+:\d+: colours.accent: theme: must be a colour like #10141c", p) for p in found)
    assert any("sizes has no 'min_text', which the game uses" in p for p in found)
    theme.write_text("colours: [1, 2]\n")
    assert any("logical must be" in str(p) for p in theme_problems(theme))
    theme.write_text("logical: {width: 1920\n")
    assert "YAML syntax error" in str(theme_problems(theme)[0])


def test_a_damaged_catalog_fails_preflight(tmp_path: Path) -> None:
    from game.kiosk.assets import catalog_problems

    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "ui.yaml").write_text(
        'a.one: {fr: "Un", en: "One"}\n'
        'a.two: {fr: "Deux"}\n'
        'a.three: {fr: "Trois {n}", en: "Three {count}"}\n'
        'a.four: {fr: "Quatre\\0", en: "Four"}\n'
        'a.five: "just text"\n'
        'a.six: {fr: "\\u200b", en: "Six"}\n',
        encoding="utf-8",
    )
    (folder / "more.yaml").write_text('a.one: {fr: "Un", en: "One"}\n', encoding="utf-8")
    found = [str(p) for p in catalog_problems(folder, ["fr", "en"])]
    ui = folder / "ui.yaml"
    assert f"{ui}:2:1: a.two: catalog: no 'en' text" in found
    assert f"{ui}:3:1: a.three: catalog: the languages do not use the same {{parameters}}" in found
    assert any(p.startswith(f"{ui}:4:") and "control character U+0000" in p for p in found)
    assert f"{ui}:5:1: a.five: catalog: each key needs {{fr: ..., en: ...}} texts" in found
    assert any(p.startswith(f"{ui}:6:") and "no visible character" in p for p in found)
    assert any("'a.one' is already defined in more.yaml" in p for p in found)
    assert catalog_problems(tmp_path / "empty")[0].message == "no UI catalog (*.yaml) found"
    assert catalog_problems(I18N_DIR) == []


def test_every_theme_name_and_font_the_code_uses_is_checked() -> None:
    from game.kiosk.assets import FONT_FILES, THEME_COLOURS, THEME_SIZES
    from game.ui.fonts import load_families

    colours, sizes = set(), set()
    for path in GAME.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        colours.update(re.findall(r"""\.c\(\s*["']([a-z_]+)["']""", text))
        sizes.update(re.findall(r"""\.s\(\s*["']([a-z_]+)["']""", text))
    assert colours and sizes, "the scan found nothing: its pattern is broken"
    assert colours <= THEME_COLOURS and sizes <= THEME_SIZES
    assert set(FONT_FILES) == set(next(iter(load_families().values())).faces.values())


def test_a_bad_level_fails_the_check_with_and_without_check(
    config: Path, started: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    message = f"{BAD_LEVEL}:21:23: bands[0].name.en: control character U+0000 (NUL)"
    assert launch.run(["--config", str(config), "--check", "--level", str(BAD_LEVEL)]) == 2
    assert message in capsys.readouterr().err
    assert started == []
    result = subprocess.run(  # the game starts beside the check, which then stops it: exit 2
        [sys.executable, "-m", "game", "kiosk", "--config", str(config), "--level", str(BAD_LEVEL)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert any(said.startswith(message) for said in result.stderr.splitlines()), result.stderr
    assert "1 problem(s) found; the kiosk stops" in result.stderr
    assert "Traceback" not in result.stderr
    log = (Path(os.environ["OPEN_SESAME_DATA"]) / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert message in log and "the kiosk stops" in log


def test_a_misspelt_option_fails_preflight_in_a_real_process(config: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "kiosk", "--config", str(config), "--level", "bad.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "OPEN_SESAME_FAULT": "startup"},  # a game wrongly started would crash at once
    )
    assert result.returncode == 2
    assert "--level bad.yaml: no such level file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (Path(os.environ["OPEN_SESAME_DATA"]) / "logs" / "kiosk.log").exists()
