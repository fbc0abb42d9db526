"""The kiosk config: defaults, and every malformed file gives file:line messages (never a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.load import ContentInvalid, validate_document
from game.content.yamlsafe import read_yaml
from game.kiosk.config import KioskConfig, language_problems, load_kiosk_config
from game.paths import DEFAULT_LEVEL, LEVELS_DIR, ROOT
from tests.langs import LANGS

SAMPLE_LEVEL = LEVELS_DIR / "sample.yaml"


def write(tmp_path: Path, text: str, name: str = "kiosk.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as err:
        load_kiosk_config(path)
    return [str(p) for p in err.value.problems]


PIN = "604917"


def with_level(text: str, pin: str | None = PIN) -> str:
    """A config naming the sample level, with an admin PIN unless ``pin`` is None (then it is ``text``'s)."""
    return f"level: {SAMPLE_LEVEL}\n{text}" + (f'admin_pin: "{pin}"\n' if pin and "admin_pin" not in text else "")


def test_defaults() -> None:
    config = KioskConfig()
    assert config.level == DEFAULT_LEVEL
    assert config.languages == LANGS
    assert config.default_language == "fr"
    assert (config.idle.play_s, config.idle.reading_s, config.idle.countdown_s) == (60, 120, 20)
    assert config.screen_ppi == 92
    assert config.stats and config.sound
    assert not config.reduced_motion and not config.larger_text
    assert config.admin_pin is None  # there is no default PIN: a kiosk config must set one
    assert config.window is None and config.window_size is None


def test_touch_target_is_20_mm() -> None:
    assert KioskConfig().touch_target_px == 72  # 24" 1080p, as in the design numbers
    assert KioskConfig(screen_ppi=163).touch_target_px == 128
    assert KioskConfig().touch_gap_px == 11


def test_config_is_frozen() -> None:
    with pytest.raises(ValueError):
        KioskConfig().stats = False  # type: ignore[misc]


def test_a_full_config_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        with_level(
            "languages: [en, fr]\nidle: {play_s: 45, reading_s: 90, countdown_s: 30}\n"
            'screen_ppi: 69\nstats: false\nadmin_pin: "0135792"\nsound: false\n'
            "reduced_motion: true\nlarger_text: true\nwindow: 1280x720\n"
        ),
    )
    config = load_kiosk_config(path)
    assert config.default_language == "en"  # the first language when not given
    assert config.idle.countdown_s == 30
    assert config.admin_pin == "0135792"
    assert config.window_size == (1280, 720)
    assert config.level == SAMPLE_LEVEL


def test_relative_level_is_found_next_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(SAMPLE_LEVEL.read_text(encoding="utf-8"), encoding="utf-8")
    config = load_kiosk_config(write(tmp_path, f'level: mine.yaml\nadmin_pin: "{PIN}"\n'))
    assert config.level == tmp_path / "mine.yaml"


def test_relative_level_falls_back_to_the_game_folder(tmp_path: Path) -> None:
    config = load_kiosk_config(write(tmp_path, f'level: levels/sample.yaml\nadmin_pin: "{PIN}"\n'))
    assert config.level == ROOT / "levels" / "sample.yaml"


def test_missing_level_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, f'stats: true\nlevel: levels/nowhere.yaml\nadmin_pin: "{PIN}"\n')
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2:1: level: no such level file")


def test_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("stats: true\nlangauges: [fr]\n"))
    assert problems_of(path) == [f"{path}:3:1: langauges: unknown key 'langauges' (a typo?)"]


def test_unknown_nested_key(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("idle:\n  play_s: 60\n  warn_s: 10\n"))
    assert problems_of(path) == [f"{path}:4:3: idle.warn_s: unknown key 'warn_s' (a typo?)"]


def test_bad_type(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("screen_ppi: big\nstats: perhaps\n"))
    found = problems_of(path)
    assert len(found) == 2
    assert found[0].startswith(f"{path}:2:1: screen_ppi: ")
    assert found[1].startswith(f"{path}:3:1: stats: ")


def test_default_language_not_in_languages(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("languages: [en]\ndefault_language: fr\n"))
    assert problems_of(path) == [f"{path}:3:1: default_language: 'fr' is not one of the kiosk's languages (en)"]


def test_bad_language_lists(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("languages: [fr, fr, EN]\n"))
    found = problems_of(path)
    assert any(p.startswith(f"{path}:2:") and "languages[2]" in p for p in found)
    empty = write(tmp_path, with_level("languages: []\n"), "empty.yaml")
    assert problems_of(empty)[0].startswith(f"{empty}:2:1: languages: ")


def test_duplicate_language(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("languages: [fr, en, fr]\n"))
    assert problems_of(path) == [f"{path}:2:1: languages: list each language only once"]


def test_countdown_below_20_s_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("idle:\n  countdown_s: 10\n"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:3:3: idle.countdown_s: must be at least 20 s")
    assert "WCAG 2.2.1" in problem


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("604917", "write the PIN in quotes"),
        ("0123", "quotes"),
        ('"12"', "6 to 12 digits (it has 2)"),
        ('"2468"', "6 to 12 digits (it has 4)"),  # the old public default
        ('"1234567890123"', "6 to 12 digits (it has 13)"),
        ('"60a917"', "the digits 0-9 only"),
        ('"\u0666\u0660\u0664\u0669\u0661\u0667"', "the digits 0-9 only"),  # Arabic-Indic digits: untypeable
        ('"604917\\n"', "line break"),  # a newline escape: "604917\n" could never be typed
        ("|\n  604917", "line break"),  # a block scalar keeps its final newline
        (">\n  604917\n", "line break"),
        ('"000000"', "too easy to guess"),
        ('"123456"', "too easy to guess"),
        ('"987654"', "too easy to guess"),
        ('"890123"', "too easy to guess"),
    ],
)
def test_bad_pin(tmp_path: Path, value: str, message: str) -> None:
    path = write(tmp_path, with_level(f"admin_pin: {value}\n", pin=None))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2:1: admin_pin: ")
    assert message in problem


def test_a_config_without_a_pin_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("stats: true\n", pin=None))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:1:1: admin_pin: a kiosk needs its own PIN, there is no default")


@pytest.mark.parametrize("pin", ["604917", "013579", "100000000007", "246801"])
def test_good_pins(tmp_path: Path, pin: str) -> None:
    assert load_kiosk_config(write(tmp_path, with_level("", pin=pin))).admin_pin == pin


def test_bad_window(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("window: 1280*720\n"))
    assert problems_of(path) == [f"{path}:2:1: window: write the window size as WIDTHxHEIGHT, e.g. 1920x1080"]


@pytest.mark.parametrize("size", ["99999x99999", "319x240", "320x239", "10001x800", "100x100"])
def test_the_window_range_is_the_command_lines(tmp_path: Path, size: str) -> None:
    from game.cli.play import parse_size

    path = write(tmp_path, with_level(f"window: {size}\n"))
    [problem] = problems_of(path)
    assert "the window must be from 320x240 to 10000x10000" in problem
    with pytest.raises(Exception, match="out of range"):
        parse_size(size)


def test_the_window_range_edges_are_accepted(tmp_path: Path) -> None:
    for size, wanted in (("320x240", (320, 240)), ("10000x10000", (10000, 10000))):
        assert load_kiosk_config(write(tmp_path, with_level(f"window: {size}\n"))).window_size == wanted


def test_a_level_path_with_a_control_character_is_a_message(tmp_path: Path) -> None:
    path = write(tmp_path, with_level('level: "levels/kiosk\\0.yaml"\n').replace(f"level: {SAMPLE_LEVEL}\n", ""))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:1:1: level: the path contains a control character")


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "stats: true\nlanguages: [fr, en\nsound: false\n")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:")
    assert "YAML syntax error" in problem
    line = int(problem.removeprefix(f"{path}:").split(":")[0])
    assert line >= 2


def test_python_tag_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 'stats: true\nsound: !!python/object/apply:os.system ["echo pwned"]\n')
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2:8: sound: tag ")
    assert "is not allowed" in problem


def test_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- fr\n- en\n")
    assert problems_of(path) == [f"{path}:1:1: the file must hold a mapping of keys to values"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("colour: red\nadmin_pin: 12\nidle: {countdown_s: 5}\n", pin=None))
    assert len(problems_of(path)) == 3


def test_language_problems_against_the_level(tmp_path: Path) -> None:
    path = write(tmp_path, with_level("languages: [fr, de]\n"))
    config = load_kiosk_config(path)
    doc = read_yaml(path)
    assert language_problems(config, ["fr", "en"], doc) == [
        doc.problem(("languages",), "the level has no text in de (it offers fr, en)")
    ]
    assert language_problems(config, ["fr", "de"], doc) == []


def test_the_sample_deploy_config_fits_the_schema_but_needs_a_pin() -> None:
    doc = read_yaml(ROOT / "deploy" / "kiosk.yaml")
    config = validate_document(doc, KioskConfig)
    assert config.languages == LANGS
    assert config.idle.countdown_s >= 20
    [problem] = problems_of(ROOT / "deploy" / "kiosk.yaml")  # copied unedited, it does not start a kiosk
    assert ": admin_pin: a kiosk needs its own PIN" in problem


# --- the command line: checked while the first game starts, which a problem stops -----------


def run_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "kiosk", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_cli_bad_config_exits_2_with_file_line_and_no_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, with_level("languages: [en]\ndefault_language: fr\n"), "bad.yaml")
    result = run_kiosk("--config", str(bad))
    assert result.returncode == 2
    problem = f"{bad}:3:1: default_language: 'fr' is not one of the kiosk's languages (en)"
    assert problem in result.stderr.splitlines()
    assert "Traceback" not in result.stderr + result.stdout
    # the game started beside the check was stopped, and no restart followed
    log = (Path(os.environ["OPEN_SESAME_DATA"]) / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert problem in log and "the kiosk stops" in log and "restart" not in log


@pytest.mark.parametrize(
    ("text", "line"),
    [("languages: [fr\n", 2), ("sound: !!python/name:os.system\n", 1), ("nonsense: 1\n", 1), ("level: x.yaml\n", 1)],
)
def test_cli_every_kind_of_bad_config_exits_2(tmp_path: Path, text: str, line: int) -> None:
    bad = write(tmp_path, text, "bad.yaml")
    result = run_kiosk("--config", str(bad))
    assert result.returncode == 2
    assert any(said.startswith(f"{bad}:{line}:") for said in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr


def test_cli_missing_config_file_exits_2(tmp_path: Path) -> None:
    result = run_kiosk("--config", str(tmp_path / "absent.yaml"))
    assert result.returncode == 2
    assert f"{tmp_path / 'absent.yaml'}:1:1: cannot read file" in result.stderr


def test_cli_language_missing_from_the_level_exits_2(tmp_path: Path) -> None:
    bad = write(tmp_path, with_level("languages: [fr, it]\n"), "bad.yaml")
    result = run_kiosk("--config", str(bad))
    assert result.returncode == 2
    assert f"{bad}:2:1: languages: the level has no text in it" in result.stderr


def test_cli_check_only_validates(tmp_path: Path) -> None:
    good = write(tmp_path, with_level("languages: [en, fr]\n"), "good.yaml")
    result = run_kiosk("--config", str(good), "--check")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
