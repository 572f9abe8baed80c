"""Settings kept in the saves file itself, so every process serving a class sees the same ones.

The coach's switches (hide the leaderboard) live here rather than in a per-user settings file:
the board, the served games and the command line all read the one saves file.
"""

from __future__ import annotations

from game.progress.models import new_uid
from game.progress.store import Store

LEADERBOARD_HIDDEN = "leaderboard_hidden"
"""``"1"`` when the coach has hidden the leaderboard, else absent or ``"0"``."""
MACHINE_ID = "machine_id"
"""A random id of this saves file, written into results files to say where they come from."""


def get(store: Store, key: str) -> str | None:
    """The value of setting ``key``, or None when it was never set."""
    with store.reading("reading a setting") as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(store: Store, key: str, value: str) -> None:
    """Set ``key`` to ``value`` (one transaction)."""
    with store.writing("saving a setting") as conn:
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def leaderboard_hidden(store: Store) -> bool:
    """Whether the coach has hidden the leaderboard."""
    return get(store, LEADERBOARD_HIDDEN) == "1"


def hide_leaderboard(store: Store, hidden: bool) -> None:
    """Hide (True) or show (False) the leaderboard everywhere it appears."""
    put(store, LEADERBOARD_HIDDEN, "1" if hidden else "0")


def machine_id(store: Store) -> str:
    """This saves file's random id (made when the file was created or upgraded)."""
    found = get(store, MACHINE_ID)
    if found is not None:
        return found
    made = new_uid()
    if not store.read_only:
        put(store, MACHINE_ID, made)
    return made
