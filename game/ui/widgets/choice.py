"""A one-line choice among a few options: ←/→ (or a click) to change it.

Lighter than ``Select`` (one widget instead of an overlay, a list and labels), which matters on
the start screen: it is the first thing drawn, and start-up time is measured.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Choice(Widget, can_focus=True):
    """Shows ``◂ label ▸``; the value is one of the options' values."""

    DEFAULT_CSS = """
    Choice { height: 1; padding: 0 1; background: $boost; }
    Choice:focus { background: $primary 40%; text-style: bold; }
    """
    BINDINGS = [
        Binding(
            "left",
            "move(-1)",
            "Previous choice",
            show=False,
            id="choice-previous",
            tooltip="Pick the option before this one",
        ),
        Binding(
            "right,space",
            "move(1)",
            "Next choice",
            show=False,
            id="choice-next",
            tooltip="Pick the option after this one",
        ),
    ]

    index: reactive[int] = reactive(0)
    """Which option is chosen."""

    class Changed(Message):
        """The player picked another option."""

        def __init__(self, choice: Choice, value: Any) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self, options: list[tuple[str, Any]], value: Any, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.set_reactive(Choice.index, self._index_of(value))
        self.styles.width = max(len(label) for label, _ in self.options) + 6

    def _index_of(self, value: Any) -> int:
        for number, (_, option) in enumerate(self.options):
            if option == value:
                return number
        return 0

    @property
    def value(self) -> Any:
        """The chosen option's value."""
        return self.options[self.index][1]

    @value.setter
    def value(self, value: Any) -> None:
        self.index = self._index_of(value)

    def render(self) -> Content:
        label = self.options[self.index][0]
        return Content.assemble(("◂ ", "$foreground-muted"), label, (" ▸", "$foreground-muted"))

    def watch_index(self, old: int, new: int) -> None:
        if old != new:
            self.post_message(self.Changed(self, self.value))

    def action_move(self, step: int) -> None:
        self.index = (self.index + step) % len(self.options)

    def on_click(self, event: Click) -> None:
        self.action_move(1)
