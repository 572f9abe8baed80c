"""The club leaderboard: players ranked by the quality of their arguments, never by speed.

Rules, in the order they apply (each pack has its own board, since scores on different packs
do not compare):

1. Only answers in the period count (today, this week from Monday, all time, or from a date).
2. A player needs ``min_answers`` answers to be ranked; the others are listed apart, so one
   lucky answer cannot top the board.
3. Higher average score (to one decimal, as shown) ranks higher.
4. Same average: more answers first (the average rests on more evidence), then the higher
   best score. Each such decision is explained in a note.
5. Still the same: the players share the rank (1, 2, 2, 4), with a note saying so.

Time taken never counts. ``rank`` is pure; ``build`` reads the totals from the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Literal

from game.progress.models import AttemptRecord, iso
from game.progress.store import Store

Period = Literal["today", "week", "all"]
PERIODS: tuple[Period, ...] = ("today", "week", "all")
DEFAULT_MIN_ANSWERS = 3


@dataclass(frozen=True)
class Tally:
    """One player's answers on one pack within the period."""

    player: str
    pack_id: str
    answers: int
    total: int
    """Sum of the scores."""
    best: int
    last_at: datetime
    """The latest answer (the live board follows the pack answered last)."""

    @property
    def tenths(self) -> int:
        """The average in tenths of a point, rounded half up (725 means 72.5)."""
        return (20 * self.total + self.answers) // (2 * self.answers)

    @property
    def average(self) -> float:
        """The average score to one decimal, exactly as shown and compared."""
        return self.tenths / 10


@dataclass(frozen=True)
class Standing:
    """A line of a board."""

    tally: Tally
    rank: int | None
    """1-based; equal for players tied on everything; None below the minimum answers."""
    shared: bool
    """The rank is shared with another player."""

    @property
    def player(self) -> str:
        return self.tally.player


@dataclass(frozen=True)
class Board:
    """The leaderboard of one pack."""

    pack_id: str
    ranked: tuple[Standing, ...]
    unranked: tuple[Standing, ...]
    """Players with fewer answers than the minimum, in name order."""
    notes: tuple[str, ...]
    """How each tie on the average was decided (or left shared)."""
    last_at: datetime


@dataclass(frozen=True)
class Leaderboard:
    """Every pack's board for one period."""

    period: Period
    since: datetime | None
    """Start of the period (None: all time)."""
    min_answers: int
    boards: tuple[Board, ...]
    """In pack id order."""

    def board(self, pack_id: str) -> Board | None:
        """The board of ``pack_id``, if anyone answered it in the period."""
        return next((b for b in self.boards if b.pack_id == pack_id), None)

    def latest(self) -> Board | None:
        """The board of the pack answered most recently."""
        return max(self.boards, key=lambda b: (b.last_at, b.pack_id), default=None)


def period_start(period: Period, now: datetime, tz: tzinfo) -> datetime | None:
    """Local midnight today, local midnight last Monday, or None for all time."""
    if period == "all":
        return None
    today = now.astimezone(tz).date()
    if period == "week":
        today -= timedelta(days=today.weekday())
    return datetime.combine(today, time(), tzinfo=tz).astimezone(UTC)


def _order(t: Tally) -> tuple[int, int, int]:
    return (-t.tenths, -t.answers, -t.best)


def _avg(t: Tally) -> str:
    return f"{t.average:.1f}"


def _names(tallies: Sequence[Tally]) -> str:
    names = [t.player for t in tallies]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _why(upper: Tally, lower: Tally) -> str:
    """The note for two neighbours with the same average but a decided order."""
    if upper.answers != lower.answers:
        return (
            f"{upper.player} ranks above {lower.player}: both average {_avg(upper)};"
            f" {upper.player} gave more answers ({upper.answers} to {lower.answers})."
        )
    return (
        f"{upper.player} ranks above {lower.player}: both average {_avg(upper)} over"
        f" {upper.answers} answers; {upper.player}'s best answer scored higher"
        f" ({upper.best} to {lower.best})."
    )


def rank_pack(tallies: Iterable[Tally], min_answers: int) -> Board:
    """Rank one pack's tallies (see the module docstring for the rules)."""
    items = list(tallies)
    if not items:
        raise ValueError("a board needs at least one player")
    pack_id = items[0].pack_id
    eligible = sorted(
        (t for t in items if t.answers >= min_answers),
        key=lambda t: (*_order(t), t.player.casefold(), t.player),
    )
    below = sorted(
        (t for t in items if t.answers < min_answers), key=lambda t: (t.player.casefold(), t.player)
    )
    ranked: list[Standing] = []
    notes: list[str] = []
    groups: list[list[Tally]] = []
    for t in eligible:
        if groups and _order(groups[-1][0]) == _order(t):
            groups[-1].append(t)
        else:
            groups.append([t])
    position = 1
    for n, group in enumerate(groups):
        if n and groups[n - 1][0].tenths == group[0].tenths:
            notes.append(_why(groups[n - 1][-1], group[0]))
        if len(group) > 1:
            first = group[0]
            notes.append(
                f"{_names(group)} share rank {position}: same average ({_avg(first)}),"
                f" same number of answers ({first.answers}) and same best score ({first.best})."
            )
        ranked += [Standing(t, position, len(group) > 1) for t in group]
        position += len(group)
    return Board(
        pack_id=pack_id,
        ranked=tuple(ranked),
        unranked=tuple(Standing(t, None, False) for t in below),
        notes=tuple(notes),
        last_at=max(t.last_at for t in items),
    )


def rank(tallies: Iterable[Tally], min_answers: int = DEFAULT_MIN_ANSWERS) -> list[Board]:
    """One board per pack, in pack id order."""
    by_pack: dict[str, list[Tally]] = {}
    for t in tallies:
        by_pack.setdefault(t.pack_id, []).append(t)
    return [rank_pack(by_pack[p], min_answers) for p in sorted(by_pack)]


def tallies_of(attempts: Iterable[AttemptRecord]) -> list[Tally]:
    """Tallies from attempts in memory (for example the answers of one hot-seat round)."""
    found: dict[tuple[str, str], list[AttemptRecord]] = {}
    for a in attempts:
        found.setdefault((a.player.casefold(), a.pack_id), []).append(a)
    return [
        Tally(
            rows[0].player,
            rows[0].pack_id,
            len(rows),
            sum(a.score for a in rows),
            max(a.score for a in rows),
            max(a.at for a in rows),
        )
        for rows in found.values()
    ]


def read_tallies(
    store: Store, *, pack_id: str | None = None, since: datetime | None = None
) -> list[Tally]:
    """Per player and pack: answers, total, best and last time, summed by SQLite."""
    clauses, params = [], []
    if pack_id is not None:
        clauses.append("a.pack_id = ?")
        params.append(pack_id)
    if since is not None:
        clauses.append("a.at >= ?")
        params.append(iso(since))
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    sql = (
        "SELECT p.name, a.pack_id, count(*), sum(a.score), max(a.score), max(a.at)"
        f" FROM attempts a JOIN players p ON p.id = a.player_id{where}"
        " GROUP BY a.player_id, a.pack_id"
    )
    with store.reading("reading the leaderboard") as conn:
        rows = conn.execute(sql, params).fetchall()
    return [Tally(n, p, c, t, b, datetime.fromisoformat(at)) for n, p, c, t, b, at in rows]


def build(
    store: Store,
    *,
    pack_id: str | None = None,
    period: Period = "all",
    since: datetime | None = None,
    min_answers: int = DEFAULT_MIN_ANSWERS,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Leaderboard:
    """The leaderboard from the saves.

    Args:
        pack_id: one pack only (default: every pack answered in the period).
        period: today or this week in ``tz`` (local time by default), or all time.
        since: an explicit start; with a period as well, the later of the two counts.
        min_answers: answers needed to be ranked (at least 1).
        now: the current time (tests pass a fixed one).
    """
    if min_answers < 1:
        raise ValueError("min_answers must be at least 1")
    moment = now if now is not None else datetime.now(UTC)
    zone = tz if tz is not None else moment.astimezone().tzinfo or UTC
    starts = [s for s in (period_start(period, moment, zone), since) if s is not None]
    start = max(starts) if starts else None
    tallies = read_tallies(store, pack_id=pack_id, since=start)
    return Leaderboard(period, start, min_answers, tuple(rank(tallies, min_answers)))
