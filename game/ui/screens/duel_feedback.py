"""A head-to-head position revealed: the defence and the rebuttal side by side.

Both answers appear only once both are in. Each side shows its score, the points it made,
the answer with the words that earned credit highlighted, and what it missed. On a wide
terminal the two sides stand next to each other; below 100 columns they stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Label, Static

from game.safe_text import shorten
from game.ui.screens.base import QUIT_KEY
from game.ui.screens.club_base import RevealScreen
from game.ui.text import literal, short
from game.ui.widgets.answer_view import AnswerView
from game.ui.widgets.point_list import PointList
from game.ui.widgets.score_bar import ScoreBar

if TYPE_CHECKING:
    from game.rounds.club import ClubAnswer
    from game.rounds.headtohead import Exchange, HeadToHeadRound
    from game.ui.club_flow import ClubFlow


class DuelFeedbackScreen(RevealScreen):
    """Defence and rebuttal of one position, with who took it and the match score."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#duel-feedback"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    HELP = """\
## Both sides

The defence and the rebuttal of the same position, each with its score, the points it made
(numbered as highlighted in the answer) and the points it missed. The higher score takes the
position; equal scores draw it. **n** or **Enter** goes on: the players swap sides on the
next position. After the last one, the match result.
"""
    BINDINGS = [
        Binding("n,enter", "next", "Next position", id="next", tooltip="Swap sides and go on"),
        Binding("n,enter", "results", "Match result", id="to-results", tooltip="Who won"),
        Binding("escape", "end_round", "End match", id="end-round", tooltip="Stop the match"),
        QUIT_KEY,
    ]

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__(flow)
        self.duel: HeadToHeadRound = flow.round  # type: ignore[assignment]
        exchange = self.duel.exchange(self.duel.index)
        assert exchange is not None, "revealed before both answers were in"
        self.exchange: Exchange = exchange

    def compose(self) -> ComposeResult:
        duel, exchange = self.duel, self.exchange
        position = duel.pack.position(exchange.position_id)
        yield Header(icon="✎")
        with VerticalScroll(id="duel-feedback"):
            yield Static(
                Content.assemble(
                    (f"Position {exchange.turn_index + 1} of {len(duel.turns)}: ", "bold"),
                    short(position.claim, 140),
                ),
                id="duel-title",
            )
            yield Static(self._verdict(), id="duel-verdict")
            with Horizontal(id="sides"):
                yield self._side(exchange.defence, "defends")
                yield self._side(exchange.rebuttal, "rebuts")
        yield Footer()

    def _verdict(self) -> Content:
        """Both scores and who took the position on one line; the match score under it."""
        exchange = self.exchange
        d, r = exchange.defence, exchange.rebuttal
        winner = exchange.winner
        scores = Content.assemble(
            literal(shorten(d.player, 24), "bold"),
            f" defends {d.score} · ",
            literal(shorten(r.player, 24), "bold"),
            f" rebuts {r.score}: ",
        )
        if winner is None:
            said = Content.styled("drawn.", "bold")
        else:
            said = literal(shorten(winner, 24), "bold $text-success") + Content.styled(
                " takes this position.", "bold"
            )
        line = self.duel.result().line()
        match = Content.styled("Match so far: ", "$text-muted") + literal(line)
        return Content("\n").join([scores + said, match])

    def _side(self, answer: ClubAnswer, verb: str) -> Vertical:
        graded = answer.graded
        result = graded.result
        colour = "$text-success" if graded.stance == "defend" else "$text-error"
        timed = Content.styled(" · time ran out", "$text-warning") if graded.timed_out else ""
        head = Content.assemble(
            literal(shorten(answer.player, 30), f"bold {colour}"), (f" {verb}", "bold"), timed
        )
        return Vertical(
            Static(head, classes="side-head"),
            ScoreBar(result.score),
            Label(f"Points made ({len(result.matched)})", classes="section"),
            PointList(result.matched, made=True),
            Label("Answer", classes="section"),
            AnswerView(graded.answer, result.matched),
            Label(f"Missed ({len(result.missed)})", classes="section"),
            PointList(result.missed, made=False),
            classes="side",
            id=f"side-{graded.stance}",
        )
