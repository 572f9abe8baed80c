"""Unsent answers: kept on disk as they are typed, offered back the next time.

Wraps ``game.progress.drafts.Drafts`` so that a damaged or unwritable drafts folder can never
stop the game: every failure is swallowed here, because a draft is a safety net, not a duty.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from game.ui.session import split_draft_key

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry


class DraftStore(Protocol):
    """What the game needs of ``game.progress.drafts.Drafts``."""

    def save(self, key: str, text: str) -> Any: ...
    def load(self, key: str) -> str | None: ...
    def clear(self, key: str) -> Any: ...


class DraftKeeper:
    """The drafts store (or none), plus the hook that saves the answer on screen right now."""

    def __init__(self, store: DraftStore | None) -> None:
        self.store = store
        self.source: Callable[[], None] | None = None
        """Saves the answer being typed; set by the position screen while it is shown."""

    def flush(self) -> None:
        """Save the answer being typed now (on quit, on signals, when leaving the screen)."""
        if self.source is not None:
            with contextlib.suppress(Exception):  # never let saving a draft stop a quit
                self.source()

    def load(self, key: str) -> str | None:
        if self.store is None:
            return None
        try:
            return self.store.load(key)
        except Exception:  # a damaged draft must not stop the game
            return None

    def save(self, key: str, text: str) -> None:
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.save(key, text)

    def clear(self, key: str) -> None:
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.clear(key)

    def saved_at(self, key: str) -> datetime | None:
        """When the draft for ``key`` was saved, if the store can say."""
        entry = getattr(self.store, "entry", None)
        try:
            found = entry(key) if entry is not None else None
        except Exception:  # an unreadable draft has no time to show
            return None
        saved = getattr(found, "saved_at", None)
        return saved if isinstance(saved, datetime) else None

    def waiting(self, player: str, entries: Sequence[PackEntry]) -> list[tuple[str, str, str]]:
        """(pack, position, stance) of each unsent answer ``player`` left in a playable pack."""
        keys = getattr(self.store, "keys", None)
        if keys is None or not player:
            return []
        try:
            found = keys()
        except Exception:  # unreadable drafts folder: nothing to offer
            return []
        packs = {e.id: e.pack for e in entries if e.pack is not None}
        waiting = []
        for key in found:
            parts = split_draft_key(key)
            if parts is None or parts[0].casefold() != player.casefold():
                continue
            _, pack_id, position_id, stance = parts
            pack = packs.get(pack_id)
            if pack is None or not any(
                p.id == position_id and stance in p.stances for p in pack.positions
            ):
                continue
            waiting.append((pack_id, position_id, stance))
        return waiting
