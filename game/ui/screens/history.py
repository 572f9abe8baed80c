"""The answers graded in this session, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, Static

from game.safe_text import shorten

if TYPE_CHECKING:
    from game.rounds.practice import GradedAnswer
    from game.ui.session import PlaySession


class HistoryScreen(ModalScreen[None]):
    """A table of this session's graded answers; ``counterpoint stats`` shows all sessions."""

    HELP = """\
## History

Every answer graded since the game started, newest first, with its score and time taken.
Your whole record across sessions is kept in the saves folder.
"""
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="close-history", tooltip="Back to the game"),
    ]

    def __init__(self, rows: list[tuple[PlaySession, GradedAnswer]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="history", classes="dialog"):
            yield Label("Answers graded in this session", classes="dialog-title")
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
        table.add_columns("Time", "Player", "Position", "Stance", "Score", "Seconds")
        for session, attempt in reversed(self.rows):
            claim = session.pack.position(attempt.position_id).claim
            table.add_row(
                Text(f"{attempt.at:%H:%M}"),
                Text(shorten(session.choice.player, 16)),
                Text(shorten(claim, 40)),
                Text(attempt.stance),
                Text(str(attempt.score), justify="right"),
                Text(f"{attempt.seconds:.0f}", justify="right"),
            )

    def action_close(self) -> None:
        self.dismiss(None)
