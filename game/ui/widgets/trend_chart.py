"""The score trend over sessions: a Sparkline with its highest, lowest and last values labelled.

A sparkline scales its bars between the lowest and the highest value shown, so without
labels a rise from 40 to 42 would look like one from 0 to 100; the axis says which it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.widgets import Sparkline, Static

AXIS = 10
"""Columns for the "high 80" / "low 40" labels."""
MOST_PER_SESSION = 6
"""Bar width of one session when there are few: wide enough to read, narrow enough to look
like a trend rather than a bar chart."""


def _score(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


class TrendChart(Vertical):
    """Session averages, oldest on the left."""

    DEFAULT_CSS = """
    TrendChart { height: auto; }
    TrendChart > Horizontal { height: 3; }
    TrendChart .axis { width: 10; height: 3; color: $text-muted; padding-right: 1; }
    TrendChart Sparkline { height: 3; width: 1fr; }
    TrendChart .caption { height: auto; color: $text-muted; padding-left: 10; }
    """

    def __init__(self, values: Sequence[float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values = list(values)

    def compose(self) -> ComposeResult:
        values = self.values
        with Horizontal():
            yield Static(self.axis(), classes="axis")
            yield Sparkline(values, summary_function=fmean)
        yield Static(self.caption(), classes="caption")

    def axis(self) -> Content:
        """The labels beside the bars: highest at the top, lowest at the bottom."""
        if not self.values:
            return Content("")
        high, low = max(self.values), min(self.values)
        if high == low:
            return Content(f"\n\n{'all':>4} {_score(low):>4}")
        return Content(f"{'high':>4} {_score(high):>4}\n\n{'low':>4} {_score(low):>4}")

    def caption(self) -> Content:
        """Last value and how many sessions the chart covers."""
        n = len(self.values)
        if not n:
            return Content("No sessions yet.")
        if n == 1:
            return Content.assemble("one session so far: ", (_score(self.values[0]), "bold"))
        return Content.assemble(
            "last ",
            (_score(self.values[-1]), "bold"),
            f" · first {_score(self.values[0])} · {n} sessions, oldest on the left",
        )

    def on_resize(self, event: Resize) -> None:
        self._fit()

    def on_mount(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Give each session an equal whole number of columns, up to ``MOST_PER_SESSION``."""
        room = max(1, self.size.width - AXIS)
        n = max(1, len(self.values))
        per = max(1, min(MOST_PER_SESSION, room // n))
        width = room if n * per > room else n * per
        self.query_one(Sparkline).styles.width = width
