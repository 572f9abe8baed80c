"""The practice round state machine: answer, grade, retry or go on, summary."""

from __future__ import annotations

import pytest

from game.rounds.base import RoundStateError
from game.rounds.plan import Turn
from game.rounds.practice import Phase, PracticeRound
from tests.fixtures.ui.clock import FakeClock
from tests.fixtures.ui.scripted import ScriptedGrader, load

PACK = load("tiny")
TURNS = [Turn("rest-helps", "rebut"), Turn("saves-money", "rebut"), Turn("teachers-stay", "defend")]
STRONG = (
    "Four longer school days tire pupils and exhaust children. "
    "Working parents must pay for childcare on the extra day. "
    "Pupils lose teaching time and fall behind in reading and maths."
)
WEAK = "Longer days exhaust children."
NONSENSE = "bananas"


def make(turns: list[Turn] = TURNS, limit: float | None = None):
    clock = FakeClock()
    grader = ScriptedGrader(PACK)
    return PracticeRound(PACK, turns, grader.grade, clock, time_limit=limit), clock, grader


def test_a_whole_round_with_a_retry() -> None:
    game, clock, grader = make()
    assert game.phase is Phase.ANSWERING and game.position.id == "rest-helps"
    clock.advance(40)
    first = game.submit(WEAK)
    assert game.phase is Phase.GRADED
    assert first.seconds == 40 and first.try_number == 1 and first.at == clock.now
    assert grader.calls == [(WEAK, "rest-helps", "rebut")]

    game.retry()
    assert game.phase is Phase.ANSWERING and game.position.id == "rest-helps"
    clock.advance(25)
    second = game.submit(STRONG)
    assert second.seconds == 25 and second.try_number == 2 and second.score > first.score

    game.next()
    assert game.position.id == "saves-money" and game.stance == "rebut"
    game.submit("The savings are small because salaries stay the same.")
    game.next()
    assert game.position.id == "teachers-stay" and game.is_last
    game.submit(NONSENSE)
    game.next()
    assert game.phase is Phase.SUMMARY
    assert len(game.attempts) == 4


def test_summary_counts_the_best_attempt_and_names_best_and_weakest() -> None:
    game, _, _ = make()
    game.submit(WEAK)
    game.retry()
    game.submit(STRONG)
    game.next()
    game.submit("The savings are small because salaries stay the same.")
    game.next()
    game.submit(NONSENSE)
    game.next()
    summary = game.summary()
    scores = {s.position_id: s for s in summary.turns}
    assert scores["rest-helps"].best == 100 and scores["rest-helps"].tries == 2
    assert scores["rest-helps"].last == 100
    assert scores["teachers-stay"].best == 0
    assert summary.total == sum(s.best for s in summary.turns)
    assert summary.average == pytest.approx(summary.total / 3)
    assert summary.out_of == 300 and summary.planned == 3
    assert summary.best is not None and summary.best.position_id == "rest-helps"
    assert summary.weakest is not None and summary.weakest.position_id == "teachers-stay"


def test_retry_keeps_the_best_score_even_when_the_retry_is_worse() -> None:
    game, _, _ = make(TURNS[:1])
    game.submit(STRONG)
    game.retry()
    game.submit(NONSENSE)
    (only,) = game.summary().turns
    assert only.best == 100 and only.last == 0 and only.tries == 2


def test_ties_name_the_earliest_turn() -> None:
    game, _, _ = make()
    for _ in TURNS:
        game.submit(NONSENSE)
        game.next()
    summary = game.summary()
    assert summary.best is not None and summary.best.index == 0
    assert summary.weakest is not None and summary.weakest.index == 0


def test_finishing_early_summarises_only_what_was_answered() -> None:
    game, _, _ = make()
    game.submit(STRONG)
    game.next()
    game.finish()
    summary = game.summary()
    assert game.phase is Phase.SUMMARY
    assert [s.position_id for s in summary.turns] == ["rest-helps"]
    assert summary.planned == 3 and summary.average == 100


def test_empty_summary_has_no_best_or_weakest() -> None:
    game, _, _ = make()
    game.finish()
    summary = game.summary()
    assert summary.turns == () and summary.best is None and summary.average == 0


@pytest.mark.parametrize("move", ["retry", "next"])
def test_cannot_move_on_before_an_answer_is_graded(move: str) -> None:
    game, _, _ = make()
    with pytest.raises(RoundStateError):
        getattr(game, move)()


def test_cannot_submit_twice() -> None:
    game, _, _ = make()
    game.submit(WEAK)
    with pytest.raises(RoundStateError):
        game.submit(WEAK)


def test_each_attempt_is_timed_from_its_own_start() -> None:
    game, clock, _ = make()
    clock.advance(10)
    game.submit(WEAK)
    clock.advance(100)  # reading the feedback does not count
    game.next()
    clock.advance(7)
    assert game.submit(WEAK).seconds == 7


def test_timer_counts_down_and_expires_only_while_answering() -> None:
    game, clock, _ = make(limit=30)
    assert game.remaining() == 30 and not game.expired()
    clock.advance(29.5)
    assert game.remaining() == pytest.approx(0.5)
    clock.advance(1)
    assert game.remaining() == 0 and game.expired()
    attempt = game.submit("late", timed_out=True)
    assert attempt.timed_out and not game.expired()
    game.retry()
    assert game.remaining() == 30


def test_no_limit_never_expires() -> None:
    game, clock, _ = make()
    clock.advance(10_000)
    assert game.remaining() is None and not game.expired()


@pytest.mark.parametrize(
    "turns",
    [[], [Turn("nope", "rebut")], [Turn("teachers-stay", "rebut")]],
)
def test_bad_turns_are_refused(turns: list[Turn]) -> None:
    with pytest.raises(ValueError):
        make(turns)


def test_time_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        make(limit=0)
