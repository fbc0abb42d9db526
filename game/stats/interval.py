"""The Wilson score interval: how sure a share of a few dozen visitors can be.

A kiosk's figures come from tens of visitors, often with shares near 0 or 1 ("0 of 12
would join again"), where the textbook interval p ± 1.96·√(p(1−p)/n) collapses to a
single point or leaves 0..1. Wilson's interval (1927) stays inside 0..1, is never empty
and keeps close to its nominal 95 % at small n (Brown, Cai & DasGupta 2001, who
recommend it for n < 40), so it is the one shown beside every share here.
"""

from __future__ import annotations

import math

Z95 = 1.959963984540054
"""The two-sided 95 % point of the normal distribution."""


def wilson(successes: int, total: int, z: float = Z95) -> tuple[float, float]:
    """The (low, high) bounds of the Wilson interval for ``successes`` out of ``total``.

    ``centre = (p + z²/2n) / (1 + z²/n)``, ``half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)``.
    """
    if total <= 0 or not 0 <= successes <= total:
        raise ValueError(f"no interval for {successes} out of {total}")
    n, p = total, successes / total
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)
