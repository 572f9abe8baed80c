"""Round planning: which positions a round plays and in which stance."""

from __future__ import annotations

import random

import pytest

from game.errors import CounterpointError
from game.rounds.plan import RoundPlanError, RoundSpec, Turn, parse_positions, plan_round
from tests.fixtures.ui.scripted import load

PACK = load("tiny")  # rest-helps (rebut+defend), saves-money (rebut), teachers-stay (defend)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("all", RoundSpec(kind="all")),
        ("random", RoundSpec(kind="random", count=3)),
        ("random:5", RoundSpec(kind="random", count=5)),
        (" saves-money ", RoundSpec(kind="single", position_id="saves-money")),
    ],
)
def test_positions_option_is_read(text: str, expected: RoundSpec) -> None:
    assert parse_positions(text) == expected


@pytest.mark.parametrize("text", ["random:0", "random:x", "random:-2", ""])
def test_bad_positions_option_is_a_user_error(text: str) -> None:
    with pytest.raises(CounterpointError):
        parse_positions(text)


def test_all_in_order_with_a_fixed_stance_leaves_out_positions_without_it() -> None:
    turns = plan_round(PACK, RoundSpec(kind="all"), "rebut", random.Random(1))
    assert turns == [Turn("rest-helps", "rebut"), Turn("saves-money", "rebut")]
    turns = plan_round(PACK, RoundSpec(kind="all"), "defend", random.Random(1))
    assert turns == [Turn("rest-helps", "defend"), Turn("teachers-stay", "defend")]


def test_mixed_uses_only_stances_each_position_has() -> None:
    for seed in range(30):
        turns = plan_round(PACK, RoundSpec(kind="all"), "mixed", random.Random(seed))
        assert [t.position_id for t in turns] == ["rest-helps", "saves-money", "teachers-stay"]
        assert turns[1].stance == "rebut" and turns[2].stance == "defend"
        assert turns[0].stance in ("rebut", "defend")


def test_mixed_picks_both_stances_over_many_rounds() -> None:
    seen = {
        plan_round(PACK, RoundSpec(kind="all"), "mixed", random.Random(seed))[0].stance
        for seed in range(40)
    }
    assert seen == {"rebut", "defend"}


def test_random_round_is_a_sample_of_n_without_repeats_and_depends_on_the_seed() -> None:
    spec = RoundSpec(kind="random", count=2)
    rounds = {
        tuple(t.position_id for t in plan_round(PACK, spec, "mixed", random.Random(seed)))
        for seed in range(40)
    }
    assert all(len(r) == 2 and len(set(r)) == 2 for r in rounds)
    assert len(rounds) > 1
    same = [plan_round(PACK, spec, "mixed", random.Random(7)) for _ in range(2)]
    assert same[0] == same[1]


def test_random_round_larger_than_the_pack_plays_every_eligible_position_once() -> None:
    turns = plan_round(PACK, RoundSpec(kind="random", count=10), "rebut", random.Random(3))
    assert sorted(t.position_id for t in turns) == ["rest-helps", "saves-money"]


def test_single_position() -> None:
    spec = RoundSpec(kind="single", position_id="teachers-stay")
    assert plan_round(PACK, spec, "mixed", random.Random(0)) == [Turn("teachers-stay", "defend")]


def test_single_position_in_a_stance_it_lacks_says_so() -> None:
    spec = RoundSpec(kind="single", position_id="teachers-stay")
    with pytest.raises(RoundPlanError, match="no rebut rubric"):
        plan_round(PACK, spec, "rebut", random.Random(0))


def test_unknown_position_lists_known_ones() -> None:
    spec = RoundSpec(kind="single", position_id="nope")
    with pytest.raises(RoundPlanError, match="rest-helps"):
        plan_round(PACK, spec, "rebut", random.Random(0))
