"""The shipped Spanish pack grades its own examples as it says, end to end in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.grading.grader import Grader
from game.packs.loader import load_pack
from game.packs.model import STANCES, Pack

PATH = Path(__file__).resolve().parents[2] / "content" / "uniformes-escolares.yaml"
PACK: Pack = load_pack(PATH)
GRADER = Grader(PACK)


def examples() -> list[object]:
    out: list[object] = []
    for position in PACK.positions:
        for stance in STANCES:
            rubric = position.stance(stance)
            for point in rubric.points if rubric else ():
                assert point.examples is not None, f"{position.id} {point.id} has no examples"
                for kind, texts in (("match", point.examples.match), ("miss", point.examples.miss)):
                    for text in texts:
                        out.append(
                            pytest.param(
                                position.id,
                                stance,
                                point.id,
                                kind,
                                text,
                                id=f"{position.id}-{stance}-{point.id}-{kind}",
                            )
                        )
    return out


def test_the_pack_is_spanish_with_both_stances_everywhere() -> None:
    assert (PACK.id, PACK.language) == ("uniformes-escolares", "es")
    assert 3 <= len(PACK.positions) <= 4
    for position in PACK.positions:
        assert position.stances == ("rebut", "defend")
        for stance in STANCES:
            rubric = position.stance(stance)
            assert rubric is not None and len(rubric.points) >= 4
            for point in rubric.points:
                assert len(point.phrases) >= 4 and point.explanation
                assert point.examples and point.examples.match and point.examples.miss


@pytest.mark.parametrize(("position_id", "stance", "point_id", "kind", "text"), examples())
def test_every_example_grades_as_the_pack_says(
    position_id: str, stance: str, point_id: str, kind: str, text: str
) -> None:
    result = GRADER.grade(text, position_id, stance)  # type: ignore[arg-type]
    verdict = next(p for p in result.points if p.point_id == point_id)
    assert verdict.matched is (kind == "match"), (verdict.confidence, result.warnings)
