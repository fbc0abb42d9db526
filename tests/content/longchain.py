"""A level whose first scene starts a ``goto`` chain through many side scenes (linear work, no recursion)."""

from __future__ import annotations

from pathlib import Path

MINIMAL = Path(__file__).with_name("minimal.yaml")


def goto_chain_level(length: int = 1200) -> str:
    """tests/content/minimal.yaml with its one side scene replaced by a chain of ``length``."""
    text = MINIMAL.read_text(encoding="utf-8")
    head, _, _ = text.partition("side_scenes:\n")
    head = head.replace("goto: note", "goto: s0")
    lines = ["side_scenes:\n"]
    for i in range(length):
        nxt = f", goto: s{i + 1}" if i + 1 < length else ""
        lines.append(
            f"  - id: s{i}\n"
            f'    title: {{en: "Step {i}", fr: "Étape {i}"}}\n'
            f'    text: {{en: "On.", fr: "Encore."}}\n'
            f'    options:\n      - {{id: go, text: {{en: "Go", fr: "Aller"}}{nxt}}}\n'
        )
    return head + "".join(lines)


def write_goto_chain(folder: Path, length: int = 1200) -> Path:
    path = folder / "chain.yaml"
    path.write_text(goto_chain_level(length), encoding="utf-8")
    return path
