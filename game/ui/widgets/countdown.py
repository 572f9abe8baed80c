"""The answer timer, counting down; it warns near the end."""

from __future__ import annotations

import math

from textual.reactive import reactive
from textual.widgets import Static

WARN_AT = 10
"""Seconds left when the timer turns to a warning."""


class Countdown(Static):
    """Shows the seconds left as m:ss; the screen owns the clock and sets ``remaining``."""

    DEFAULT_CSS = """
    Countdown { width: auto; }
    """

    remaining: reactive[float | None] = reactive(None)
    """Seconds left, or None when there is no timer."""

    def watch_remaining(self, remaining: float | None) -> None:
        self.display = remaining is not None
        if remaining is None:
            return
        whole = max(0, math.ceil(remaining))
        warn = whole <= WARN_AT
        self.set_class(warn, "-warning")
        text = f"⏱ {whole // 60}:{whole % 60:02d}"
        self.update(f"{text} left!" if warn else text)
