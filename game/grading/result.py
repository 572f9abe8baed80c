"""What grading returns (**contract**): per-point verdicts, the score and how it was reached."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from game.packs.model import Stance

WarningCode = Literal[
    "empty",  # nothing gradable in the answer
    "too-long",  # over the size cap; refused
    "echo",  # restates the position's own claim or quote
    "salad",  # a list of topic words without sentences
    "contradiction",  # asserts the opposite of a point
    "wrong-side",  # argues the other stance
    "stuffing",  # word lists or repeated words padding an answer; they earn nothing
    "crowded",  # more points packed into one sentence than it can be credited with
]


@dataclass(frozen=True)
class Span:
    """A stretch of the answer, as character offsets into the text the player typed."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""


@dataclass(frozen=True)
class PointResult:
    """The verdict on one rubric point."""

    point_id: str
    """The point's id in the pack."""
    argument: str
    """The point's argument, for display."""
    weight: float
    """The point's weight in the pack."""
    matched: bool
    """Whether the answer makes this point."""
    confidence: float
    """0..1: how close the answer came; ranks points even when none matched."""
    evidence: tuple[Span, ...] = ()
    """The parts of the answer that made (or came closest to making) the point."""
    contradicted: bool = False
    """The answer asserted the opposite of this point."""
    explanation: str | None = None
    """The pack's explanation of the point, to teach it."""
    refused: str | None = None
    """Why a point the words came close to was not credited: a WarningCode, or None."""


@dataclass(frozen=True)
class GradeWarning:
    """Something the player should know about the answer, in plain words."""

    code: WarningCode
    """Machine-readable kind of warning."""
    message: str
    """One or two plain sentences for the player."""


@dataclass(frozen=True)
class Result:
    """The graded answer: what ``grade`` returns."""

    position_id: str
    """The position answered."""
    stance: Stance
    """The stance the player was asked to take."""
    score: int
    """0..100: earned weight over full marks, capped at 100."""
    earned: float
    """Sum of the weights of the matched points."""
    full_marks: float
    """The weight that earns 100."""
    points: tuple[PointResult, ...]
    """One verdict per rubric point of the stance, in pack order."""
    warnings: tuple[GradeWarning, ...] = field(default=())
    """What was refused and why."""

    @property
    def matched(self) -> tuple[PointResult, ...]:
        """The points the answer made."""
        return tuple(p for p in self.points if p.matched)

    @property
    def missed(self) -> tuple[PointResult, ...]:
        """The points the answer did not make, most nearly made first."""
        return tuple(sorted((p for p in self.points if not p.matched), key=lambda p: -p.confidence))

    @property
    def arithmetic(self) -> str:
        """How the score was computed, in one line a player can check."""
        parts = " + ".join(_number(p.weight) for p in self.matched) or "0"
        earned, full = _number(self.earned), _number(self.full_marks)
        return f"{parts} = {earned} of {full} full marks -> {self.score}/100"


def _number(value: float) -> str:
    """A weight as a player reads it: at most two decimals (5.14286 -> 5.14)."""
    return f"{round(value, 2):g}"
