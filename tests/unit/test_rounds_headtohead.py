"""Head-to-head: one defends, one rebuts, sides swap; the match winner and the score line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from game.packs.model import Pack
from game.rounds.club import Phase
from game.rounds.headtohead import HeadToHeadRound
from game.rounds.plan import Turn
from tests.fixtures.ui.clock import FakeClock
from tests.fixtures.ui.scripted import ScriptedGrader

DEBATE = Pack.model_validate(
    yaml.safe_load(
        (Path(__file__).parents[1] / "fixtures" / "club" / "debate.yaml").read_text("utf-8")
    )
)
TURNS = [
    Turn("homework-stress", "rebut"),
    Turn("play-matters", "rebut"),
    Turn("teachers-time", "defend"),
]
# What the scripted grader credits (two long words of a point's argument each).
DEFEND_STRESS = "Tired children spend evenings arguing over worksheets."
REBUT_STRESS = "Small amounts build routine. Homework shows parents what children are learning."
DEFEND_PLAY = "Playing with friends builds social skills and imagination."
REBUT_PLAY = "Reading and sums need regular practice."
NOTHING = "No."


START = datetime(2024, 5, 2, 18, 0, tzinfo=UTC)
"""When every round of this module starts."""


def make(turns=TURNS, **options):
    clock = FakeClock(START)
    grader = ScriptedGrader(DEBATE)
    return HeadToHeadRound(DEBATE, turns, ("Ada", "Bo"), grader.grade, clock, **options), clock


def answer(game: HeadToHeadRound, text: str) -> None:
    game.take_seat()
    game.submit(text)


def test_the_defender_goes_first_and_sides_swap_on_the_next_position() -> None:
    game, _ = make()
    assert [(s.player, s.stance) for s in game.seats(0)] == [("Ada", "defend"), ("Bo", "rebut")]
    assert [(s.player, s.stance) for s in game.seats(1)] == [("Bo", "defend"), ("Ada", "rebut")]
    assert game.seat.player == "Ada" and game.seat.stance == "defend"
    answer(game, DEFEND_STRESS)
    assert game.phase is Phase.HANDOVER and game.seat.player == "Bo"
    assert game.exchange(0) is None  # nothing to show until both answers are in
    answer(game, REBUT_STRESS)
    assert game.phase is Phase.REVEAL
    exchange = game.exchange(0)
    assert exchange is not None
    assert (exchange.defence.player, exchange.rebuttal.player) == ("Ada", "Bo")
    assert exchange.defence.graded.stance == "defend" and exchange.rebuttal.graded.stance == "rebut"
    game.next()
    assert game.seat.player == "Bo" and game.seat.stance == "defend"


def test_the_match_goes_to_more_positions_taken() -> None:
    game, _ = make()
    answer(game, DEFEND_STRESS)  # Ada defends: one point of weight 2
    answer(game, REBUT_STRESS)  # Bo rebuts: both points
    game.next()
    answer(game, NOTHING)  # Bo defends: nothing
    answer(game, REBUT_PLAY)  # Ada rebuts: the heavy point
    game.next()
    answer(game, NOTHING)  # Ada defends
    answer(game, NOTHING)  # Bo rebuts: a draw at 0
    assert game.next() is Phase.SUMMARY
    result = game.result()
    assert result.wins == (1, 1) and result.draws == 1
    first = result.exchanges[0]
    assert first.winner == "Bo" and first.of("Ada") is first.defence
    assert result.points_made == (2, 2)
    assert result.line() == "Ada 1 – 1 Bo (1 drawn)"
    # Level on positions: the total decides, and the verdict says so.
    assert result.winner == ("Ada" if result.totals[0] > result.totals[1] else "Bo")
    assert "Level on positions (1 – 1)" in result.verdict()


def test_a_clear_win_and_a_true_draw() -> None:
    game, _ = make(turns=TURNS[:2])
    answer(game, DEFEND_STRESS)
    answer(game, NOTHING)
    game.next()
    answer(game, NOTHING)
    answer(game, REBUT_PLAY)
    result = game.result()
    assert result.wins == (2, 0) and result.winner == "Ada"
    assert result.verdict() == "Ada wins the match, 2 positions to 0."

    level, _ = make(turns=TURNS[:1])
    answer(level, NOTHING)
    answer(level, NOTHING)
    tie = level.result()
    assert tie.winner is None and tie.verdict().startswith("A draw")


def test_an_unfinished_exchange_does_not_count() -> None:
    game, _ = make()
    answer(game, DEFEND_STRESS)
    game.finish()
    result = game.result()
    assert result.exchanges == () and result.wins == (0, 0)
    assert result.verdict() == "No position was argued by both players."


def test_prep_and_timer_apply_to_both_players() -> None:
    game, clock = make(prep=15, time_limit=30)
    assert game.take_seat() is Phase.PREP
    clock.advance(15)
    assert game.prep_over()
    game.start_answering()
    clock.advance(31)
    assert game.expired()
    game.submit("", timed_out=True)
    assert game.take_seat() is Phase.PREP  # the second player gets the same prep


def test_head_to_head_is_for_two_players_and_two_sided_positions() -> None:
    grader = ScriptedGrader(DEBATE)
    with pytest.raises(ValueError, match="exactly two"):
        HeadToHeadRound(DEBATE, TURNS, ("Ada", "Bo", "Cy"), grader.grade, FakeClock(START))
    from tests.fixtures.ui.scripted import load

    tiny = load("tiny")
    with pytest.raises(ValueError, match="no defend rubric"):
        HeadToHeadRound(
            tiny, [Turn("saves-money", "rebut")], ("Ada", "Bo"), grader.grade, FakeClock(START)
        )
