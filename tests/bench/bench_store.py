"""Saves: time to record one attempt, and the statistics queries over 100,000 attempts.

Histories are written in bulk, then the running totals and drill cards are rebuilt (as the
migrations do). Two shapes: "rounds" (rounds of 10 answers two minutes apart, up to ten rounds
a day, every player going through all ten positions) and "spread" (one answer every half hour
per player, round the clock: every answer in its own 15-minute slot, the worst case for the
class table). Prints figures only; nothing here asserts on time.
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
from game.progress.drills import Drills
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


def when(n: int, players: int, shape: str) -> datetime:
    """The time of the ``n``-th attempt written (see the module docstring for the shapes)."""
    if shape == "spread":
        return T0 + timedelta(minutes=n)
    k, player = divmod(n, players)
    day, rest = divmod(k, 100)
    return T0 + timedelta(days=day, hours=rest // 10, minutes=2 * (rest % 10), seconds=player)


def fill(folder: Path, total: int, players: int, shape: str = "rounds") -> float:
    """Write ``total`` attempts for ``players`` players in rounds of 10, in bulk, then the totals.

    Returns the seconds taken to rebuild the running totals and drill cards (what the v3 and
    v4 migrations do).
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
        at = when(n, players, shape)
        if n // players % 10 == 0:
            round_of[player] = int(
                conn.execute(
                    "INSERT INTO rounds(player_id, pack_id, mode, started_at) VALUES (?, ?, ?, ?)",
                    (player, "nk-talks-2019", "practice", iso(at)),
                ).lastrowid
                or 0
            )
        a = _attempt(rng, "x", n // players, None)
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


def timed_once(label: str, seconds: float) -> None:
    print(f"  {label:<58} {seconds:9.2f} s")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        print("Median time to record an attempt (insert, running totals, drill card, commit):")
        for mode in ("FULL", "NORMAL"):
            times = bench_record(base / mode, mode)
            note = " (the store's setting)" if mode == "FULL" else ""
            print(
                f"  synchronous={mode:<6}: median {statistics.median(times) * 1000:.2f} ms, p95"
                f" {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms (n={len(times)}){note}"
            )
        for total, players, shape in ((100_000, 1, "rounds"), (100_000, 30, "rounds"),
                                      (100_000, 30, "spread")):  # fmt: skip
            folder = base / f"big-{players}-{shape}"
            rebuild = fill(folder, total, players, shape)
            size = (folder / "counterpoint.db").stat().st_size / 1e6
            print(f"{total:,} attempts, {players} player(s), {shape}, file {size:.1f} MB:")
            timed_once("rebuilding totals and drill cards (the migrations)", rebuild)
            timed("Store.open (quick_check, no backup due)", lambda f=folder: _reopen(f))
            store = Store.open(folder, backups=False)
            player = "Player 0"
            today = date(2024, 6, 1)
            now = datetime(2024, 6, 1, 9, tzinfo=UTC)
            drills = Drills(store)
            timed(
                "statistics screen: digest + summarize (one player)",
                lambda s=store, p=player, t=today: stats.summarize(s.digest(p), p, today=t),
            )
            timed(
                "class table: digests + overview (every player)",
                lambda s=store, t=today: stats.overview(s.digests(), today=t),
            )
            timed(
                "start screen: drills due_count",
                lambda d=drills, p=player, t=now: d.due_count(p, "nk-talks-2019", t),
            )
            timed(
                "drill round: plan_drill",
                lambda d=drills, p=player, t=now: d.plan_drill(
                    p, "nk-talks-2019", t, random.Random(0)
                ),
            )
            if players == 1:
                timed(
                    "history + summarize in memory (no running totals)",
                    lambda s=store, p=player, t=today: stats.summarize(s.history(p), p, today=t),
                    repeat=3,
                )
                timed(
                    "Store.backup_now (backup API + quick_check + rotate)",
                    store.backup_now,
                    repeat=3,
                )
            store.close()


def _reopen(folder: Path) -> None:
    Store.open(folder, backups=False).close()


if __name__ == "__main__":
    main()
