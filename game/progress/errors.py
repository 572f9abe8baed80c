"""What can go wrong with the saves, each told in one line that says what to do about it."""

from __future__ import annotations

from game.errors import CounterpointError


class StoreError(CounterpointError):
    """The saves cannot be read or written; the game can still be played without recording."""


class StoreCorrupt(StoreError):
    """The saves file is damaged or is not a saves file; it is never written to."""


class StoreTooNew(StoreError):
    """The saves were written by a newer Counterpoint; they are never written to."""


class StoreUnavailable(StoreError):
    """The saves folder is read-only, full, or cannot be created."""


class StoreBusy(StoreError):
    """Another process held the saves locked for longer than the busy timeout; try again."""


class BadPlayerName(CounterpointError):
    """A player name that cannot be stored (empty, too long, control characters)."""
