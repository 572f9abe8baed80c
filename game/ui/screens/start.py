"""The start screen: who plays, which pack, and what kind of round. Enter x3 starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static

from game.safe_text import shorten
from game.ui.play_options import (
    CUSTOM,
    MODES,
    STANCE_HINT,
    STANCES,
    START_LABELS,
    custom_seconds,
    kind_options,
    kind_value,
    prep_options,
    timer_options,
)
from game.ui.screens.base import QUIT_KEY, STATS_KEY, GameScreen
from game.ui.session import RoundChoice
from game.ui.text import short
from game.ui.widgets.choice import Choice
from game.ui.widgets.pack_list import PackList
from game.ui.words import GUEST, NAME_LIMIT, tidy_name

if TYPE_CHECKING:
    from textual.timer import Timer

    from game.packs.discovery import PackEntry
    from game.rounds.plan import StanceChoice


NAME_SETTLE = 0.3
"""Seconds after the last key in the name box before the player's drafts and drills are read."""
LATER_LINES: dict[str, tuple[str, str]] = {
    "players-known": ("hint", "player-row"),
    "single-position": ("hint", "stance-hint"),
    "drill-due": ("hint", "single-position"),
    "draft-notice": ("", "drill-due"),
}
"""Lines that are often hidden, as id: (classes, the line they follow, if it is there).

They are mounted the first time they have something to show, not at start-up: the first
screen is drawn sooner with fewer widgets (start-up is measured, tests/bench).
"""


class StartScreen(GameScreen):
    """Pick or create a player, pick a pack and a round."""

    AUTO_FOCUS = "#player"
    HELP = """\
## Start a round

1. **Your name**: type it, or accept the one shown (the last player). Enter moves on.
2. **Pack**: each pack holds the positions of one text. Broken packs are greyed out with
   the reason. **b** shows a pack's positions; pick one there to play just that position.
3. **Round**, **stance** and **timer**: a stance of *rebut* means arguing that a position is
   wrong, *defend* that it is right; *mixed* lets the game choose. The timer submits your
   answer when it runs out; *Custom…* takes the seconds you type.
4. **Play**: *Solo practice*, or a club round at this keyboard: *Hot-seat* (2 to 12 players
   answer in turn) or *Head-to-head* (two players, opposite sides). **Prep** shows each
   position for a while before the answer box opens. **l** shows the club leaderboard.

Enter, Enter, Enter starts a round with the choices shown.
"""
    BINDINGS = [
        Binding(
            "b,f3",
            "browse",
            "Browse pack",
            id="browse-pack",
            tooltip="See the positions of the highlighted pack",
        ),
        Binding(
            "s,f5", "start", "Start", id="start-round", tooltip="Start a round with these choices"
        ),
        Binding(
            "f6,d",
            "resume_draft",
            "Resume answer",
            id="resume-draft",
            tooltip="Go back to the answer you left unsent last time",
        ),
        STATS_KEY,
        Binding(
            "l,f9",
            "leaderboard",
            "Leaderboard",
            id="show-leaderboard",
            show=False,
            tooltip="The club leaderboard: ranked by average score, per pack and period",
        ),
        QUIT_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.position_id: str | None = None
        """The position chosen for a one-position round."""
        self.position_pack: int | None = None
        """The entry the chosen position belongs to."""
        self._waiting: tuple[str, str, str] | None = None
        self._name_timer: Timer | None = None
        """Reads the named player's drafts and drills once typing in the name box stops."""

    def compose(self) -> ComposeResult:
        game = self.game
        settings = game.settings
        yield Header(icon="✎")
        with VerticalScroll(id="start-body"):
            with Horizontal(id="player-row"):
                yield Label("Your name", classes="field-label")
                yield Input(
                    value=game.initial_player(),
                    placeholder=f"type your name (Enter for {GUEST})",
                    max_length=NAME_LIMIT,
                    suggester=SuggestFromList(game.player_names(), case_sensitive=False),
                    compact=True,
                    id="player",
                )
            yield Label("Pack", classes="section")
            yield PackList(id="packs")
            yield Static(id="pack-info", classes="hint")
            with Horizontal(id="play-row"):
                yield Label("Play", classes="field-label")
                yield Choice(MODES, "solo", id="mode")
                yield Label("Prep", classes="field-label")
                yield Choice(prep_options(settings.prep), settings.prep, id="prep")
            with Horizontal(id="options"):
                yield Label("Round", classes="field-label")
                kind = kind_value(settings, self.game.requested_position)
                yield Choice(kind_options(settings.round_count), kind, id="kind")
                yield Label("Stance", classes="field-label")
                yield Choice(STANCES, settings.stance, id="stance")
                yield Label("Timer", classes="field-label")
                yield Choice(timer_options(settings.timer), settings.timer, id="timer")
            yield Static(STANCE_HINT, id="stance-hint", classes="hint")
            with Horizontal(id="start-row"):
                yield Button(START_LABELS["solo"], variant="primary", id="start")
                yield Static(id="store-status", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#player", Input).cursor_blink = self.game.settings.cursor_blink
        if self.game.loading:
            self.query_one("#pack-info", Static).update("Looking for packs…")
            self.query_one("#store-status", Static).update("Opening your saves…")
        else:
            self.loaded()

    def loaded(self) -> None:
        """Fill in what the saves and packs tell (at mount, or when they arrive)."""
        name = self.query_one("#player", Input)
        if not name.value:
            name.value = self.game.initial_player()
        names = self.game.player_names()
        name.suggester = SuggestFromList(names, case_sensitive=False)
        known = self.later_line("players-known", bool(names))
        if known is not None:
            known.display = bool(names)
        if known is not None and names:
            shown = ", ".join(shorten(n, 20) for n in names[:6]) + (", …" if len(names) > 6 else "")
            known.update(Content(f"Players: {shown}"))
        self.refresh_store_status()
        self.packs_ready()
        self.show_drills()

    def packs_ready(self) -> None:
        """Fill the pack list (at mount, or when the packs found in the background arrive)."""
        self.refresh_packs()
        self.show_waiting_draft()
        if self.game.requested_position:
            self._position_picked(self.game.requested_position)

    def later_line(self, name: str, show: bool) -> Static | None:
        """The line ``name`` of ``LATER_LINES``, mounted when first shown; None until then."""
        found = self.query(f"#{name}")
        if found:
            return found.only_one(Static)
        if not show:
            return None
        classes, follows = LATER_LINES[name]
        while follows in LATER_LINES and not self.query(f"#{follows}"):
            follows = LATER_LINES[follows][1]
        line = Static(id=name, classes=classes)
        self.query_one("#start-body").mount(line, after=f"#{follows}")
        return line

    def timer_seconds(self) -> int | None:
        """The timer chosen, in seconds; None (with a notice) when custom seconds are wrong."""
        value = int(str(self.query_one("#timer", Choice).value))
        if value != CUSTOM:
            return value
        typed = self._custom_seconds_box()
        seconds = custom_seconds(typed.value)
        if seconds is None:
            self.notify("Type the seconds per answer (1 to 3600).", severity="warning")
            typed.focus()
        return seconds

    def _custom_seconds_box(self) -> Input:
        """The box for custom seconds, made the first time Custom is picked (not at start-up)."""
        found = self.query("#timer-seconds")
        if found:
            return found.only_one(Input)
        typed = Input(placeholder="secs", restrict=r"[0-9]*", max_length=4, id="timer-seconds")
        self.query_one("#options").mount(typed, after="#timer")
        return typed

    @on(Choice.Changed, "#timer")
    def _timer_changed(self, event: Choice.Changed) -> None:
        custom = event.value == CUSTOM
        if not custom and not self.query("#timer-seconds"):
            return
        typed = self._custom_seconds_box()
        typed.display = custom
        if custom:
            typed.focus()

    def action_leaderboard(self) -> None:
        from game.ui.play_options import show_leaderboard

        show_leaderboard(self.game, self.selected_pack_id())

    # -- packs ------------------------------------------------------------------------------

    def refresh_packs(self) -> None:
        """(Re)fill the pack list from the app's entries, keeping the highlighted pack."""
        wanted = self.selected_pack_id() or self.game.initial_pack_id()
        self.query_one(PackList).fill(self.game.entries, wanted)
        self.show_pack_info()

    @property
    def shown(self) -> list[PackEntry]:
        """The entries in the pack list, as listed (the app's list may be reloaded)."""
        return self.query_one(PackList).shown

    def highlighted_index(self) -> int | None:
        """The entry under the cursor in the pack list, broken or not."""
        return self.query_one(PackList).highlighted_index()

    def selected_entry_index(self) -> int | None:
        """The highlighted entry if it can be played."""
        return self.query_one(PackList).playable_index()

    def selected_pack_id(self) -> str | None:
        index = self.selected_entry_index() if self.is_mounted else None
        return None if index is None else self.shown[index].id

    def show_pack_info(self) -> None:
        self.query_one("#pack-info", Static).update(self.query_one(PackList).info(self.game.served))

    @on(OptionList.OptionHighlighted, "#packs")
    def _pack_highlighted(self) -> None:
        if self.highlighted_index() != self.position_pack:
            self.position_id = None
            line = self.later_line("single-position", False)
            if line is not None:
                line.display = False
        self.show_pack_info()
        self.show_drills()

    @on(OptionList.OptionSelected, "#packs")
    def _pack_chosen(self) -> None:
        if self.selected_entry_index() is None:
            self.notify(
                "This pack is broken; the reason is shown under the list.",
                severity="warning",
                markup=False,
            )
            return
        self.query_one("#start", Button).focus()

    # -- flow -------------------------------------------------------------------------------

    @on(Input.Submitted, "#player")
    def _name_entered(self) -> None:
        self.name_settled()
        self.query_one("#packs", OptionList).focus()

    @on(Input.Changed, "#player")
    def _name_changed(self) -> None:
        # Each key would re-read every draft and count the due drills: wait for a pause.
        if self._name_timer is not None:
            self._name_timer.stop()
        self._name_timer = self.set_timer(NAME_SETTLE, self.name_settled)

    def name_settled(self) -> None:
        """Show the unsent answer and due drills of the player now named (once, not per key)."""
        if self._name_timer is not None:
            self._name_timer.stop()
            self._name_timer = None
        self.show_waiting_draft()
        self.show_drills()

    def show_drills(self) -> None:
        """How many drills are due for this player and pack (once the saves are open)."""
        from game.ui.drill_flow import due_line

        name = tidy_name(self.query_one("#player", Input).value)
        drill = self.query_one("#kind", Choice).value == "drill"
        text = (
            None if self.game.loading else due_line(self.game, name, self.selected_pack_id(), drill)
        )
        line = self.later_line("drill-due", text is not None)
        if line is not None:
            line.display = text is not None
            line.update(Content(text or ""))

    def waiting_draft(self) -> tuple[str, str, str] | None:
        """The first unsent answer this player left, as (pack id, position id, stance)."""
        name = tidy_name(self.query_one("#player", Input).value)
        waiting = self.game.drafts.waiting(name, self.game.entries)
        return waiting[0] if waiting else None

    def show_waiting_draft(self) -> None:
        """Look for an unsent answer of the player named, and offer it."""
        waiting = self._waiting = self.waiting_draft()
        notice = self.later_line("draft-notice", waiting is not None)
        if notice is not None:
            notice.display = waiting is not None
        if notice is not None and waiting is not None:
            pack_id, position_id, _ = waiting
            pack = next(e.pack for e in self.game.entries if e.pack and e.id == pack_id)
            claim = pack.position(position_id).claim
            notice.update(
                Content.assemble(
                    ("Unsent answer waiting: ", "bold $text-warning"),
                    short(claim, 36),
                    (" · F6 resumes it", "bold"),
                )
            )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume_draft":
            return self._waiting is not None
        return super().check_action(action, parameters)

    def action_resume_draft(self) -> None:
        from game.rounds.plan import RoundSpec

        if self._name_timer is not None:  # the name changed just now: look again first
            self.name_settled()
        waiting = self._waiting
        if waiting is None:
            return
        pack_id, position_id, stance = waiting
        name = tidy_name(self.query_one("#player", Input).value)
        choice = RoundChoice(
            player=name,
            pack_id=pack_id,
            spec=RoundSpec(kind="single", position_id=position_id),
            stance=stance,  # type: ignore[arg-type]
            timer=self.timer_seconds() or 0,
        )
        self.game.start_round(choice)

    @on(Choice.Changed, "#kind")
    def _kind_changed(self, event: Choice.Changed) -> None:
        if event.value == "single" and self.position_id is None and self.is_mounted:
            self.action_browse()
        if self.is_mounted:
            self.show_drills()

    @on(Choice.Changed, "#mode")
    def _mode_changed(self, event: Choice.Changed) -> None:
        self.query_one("#start", Button).label = START_LABELS[str(event.value)]

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_browse(self) -> None:
        index = self.highlighted_index()
        if index is None:
            self.notify("Highlight a pack first.", severity="warning", markup=False)
            return
        from game.ui.screens.pack_browser import PackBrowserScreen

        self.app.push_screen(PackBrowserScreen(self.shown[index]), self._position_picked)

    def _position_picked(self, position_id: str | None) -> None:
        index = self.selected_entry_index()
        pack = self.shown[index].pack if index is not None else None
        if position_id is None or pack is None:
            return
        try:
            claim = pack.position(position_id).claim
        except KeyError:
            self.notify(
                f"This pack has no position {position_id!r}.", severity="warning", markup=False
            )
            return
        self.position_id, self.position_pack = position_id, index
        self.query_one("#kind", Choice).value = "single"
        line = self.later_line("single-position", True)
        assert line is not None
        line.update(Content.assemble(("Position: ", "bold"), short(claim, 100)))
        line.display = True
        self.query_one("#start", Button).focus()

    def action_start(self) -> None:
        from game.rounds.plan import RoundSpec, parse_positions

        if self.game.loading:
            self.notify("Still looking for packs; a moment…", markup=False)
            return
        index = self.selected_entry_index()
        if index is None:
            self.notify("Choose a pack that is not broken.", severity="warning", markup=False)
            self.query_one("#packs", OptionList).focus()
            return
        kind = str(self.query_one("#kind", Choice).value)
        mode = str(self.query_one("#mode", Choice).value)
        timer = self.timer_seconds()
        if timer is None:
            return
        if kind == "drill" and mode != "solo":
            self.notify("Drills are for one player: choose Solo practice.", severity="warning")
            return
        if kind == "drill":
            from game.ui.drill_flow import start_drill

            name = tidy_name(self.query_one("#player", Input).value) or GUEST
            start_drill(self.game, name, self.shown[index].id, timer)
            return
        if kind == "single":
            if self.position_id is None:
                self.action_browse()
                return
            spec = RoundSpec(kind="single", position_id=self.position_id)
        else:
            spec = parse_positions(kind)
        name = tidy_name(self.query_one("#player", Input).value) or GUEST
        self.query_one("#player", Input).value = name
        stance = str(self.query_one("#stance", Choice).value)
        prep = int(str(self.query_one("#prep", Choice).value))
        if mode != "solo":
            from game.ui.play_options import open_club_setup

            entry, picked = self.shown[index], cast("StanceChoice", stance)
            open_club_setup(self.game, mode, entry, spec, picked, timer, prep, name)
            return
        choice = RoundChoice(
            player=name,
            pack_id=self.shown[index].id,
            spec=spec,
            stance=stance,  # type: ignore[arg-type]
            timer=timer,
            prep=prep,
        )
        self.game.start_round(choice)

    def round_ended(self) -> None:
        """Back from a round: recording may have stopped and drafts may have changed."""
        self.refresh_store_status()
        self.show_waiting_draft()
        self.show_drills()

    def refresh_store_status(self) -> None:
        status = self.query_one("#store-status", Static)
        message = self.game.recording_status()
        status.update(Content(message))
        status.set_class(self.game.store is None, "-warning")

    def focus_packs(self) -> None:
        """Put the cursor on the pack list (the palette's "Choose pack")."""
        self.query_one("#packs", OptionList).focus()
