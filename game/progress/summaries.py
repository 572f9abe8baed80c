"""Running totals kept beside the attempts, so statistics never have to read every attempt.

``add`` runs inside the transaction that records an attempt, so the totals are exactly as
durable as the attempt itself. ``rebuild`` recomputes them all from the attempts (used by the
migration that introduced them, and as a repair). Everything is keyed by pack, position, stance
and point ids.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from game.progress.digest import (
    RECENT,
    Card,
    Digest,
    PointTally,
    Recent,
    Session,
    session_order,
    slot_of,
)
from game.progress.queries import decode_points

TABLES = (
    """CREATE TABLE card_stats (
        player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL, position_id TEXT NOT NULL, stance TEXT NOT NULL,
        attempts INTEGER NOT NULL, total INTEGER NOT NULL,
        best INTEGER NOT NULL, best_at TEXT NOT NULL,
        most_points INTEGER NOT NULL, most_points_at TEXT NOT NULL,
        first_at TEXT NOT NULL, last_at TEXT NOT NULL,
        PRIMARY KEY (player_id, pack_id, position_id, stance)
    ) WITHOUT ROWID""",
    """CREATE TABLE point_stats (
        player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL, position_id TEXT NOT NULL, stance TEXT NOT NULL,
        point_id TEXT NOT NULL, times INTEGER NOT NULL, last_at TEXT NOT NULL,
        PRIMARY KEY (player_id, pack_id, position_id, stance, point_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE slot_stats (
        player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        slot TEXT NOT NULL, answers INTEGER NOT NULL,
        loose_answers INTEGER NOT NULL, loose_total INTEGER NOT NULL,
        PRIMARY KEY (player_id, slot)
    ) WITHOUT ROWID""",
    "ALTER TABLE rounds ADD COLUMN answers INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE rounds ADD COLUMN total INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE rounds ADD COLUMN first_at TEXT",
    "CREATE INDEX attempts_by_card ON attempts(player_id, pack_id, position_id, stance, at, id)",
)
"""Schema version 3: the running totals, and an index to read the last attempts of a card."""

_CARD = """
INSERT INTO card_stats VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?7, ?6, ?7, ?7, ?7)
ON CONFLICT (player_id, pack_id, position_id, stance) DO UPDATE SET
    attempts = attempts + 1,
    total = total + excluded.total,
    best_at = CASE WHEN excluded.best > best THEN excluded.best_at
                   WHEN excluded.best = best THEN min(best_at, excluded.best_at)
                   ELSE best_at END,
    best = max(best, excluded.best),
    most_points_at = CASE WHEN excluded.most_points > most_points THEN excluded.most_points_at
                          WHEN excluded.most_points = most_points
                              THEN min(most_points_at, excluded.most_points_at)
                          ELSE most_points_at END,
    most_points = max(most_points, excluded.most_points),
    first_at = min(first_at, excluded.first_at),
    last_at = max(last_at, excluded.last_at)
"""
_POINT = """
INSERT INTO point_stats VALUES (?, ?, ?, ?, ?, 1, ?)
ON CONFLICT (player_id, pack_id, position_id, stance, point_id) DO UPDATE SET
    times = times + 1, last_at = max(last_at, excluded.last_at)
"""
_SLOT = """
INSERT INTO slot_stats VALUES (?, ?, 1, ?, ?)
ON CONFLICT (player_id, slot) DO UPDATE SET
    answers = answers + 1,
    loose_answers = loose_answers + excluded.loose_answers,
    loose_total = loose_total + excluded.loose_total
"""
_ROUND = """
UPDATE rounds SET answers = answers + 1, total = total + ?1,
    first_at = min(coalesce(first_at, ?2), ?2)
WHERE id = ?3
"""


def add(
    conn: sqlite3.Connection,
    player_id: int,
    round_id: int | None,
    card: tuple[str, str, str],
    score: int,
    points: Sequence[str],
    at: datetime,
) -> None:
    """Count one attempt in the totals (call inside the transaction that records it)."""
    when = at.isoformat(timespec="microseconds")
    distinct = list(dict.fromkeys(points))
    conn.execute(_CARD, (player_id, *card, score, len(distinct), when))
    for point in distinct:
        conn.execute(_POINT, (player_id, *card, point, when))
    slot = slot_of(at).isoformat(timespec="microseconds")
    loose = round_id is None
    conn.execute(_SLOT, (player_id, slot, int(loose), score if loose else 0))
    if round_id is not None:
        conn.execute(_ROUND, (score, when, round_id))


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every total from the attempts (inside the caller's transaction)."""
    for table in ("card_stats", "point_stats", "slot_stats"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE rounds SET answers = 0, total = 0, first_at = NULL")
    rows = conn.execute(
        "SELECT player_id, round_id, pack_id, position_id, stance, score, matched_points, at"
        " FROM attempts ORDER BY at, id"
    )
    count = 0
    for player_id, round_id, pack, position, stance, score, points, at in rows.fetchall():
        when = datetime.fromisoformat(at)
        add(conn, player_id, round_id, (pack, position, stance), score, decode_points(points), when)
        count += 1
    return count


def read(conn: sqlite3.Connection, player_id: int, name: str) -> Digest:
    """The digest of one player, from the totals (a few hundred rows at most per pack)."""
    parse = datetime.fromisoformat
    tallies: dict[tuple[str, str, str], list[PointTally]] = {}
    for pack, position, stance, point, times, last in conn.execute(
        "SELECT pack_id, position_id, stance, point_id, times, last_at FROM point_stats"
        " WHERE player_id = ?",
        (player_id,),
    ):
        tallies.setdefault((pack, position, stance), []).append(
            PointTally(point, times, parse(last))
        )
    cards = []
    for row in conn.execute(
        "SELECT * FROM card_stats WHERE player_id = ?", (player_id,)
    ).fetchall():
        key = (row[1], row[2], row[3])
        recent = conn.execute(
            "SELECT score, matched_points, at FROM attempts WHERE player_id = ? AND pack_id = ?"
            " AND position_id = ? AND stance = ? ORDER BY at DESC, id DESC LIMIT ?",
            (player_id, *key, RECENT),
        ).fetchall()
        cards.append(
            Card(
                *key,
                attempts=row[4],
                total=row[5],
                best=row[6],
                best_at=parse(row[7]),
                most_points=row[8],
                most_points_at=parse(row[9]),
                first_at=parse(row[10]),
                last_at=parse(row[11]),
                recent=tuple(Recent(s, decode_points(p), parse(a)) for s, p, a in reversed(recent)),
                points=tuple(sorted(tallies.get(key, []))),
            )
        )
    sessions = [
        Session(rid, parse(first), answers, total)
        for rid, first, answers, total in conn.execute(
            "SELECT id, first_at, answers, total FROM rounds WHERE player_id = ? AND answers > 0",
            (player_id,),
        )
    ]
    sessions += [
        Session(None, parse(s), n, t)
        for s, n, t in conn.execute(
            "SELECT slot, loose_answers, loose_total FROM slot_stats"
            " WHERE player_id = ? AND loose_answers > 0",
            (player_id,),
        )
    ]
    # One column only: a player who answers at all hours has a slot per answer.
    slots = conn.execute(
        "SELECT slot FROM slot_stats WHERE player_id = ? ORDER BY slot", (player_id,)
    ).fetchall()
    return Digest(
        player=name,
        cards=tuple(sorted(cards)),
        sessions=tuple(sorted(sessions, key=session_order)),
        slots=tuple(parse(s) for (s,) in slots),
    )
