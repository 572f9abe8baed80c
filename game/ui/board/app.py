"""The live leaderboard for the coach's screen: refreshes as answers come in from other games.

The app reads through a function it is given (``Reader``), in a worker thread, every few
seconds and on ctrl+r; it never writes. The ranking itself is ``game.progress.leaderboard``.
Names and pack titles are players' and authors' text: cleaned, then shown literally.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Static

from game.errors import CounterpointError
from game.progress.leaderboard import PERIODS, Board, Leaderboard, Period
from game.safe_text import clean, shorten
from game.ui.widgets.standings_table import PERIOD_NAMES, StandingsTable, notes_text

REFRESH_SECONDS = 3.0
RULE = "Ranked by average score; same average: more answers, then best score. Speed never counts."


@dataclass(frozen=True)
class Reading:
    """What one read of the saves found."""

    hidden: bool
    leaderboard: Leaderboard | None
    """None when nothing is recorded yet."""


Reader = Callable[[Period], Reading]


class BoardApp(App[None]):
    """One screen: the leaderboard of one pack, kept up to date."""

    CSS_PATH = "board.tcss"
    TITLE = "Counterpoint leaderboard"
    BINDINGS = [
        Binding("ctrl+r", "refresh_board", "Refresh", id="refresh", tooltip="Read the saves now"),
        Binding("p", "next_pack", "Pack", id="next-pack", tooltip="Show the next pack's board"),
        Binding("d", "next_period", "Period", id="next-period", tooltip="Today, week, all time"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, tooltip="Close the board"),
    ]

    def __init__(
        self,
        reader: Reader,
        *,
        titles: Mapping[str, str] | None = None,
        pack_id: str | None = None,
        period: Period = "today",
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> None:
        super().__init__()
        self.reader = reader
        self.titles = dict(titles or {})
        self.fixed_pack = pack_id
        self.chosen_pack: str | None = None
        """A pack picked with ``p``; None follows the pack answered last."""
        self.period: Period = period
        self.refresh_seconds = refresh_seconds
        self.last: Reading | None = None
        self.reads = 0
        """Completed reads (tests wait on it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="heading", markup=False)
        yield StandingsTable(name_width=40, cursor_type="none", id="standings")
        yield Static(id="waiting", markup=False)
        yield Static(id="notes", markup=False)
        yield Static(
            Content(f"{RULE} Refreshes every {self.refresh_seconds:g} s."),
            id="help-line",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh_board()
        self.set_interval(self.refresh_seconds, self.action_refresh_board)

    # ------------------------------------------------------------------ reading
    def action_refresh_board(self) -> None:
        """Read the saves again (in a thread: a busy saves file never freezes the board)."""
        self._read(self.period)

    @work(thread=True, exclusive=True, group="read")
    def _read(self, period: Period) -> None:
        try:
            reading: Reading | str = self.reader(period)
        except CounterpointError as error:
            reading = clean(str(error))
        self.call_from_thread(self._show, reading)

    def _show(self, reading: Reading | str) -> None:
        self.reads += 1
        if isinstance(reading, str):
            self._status(f"Cannot read the saves: {reading} (trying again)")
            return
        self.last = reading
        self._render_reading()

    # ------------------------------------------------------------------ showing
    def _board(self) -> Board | None:
        if self.last is None or self.last.leaderboard is None:
            return None
        lb = self.last.leaderboard
        wanted = self.fixed_pack or self.chosen_pack
        return lb.board(wanted) if wanted else lb.latest()

    def _render_reading(self) -> None:
        table = self.query_one("#standings", StandingsTable)
        table.clear()
        waiting = self.query_one("#waiting", Static)
        notes = self.query_one("#notes", Static)
        waiting.update("")
        notes.update("")
        period = PERIOD_NAMES[self.period]
        table.display = not (self.last is not None and self.last.hidden)
        if self.last is not None and self.last.hidden:
            self._heading("The leaderboard is hidden by the coach.")
            waiting.update(Content("Show it with: counterpoint leaderboard --show"))
            return
        board = self._board()
        if board is None:
            pack = self.fixed_pack or self.chosen_pack
            where = f" on {shorten(pack, 40)}" if pack else ""
            self._heading(f"Leaderboard, {period}: no answers{where} yet.")
            return
        title = self.titles.get(board.pack_id)
        name = f"{shorten(title, 50)} ({shorten(board.pack_id, 30)})" if title else board.pack_id
        self._heading(f"{clean(name)}: {period}")
        table.add_standings(board.ranked)
        assert self.last is not None and self.last.leaderboard is not None
        need = self.last.leaderboard.min_answers
        if not board.ranked:
            waiting.update(Content(f"Nobody has {need} answers yet."))
        if board.unranked:
            names = ", ".join(
                f"{shorten(s.player, 30)} ({s.tally.answers})" for s in board.unranked
            )
            waiting.update(Content(f"Not ranked yet, fewer than {need} answers: {names}"))
        if board.notes:
            notes.update(notes_text(board))

    def _heading(self, text: str) -> None:
        self.query_one("#heading", Static).update(Content(text))

    def _status(self, text: str) -> None:
        self.query_one("#waiting", Static).update(Content(text))

    # ------------------------------------------------------------------ keys
    def action_next_pack(self) -> None:
        """Cycle: the pack answered last, then each pack in turn."""
        if self.fixed_pack or self.last is None or self.last.leaderboard is None:
            return
        ids = [b.pack_id for b in self.last.leaderboard.boards]
        order: list[str | None] = [None, *ids]
        at = order.index(self.chosen_pack) if self.chosen_pack in order else 0
        self.chosen_pack = order[(at + 1) % len(order)]
        shown = self.chosen_pack or "the pack answered last"
        self.notify(f"Showing {shorten(shown, 40)}", timeout=2, markup=False)
        self._render_reading()

    def action_next_period(self) -> None:
        """Cycle the period: today, this week, all time."""
        self.period = PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)]
        self.notify(f"Period: {PERIOD_NAMES[self.period]}", timeout=2, markup=False)
        self.action_refresh_board()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_pack" and self.fixed_pack:
            return None  # one pack was asked for: the key is shown greyed out
        return True
