"""The feedback screen: the score and how it was reached, the answer, points made and missed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Label, Static

from game.rounds.base import GradedAnswer
from game.rounds.practice import Phase
from game.ui.screens.base import QUIT_KEY, GameScreen
from game.ui.session import PlaySession
from game.ui.text import literal, short
from game.ui.widgets.answer_view import AnswerView
from game.ui.widgets.point_list import PointList
from game.ui.widgets.score_bar import ScoreBar


class FeedbackScreen(GameScreen):
    """Shows one graded answer and teaches the points it missed."""

    CSS_PATH = "../results.tcss"
    AUTO_FOCUS = "#feedback"
    HELP = """\
## Feedback

The bar is your score out of 100: the weights of the points you made, over the weight that
earns full marks. Your answer is shown with the words that made each point highlighted and
numbered like the list of points made. The points you missed come with why they matter:
read them, then **r** to try the same position again or **n** / **Enter** to go on.
"""
    BINDINGS = [
        Binding("r", "retry", "Retry", id="retry", tooltip="Answer the same position again"),
        Binding("n,enter", "next", "Next", id="next", tooltip="Go on to the next position"),
        Binding("n,enter", "summary", "Summary", id="to-summary", tooltip="See how the round went"),
        Binding(
            "escape",
            "end_round",
            "End round",
            id="end-round",
            tooltip="Stop here and see the summary",
        ),
        QUIT_KEY,
    ]

    def __init__(self, session: PlaySession, attempt: GradedAnswer) -> None:
        super().__init__()
        self.session = session
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        round_ = self.session.round
        attempt = self.attempt
        result = attempt.result
        yield Header(icon="✎")
        with VerticalScroll(id="feedback"):
            heading = Content.assemble(
                (f"Position {attempt.turn_index + 1} of {len(round_.turns)} · ", "bold"),
                (attempt.stance.capitalize(), "bold"),
                ": ",
                short(round_.pack.position(attempt.position_id).claim, 120),
            )
            yield Static(heading, id="feedback-title")
            yield ScoreBar(result.score, id="score")
            yield Static(self._how(), id="arithmetic")
            for warning in result.warnings:
                yield Static(
                    Content.styled("⚠ ", "bold $warning") + literal(warning.message),
                    classes="warning",
                )
            yield Label("Your answer", classes="section")
            yield AnswerView(attempt.answer, result.matched, id="answer-view")
            yield Label(f"Points you made ({len(result.matched)})", classes="section")
            yield PointList(result.matched, made=True, id="made")
            yield Label(f"Points you missed ({len(result.missed)})", classes="section")
            yield PointList(result.missed, made=False, id="missed")
        yield Footer()

    def _how(self) -> Content:
        attempt = self.attempt
        seconds = round(attempt.seconds)
        took = f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"
        parts = [
            Content.styled("How: ", "bold"),
            literal(attempt.result.arithmetic),
            Content.styled(f"   try {attempt.try_number} · {took}", "$foreground-muted"),
        ]
        if attempt.timed_out:
            parts.append(Content.styled(" · submitted when time ran out", "$warning"))
        return Content.assemble(*parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        round_ = self.session.round
        if action in ("retry", "next", "summary"):
            # Only while the answer is graded: guards double presses while the screen changes.
            if round_.phase is not Phase.GRADED:
                return False
            if action == "next":
                return not round_.is_last
            if action == "summary":
                return round_.is_last
        return super().check_action(action, parameters)

    def action_retry(self) -> None:
        self.game.retry_turn()

    def action_next(self) -> None:
        self.game.next_turn()

    def action_summary(self) -> None:
        self.game.next_turn()

    def action_end_round(self) -> None:
        self.game.end_round()
