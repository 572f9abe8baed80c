"""The club leaderboard inside the game: one pack, one period, ranked by argument quality.

The ranking is ``game.progress.leaderboard`` (average score with a minimum number of answers,
ties explained, speed never counts); this screen reads it from the saves in a worker thread
and shows it. When the coach has hidden the leaderboard, it says so and shows nothing else.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from game.errors import CounterpointError
from game.safe_text import clean, shorten
from game.ui.screens.base import QUIT_KEY, GameScreen
from game.ui.widgets.standings_table import PERIOD_NAMES, StandingsTable, notes_text

if TYPE_CHECKING:
    from game.progress.leaderboard import Board, Leaderboard, Period

PERIOD_ORDER: tuple[Period, ...] = ("today", "week", "all")
MINIMUMS = (1, 3, 5, 10)
"""Answers needed to be ranked, as ``m`` cycles them."""
RULE = (
    "Ranked by average score; on the same average, more answers and then the best answer"
    " decide. Speed never counts."
)


class LeaderboardScreen(GameScreen):
    """Standings of one pack in one period; keys switch pack, period and minimum."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#lb-table"
    HELP = """\
## Club leaderboard

Players ranked on one pack by their **average score** over the period, counting only players
with at least the minimum number of answers (so one lucky answer cannot top the board). Same
average: more answers rank higher, then the higher best score; the notes explain each tie.
Time never counts. **p** shows the next pack, **d** the next period (today, this week, all
time), **m** changes the minimum, **Esc** goes back.
"""
    BINDINGS = [
        Binding("p", "next_pack", "Pack", id="next-pack", tooltip="The next pack's board"),
        Binding("d", "next_period", "Period", id="next-period", tooltip="Today, week, all time"),
        Binding("m", "next_minimum", "Minimum", id="next-minimum", tooltip="Answers to rank"),
        Binding("escape", "back", "Back", id="back", tooltip="Back to where you were"),
        QUIT_KEY,
    ]

    def __init__(
        self, *, pack_id: str | None = None, period: Period = "all", min_answers: int = 3
    ) -> None:
        super().__init__()
        self.pack_id = pack_id
        """The pack shown; None: the pack answered most recently."""
        self.period: Period = period
        self.min_answers = min_answers
        self.hidden = False
        self.leaderboard: Leaderboard | None = None
        self.problem: str | None = None
        self.reads = 0
        """Completed reads (tests wait on it)."""

    def compose(self) -> ComposeResult:
        yield Header(icon="✎")
        with VerticalScroll(id="lb-body"):
            yield Static(id="lb-heading")
            yield StandingsTable(name_width=30, cursor_type="row", id="lb-table")
            yield Static(id="lb-waiting")
            yield Static(id="lb-notes")
            yield Static(RULE, id="lb-rule", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.read()

    # -- reading ----------------------------------------------------------------------------

    def read(self) -> None:
        """Read the saves again, off the event loop."""
        store = self.game.store
        if store is None:
            self.problem = self.game.recording_status()
            self.reads += 1
            self.show()
            return
        period, minimum, now = self.period, self.min_answers, self.game.clock()

        def work() -> None:
            from game.progress.leaderboard import build
            from game.progress.settings import leaderboard_hidden

            found: tuple[bool, Any, str | None]
            try:
                if leaderboard_hidden(store):
                    found = (True, None, None)
                else:
                    board = build(store, period=period, min_answers=minimum, now=now)
                    found = (False, board, None)
            except CounterpointError as error:
                found = (False, None, clean(str(error)))
            with contextlib.suppress(RuntimeError):  # the app may be closing
                self.app.call_from_thread(self._read_done, *found)

        self.app.run_worker(work, thread=True, group="leaderboard", exclusive=True)

    def _read_done(self, hidden: bool, board: Leaderboard | None, problem: str | None) -> None:
        self.reads += 1
        self.hidden, self.leaderboard, self.problem = hidden, board, problem
        if self.is_mounted:
            self.show()

    # -- showing ----------------------------------------------------------------------------

    def board(self) -> Board | None:
        """The chosen pack's board; the pack answered last when that one has no answers."""
        if self.leaderboard is None:
            return None
        chosen = self.leaderboard.board(self.pack_id) if self.pack_id else None
        return chosen or self.leaderboard.latest()

    def _title_of(self, pack_id: str) -> str:
        title = next((e.title for e in self.game.entries if e.id == pack_id and e.ok), None)
        return f"{shorten(title, 50)} ({shorten(pack_id, 30)})" if title else shorten(pack_id, 50)

    def show(self) -> None:
        """Fill the screen from the last read."""
        table = self.query_one("#lb-table", StandingsTable)
        table.clear()
        heading = self.query_one("#lb-heading", Static)
        waiting = self.query_one("#lb-waiting", Static)
        notes = self.query_one("#lb-notes", Static)
        waiting.update("")
        notes.update("")
        table.display = False
        period = PERIOD_NAMES[self.period]
        if self.problem is not None:
            heading.update(Content(f"No leaderboard: {self.problem}"))
            return
        if self.hidden:
            heading.update(Content.styled("The leaderboard is hidden by the coach.", "bold"))
            if not self.game.served:  # a student's browser gets no instructor commands
                waiting.update(
                    Content("The coach can show it with: counterpoint leaderboard --show")
                )
            return
        board = self.board()
        if board is None:
            heading.update(Content(f"Leaderboard, {period}: no answers yet."))
            if self.period != "all":
                waiting.update(Content("d shows another period."))
            return
        heading.update(
            Content.assemble(
                (clean(self._title_of(board.pack_id)), "bold"),
                f" · {period} · ranked with at least {self.min_answers}"
                f" answer{'s' * (self.min_answers != 1)}",
            )
        )
        table.display = bool(board.ranked)
        table.add_standings(board.ranked)
        lines = []
        if self.pack_id and board.pack_id != self.pack_id:
            lines.append(
                f"No answers on {self._title_of(self.pack_id)} {period}: showing the pack"
                " answered last (p for others)."
            )
        if not board.ranked:
            lines.append(f"Nobody has {self.min_answers} answers yet.")
        if board.unranked:
            names = ", ".join(
                f"{shorten(s.player, 20)} ({s.tally.answers})" for s in board.unranked
            )
            lines.append(f"Not ranked yet (fewer than {self.min_answers} answers): {names}")
        waiting.update(Content("\n".join(lines)))
        if board.notes:
            notes.update(notes_text(board))

    # -- keys -------------------------------------------------------------------------------

    def action_next_pack(self) -> None:
        """Cycle through the packs answered in the period."""
        if self.leaderboard is None or not self.leaderboard.boards:
            self.notify("No other pack has answers in this period.", markup=False)
            return
        ids = [b.pack_id for b in self.leaderboard.boards]
        current = self.board()
        at = ids.index(current.pack_id) if current is not None else -1
        self.pack_id = ids[(at + 1) % len(ids)]
        self.show()

    def action_next_period(self) -> None:
        self.period = PERIOD_ORDER[(PERIOD_ORDER.index(self.period) + 1) % len(PERIOD_ORDER)]
        self.read()

    def action_next_minimum(self) -> None:
        later = [m for m in MINIMUMS if m > self.min_answers]
        self.min_answers = later[0] if later else MINIMUMS[0]
        self.read()

    def action_back(self) -> None:
        self.app.pop_screen()
