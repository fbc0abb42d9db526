"""A ``goto`` chain of 1,200 side scenes: every command checks or plays it, never a RecursionError."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import replay as replay_cli
from game.content.load import check_paths, load_level
from game.core.simulate import simulate
from game.paths import ROOT
from game.stats import cli as stats_cli
from game.stats.store import StatsStore
from tests.content.longchain import write_goto_chain


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_goto_chain(tmp_path_factory.mktemp("chain"), 1200)


def test_check_accepts_the_chain(chain: Path) -> None:
    assert check_paths([chain]) == []


def test_a_long_goto_cycle_is_reported_not_a_crash(tmp_path: Path) -> None:
    path = write_goto_chain(tmp_path, 1200)
    last = 'text: {en: "Go", fr: "Aller"}}\n'
    text = path.read_text(encoding="utf-8").replace(last, 'text: {en: "Go", fr: "Aller"}, goto: s0}\n')
    path.write_text(text, encoding="utf-8")
    problems = check_paths([path])
    assert any("goto cycle" in p.message for p in problems)


def test_check_in_a_real_process(chain: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", str(chain)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_simulate_and_replay_play_the_chain(chain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    level = load_level(chain)
    report = simulate(level, 5, seed=1, policy="first")
    assert report.runs == 5
    choices = ["consent.accept", "bike.walk", *(f"s{i}.go" for i in range(1200))]
    code = replay_cli.run(["--level", str(chain), "--persona", "lina", "--seed", "1", *choices])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Traceback" not in out.err


def test_stats_with_the_chain_as_level_file(chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "stats.db"
    StatsStore(db).close()
    assert stats_cli.run(["--db", str(db), "--level-file", str(chain)]) == 0
    assert "Level: minimal" in capsys.readouterr().out


def test_the_game_and_the_kiosk_preflight_load_the_chain(chain: Path, tmp_path: Path) -> None:
    from game.kiosk.preflight import preflight
    from tests.screens.helpers import make_app, press

    config = tmp_path / "kiosk.yaml"
    config.write_text(f'level: {chain}\nlanguages: [en, fr]\nadmin_pin: "472913"\n', encoding="utf-8")
    assert preflight(config) == []
    app = make_app(load_level(chain), lang="en")
    from tests.screens.helpers import begin

    begin(app)
    press(app, "continue")
    press(app, "option:walk")
    for _ in range(5):
        press(app, "continue" if app.top.name != "scene" or app.top.after is not None else "option:go")  # type: ignore[attr-defined]
    assert app.ctx.visit.session is not None
    assert app.ctx.visit.session.scene_id in {f"s{i}" for i in range(1, 10)}, app.ctx.visit.session.scene_id
    app.quit()
