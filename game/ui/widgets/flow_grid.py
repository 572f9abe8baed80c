"""The flow sheet: positions by stances, one mark per rubric point.

Debaters keep a "flow" of the arguments made and answered; this one shows, for every point of
every position and stance, whether the player made it last time, made it before but dropped
it, or has never raised it. Marks are symbols first (readable without colour) and coloured
through theme variables. The highlighted row's points are spelled out by ``row_detail``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.safe_text import clean, shorten

if TYPE_CHECKING:
    from game.progress.stats import FlowPoint
    from game.ui.progress_view import StatsView

STANCES = ("rebut", "defend")
MARKS: dict[str, tuple[str, str]] = {
    "found": ("✓", "bold $text-success"),
    "dropped": ("✗", "bold $text-error"),
    "never": ("○", "$text-warning"),
    "unplayed": ("·", "$text-muted"),
}
"""State -> (symbol, style)."""
MEANINGS = {
    "found": "found last time",
    "dropped": "dropped: found before, missed last time",
    "never": "never raised",
    "unplayed": "not tried yet",
}
GAP = 2
FRAME = 4
"""Columns the list's border and padding take."""


def mark(state: str) -> Content:
    """The symbol of a state, in its style."""
    symbol, style = MARKS[state]
    return Content.styled(symbol, style)


def legend(width: int = 200) -> Content:
    """What the marks mean: one line when ``width`` allows, else two."""
    parts = [Content.assemble(mark(s), " ", MEANINGS[s]) for s in MARKS]
    one = Content("   ").join(parts)
    if one.cell_length <= width:
        return one
    return Content("\n").join([Content("   ").join(parts[:2]), Content("   ").join(parts[2:])])


@dataclass(frozen=True)
class FlowRow:
    """One position of the sheet: its cells per stance (missing: no rubric for that stance)."""

    pack_id: str
    position_id: str
    cells: dict[str, tuple[FlowPoint, ...]]

    @property
    def key(self) -> str:
        return f"{self.pack_id}/{self.position_id}"

    def count(self, state: str) -> int:
        """How many of this position's points are in ``state``."""
        return sum(1 for points in self.cells.values() for p in points if p.state == state)


def rows_of(cells: Sequence[FlowPoint]) -> list[FlowRow]:
    """Group flow cells into rows, keeping their (pack) order."""
    grouped: dict[tuple[str, str], dict[str, list[FlowPoint]]] = {}
    for cell in cells:
        grouped.setdefault((cell.pack_id, cell.position_id), {}).setdefault(cell.stance, [])
        grouped[(cell.pack_id, cell.position_id)][cell.stance].append(cell)
    return [
        FlowRow(pack, position, {s: tuple(points) for s, points in stances.items()})
        for (pack, position), stances in grouped.items()
    ]


def _stance_cell(points: Sequence[FlowPoint] | None, width: int) -> Content:
    if points is None:
        return Content.styled("–".ljust(width), "$text-muted")
    marks = Content(" ").join([mark(p.state) for p in points])
    return marks.pad_right(max(0, width - marks.cell_length))


class FlowGrid(OptionList):
    """One option per position; highlight one to see its points spelled out."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.rows: list[FlowRow] = []
        self.widths: dict[str, int] = {}
        self.claim_width = 20

    def fill(self, view: StatsView, width: int) -> None:
        """(Re)build the rows for a total width of ``width`` columns, keeping the highlight."""
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        self.rows = rows_of(view.flow_cells())
        self.widths = {
            s: max(
                [len(s)] + [2 * len(r.cells[s]) - 1 for r in self.rows if r.cells.get(s)],
            )
            for s in STANCES
        }
        fixed = sum(self.widths.values()) + GAP * len(STANCES) + FRAME
        self.claim_width = max(12, width - fixed)
        several = len({r.pack_id for r in self.rows}) > 1
        self.clear_options()
        pack = None
        for row in self.rows:
            if several and row.pack_id != pack:
                pack = row.pack_id
                title = Content.styled(shorten(view.pack_title(pack), width - FRAME), "bold")
                self.add_option(Option(title, disabled=True))
            self.add_option(Option(self.prompt(view, row), id=row.key))
        if keep is not None and keep in {r.key for r in self.rows}:
            self.highlighted = self.get_option_index(keep)
        elif self.rows:
            self.highlighted = next(
                i for i in range(self.option_count) if not self.get_option_at_index(i).disabled
            )

    def prompt(self, view: StatsView, row: FlowRow) -> Content:
        """Claim, then the marks of each stance in its column."""
        claim = Content(shorten(view.claim(row.pack_id, row.position_id), self.claim_width))
        parts = [claim.pad_right(max(0, self.claim_width - claim.cell_length))]
        for stance in STANCES:
            parts.append(Content(" " * GAP))
            parts.append(_stance_cell(row.cells.get(stance), self.widths[stance]))
        return Content.assemble(*parts)

    def header(self) -> Content:
        """Column titles aligned with the rows."""
        text = "Position".ljust(self.claim_width)
        for stance in STANCES:
            text += " " * GAP + stance.capitalize().ljust(self.widths.get(stance, len(stance)))
        return Content.styled(text, "bold $text-muted")

    def row(self, key: str | None) -> FlowRow | None:
        """The row with this option id."""
        return next((r for r in self.rows if r.key == key), None)


def row_detail(view: StatsView, row: FlowRow, width: int) -> Content:
    """The highlighted position's points: mark, how often made, and the argument (wrapped)."""
    lines = [Content.styled(shorten(view.claim(row.pack_id, row.position_id), width), "bold")]
    indent = 7 + 2 + 6 + 2
    room = max(20, width - indent)
    for stance in STANCES:
        points = row.cells.get(stance)
        if points is None:
            continue
        if points[0].state == "unplayed":
            lines.append(Content.assemble((f"{stance.capitalize():<7}", "bold"), "not tried yet"))
            continue
        arguments = view.arguments(row.pack_id, row.position_id, stance)
        for number, point in enumerate(points):
            label = f"{stance.capitalize():<7}" if number == 0 else " " * 7
            argument = " ".join(clean(arguments.get(point.point_id, point.point_id)).split())
            wrapped = textwrap.wrap(argument, room) or [""]
            lines.append(
                Content.assemble(
                    (label, "bold"),
                    mark(point.state),
                    " ",
                    (f"{point.times_found} of {point.attempts}".rjust(6), "$text-muted"),
                    "  ",
                    wrapped[0],
                )
            )
            lines.extend(Content(" " * indent + more) for more in wrapped[1:])
    return Content("\n").join(lines)
