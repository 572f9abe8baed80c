"""Who plays a club round: add and remove players' names, then start.

Names are typed one at a time (Enter adds; Enter on an empty box starts once there are
enough players). They are cleaned as they are added, and a name already playing (ignoring
case) is refused, so the leaderboard never splits one player in two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.rounds.club import MAX_PLAYERS, ClubSetupError, check_players, tidy_player
from game.safe_text import shorten
from game.ui.club_flow import MODE_NAMES, ClubChoice, Mode, start_club
from game.ui.screens.base import GameScreen
from game.ui.text import literal
from game.ui.widgets.choice import Choice

if TYPE_CHECKING:
    from game.rounds.plan import RoundSpec, StanceChoice

PURPOSE = {
    "hotseat": "2 to 12 players answer the same positions in turn at this keyboard.",
    "headtohead": "two players, one defends and one rebuts the same position; sides swap.",
}
STANCE_RULES = [("Same for everyone", "same"), ("Alternate", "alternate")]


class ClubSetupScreen(GameScreen):
    """The players of a hot-seat round or a head-to-head match."""

    CSS_PATH = "../club.tcss"
    AUTO_FOCUS = "#setup-name"
    HELP = """\
## Players

Type a player's name and press **Enter** to add it; add everyone who plays (hot-seat: 2 to
12; head-to-head: 2). Names are tidied, and the same name twice (in any case) is refused.
In the list, **Delete** removes the highlighted player. When everyone is in, **Enter** on the
empty name box (or **F5**) starts. The order of the list is the order of play.
"""
    BINDINGS = [
        Binding("f5,ctrl+s", "start", "Start", id="start-club", tooltip="Start with these players"),
        Binding(
            "delete,backspace",
            "remove",
            "Remove player",
            id="remove-player",
            tooltip="Remove the highlighted player",
        ),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the start screen"),
    ]

    def __init__(
        self,
        mode: Mode,
        *,
        pack_id: str,
        pack_title: str,
        spec: RoundSpec,
        stance: StanceChoice,
        timer: int,
        prep: int,
        names: list[str],
    ) -> None:
        super().__init__()
        self.mode: Mode = mode
        self.pack_id = pack_id
        self.pack_title = pack_title
        self.spec = spec
        self.stance: StanceChoice = stance
        self.timer = timer
        self.prep = prep
        self.most = 2 if mode == "headtohead" else MAX_PLAYERS
        self.names: list[str] = []
        for name in names:
            tidy = tidy_player(name)
            if tidy and tidy.casefold() not in {n.casefold() for n in self.names}:
                self.names.append(tidy)
        del self.names[self.most :]

    def compose(self) -> ComposeResult:
        yield Header(icon="✎")
        with VerticalScroll(id="setup-body"):
            yield Static(
                Content.assemble((f"{MODE_NAMES[self.mode]}: ", "bold"), PURPOSE[self.mode]),
                id="setup-title",
            )
            yield Static(self._round_line(), id="setup-round", classes="hint")
            yield Label("Players", classes="section")
            yield OptionList(id="setup-players")
            with Horizontal(id="setup-add-row"):
                yield Label("Name", classes="field-label")
                yield Input(
                    placeholder="type a name; Enter adds it",
                    max_length=40,
                    compact=True,
                    id="setup-name",
                )
            yield Static(id="setup-error")
            if self.mode == "hotseat":
                with Horizontal(id="setup-stance-row"):
                    yield Label("Stances", classes="field-label")
                    yield Choice(STANCE_RULES, "same", id="setup-stances")
                    yield Static(id="setup-stance-hint", classes="hint")
            with Horizontal(id="setup-start-row"):
                yield Button("Start", variant="primary", id="setup-start")
                yield Static(id="setup-count", classes="hint")
        yield Footer()

    def _round_line(self) -> Content:
        parts = [shorten(self.pack_title, 40), self.spec.describe()]
        if self.timer:
            parts.append(f"{_seconds(self.timer)} per answer")
        if self.prep:
            parts.append(f"{_seconds(self.prep)} to prepare")
        return Content(" · ".join(parts))

    def on_mount(self) -> None:
        self.query_one("#setup-name", Input).cursor_blink = self.game.settings.cursor_blink
        self._refresh()
        self._stance_hint()
        if len(self.names) >= self.most:
            self.query_one("#setup-start", Button).focus()

    def _refresh(self) -> None:
        players = self.query_one("#setup-players", OptionList)
        highlighted = players.highlighted
        players.clear_options()
        for number, name in enumerate(self.names, 1):
            players.add_option(Option(Content(f"{number:>2}. ") + literal(name)))
        if self.names:
            players.highlighted = min(highlighted or 0, len(self.names) - 1)
        players.display = bool(self.names)
        count = len(self.names)
        need = 2 - count
        full = count >= self.most
        status = "Ready: F5, or Enter on an empty name." if count >= 2 else ""
        if full:
            status = "Ready: F5 or Enter on Start begins. Delete a player to change one."
        if need > 0:
            status = f"Add {need} more player{'s' * (need != 1)}."
        self.query_one("#setup-count", Static).update(
            Content(f"{count} player{'s' * (count != 1)}. {status}")
        )
        box = self.query_one("#setup-name", Input)
        box.disabled = full
        box.placeholder = "the list is full" if full else "type a name; Enter adds it"
        self.refresh_bindings()

    def _error(self, message: str) -> None:
        self.query_one("#setup-error", Static).update(Content.styled(message, "$text-warning"))

    def _stance_hint(self) -> None:
        if self.mode != "hotseat":
            return
        rule = str(self.query_one("#setup-stances", Choice).value)
        if rule == "alternate":
            hint = "neighbours argue opposite sides, swapping each position"
        elif self.stance == "mixed":
            hint = "everyone takes the same stance, picked per position"
        else:
            hint = f"everyone will {self.stance}"
        self.query_one("#setup-stance-hint", Static).update(hint)

    @on(Choice.Changed, "#setup-stances")
    def _stances_changed(self) -> None:
        self._stance_hint()

    @on(Input.Submitted, "#setup-name")
    def _name_submitted(self, event: Input.Submitted) -> None:
        name = tidy_player(event.value)
        if not name:
            if event.value.strip():
                self._error("That name has nothing printable in it.")
                return
            self.action_start()
            return
        if name.casefold() in {n.casefold() for n in self.names}:
            self._error(f"{shorten(name, 40)} is already playing; each name must differ.")
            return
        if len(self.names) >= self.most:
            self._error(f"{MODE_NAMES[self.mode]} takes at most {self.most} players.")
            return
        self.names.append(name)
        event.input.value = ""
        self._error("")
        self._refresh()
        if len(self.names) >= self.most:
            self.query_one("#setup-start", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            # Backspace edits the name box; it removes a player only from the list.
            players = self.query_one("#setup-players", OptionList) if self.is_mounted else None
            return bool(self.names) and players is not None and players.has_focus
        return super().check_action(action, parameters)

    def action_remove(self) -> None:
        players = self.query_one("#setup-players", OptionList)
        index = players.highlighted
        if index is None or not self.names:
            return
        del self.names[index]
        self._refresh()
        if not self.names:
            self.query_one("#setup-name", Input).focus()

    @on(Button.Pressed, "#setup-start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        least = 2
        try:
            players = check_players(self.names, least=least, most=self.most)
        except ClubSetupError as error:
            self._error(str(error).capitalize() + ".")
            name = self.query_one("#setup-name", Input)
            if not name.disabled:
                name.focus()
            return
        alternate = (
            self.mode == "hotseat" and self.query_one("#setup-stances", Choice).value == "alternate"
        )
        choice = ClubChoice(
            mode=self.mode,
            players=players,
            pack_id=self.pack_id,
            spec=self.spec,
            stance=self.stance,
            alternate=alternate,
            timer=self.timer,
            prep=self.prep,
        )
        start_club(self.game, choice)

    def action_back(self) -> None:
        self.app.pop_screen()


def _seconds(seconds: int) -> str:
    """30 s, 2 min, 2 min 30 s."""
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")
