"""An answer with the words behind each point marked: made points strongly, near misses lightly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from game.safe_text import clean

if TYPE_CHECKING:
    from game.grading.result import PointResult, Span

MADE = "bold $text-success on $success-muted"
NEAR = "underline $text-warning"
NEAR_FLOOR = 0.25
"""Near misses below this confidence are not marked: they would mark half of any answer."""


@dataclass(frozen=True)
class Mark:
    """Evidence for one point: its number, where it is in the answer, whether it was made."""

    number: int
    span: Span
    made: bool


def marks_of(points: tuple[PointResult, ...]) -> list[Mark]:
    """Marks for every point with evidence: made ones, and near misses worth a look."""
    found: list[Mark] = []
    for number, point in enumerate(points, 1):
        if point.matched or point.confidence >= NEAR_FLOOR:
            found.extend(Mark(number, span, point.matched) for span in point.evidence)
    return found


def evidence(answer: str, marks: list[Mark]) -> Content:
    """``answer`` with each mark's span styled and followed by ``[n]`` (made) or ``(n)`` (near).

    Offsets refer to the answer as typed, so it is cleaned piece by piece between span edges
    (cleaning the whole could shorten it and shift every later offset).
    """
    size = len(answer)
    cuts = {0, size}
    for mark in marks:
        cuts.update((max(0, min(mark.span.start, size)), max(0, min(mark.span.end, size))))
    edges = sorted(cuts)
    ends: dict[int, list[Mark]] = {}
    for mark in marks:
        ends.setdefault(max(0, min(mark.span.end, size)), []).append(mark)
    parts: list[Content] = []
    for start, end in zip(edges, edges[1:], strict=False):
        covering = [m for m in marks if m.span.start <= start and end <= m.span.end]
        style = MADE if any(m.made for m in covering) else NEAR if covering else ""
        parts.append(Content.styled(clean(answer[start:end]), style))
        shown: set[tuple[int, bool]] = set()
        for mark in sorted(ends.get(end, ()), key=lambda m: (m.number, not m.made)):
            if (mark.number, mark.made) in shown:
                continue
            shown.add((mark.number, mark.made))
            label = f"[{mark.number}]" if mark.made else f"({mark.number})"
            parts.append(Content.styled(label, "bold $success" if mark.made else "$warning"))
    return Content.assemble(*parts)


class EvidenceView(Static):
    """The answer last graded, with its evidence marked."""

    DEFAULT_CSS = """
    EvidenceView { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks: list[Mark] = []
        """The marks shown, for the lab's tests and its point list."""

    def show(self, answer: str, points: tuple[PointResult, ...]) -> None:
        """Mark the evidence of ``points`` in ``answer`` (the text they were graded on)."""
        self.marks = marks_of(points)
        self.update(evidence(answer, self.marks))
