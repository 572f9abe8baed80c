"""A pack's leaderboard as a table: rank, player, average, answers, best.

The game's leaderboard screen and the coach's live board show the same standings; names are
players' text, shortened and shown literally.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable

from game.safe_text import clean, shorten

if TYPE_CHECKING:
    from textual.widgets.data_table import CursorType

    from game.progress.leaderboard import Board, Standing

PERIOD_NAMES = {"today": "today", "week": "this week", "all": "all time"}
"""How each leaderboard period is named on screen."""
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Rank", "rank"),
    ("Player", "player"),
    ("Average", "average"),
    ("Answers", "answers"),
    ("Best", "best"),
)
"""(heading, key) of each column."""


class StandingsTable(DataTable[Text]):
    """The ranked players of one board, one row each, names cut to ``name_width``."""

    def __init__(self, *, name_width: int, cursor_type: CursorType, id: str) -> None:
        super().__init__(id=id, cursor_type=cursor_type, zebra_stripes=True)
        self.name_width = name_width
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    def add_standings(self, ranked: Iterable[Standing]) -> None:
        """Add a row per ranked player, in rank order (``=2`` for a shared rank)."""
        for s in ranked:
            self.add_row(
                Text(f"={s.rank}" if s.shared else str(s.rank), justify="right"),
                Text(shorten(s.player, self.name_width)),
                Text(f"{s.tally.average:.1f}", justify="right"),
                Text(str(s.tally.answers), justify="right"),
                Text(str(s.tally.best), justify="right"),
            )


def notes_text(board: Board) -> Content:
    """How ties were decided, one ``* note`` a line."""
    return Content("\n".join(f"* {clean(n)}" for n in board.notes))
