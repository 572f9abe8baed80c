"""The saves store: what is recorded, how it reads back, and the settings it promises."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from game.progress.errors import BadPlayerName, StoreBusy, StoreError
from game.progress.models import Attempt
from game.progress.store import Store

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def attempt(player: str = "Ada", **changes: object) -> Attempt:
    fields: dict[str, object] = dict(
        player=player,
        pack_id="nk-talks",
        pack_hash="abc123",
        position_id="china-restrains",
        stance="rebut",
        answer="China wants a buffer state.",
        score=60,
        matched_points=("buffer",),
        seconds=42.5,
        round_id=None,
        at=T0,
    )
    fields.update(changes)
    return Attempt(**fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "saves", clock=lambda: T0)
    yield opened
    opened.close()


def test_open_creates_the_folder_and_promised_settings(tmp_path: Path) -> None:
    saves = tmp_path / "deep" / "saves"
    with Store.open(saves) as store:
        assert (saves / "counterpoint.db").is_file()
        assert store.settings() == {
            "journal_mode": "wal",
            "synchronous": 2,  # FULL
            "busy_timeout": 5000,
            "foreign_keys": 1,
        }


def test_an_attempt_reads_back_exactly(store: Store) -> None:
    round_id = store.start_round("Ada", "nk-talks", "practice")
    given = attempt(round_id=round_id, matched_points=("buffer", "refugees"), score=75)
    attempt_id = store.record_attempt(given)
    [got] = store.history("Ada", answers=True)
    assert got.id == attempt_id
    assert (got.player, got.round_id, got.pack_id, got.pack_hash) == (
        "Ada",
        round_id,
        "nk-talks",
        "abc123",
    )
    assert (got.position_id, got.stance, got.score, got.seconds) == (
        "china-restrains",
        "rebut",
        75,
        42.5,
    )
    assert got.matched_points == ("buffer", "refugees")
    assert got.at == T0 and got.at.tzinfo is not None
    assert got.answer == "China wants a buffer state."
    assert store.history("Ada")[0].answer is None  # texts only on request


def test_history_survives_reopening_and_is_in_time_order(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        for minutes in (30, 10, 20):
            store.record_attempt(attempt(at=T0 + timedelta(minutes=minutes), score=minutes))
    with Store.open(tmp_path) as store:
        assert [a.score for a in store.history()] == [10, 20, 30]


def test_times_in_other_zones_are_stored_as_utc(store: Store) -> None:
    paris = datetime(2025, 3, 1, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    store.record_attempt(attempt(at=paris))
    assert store.history()[0].at == datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


def test_naive_times_and_bad_values_are_refused_before_anything_is_written() -> None:
    with pytest.raises(ValueError):
        attempt(at=datetime(2025, 1, 1))
    with pytest.raises(ValueError):
        attempt(stance="sideways")
    with pytest.raises(ValueError):
        attempt(score=101)
    with pytest.raises(ValueError):
        attempt(matched_points="buffer")


def test_players_are_case_preserving_and_case_insensitive(store: Store) -> None:
    store.add_player("Ada Lovelace")
    store.add_player("  ada   LOVELACE ")
    store.add_player("Blaise")
    assert store.players() == ["Ada Lovelace", "Blaise"]
    assert store.find_player("ADA LOVELACE") == "Ada Lovelace"
    store.record_attempt(attempt(player="ada lovelace"))
    assert [a.player for a in store.history("ADA lovelace")] == ["Ada Lovelace"]


def test_last_player_is_the_one_most_recently_chosen(tmp_path: Path) -> None:
    now = [T0]
    with Store.open(tmp_path, clock=lambda: now[0]) as store:
        assert store.last_player() is None
        store.add_player("Ada")
        now[0] += timedelta(minutes=1)
        store.add_player("Blaise")
        assert store.last_player() == "Blaise"
        now[0] += timedelta(minutes=1)
        store.add_player("ada")
        assert store.last_player() == "Ada"
    with Store.open(tmp_path) as store:
        assert store.last_player() == "Ada"


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "evil\x1b]0;title\x07"])
def test_bad_player_names_are_refused_with_a_message(store: Store, name: str) -> None:
    with pytest.raises(BadPlayerName):
        store.add_player(name)
    assert store.players() == []


def test_a_name_that_looks_like_sql_is_just_a_name(store: Store) -> None:
    store.add_player("Robert'); DROP TABLE attempts;--")
    store.record_attempt(attempt(player="Robert'); DROP TABLE attempts;--"))
    assert store.players() == ["Robert'); DROP TABLE attempts;--"]
    assert len(store.history()) == 1


def test_answer_text_that_sqlite_cannot_encode_is_kept_not_lost(store: Store) -> None:
    store.record_attempt(attempt(answer="half \ud800 a surrogate and a NUL \x00 here"))
    [got] = store.history(answers=True)
    assert got.answer == "half \ufffd a surrogate and a NUL \x00 here"


def test_over_long_answers_are_cut_not_refused(store: Store) -> None:
    store.record_attempt(attempt(answer="x" * 80_000, score=0))
    [got] = store.history(answers=True)
    assert got.answer is not None and len(got.answer) == 50_000


def test_rounds_are_started_and_finished(tmp_path: Path) -> None:
    now = [T0]
    with Store.open(tmp_path, clock=lambda: now[0]) as store:
        round_id = store.start_round("Ada", "nk-talks", "drill")
        now[0] += timedelta(minutes=7)
        store.finish_round(round_id)
        now[0] += timedelta(minutes=7)
        store.finish_round(round_id)  # the first finish counts
        store.finish_round(9999)  # unknown: ignored
        [r] = store.rounds("ada")
    assert (r.player, r.pack_id, r.mode) == ("Ada", "nk-talks", "drill")
    assert r.started_at == T0 and r.finished_at == T0 + timedelta(minutes=7)


def test_an_attempt_for_an_unknown_round_is_refused_and_nothing_is_half_written(
    store: Store,
) -> None:
    with pytest.raises(StoreError):
        store.record_attempt(attempt(player="Newcomer", round_id=12345))
    assert store.history() == [] and store.players() == []


def test_filters_by_pack_and_time(store: Store) -> None:
    store.record_attempt(attempt(pack_id="a", at=T0))
    store.record_attempt(attempt(pack_id="b", at=T0 + timedelta(days=1)))
    store.record_attempt(attempt(pack_id="a", at=T0 + timedelta(days=2)))
    assert [a.pack_id for a in store.history(pack_id="a")] == ["a", "a"]
    assert len(store.history(since=T0 + timedelta(hours=1))) == 2


def test_forget_player_removes_only_that_player(store: Store) -> None:
    round_id = store.start_round("Ada", "nk-talks", "practice")
    store.record_attempt(attempt(player="Ada", round_id=round_id))
    store.record_attempt(attempt(player="Blaise"))
    assert store.forget_player("ADA") == 1
    assert store.players() == ["Blaise"]
    assert [a.player for a in store.history()] == ["Blaise"]
    assert store.rounds() == []


def test_a_lock_held_too_long_is_reported_as_busy_and_the_retry_succeeds(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path, busy_timeout_ms=200)
    blocker = sqlite3.connect(tmp_path / "counterpoint.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreBusy, match="locked by another Counterpoint"):
        store.record_attempt(attempt())
    blocker.execute("ROLLBACK")
    blocker.close()
    store.record_attempt(attempt())
    assert len(store.history()) == 1
    store.close()


def test_every_write_begins_immediate(tmp_path: Path) -> None:
    """A deferred write transaction is the path that lost most answers under contention."""
    statements: list[str] = []
    with Store.open(tmp_path) as store:
        assert store._conn is not None
        store._conn.set_trace_callback(statements.append)
        store.add_player("Ada")
        round_id = store.start_round("Ada", "p", "practice")
        store.record_attempt(attempt(round_id=round_id))
        store.finish_round(round_id)
        store.forget_player("Ada")
    begins = [s for s in statements if s.upper().startswith("BEGIN")]
    assert len(begins) == 5
    assert all(s.upper() == "BEGIN IMMEDIATE" for s in begins)


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.players()


def test_the_store_can_be_used_from_a_worker_thread(store: Store) -> None:
    import threading

    ids: list[int] = []
    worker = threading.Thread(target=lambda: ids.append(store.record_attempt(attempt())))
    worker.start()
    worker.join()
    assert [a.id for a in store.history()] == ids
