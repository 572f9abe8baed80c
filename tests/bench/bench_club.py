"""Club features over 100,000 attempts (30 players): leaderboard, report, results files, merge.

The live board reads the leaderboard every few seconds, so its cost per read matters; merging
replays the drill cards of the whole history once per file. Prints figures only.
"""

from __future__ import annotations

import io
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from game.progress import leaderboard, merging, report, results, results_export
from game.progress.store import Store
from tests.bench.bench_store import fill, timed, timed_once


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        folder = base / "club"
        fill(folder, 100_000, 30)
        print("100,000 attempts, 30 players:")
        now = datetime(2024, 6, 1, 9, tzinfo=UTC)
        with Store.open(folder, backups=False) as store:
            timed(
                "leaderboard, all time (one read of the live board)",
                lambda: leaderboard.build(store, now=now, tz=UTC),
            )
            timed(
                "leaderboard, today",
                lambda: leaderboard.build(store, period="today", now=now, tz=UTC),
            )
            timed("report over every answer", lambda: report.report(store, {}, tz=UTC), 3)
            start = time.perf_counter()
            results_export.ensure_uids(store)
            timed_once("giving 100,000 old answers their ids (once)", time.perf_counter() - start)
            out = io.StringIO()
            start = time.perf_counter()
            results_export.write_results(store, out)
            timed_once("export --results (100,000 answers)", time.perf_counter() - start)
        data = out.getvalue().encode("ascii")
        print(f"  results file: {len(data) / 1e6:.1f} MB")
        start = time.perf_counter()
        parsed = results.parse_results(data, "club.jsonl")
        timed_once("reading and checking the results file", time.perf_counter() - start)
        with Store.open(base / "coach", backups=False) as coach:
            start = time.perf_counter()
            outcome = merging.merge(coach, parsed)
            timed_once(
                f"merging it into empty saves ({outcome.added:,} added)",
                time.perf_counter() - start,
            )
            start = time.perf_counter()
            again = merging.merge(coach, parsed)
            timed_once(f"merging it again ({again.added} added)", time.perf_counter() - start)
