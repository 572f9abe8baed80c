"""One rubric point's verdict in the rubric lab: a confidence bar, made or not, why, and the
wording of the point that came closest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from game.ui.text import literal

if TYPE_CHECKING:
    from game.grading.result import PointResult
    from game.packs.model import Point
    from game.ui.lab_wordings import Wording

BAR = 10
"""Cells of the confidence bar."""
REFUSALS = {
    "echo": "restates the claim",
    "salad": "a list of words",
    "wrong-side": "argues the other side",
    "contradiction": "says the opposite",
    "stuffing": "padding",
    "crowded": "too many points in one sentence",
}
"""Why a point the words came close to was not credited, in a few words."""
WORDING_FROM = 0.01
"""Least confidence (1% on the bar) for the closest wording to be named: below it, a common
word or two is all the answer shares with the point."""
WORDING_CHARS = 100
"""Longest phrase quoted under a point; longer ones are cut at a word."""


class PointMeter(Horizontal):
    """Number, mark, bar and percentage on the left; weight, id and argument wrapping right.

    The number is the one the evidence view puts after the words that (nearly) made the point.
    """

    DEFAULT_CSS = """
    PointMeter { height: auto; }
    PointMeter > .meter { width: 21; height: 1; }
    PointMeter > .argument { width: 1fr; height: auto; }
    """

    def __init__(self, number: int, point: Point) -> None:
        super().__init__()
        self.number = number
        self.point = point
        self.confidence = 0.0
        """The confidence shown, 0..1 (0 before any answer)."""
        self.matched = False
        """Whether the answer shown makes this point."""
        self._verdict: PointResult | None = None
        self.wording: Wording | None = None
        """The point's wording closest to the answer shown (None: none shares a word)."""

    def compose(self) -> ComposeResult:
        yield Static(self._meter(self._verdict), classes="meter")
        yield Static(self._argument(self._verdict), classes="argument")

    def show(self, verdict: PointResult | None, wording: Wording | None = None) -> None:
        """Show the verdict on the latest answer (None: no answer yet) and the wording that
        came closest to it."""
        self.confidence = verdict.confidence if verdict else 0.0
        self.matched = bool(verdict and verdict.matched)
        self._verdict = verdict  # for compose, if it has not run yet
        shown = verdict is not None and verdict.confidence >= WORDING_FROM
        self.wording = wording if shown else None
        for meter in self.query(".meter").results(Static):
            meter.update(self._meter(verdict))
        for argument in self.query(".argument").results(Static):
            argument.update(self._argument(verdict))

    def _meter(self, verdict: PointResult | None) -> Content:
        confidence = max(0.0, min(1.0, verdict.confidence if verdict else 0.0))
        filled = round(BAR * confidence)
        if verdict is not None and verdict.contradicted:
            mark, colour = "✗", "$error"
        elif verdict is not None and verdict.matched:
            mark, colour = "✓", "$success"
        else:
            mark, colour = "·", "$warning" if confidence >= 0.5 else "$foreground-muted"
        return Content.assemble(
            (f"{self.number:>2} ", "bold"),
            (f"{mark} ", f"bold {colour}"),
            ("█" * filled, colour),
            ("░" * (BAR - filled), "$foreground-disabled"),
            (f" {percent(confidence, self.matched):>3}%", "bold" if self.matched else ""),
        )

    def _argument(self, verdict: PointResult | None) -> Content:
        point = self.point
        parts = [
            Content.styled(f"×{point.weight:g} ", "$foreground-muted"),
            literal(f"{point.id}: ", "$text-accent"),
            literal(point.argument),
        ]
        if verdict is not None and verdict.contradicted:
            parts.append(Content.styled("  opposite argued", "bold $text-error"))
        elif verdict is not None and verdict.refused and not verdict.matched:
            reason = REFUSALS.get(verdict.refused, verdict.refused)
            parts.append(literal(f"  not credited: {reason}", "italic $text-warning"))
        wording = self.wording
        if verdict is not None and wording is not None:
            how = "made with" if verdict.matched else "closest"
            shown = "" if wording.number == 0 else f' "{_cut(wording.text)}"'
            parts.append(literal(f"\n↳ {how}: {wording.label}{shown}", "italic $foreground-muted"))
        return Content.assemble(*parts)


def percent(confidence: float, matched: bool) -> int:
    """The confidence as shown: a point is made from 50%, so one that is not made never shows
    50% (0.499 reads 49%, not a rounded 50%)."""
    shown = round(max(0.0, min(1.0, confidence)) * 100)
    return shown if matched else min(shown, 49)


def _cut(text: str) -> str:
    """``text`` on one line, cut at a word within ``WORDING_CHARS``."""
    flat = " ".join(text.split())
    if len(flat) <= WORDING_CHARS:
        return flat
    cut = flat.rfind(" ", 0, WORDING_CHARS - 1)
    return flat[: cut if cut > 0 else WORDING_CHARS - 1] + "…"
