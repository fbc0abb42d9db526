"""Loading levels: every level in levels/ is valid and playable; the safe reader and loader."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.content.load import ContentInvalid, check_paths, level_files, load_level, validate_document
from game.content.models import Level
from game.content.walk import all_scenes
from game.content.yamlsafe import Document, Problem, YamlRejected, dotted, parse_yaml, read_yaml
from game.core.session import Session
from game.core.simulate import play_one, simulate, tag_policy
from game.paths import LEVELS_DIR
from tests.langs import LANGS

HERE = Path(__file__).parent
MINIMAL = HERE / "minimal.yaml"
LEVEL_FILES = sorted(LEVELS_DIR.glob("*.yaml"))


def test_there_are_levels() -> None:
    assert LEVEL_FILES, "levels/ holds no .yaml file"
    assert LEVELS_DIR / "sample.yaml" in LEVEL_FILES


# -- every level file ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", LEVEL_FILES, ids=lambda p: p.name)
def test_level_is_valid(path: Path) -> None:
    try:
        level = load_level(path)
    except ContentInvalid as err:
        pytest.fail(f"{path.name} has problems:\n{err}")
    assert isinstance(level, Level)


@pytest.mark.parametrize("path", LEVEL_FILES, ids=lambda p: p.name)
def test_a_shipped_level_speaks_every_language_of_the_interface(path: Path) -> None:
    assert set(LANGS) <= set(load_level(path).languages)


def test_level_ids_are_unique() -> None:
    ids = [load_level(p).id for p in LEVEL_FILES]
    assert len(ids) == len(set(ids)), ids


@pytest.mark.parametrize("path", LEVEL_FILES, ids=lambda p: p.name)
def test_every_persona_can_live_a_month_and_decline(path: Path) -> None:
    level = load_level(path)
    rng = random.Random(path.name)
    for persona in level.personas:
        for seed in range(4):
            session = Session(level, persona.id, seed)
            session.choose("decline" if seed == 0 else "accept")
            steps = 0
            while not session.over:
                ids = session.option_ids()
                assert ids, f"{persona.id}: no available option at {session.scene_id!r}"
                session.choose(rng.choice(ids))
                steps += 1
                assert steps < 500, "the month never ends"
            assert level.score.min <= session.state.published <= level.score.max
            outcome = session.outcome()
            assert outcome.declined == (seed == 0 and not outcome.joined_late)  # a refusal may end in joining


@pytest.mark.parametrize("path", LEVEL_FILES, ids=lambda p: p.name)
def test_bots_reach_every_scene(path: Path) -> None:
    """A scene no bot ever reaches is dead content (or a condition that can never hold)."""
    level = load_level(path)
    report = simulate(level, 600, seed=1, decline_rate=0.2)
    unreached = set(report.unreached_scenes)
    tags = sorted({tag for _, scene in all_scenes(level) for o in scene.options for tag in o.tags})
    rng = random.Random(0)
    for tag in tags:
        if not unreached:
            break
        for run in range(200):
            persona = level.personas[run % len(level.personas)].id
            session, _ = play_one(level, persona, run, tag_policy(tag), rng, 0.0, level.languages[0])
            unreached -= {s for s, _ in session.state.choices}
    assert not unreached, f"scenes no bot reached: {sorted(unreached)}"


# -- the loader ----------------------------------------------------------------------------------


def test_loaded_levels_are_frozen() -> None:
    level = load_level(MINIMAL)
    with pytest.raises(ValidationError):
        level.id = "other"  # type: ignore[misc]


def test_validate_document_needs_a_mapping() -> None:
    with pytest.raises(ContentInvalid) as err:
        validate_document(parse_yaml("- a\n- b\n", "list.yaml"), Level)
    assert [str(p) for p in err.value.problems] == ["list.yaml:1:1: the file must hold a mapping of keys to values"]


def test_problems_name_file_line_column_and_field() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("    score: 470", "    score: 99999")
    with pytest.raises(ContentInvalid) as err:
        validate_document(parse_yaml(text, "levels/x.yaml"), Level)
    (problem,) = err.value.problems
    assert (problem.file, problem.line, problem.col, problem.field) == ("levels/x.yaml", 37, 5, "contacts[0].score")
    assert str(problem) == "levels/x.yaml:37:5: contacts[0].score: Input should be less than or equal to 10000"


def test_a_missing_field_points_at_its_parent() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("    score: 470\n", "")
    with pytest.raises(ContentInvalid) as err:
        validate_document(parse_yaml(text, "x.yaml"), Level)
    (problem,) = err.value.problems
    assert (problem.line, problem.field, problem.message) == (34, "contacts[0].score", "this field is required")


def test_problems_are_sorted_and_unique() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("en: ", "EN: ")
    with pytest.raises(ContentInvalid) as err:
        validate_document(parse_yaml(text, "x.yaml"), Level)
    problems = err.value.problems
    assert len(problems) > 5
    assert problems == sorted(set(problems))


def test_level_files_expands_folders(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("x: 1\n")
    (tmp_path / "a.yml").write_text("x: 1\n")
    (tmp_path / "notes.txt").write_text("x")
    assert level_files([tmp_path]) == [tmp_path / "b.yaml", tmp_path / "a.yml"]
    assert level_files([tmp_path / "c.yaml"]) == [tmp_path / "c.yaml"]


def test_check_paths_reports_missing_files_and_empty_folders(tmp_path: Path) -> None:
    assert [str(p) for p in check_paths([tmp_path])] == [f"{tmp_path}:1:1: no level files found"]
    gone = tmp_path / "gone.yaml"
    assert [p.message for p in check_paths([gone])] == ["no such file"]
    assert check_paths([MINIMAL]) == []


# -- the safe YAML reader --------------------------------------------------------------------------


def test_dotted_paths() -> None:
    assert dotted(("weeks", 0, "scenes", 2, "id")) == "weeks[0].scenes[2].id"
    assert dotted(()) == ""
    assert dotted((3,)) == "[3]"


def test_marks_remember_where_values_are() -> None:
    doc = parse_yaml("a:\n  b: [1, 2]\n  c:\n    - {d: x}\n", "m.yaml")
    assert doc.data == {"a": {"b": [1, 2], "c": [{"d": "x"}]}}
    assert doc.where(("a", "b")) == (2, 3)
    assert doc.where(("a", "b", 1)) == (2, 10)
    assert doc.where(("a", "c", 0, "d")) == (4, 8)
    assert doc.where(("a", "c", 0, "nothing", "deeper")) == doc.where(("a", "c", 0))
    assert doc.where(("zzz",)) == (1, 1)


def test_problem_text_with_and_without_field() -> None:
    assert str(Problem("f.yaml", 3, 4, "a.b", "bad")) == "f.yaml:3:4: a.b: bad"
    assert str(Problem("f.yaml", 1, 1, "", "bad")) == "f.yaml:1:1: bad"


def test_read_yaml_limits_size_and_reports_unreadable_files(tmp_path: Path) -> None:
    small = tmp_path / "s.yaml"
    small.write_text("# padding\n" * 10 + "a: 1\n")
    with pytest.raises(YamlRejected, match="the limit is 20"):
        read_yaml(small, max_bytes=20)
    with pytest.raises(YamlRejected, match="cannot read file"):
        read_yaml(tmp_path)  # a folder
    assert read_yaml(small).data == {"a": 1}


def test_keys_must_be_plain_text() -> None:
    with pytest.raises(YamlRejected, match="keys must be plain text"):
        parse_yaml("? [a, b]\n: 1\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!binary aGVsbG8=\n", "binary' is not allowed"),
        ("a: !!set {x}\n", "set' is not allowed"),
        ("a: !!python/tuple [1, 2]\n", "python/tuple' is not allowed"),
        ("a: !custom x\n", "'!custom' is not allowed"),
        ("a: 0x1234567890abcdef\n", "number is too large"),
        ("a: 1:2:3:4:5:6:7:8\n", "number is too large"),
    ],
)
def test_refused_scalars(text: str, message: str) -> None:
    with pytest.raises(YamlRejected, match=message):
        parse_yaml(text)


def test_a_document_can_be_built_by_hand() -> None:
    doc = Document("hand.yaml", {"a": 1}, {("a",): (5, 2)})
    assert doc.problem(("a", "b"), "oops") == Problem("hand.yaml", 5, 2, "a.b", "oops")


# -- fuzz: nothing but problems ever comes out ----------------------------------------------------

MINIMAL_LINES = MINIMAL.read_text(encoding="utf-8").splitlines(keepends=True)
JUNK = st.sampled_from(
    [
        "",
        " ",
        "  ",
        "-",
        ":",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "*a",
        "&a ",
        "!",
        "#",
        "9" * 14,
        "\t",
        "null",
        "~",
        "é",
        "<<: ",
        "? ",
        "|",
        ">",
        ",",
        "%",
        "@",
        "`",
    ]
)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    lines = list(MINIMAL_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "junk", "swap"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            k = draw(st.integers(0, max(0, len(lines[i]) - 1)))
            lines[i] = lines[i][:k] + draw(JUNK) + lines[i][k + 1 :]
        if not lines:
            break
    return "".join(lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mangled())
def test_a_mangled_level_gives_problems_never_a_crash(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "level.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_paths([path])  # raises nothing
    n_lines = text.count("\n") + 1
    for problem in problems:
        assert problem.file == str(path)
        assert 1 <= problem.line <= n_lines and problem.col >= 1
        assert problem.message


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_parse_yaml_accepts_or_rejects_any_text(text: str) -> None:
    try:
        parse_yaml(text, "t.yaml")
    except YamlRejected as err:
        assert err.problems and all(p.file == "t.yaml" for p in err.problems)
