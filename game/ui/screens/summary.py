"""The round summary: every position's score, total, average, best and weakest."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from game.rounds.practice import RoundSummary
from game.safe_text import shorten
from game.ui.screens.base import QUIT_KEY, STATS_KEY, GameScreen
from game.ui.session import PlaySession
from game.ui.text import short


class SummaryScreen(GameScreen):
    """How the round went, and an invitation to try the weakest position again."""

    CSS_PATH = "../results.tcss"
    AUTO_FOCUS = "#scores"
    HELP = """\
## Round summary

Each position you answered, with your best score on it and how many tries it took. The
total adds the best scores; the weakest position is the one to practise next: **w** plays it
again straight away. **n** goes back to the start screen for a new round, **t** shows your
statistics. A personal best beaten in this round is announced under the totals.
"""
    BINDINGS = [
        Binding(
            "w",
            "retry_weakest",
            "Retry weakest",
            id="retry-weakest",
            tooltip="Play your weakest position again",
        ),
        Binding("n", "new_round", "New round", id="new-round", tooltip="Back to the start screen"),
        STATS_KEY,
        Binding(
            "escape",
            "new_round",
            "New round",
            id="back-to-start",
            show=False,
            tooltip="Back to the start screen",
        ),
        QUIT_KEY,
    ]

    def __init__(self, session: PlaySession) -> None:
        super().__init__()
        self.session = session
        self.summary: RoundSummary = session.round.summary()

    def compose(self) -> ComposeResult:
        summary = self.summary
        yield Header(icon="✎")
        with VerticalScroll(id="summary"):
            answered = (
                f"{summary.answered} of {summary.planned}"
                if summary.answered < summary.planned
                else str(summary.answered)
            )
            yield Static(
                Content.styled(
                    f"Round over: {answered} position{'s' * (summary.planned != 1)} answered",
                    "bold",
                ),
                id="summary-title",
            )
            yield DataTable(id="scores", cursor_type="row", zebra_stripes=True)
            yield Static(self._totals(), id="totals")
            yield Static(id="new-bests")
            yield Static(self._invitation(), id="invitation")
        yield Footer()

    def on_mount(self) -> None:
        self._announce_bests()
        table = self.query_one("#scores", DataTable)
        table.add_column("#", key="n")
        table.add_column("Position", key="claim")
        table.add_column("Stance", key="stance")
        table.add_column("Best", key="best")
        table.add_column("Tries", key="tries")
        for row in self.summary.turns:
            table.add_row(
                Text(str(row.index + 1), justify="right"),
                Text(shorten(row.claim, 48)),
                Text(row.stance),
                Text(f"{row.best}/100", justify="right"),
                Text(str(row.tries), justify="right"),
            )

    def _announce_bests(self) -> None:
        from game.ui.bests import round_bests

        found, fresh = round_bests(self.game.store, self.session)
        line = self.query_one("#new-bests", Static)
        line.display = bool(found)
        line.update(
            Content("\n").join(Content.styled(f"★ {b}", "bold $text-success") for b in found)
        )
        if found and fresh:
            self.notify("\n".join(found), title="Personal best!", markup=False)

    def _totals(self) -> Content:
        s = self.summary
        if not s.turns:
            return Content.styled("No answer was graded in this round.", "italic")
        lines = [
            Content.assemble(
                ("Total ", "bold"),
                f"{s.total} of {s.out_of}",
                ("   Average ", "bold"),
                f"{s.average:.0f}/100",
            ),
        ]
        if s.best is not None and s.weakest is not None and s.answered > 1:
            lines.append(
                Content.assemble(
                    ("Best     ", "bold $success"), f"{s.best.best:>3}  ", short(s.best.claim, 60)
                )
            )
            lines.append(
                Content.assemble(
                    ("Weakest  ", "bold $error"),
                    f"{s.weakest.best:>3}  ",
                    short(s.weakest.claim, 60),
                )
            )
        return Content("\n").join(lines)

    def _invitation(self) -> Content:
        weakest = self.summary.weakest
        if weakest is None:
            return Content("Press n to start a new round.")
        if weakest.best >= 100:
            return Content(
                "Full marks everywhere. Press n for a new round, perhaps with the other stance."
            )
        return Content.assemble(
            "Your weakest was “",
            short(weakest.claim, 60),
            f"” ({weakest.best}/100). ",
            ("Press w to try it again", "bold"),
            ": the points you missed are fresh in mind.",
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry_weakest":
            weakest = self.summary.weakest
            return weakest is not None and weakest.best < 100
        return super().check_action(action, parameters)

    def action_retry_weakest(self) -> None:
        self.game.retry_weakest()

    def action_new_round(self) -> None:
        self.game.back_to_start()
