"""The preparation countdown: time to think before the answer box opens."""

from __future__ import annotations

import math

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

SOON = 5
"""Seconds left when the countdown says the box is about to open."""


class PrepTimer(Static):
    """Shows the preparation time left; the screen owns the clock and sets ``remaining``."""

    DEFAULT_CSS = """
    PrepTimer { width: 1fr; height: auto; text-align: center; }
    """

    remaining: reactive[float] = reactive(0.0)
    """Seconds of preparation left."""

    def watch_remaining(self, remaining: float) -> None:
        whole = max(0, math.ceil(remaining))
        soon = whole <= SOON
        self.set_class(soon, "-soon")
        clock = f"{whole // 60}:{whole % 60:02d}"
        tail = "the answer box opens now…" if whole == 0 else "until the answer box opens"
        self.update(Content.assemble(("Preparation ", "bold"), (clock, "bold"), f"  {tail}"))
