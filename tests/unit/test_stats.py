"""Statistics on a small history worked out by hand."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

from game.progress.digest import digest_of
from game.progress.models import AttemptRecord
from game.progress.stats import (
    drill_queue,
    flow_sheet,
    new_bests,
    overview,
    sessions,
    streak,
    summarize,
)

RUBRIC = {
    ("p", "a", "rebut"): ("x", "y", "z"),
    ("p", "b", "defend"): ("u", "v", "w"),
    ("p", "c", "rebut"): ("q",),
}


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2025, 3, day, hour, tzinfo=UTC)


def rec(
    n: int, player: str, round_id: int | None, position: str, stance: str, score: int,
    points: tuple[str, ...], when: datetime,
) -> AttemptRecord:  # fmt: skip
    return AttemptRecord(n, player, round_id, "p", "h", position, stance, score, points, 30.0, when)


# Ada: three rounds on days 1, 2 and 4, and one homework answer (no round) on day 3.
HISTORY = [
    rec(1, "Ada", 1, "a", "rebut", 40, ("x",), at(1)),
    rec(2, "Ada", 1, "b", "defend", 20, (), at(1, 11)),
    rec(3, "Ada", 2, "a", "rebut", 80, ("x", "y"), at(2)),
    rec(4, "Ada", 2, "b", "defend", 60, ("u",), at(2, 11)),
    rec(5, "Ada", None, "a", "rebut", 30, (), at(3)),
    rec(6, "Ada", 3, "a", "rebut", 50, ("y",), at(4)),
    rec(7, "Ada", 3, "b", "defend", 90, ("u", "v"), at(4, 11)),
    rec(8, "Blaise", 4, "c", "rebut", 100, ("q",), at(2)),
]


def test_totals_and_the_trend_by_session() -> None:
    s = summarize(HISTORY, "ada", today=date(2025, 3, 5))
    assert s.player == "Ada"
    assert (s.rounds, s.answers, s.best) == (3, 7, 90)
    assert s.average == round(370 / 7, 1)
    # Round 1, round 2, the homework day, round 3.
    assert s.trend == (30.0, 70.0, 30.0, 70.0)
    assert (s.first_at, s.last_at) == (at(1), at(4, 11))


def test_mastery_per_position_and_stance() -> None:
    s = summarize(HISTORY, "Ada", today=date(2025, 3, 5))
    a, b = s.mastery
    assert (a.position_id, a.stance, a.attempts, a.best, a.last) == ("a", "rebut", 4, 80, 50)
    assert a.average == 50.0 and a.recent == round((80 + 30 + 50) / 3, 1)
    assert a.trend == (40, 80, 30, 50) and a.direction == "flat"  # 50 against a mean of 50
    assert (b.attempts, b.best, b.last, b.average) == (3, 90, 90, round(170 / 3, 1))
    assert b.direction == "up"
    assert [m.position_id for m in s.weakest] == ["a", "b"]


def test_streaks_count_consecutive_days_up_to_yesterday() -> None:
    assert summarize(HISTORY, "Ada", today=date(2025, 3, 5)).streak.current == 4
    assert summarize(HISTORY, "Ada", today=date(2025, 3, 4)).streak.current == 4
    broken = summarize(HISTORY, "Ada", today=date(2025, 3, 6)).streak
    assert (broken.current, broken.longest, broken.last_day) == (0, 4, date(2025, 3, 4))
    gaps = streak([date(2025, 1, d) for d in (1, 2, 5, 6, 7, 9)], today=date(2025, 1, 9))
    assert (gaps.current, gaps.longest) == (1, 3)
    assert streak([], today=date(2025, 1, 1)).longest == 0


def test_days_are_the_players_local_days() -> None:
    late = [
        rec(1, "Ada", None, "a", "rebut", 50, (), datetime(2025, 3, 1, 23, 30, tzinfo=UTC)),
        rec(2, "Ada", None, "a", "rebut", 50, (), datetime(2025, 3, 2, 0, 30, tzinfo=UTC)),
    ]
    assert summarize(late, "Ada", today=date(2025, 3, 2)).streak.longest == 2
    tokyo = timezone(timedelta(hours=9))  # both are 2 March there: one day, one session
    s = summarize(late, "Ada", today=date(2025, 3, 2), tz=tokyo)
    assert s.streak.longest == 1 and len(s.trend) == 1
    assert len(sessions(digest_of(late), tokyo)) == 1


def test_personal_bests() -> None:
    bests = {b.kind: b for b in summarize(HISTORY, "Ada", today=date(2025, 3, 5)).bests}
    assert bests["answer"].value == 90 and bests["answer"].detail == "p/b (defend)"
    assert bests["points"].value == 2 and bests["points"].at == at(2)  # first time reached
    assert bests["round"].value == 70 and bests["round"].detail == "round 2"  # first to 70
    assert bests["streak"].value == 4


def test_the_bests_a_round_beat_are_announced() -> None:
    before = digest_of([a for a in HISTORY if a.round_id != 3], "Ada")
    after = digest_of(HISTORY, "Ada")
    assert new_bests(before, after) == [
        "New best answer: 90 (was 80)",
        "New longest streak (days): 4 (was 3)",
        "New best on b (defend): 90 (was 60)",
    ]
    assert new_bests(after, after) == []
    first = digest_of([a for a in HISTORY if a.round_id == 1], "Ada")
    assert new_bests(digest_of([], "Ada"), first) == []  # a first round has nothing to beat


def test_flow_sheet_found_dropped_never_and_unplayed() -> None:
    flow = summarize(HISTORY, "Ada", today=date(2025, 3, 5), rubric=RUBRIC).flow
    states = {(c.position_id, c.point_id): c.state for c in flow}
    assert states == {
        ("a", "x"): "dropped",  # found in rounds 1 and 2, missed in the latest attempt
        ("a", "y"): "found",
        ("a", "z"): "never",
        ("b", "u"): "found",
        ("b", "v"): "found",
        ("b", "w"): "never",
        ("c", "q"): "unplayed",  # Blaise's attempt is not Ada's
    }
    x = next(c for c in flow if c.point_id == "x")
    assert (x.times_found, x.attempts, x.last_found) == (2, 4, at(2))


def test_flow_sheet_without_a_rubric_shows_what_history_knows() -> None:
    ada = [a for a in HISTORY if a.player == "Ada"]
    states = {(c.position_id, c.point_id): c.state for c in flow_sheet(ada)}
    assert states == {
        ("a", "x"): "dropped",
        ("a", "y"): "found",
        ("b", "u"): "found",
        ("b", "v"): "found",
    }


def test_an_edited_pack_keeps_history_by_point_id() -> None:
    edited = {("p", "a", "rebut"): ("y", "new-point", "x")}  # z removed, a point added
    flow = flow_sheet([a for a in HISTORY if a.player == "Ada"], edited)
    assert [(c.point_id, c.state) for c in flow] == [
        ("y", "found"),
        ("new-point", "never"),
        ("x", "dropped"),
    ]


def test_drill_queue_puts_dropped_points_first_then_never_raised_then_untried() -> None:
    queue = drill_queue(HISTORY, "ada", "p", 5, random.Random(0), RUBRIC)
    assert [(d.position_id, d.stance) for d in queue] == [
        ("a", "rebut"),
        ("b", "defend"),
        ("c", "rebut"),
    ]
    assert queue[0].dropped == ("x",) and queue[0].never == ("z",)
    assert "dropped 1 point found before" in queue[0].reason
    assert queue[2].reason == "not tried yet"
    assert len(drill_queue(HISTORY, "Ada", "p", 1, random.Random(0), RUBRIC)) == 1
    assert drill_queue(HISTORY, "Ada", "other-pack", 5, random.Random(0), RUBRIC) == []


def test_drill_queue_leaves_out_what_is_mastered() -> None:
    queue = drill_queue(HISTORY, "Blaise", "p", 5, random.Random(0), RUBRIC)
    assert ("c", "rebut") not in [(d.position_id, d.stance) for d in queue]


def test_drill_queue_is_deterministic_and_keeps_two_stances_apart() -> None:
    rubric = {
        ("p", pos, stance): ("k",) for pos in ("m", "n", "o") for stance in ("rebut", "defend")
    }
    first = drill_queue([], "Ada", "p", 6, random.Random(7), rubric)
    again = drill_queue([], "Ada", "p", 6, random.Random(7), rubric)
    assert first == again and len(first) == 6
    others = {
        tuple(
            (d.position_id, d.stance)
            for d in drill_queue([], "Ada", "p", 6, random.Random(s), rubric)
        )
        for s in range(20)
    }
    assert len(others) > 1  # ties really are broken by the generator
    for queue in [
        first,
        *[drill_queue([], "Ada", "p", 6, random.Random(s), rubric) for s in range(20)],
    ]:
        positions = [d.position_id for d in queue]
        assert all(x != y for x, y in zip(positions, positions[1:], strict=False))


def test_overview_lists_every_player() -> None:
    digests = [digest_of(HISTORY, p) for p in ("Ada", "Blaise", "Cleo")]
    lines = overview(digests, today=date(2025, 3, 5))
    assert [(p.player, p.rounds, p.answers, p.best) for p in lines] == [
        ("Ada", 3, 7, 90),
        ("Blaise", 1, 1, 100),
        ("Cleo", 0, 0, None),
    ]


def test_a_player_without_answers_has_empty_statistics() -> None:
    s = summarize(HISTORY, "Cleo", today=date(2025, 3, 5), rubric=RUBRIC)
    assert (s.answers, s.average, s.best, s.trend, s.mastery) == (0, None, None, (), ())
    assert {c.state for c in s.flow} == {"unplayed"}
