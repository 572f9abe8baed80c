"""Mastery of each position in each stance: attempts, best, last, average and trend.

Cells are Rich ``Text`` (what ``DataTable`` draws); the trend arrows take their colours from
the theme's variables when the table is filled, and the screen refills it when the theme
changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.color import Color, ColorParseError
from textual.widgets import DataTable

from game.safe_text import shorten

if TYPE_CHECKING:
    from game.progress.stats import Mastery

ARROWS = {"up": "↑", "down": "↓", "flat": "→", "new": "•"}
"""Last score against the ones before it: up or down by 5 or more, about the same, first try."""
BARS = "▁▂▃▄▅▆▇█"
NUMBER_COLUMNS = (("Tries", "tries"), ("Best", "best"), ("Last", "last"), ("Avg", "avg"))
"""Right-aligned by padding to the title's width (DataTable sizes columns to fit)."""
FIXED_COLUMNS = 50
"""Width taken by every column but the claim: cell padding, a ten-score trend, scroll bar."""


def bars(scores: Sequence[int]) -> str:
    """Scores 0..100 as block characters, one per score, on a fixed 0..100 scale."""
    top = len(BARS) - 1
    return "".join(BARS[min(top, max(0, round(s / 100 * top)))] for s in scores)


def theme_style(variables: Mapping[str, str], name: str) -> Style:
    """A Rich style with the colour of theme variable ``name`` (no style if it is unusable)."""
    try:
        return Style(color=Color.parse(variables[name]).rich_color)
    except (KeyError, ColorParseError):
        return Style()


LEGEND = (
    "Trend: ↑ last score 5 or more above the ones before · ↓ 5 or more below ·"
    " → about the same · • first try. Bars: the last ten scores on a 0–100 scale."
)


class MasteryTable(DataTable[Text]):
    """One row per position and stance, in pack order."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def fill(
        self,
        rows: Sequence[Mastery],
        claim: Callable[[str, str], str],
        variables: Mapping[str, str],
        claim_width: int,
        pack_title: Callable[[str], str] | None = None,
    ) -> None:
        """(Re)fill the table.

        Args:
            rows: Mastery per position and stance, sorted by pack.
            claim: (pack id, position id) -> the position's claim.
            variables: The app's theme variables, for the arrows' colours.
            claim_width: Characters of the claim to show.
            pack_title: Given when several packs are shown: each pack gets a heading row.
        """
        cursor = self.cursor_row
        self.clear(columns=True)
        self.add_column("Position", key="claim")
        self.add_column("Stance", key="stance")
        for label, key in NUMBER_COLUMNS:
            self.add_column(label, key=key)
        self.add_column("Trend", key="trend")
        colours = {
            "up": theme_style(variables, "text-success"),
            "down": theme_style(variables, "text-error"),
        }
        pack = None
        for m in rows:
            if pack_title is not None and m.pack_id != pack:
                pack = m.pack_id
                title = Text(shorten(pack_title(pack), claim_width), style="bold")
                self.add_row(title, *(Text("") for _ in range(6)), key=f"pack:{pack}")
            trend = Text.assemble(
                (ARROWS[m.direction], colours.get(m.direction, Style())), " ", bars(m.trend)
            )
            numbers = (m.attempts, m.best, m.last, f"{m.average:.0f}")
            self.add_row(
                Text(shorten(claim(m.pack_id, m.position_id), claim_width)),
                Text(m.stance),
                *(
                    Text(f"{value:>{len(label)}}")
                    for value, (label, _) in zip(numbers, NUMBER_COLUMNS, strict=True)
                ),
                trend,
                key=f"{m.pack_id}/{m.position_id}/{m.stance}",
            )
        if self.row_count:
            first = 1 if pack_title is not None and self.row_count > 1 else 0  # past the heading
            self.move_cursor(row=min(max(cursor, first), self.row_count - 1))
