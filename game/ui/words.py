"""Plain words shared by the full-screen game and plain mode (no Textual here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.safe_text import clean

if TYPE_CHECKING:
    from game.packs.model import Source, Stance

NAME_LIMIT = 40
"""Longest player name, as the saves allow."""
GUEST = "guest"
"""The name used when none is given."""

INSTRUCTIONS: dict[Stance, tuple[str, str]] = {
    "rebut": ("Rebut this", "argue that it is wrong."),
    "defend": ("Defend this", "argue that it is right."),
}


def attribution(source: Source | None) -> str:
    """Who said it, from the pack's source: "Ada Writer, The Test Gazette, 2024-03-01"."""
    if source is None:
        return "from the pack's source text"
    parts = [p for p in (source.author, source.outlet or source.title, source.date) if p]
    return ", ".join(clean(p) for p in parts) or "from the pack's source text"


def tidy_name(raw: str) -> str:
    """A player name as stored: cleaned, single-spaced, at most NAME_LIMIT characters."""
    return " ".join(clean(raw).split())[:NAME_LIMIT]
