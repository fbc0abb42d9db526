"""The bot simulator and its report, and the ``simulate`` command."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from game.content.load import load_level
from game.core.simulate import (
    first_policy,
    format_report,
    play_one,
    policy_named,
    random_policy,
    simulate,
    tag_policy,
    words_of,
)
from game.paths import LEVELS_DIR, ROOT
from tests.core.levelkit import base, build, option, scene

SAMPLE_PATH = LEVELS_DIR / "sample.yaml"
SAMPLE = load_level(SAMPLE_PATH)


def test_same_seed_same_report() -> None:
    a = format_report(simulate(SAMPLE, 300, seed=5), SAMPLE, "en")
    b = format_report(simulate(SAMPLE, 300, seed=5), SAMPLE, "en")
    assert a == b
    assert "level sample: 300 months, policy random, seed 5" in a


def test_runs_are_spread_over_every_persona() -> None:
    report = simulate(SAMPLE, 101, seed=1)
    runs = [p.runs for p in report.personas.values()]
    assert sum(runs) == 101 and max(runs) - min(runs) <= 1
    assert list(report.personas) == [p.id for p in SAMPLE.personas]
    for p in report.personas.values():
        assert len(p.scores) == p.runs - p.declined == sum(p.grades.values())
        assert all(SAMPLE.score.min <= s <= SAMPLE.score.max for s in p.scores)


def test_decline_rate_walks_the_declined_path() -> None:
    everyone = simulate(SAMPLE, 20, decline_rate=1.0)
    assert all(p.declined == p.runs for p in everyone.personas.values())
    assert "declined" not in everyone.unreached_endings
    nobody = simulate(SAMPLE, 20, decline_rate=0.0)
    assert all(p.declined == 0 for p in nobody.personas.values())
    assert "declined" in nobody.unreached_endings
    assert set(nobody.unreached_scenes) >= {s.id for s in SAMPLE.consent.declined_scenes}


def unreachable_level():  # type: ignore[no-untyped-def]
    data = base()
    data["side_scenes"] = [scene("note", [option("ok")])]
    data["weeks"][0]["scenes"][0]["options"].append(option("tattle", goto="note"))
    data["weeks"][1]["scenes"].append(scene("penthouse", [option("enter")], when={"score_at_least": 890}))
    return build(data)


def test_unreached_scenes_are_reported() -> None:
    level = unreachable_level()
    report = simulate(level, 50, policy="first", decline_rate=0.0)
    assert report.unreached_scenes == ["penthouse", "note", "no_halo"]
    text = format_report(report, level, "en")
    assert "scenes never reached: penthouse, note, no_halo" in text
    reached = simulate(level, 200, policy="random", decline_rate=0.5)
    assert "note" not in reached.unreached_scenes and "no_halo" not in reached.unreached_scenes
    assert "penthouse" in reached.unreached_scenes


def test_report_lists_unreached_endings_and_doors() -> None:
    level = build(base())
    report = simulate(level, 40, policy="first", decline_rate=0.0)
    text = format_report(report, level, "en")
    assert "endings never reached:" in text and "declined" in report.unreached_endings
    assert "door bike: met" in text
    assert "goal reached: 100.0%" in text  # 'first' always rides


def test_tag_policy_picks_tagged_options() -> None:
    rng = random.Random(0)
    tagged_somewhere = 0
    for seed in range(20):
        session, words = play_one(SAMPLE, "student", seed, tag_policy("conform"), rng, 0.0, "en")
        assert words > 0
        for scene_id, option_id in session.state.choices[1:]:
            scene_ = session.ix.scenes[scene_id]
            if any("conform" in o.tags for o in scene_.options):
                tagged_somewhere += 1
                assert "conform" in session.ix.options[(scene_id, option_id)].tags, (scene_id, option_id)
    assert tagged_somewhere > 0


def test_tag_policy_falls_back_to_any_option() -> None:
    rng = random.Random(0)
    session, _ = play_one(build(base()), "ann", 0, tag_policy("nonexistent"), rng, 0.0, "en")
    assert session.over


def test_policy_names() -> None:
    assert policy_named("random") is random_policy
    assert policy_named("first") is first_policy
    assert callable(policy_named("tag:kind"))
    for bad in ("tag:", "greedy", "", "TAG:kind"):
        with pytest.raises(ValueError, match="unknown policy"):
            policy_named(bad)
    with pytest.raises(ValueError):
        simulate(SAMPLE, 10, policy="bogus")


def test_words_read_are_counted_in_the_chosen_language() -> None:
    report = simulate(SAMPLE, 10, lang="en", decline_rate=0.0)
    assert report.words and all(w > 20 for w in report.words)
    assert "reading: median" in format_report(report, SAMPLE, "en")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "simulate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_simulate_many_runs_prints_a_report() -> None:
    done = run_cli(str(SAMPLE_PATH), "--runs", "10000")
    assert done.returncode == 0, done.stderr
    assert "level sample: 10000 months, policy random, seed 0" in done.stdout
    assert "scenes never reached:" in done.stdout and "endings never reached:" in done.stdout
    for persona in SAMPLE.personas:
        assert f"[{persona.id}]" in done.stdout
    assert "months per second" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_simulate_with_a_tag_policy() -> None:
    done = run_cli(str(SAMPLE_PATH), "--runs", "50", "--policy", "tag:conform", "--seed", "3")
    assert done.returncode == 0, done.stderr
    assert "policy tag:conform, seed 3" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--policy", "bogus"], "unknown policy"),
        (["--runs", "0"], "--runs must be at least 1"),
    ],
)
def test_cli_simulate_refuses_bad_arguments(args: list[str], message: str) -> None:
    done = run_cli(str(SAMPLE_PATH), "--runs", "5", *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_cli_simulate_refuses_an_invalid_level(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: Bad Id\n", encoding="utf-8")
    done = run_cli(str(bad))
    assert done.returncode == 2
    assert f"{bad}:" in done.stderr and "Traceback" not in done.stderr


def test_word_counts_never_mix_up_texts_freed_and_rebuilt() -> None:
    # Texts made and dropped one after another often reuse the same memory (and id).
    for i in range(300):
        text = {"en": " ".join(["word"] * (i % 7))}
        assert words_of(text, "en") == i % 7
    assert words_of(None, "en") == 0 and words_of({"fr": "un deux"}, "en") == 0


def test_reports_of_different_levels_built_in_turn_stay_deterministic() -> None:
    def report_text() -> str:
        data = base()
        data["weeks"][0]["scenes"][0]["text"] = {"en": "a longer scene text with exactly ten words in it"}
        level = build(data)
        return format_report(simulate(level, 30, seed=2), level, "en")

    first = report_text()
    for _ in range(5):
        build(base())  # other levels come and go
        assert report_text() == first
