"""The committed art: every file credited, every manifest entry produced, every SVG renders.

Loader-agnostic: it reads only assets/art/ (manifest.yaml, CREDITS.yaml, the SVGs) and
pygame's own SVG loader, not the game's code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pygame
import pytest
import yaml

ART = Path(__file__).resolve().parents[2] / "assets" / "art"
KINDS = ("people", "objects", "icons")
EXPRESSIONS = ("happy", "neutral", "worried", "sad", "angry", "cold", "shocked")
LICENCES = {"CC0-1.0", "MIT"}
ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# What nanosvg (pygame's SVG loader) ignores or gets wrong; the generator strips it all.
NOT_FOR_NANOSVG = re.compile(
    r"<(?:[a-z]+:)?(metadata|mask|clipPath|filter|style|text|image|foreignObject|use|script|pattern)\b"
    r"|currentColor|clip-path=|mask=|filter=|<!--"
)


def _yaml(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ART / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"assets/art/{name} is not a mapping"
    return data


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return _yaml("manifest.yaml")


@pytest.fixture(scope="module")
def credits() -> dict[str, Any]:
    return _yaml("CREDITS.yaml")


def art_files() -> list[str]:
    """Every committed file under assets/art/{people,objects,icons}, relative to assets/art."""
    return sorted(p.relative_to(ART).as_posix() for kind in KINDS for p in (ART / kind).rglob("*") if p.is_file())


def expected_files(manifest: dict[str, Any]) -> set[str]:
    people = {f"people/{pid}/{e}.svg" for pid in manifest["people"] for e in manifest["expressions"]}
    return people | {f"{kind}/{key}.svg" for kind in ("objects", "icons") for key in manifest[kind]}


def test_manifest_ids_and_expressions(manifest: dict[str, Any]) -> None:
    assert tuple(manifest["expressions"]) == EXPRESSIONS
    for kind in KINDS:
        assert manifest[kind], f"manifest has no {kind}"
        bad = [key for key in manifest[kind] if not ID_RE.match(str(key))]
        assert not bad, f"{kind} ids not lower_snake_case: {bad}"


def test_every_manifest_entry_produced_its_files(manifest: dict[str, Any]) -> None:
    on_disk = set(art_files())
    missing = sorted(expected_files(manifest) - on_disk)
    assert not missing, f"listed in manifest.yaml but not generated: {missing[:10]}"
    for pid in manifest["people"]:
        faces = {p.stem for p in (ART / "people" / pid).glob("*.svg")}
        assert faces == set(EXPRESSIONS), f"people/{pid}: expressions {sorted(faces)}"


def test_no_file_outside_the_manifest(manifest: dict[str, Any]) -> None:
    stray = sorted(set(art_files()) - expected_files(manifest))
    assert not stray, f"files under assets/art not in manifest.yaml (regenerate): {stray[:10]}"


def test_every_file_is_credited_with_a_licence(credits: dict[str, Any]) -> None:
    files: dict[str, Any] = credits["files"]
    for rel in art_files():
        entry = files.get(rel)
        assert entry, f"assets/art/{rel} has no entry in CREDITS.yaml"
        assert entry.get("license") in LICENCES, f"{rel}: licence {entry.get('license')!r}"
        for field in ("source", "version", "upstream", "author"):
            assert entry.get(field), f"{rel}: CREDITS.yaml entry has no {field}"
        assert entry["source"] in credits["packages"], f"{rel}: unknown package {entry['source']}"


def test_every_credit_exists_on_disk(credits: dict[str, Any]) -> None:
    gone = sorted(rel for rel in credits["files"] if not (ART / rel).is_file())
    assert not gone, f"CREDITS.yaml lists files that are not there: {gone[:10]}"


def test_every_package_licence_text_is_shipped(credits: dict[str, Any]) -> None:
    for name, pkg in credits["packages"].items():
        assert pkg["license"] in LICENCES, name
        text = (ART / pkg["license_file"]).read_text(encoding="utf-8")
        assert len(text) > 100, f"{pkg['license_file']} looks empty"


def test_svgs_are_nanosvg_safe() -> None:
    for rel in art_files():
        text = (ART / rel).read_text(encoding="utf-8")
        head = text[: text.index(">") + 1]
        assert head.startswith("<svg") and "viewBox=" in head, f"{rel}: no viewBox on the root <svg>"
        assert not re.search(r"\s(width|height)=", head), f"{rel}: fixed width/height on the root"
        found = sorted({m.group(0) for m in NOT_FOR_NANOSVG.finditer(text)})
        assert not found, f"{rel}: {found}"
        assert text.count("<svg") == 1, f"{rel}: nested <svg>"


def test_every_svg_renders_at_128() -> None:
    blank = []
    for rel in art_files():
        surface = pygame.image.load_sized_svg(str(ART / rel), (128, 128))
        assert surface.get_size() == (128, 128), rel
        visible = surface.get_bounding_rect(min_alpha=8)
        if visible.width * visible.height < 16 * 16:
            blank.append(rel)
    assert not blank, f"render (nearly) fully transparent: {blank}"


def test_every_person_is_drawn_whole_at_the_top() -> None:
    """No hairstyle touches the top edge of its picture: DiceBear's square cut buns flat,
    which showed at the blacklist's large face (`headroom` in the manifest gives them room)."""
    pygame.init()
    cut = []
    for path in sorted((ART / "people").glob("*/*.svg")):
        surface = pygame.image.load_sized_svg(str(path), (128, 128))
        if any(surface.get_at((x, 0)).a > 0 for x in range(128)):
            cut.append(f"{path.parent.name}/{path.name}")
    assert not cut, f"cut at the top: {cut}"


def test_headroom_grows_the_picture_above_only() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_art", ART.parents[1] / "tools" / "art" / "make_art.py")
    assert spec is not None and spec.loader is not None
    make_art = importlib.util.module_from_spec(spec)
    sys.modules["make_art"] = make_art  # its dataclasses look their module up
    spec.loader.exec_module(make_art)
    sanitise_svg = make_art.sanitise_svg

    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M0 0h100v100H0z" fill="#000"/></svg>'
    out = sanitise_svg(svg, headroom=0.2)
    assert 'viewBox="-10 -20 120 120"' in out
