"""The score line a player reads must be checkable by hand: no long decimals."""

from game.grading.result import PointResult, Result


def test_arithmetic_rounds_weights_a_player_can_add_up() -> None:
    made = PointResult("p", "An argument.", weight=1.5, matched=True, confidence=0.9)
    missed = PointResult("q", "Another.", weight=2.0, matched=False, confidence=0.1)
    result = Result("pos", "rebut", score=29, earned=1.5, full_marks=36 / 7, points=(made, missed))
    assert result.arithmetic == "1.5 = 1.5 of 5.14 full marks -> 29/100"
    assert result.missed == (missed,)
