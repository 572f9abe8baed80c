"""The answer editor: a TextArea that caps the answer's length and keeps controls out."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from game.safe_text import clean

ANSWER_CAP = 10_000
"""Characters an answer may hold: far beyond any real answer, well within what stays fast."""


class AnswerBox(TextArea):
    """Multi-line answer editor.

    Every insertion (typing, paste, clipboard) goes through ``_replace_via_keyboard``, so the
    cap and the control-character filter are applied there, before a megabyte paste can make
    each key press slow or an escape sequence can reach the terminal.
    """

    DEFAULT_CSS = """
    AnswerBox { height: 1fr; min-height: 5; }
    """

    class Truncated(Message):
        """Part of an insertion was dropped because the answer reached its cap."""

        def __init__(self, box: AnswerBox, offered: int, kept: int) -> None:
            super().__init__()
            self.box = box
            self.offered = offered
            """Characters the player tried to insert."""
            self.kept = kept
            """Characters that went in."""

    def __init__(
        self, text: str = "", *, cap: int = ANSWER_CAP, placeholder: str = "", id: str | None = None
    ) -> None:
        super().__init__(
            clean(text)[:cap],
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            placeholder=placeholder,
            id=id,
        )
        self.cap = cap
        """The most characters the answer may hold."""

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        if self.read_only:
            return None
        replaced = len(self.get_text_range(start, end)) if start != end else 0
        room = max(0, self.cap - (len(self.text) - replaced))
        # Clean a generous slice only: cleaning a whole megabyte to keep 10 000 is wasted work.
        safe = clean(insert[: room * 2 + 1024]) if len(insert) > room else clean(insert)
        if len(safe) > room:
            self.post_message(self.Truncated(self, len(insert), room))
            safe = safe[:room]
        if not safe and start == end:
            return None
        return super()._replace_via_keyboard(safe, start, end)
