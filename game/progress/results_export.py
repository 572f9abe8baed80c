"""Writing results files (the format is described in ``game.progress.results``)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any, TextIO

from game.progress import settings
from game.progress.errors import StoreUnavailable
from game.progress.migrations import NEW_UID_SQL
from game.progress.models import clean_player_name, iso, utc_now
from game.progress.queries import decode_points
from game.progress.results import FORMAT, VERSION
from game.progress.store import Store


def ensure_uids(store: Store) -> int:
    """Give an id to attempts and rounds that have none (rows written by other tools)."""
    with store.reading("checking answer ids") as conn:
        missing = conn.execute(
            "SELECT (SELECT count(*) FROM attempts WHERE uid IS NULL)"
            " + (SELECT count(*) FROM rounds WHERE uid IS NULL)"
        ).fetchone()[0]
    if not missing:
        return 0
    if store.read_only:
        raise StoreUnavailable(f"{missing} old answers have no id yet and the saves are read-only")
    with store.writing("giving answers their ids") as conn:
        for table in ("attempts", "rounds"):
            conn.execute(f"UPDATE {table} SET uid = {NEW_UID_SQL} WHERE uid IS NULL")
    return int(missing)


def _where(
    player: str | None, pack_id: str | None, since: datetime | None
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if player is not None:
        clauses.append("p.name_key = ?")
        params.append(clean_player_name(player).casefold())
    if pack_id is not None:
        clauses.append("a.pack_id = ?")
        params.append(pack_id)
    if since is not None:
        clauses.append("a.at >= ?")
        params.append(iso(since))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def result_lines(
    store: Store,
    *,
    player: str | None = None,
    pack_id: str | None = None,
    since: datetime | None = None,
    now: datetime | None = None,
) -> list[str]:
    """The lines of a results file for the chosen answers (and the rounds they belong to)."""
    ensure_uids(store)
    where, params = _where(player, pack_id, since)
    with store.reading("reading answers to export") as conn:
        attempts = conn.execute(
            "SELECT a.uid, r.uid, p.name, a.pack_id, a.pack_hash, a.position_id, a.stance,"
            " a.answer, a.score, a.matched_points, a.seconds, a.at"
            " FROM attempts a JOIN players p ON p.id = a.player_id"
            f" LEFT JOIN rounds r ON r.id = a.round_id{where} ORDER BY a.at, a.id",
            params,
        ).fetchall()
        rounds = conn.execute(
            "SELECT r.uid, p.name, r.pack_id, r.mode, r.started_at, r.finished_at"
            " FROM rounds r JOIN players p ON p.id = r.player_id"
            " WHERE r.id IN (SELECT a.round_id FROM attempts a"
            f" JOIN players p ON p.id = a.player_id{where}) ORDER BY r.started_at, r.id",
            params,
        ).fetchall()
    header = {
        "format": FORMAT,
        "version": VERSION,
        "machine": settings.machine_id(store),
        "export": uuid.uuid4().hex,
        "exported_at": iso(now or utc_now()),
        "rounds": len(rounds),
        "attempts": len(attempts),
    }
    lines = [json.dumps(header)]
    keys = ("uid", "player", "pack", "mode", "started", "finished")
    lines += [json.dumps({"type": "round", **dict(zip(keys, r, strict=True))}) for r in rounds]
    for (
        uid,
        round_uid,
        name,
        pack,
        pack_hash,
        position,
        stance,
        answer,
        score,
        points,
        sec,
        at,
    ) in attempts:
        record = {
            "type": "attempt",
            "uid": uid,
            "round": round_uid,
            "player": name,
            "pack": pack,
            "pack_hash": pack_hash,
            "position": position,
            "stance": stance,
            "answer": answer,
            "score": score,
            "points": list(decode_points(points)),
            "seconds": sec,
            "time": at,
        }
        lines.append(json.dumps(record))
    return lines


def write_results(store: Store, out: TextIO, **filters: Any) -> int:
    """Write a results file to ``out``; return the number of attempts written."""
    lines = result_lines(store, **filters)
    for line in lines:
        out.write(line + "\n")
    return int(json.loads(lines[0])["attempts"])
