"""Statistics worth looking at, from a player's digest (pure functions).

Give them ``Store.digest(player)``, which reads a few hundred rows however long the history,
or attempts in memory (``digest_of`` boils those down the same way).

Sessions: a round is a session; answers recorded outside any round (graded homework) are
grouped by the day they were given. Days are counted in the zone passed as ``tz`` (the player's
local day, so practice at 23:30 and at 00:30 are two days); times are stored in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Literal

from game.progress.digest import Digest, History, Session, as_digest, digest_of
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

__all__ = [
    "Digest",
    "History",
    "digest_of",
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
    """Last score against the mean of the trend before it: up or down by 5 or more, else flat."""
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


def mastery(history: History, player: str | None = None) -> list[Mastery]:
    """Per position and stance, sorted by pack, position and stance."""
    result = []
    for card in as_digest(history, player).cards:
        scores = [r.score for r in card.recent]
        result.append(
            Mastery(
                card.pack_id,
                card.position_id,
                card.stance,
                attempts=card.attempts,
                best=card.best,
                last=scores[-1],
                average=round(card.total / card.attempts, 1),
                recent=round(_mean(scores[-3:]), 1),
                trend=tuple(scores[-TREND_LENGTH:]),
                direction=_direction(scores[-TREND_LENGTH:]),
                last_at=card.last_at,
            )
        )
    return result


def weakest(items: Iterable[Mastery], n: int = WEAKEST) -> list[Mastery]:
    """The ``n`` positions with the lowest recent form (ties: lower average, then ids)."""
    return sorted(items, key=_form)[:n]


def _form(m: Mastery) -> tuple[float, float, str, str, str]:
    return (m.recent, m.average, m.pack_id, m.position_id, m.stance)


def sessions(digest: Digest, tz: tzinfo = UTC) -> list[Session]:
    """Rounds, and answers outside rounds merged by local day, in time order."""
    merged: dict[date, Session] = {}
    result = []
    for s in digest.sessions:
        if s.round_id is not None:
            result.append(s)
            continue
        day = s.start.astimezone(tz).date()
        had = merged.get(day)
        merged[day] = (
            s
            if had is None
            else Session(None, had.start, had.answers + s.answers, had.total + s.total)
        )
    result += merged.values()
    return sorted(result, key=lambda s: (s.start, s.round_id is None, s.round_id or 0))


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


def _days(digest: Digest, tz: tzinfo) -> set[date]:
    if isinstance(tz, timezone):  # a fixed offset (what the command line passes): add it
        offset = tz.utcoffset(None)
        return {(slot + offset).date() for slot in digest.slots}
    return {slot.astimezone(tz).date() for slot in digest.slots}


def personal_bests(digest: Digest, tz: tzinfo = UTC) -> list[PersonalBest]:
    """Best answer, most points in one answer, best round average and longest streak."""
    if not digest.cards:
        return []
    top = min(digest.cards, key=lambda c: (-c.best, c.best_at))
    most = min(digest.cards, key=lambda c: (-c.most_points, c.most_points_at))
    found = [
        PersonalBest(
            "answer", top.best, f"{top.pack_id}/{top.position_id} ({top.stance})", top.best_at
        ),
        PersonalBest(
            "points", most.most_points, f"{most.pack_id}/{most.position_id}", most.most_points_at
        ),
    ]
    rounds = [s for s in digest.sessions if s.round_id is not None]
    if rounds:
        best = min(rounds, key=lambda s: (-s.total / s.answers, s.start))
        average = round(best.total / best.answers, 1)
        found.append(PersonalBest("round", average, f"round {best.round_id}", best.start))
    days = _days(digest, tz)
    run = streak(days, max(days)).longest
    found.append(PersonalBest("streak", run, f"{run} day{'s' * (run != 1)} in a row", None))
    return found


def summarize(
    history: History,
    player: str,
    *,
    today: date,
    tz: tzinfo = UTC,
    rubric: Rubric | None = None,
) -> PlayerStats:
    """All statistics for ``player``: pass ``Store.digest(player)``, or attempts of any players.

    ``rubric`` (see ``flow.rubric_of``) lets the flow sheet show never-raised points and
    untried positions; without it the sheet shows only points found at least once.
    """
    digest = as_digest(history, player)
    cards = digest.cards
    answers = digest.answers
    total = sum(c.total for c in cards)
    levels = mastery(digest)
    return PlayerStats(
        player=digest.player,
        rounds=sum(1 for s in digest.sessions if s.round_id is not None),
        answers=answers,
        average=round(total / answers, 1) if answers else None,
        best=max((c.best for c in cards), default=None),
        trend=tuple(round(s.total / s.answers, 1) for s in sessions(digest, tz)),
        mastery=tuple(levels),
        weakest=tuple(weakest(levels)),
        streak=streak(_days(digest, tz), today),
        bests=tuple(personal_bests(digest, tz)),
        flow=tuple(flow_sheet(digest, rubric)),
        first_at=min((c.first_at for c in cards), default=None),
        last_at=max((c.last_at for c in cards), default=None),
    )


def overview(digests: Iterable[Digest], *, today: date, tz: tzinfo = UTC) -> list[PlayerSummary]:
    """One summary line per player, in the order given (``Store.digests()`` is alphabetical)."""
    lines = []
    for d in digests:
        total = sum(c.total for c in d.cards)
        lines.append(
            PlayerSummary(
                player=d.player,
                rounds=sum(1 for s in d.sessions if s.round_id is not None),
                answers=d.answers,
                average=round(total / d.answers, 1) if d.answers else None,
                best=max((c.best for c in d.cards), default=None),
                streak=streak(_days(d, tz), today).current,
                last_at=max((c.last_at for c in d.cards), default=None),
            )
        )
    return lines


_LABELS = {
    "answer": "best answer",
    "round": "best round average",
    "points": "most points in one answer",
    "streak": "longest streak (days)",
}


def new_bests(before: Digest, after: Digest, tz: tzinfo = UTC) -> list[str]:
    """The records beaten between two digests of one player, as sentences to announce.

    Take ``Store.digest(player)`` when a round starts and again when it ends. Compared: best
    answer, best round average, most points in one answer, longest streak, and the best score
    on each position and stance tried before. A first round beats nothing (nothing to beat).
    """
    if not before.answers:
        return []
    old = {b.kind: b.value for b in personal_bests(before, tz)}
    new = {b.kind: b.value for b in personal_bests(after, tz)}
    news = [
        f"New {label}: {new[kind]:g} (was {old[kind]:g})"
        for kind, label in _LABELS.items()
        if kind in old and kind in new and new[kind] > old[kind]
    ]
    earlier = {(c.pack_id, c.position_id, c.stance): c.best for c in before.cards}
    for c in after.cards:
        was = earlier.get((c.pack_id, c.position_id, c.stance))
        if was is not None and c.best > was:
            news.append(f"New best on {c.position_id} ({c.stance}): {c.best} (was {was})")
    return news
