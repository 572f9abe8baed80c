"""Recent answers: from the saves when recording (every session), else this session's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, Static

from game.safe_text import shorten


@dataclass(frozen=True)
class HistoryRow:
    """One graded answer, as the history lists it."""

    at: datetime
    player: str
    claim: str
    stance: str
    score: int
    seconds: float


class HistoryScreen(ModalScreen[None]):
    """A table of graded answers, newest first; ``counterpoint stats`` has the full picture."""

    HELP = """\
## History

Your graded answers, newest first, with the score and the time taken. With recording on, they
come from your saves (every session); otherwise from this session only. For trends, mastery
and the points you keep missing, run `counterpoint stats`.
"""
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="close-history", tooltip="Back to the game"),
    ]

    def __init__(self, title: str, rows: list[HistoryRow]) -> None:
        super().__init__()
        self.heading = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="history", classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            if self.rows:
                yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            else:
                yield Static("Nothing graded yet.", classes="hint")
            yield Footer()

    def on_mount(self) -> None:
        self.query_one("#history").border_title = "History"
        if not self.rows:
            return
        table = self.query_one("#history-table", DataTable)
        table.add_columns("When", "Player", "Position", "Stance", "Score", "Took")
        for row in self.rows:
            table.add_row(
                Text(f"{row.at.astimezone():%d %b %H:%M}"),
                Text(shorten(row.player, 12)),
                Text(shorten(row.claim, 28)),
                Text(row.stance),
                Text(str(row.score), justify="right"),
                Text(f"{row.seconds:.0f} s", justify="right"),
            )

    def action_close(self) -> None:
        self.dismiss(None)
