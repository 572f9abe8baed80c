"""The practice round: answer a position, see it graded, retry or move on, then a summary.

The round is a small state machine with no knowledge of screens or files, so the full-screen
game and plain mode play exactly the same rounds. Grading and time are passed in, which keeps
it deterministic under test.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.rounds.base import Clock, GradedAnswer, GradeFn, TurnRound, check_stances

if TYPE_CHECKING:
    from game.packs.model import Pack, Stance
    from game.rounds.plan import Turn


class Phase(enum.Enum):
    """Where the round is."""

    ANSWERING = "answering"
    """The player is writing an answer to the current turn."""
    GRADED = "graded"
    """The last answer was graded; the player may retry or go on."""
    SUMMARY = "summary"
    """The round is over."""


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


class PracticeRound(TurnRound[Phase]):
    """A practice round over a fixed list of turns.

    Phases: ``ANSWERING`` -> ``submit`` -> ``GRADED`` -> ``retry`` (same turn) or ``next``
    (next turn, or ``SUMMARY`` after the last). ``finish`` ends the round early.
    """

    ANSWERING = Phase.ANSWERING

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
        check_stances(pack, turns, lambda _, turn: (turn.stance,))
        if time_limit is not None and time_limit <= 0:
            raise ValueError("the time limit must be positive")
        super().__init__(pack, turns, grade, clock, time_limit, Phase.ANSWERING)
        self._attempts: list[GradedAnswer] = []

    # -- where the round is ---------------------------------------------------------------

    @property
    def stance(self) -> Stance:
        """The current turn's stance."""
        return self.turn.stance

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

    # -- moves ----------------------------------------------------------------------------

    def submit(self, answer: str, *, timed_out: bool = False) -> GradedAnswer:
        """Grade ``answer`` for the current turn and record the attempt.

        Raises:
            RoundStateError: not answering.
        """
        self._require(Phase.ANSWERING, "submit an answer")
        attempt = self._graded(answer, self.turn.stance, self.tries() + 1, timed_out)
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
