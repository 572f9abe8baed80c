"""Offers back an answer that was being typed when the game last stopped."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from game.safe_text import shorten
from game.ui.text import literal

PREVIEW = 400


class DraftModal(ModalScreen[bool]):
    """Restore the unsent answer (True) or start afresh (False)."""

    HELP = """\
## Unsent answer

Last time you were writing an answer to this position and did not submit it. **Enter**
puts it back in the answer box; **Esc** throws it away and starts with an empty box.
"""
    BINDINGS = [
        Binding(
            "escape",
            "discard",
            "Start afresh",
            id="discard-draft",
            tooltip="Throw the old answer away",
        ),
        Binding(
            "enter", "restore", "Restore", id="restore-draft", tooltip="Put the old answer back"
        ),
    ]
    AUTO_FOCUS = "#restore"

    def __init__(self, draft: str, saved_at: datetime | None = None) -> None:
        super().__init__()
        self.draft = draft
        self.saved_at = saved_at

    def compose(self) -> ComposeResult:
        with Vertical(id="draft", classes="dialog"):
            when = f" from {self.saved_at.astimezone():%H:%M}" if self.saved_at else ""
            yield Label(
                f"You have an unsent answer{when} for this position", classes="dialog-title"
            )
            preview = self.draft if len(self.draft) <= PREVIEW else shorten(self.draft, PREVIEW)
            yield Static(literal(preview), id="draft-preview")
            words = len(self.draft.split())
            yield Static(f"{words} word{'s' * (words != 1)}. Restore it?", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Restore", variant="primary", id="restore")
                yield Button("Start afresh", id="discard")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore")

    def action_restore(self) -> None:
        self.dismiss(True)

    def action_discard(self) -> None:
        self.dismiss(False)
