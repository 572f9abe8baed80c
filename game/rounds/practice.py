"""The practice round: answer a position, see it graded, retry or move on, then a summary.

The round is a small state machine with no knowledge of screens or files, so the full-screen
game and plain mode play exactly the same rounds. Grading and time are passed in, which keeps
it deterministic under test.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from game.rounds.plan import Turn

if TYPE_CHECKING:
    from game.grading.result import Result
    from game.packs.model import Pack, Position, Stance

GradeFn = Callable[[str, str, "Stance"], "Result"]
"""Grades ``(answer, position_id, stance)``; ``Grader(pack).grade`` fits."""
Clock = Callable[[], datetime]
"""Returns the current time (timezone-aware, UTC)."""


class Phase(enum.Enum):
    """Where the round is."""

    ANSWERING = "answering"
    """The player is writing an answer to the current turn."""
    GRADED = "graded"
    """The last answer was graded; the player may retry or go on."""
    SUMMARY = "summary"
    """The round is over."""


class RoundStateError(RuntimeError):
    """An action that the round's current phase does not allow (a bug in the caller)."""


@dataclass(frozen=True)
class GradedAnswer:
    """One graded attempt at one turn."""

    turn_index: int
    """Index of the turn in the round (0-based)."""
    position_id: str
    """The position answered."""
    stance: Stance
    """The stance the player took."""
    answer: str
    """The answer exactly as submitted."""
    result: Result
    """The grader's verdict."""
    seconds: float
    """Time from the start of the attempt to its submission."""
    at: datetime
    """When the answer was submitted."""
    try_number: int
    """1 for the first attempt at this turn, 2 for the first retry, and so on."""
    timed_out: bool = False
    """The answer was submitted by the timer running out."""

    @property
    def score(self) -> int:
        """The score of this attempt (0..100)."""
        return self.result.score


@dataclass(frozen=True)
class TurnScore:
    """How the player did on one turn: the best attempt counts."""

    index: int
    """Index of the turn in the round (0-based)."""
    position_id: str
    """The position."""
    stance: Stance
    """The stance taken."""
    claim: str
    """The position's claim, for display."""
    best: int
    """The best score over all attempts."""
    last: int
    """The score of the latest attempt."""
    tries: int
    """How many attempts were graded."""


@dataclass(frozen=True)
class RoundSummary:
    """The round at a glance."""

    turns: tuple[TurnScore, ...]
    """Every turn answered at least once, in playing order."""
    planned: int
    """How many turns the round had."""
    total: int
    """Sum of the turns' best scores."""
    average: float
    """Mean of the turns' best scores (0 when nothing was answered)."""
    best: TurnScore | None
    """The turn with the highest best score (the earliest on a tie)."""
    weakest: TurnScore | None
    """The turn with the lowest best score (the earliest on a tie)."""

    @property
    def answered(self) -> int:
        """How many turns were answered at least once."""
        return len(self.turns)

    @property
    def out_of(self) -> int:
        """The highest total possible for the turns answered."""
        return 100 * len(self.turns)


class PracticeRound:
    """A practice round over a fixed list of turns.

    Phases: ``ANSWERING`` -> ``submit`` -> ``GRADED`` -> ``retry`` (same turn) or ``next``
    (next turn, or ``SUMMARY`` after the last). ``finish`` ends the round early.
    """

    def __init__(
        self,
        pack: Pack,
        turns: Sequence[Turn],
        grade: GradeFn,
        clock: Clock,
        time_limit: float | None = None,
    ) -> None:
        """Start the round at its first turn.

        Args:
            pack: The pack the turns come from.
            turns: The turns to play, in order (see ``game.rounds.plan.plan_round``).
            grade: Grades an answer to a position in a stance.
            clock: Gives the current time; attempts are timed with it.
            time_limit: Seconds allowed per answer, or None for no limit.

        Raises:
            ValueError: no turns, an unknown position, a stance the position lacks, or a
                limit that is not positive.
        """
        if not turns:
            raise ValueError("a round needs at least one turn")
        for turn in turns:
            try:
                position = pack.position(turn.position_id)
            except KeyError:
                raise ValueError(f"pack {pack.id!r} has no position {turn.position_id!r}") from None
            if turn.stance not in position.stances:
                raise ValueError(f"position {turn.position_id!r} has no {turn.stance} rubric")
        if time_limit is not None and time_limit <= 0:
            raise ValueError("the time limit must be positive")
        self.pack = pack
        """The pack being played."""
        self.turns: tuple[Turn, ...] = tuple(turns)
        """The turns, in playing order."""
        self.time_limit = time_limit
        """Seconds allowed per answer, or None."""
        self._grade = grade
        self._clock = clock
        self._phase = Phase.ANSWERING
        self._index = 0
        self._started = clock()
        self._attempts: list[GradedAnswer] = []

    # -- where the round is ---------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        """The current phase."""
        return self._phase

    @property
    def index(self) -> int:
        """Index of the current turn (0-based); stays on the last turn in ``SUMMARY``."""
        return self._index

    @property
    def turn(self) -> Turn:
        """The current turn."""
        return self.turns[self._index]

    @property
    def position(self) -> Position:
        """The current turn's position."""
        return self.pack.position(self.turn.position_id)

    @property
    def stance(self) -> Stance:
        """The current turn's stance."""
        return self.turn.stance

    @property
    def is_last(self) -> bool:
        """Whether the current turn is the round's last."""
        return self._index == len(self.turns) - 1

    @property
    def attempts(self) -> tuple[GradedAnswer, ...]:
        """Every graded attempt, oldest first."""
        return tuple(self._attempts)

    @property
    def last(self) -> GradedAnswer | None:
        """The latest graded attempt, if any."""
        return self._attempts[-1] if self._attempts else None

    def tries(self, index: int | None = None) -> int:
        """How many attempts were graded for a turn (default: the current one)."""
        wanted = self._index if index is None else index
        return sum(1 for a in self._attempts if a.turn_index == wanted)

    def elapsed(self) -> float:
        """Seconds since the current attempt started."""
        return max(0.0, (self._clock() - self._started).total_seconds())

    def remaining(self) -> float | None:
        """Seconds left on the timer for the current attempt, or None without a limit."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.elapsed())

    def expired(self) -> bool:
        """Whether the timer has run out while the player is answering."""
        left = self.remaining()
        return self._phase is Phase.ANSWERING and left is not None and left <= 0

    # -- moves ----------------------------------------------------------------------------

    def submit(self, answer: str, *, timed_out: bool = False) -> GradedAnswer:
        """Grade ``answer`` for the current turn and record the attempt.

        The time taken is measured before grading, so a slow grader never counts against
        the player.

        Raises:
            RoundStateError: not answering.
        """
        self._require(Phase.ANSWERING, "submit an answer")
        at = self._clock()
        seconds = max(0.0, (at - self._started).total_seconds())
        turn = self.turn
        result = self._grade(answer, turn.position_id, turn.stance)
        attempt = GradedAnswer(
            turn_index=self._index,
            position_id=turn.position_id,
            stance=turn.stance,
            answer=answer,
            result=result,
            seconds=seconds,
            at=at,
            try_number=self.tries() + 1,
            timed_out=timed_out,
        )
        self._attempts.append(attempt)
        self._phase = Phase.GRADED
        return attempt

    def restart_clock(self) -> None:
        """Start timing the current answer now: preparation time before it is not counted.

        Raises:
            RoundStateError: not answering.
        """
        self._require(Phase.ANSWERING, "restart the clock")
        self._started = self._clock()

    def retry(self) -> None:
        """Answer the current turn again; the timer starts afresh.

        Raises:
            RoundStateError: the current answer is not graded yet.
        """
        self._require(Phase.GRADED, "retry")
        self._phase = Phase.ANSWERING
        self._started = self._clock()

    def next(self) -> Phase:
        """Go on to the next turn, or to the summary after the last.

        Returns:
            The phase after moving: ``ANSWERING`` or ``SUMMARY``.

        Raises:
            RoundStateError: the current answer is not graded yet.
        """
        self._require(Phase.GRADED, "go to the next position")
        if self.is_last:
            self._phase = Phase.SUMMARY
            return self._phase
        self._index += 1
        self._phase = Phase.ANSWERING
        self._started = self._clock()
        return self._phase

    def finish(self) -> None:
        """End the round now; turns not yet answered are left out of the summary."""
        self._phase = Phase.SUMMARY

    # -- results --------------------------------------------------------------------------

    def summary(self) -> RoundSummary:
        """Scores per turn (best attempt counts), total, average, best and weakest."""
        scores: list[TurnScore] = []
        for index, turn in enumerate(self.turns):
            mine = [a for a in self._attempts if a.turn_index == index]
            if not mine:
                continue
            scores.append(
                TurnScore(
                    index=index,
                    position_id=turn.position_id,
                    stance=turn.stance,
                    claim=self.pack.position(turn.position_id).claim,
                    best=max(a.score for a in mine),
                    last=mine[-1].score,
                    tries=len(mine),
                )
            )
        total = sum(s.best for s in scores)
        return RoundSummary(
            turns=tuple(scores),
            planned=len(self.turns),
            total=total,
            average=total / len(scores) if scores else 0.0,
            best=max(scores, key=lambda s: s.best, default=None),
            weakest=min(scores, key=lambda s: s.best, default=None),
        )

    def _require(self, phase: Phase, doing: str) -> None:
        if self._phase is not phase:
            raise RoundStateError(f"cannot {doing} while {self._phase.value}")
