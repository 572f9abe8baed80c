"""The player's answer after grading, with the evidence of each matched point highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from game.ui.text import highlighted

if TYPE_CHECKING:
    from game.grading.result import PointResult


class AnswerView(Static):
    """Read-only view of an answer; matched points are numbered in the order given."""

    DEFAULT_CSS = """
    AnswerView { height: auto; }
    """

    def __init__(
        self, answer: str, made: tuple[PointResult, ...], *, id: str | None = None
    ) -> None:
        marks = [(n, span) for n, point in enumerate(made, 1) for span in point.evidence]
        body = (
            highlighted(answer, marks, "bold $text-success on $success-muted", "bold $success")
            if answer.strip()
            else highlighted("(no answer)", [], "", "")
        )
        super().__init__(body, id=id)
