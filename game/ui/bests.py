"""Personal bests beaten in a round: a digest of the player's history at its start and end.

A digest reads a few hundred rows however long the history, so taking two per round costs
nothing a player could notice. When the saves cannot be read nothing is announced; a record
is a pleasure, never a reason to stop the game.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.safe_text import clean

if TYPE_CHECKING:
    from game.progress.store import Store
    from game.ui.session import PlaySession


def take_digest(store: Store | None, player: str) -> Any:
    """``store.digest(player)``, or None without a store or when reading fails."""
    if store is None or not player:
        return None
    try:
        return store.digest(player)
    except Exception:  # reading statistics must never stop a round from starting
        return None


def round_bests(store: Store | None, session: PlaySession) -> tuple[list[str], bool]:
    """The records the round beat, and whether they were worked out just now (to announce once).

    Worked out the first time the round's summary asks, then kept on the session.
    """
    if session.new_bests is not None:
        return session.new_bests, False
    from game.progress.stats import new_bests
    from game.ui.progress_view import local_zone

    after = take_digest(store, session.choice.player)
    found: list[str] = []
    if session.before is not None and after is not None:
        found = [clean(line) for line in new_bests(session.before, after, local_zone())]
    session.new_bests = found
    return found, True
