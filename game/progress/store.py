"""The saves: players, rounds and attempts in SQLite, safe with several processes writing at once.

Durability choices (see ``shared/reliability.md`` §2.E):

- WAL journal, so readers never block the writer and a class of processes can share one file.
- ``synchronous = FULL``: every recorded answer is fsynced before ``record_attempt`` returns,
  so it survives a power cut, not only a crash. WAL with NORMAL survives a killed process but
  may lose the last commits on power loss. At one answer a minute the extra fsync costs
  nothing a player could notice (``tests/bench/bench_store.py``: about 1 ms median per
  attempt with FULL, 0.07 ms with NORMAL, on the development machine).
- Every write is ``BEGIN IMMEDIATE`` with a 5 s busy timeout: a deferred transaction that
  upgrades to a write lock fails at once with "database is locked", whatever the timeout.
- One transaction per attempt; nothing is batched in memory.
- The file is checked (``quick_check``) on every open, and a damaged, foreign or newer file is
  never written to: the error says what is wrong and how to recover.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from game.progress import backup, drills, opening, queries, recovery, summaries
from game.progress.digest import Digest
from game.progress.errors import StoreError, StoreUnavailable
from game.progress.models import (
    MAX_STORED_ANSWER,
    Attempt,
    AttemptRecord,
    RoundRecord,
    clean_player_name,
    iso,
    new_uid,
    storable_text,
    utc_now,
)
from game.progress.recovery import DB_NAME, explain

BUSY_TIMEOUT_MS = 5000
Clock = Callable[[], datetime]


class Store:
    """An open saves file. Use ``Store.open``; close it (or use ``with``) when done.

    Safe to share between threads (calls are serialised); each process opens its own.
    """

    def __init__(
        self, conn: sqlite3.Connection, saves_dir: Path, clock: Clock, read_only: bool
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.saves_dir = saves_dir
        self.path = saves_dir / DB_NAME
        self.read_only = read_only
        self._clock = clock
        self._lock = threading.RLock()
        self.backup_problem: str | None = None
        """Why the automatic backup on open failed, if it did (the store still works)."""
        self.migrated: list[int] = []
        """Schema versions applied when this store was opened."""
        self._crash_point: Callable[[str], None] | None = None  # tests: die at a given step

    # ----------------------------------------------------------------- opening and closing
    @classmethod
    def open(
        cls,
        saves_dir: Path,
        *,
        clock: Clock = utc_now,
        read_only: bool = False,
        backups: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (or create) ``saves_dir/counterpoint.db``, check it and bring it up to date.

        ``read_only`` opens an existing file for statistics without writing anything.

        Raises:
            StoreCorrupt: the file fails its check or is not a saves file.
            StoreTooNew: a newer Counterpoint wrote it.
            StoreUnavailable: the folder is read-only, full, or cannot be created.
            StoreBusy: another process kept it locked past the busy timeout.
        """
        saves_dir = Path(saves_dir)
        conn = opening.connect(saves_dir, read_only, busy_timeout_ms)
        store = cls(conn, saves_dir, clock, read_only)
        try:
            store.migrated, store.backup_problem = opening.prepare(
                conn, saves_dir, clock(), read_only=read_only, backups=backups
            )
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        """Close the file; safe to call twice."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the saves are closed")
        return self._conn

    # ----------------------------------------------------------------- transactions
    @contextmanager
    def _write(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE ... COMMIT``; SQLite errors become store errors."""
        with self._lock:
            conn = self._connection()
            if self.read_only:
                raise StoreUnavailable(f"the saves were opened read-only, so {doing} failed")
            self._crash("before-begin")
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                self._crash("before-commit")
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback(conn)
                raise explain(error, self.path, doing) from error
            except BaseException:
                self._rollback(conn)
                raise
            self._crash("after-commit")

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite rolls back by itself when it cannot

    @contextmanager
    def _read(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as error:
                raise explain(error, self.path, doing) from error

    def _crash(self, stage: str) -> None:
        if self._crash_point is not None:
            self._crash_point(stage)

    def _player_id(self, conn: sqlite3.Connection, name: str, now: str) -> int:
        """The id of player ``name``, created if new; marks the player as last used."""
        tidy = clean_player_name(name)
        row = conn.execute(
            "INSERT INTO players(name, name_key, created_at, last_used_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(name_key) DO UPDATE SET last_used_at = excluded.last_used_at"
            " RETURNING id",
            (tidy, tidy.casefold(), now, now),
        ).fetchone()
        return int(row[0])

    # ----------------------------------------------------------------- players
    def players(self) -> list[str]:
        """Every player's name as first typed, in alphabetical order."""
        with self._read("listing players") as conn:
            return [r[0] for r in conn.execute("SELECT name FROM players ORDER BY name_key")]

    def last_player(self) -> str | None:
        """The player who played or was chosen most recently."""
        with self._read("finding the last player") as conn:
            row = conn.execute(
                "SELECT name FROM players ORDER BY last_used_at DESC, id DESC LIMIT 1"
            ).fetchone()
        return None if row is None else str(row[0])

    def find_player(self, name: str) -> str | None:
        """The stored spelling of ``name`` (matched ignoring case), or None."""
        key = clean_player_name(name).casefold()
        with self._read("finding a player") as conn:
            row = conn.execute("SELECT name FROM players WHERE name_key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def add_player(self, name: str) -> None:
        """Add a player (or pick an existing one, ignoring case) and mark it the last used.

        Raises:
            BadPlayerName: empty, longer than 40 characters, or with control characters.
        """
        with self._write("adding a player") as conn:
            self._player_id(conn, name, iso(self._clock()))

    def forget_player(self, name: str) -> int:
        """Delete a player with all their rounds, attempts, totals and drill cards.

        Returns the attempts deleted. The freed pages are overwritten (``secure_delete``) and
        the journal checkpointed, so the text is gone from the file, not just unlinked; the
        backups still hold it until they are rotated out.
        """
        key = clean_player_name(name).casefold()
        with self._write("forgetting a player") as conn:
            row = conn.execute("SELECT id FROM players WHERE name_key = ?", (key,)).fetchone()
            if row is None:
                return 0
            was = int(conn.execute("PRAGMA secure_delete").fetchone()[0])
            conn.execute("PRAGMA secure_delete = ON")
            count = conn.execute("DELETE FROM attempts WHERE player_id = ?", (row[0],)).rowcount
            conn.execute("DELETE FROM rounds WHERE player_id = ?", (row[0],))
            conn.execute("DELETE FROM players WHERE id = ?", (row[0],))  # totals and cards cascade
        with self._read("forgetting a player") as conn:
            conn.execute(f"PRAGMA secure_delete = {was}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # best effort: readers may hold it
        return int(count)

    # ----------------------------------------------------------------- rounds and attempts
    def start_round(self, player: str, pack_id: str, mode: str) -> int:
        """Record that ``player`` began a round (sitting) of ``pack_id``; return its id."""
        if not pack_id or not mode:
            raise ValueError("a round needs a pack id and a mode")
        with self._write("starting a round") as conn:
            now = iso(self._clock())
            player_id = self._player_id(conn, player, now)
            cursor = conn.execute(
                "INSERT INTO rounds(player_id, pack_id, mode, started_at, uid)"
                " VALUES (?, ?, ?, ?, ?)",
                (player_id, pack_id, mode, now, new_uid()),
            )
            return int(cursor.lastrowid or 0)

    def finish_round(self, round_id: int) -> None:
        """Mark a round finished (the first call counts; unknown ids are ignored)."""
        with self._write("finishing a round") as conn:
            conn.execute(
                "UPDATE rounds SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                (iso(self._clock()), round_id),
            )

    def record_attempt(self, a: Attempt) -> int:
        """Commit one graded answer in its own transaction; return its id.

        The player is created if new. Lone surrogates in the answer become U+FFFD and text past
        50,000 characters is cut (the grader refuses such answers anyway), so the attempt is
        never lost to an encoding error.

        Raises:
            StoreUnavailable: the folder is read-only or full; nothing was written.
            StoreBusy: another process held the lock past the busy timeout; try again.
            StoreError: for example an unknown round id.
        """
        answer = storable_text(a.answer)[:MAX_STORED_ANSWER]
        points = json.dumps([storable_text(str(p)) for p in a.matched_points])
        with self._write("recording the answer") as conn:
            player_id = self._player_id(conn, a.player, iso(self._clock()))
            if a.round_id is not None:
                owner = conn.execute(
                    "SELECT player_id FROM rounds WHERE id = ?", (a.round_id,)
                ).fetchone()
                if owner is None or owner[0] != player_id:
                    raise StoreError(f"round {a.round_id} is not a round of {a.player!r}")
            cursor = conn.execute(
                "INSERT INTO attempts(player_id, round_id, pack_id, pack_hash, position_id,"
                " stance, answer, score, matched_points, seconds, at, uid)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    player_id,
                    a.round_id,
                    storable_text(a.pack_id),
                    storable_text(a.pack_hash),
                    storable_text(a.position_id),
                    a.stance,
                    answer,
                    a.score,
                    points,
                    a.seconds,
                    iso(a.at),
                    new_uid(),
                ),
            )
            card = (a.pack_id, a.position_id, a.stance)
            summaries.add(conn, player_id, a.round_id, card, a.score, a.matched_points, a.at)
            drills.review_in(conn, player_id, card, a.score, a.at)
            self._crash("after-insert")
            return int(cursor.lastrowid or 0)

    # ----------------------------------------------------------------- reading history
    def history(
        self,
        player: str | None = None,
        *,
        pack_id: str | None = None,
        since: datetime | None = None,
        answers: bool = False,
    ) -> list[AttemptRecord]:
        """Attempts in time order, optionally for one player, one pack, or from a time on.

        ``answers`` also loads the answer texts (statistics do not need them).
        """
        with self._read("reading the history") as conn:
            return queries.attempts(conn, player, pack_id, since, answers)

    def rounds(self, player: str | None = None, *, pack_id: str | None = None) -> list[RoundRecord]:
        """Rounds in the order they were started, optionally for one player or pack."""
        with self._read("reading the rounds") as conn:
            return queries.rounds(conn, player, pack_id)

    def digest(self, player: str) -> Digest:
        """``player``'s history boiled down for statistics: quick however long the history.

        An unknown player gets an empty digest.
        """
        key = clean_player_name(player).casefold()
        with self._read("reading the statistics") as conn:
            row = conn.execute("SELECT id, name FROM players WHERE name_key = ?", (key,)).fetchone()
            if row is None:
                return Digest(clean_player_name(player), (), (), ())
            return summaries.read(conn, row[0], row[1])

    def digests(self) -> list[Digest]:
        """The digest of every player, in alphabetical order (for a class overview)."""
        with self._read("reading the statistics") as conn:
            rows = conn.execute("SELECT id, name FROM players ORDER BY name_key").fetchall()
            return [summaries.read(conn, player_id, name) for player_id, name in rows]

    def rebuild_summaries(self) -> int:
        """Recompute the statistics totals and drill cards from the attempts; return their number.

        Drill cards are replayed in time order, so answers recorded late are placed where they
        belong (recording them as they came counted them at their card's latest review).
        """
        with self._write("rebuilding the statistics") as conn:
            drills.rebuild(conn)
            return summaries.rebuild(conn)

    def reading(self, doing: str) -> AbstractContextManager[sqlite3.Connection]:
        """The connection, for reads by the other modules of the saves layer (under the lock).

        SQLite errors inside become store errors naming ``doing``.
        """
        return self._read(doing)

    def writing(self, doing: str) -> AbstractContextManager[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE ... COMMIT`` for the other modules of the saves layer.

        Everything inside commits together or not at all; SQLite errors become store errors.
        """
        return self._write(doing)

    # ----------------------------------------------------------------- upkeep
    def check(self) -> list[str]:
        """``PRAGMA quick_check`` now: ``["ok"]`` or the problems found."""
        with self._read("checking the saves") as conn:
            return [str(r[0]) for r in conn.execute("PRAGMA quick_check")]

    def settings(self) -> dict[str, Any]:
        """The pragmas in force on this connection (journal, sync, timeout, foreign keys)."""
        with self._read("reading the settings") as conn:
            return {
                name: conn.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
            }

    def backup_now(self, label: str = "manual") -> Path:
        """Take a verified backup into ``backups/`` now; return its path."""
        with self._lock:
            conn = self._connection()
            try:
                return backup.take_backup(conn, self.saves_dir, self._clock(), label)
            except sqlite3.Error as error:
                raise explain(error, self.path, "backing up the saves") from error
            except OSError as error:
                raise StoreUnavailable(f"backing up the saves failed: {error}") from error

    @staticmethod
    def quarantine_and_start_fresh(saves_dir: Path) -> Path:
        """Move a bad saves file (and its -wal/-shm) aside, never deleting it; return its new path.

        Only on the player's explicit request; the next ``Store.open`` starts a new, empty file.
        """
        return recovery.quarantine(Path(saves_dir))

    @staticmethod
    def restore_backup(saves_dir: Path, source: Path | None = None) -> Path:
        """Move the current file aside and restore a good backup (default: the newest)."""
        return recovery.restore(Path(saves_dir), source)
