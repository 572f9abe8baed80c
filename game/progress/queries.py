"""Reading history back: attempts and rounds as light tuples, fast enough for 100,000 rows."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from functools import lru_cache
from typing import Any

from game.progress.models import AttemptRecord, RoundRecord, clean_player_name, iso


@lru_cache(maxsize=4096)
def decode_points(text: str) -> tuple[str, ...]:
    """Decode a stored JSON array of point ids; the same few sets recur, hence the cache."""
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _filters(
    player: str | None, pack_id: str | None, since: datetime | None, table: str, at: str
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if player is not None:
        clauses.append("p.name_key = ?")
        params.append(clean_player_name(player).casefold())
    if pack_id is not None:
        clauses.append(f"{table}.pack_id = ?")
        params.append(pack_id)
    if since is not None:
        clauses.append(f"{table}.{at} >= ?")
        params.append(iso(since))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def attempts(
    conn: sqlite3.Connection,
    player: str | None = None,
    pack_id: str | None = None,
    since: datetime | None = None,
    answers: bool = False,
) -> list[AttemptRecord]:
    """Attempts in time order (ties by id), filtered by player (ignoring case), pack and time."""
    where, params = _filters(player, pack_id, since, "a", "at")
    answer = ", a.answer" if answers else ""
    sql = (
        "SELECT a.id, p.name, a.round_id, a.pack_id, a.pack_hash, a.position_id, a.stance,"
        f" a.score, a.matched_points, a.seconds, a.at{answer}"
        f" FROM attempts a JOIN players p ON p.id = a.player_id{where} ORDER BY a.at, a.id"
    )
    parse = datetime.fromisoformat
    rows = conn.execute(sql, params).fetchall()
    return [
        AttemptRecord(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], decode_points(r[8]), r[9],
            parse(r[10]), r[11] if answers else None,
        )
        for r in rows
    ]  # fmt: skip


def rounds(
    conn: sqlite3.Connection, player: str | None = None, pack_id: str | None = None
) -> list[RoundRecord]:
    """Rounds in the order they were started, filtered by player (ignoring case) and pack."""
    where, params = _filters(player, pack_id, None, "r", "started_at")
    sql = (
        "SELECT r.id, p.name, r.pack_id, r.mode, r.started_at, r.finished_at"
        f" FROM rounds r JOIN players p ON p.id = r.player_id{where} ORDER BY r.started_at, r.id"
    )
    parse = datetime.fromisoformat
    return [
        RoundRecord(r[0], r[1], r[2], r[3], parse(r[4]), parse(r[5]) if r[5] else None)
        for r in conn.execute(sql, params).fetchall()
    ]
