"""Saves: time to record one attempt, and the statistics queries over 100,000 attempts.

Prints figures only; nothing here asserts on time.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from game.progress import stats
from game.progress.models import Attempt, iso
from game.progress.store import Store

T0 = datetime(2024, 1, 1, 9, tzinfo=UTC)


def _attempt(rng: random.Random, player: str, n: int, round_id: int | None) -> Attempt:
    points = tuple(p for p in ("a", "b", "c", "d", "e") if rng.random() < 0.4)
    return Attempt(
        player, "nk-talks-2019", "0" * 64, f"position-{n % 10}", rng.choice(("rebut", "defend")),
        "An answer of a typical length, about two sentences long. " * 4, rng.randint(0, 100),
        points, rng.uniform(10, 200), round_id, T0 + timedelta(minutes=n),
    )  # fmt: skip


def bench_record(folder: Path, synchronous: str, count: int = 200) -> list[float]:
    rng = random.Random(1)
    with Store.open(folder, backups=False) as store:
        assert store._conn is not None
        store._conn.execute(f"PRAGMA synchronous = {synchronous}")
        round_id = store.start_round("Ada", "nk-talks-2019", "practice")
        times = []
        for n in range(count):
            attempt = _attempt(rng, "Ada", n, round_id)
            start = time.perf_counter()
            store.record_attempt(attempt)
            times.append(time.perf_counter() - start)
    return times


def fill(folder: Path, total: int, players: int) -> float:
    """Write ``total`` attempts for ``players`` players in rounds of 10, in bulk, then the totals.

    Returns the seconds taken to rebuild the running totals (what the v3 migration does).
    """
    rng = random.Random(2)
    with Store.open(folder, backups=False) as store:
        for p in range(players):
            store.add_player(f"Player {p}")
    conn = sqlite3.connect(folder / "counterpoint.db", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    rows = []
    round_of: dict[int, int] = {}
    for n in range(total):
        player = n % players + 1
        at = T0 + timedelta(minutes=n)
        if n // players % 10 == 0:
            round_of[player] = int(
                conn.execute(
                    "INSERT INTO rounds(player_id, pack_id, mode, started_at) VALUES (?, ?, ?, ?)",
                    (player, "nk-talks-2019", "practice", iso(at)),
                ).lastrowid
                or 0
            )
        a = _attempt(rng, "x", n, None)
        rows.append(
            (player, round_of[player], a.pack_id, a.pack_hash, a.position_id, a.stance, a.answer,
             a.score, json.dumps(list(a.matched_points)), a.seconds, iso(at))
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO attempts(player_id, round_id, pack_id, pack_hash, position_id, stance,"
        " answer, score, matched_points, seconds, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.execute("COMMIT")
    conn.close()
    with Store.open(folder, backups=False) as store:
        start = time.perf_counter()
        store.rebuild_summaries()
        return time.perf_counter() - start


def timed(label: str, fn: object, repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    print(f"  {label:<58} median {statistics.median(times) * 1000:7.1f} ms  (n={repeat})")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for mode in ("FULL", "NORMAL"):
            times = bench_record(base / mode, mode)
            print(
                f"record_attempt, synchronous={mode:<6}: median"
                f" {statistics.median(times) * 1000:.2f} ms, p95"
                f" {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms (n={len(times)})"
            )
        for total, players in ((100_000, 1), (100_000, 30)):
            folder = base / f"big-{players}"
            rebuild = fill(folder, total, players)
            size = (folder / "counterpoint.db").stat().st_size / 1e6
            print(f"{total:,} attempts, {players} player(s), file {size:.1f} MB:")
            print(f"  {'rebuilding the running totals (the v3 migration)':<58} {rebuild:9.2f} s")
            timed("Store.open (quick_check, no backup due)", lambda f=folder: _reopen(f))
            store = Store.open(folder, backups=False)
            player = "Player 0"
            today = date(2024, 6, 1)
            timed(f"store.digest({player!r})", lambda s=store, p=player: s.digest(p))
            timed(
                "digest + summarize (the statistics screen's queries)",
                lambda s=store, p=player, t=today: stats.summarize(s.digest(p), p, today=t),
            )
            timed(
                "digests + overview of every player (class table)",
                lambda s=store, t=today: stats.overview(s.digests(), today=t),
            )
            timed(
                "digest + drill_queue",
                lambda s=store, p=player: stats.drill_queue(
                    s.digest(p), p, "nk-talks-2019", 10, random.Random(0)
                ),
            )
            timed(
                "history + summarize in memory (no running totals)",
                lambda s=store, p=player, t=today: stats.summarize(s.history(p), p, today=t),
                repeat=3,
            )
            timed(
                "Store.backup_now (backup API + quick_check + rotate)", store.backup_now, repeat=3
            )
            store.close()


def _reopen(folder: Path) -> None:
    Store.open(folder, backups=False).close()


if __name__ == "__main__":
    main()
