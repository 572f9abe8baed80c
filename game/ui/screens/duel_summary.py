"""The head-to-head result: the winner, the score line, and every position argued."""

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
    from game.rounds.headtohead import HeadToHeadRound, MatchResult
    from game.ui.club_flow import ClubFlow


class DuelSummaryScreen(ClubResultsScreen):
    """Who won the match, by how much, and each position's scores."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#duel-results"
    HELP = """\
## Match result

Each position goes to the higher score (equal scores draw it). The player who took more
positions wins the match; level on positions, the higher total score wins. Time never
counts. **r** plays a rematch (the other player defends first), **l** opens the club
leaderboard, **n** goes back to the start.
"""
    BINDINGS = [
        Binding("r", "again", "Rematch", id="play-again", tooltip="The same two, sides swapped"),
        *RESULTS_KEYS,
    ]

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__(flow)
        self.duel: HeadToHeadRound = flow.round  # type: ignore[assignment]
        self.result: MatchResult = self.duel.result()

    def compose(self) -> ComposeResult:
        result = self.result
        winner = result.winner
        yield Header(icon="✎")
        with VerticalScroll(id="duel-summary"):
            if not result.exchanges:
                headline = Content.styled("Match over", "bold")
            elif winner is None:
                headline = Content.styled("A drawn match", "bold $text-warning")
            else:
                headline = literal(shorten(winner, 30), "bold $text-success") + Content.styled(
                    " wins the match", "bold"
                )
            yield Static(headline, id="duel-winner")
            yield Static(literal(result.line()), id="duel-line")
            yield Static(literal(result.verdict()), id="duel-verdict-line")
            a, b = (shorten(p, 20) for p in result.players)
            yield Static(
                literal(
                    f"Total score: {a} {result.totals[0]}, {b} {result.totals[1]}"
                    f" · rubric points made: {a} {result.points_made[0]},"
                    f" {b} {result.points_made[1]}"
                ),
                id="duel-totals",
                classes="hint",
            )
            yield DataTable(id="duel-results", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#duel-results", DataTable)
        first, second = self.result.players
        table.add_column("#", key="n")
        table.add_column("Position", key="claim")
        table.add_column(shorten(first, 14), key="first")
        table.add_column(shorten(second, 14), key="second")
        table.add_column("Taken by", key="winner")
        for e in self.result.exchanges:
            cells = []
            for player in (first, second):
                answer = e.of(player)
                cells.append(Text(f"{answer.graded.stance} {answer.score:>3}", justify="right"))
            claim = self.duel.pack.position(e.position_id).claim
            table.add_row(
                Text(str(e.turn_index + 1), justify="right"),
                Text(shorten(claim, 36)),
                *cells,
                Text(shorten(e.winner, 14) if e.winner else "draw"),
            )
