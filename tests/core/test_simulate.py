"""The bot simulator and its report, and the ``simulate`` command."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from game.content.load import load_level
from game.content.models import Level
from game.core.balance import balance, format_balance
from game.core.lookup import scene_text
from game.core.months import MonthSpec, play_month, play_range
from game.core.parallel import _ranges, play_batches
from game.core.rules import index_of
from game.core.session import Session
from game.core.simulate import (
    POLICIES,
    betrays,
    first_policy,
    format_report,
    loyal_policy,
    play_counting,
    play_one,
    policy_named,
    random_policy,
    ruthless_policy,
    simulate,
    tag_policy,
    words_of,
)
from game.paths import LEVELS_DIR, ROOT
from tests.core.levelkit import base, build, cat, contact, option, scene, t

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
    done = run_cli(str(SAMPLE_PATH), "--runs", "3000")
    assert done.returncode == 0, done.stderr
    assert "level sample: 3000 months, policy random, seed 0" in done.stdout
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
    counter = index_of(SAMPLE).words
    for i in range(300):
        text = {"en": " ".join(["word"] * (i % 7))}
        assert words_of(text, "en") == i % 7 == counter.of(text, "en")
    assert words_of(None, "en") == 0 and words_of({"fr": "un deux"}, "en") == 0
    assert counter.of(None, "en") == 0 and counter.of({"fr": "un deux"}, "en") == 0


def test_word_counts_are_kept_by_each_level_index() -> None:
    # no module-level cache: each level's index owns its counter, built once
    one, other = build(base()), build(base())
    assert index_of(one).words is index_of(one).words
    assert index_of(one).words is not index_of(other).words
    assert index_of(one).words.ix is index_of(one)


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


# -- the balance report: what a level promises -------------------------------------------------


def betrayal_level():  # type: ignore[no-untyped-def]
    """s1 offers to drop Mei (conform), to keep quiet (untagged) or to be kind; s2 to report a stranger."""
    data = base()
    data["contacts"] = [contact("mei", 450)]
    data["weeks"][0]["scenes"][0]["options"] = [
        option("drop", tags=["conform"], effects=[{"contact": "mei", "relation": "dropped"}]),
        option("quiet"),
        option("hug", tags=["kind"], effects=[cat("behaviour", -5)]),
    ]
    data["weeks"][1]["scenes"].append(
        scene("bins", [option("report", tags=["conform", "betray"]), option("shrug", tags=["conform"])])
    )
    return build(data)


def test_betrayals_are_read_from_effects_and_tags_not_ids() -> None:
    level = betrayal_level()
    ix = index_of(level)
    assert betrays(ix.options[("s1", "drop")]) and betrays(ix.options[("bins", "report")])
    assert not any(betrays(ix.options[k]) for k in (("s1", "quiet"), ("s1", "hug"), ("bins", "shrug")))


def test_loyal_conforms_without_betraying_and_ruthless_betrays() -> None:
    level = betrayal_level()
    rng = random.Random(0)
    for seed in range(10):
        loyal, _ = play_one(level, "ann", seed, loyal_policy, rng, 0.0, "en")
        assert ("s1", "quiet") in loyal.state.choices  # no conform option betrays nobody: keeps its head down
        assert ("bins", "shrug") in loyal.state.choices
        ruthless, _ = play_one(level, "ann", seed, ruthless_policy, rng, 0.0, "en")
        assert ("s1", "drop") in ruthless.state.choices and ("bins", "report") in ruthless.state.choices
    assert policy_named("loyal") is loyal_policy and policy_named("ruthless") is ruthless_policy
    assert callable(policy_named("conform")) and callable(policy_named("honest"))


def test_words_count_the_lines_actually_shown() -> None:
    data = base()
    data["contacts"] = [contact("mei", 500)]
    s2 = data["weeks"][0]["scenes"][1]
    s2["text"] = t("one two three")
    s2["text_when"] = [{"when": {"not_friends": ["mei"]}, "text": t("a b c d e f g h i j")}]
    s2["options"][1]["reply"] = t("plain")
    s2["options"][1]["reply_when"] = [{"when": {"not_friends": ["mei"]}, "text": t("x y z w")}]
    data["weeks"][0]["scenes"][0]["options"][0]["effects"].append({"contact": "mei", "relation": "dropped"})
    level = build(data)

    def words(first: str) -> int:
        session = Session(level, "ann", 1)
        counted = 0
        session.choose("accept")
        session.choose(first)
        counted = words_of(scene_text(session.scene, session.state), "en")  # type: ignore[arg-type]
        return counted

    assert words("up") == 10 and words("down") == 3  # "up" dropped Mei: the other text is shown

    def month(first: str) -> int:
        script = iter([first, "walk", "walk"])
        return play_counting(level, "ann", 1, lambda s, r: next(script), random.Random(0), 0.0, ("en",))[1]["en"]

    assert month("up") - month("down") == (10 - 3) + (4 - 1)


def test_a_month_without_halo_counts_no_level_week_titles() -> None:
    data = base()
    data["weeks"][0]["title"] = t(" ".join(["long"] * 50))
    level = build(data)
    declined = play_counting(level, "ann", 1, first_policy, random.Random(0), 1.0, ("en",))[1]["en"]
    accepted = play_counting(level, "ann", 1, first_policy, random.Random(0), 0.0, ("en",))[1]["en"]
    assert accepted > 50 > declined - words_of(level.consent.declined_end, "en") - 40


def test_balance_is_deterministic_and_prints_every_promise() -> None:
    a = format_balance(balance(SAMPLE, 90, seed=4), SAMPLE, "en")
    assert a == format_balance(balance(SAMPLE, 90, seed=4), SAMPLE, "en")
    for must in (
        "fr: ",
        "en: ",
        "min at 200 words/min",
        "loyal",
        "ruthless",
        "honesty costs",
        "door bike",
        "rule sets: 1",
    ):
        assert must in a.replace("  bike:", "door bike"), must


def test_the_rule_set_change_rate_replays_the_same_choices() -> None:
    data = base()
    data["rules"].append(
        {"id": "credit", "name": t("Credit"), "weights": {"credit": 9, "behaviour": 1, "connections": 0}}
    )
    for week_ in data["weeks"]:
        for scene_ in week_["scenes"]:
            for option_ in scene_["options"]:
                if option_["id"] == "ride":  # the goal needs the bike without a deposit
                    option_["on_granted"] = [{"flag": "done", "when": {"score_at_least": 650}}]
    level = build(data)
    result = balance(level, 60, seed=2)
    assert result.rule_sets == 2 and result.replayed == 60 * len(POLICIES)
    # ann starts at 600 (650 opens the bike without a deposit): only the behaviour-heavy
    # rules let "up" reach the door in week 2, so the rule set changes some outcomes
    assert 0 < result.changed <= result.replayed
    assert f"{100 * result.change_rate:.1f}%" in format_balance(result, level, "en")


def test_cli_prints_the_balance_report_first() -> None:
    done = run_cli(str(SAMPLE_PATH), "--runs", "60")
    assert done.returncode == 0, done.stderr
    head, _, tail = done.stdout.partition("level sample: 60 months, policy random")
    assert "balance over 60 months per policy" in head and "goal reached, per persona and policy" in head
    assert "scenes never reached" in tail
    only = run_cli(str(SAMPLE_PATH), "--runs", "20", "--policy-only")
    assert "balance over" not in only.stdout and "level sample: 20 months" in only.stdout


# -- the same seed, the same months: reports held byte for byte --------------------------------
# Captured from the per-month random streams (each month's draws from the seed and its index
# alone) before any speed work on the engine: an optimisation that changes a single draw, a
# single condition or a single word counted changes these reports.

GOLDEN_KIOSK_RANDOM_FR = """\
level kiosk: 240 months, policy random, seed 0

Julie, employée de bureau [office]: 80 runs, 1 declined
  final score: min 596  p10 620  median 639  p90 663  max 679
  grades: A 0.0%  B 92.4%  C 7.6%  D 0.0%
  goal reached: 7.5%
  door bike: met 39, refused 0.0%
  door hotel: met 12, refused 8.3%
  door dating: met 16, refused 0.0%
  door promotion: met 80, refused 92.5%
  words read: median 1135

Inès, étudiante [student]: 80 runs, 0 declined
  final score: min 521  p10 534  median 556  p90 576  max 590
  grades: A 0.0%  B 0.0%  C 81.2%  D 18.8%
  goal reached: 15.0%
  door bike: met 40, refused 0.0%
  door hotel: met 14, refused 50.0%
  door dating: met 22, refused 100.0%
  door loan: met 41, refused 22.0%
  door train: met 32, refused 62.5%
  words read: median 1135

Dario, livreur [rider]: 80 runs, 0 declined
  final score: min 499  p10 512  median 533  p90 552  max 578
  grades: A 0.0%  B 0.0%  C 28.8%  D 71.2%
  goal reached: 0.0%
  door bike: met 41, refused 0.0%
  door hotel: met 18, refused 27.8%
  door dating: met 21, refused 100.0%
  door lease: met 71, refused 100.0%
  words read: median 1196

reading: median per month 1146 words ≈ 5.7 min at 200 words/min
scenes never reached: none
endings never reached: grade A, rider: goal reached"""
"""``format_report(simulate(kiosk, 240, 0, "random", lang="fr"), kiosk, "fr")``."""

GOLDEN_KIOSK_LOYAL_EN = """\
level kiosk: 240 months, policy loyal, seed 5

Julie, office worker [office]: 80 runs, 0 declined
  final score: min 629  p10 643  median 663  p90 680  max 682
  grades: A 10.0%  B 90.0%  C 0.0%  D 0.0%
  goal reached: 38.8%
  door bike: met 79, refused 0.0%
  door hotel: met 41, refused 29.3%
  door dating: met 36, refused 0.0%
  door promotion: met 80, refused 61.2%
  words read: median 1016

Inès, student [student]: 80 runs, 0 declined
  final score: min 547  p10 555  median 586  p90 599  max 601
  grades: A 0.0%  B 0.0%  C 100.0%  D 0.0%
  goal reached: 75.0%
  door bike: met 78, refused 0.0%
  door hotel: met 36, refused 19.4%
  door dating: met 39, refused 66.7%
  door loan: met 75, refused 20.0%
  door train: met 77, refused 22.1%
  words read: median 1038

Dario, delivery rider [rider]: 80 runs, 0 declined
  final score: min 520  p10 534  median 546  p90 561  max 569
  grades: A 0.0%  B 0.0%  C 75.0%  D 25.0%
  goal reached: 0.0%
  door bike: met 80, refused 0.0%
  door hotel: met 36, refused 33.3%
  door dating: met 43, refused 100.0%
  door lease: met 79, refused 100.0%
  words read: median 1060

reading: median per month 1044 words ≈ 5.2 min at 200 words/min
scenes never reached: nadia_stairs, report_thanks, tomasz_desk, kemal_call
endings never reached: declined, rider: goal reached"""
"""``format_report(simulate(kiosk, 240, 5, "loyal", lang="en"), kiosk, "en")``."""

GOLDEN_WORKSHOP_BALANCE_EN = """\
level workshop: balance over 60 months per policy, seed 3

words read as played (median of a month; the lines shown, variants included):
  fr: 1594 words ≈ 8.0 min at 200 words/min
  en: 1524 words ≈ 7.6 min at 200 words/min
  de: 1502 words ≈ 7.5 min at 200 words/min

goal reached, per persona and policy (loyal: conforms but drops and reports nobody):
                                     random   conform     loyal  ruthless    honest      kind
  Julie, office worker [office]       13.3%     86.7%     66.7%     93.3%      0.0%      0.0%
  Inès, student [student]             33.3%     66.7%     80.0%     80.0%      6.7%      6.7%
  Dario, delivery rider [rider]        0.0%     13.3%      0.0%     13.3%      0.0%      0.0%
  Rosa, care worker [parent]           6.7%     80.0%     26.7%     66.7%      0.0%      0.0%

mean final score, per persona and policy:
  Julie, office worker [office]         658       711       695       714       597       638
  Inès, student [student]               548       598       594       614       509       541
  Dario, delivery rider [rider]         530       587       569       595       486       505
  Rosa, care worker [parent]            579       638       612       638       514       555
  honesty costs (conform − honest, mean final score): office +114, student +89, rider +101, parent +124

doors (every policy's months): granted / deposit / refused, and who it opens for most
  bike: met 239, granted 24.7%, deposit 75.3%, refused 0.0%; best: office (random) 100%
  hotel: met 109, granted 23.9%, deposit 56.0%, refused 20.2%; best: office (loyal) 100%
  dating: met 104, granted 65.4%, deposit 0.0%, refused 34.6%; best: office (random) 100%
  loan: met 56, granted 73.2%, deposit 0.0%, refused 26.8%; best: student (loyal) 80%
  lease: met 91, granted 4.4%, deposit 0.0%, refused 95.6%; best: rider (conform) 13%
  promotion: met 90, granted 43.3%, deposit 0.0%, refused 56.7%; best: office (ruthless) 93%
  train: met 85, granted 48.2%, deposit 0.0%, refused 51.8%; best: student (loyal) 80%
  school_child: met 90, granted 30.0%, deposit 0.0%, refused 70.0%; best: parent (conform) 80%
  van: met 71, granted 33.8%, deposit 0.0%, refused 66.2%; best: office (conform) 100%
  umbrella: met 109, granted 24.8%, deposit 75.2%, refused 0.0%; best: office (random) 100%

rule sets: 3; the same choices replayed under another rule set change the goal's outcome in 8.6% of 360 months (office 10.0%, student 3.3%, rider 7.8%, parent 13.3%)"""  # noqa: E501
"""``format_balance(balance(workshop, 60, seed=3), workshop, "en")``."""

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")
WORKSHOP = load_level(LEVELS_DIR / "workshop.yaml")


@pytest.mark.parametrize("jobs", [1, 2])
def test_reports_are_the_golden_ones(jobs: int) -> None:
    random_fr = simulate(KIOSK, 240, 0, "random", lang="fr", jobs=jobs)
    assert format_report(random_fr, KIOSK, "fr") == GOLDEN_KIOSK_RANDOM_FR
    loyal_en = simulate(KIOSK, 240, 5, "loyal", lang="en", jobs=jobs)
    assert format_report(loyal_en, KIOSK, "en") == GOLDEN_KIOSK_LOYAL_EN
    assert format_balance(balance(WORKSHOP, 60, seed=3, jobs=jobs), WORKSHOP, "en") == GOLDEN_WORKSHOP_BALANCE_EN


# -- every core, the same report -------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "policy", "seed"),
    [
        (KIOSK, "random", 1),
        (KIOSK, "ruthless", 7),
        (WORKSHOP, "conform", 2),
        (WORKSHOP, "loyal", 13),
        (SAMPLE, "tag:kind", 4),
    ],
    ids=lambda v: getattr(v, "id", str(v)),
)
def test_the_report_is_the_same_whatever_the_number_of_processes(level: Level, policy: str, seed: int) -> None:
    lang = level.languages[-1]
    texts = {
        jobs: format_report(simulate(level, 150, seed, policy, 0.1, lang, jobs=jobs), level, lang) for jobs in (1, 2, 3)
    }
    assert texts[1] == texts[2] == texts[3]


def test_the_balance_is_the_same_whatever_the_number_of_processes() -> None:
    one = balance(WORKSHOP, 40, seed=8, jobs=1)
    assert one.replayed == 40 * len(POLICIES)  # three rule sets: every month replayed
    assert one == balance(WORKSHOP, 40, seed=8, jobs=2) == balance(WORKSHOP, 40, seed=8, jobs=3)


def test_workers_started_by_spawn_play_the_same_months() -> None:
    # nothing relies on fork: the level reaches a fresh interpreter pickled
    spec = MonthSpec("loyal", 6, 0.2, ("fr", "en"), other_rules=True)
    [alone] = play_batches(WORKSHOP, [(spec, 30)], jobs=1)
    [spawned] = play_batches(WORKSHOP, [(spec, 30)], jobs=2, context="spawn")
    assert alone == spawned


def test_a_month_depends_only_on_the_seed_and_its_index() -> None:
    spec = MonthSpec("random", 3, 0.5, ("en",))
    months = play_range(KIOSK, spec, 0, 12)
    assert play_range(KIOSK, spec, 5, 12) == months[5:]  # not on the months played before it
    assert [play_month(KIOSK, spec, i) for i in reversed(range(12))] == months[::-1]  # nor on their order
    assert play_range(KIOSK, MonthSpec("random", 4, 0.5, ("en",)), 0, 12) != months


def test_months_are_cut_into_ranges_that_cover_every_index_once() -> None:
    for runs in (0, 1, 2, 7, 100, 1001):
        for jobs in (1, 2, 3, 8):
            ranges = _ranges(runs, jobs)
            assert [i for start, stop in ranges for i in range(start, stop)] == list(range(runs))
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        play_batches(SAMPLE, [(MonthSpec("random", 0, 0.0, ()), 5)], jobs=0)


def test_cli_simulate_plays_on_several_processes_with_the_same_report() -> None:
    one = run_cli(str(SAMPLE_PATH), "--runs", "90", "--seed", "2", "--jobs", "1")
    two = run_cli(str(SAMPLE_PATH), "--runs", "90", "--seed", "2", "--jobs", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout and "balance over 90 months per policy" in one.stdout
    assert "(1 process)" in one.stderr and "(2 processes)" in two.stderr
    default = run_cli(str(SAMPLE_PATH), "--runs", "30", "--policy-only")
    assert default.returncode == 0 and f"({os.cpu_count()} process" in default.stderr


@pytest.mark.parametrize("jobs", ["0", "-1", "-8", "two"])
def test_cli_simulate_refuses_a_number_of_processes_under_one(jobs: str) -> None:
    done = run_cli(str(SAMPLE_PATH), "--runs", "5", "--jobs", jobs)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "argument --jobs:" in done.stderr
    assert ("must be at least 1 process" if jobs != "two" else "expected a number of processes") in done.stderr
