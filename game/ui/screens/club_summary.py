"""The hot-seat round's leaderboard: every player's average, total and points made.

Ranked like the club leaderboard (average score; ties explained; speed never counts), over
the positions every player answered, with each position's score beside it. When the coach has
hidden the club leaderboard, the ranking is hidden here too: only each position's scores show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from game.safe_text import shorten
from game.ui.screens.club_base import RESULTS_KEYS, ClubResultsScreen
from game.ui.text import literal

if TYPE_CHECKING:
    from game.progress.store import Store
    from game.rounds.hotseat import HotSeatRound, HotSeatSummary
    from game.ui.club_flow import ClubFlow

MAX_POSITION_COLUMNS = 6
"""Beyond this many positions the per-position scores are left out (they would not fit)."""
HIDDEN_NOTICE = "The coach has hidden the leaderboard."


def ranking_hidden(store: Store | None) -> bool:
    """Whether the coach has hidden the leaderboard (not when the saves cannot say)."""
    if store is None:
        return False
    from game.errors import CounterpointError
    from game.progress.settings import leaderboard_hidden

    try:
        return leaderboard_hidden(store)
    except (CounterpointError, AttributeError):  # unreadable saves, or a store without settings
        return False


class ClubSummaryScreen(ClubResultsScreen):
    """The round's results, best first."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#club-results"
    HELP = """\
## The round's leaderboard

Players are ranked by their average score over the positions everyone answered; on the same
average, more answers and then the best single answer decide, and the notes say so. Time
never counts. *Points made* counts the rubric's points each player made. Every answer is
saved under its player. **r** plays another round with the same players, **l** opens the
club leaderboard, **n** goes back to the start.
"""
    BINDINGS = [
        Binding("r", "again", "Play again", id="play-again", tooltip="Same players, new round"),
        *RESULTS_KEYS,
    ]

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__(flow)
        self.hot: HotSeatRound = flow.round  # type: ignore[assignment]
        self.summary: HotSeatSummary = self.hot.summary()
        self.hidden = ranking_hidden(self.game.store)
        """The coach has hidden the leaderboard: no ranks, averages or totals."""

    def compose(self) -> ComposeResult:
        yield Header(icon="✎")
        with VerticalScroll(id="club-summary"):
            yield Static(self._title(), id="club-summary-title")
            yield DataTable(id="club-results", cursor_type="row", zebra_stripes=True)
            yield Static(self._notes(), id="club-notes")
            yield Static(
                "Every answer is saved under its player."
                if self.hidden
                else "Ranked by average score over the positions everyone answered; speed never"
                " counts. Every answer is saved under its player.",
                id="club-rule",
                classes="hint",
            )
        yield Footer()

    def _title(self) -> Content:
        summary = self.summary
        top = [s for s in summary.standings if s.rank == 1]
        counted = len(summary.counted)
        of = f"{counted} of {summary.planned}" if counted < summary.planned else str(counted)
        heading = Content.styled(
            f"Round over: {of} position{'s' * (summary.planned != 1)} answered by everyone",
            "bold",
        )
        if self.hidden:
            return Content("\n").join([heading, Content(HIDDEN_NOTICE)])
        if not top:
            return heading
        names = " and ".join(shorten(s.player, 30) for s in top)
        verb = "share the top" if len(top) > 1 else "tops the round"
        return Content("\n").join(
            [
                heading,
                literal(names, "bold $text-success")
                + Content(f" {verb} with an average of {top[0].average:.1f}."),
            ]
        )

    def on_mount(self) -> None:
        if self.hidden:
            self._fill_scores_only()
            return
        table: DataTable[Text] = self.query_one("#club-results", DataTable)
        table.add_column("Rank", key="rank")
        table.add_column("Player", key="player")
        table.add_column("Average", key="average")
        table.add_column("Total", key="total")
        table.add_column("Points made", key="made")
        per_position = self.hot.turns if len(self.hot.turns) <= MAX_POSITION_COLUMNS else ()
        for number, _ in enumerate(per_position, 1):
            table.add_column(f"P{number}", key=f"p{number}")
        for s in self.summary.standings:
            rank = "–" if s.rank is None else f"={s.rank}" if s.shared else str(s.rank)
            cells = [
                Text(rank, justify="right"),
                Text(shorten(s.player, 24)),
                Text(f"{s.average:.1f}" if s.answers else "–", justify="right"),
                Text(str(s.total), justify="right"),
                Text(str(s.points_made), justify="right"),
            ]
            cells += [
                Text("–" if score is None else str(score), justify="right")
                for score in s.scores[: len(per_position)]
            ]
            table.add_row(*cells)

    def _fill_scores_only(self) -> None:
        """Each player's score per position, in the order they sat: nothing that ranks them."""
        table: DataTable[Text] = self.query_one("#club-results", DataTable)
        table.add_column("Player", key="player")
        per_position = self.hot.turns if len(self.hot.turns) <= MAX_POSITION_COLUMNS else ()
        for number, _ in enumerate(per_position, 1):
            table.add_column(f"P{number}", key=f"p{number}")
        lines = {s.player: s for s in self.summary.standings}
        for player in self.hot.players:
            scores = lines[player].scores if player in lines else ()
            table.add_row(
                Text(shorten(player, 24)),
                *(
                    Text("–" if score is None else str(score), justify="right")
                    for score in scores[: len(per_position)]
                ),
            )

    def _notes(self) -> Content:
        """What P1, P2... stand for, and how ties were decided."""
        lines = []
        if len(self.hot.turns) <= MAX_POSITION_COLUMNS:
            for number, turn in enumerate(self.hot.turns, 1):
                claim = self.hot.pack.position(turn.position_id).claim
                lines.append(Content.styled(f"P{number} ", "bold") + literal(shorten(claim, 70)))
        if not self.hidden:  # the notes say how ties were ranked
            lines += [literal(f"* {note}") for note in self.summary.notes]
        return Content("\n").join(lines)
