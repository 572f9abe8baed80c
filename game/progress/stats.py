"""Statistics worth looking at, computed from attempts read back from the store (pure functions).

Sessions: a round is a session; answers recorded outside any round (graded homework) are
grouped by the day they were given. Days are counted in the zone passed as ``tz`` (the player's
local day, so practice at 23:30 and at 00:30 are two days), times are stored in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Literal

from game.progress.flow import (
    Card,
    DrillItem,
    FlowPoint,
    FlowState,
    Rubric,
    drill_queue,
    flow_sheet,
    rubric_of,
)
from game.progress.models import AttemptRecord

__all__ = [
    "Card",
    "DrillItem",
    "FlowPoint",
    "FlowState",
    "Rubric",
    "drill_queue",
    "flow_sheet",
    "rubric_of",
    "Mastery",
    "Streak",
    "PersonalBest",
    "PlayerStats",
    "PlayerSummary",
    "summarize",
    "overview",
    "new_bests",
]

TREND_LENGTH = 10
WEAKEST = 5
Direction = Literal["up", "down", "flat", "new"]


@dataclass(frozen=True)
class Mastery:
    """How a player does on one position in one stance."""

    pack_id: str
    position_id: str
    stance: str
    attempts: int
    best: int
    last: int
    average: float
    recent: float
    """Mean of the last three scores: the current form, used to rank the weakest."""
    trend: tuple[int, ...]
    """The last ten scores, oldest first (for a sparkline)."""
    direction: Direction
    """The last score against the mean of the earlier ones: up or down by 5 or more, else flat."""
    last_at: datetime


@dataclass(frozen=True)
class Streak:
    """Consecutive days practised."""

    current: int
    """Days in a row up to today, or up to yesterday if not yet today; 0 when broken."""
    longest: int
    last_day: date | None


@dataclass(frozen=True)
class PersonalBest:
    """A record: best answer, best round, longest streak, most points in one answer."""

    kind: Literal["answer", "round", "streak", "points"]
    value: float
    detail: str
    at: datetime | None


@dataclass(frozen=True)
class PlayerStats:
    """Everything the statistics screen and ``counterpoint stats`` show for one player."""

    player: str
    rounds: int
    answers: int
    average: float | None
    best: int | None
    trend: tuple[float, ...]
    """Session averages in time order."""
    mastery: tuple[Mastery, ...]
    weakest: tuple[Mastery, ...]
    streak: Streak
    bests: tuple[PersonalBest, ...]
    flow: tuple[FlowPoint, ...]
    first_at: datetime | None
    last_at: datetime | None


@dataclass(frozen=True)
class PlayerSummary:
    """One line of the class overview."""

    player: str
    rounds: int
    answers: int
    average: float | None
    best: int | None
    streak: int
    last_at: datetime | None


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _direction(scores: Sequence[int]) -> Direction:
    if len(scores) < 2:
        return "new"
    change = scores[-1] - _mean(scores[:-1])
    return "up" if change >= 5 else "down" if change <= -5 else "flat"


def mastery(attempts: Iterable[AttemptRecord]) -> list[Mastery]:
    """Per position and stance, sorted by pack, position and stance."""
    cards: dict[tuple[str, str, str], list[AttemptRecord]] = {}
    for a in attempts:
        cards.setdefault((a.pack_id, a.position_id, a.stance), []).append(a)
    result = []
    for card in sorted(cards):
        rows = sorted(cards[card], key=lambda a: (a.at, a.id))
        scores = [a.score for a in rows]
        result.append(
            Mastery(
                *card,
                attempts=len(scores),
                best=max(scores),
                last=scores[-1],
                average=round(_mean(scores), 1),
                recent=round(_mean(scores[-3:]), 1),
                trend=tuple(scores[-TREND_LENGTH:]),
                direction=_direction(scores),
                last_at=rows[-1].at,
            )
        )
    return result


def weakest(items: Iterable[Mastery], n: int = WEAKEST) -> list[Mastery]:
    """The ``n`` positions with the lowest recent form (ties: lower average, then ids)."""
    return sorted(items, key=lambda m: (m.recent, m.average, m.pack_id, m.position_id, m.stance))[
        :n
    ]


def sessions(
    attempts: Iterable[AttemptRecord], tz: tzinfo = UTC
) -> list[tuple[datetime, list[AttemptRecord]]]:
    """Attempts grouped into sessions (rounds; days for answers outside rounds), in time order."""
    groups: dict[tuple[int, object], list[AttemptRecord]] = {}
    for a in attempts:
        key = (0, a.round_id) if a.round_id is not None else (1, a.at.astimezone(tz).date())
        groups.setdefault(key, []).append(a)
    ordered = [(min(a.at for a in rows), rows) for rows in groups.values()]
    ordered.sort(key=lambda pair: pair[0])
    return ordered


def streak(days: Iterable[date], today: date) -> Streak:
    """Current and longest run of consecutive days in ``days``."""
    unique = sorted(set(days))
    if not unique:
        return Streak(0, 0, None)
    longest = run = 1
    for before, after in zip(unique, unique[1:], strict=False):
        run = run + 1 if after - before == timedelta(days=1) else 1
        longest = max(longest, run)
    current = 0
    if today - unique[-1] <= timedelta(days=1):
        current = 1
        for before, after in zip(reversed(unique[:-1]), reversed(unique[1:]), strict=True):
            if after - before != timedelta(days=1):
                break
            current += 1
    return Streak(current, longest, unique[-1])


def personal_bests(
    attempts: Sequence[AttemptRecord], tz: tzinfo = UTC, today: date | None = None
) -> list[PersonalBest]:
    """Best answer, best round average, longest streak and most points in one answer."""
    if not attempts:
        return []
    top = max(attempts, key=lambda a: (a.score, -a.at.timestamp()))
    most = max(attempts, key=lambda a: (len(a.matched_points), -a.at.timestamp()))
    found = [
        PersonalBest(
            "answer", top.score, f"{top.pack_id}/{top.position_id} ({top.stance})", top.at
        ),
        PersonalBest(
            "points", len(most.matched_points), f"{most.pack_id}/{most.position_id}", most.at
        ),
    ]
    rounds = [
        (_mean([a.score for a in rows]), start, rows[0].round_id)
        for start, rows in sessions(attempts, tz)
        if rows[0].round_id is not None
    ]
    if rounds:
        value, start, round_id = max(rounds, key=lambda r: (r[0], -r[1].timestamp()))
        found.append(PersonalBest("round", round(value, 1), f"round {round_id}", start))
    days = [a.at.astimezone(tz).date() for a in attempts]
    run = streak(days, today or max(days)).longest
    found.append(PersonalBest("streak", run, f"{run} day{'s' * (run != 1)} in a row", None))
    return found


def _for(attempts: Iterable[AttemptRecord], player: str) -> list[AttemptRecord]:
    key = player.casefold()
    return [a for a in attempts if a.player.casefold() == key]


def summarize(
    attempts: Iterable[AttemptRecord],
    player: str,
    *,
    today: date,
    tz: tzinfo = UTC,
    rubric: Rubric | None = None,
) -> PlayerStats:
    """All statistics for ``player`` (matched ignoring case) from ``attempts`` (any players).

    ``rubric`` (see ``flow.rubric_of``) lets the flow sheet show never-raised points and
    untried positions; without it the sheet shows only points found at least once.
    """
    mine = sorted(_for(attempts, player), key=lambda a: (a.at, a.id))
    scores = [a.score for a in mine]
    grouped = sessions(mine, tz)
    levels = mastery(mine)
    return PlayerStats(
        player=mine[0].player if mine else player,
        rounds=len({a.round_id for a in mine if a.round_id is not None}),
        answers=len(mine),
        average=round(_mean(scores), 1) if scores else None,
        best=max(scores) if scores else None,
        trend=tuple(round(_mean([a.score for a in rows]), 1) for _, rows in grouped),
        mastery=tuple(levels),
        weakest=tuple(weakest(levels)),
        streak=streak((a.at.astimezone(tz).date() for a in mine), today),
        bests=tuple(personal_bests(mine, tz, today)),
        flow=tuple(flow_sheet(mine, rubric)),
        first_at=mine[0].at if mine else None,
        last_at=mine[-1].at if mine else None,
    )


def overview(
    attempts: Iterable[AttemptRecord],
    players: Sequence[str] = (),
    *,
    today: date,
    tz: tzinfo = UTC,
) -> list[PlayerSummary]:
    """One summary line per player (those in ``players`` too, even without answers)."""
    by_player: dict[str, list[AttemptRecord]] = {p.casefold(): [] for p in players}
    names = {p.casefold(): p for p in players}
    for a in attempts:
        by_player.setdefault(a.player.casefold(), []).append(a)
        names.setdefault(a.player.casefold(), a.player)
    lines = []
    for key in sorted(by_player):
        rows = by_player[key]
        scores = [a.score for a in rows]
        lines.append(
            PlayerSummary(
                player=names[key],
                rounds=len({a.round_id for a in rows if a.round_id is not None}),
                answers=len(rows),
                average=round(_mean(scores), 1) if scores else None,
                best=max(scores) if scores else None,
                streak=streak((a.at.astimezone(tz).date() for a in rows), today).current,
                last_at=max((a.at for a in rows), default=None),
            )
        )
    return lines


def new_bests(attempts: Iterable[AttemptRecord], round_id: int, tz: tzinfo = UTC) -> list[str]:
    """Records the round ``round_id`` beat, as sentences to announce at its end.

    Compares the round with everything the same player did before it started: best answer,
    best round average, most points in one answer, best score on each position and stance
    tried before, and longest streak. A first round beats nothing (there is nothing to beat).
    """
    rows = list(attempts)
    this = sorted((a for a in rows if a.round_id == round_id), key=lambda a: (a.at, a.id))
    if not this:
        return []
    start = this[0].at
    key = this[0].player.casefold()
    before = [
        a for a in rows if a.player.casefold() == key and a.at < start and a.round_id != round_id
    ]
    if not before:
        return []
    old = {b.kind: b.value for b in personal_bests(before, tz)}
    new = {b.kind: b.value for b in personal_bests(before + this, tz)}
    news = []
    labels = {
        "answer": "best answer",
        "round": "best round average",
        "points": "most points in one answer",
        "streak": "longest streak (days)",
    }
    for kind, label in labels.items():
        if kind in old and kind in new and new[kind] > old[kind]:
            news.append(f"New {label}: {new[kind]:g} (was {old[kind]:g})")
    earlier = {(m.pack_id, m.position_id, m.stance): m.best for m in mastery(before)}
    for m in mastery(this):
        was = earlier.get((m.pack_id, m.position_id, m.stance))
        if was is not None and m.best > was:
            news.append(f"New best on {m.position_id} ({m.stance}): {m.best} (was {was})")
    return news
