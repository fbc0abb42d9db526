"""Rasterise every committed SVG in assets/art/ with pygame into one contact-sheet PNG.

    python tools/art/contact_sheet.py --out /tmp/art-sheet.png
    python tools/art/contact_sheet.py --out docs/art/contact-sheet.png --cell 72

People: one row per person, the id then the seven expressions (the `cold` face is also
shown greyed, as the game will draw it). Objects and icons: labelled grids. It uses the
same loader as the game (`pygame.image.load_sized_svg`), so what looks right here renders
right in the game. Needs no network and no node.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import yaml

REPO = Path(__file__).resolve().parents[2]
ART = REPO / "assets" / "art"
FONT = REPO / "assets" / "fonts" / "Inter-Regular.otf"
BOLD = REPO / "assets" / "fonts" / "Inter-SemiBold.otf"

PAPER = (250, 247, 240)
CELL_BG = (255, 255, 255)
INK = (40, 40, 48)
MUTED = (110, 110, 120)
ICON_TINT = (52, 84, 160)


def greyed(surface: pygame.Surface) -> pygame.Surface:
    """The `cold` face as the game greys it: desaturated, alpha kept."""
    grey = pygame.transform.grayscale(surface)
    grey.fill((30, 30, 30, 0), special_flags=pygame.BLEND_RGBA_ADD)
    return grey


def tinted(surface: pygame.Surface, colour: tuple[int, int, int]) -> pygame.Surface:
    """A black-stroke icon in a theme colour: black + colour = colour, alpha kept."""
    out = surface.copy()
    out.fill((*colour, 0), special_flags=pygame.BLEND_RGBA_ADD)
    return out


def load(path: Path, size: int) -> pygame.Surface:
    return pygame.image.load_sized_svg(str(path), (size, size))


def render(cell: int) -> pygame.Surface:
    manifest = yaml.safe_load((ART / "manifest.yaml").read_text(encoding="utf-8"))
    expressions: list[str] = list(manifest["expressions"])
    people: list[str] = list(manifest["people"])
    objects: list[str] = list(manifest["objects"])
    icons: list[str] = list(manifest["icons"])

    label_size = max(10, cell // 7)
    font = pygame.font.Font(str(FONT), label_size)
    bold = pygame.font.Font(str(BOLD), label_size + 2)
    title = pygame.font.Font(str(BOLD), label_size * 2)
    pad = max(4, cell // 16)
    label_h = font.get_linesize()
    name_w = cell * 2

    columns = len(expressions) + 1  # plus the greyed cold face
    width = name_w + columns * (cell + pad) + pad
    grid_cols = max(1, (width - pad) // (cell + pad))
    obj_rows = -(-len(objects) // grid_cols)
    icon_cell = cell * 2 // 3
    icon_cols = max(1, (width - pad) // (icon_cell + pad + cell // 3))
    icon_rows = -(-len(icons) // icon_cols)
    section_h = title.get_linesize() + pad * 2
    height = (
        section_h
        + label_h
        + len(people) * (cell + pad)
        + section_h
        + obj_rows * (cell + label_h + pad)
        + section_h
        + icon_rows * (icon_cell + label_h + pad)
        + pad
    )
    sheet = pygame.Surface((width, height))
    sheet.fill(PAPER)
    y = pad

    def heading(text: str) -> None:
        nonlocal y
        sheet.blit(title.render(text, True, INK), (pad, y))
        y += section_h

    heading(f"People ({len(people)}): Open Peeps, CC0")
    for col, name in enumerate([*expressions, "cold, greyed"]):
        sheet.blit(font.render(name, True, MUTED), (name_w + col * (cell + pad), y))
    y += label_h
    for person in people:
        note = str(manifest["people"][person].get("note", ""))
        sheet.blit(bold.render(person, True, INK), (pad, y + cell // 3))
        short = note.split(",")[0]
        while len(short) > 1 and font.size(short)[0] > name_w - 2 * pad:
            short = short[:-2] + "…"
        sheet.blit(font.render(short, True, MUTED), (pad, y + cell // 3 + bold.get_linesize()))
        for col, expression in enumerate(expressions):
            x = name_w + col * (cell + pad)
            pygame.draw.rect(sheet, CELL_BG, (x, y, cell, cell), border_radius=pad)
            sheet.blit(load(ART / "people" / person / f"{expression}.svg", cell), (x, y))
        x = name_w + len(expressions) * (cell + pad)
        pygame.draw.rect(sheet, CELL_BG, (x, y, cell, cell), border_radius=pad)
        sheet.blit(greyed(load(ART / "people" / person / "cold.svg", cell)), (x, y))
        y += cell + pad

    heading(f"Objects ({len(objects)}): Fluent Emoji flat, MIT")
    for i, obj in enumerate(objects):
        x = pad + (i % grid_cols) * (cell + pad)
        top = y + (i // grid_cols) * (cell + label_h + pad)
        inner = cell * 3 // 4
        sheet.blit(load(ART / "objects" / f"{obj}.svg", inner), (x + (cell - inner) // 2, top))
        label = font.render(obj, True, INK)
        if label.get_width() > cell:
            label = pygame.transform.smoothscale_by(label, cell / label.get_width())
        sheet.blit(label, (x, top + inner + 2))
    y += obj_rows * (cell + label_h + pad)

    heading(f"Icons ({len(icons)}): Tabler outline, MIT (stroke #000000; right: tinted)")
    step = icon_cell + pad + cell // 3
    half = icon_cell // 2
    for i, icon in enumerate(icons):
        x = pad + (i % icon_cols) * step
        top = y + (i // icon_cols) * (icon_cell + label_h + pad)
        surface = load(ART / "icons" / f"{icon}.svg", half)
        left = x + (step - pad - 2 * half) // 2
        sheet.blit(surface, (left, top + half // 2))
        sheet.blit(tinted(surface, ICON_TINT), (left + half, top + half // 2))
        label = font.render(icon, True, INK)
        if label.get_width() > step - pad:
            label = pygame.transform.smoothscale_by(label, (step - pad) / label.get_width())
        sheet.blit(label, (x, top + icon_cell + 4))
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/art-sheet.png"))
    parser.add_argument("--cell", type=int, default=128, help="size of one face, in pixels")
    args = parser.parse_args(argv)
    pygame.font.init()
    sheet = render(args.cell)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(args.out))
    print(f"wrote {args.out} ({sheet.get_width()}×{sheet.get_height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
