"""A pack at a glance: its source, and every position with its claim; Enter picks one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from game.ui.text import literal
from game.ui.words import attribution

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry


class PackBrowserScreen(ModalScreen[str | None]):
    """Shows a pack's positions; returns the id of the one chosen, or None."""

    HELP = """\
## Pack browser

Every position of the pack, with the stances it can be played in. **Enter** picks the
highlighted position for a one-position round; **Esc** goes back without choosing.
"""
    BINDINGS = [
        Binding("escape", "close", "Back", id="close-browser", tooltip="Back to the start screen"),
        Binding(
            "enter",
            "pick",
            "Play this position",
            id="pick-position",
            show=True,
            tooltip="Play only this position",
        ),
        Binding(
            "l",
            "lab",
            "Rubric lab",
            id="open-lab",
            tooltip="Try answers on this position's rubric, live (for instructors)",
        ),
    ]

    def __init__(self, entry: PackEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        pack = self.entry.pack
        with Vertical(id="browser", classes="dialog"):
            if pack is None:
                yield Label("This pack cannot be played", classes="dialog-title")
                yield Static(literal(str(self.entry.error or "unknown problem")), classes="error")
            else:
                yield Static(literal(pack.title, "bold"), classes="dialog-title")
                yield Static(literal(f"Source: {attribution(pack.source)}"), classes="hint")
                options = []
                for number, position in enumerate(pack.positions, 1):
                    stances = " / ".join(position.stances)
                    prompt = Content.assemble(
                        (f"{number:>2}. ", "bold"),
                        literal(position.claim),
                        (f"  [{stances}]", "$foreground-muted"),
                    )
                    options.append(Option(prompt, id=position.id))
                yield OptionList(*options, id="positions")
            yield Footer()

    def on_mount(self) -> None:
        self.query_one("#browser").border_title = "Pack"
        if self.entry.pack is not None:
            self.query_one(
                "#browser"
            ).border_subtitle = f"{len(self.entry.pack.positions)} positions"

    @on(OptionList.OptionSelected, "#positions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self) -> None:
        if self.entry.pack is None:
            self.dismiss(None)
            return
        option = self.query_one("#positions", OptionList).highlighted_option
        self.dismiss(option.id if option else None)

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lab":
            return not getattr(self.app, "served", False)
        return True

    def action_lab(self) -> None:
        from game.ui.screens.lab import open_lab

        option = None
        if self.entry.pack is not None:
            option = self.query_one("#positions", OptionList).highlighted_option
        open_lab(self.app, self.entry, position_id=option.id if option else None)  # type: ignore[arg-type]
