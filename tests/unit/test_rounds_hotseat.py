"""The hot-seat round: seats in turn, prep and answer clocks, the round's leaderboard."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from game.packs.model import Pack
from game.rounds.base import RoundStateError
from game.rounds.club import (
    ClubSetupError,
    Phase,
    check_players,
    plan_two_sided,
)
from game.rounds.hotseat import HotSeatRound
from game.rounds.plan import RoundSpec, Turn
from tests.fixtures.ui.clock import FakeClock
from tests.fixtures.ui.scripted import ScriptedGrader, load

TINY = load("tiny")  # rest-helps: both stances; saves-money: rebut only; teachers-stay: defend
DEBATE = Pack.model_validate(
    yaml.safe_load(
        (Path(__file__).parents[1] / "fixtures" / "club" / "debate.yaml").read_text("utf-8")
    )
)
STRONG = (
    "Four longer school days tire pupils and exhaust children. "
    "Working parents must pay for childcare on the extra day."
)
WEAK = "Longer days exhaust children."
SAVINGS = "The savings are small because salaries stay the same."


START = datetime(2024, 5, 1, 18, 0, tzinfo=UTC)
"""When every round of this module starts."""


def make(players=("Ada", "Bo", "Cy"), turns=None, **options):
    clock = FakeClock(START)
    grader = ScriptedGrader(TINY)
    turns = turns or [Turn("rest-helps", "rebut"), Turn("saves-money", "rebut")]
    game = HotSeatRound(TINY, turns, players, grader.grade, clock, **options)
    return game, clock, grader


def play_seat(game: HotSeatRound, answer: str) -> None:
    game.take_seat()
    game.submit(answer)


def test_every_player_answers_each_position_in_turn_before_anything_is_shown() -> None:
    game, clock, grader = make()
    assert game.phase is Phase.HANDOVER and game.seat.player == "Ada"
    game.take_seat()
    assert game.phase is Phase.ANSWERING
    clock.advance(40)
    first = game.submit(STRONG)
    assert first.player == "Ada" and first.graded.seconds == 40
    assert game.phase is Phase.HANDOVER and game.seat.player == "Bo"
    assert game.answered() == ("Ada",)
    play_seat(game, WEAK)
    assert game.upcoming() is None  # Cy is the last seat of this position
    play_seat(game, "")
    assert game.phase is Phase.REVEAL
    assert [a.player for a in game.answers_for(0)] == ["Ada", "Bo", "Cy"]
    assert [c[1:] for c in grader.calls] == [("rest-helps", "rebut")] * 3

    assert game.next() is Phase.HANDOVER
    # The first seat moves round the table: Bo starts the second position.
    assert [s.player for s in game.seats(1)] == ["Bo", "Cy", "Ada"]
    for answer in (SAVINGS, "", SAVINGS):
        play_seat(game, answer)
    assert game.phase is Phase.REVEAL and game.is_last
    assert game.next() is Phase.SUMMARY


def test_the_leaderboard_ranks_by_average_and_lists_points_made() -> None:
    game, _, _ = make()
    for answer in (STRONG, WEAK, ""):  # Ada, Bo, Cy
        play_seat(game, answer)
    game.next()
    for answer in ("", "", SAVINGS):  # Bo, Cy, Ada
        play_seat(game, answer)
    game.next()
    summary = game.summary()
    assert summary.counted == (0, 1) and summary.planned == 2
    top, second, third = summary.standings
    assert (top.player, top.rank) == ("Ada", 1)
    assert top.answers == 2 and top.points_made == 3 and top.scores[1] == top.total - top.scores[0]
    assert (second.player, second.rank, third.player, third.rank) == ("Bo", 2, "Cy", 3)
    assert third.total == 0 and third.points_made == 0


def test_ties_are_explained_and_a_full_tie_shares_the_rank() -> None:
    game, _, _ = make(players=("Ada", "Bo"), turns=[Turn("rest-helps", "rebut")])
    play_seat(game, WEAK)
    play_seat(game, WEAK)
    summary = game.summary()
    assert [s.rank for s in summary.standings] == [1, 1]
    assert all(s.shared for s in summary.standings)
    assert summary.notes and "share rank 1" in summary.notes[0]


def test_a_position_not_everyone_answered_does_not_count() -> None:
    game, _, _ = make()
    for answer in (STRONG, WEAK, ""):
        play_seat(game, answer)
    game.next()
    play_seat(game, SAVINGS)  # Bo answers the second position, then the round is stopped
    game.finish()
    assert game.phase is Phase.SUMMARY
    summary = game.summary()
    assert summary.counted == (0,)
    bo = next(s for s in summary.standings if s.player == "Bo")
    assert bo.answers == 1 and bo.scores == (bo.total, None)
    assert len(game.answers) == 4  # still recorded, only left out of the round's board


def test_nobody_answered_leaves_everyone_unranked() -> None:
    game, _, _ = make()
    game.finish()
    assert [(s.player, s.rank) for s in game.summary().standings] == [
        ("Ada", None),
        ("Bo", None),
        ("Cy", None),
    ]


def test_alternating_stances_give_neighbours_opposite_sides_and_swap_each_position() -> None:
    turns = [Turn("homework-stress", "rebut"), Turn("play-matters", "rebut")]
    game = HotSeatRound(
        DEBATE, turns, ("Ada", "Bo", "Cy"), ScriptedGrader(DEBATE).grade, FakeClock(START),
        stances="alternate",
    )  # fmt: skip
    first = {s.player: s.stance for s in game.seats(0)}
    second = {s.player: s.stance for s in game.seats(1)}
    assert first == {"Ada": "rebut", "Bo": "defend", "Cy": "rebut"}
    assert second == {"Ada": "defend", "Bo": "rebut", "Cy": "defend"}


def test_alternating_stances_need_two_sided_positions() -> None:
    with pytest.raises(ValueError, match="no defend rubric"):
        make(turns=[Turn("saves-money", "rebut")], stances="alternate")


def test_prep_time_comes_before_the_answer_clock() -> None:
    game, clock, _ = make(prep=30, time_limit=60)
    assert game.take_seat() is Phase.PREP
    assert game.prep_remaining() == 30 and game.remaining() is not None
    clock.advance(20)
    assert game.prep_remaining() == 10 and not game.prep_over()
    with pytest.raises(RoundStateError):
        game.submit("too early")
    clock.advance(15)
    assert game.prep_over()
    game.start_answering()
    assert game.phase is Phase.ANSWERING and game.prep_remaining() is None
    assert game.remaining() == 60  # the prep did not eat into the answer's time
    clock.advance(61)
    assert game.expired()
    answer = game.submit("", timed_out=True)
    assert answer.graded.timed_out and answer.graded.seconds == 61


def test_the_player_may_end_prep_early() -> None:
    game, clock, _ = make(prep=60)
    game.take_seat()
    clock.advance(5)
    game.start_answering()
    clock.advance(12)
    assert game.submit(WEAK).graded.seconds == 12


def test_moves_out_of_order_are_refused() -> None:
    game, _, _ = make()
    with pytest.raises(RoundStateError):
        game.submit("not seated")
    with pytest.raises(RoundStateError):
        game.next()
    game.take_seat()
    with pytest.raises(RoundStateError):
        game.start_answering()  # no prep in this round


def test_check_players_tidies_names_and_refuses_bad_clubs() -> None:
    assert check_players(["  Ada  Lovelace ", "Bo\x1b[31m", "Cy"]) == ("Ada Lovelace", "Bo", "Cy")
    with pytest.raises(ClubSetupError, match="already playing"):
        check_players(["Ada", "ADA"])
    with pytest.raises(ClubSetupError, match="at least 2"):
        check_players(["Ada"])
    with pytest.raises(ClubSetupError, match="at most 12"):
        check_players([f"P{n}" for n in range(13)])
    with pytest.raises(ClubSetupError, match="empty"):
        check_players(["Ada", " \x1b[2J "])
    with pytest.raises(ClubSetupError, match="exactly 2"):
        check_players(["Ada", "Bo", "Cy"], least=2, most=2)
    assert check_players(["x" * 60, "y"])[0] == "x" * 40


def test_two_sided_planning_keeps_positions_with_both_rubrics() -> None:
    rng = random.Random(1)
    turns = plan_two_sided(TINY, RoundSpec(kind="all"), rng, first="defend")
    assert turns == [Turn("rest-helps", "defend")]
    assert len(plan_two_sided(DEBATE, RoundSpec(kind="random", count=2), rng)) == 2
    with pytest.raises(ClubSetupError, match="both sides"):
        plan_two_sided(TINY, RoundSpec(kind="single", position_id="saves-money"), rng)
    only_rebut = TINY.model_copy(update={"positions": TINY.positions[1:2]})
    with pytest.raises(ClubSetupError, match="no position with both"):
        plan_two_sided(only_rebut, RoundSpec(kind="all"), rng)
