"""Turn credited points into a 0..100 score that a player can check by hand.

Full marks default to about three good points: ``min(total weight, 3 x mean weight)``. A
strong answer makes its best three points well rather than listing every point, and a stance
with one or two points needs all of them. A pack may set ``full_marks`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.packs.model import StanceRubric

GOOD_POINTS = 3
"""How many average points earn full marks by default."""


def full_marks(rubric: StanceRubric) -> float:
    """The weight that earns 100 for this stance."""
    if rubric.full_marks is not None:
        return rubric.full_marks
    weights = [p.weight for p in rubric.points]
    total = sum(weights)
    return min(total, GOOD_POINTS * total / len(weights))


def score(earned: Iterable[float], marks: float) -> tuple[float, int]:
    """Earned weight and the score: ``round(100 * earned / full marks)``, capped at 100."""
    total = float(round(sum(earned), 6))
    if marks <= 0:
        return total, 0
    value = 100.0 * total / marks
    return total, min(100, int(value + 0.5))
