"""Regenerate the committed art in assets/art/ from open npm packages (maintainer-side only).

    python tools/art/make_art.py            # install the pinned packages, rewrite assets/art/
    python tools/art/make_art.py --check    # regenerate into a temporary folder and compare

This is the only part of the project that needs node, npm and the network. It copies
tools/art/package.json and package-lock.json into a scratch folder outside the repository,
runs `npm ci` there, has make_art.mjs draw the Open Peeps faces listed in
assets/art/manifest.yaml, copies the listed Fluent Emoji and Tabler icons, makes every SVG
safe for pygame's SVG loader (nanosvg), and writes assets/art/CREDITS.yaml and
assets/art/LICENSES/. Nothing under game/ imports or calls it.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ART = REPO / "assets" / "art"
MANIFEST = ART / "manifest.yaml"
DEFAULT_SCRATCH = Path(tempfile.gettempdir()) / "open-sesame-art"

EXPRESSIONS = ("happy", "neutral", "worried", "sad", "angry", "cold", "shocked")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
KINDS = ("people", "objects", "icons")
# The colour that replaces `currentColor` in the icons: nanosvg does not know currentColor.
# Black strokes on transparency let the game tint a rasterised icon to any theme colour.
ICON_STROKE = "#000000"

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Elements nanosvg ignores or gets wrong: dropped with everything inside them.
DROP_ELEMENTS = {
    "metadata",
    "title",
    "desc",
    "style",
    "script",
    "text",
    "image",
    "foreignObject",
    "filter",
    "mask",
    "clipPath",
    "pattern",
    "symbol",
    "use",
    "svg",  # a nested <svg>
}
# Attributes that point at dropped elements, or that nanosvg ignores.
DROP_ATTRIBUTES = {"mask", "clip-path", "clip-rule", "filter", "class", "shape-rendering", "data-name"}
URL_REF_RE = re.compile(r"url\(#([^)]+)\)")


@dataclass(frozen=True)
class Package:
    name: str
    spdx: str
    artwork: str  # who drew it; the package licence's copyright line is added to it
    licence_file: str  # file inside the package
    licence_copy: str  # name under assets/art/LICENSES/
    homepage: str
    copyright_from_licence: bool = True  # append the licence's "Copyright ..." line


PACKAGES = {
    "people": Package(
        name="@dicebear/open-peeps",
        spdx="CC0-1.0",
        # The package's copyright line is for DiceBear's code (MIT), not for the drawings.
        artwork="Open Peeps by Pablo Stanley (openpeeps.com), dedicated to the public domain (CC0 1.0); via DiceBear",
        licence_file="LICENSE",
        licence_copy="open-peeps.txt",
        homepage="https://www.openpeeps.com/",
        copyright_from_licence=False,
    ),
    "objects": Package(
        name="fluentui-emoji",
        spdx="MIT",
        artwork="Fluent Emoji, Copyright (c) Microsoft Corporation, MIT; npm package fluentui-emoji",
        licence_file="LICENSE",
        licence_copy="fluentui-emoji.txt",
        homepage="https://github.com/microsoft/fluentui-emoji",
    ),
    "icons": Package(
        name="@tabler/icons",
        spdx="MIT",
        artwork="Tabler Icons",
        licence_file="LICENSE",
        licence_copy="tabler-icons.txt",
        homepage="https://tabler.io/icons",
    ),
}


def author_line(pkg: Package, modules: Path) -> str:
    """The package's artwork line plus the copyright line of the licence it ships."""
    if not pkg.copyright_from_licence:
        return pkg.artwork
    text = (modules / pkg.name / pkg.licence_file).read_text(encoding="utf-8")
    copyright_lines = [line.strip() for line in text.splitlines() if line.strip().startswith("Copyright")]
    if not copyright_lines:
        return pkg.artwork
    return f"{pkg.artwork} ({'; '.join(copyright_lines)})"


class ArtError(Exception):
    """A manifest entry or a source file that cannot become a committed SVG."""


# --- manifest --------------------------------------------------------------------------


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ArtError(f"{path}: not a mapping")
    expressions = data.get("expressions")
    if not isinstance(expressions, dict) or tuple(expressions) != EXPRESSIONS:
        raise ArtError(f"{path}: expressions must be, in order: {', '.join(EXPRESSIONS)}")
    for kind in KINDS:
        entries = data.get(kind)
        if not isinstance(entries, dict) or not entries:
            raise ArtError(f"{path}: {kind} must be a non-empty mapping")
        for key in entries:
            if not isinstance(key, str) or not ID_RE.match(key):
                raise ArtError(f"{path}: {kind}.{key}: ids are lower_snake_case")
    for kind in ("objects", "icons"):
        for key, name in data[kind].items():
            if not isinstance(name, str) or not name:
                raise ArtError(f"{path}: {kind}.{key}: give the upstream file name")
    if not isinstance(data.get("people_defaults") or {}, dict):
        raise ArtError(f"{path}: people_defaults must be a mapping of open-peeps options")
    for key, person in data["people"].items():
        if not isinstance(person, dict) or "seed" not in person:
            raise ArtError(f"{path}: people.{key}: a mapping of open-peeps options with a seed")
    return data


def person_job(manifest: dict[str, Any]) -> dict[str, Any]:
    """Each person's DiceBear options and the face to draw for each expression."""
    people: dict[str, Any] = {}
    defaults = manifest.get("people_defaults") or {}
    for key, person in manifest["people"].items():
        options = {**defaults, **{k: v for k, v in person.items() if k not in ("note", "faces", "headroom")}}
        faces = dict(manifest["expressions"])
        faces.update(person.get("faces") or {})
        people[key] = {"options": options, "faces": faces, "headroom": float(person.get("headroom", 0))}
    return people


# --- SVG clean-up ----------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _is_invisible_box(el: ET.Element) -> bool:
    """Tabler's 24×24 `<path stroke="none" d="M0 0h24v24H0z" fill="none"/>` sizing box."""
    return _local(el.tag) == "path" and el.get("stroke") == "none" and el.get("fill") == "none"


def sanitise_svg(text: str, *, stroke: str | None = None, headroom: float = 0.0) -> str:
    """Return an SVG that nanosvg renders as the browser would, small and size-free.

    Drops metadata, masks, clip paths, filters, text and styles; drops the root's fixed
    width/height and keeps a square viewBox; replaces `currentColor` by `stroke` (or fails
    if no replacement was given); strips unused ids, classes and comments. ``headroom``
    grows the square viewBox by that share of its side, all of it above (the shoulders
    stay on the bottom edge): a tall hairstyle that DiceBear's box cuts flat is drawn whole.
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ArtError(f"not well-formed SVG: {exc}") from exc
    if _local(root.tag) != "svg":
        raise ArtError("root element is not <svg>")

    def clean(parent: ET.Element) -> None:
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) in DROP_ELEMENTS or _is_invisible_box(child):
                parent.remove(child)
                continue
            clean(child)
            for name in list(child.attrib):
                if _local(name) in DROP_ATTRIBUTES or _local(name).startswith("data-"):
                    del child.attrib[name]
            if _local(child.tag) in ("defs", "g") and len(child) == 0:
                parent.remove(child)

    clean(root)
    # Keep only the ids something still points at (gradients); the rest is noise.
    referenced = {m.group(1) for el in root.iter() for v in el.attrib.values() for m in URL_REF_RE.finditer(v)}
    referenced |= {v[1:] for el in root.iter() for k, v in el.attrib.items() if _local(k) == "href" and v[:1] == "#"}
    for el in root.iter():
        if el.get("id") is not None and el.get("id") not in referenced:
            del el.attrib["id"]
    # Unwrap groups left with no attributes (DiceBear's former mask group): fewer elements.
    _unwrap_bare_groups(root)

    view_box = root.get("viewBox")
    if not view_box:
        width, height = root.get("width"), root.get("height")
        if not (width and height):
            raise ArtError("no viewBox and no width/height")
        view_box = f"0 0 {_number(width)} {_number(height)}"
    x, y, w, h = (float(v) for v in view_box.replace(",", " ").split())
    if w <= 0 or h <= 0:
        raise ArtError(f"empty viewBox {view_box!r}")
    if abs(w - h) > 1e-6:  # pad to a square, centred, so every picture scales the same way
        side = max(w, h)
        x, y, w, h = x - (side - w) / 2, y - (side - h) / 2, side, side
    if headroom:
        grow = w * headroom
        x, y, w, h = x - grow / 2, y - grow, w + grow, h + grow
    attrib = {k: v for k, v in root.attrib.items() if _local(k) not in DROP_ATTRIBUTES | {"width", "height", "viewBox"}}
    root.attrib.clear()
    root.set("viewBox", " ".join(_fmt(v) for v in (x, y, w, h)))
    root.attrib.update(attrib)

    out = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    if "currentColor" in out:
        if stroke is None:
            raise ArtError("uses currentColor and no replacement colour was given")
        out = out.replace("currentColor", stroke)
    out = re.sub(r">\s+<", "><", out).strip()
    problems = nanosvg_problems(out)
    if problems:
        raise ArtError("still has " + ", ".join(problems))
    return out + "\n"


def _unwrap_bare_groups(parent: ET.Element) -> None:
    index = 0
    while index < len(parent):
        child = parent[index]
        _unwrap_bare_groups(child)
        if _local(child.tag) == "g" and not child.attrib:
            parent.remove(child)
            for offset, grandchild in enumerate(list(child)):
                parent.insert(index + offset, grandchild)
            index += len(child)
        else:
            index += 1


def _number(value: str) -> str:
    return re.sub(r"[a-z%]+$", "", value.strip())


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


FORBIDDEN_RE = re.compile(
    r"<(?:[a-z]+:)?(metadata|mask|clipPath|filter|style|text|image|foreignObject|use|script|pattern)\b"
    r"|currentColor|clip-path=|mask=|filter=|<svg[^>]*\swidth=|<!--",
)


def nanosvg_problems(svg: str) -> list[str]:
    """What in this SVG text pygame's loader would ignore or get wrong (empty if nothing)."""
    problems = sorted({m.group(0) for m in FORBIDDEN_RE.finditer(svg)})
    if svg.count("<svg") != 1:
        problems.append("nested <svg>")
    return problems


# --- the run ---------------------------------------------------------------------------


def run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), f"(in {cwd})", flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def install(scratch: Path, *, reinstall: bool) -> None:
    """Install the pinned packages into the scratch folder with `npm ci`."""
    scratch.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json", "make_art.mjs"):
        shutil.copy2(HERE / name, scratch / name)
    stamp = scratch / "node_modules" / ".open-sesame-lock"
    lock = (HERE / "package-lock.json").read_text(encoding="utf-8")
    if not reinstall and stamp.exists() and stamp.read_text(encoding="utf-8") == lock:
        print(f"packages already installed in {scratch} (use --reinstall to force)")
        return
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise ArtError(f"{tool} is needed to regenerate the art (the game itself never needs it)")
    run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=scratch)
    stamp.write_text(lock, encoding="utf-8")


def generate(manifest: dict[str, Any], scratch: Path, out: Path) -> None:
    """Write every SVG the manifest lists, CREDITS.yaml and LICENSES/ into `out`."""
    raw = scratch / "out"
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    people = person_job(manifest)
    job: dict[str, Any] = {"out": str(raw), "people": people}
    (scratch / "job.json").write_text(json.dumps(job, indent=2), encoding="utf-8")
    run(["node", "make_art.mjs", "job.json"], cwd=scratch)
    versions: dict[str, str] = json.loads((raw / "versions.json").read_text(encoding="utf-8"))
    modules = scratch / "node_modules"
    authors = {kind: author_line(pkg, modules) for kind, pkg in PACKAGES.items()}

    written: dict[str, str] = {}  # relative path -> svg text
    credits: dict[str, dict[str, str]] = {}

    people_pkg = PACKAGES["people"]
    for key, person in people.items():
        options = ", ".join(f"{k}={_option(v)}" for k, v in person["options"].items() if not k.endswith("Probability"))
        for expression, face in person["faces"].items():
            rel = f"people/{key}/{expression}.svg"
            source = raw / "people" / key / f"{expression}.svg"
            written[rel] = _sanitised(rel, source.read_text(encoding="utf-8"), headroom=person["headroom"])
            credits[rel] = _credit(
                people_pkg,
                versions[people_pkg.name],
                f"open-peeps face={face}, {options} (generated with @dicebear/core {versions['@dicebear/core']})",
                authors["people"],
            )

    sources = {
        "objects": modules / "fluentui-emoji" / "icons" / "flat",
        "icons": modules / "@tabler" / "icons" / "icons" / "outline",
    }
    for kind, folder in sources.items():
        pkg = PACKAGES[kind]
        style = "flat" if kind == "objects" else "outline"
        for key, name in manifest[kind].items():
            source = folder / f"{name}.svg"
            if not source.exists():
                raise ArtError(f"{kind}.{key}: {pkg.name} has no {style} file named {name!r}")
            rel = f"{kind}/{key}.svg"
            stroke = ICON_STROKE if kind == "icons" else None
            written[rel] = _sanitised(rel, source.read_text(encoding="utf-8"), stroke=stroke)
            credits[rel] = _credit(pkg, versions[pkg.name], f"{style}/{name}.svg", authors[kind])

    for kind in KINDS:
        target = out / kind
        if target.exists():
            shutil.rmtree(target)
    for rel, text in written.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")

    licences = out / "LICENSES"
    if licences.exists():
        shutil.rmtree(licences)
    licences.mkdir(parents=True)
    for pkg in PACKAGES.values():
        shutil.copy2(modules / pkg.name / pkg.licence_file, licences / pkg.licence_copy)

    header = (
        "# Generated by tools/art/make_art.py from assets/art/manifest.yaml: do not edit by hand.\n"
        "# One entry per committed file under assets/art/{people,objects,icons}: where it comes from\n"
        "# and under which licence. Licence texts: assets/art/LICENSES/.\n"
    )
    document = {
        "packages": {
            pkg.name: {
                "version": versions[pkg.name],
                "license": pkg.spdx,
                "author": authors[kind],
                "homepage": pkg.homepage,
                "license_file": f"LICENSES/{pkg.licence_copy}",
            }
            for kind, pkg in PACKAGES.items()
        },
        "files": dict(sorted(credits.items())),
    }
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=200)
    (out / "CREDITS.yaml").write_text(header + body, encoding="utf-8", newline="\n")
    if out.resolve() != MANIFEST.parent.resolve():
        shutil.copy2(MANIFEST, out / "manifest.yaml")
    print(f"wrote {len(written)} SVGs, CREDITS.yaml and LICENSES/ to {out}")


def _sanitised(rel: str, text: str, *, stroke: str | None = None, headroom: float = 0.0) -> str:
    try:
        return sanitise_svg(text, stroke=stroke, headroom=headroom)
    except ArtError as exc:
        raise ArtError(f"{rel}: {exc}") from exc


def _option(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return str(value)


def _credit(pkg: Package, version: str, upstream: str, author: str) -> dict[str, str]:
    return {"source": pkg.name, "version": version, "license": pkg.spdx, "upstream": upstream, "author": author}


def compare(fresh: Path, committed: Path) -> list[str]:
    """Files that differ between a fresh run and the committed assets/art/."""
    differences: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        differences.extend(f"only in the fresh run: {prefix}{n}" for n in cmp.left_only)
        differences.extend(f"only committed: {prefix}{n}" for n in cmp.right_only)
        differences.extend(f"differs: {prefix}{n}" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(fresh, committed), "")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scratch", type=Path, default=DEFAULT_SCRATCH, help=f"npm folder (default {DEFAULT_SCRATCH})")
    parser.add_argument("--out", type=Path, default=ART, help="where to write (default assets/art)")
    parser.add_argument("--reinstall", action="store_true", help="run npm ci even if the scratch folder is current")
    parser.add_argument("--check", action="store_true", help="regenerate into a temporary folder and compare")
    args = parser.parse_args(argv)
    try:
        scratch = args.scratch.resolve()
        if scratch.is_relative_to(REPO) and not scratch.is_relative_to(HERE / ".scratch"):
            raise ArtError("keep the scratch folder outside the repository (or in tools/art/.scratch, ignored)")
        manifest = load_manifest()
        install(scratch, reinstall=args.reinstall)
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                generate(manifest, scratch, Path(tmp))
                differences = compare(Path(tmp), ART)
            for line in differences:
                print(line)
            print("assets/art is up to date" if not differences else f"{len(differences)} differences")
            return 1 if differences else 0
        generate(manifest, scratch, args.out)
    except (ArtError, subprocess.CalledProcessError) as exc:
        print(f"make_art: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
