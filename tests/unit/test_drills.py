"""Drill scheduling: FSRS cards updated by every recorded attempt, and the plan of a drill round."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from game.progress import drills
from game.progress.drills import DRILL_MODE, Drills, arrange, rating_for, schedule
from game.progress.models import Attempt
from game.progress.store import Store
from tests.unit.test_migrations import make_v1

DAY0 = datetime(2025, 3, 3, 16, 0, tzinfo=UTC)
PACK = "nk-talks"


class Clock:
    """A fake clock the store and the test share; the game never sees it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(DAY0)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(tmp_path / "saves", clock=clock) as opened:
        yield opened


def answer(
    store: Store,
    position: str,
    stance: str,
    score: int,
    at: datetime,
    player: str = "Ada",
    round_id: int | None = None,
    pack: str = PACK,
) -> None:
    store.record_attempt(
        Attempt(player, pack, "h", position, stance, "an answer", score, (), 30.0, round_id, at)
    )


def no_back_to_back(plan: list[tuple[str, str]]) -> bool:
    return all(a[0] != b[0] for a, b in zip(plan, plan[1:], strict=False))


@pytest.mark.parametrize(
    ("score", "rating"),
    [(0, Rating.Again), (39, Rating.Again), (40, Rating.Hard), (59, Rating.Hard),
     (60, Rating.Good), (84, Rating.Good), (85, Rating.Easy), (100, Rating.Easy)],
)  # fmt: skip
def test_the_rating_follows_the_documented_thresholds(score: int, rating: Rating) -> None:
    assert rating_for(score) == rating


def test_a_fail_comes_back_the_next_day_and_a_clear_pass_days_later() -> None:
    failed = schedule(None, "p", "rebut", 20, DAY0)
    passed = schedule(None, "p", "rebut", 70, DAY0)
    easy = schedule(None, "p", "rebut", 95, DAY0)
    assert failed.due - DAY0 == timedelta(days=1)
    assert failed.due < passed.due < easy.due
    assert (failed.lapses, passed.lapses) == (1, 0)


def test_every_recorded_attempt_updates_its_card(store: Store) -> None:
    answer(store, "alpha", "rebut", 20, DAY0)
    answer(store, "alpha", "rebut", 90, DAY0 + timedelta(days=1))
    [card] = Drills(store).cards("Ada", PACK)
    assert (card.position_id, card.stance, card.reviews, card.lapses) == ("alpha", "rebut", 2, 1)
    assert card.last_review == DAY0 + timedelta(days=1)
    assert card.due.tzinfo is not None and card.due > DAY0 + timedelta(days=2)


def test_a_weak_card_comes_back_sooner_and_more_often_than_a_strong_one(
    store: Store, clock: Clock
) -> None:
    """Two weeks of daily drills: 'weak' is always failed, 'strong' always answered well."""
    drilled = {"weak": 0, "strong": 0}
    answer(store, "weak", "rebut", 25, clock.now)
    answer(store, "strong", "rebut", 90, clock.now)
    d = Drills(store)
    assert d.due_count("Ada", PACK, clock.now) == 0
    for _ in range(14):
        now = clock.advance(days=1)
        plan = d.plan_drill("Ada", PACK, now, random.Random(0))
        due = [p for p, _ in plan if p in drilled]
        if plan.due:
            assert due[0] == "weak" or "weak" not in due
        for position, stance in plan:
            drilled[position] += 1
            answer(store, position, stance, 25 if position == "weak" else 90, now)
    assert drilled["weak"] == 14  # due every single day
    assert drilled["strong"] <= 2


def test_due_count_counts_only_cards_due_now(store: Store) -> None:
    for position, score in [("a", 10), ("b", 30), ("c", 75), ("d", 100)]:
        answer(store, position, "rebut", score, DAY0)
    d = Drills(store)
    assert d.due_count("Ada", PACK, DAY0) == 0
    assert d.due_count("Ada", PACK, DAY0 + timedelta(days=1)) == 2
    assert d.due_count("Ada", PACK, DAY0 + timedelta(days=60)) == 4
    assert d.due_count("Ada", "another-pack", DAY0 + timedelta(days=60)) == 0
    assert d.due_count("Blaise", PACK, DAY0 + timedelta(days=60)) == 0
    assert d.due_count("ADA", PACK, DAY0 + timedelta(days=1)) == 2  # names ignore case


def test_nothing_due_gives_an_empty_plan_with_a_reason_unless_practising_anyway(
    store: Store,
) -> None:
    answer(store, "a", "rebut", 55, DAY0)
    answer(store, "b", "rebut", 95, DAY0)
    d = Drills(store)
    plan = d.plan_drill("Ada", PACK, DAY0 + timedelta(hours=2), random.Random(1))
    assert plan == [] and "Nothing is due" in plan.reason and "2025-03-04" in plan.reason
    assert plan.next_due == DAY0 + timedelta(days=1)
    anyway = d.plan_drill("Ada", PACK, DAY0 + timedelta(hours=2), random.Random(1), 20, True)
    assert anyway[0] == ("a", "rebut")  # the weakest; the mastered one is not offered
    assert ("b", "rebut") not in anyway and "weakest" in anyway.reason


def test_due_cards_come_first_most_overdue_first_then_the_weakest(store: Store) -> None:
    answer(store, "old", "rebut", 10, DAY0)  # due DAY0 + 1 day
    answer(store, "newer", "rebut", 10, DAY0 + timedelta(days=2))  # due DAY0 + 3 days
    answer(store, "shaky", "defend", 65, DAY0 + timedelta(days=2))  # Good: due DAY0 + 4 days
    answer(store, "solid", "defend", 98, DAY0 + timedelta(days=2))
    plan = Drills(store).plan_drill("Ada", PACK, DAY0 + timedelta(days=3), random.Random(3))
    assert plan[:2] == [("old", "rebut"), ("newer", "rebut")]
    assert plan[2:] == [("shaky", "defend")]  # filler: the weakest of the rest
    assert plan.due == 2 and plan.reason == "Drilling 2 due and 1 of your weakest."


def test_the_plan_never_exceeds_the_cap_and_the_day_counts_drills_done(
    store: Store, clock: Clock
) -> None:
    for n in range(12):
        for stance in ("rebut", "defend"):
            answer(store, f"p{n:02}", stance, 10, DAY0)
    d = Drills(store)
    now = clock.advance(days=1)
    assert d.due_count("Ada", PACK, now) == 24
    plan = d.plan_drill("Ada", PACK, now, random.Random(0), daily_cap=5)
    assert len(plan) == 5 and plan.due == 24
    round_id = store.start_round("Ada", PACK, DRILL_MODE)
    for position, stance in plan[:3]:
        answer(store, position, stance, 80, now, round_id=round_id)
    assert len(d.plan_drill("Ada", PACK, now, random.Random(0), daily_cap=5)) == 2
    practice = store.start_round("Ada", PACK, "practice")  # practice answers do not use the cap
    answer(store, "p11", "rebut", 80, now, round_id=practice)
    for position, stance in plan[3:]:
        answer(store, position, stance, 80, now, round_id=round_id)
    spent = d.plan_drill("Ada", PACK, now, random.Random(0), daily_cap=5)
    assert spent == [] and "daily cap" in spent.reason
    assert len(d.plan_drill("Ada", PACK, now, random.Random(0), 5, practice_anyway=True)) == 5
    tomorrow = d.plan_drill("Ada", PACK, now + timedelta(days=1), random.Random(0), daily_cap=5)
    assert len(tomorrow) == 5


def test_the_two_stances_of_a_position_are_never_back_to_back(store: Store) -> None:
    for n in range(4):
        for stance in ("rebut", "defend"):
            answer(store, f"p{n}", stance, 10, DAY0)
    answer(store, "lone", "rebut", 10, DAY0 + timedelta(hours=1))
    d = Drills(store)
    for seed in range(20):
        plan = d.plan_drill("Ada", PACK, DAY0 + timedelta(days=1, hours=2), random.Random(seed))
        assert sorted(plan) == sorted({(f"p{n}", s) for n in range(4) for s in ("rebut", "defend")}
                                      | {("lone", "rebut")})  # fmt: skip
        assert no_back_to_back(plan), plan


def test_arrange_keeps_the_order_where_it_can_and_drops_what_cannot_be_kept_apart() -> None:
    a_r, a_d, b_r, b_d, c_r = ("a", "rebut"), ("a", "defend"), ("b", "rebut"), ("b", "defend"), (
        "c", "rebut")  # fmt: skip
    assert arrange([a_r, b_r, c_r]) == [a_r, b_r, c_r]
    assert arrange([a_r, a_d, b_r]) == [a_r, b_r, a_d]
    assert arrange([a_r, a_d, b_r, b_d]) == [a_r, b_r, a_d, b_d]
    assert arrange([a_r, a_d]) == [a_r]  # the other stance waits for another round
    assert arrange([]) == []


def test_the_same_seed_gives_the_same_plan_and_ties_are_shuffled(store: Store) -> None:
    for n in range(8):
        answer(store, f"p{n}", "rebut", 10, DAY0)  # all due at the same moment: all tied
    d = Drills(store)
    later = DAY0 + timedelta(days=2)
    plans = [d.plan_drill("Ada", PACK, later, random.Random(seed)) for seed in range(6)]
    assert plans[0] == d.plan_drill("Ada", PACK, later, random.Random(0))
    assert len({tuple(p) for p in plans}) > 1


def test_a_rubric_leaves_out_removed_positions_and_offers_untried_ones(store: Store) -> None:
    answer(store, "kept", "rebut", 10, DAY0)
    answer(store, "removed", "rebut", 10, DAY0)
    rubric = {(PACK, "kept", "rebut"): ("x",), (PACK, "untried", "defend"): ("y",)}
    d = Drills(store)
    later = DAY0 + timedelta(days=1)
    assert d.due_count("Ada", PACK, later) == 2
    assert d.due_count("Ada", PACK, later, rubric=rubric) == 1
    plan = d.plan_drill("Ada", PACK, later, random.Random(0), rubric=rubric)
    assert plan == [("kept", "rebut"), ("untried", "defend")]


def test_cards_are_keyed_by_player_pack_position_and_stance(tmp_path: Path) -> None:
    """Interleaving other players and packs changes nothing about Ada's cards."""
    mine = [("a", "rebut", 30), ("b", "defend", 70), ("a", "rebut", 90)]
    with Store.open(tmp_path / "alone") as alone, Store.open(tmp_path / "busy") as busy:
        for n, (position, stance, score) in enumerate(mine):
            at = DAY0 + timedelta(days=n)
            answer(alone, position, stance, score, at)
            answer(busy, position, stance, 5, at, player="Blaise")
            answer(busy, position, stance, 100, at, pack="other")
            answer(busy, position, stance, score, at)
        assert Drills(busy).cards("Ada", PACK) == Drills(alone).cards("Ada", PACK)
        busy.forget_player("Blaise")
        assert Drills(busy).cards("Ada", PACK) == Drills(alone).cards("Ada", PACK)
        assert Drills(busy).cards("Blaise", PACK) == []


def test_a_late_recorded_answer_never_moves_time_backwards(store: Store) -> None:
    answer(store, "a", "rebut", 90, DAY0 + timedelta(days=5))
    [passed] = Drills(store).cards("Ada", PACK)
    answer(store, "a", "rebut", 10, DAY0)  # homework graded late, dated earlier
    [card] = Drills(store).cards("Ada", PACK)
    assert card.last_review == DAY0 + timedelta(days=5)
    assert DAY0 + timedelta(days=5) < card.due < passed.due  # the fail counts, at the last review
    assert (card.reviews, card.lapses) == (2, 1)


def test_rebuilding_replays_the_history_into_the_same_cards(store: Store) -> None:
    rng = random.Random(5)
    for n in range(40):
        at = DAY0 + timedelta(hours=7 * n)
        answer(store, rng.choice("abc"), rng.choice(["rebut", "defend"]), rng.randint(0, 100), at)
    before = Drills(store).cards("Ada", PACK)
    assert store.rebuild_summaries() == 40
    assert Drills(store).cards("Ada", PACK) == before


def test_upgrading_an_old_file_builds_the_cards_from_its_history(tmp_path: Path) -> None:
    make_v1(tmp_path)  # Ada: china-restrains rebut 50, sanctions-work defend 80 (2024-01-05)
    with Store.open(tmp_path) as store:
        assert 4 in store.migrated
        cards = {(c.position_id, c.stance): c for c in Drills(store).cards("Ada", "nk-talks")}
    assert set(cards) == {("china-restrains", "rebut"), ("sanctions-work", "defend")}
    assert cards[("china-restrains", "rebut")].due < cards[("sanctions-work", "defend")].due
    conn = sqlite3.connect(tmp_path / "counterpoint.db")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_start_of_day_uses_the_players_zone() -> None:
    from datetime import timezone

    late = datetime(2025, 3, 3, 23, 30, tzinfo=UTC)
    assert drills.start_of_day(late, UTC) == datetime(2025, 3, 3, tzinfo=UTC)
    tokyo = timezone(timedelta(hours=9))  # already 4 March there
    assert drills.start_of_day(late, tokyo) == datetime(2025, 3, 3, 15, tzinfo=UTC)
