"""Rubric points as a list: the ones made (with weight) or the ones missed (with why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from game.ui.text import literal

if TYPE_CHECKING:
    from game.grading.result import PointResult


class PointList(Static):
    """Points made are numbered to match the highlights in the answer; missed ones teach."""

    DEFAULT_CSS = """
    PointList { height: auto; }
    """

    def __init__(
        self, points: tuple[PointResult, ...], *, made: bool, id: str | None = None
    ) -> None:
        super().__init__(self.build(points, made=made), id=id)

    @staticmethod
    def build(points: tuple[PointResult, ...], *, made: bool) -> Content:
        """The list as one Content, a blank line between points."""
        if not points:
            none = "None yet: see the points below." if made else "None: you made every point."
            return Content.styled(none, "italic $foreground-muted")
        lines: list[Content] = []
        for number, point in enumerate(points, 1):
            weight = f"×{point.weight:g}"
            if made:
                head = Content.assemble(
                    (f"✓ [{number}] ", "bold $success"), (weight, "$foreground-muted"), " "
                )
                lines.append(head + literal(point.argument))
                continue
            mark = "✗ opposite argued " if point.contradicted else "✗ "
            head = Content.assemble((mark, "bold $error"), (weight, "$foreground-muted"), " ")
            lines.append(head + literal(point.argument, "bold"))
            if point.explanation:
                lines.append(Content("    ") + literal(point.explanation, "$foreground-muted"))
        return Content("\n").join(lines)
