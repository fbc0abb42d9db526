"""The palette and type sizes, read from ``assets/theme.yaml`` (no colours in code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from game.content.yamlsafe import read_yaml
from game.paths import ASSETS_DIR

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True)
class Theme:
    width: int
    height: int
    colours: dict[str, Colour]
    sizes: dict[str, float]

    def c(self, name: str) -> Colour:
        return self.colours[name]

    def s(self, name: str) -> float:
        return self.sizes[name]


@lru_cache(maxsize=2)
def load_theme(path: Path = ASSETS_DIR / "theme.yaml") -> Theme:
    data = read_yaml(path).data
    return Theme(
        width=int(data["logical"]["width"]),
        height=int(data["logical"]["height"]),
        colours={k: hex_colour(v) for k, v in data["colours"].items()},
        sizes={k: float(v) for k, v in data["sizes"].items()},
    )


def luminance(colour: Colour) -> float:
    """WCAG relative luminance."""

    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1..21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    t = min(1.0, max(0.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))
