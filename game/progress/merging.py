"""Merging results files into the saves: idempotent, all of a file or nothing of it.

An attempt whose ``uid`` is already in the saves is skipped, so merging the same file twice (or
a file and a later one that repeats it) adds nothing. Players are matched by name ignoring case,
as everywhere in the saves, and created when new; their "last played" mark is not moved, so
merging never changes who the game offers as the current player. Rounds come along with the
attempts that belong to them. Statistics totals are added as each attempt is, and the drill
cards are replayed afterwards, since merged answers usually arrive out of time order.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from game.progress import drills, summaries
from game.progress.errors import StoreError
from game.progress.models import iso, storable_text
from game.progress.results import ResultAttempt, ResultRound, ResultsFile
from game.progress.store import Store


@dataclass(frozen=True)
class MergeOutcome:
    """What merging one file did."""

    name: str
    added: int
    """Attempts new to these saves."""
    already: int
    """Attempts that were here already (merged before, or recorded here)."""
    rounds_added: int
    new_players: tuple[str, ...]


def _player_id(conn: sqlite3.Connection, name: str, at: str, new: list[str]) -> int:
    """The id of ``name`` (ignoring case); a new player is created without becoming 'last'."""
    key = name.casefold()
    row = conn.execute("SELECT id FROM players WHERE name_key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO players(name, name_key, created_at, last_used_at) VALUES (?, ?, ?, ?)",
        (name, key, at, at),
    )
    new.append(name)
    return int(cursor.lastrowid or 0)


def _round_id(conn: sqlite3.Connection, r: ResultRound, player_id: int, made: list[int]) -> int:
    row = conn.execute("SELECT id, player_id FROM rounds WHERE uid = ?", (r.uid,)).fetchone()
    if row is not None:
        if row[1] != player_id:
            raise StoreError(f"round {r.uid} is already in the saves under another player")
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO rounds(player_id, pack_id, mode, started_at, finished_at, uid)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (player_id, r.pack_id, r.mode, iso(r.started_at),
         None if r.finished_at is None else iso(r.finished_at), r.uid),
    )  # fmt: skip
    made.append(1)
    return int(cursor.lastrowid or 0)


def _insert(
    conn: sqlite3.Connection, a: ResultAttempt, player_id: int, round_id: int | None
) -> None:
    points = json.dumps([storable_text(p) for p in a.points])
    conn.execute(
        "INSERT INTO attempts(player_id, round_id, pack_id, pack_hash, position_id, stance,"
        " answer, score, matched_points, seconds, at, uid)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (player_id, round_id, storable_text(a.pack_id), storable_text(a.pack_hash),
         storable_text(a.position_id), a.stance, storable_text(a.answer), a.score, points,
         a.seconds, iso(a.at), a.uid),
    )  # fmt: skip
    card = (a.pack_id, a.position_id, a.stance)
    summaries.add(conn, player_id, round_id, card, a.score, a.points, a.at)


def merge(store: Store, results: ResultsFile) -> MergeOutcome:
    """Add the attempts of ``results`` that these saves do not have, in one transaction.

    Raises:
        StoreError: the saves cannot be written, or a round id clashes; nothing was added.
    """
    rounds = {r.uid: r for r in results.rounds}
    new_players: list[str] = []
    made_rounds: list[int] = []
    added = already = 0
    with store.writing(f"merging {results.name}") as conn:
        round_ids: dict[str, int] = {}
        for a in sorted(results.attempts, key=lambda a: (a.at, a.uid)):
            if conn.execute("SELECT 1 FROM attempts WHERE uid = ?", (a.uid,)).fetchone():
                already += 1
                continue
            player_id = _player_id(conn, a.player, iso(a.at), new_players)
            round_id = None
            if a.round_uid is not None:
                if a.round_uid not in round_ids:
                    round_ids[a.round_uid] = _round_id(
                        conn, rounds[a.round_uid], player_id, made_rounds
                    )
                round_id = round_ids[a.round_uid]
            _insert(conn, a, player_id, round_id)
            added += 1
        for name in new_players:  # their last answer, never "now": see the docstring
            conn.execute(
                "UPDATE players SET last_used_at = (SELECT max(at) FROM attempts"
                " WHERE player_id = players.id) WHERE name_key = ?",
                (name.casefold(),),
            )
        if added:
            drills.rebuild(conn)
    return MergeOutcome(results.name, added, already, len(made_rounds), tuple(new_players))
