"""Asks a yes/no question before something that cannot be undone from inside the game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from game.ui.text import literal


class ConfirmModal(ModalScreen[bool]):
    """Returns True for yes (y), False for no (n, Esc, or Enter on the focused No)."""

    HELP = """\
## Are you sure?

**y** (or the Yes button) goes ahead; **n** or **Esc** leaves everything as it is. The
focus starts on No, so Enter alone changes nothing.
"""
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="Leave it as it is"),
    ]
    AUTO_FOCUS = "#no"

    def __init__(self, title: str, explanation: str, yes: str) -> None:
        super().__init__()
        self.title_text = title
        self.explanation = explanation
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(literal(self.explanation))
            yield Static(f"y: {self.yes.lower()} · n or Esc: no", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="warning", id="yes")
                yield Button("No", variant="primary", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
