"""Scoring: full marks default to about three good points; the score is checkable by hand."""

from __future__ import annotations

import pytest

from game.grading.scoring import full_marks, score
from game.packs.model import StanceRubric


def rubric(*weights: float, marks: float | None = None) -> StanceRubric:
    points = [{"id": f"p{i}", "argument": f"Point number {i}."} for i in range(len(weights))]
    for point, weight in zip(points, weights, strict=True):
        point["weight"] = weight  # type: ignore[assignment]
    return StanceRubric.model_validate({"points": points, "full_marks": marks})


def test_full_marks_default_to_three_average_points() -> None:
    assert full_marks(rubric(1, 1, 1, 1, 1, 1)) == 3
    assert full_marks(rubric(2, 1, 1, 1, 1, 1, 1, 1, 1, 1)) == pytest.approx(3.3)


def test_a_stance_with_few_points_needs_all_of_them() -> None:
    assert full_marks(rubric(2, 1)) == 3
    assert full_marks(rubric(1)) == 1


def test_a_pack_may_set_full_marks() -> None:
    assert full_marks(rubric(1, 1, 1, 1, marks=2)) == 2


def test_score_rounds_half_up_and_caps_at_100() -> None:
    assert score([1], 3) == (1.0, 33)
    assert score([2], 3) == (2.0, 67)
    assert score([1], 8) == (1.0, 13)  # 12.5 rounds up, not to even
    assert score([2, 2, 2], 3) == (6.0, 100)
    assert score([], 3) == (0.0, 0)
