"""Foreign text (packs, players, grader messages) turned into literal, terminal-safe Content.

Nothing that came from a pack or a player is ever parsed as markup: it is cleaned of terminal
controls and wrapped in ``Content`` so brackets show as brackets and cannot restyle or act.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from game.safe_text import clean, shorten
from game.ui.words import INSTRUCTIONS

if TYPE_CHECKING:
    from game.grading.result import Span
    from game.packs.model import Stance


def literal(text: str, style: str = "") -> Content:
    """``text`` cleaned and shown exactly as written, optionally in one style."""
    return Content.styled(clean(text), style)


def short(text: str, limit: int = 80, style: str = "") -> Content:
    """``text`` cleaned, on one line, cut to ``limit`` characters."""
    return Content.styled(shorten(text, limit), style)


def instruction(stance: Stance) -> Content:
    """The plain instruction for a stance, e.g. "Rebut this: argue that it is wrong."."""
    head, tail = INSTRUCTIONS[stance]
    colour = "$error" if stance == "rebut" else "$success"
    return Content.assemble((head, f"bold {colour}"), ": ", tail)


def highlighted(
    answer: str, marks: Sequence[tuple[int, Span]], style: str, marker_style: str
) -> Content:
    """The answer with each evidence span styled and followed by its point's number.

    Offsets refer to the answer as typed, so the text is cleaned piece by piece between span
    boundaries rather than as a whole (cleaning can shorten it and shift later offsets).

    Args:
        answer: The answer exactly as submitted.
        marks: (point number, span) pairs; spans may overlap.
        style: Style of the highlighted evidence.
        marker_style: Style of the ``[n]`` marker after a span.
    """
    cuts = {0, len(answer)}
    for _, span in marks:
        cuts.update((max(0, min(span.start, len(answer))), max(0, min(span.end, len(answer)))))
    edges = sorted(cuts)
    ends: dict[int, list[int]] = {}
    for number, span in marks:
        ends.setdefault(min(span.end, len(answer)), []).append(number)
    parts: list[Content] = []
    for start, end in zip(edges, edges[1:], strict=False):
        covered = any(span.start <= start and end <= span.end for _, span in marks)
        parts.append(Content.styled(clean(answer[start:end]), style if covered else ""))
        for number in sorted(set(ends.get(end, ()))):
            parts.append(Content.styled(f"[{number}]", marker_style))
    return Content.assemble(*parts)
