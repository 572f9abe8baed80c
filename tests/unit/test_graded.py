"""Answers graded outside the game are recorded exactly as played ones."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.grading.grader import Grader
from game.packs.loader import content_hash, load_pack
from game.progress.drills import Drills
from game.progress.graded import GRADED_MODE, record_graded
from game.progress.store import Store

PACK_FILE = Path(__file__).parents[2] / "content" / "example-school-uniforms.yaml"
AT = datetime(2025, 4, 2, 14, 0, tzinfo=UTC)


def test_a_graded_answer_is_recorded_with_its_score_points_and_card(tmp_path: Path) -> None:
    pack = load_pack(PACK_FILE)
    position = pack.positions[0]
    stance = position.stances[0]
    rubric = position.stance(stance)
    assert rubric is not None
    answer = " ".join(p.argument for p in rubric.points[:2])
    result = Grader(pack).grade(answer, position.id, stance)
    assert result.matched  # the test needs an answer that makes some points
    digest = content_hash(PACK_FILE.read_bytes())
    with Store.open(tmp_path) as store:
        round_id = store.start_round("Ada", pack.id, GRADED_MODE)
        attempt_id = record_graded(
            store, "Ada", pack.id, digest, position.id, stance, answer, result,
            round_id=round_id, at=AT,
        )  # fmt: skip
        [got] = store.history("Ada", answers=True)
        assert got.id == attempt_id
        assert (got.pack_id, got.pack_hash, got.position_id, got.stance) == (
            pack.id, digest, position.id, stance,
        )  # fmt: skip
        assert got.score == result.score
        assert got.matched_points == tuple(p.point_id for p in result.matched)
        assert (got.answer, got.seconds, got.at, got.round_id) == (answer, 0.0, AT, round_id)
        [card] = Drills(store).cards("Ada", pack.id)
        assert (card.position_id, card.stance, card.reviews) == (position.id, stance, 1)
        assert store.digest("Ada").answers == 1


def test_a_result_for_another_position_is_refused(tmp_path: Path) -> None:
    pack = load_pack(PACK_FILE)
    first, second = pack.positions[0], pack.positions[1]
    result = Grader(pack).grade("some answer", first.id, first.stances[0])
    with Store.open(tmp_path) as store:
        with pytest.raises(ValueError, match="not"):
            record_graded(store, "Ada", pack.id, "h", second.id, first.stances[0], "x", result)
        assert store.history() == []
