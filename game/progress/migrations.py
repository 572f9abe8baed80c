"""The schema and its forward migrations, numbered by ``PRAGMA user_version``.

Each step runs inside its own ``BEGIN IMMEDIATE ... COMMIT`` together with the version bump, so a
step that fails leaves the file exactly as it was (``executescript`` would commit half of it).
Steps never drop a column or a row: progress is keyed by pack, position and point ids, and an
edited pack must never wipe anyone's history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.progress import drills, summaries
from game.progress.errors import StoreError

NEW_UID_SQL = "lower(hex(randomblob(16)))"
"""A fresh random 128-bit id as 32 hex digits, the same shape as ``uuid.uuid4().hex``."""


@dataclass(frozen=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    summary: str
    apply: Callable[[sqlite3.Connection], None]


_V1 = (
    """CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
    )""",
    """CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
        pack_id TEXT NOT NULL,
        pack_hash TEXT NOT NULL,
        position_id TEXT NOT NULL,
        stance TEXT NOT NULL CHECK (stance IN ('rebut', 'defend')),
        answer TEXT NOT NULL CHECK (length(answer) <= 50000),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        matched_points TEXT NOT NULL DEFAULT '[]',
        seconds REAL NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX attempts_by_round ON attempts(round_id)",
)
"""Version 1: players, rounds and attempts; matched point ids as a JSON array of strings."""

_V2 = (
    "ALTER TABLE players ADD COLUMN last_used_at TEXT",
    """UPDATE players SET last_used_at = max(
        created_at,
        coalesce((SELECT max(at) FROM attempts WHERE player_id = players.id), ''),
        coalesce((SELECT max(started_at) FROM rounds WHERE player_id = players.id), '')
    )""",
    "CREATE INDEX attempts_by_player ON attempts(player_id, at)",
    "CREATE INDEX rounds_by_player ON rounds(player_id, started_at)",
)
"""Version 2: remember who played last; index history by player and time for statistics."""


def _run(statements: Sequence[str]) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


def _v3(conn: sqlite3.Connection) -> None:
    """Version 3: running totals per card, point and 15-minute slot, filled from the history."""
    _run(summaries.TABLES)(conn)
    summaries.rebuild(conn)


def _v4(conn: sqlite3.Connection) -> None:
    """Version 4: the drill scheduler's card states, replayed from the history."""
    _run(drills.TABLES)(conn)
    drills.rebuild(conn)


_V5 = (
    "ALTER TABLE attempts ADD COLUMN uid TEXT",
    f"UPDATE attempts SET uid = {NEW_UID_SQL}",
    "CREATE UNIQUE INDEX attempts_by_uid ON attempts(uid)",
    "ALTER TABLE rounds ADD COLUMN uid TEXT",
    f"UPDATE rounds SET uid = {NEW_UID_SQL}",
    "CREATE UNIQUE INDEX rounds_by_uid ON rounds(uid)",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    f"INSERT INTO settings VALUES ('machine_id', {NEW_UID_SQL})",
)
"""Version 5: a random id per attempt and round that stays the same on every machine (results
files merged twice add nothing), the coach's settings, and this file's own random id."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "players, rounds and attempts", _run(_V1)),
    Migration(2, "last player used; indexes for statistics", _run(_V2)),
    Migration(3, "running totals for statistics", _v3),
    Migration(4, "spaced-repetition state of each card", _v4),
    Migration(5, "ids that survive merging; settings", _run(_V5)),
)
CURRENT_VERSION = MIGRATIONS[-1].version


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version written in the file's header (0 for a new, empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, steps: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the file up to the last step's version; return the versions applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Several processes may open a
    new file at once: each step re-reads the version under the write lock, so a step that another
    process applied meanwhile is skipped, never run twice.

    Raises:
        sqlite3.Error: a step failed; it was rolled back, so the file is as it was before it.
        StoreError: the file has a version no step leads on from.
    """
    applied: list[int] = []
    for step in steps:
        if user_version(conn) >= step.version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            found = user_version(conn)
            if found >= step.version:
                conn.execute("ROLLBACK")
                continue
            if found != step.version - 1:
                raise StoreError(
                    f"cannot upgrade the saves from version {found} to {step.version}:"
                    " no migration step for that version"
                )
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(step.version)
    return applied
