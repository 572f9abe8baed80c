"""A hot-seat position revealed: everyone's score, who made which point, every answer.

Shown once every player has answered the position, so nobody's answer was seen before they
wrote their own. The points are listed with the players who made them, which is what a
coach wants to talk through; the answers follow, highlighted like the practice feedback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Label, Static

from game.safe_text import shorten
from game.ui.screens.base import QUIT_KEY
from game.ui.screens.club_base import RevealScreen
from game.ui.text import literal, short
from game.ui.widgets.answer_view import AnswerView

if TYPE_CHECKING:
    from game.packs.model import Stance
    from game.rounds.club import ClubAnswer
    from game.ui.club_flow import ClubFlow


class ClubFeedbackScreen(RevealScreen):
    """Scores of one position for every player, the points made and missed, the answers."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#club-feedback"
    HELP = """\
## Everyone's answers

Every player's score on this position, best first, and how many of the rubric's points each
made. Under it, each point with the players who made it (a point nobody made comes with why
it matters), then every answer with the words that earned credit highlighted.
**n** or **Enter** goes on to the next position, or to the round's leaderboard after the last.
"""
    BINDINGS = [
        Binding("n,enter", "next", "Next position", id="next", tooltip="Go on"),
        Binding("n,enter", "results", "Leaderboard", id="to-results", tooltip="See the results"),
        Binding("escape", "end_round", "End round", id="end-round", tooltip="Stop the round"),
        QUIT_KEY,
    ]

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__(flow)
        self.index = flow.round.index
        self.answers: tuple[ClubAnswer, ...] = flow.round.answers_for(self.index)

    def compose(self) -> ComposeResult:
        round_ = self.flow.round
        position = round_.pack.position(round_.turns[self.index].position_id)
        stances = sorted({a.graded.stance for a in self.answers})
        sides = " and ".join(s.capitalize() for s in stances)
        yield Header(icon="✎")
        with VerticalScroll(id="club-feedback"):
            yield Static(
                Content.assemble(
                    (f"Position {self.index + 1} of {len(round_.turns)} · {sides}: ", "bold"),
                    short(position.claim, 140),
                ),
                id="club-feedback-title",
            )
            table: DataTable[Text] = DataTable(
                id="club-scores", cursor_type="none", zebra_stripes=True
            )
            table.can_focus = False
            yield table
            for stance in stances:
                label = "Points" if len(stances) == 1 else f"Points to {stance}"
                yield Label(label, classes="section")
                yield Static(self._points(stance), classes="club-points")
            yield Label("Answers", classes="section")
            for answer in self._ranked():
                graded = answer.graded
                timed = " · time ran out" if graded.timed_out else ""
                yield Static(
                    Content.assemble(
                        literal(shorten(answer.player, 40), "bold"),
                        f" · {graded.stance} · {answer.score}/100{timed}",
                    ),
                    classes="club-answer-head",
                )
                view = AnswerView(graded.answer, graded.result.matched)
                view.add_class("club-answer")
                yield view
        yield Footer()

    def _ranked(self) -> list[ClubAnswer]:
        return sorted(self.answers, key=lambda a: -a.score)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#club-scores", DataTable)
        table.add_column("Player", key="player")
        table.add_column("Stance", key="stance")
        table.add_column("Score", key="score")
        table.add_column("Points made", key="made")
        for answer in self._ranked():
            result = answer.graded.result
            table.add_row(
                Text(shorten(answer.player, 30)),
                Text(answer.graded.stance),
                Text(f"{answer.score}/100", justify="right"),
                Text(f"{len(result.matched)} of {len(result.points)}", justify="right"),
            )

    def _points(self, stance: Stance) -> Content:
        """Each point of the stance's rubric, with who made it."""
        mine = [a for a in self.answers if a.graded.stance == stance]
        if not mine:
            return Content("")
        lines: list[Content] = []
        for point in mine[0].graded.result.points:
            makers = [
                shorten(a.player, 20)
                for a in mine
                if any(p.point_id == point.point_id and p.matched for p in a.graded.result.points)
            ]
            weight = Content.styled(f"×{point.weight:g} ", "$text-muted")
            if makers:
                lines.append(
                    Content.styled("✓ ", "bold $text-success")
                    + weight
                    + literal(point.argument)
                    + Content.styled(f"  ({', '.join(makers)})", "$text-success")
                )
            else:
                lines.append(
                    Content.styled("✗ ", "bold $text-error")
                    + weight
                    + literal(point.argument, "bold")
                    + Content.styled("  (nobody)", "$text-error")
                )
                if point.explanation:
                    lines.append(Content("    ") + literal(point.explanation, "$text-muted"))
        return Content("\n").join(lines)
