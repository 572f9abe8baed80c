"""The running totals the store keeps for statistics agree with the attempts they summarise."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from game.progress.digest import digest_of
from game.progress.errors import StoreError
from game.progress.models import Attempt
from game.progress.stats import summarize
from game.progress.store import Store
from tests.unit.test_migrations import make_v1

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
PLAYERS = ("Ada", "Blaise", "Cleo")


def random_history(store: Store, seed: int, count: int = 80) -> None:
    """Rounds and loose answers, times out of order and tied, repeated and empty point lists."""
    rng = random.Random(seed)
    rounds = {p: store.start_round(p, "pack", "practice") for p in PLAYERS}
    for _ in range(count):
        player = rng.choice(PLAYERS)
        if rng.random() < 0.15:
            rounds[player] = store.start_round(player, "pack", "practice")
        minutes = rng.choice([rng.randint(0, 60 * 24 * 6), 0])  # many exact ties at T0
        points = tuple(rng.choice("abcd") for _ in range(rng.randint(0, 3)))
        store.record_attempt(
            Attempt(
                player, rng.choice(["pack", "other"]), "h", rng.choice(["p1", "p2", "p3"]),
                rng.choice(["rebut", "defend"]), "answer", rng.randint(0, 100), points,
                rng.uniform(1, 99), rounds[player] if rng.random() < 0.7 else None,
                T0 + timedelta(minutes=minutes),
            )
        )  # fmt: skip


def assert_totals_match(store: Store) -> None:
    history = store.history()
    for player in store.players():
        assert store.digest(player) == digest_of(history, player), player


@pytest.mark.parametrize("seed", range(5))
def test_totals_kept_while_recording_match_the_attempts(tmp_path: Path, seed: int) -> None:
    with Store.open(tmp_path) as store:
        random_history(store, seed)
        assert_totals_match(store)
        before = [store.digest(p) for p in PLAYERS]
        assert store.rebuild_summaries() == 80
        assert [store.digest(p) for p in PLAYERS] == before


def test_statistics_from_the_totals_equal_statistics_from_the_attempts(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        random_history(store, 11, count=150)
        for player in PLAYERS:
            fast = summarize(store.digest(player), player, today=date(2025, 3, 8))
            slow = summarize(store.history(), player, today=date(2025, 3, 8))
            assert fast == slow


def test_totals_after_forgetting_a_player(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        random_history(store, 3)
        store.forget_player("blaise")
        assert store.digest("Blaise").answers == 0
        assert_totals_match(store)
        assert [d.player for d in store.digests()] == ["Ada", "Cleo"]


def test_totals_are_filled_in_when_an_old_file_is_upgraded(tmp_path: Path) -> None:
    make_v1(tmp_path)
    with Store.open(tmp_path) as store:
        ada = store.digest("ada")
        assert ada.answers == 2 and [c.best for c in ada.cards] == [50, 80]
        assert_totals_match(store)


def test_an_unknown_player_has_an_empty_digest(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        digest = store.digest("Nobody")
    assert (digest.player, digest.answers, digest.cards, digest.sessions) == ("Nobody", 0, (), ())


def test_an_attempt_in_another_players_round_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        round_id = store.start_round("Ada", "pack", "practice")
        with pytest.raises(StoreError, match="not a round of"):
            store.record_attempt(
                Attempt("Blaise", "pack", "h", "p1", "rebut", "x", 50, (), 1.0, round_id)
            )
        assert store.history() == []
        assert store.digest("Ada").answers == 0


def test_a_failed_attempt_leaves_no_trace_in_the_totals(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.record_attempt(Attempt("Ada", "pack", "h", "p1", "rebut", "x", 40, ("a",), 1.0))
        before = store.digest("Ada")
        conn = store._conn
        assert conn is not None
        conn.execute("PRAGMA query_only = 1")
        with pytest.raises(StoreError):
            store.record_attempt(Attempt("Ada", "pack", "h", "p1", "rebut", "x", 90, ("b",), 1.0))
        conn.execute("PRAGMA query_only = 0")
        assert store.digest("Ada") == before
    raw = sqlite3.connect(tmp_path / "counterpoint.db")
    assert raw.execute("SELECT attempts, best FROM card_stats").fetchall() == [(1, 40)]
    raw.close()
