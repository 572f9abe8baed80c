"""The statistics screen: progress across sessions, mastery, and the flow sheet.

Three tabs, so that each fits 80x24: an overview (numbers, the trend chart, personal bests,
streak, weakest positions), mastery of every position and stance, and the flow sheet of
rubric points found, dropped and never raised. **d** drills the dropped points from any tab.
"""

from __future__ import annotations

import re
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import Footer, Header, Label, OptionList, Static, TabbedContent, TabPane

from game.progress.stats import Mastery, PersonalBest
from game.safe_text import shorten
from game.ui.progress_view import StatsView
from game.ui.screens.base import QUIT_KEY, GameScreen
from game.ui.widgets.flow_grid import FlowGrid, legend, row_detail
from game.ui.widgets.mastery_table import ARROWS, FIXED_COLUMNS, LEGEND, MasteryTable
from game.ui.widgets.trend_chart import TrendChart

TABS = {"overview": "#overview-body", "mastery": "#mastery-table", "flow": "#flow-grid"}
"""Tab id -> the widget that takes the focus when the tab is shown."""
CARD = re.compile(r"^(?P<pack>[^/]+)/(?P<position>.+?)(?: \((?P<stance>rebut|defend)\))?$")
"""The ``pack/position (stance)`` detail of an answer or points record."""


class StatsScreen(GameScreen):
    """One player's statistics, from the saves."""

    CSS_PATH = "../stats.tcss"
    HELP = """\
## Statistics

Your progress across sessions, from your saves. **o**, **m** and **f** switch between the
*Overview* (rounds, answers, scores, the trend by session, streak, personal bests and weakest
positions), *Mastery* (best, last and average score, tries and trend for each position and
stance) and the *Flow sheet*.

The flow sheet has one row per position and one column per stance, with a mark for each
point of the rubric: **✓** you made it last time, **✗** you made it before but dropped it
last time, **○** you have never raised it, **·** not tried yet. Move along the rows to see
each point spelled out, with the tries it was made in ("1 of 2"). **d** starts a drill round
on the positions where you dropped a point.
"""
    BINDINGS = [
        Binding(
            "d",
            "drill_dropped",
            "Drill dropped",
            id="drill-dropped",
            tooltip="A drill round on the positions where you dropped a point",
        ),
        Binding(
            "o",
            "tab('overview')",
            "Overview",
            id="stats-overview",
            show=False,
            tooltip="Scores, trend, streak, personal bests, weakest positions",
        ),
        Binding(
            "m",
            "tab('mastery')",
            "Mastery",
            id="stats-mastery",
            show=False,
            tooltip="Best, last and average score of each position and stance",
        ),
        Binding(
            "f",
            "tab('flow')",
            "Flow sheet",
            id="stats-flow",
            show=False,
            tooltip="Each rubric point: found, dropped or never raised",
        ),
        Binding("escape", "close", "Back", id="close-stats", tooltip="Back to where you were"),
        QUIT_KEY,
    ]

    def __init__(self, view: StatsView | str, tab: str = "overview") -> None:
        super().__init__()
        self.view = view
        """The statistics, or why there are none to show."""
        self.first_tab = tab if tab in TABS else "overview"

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="✎")
        view = self.view
        if isinstance(view, str):
            with VerticalScroll(id="stats-empty"):
                yield Static(Content(view), id="stats-message")
                yield Static("Esc goes back.", classes="hint")
        else:
            with TabbedContent(id="stats-tabs", initial=self.first_tab):
                with TabPane("Overview (o)", id="overview"):
                    yield from self._overview(view)
                with TabPane("Mastery (m)", id="mastery"), Vertical(id="mastery-body"):
                    yield MasteryTable(id="mastery-table")
                    yield Static(LEGEND, id="mastery-legend", classes="hint")
                with TabPane("Flow sheet (f)", id="flow"), Vertical(id="flow-body"):
                    yield Static(id="flow-legend")
                    yield Static(id="flow-header")
                    yield FlowGrid(id="flow-grid")
                    with VerticalScroll(id="flow-detail-box"):
                        yield Static(id="flow-detail")
        yield Footer()

    def _overview(self, view: StatsView) -> ComposeResult:
        with VerticalScroll(id="overview-body"):
            yield Static(self._headline(view), id="stats-headline")
            yield Label("Score by session", classes="section")
            yield TrendChart(view.stats.trend, id="trend")
            yield Label("Personal bests", classes="section")
            yield Static(id="stats-bests")
            yield Label("Weakest positions (recent form)", classes="section")
            yield Static(id="stats-weakest")
            yield Static(self._drill_hint(view), id="stats-drill-hint")

    def on_mount(self) -> None:
        if isinstance(self.view, str):
            return
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._fill()
        self._focus_tab(self.first_tab)

    def on_resize(self, event: Resize) -> None:
        if not isinstance(self.view, str):
            self._fill()

    def _theme_changed(self, theme: object) -> None:
        self._fill()

    def _fill(self) -> None:
        """Fill the tables for the screen's width (they shorten claims to fit)."""
        assert not isinstance(self.view, str)
        view, width = self.view, self.size.width or self.app.size.width
        several = len({m.pack_id for m in view.stats.mastery}) > 1
        self.query_one(MasteryTable).fill(
            view.stats.mastery,
            view.claim,
            self.app.theme_variables,
            max(20, width - FIXED_COLUMNS),
            view.pack_title if several else None,
        )
        self.query_one("#stats-bests", Static).update(self._bests(view, width))
        self.query_one("#stats-weakest", Static).update(self._weakest(view, width))
        self.query_one("#flow-legend", Static).update(legend(width - 2))
        grid = self.query_one(FlowGrid)
        grid.fill(view, width - 2)
        self.query_one("#flow-header", Static).update(grid.header())
        self._show_detail()

    # -- the overview's text ------------------------------------------------------------------

    @staticmethod
    def _headline(view: StatsView) -> Content:
        s = view.stats
        streak = s.streak
        last = _day(s.last_at, view) if s.last_at else "never"
        numbers = Content.assemble(
            (shorten(view.player, 30), "bold"),
            f" · {s.rounds} round{'s' * (s.rounds != 1)} · {s.answers} answer"
            f"{'s' * (s.answers != 1)} · average ",
            (f"{s.average:.0f}" if s.average is not None else "-", "bold"),
            " · best ",
            (str(s.best) if s.best is not None else "-", "bold"),
        )
        days = Content.assemble(
            ("Streak ", "bold"),
            f"{streak.current} day{'s' * (streak.current != 1)} in a row"
            f" (longest {streak.longest}) · last answer {last}",
        )
        return Content("\n").join([numbers, days])

    @staticmethod
    def _bests(view: StatsView, width: int) -> Content:
        lines = [_best_line(view, b, width) for b in view.stats.bests]
        return Content("\n").join(lines) if lines else Content("None yet.")

    @staticmethod
    def _weakest(view: StatsView, width: int) -> Content:
        weak = [m for m in view.stats.weakest if m.recent < 100]
        if not weak:
            return Content("Nothing weak: full marks on every position you tried.")
        return Content("\n").join(_weak_line(view, m, width) for m in weak)

    @staticmethod
    def _drill_hint(view: StatsView) -> Content:
        dropped = view.dropped()
        if not dropped:
            return Content.styled("No dropped points: nothing to drill from the flow sheet.", "")
        pack = view.drill_pack()
        count = dropped[pack] if pack else 0
        return Content.assemble(
            f"You dropped {count} point{'s' * (count != 1)} you had found before. ",
            ("Press d to drill them.", "bold"),
        )

    # -- flow sheet -----------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#flow-grid")
    def _row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        assert not isinstance(self.view, str)
        grid = self.query_one(FlowGrid)
        option = grid.highlighted_option
        row = grid.row(option.id if option is not None else None)
        detail = self.query_one("#flow-detail", Static)
        if row is None:
            detail.update("Nothing on the flow sheet yet.")
            return
        # Padding and the scroll bar take 4 columns; the rest is the row's width.
        detail.update(row_detail(self.view, row, max(40, self.size.width - 6)))

    # -- actions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "drill_dropped":
            return None if isinstance(self.view, str) or not self.view.dropped() else True
        if action == "tab":
            return not isinstance(self.view, str)
        return super().check_action(action, parameters)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self._focus_tab(tab)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or ""
        if pane in TABS and not self.query_one(TABS[pane]).has_focus:
            self._focus_tab(pane)

    def _focus_tab(self, tab: str) -> None:
        self.query_one(TABS[tab]).focus()

    def action_drill_dropped(self) -> None:
        if isinstance(self.view, str):
            return
        from game.ui.drill_flow import start_dropped_drill

        start_dropped_drill(self.game, self.view)

    def action_close(self) -> None:
        self.dismiss()


def _day(when: datetime, view: StatsView) -> str:
    local = when.astimezone(view.tz)
    return f"{local.day} {local:%b}" if local.year == view.today.year else f"{local:%d %b %Y}"


def _where(view: StatsView, detail: str, room: int) -> Content:
    """A record's position as its claim (and stance), from ``pack/position (stance)``."""
    found = CARD.match(detail)
    if found is None:
        return Content(shorten(detail, room))
    stance_room = 9 if found["stance"] else 0
    claim = shorten(view.claim(found["pack"], found["position"]), max(12, room - stance_room))
    stance = f" ({found['stance']})" if found["stance"] else ""
    return Content(f"“{claim}”{stance}")


def _best_line(view: StatsView, best: PersonalBest, width: int) -> Content:
    when = f" · {_day(best.at, view)}" if best.at else ""
    room = width - 30 - len(when)  # label, value, quotes, padding and scroll bar
    if best.kind == "answer":
        return Content.assemble(
            ("Best answer     ", "bold"),
            f"{best.value:>4g}  ",
            _where(view, best.detail, room),
            when,
        )
    if best.kind == "points":
        return Content.assemble(
            ("Most points     ", "bold"),
            f"{best.value:>4g}  in one answer to ",
            _where(view, best.detail, room - 17),
            when,
        )
    if best.kind == "round":
        return Content.assemble(("Best round      ", "bold"), f"{best.value:>4g}  average", when)
    return Content.assemble(
        ("Longest streak  ", "bold"),
        f"{best.value:>4g}  day{'s' * (best.value != 1)} in a row",
    )


def _weak_line(view: StatsView, m: Mastery, width: int) -> Content:
    arrow = ARROWS[m.direction]
    style = {"up": "$text-success", "down": "$text-error"}.get(m.direction, "$text-muted")
    return Content.assemble(
        (f"{m.recent:>4.0f}  ", "bold"),
        (arrow, style),
        f" {m.stance:<7}",
        shorten(view.claim(m.pack_id, m.position_id), max(20, width - 20)),
    )
