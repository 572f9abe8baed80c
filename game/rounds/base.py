"""What every round shares: a pack's turns in order, the answer clock, and grading one answer.

Practice rounds (one player, retries) and club rounds (seats in turn) differ in who answers
and what comes after an answer; where the round is, how long the answer took and how it is
graded are the same, and live here once. Grading and time are passed in, so the rounds stay
deterministic under test.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

if TYPE_CHECKING:
    from game.grading.result import Result
    from game.packs.model import Pack, Position, Stance
    from game.rounds.plan import Turn

GradeFn = Callable[[str, str, "Stance"], "Result"]
"""Grades ``(answer, position_id, stance)``; ``Grader(pack).grade`` fits."""
Clock = Callable[[], datetime]
"""Returns the current time (timezone-aware, UTC)."""

PhaseT = TypeVar("PhaseT", bound=enum.Enum)


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


def check_stances(
    pack: Pack, turns: Sequence[Turn], stances_of: Callable[[int, Turn], Iterable[Stance]]
) -> None:
    """Check that every turn names a position of ``pack`` with a rubric for each stance taken.

    Args:
        pack: The pack the turns come from.
        turns: The turns, in order.
        stances_of: The stances taken on a turn, given its index and the turn.

    Raises:
        ValueError: an unknown position, or a stance the position lacks.
    """
    for index, turn in enumerate(turns):
        try:
            position = pack.position(turn.position_id)
        except KeyError:
            raise ValueError(f"pack {pack.id!r} has no position {turn.position_id!r}") from None
        for stance in stances_of(index, turn):
            if stance not in position.stances:
                raise ValueError(f"position {turn.position_id!r} has no {stance} rubric")


class TurnRound(Generic[PhaseT]):
    """The turns of one pack, the current one, and the clock of the answer being written.

    Subclasses say which phases they go through; ``ANSWERING`` names the one in which the
    answer clock runs out.
    """

    ANSWERING: ClassVar[enum.Enum]
    """The subclass's phase in which an answer is being written."""

    def __init__(
        self,
        pack: Pack,
        turns: Sequence[Turn],
        grade: GradeFn,
        clock: Clock,
        time_limit: float | None,
        phase: PhaseT,
    ) -> None:
        """Start at the first turn, in ``phase``, with the clock started now (already checked)."""
        self.pack = pack
        """The pack being played."""
        self.turns: tuple[Turn, ...] = tuple(turns)
        """The turns, in playing order."""
        self.time_limit = time_limit
        """Seconds allowed per answer, or None."""
        self._grade = grade
        self._clock = clock
        self._phase: PhaseT = phase
        self._index = 0
        self._started = clock()

    # -- where the round is ---------------------------------------------------------------

    @property
    def phase(self) -> PhaseT:
        """The current phase."""
        return self._phase

    @property
    def index(self) -> int:
        """Index of the current turn (0-based); stays on the last turn at the end."""
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
    def is_last(self) -> bool:
        """Whether the current turn is the round's last."""
        return self._index == len(self.turns) - 1

    # -- the answer clock -----------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds since the current attempt (or preparation) started."""
        return max(0.0, (self._clock() - self._started).total_seconds())

    def remaining(self) -> float | None:
        """Seconds left on the timer for the current answer, or None without a limit."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - self.elapsed())

    def expired(self) -> bool:
        """Whether the timer has run out while the player is answering."""
        left = self.remaining()
        return self._phase is self.ANSWERING and left is not None and left <= 0

    # -- grading --------------------------------------------------------------------------

    def _graded(
        self, answer: str, stance: Stance, try_number: int, timed_out: bool
    ) -> GradedAnswer:
        """Grade ``answer`` to the current turn in ``stance``, timed up to now.

        The time taken is measured before grading, so a slow grader never counts against
        the player.
        """
        at = self._clock()
        seconds = max(0.0, (at - self._started).total_seconds())
        position_id = self.turn.position_id
        return GradedAnswer(
            turn_index=self._index,
            position_id=position_id,
            stance=stance,
            answer=answer,
            result=self._grade(answer, position_id, stance),
            seconds=seconds,
            at=at,
            try_number=try_number,
            timed_out=timed_out,
        )

    def _require(self, phase: PhaseT, doing: str) -> None:
        if self._phase is not phase:
            raise RoundStateError(f"cannot {doing} while {self._phase.value}")
