"""The coach's report: how each student did, and which points the club keeps missing.

Pure functions over attempts; the rubric (point ids and their argument text per position and
stance) is handed in by the caller, which finds the packs. Without a pack's rubric, a
position's missed points can only be the ones somebody made at least once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from game.progress import stats
from game.progress.digest import digest_of
from game.progress.models import AttemptRecord
from game.progress.store import Store

MISSED_SHOWN = 3
Card = tuple[str, str, str]
"""Pack id, position id, stance."""
RubricText = Mapping[Card, Sequence[tuple[str, str]]]
"""Per card, its points in pack order as (point id, argument text)."""


@dataclass(frozen=True)
class StudentLine:
    """One student over the report's answers."""

    player: str
    rounds: int
    answers: int
    average: float
    best: int
    trend: tuple[float, ...]
    """Average of each session (round, or day of answers outside rounds), oldest first."""

    @property
    def change(self) -> float | None:
        """Last session's average minus the first's (None with a single session)."""
        return round(self.trend[-1] - self.trend[0], 1) if len(self.trend) > 1 else None


@dataclass(frozen=True)
class MissedPoint:
    """A rubric point and how often the answers at its position left it out."""

    point_id: str
    argument: str | None
    """The point's argument from the pack (None when the pack was not found)."""
    missed: int
    of: int


@dataclass(frozen=True)
class PositionLine:
    """One position and stance over the report's answers."""

    pack_id: str
    position_id: str
    stance: str
    answers: int
    players: int
    average: float
    missed: tuple[MissedPoint, ...]
    """The points most often missed (at most three, most missed first; never-missed left out)."""
    rubric_known: bool
    """False when the pack was not found: only points somebody made are counted."""


@dataclass(frozen=True)
class Report:
    """Everything in the coach's report."""

    since: datetime | None
    pack_id: str | None
    made_at: datetime
    students: tuple[StudentLine, ...]
    """In name order."""
    positions: tuple[PositionLine, ...]
    """Lowest average first: the positions most worth discussing come first."""


def _student(rows: list[AttemptRecord], tz: tzinfo) -> StudentLine:
    digest = digest_of(rows)
    sessions = stats.sessions(digest, tz)
    total = sum(a.score for a in rows)
    return StudentLine(
        player=rows[0].player,
        rounds=len({a.round_id for a in rows if a.round_id is not None}),
        answers=len(rows),
        average=round(total / len(rows), 1),
        best=max(a.score for a in rows),
        trend=tuple(round(s.total / s.answers, 1) for s in sessions),
    )


def _missed(
    rows: list[AttemptRecord], points: Sequence[tuple[str, str]] | None
) -> list[MissedPoint]:
    made: dict[str, int] = {}
    for a in rows:
        for point in set(a.matched_points):
            made[point] = made.get(point, 0) + 1
    if points is None:
        candidates: list[tuple[str, str | None]] = [(p, None) for p in sorted(made)]
    else:
        candidates = list(points)
    found = [
        MissedPoint(point_id, argument, len(rows) - made.get(point_id, 0), len(rows))
        for point_id, argument in candidates
    ]
    ranked = sorted((m for m in found if m.missed), key=lambda m: -m.missed)  # stable: pack order
    return ranked[:MISSED_SHOWN]


def _position(card: Card, rows: list[AttemptRecord], rubric: RubricText) -> PositionLine:
    points = rubric.get(card)
    return PositionLine(
        *card,
        answers=len(rows),
        players=len({a.player.casefold() for a in rows}),
        average=round(sum(a.score for a in rows) / len(rows), 1),
        missed=tuple(_missed(rows, points)),
        rubric_known=points is not None,
    )


def build_report(
    attempts: Iterable[AttemptRecord],
    rubric: RubricText,
    *,
    since: datetime | None = None,
    pack_id: str | None = None,
    made_at: datetime | None = None,
    tz: tzinfo = UTC,
) -> Report:
    """The report over ``attempts`` (already filtered by the caller's period and pack)."""
    by_player: dict[str, list[AttemptRecord]] = {}
    by_card: dict[Card, list[AttemptRecord]] = {}
    for a in attempts:
        by_player.setdefault(a.player.casefold(), []).append(a)
        by_card.setdefault((a.pack_id, a.position_id, a.stance), []).append(a)
    students = [_student(by_player[k], tz) for k in sorted(by_player)]
    positions = sorted(
        (_position(card, rows, rubric) for card, rows in by_card.items()),
        key=lambda p: (p.average, p.pack_id, p.position_id, p.stance),
    )
    return Report(
        since=since,
        pack_id=pack_id,
        made_at=made_at or datetime.now(UTC),
        students=tuple(students),
        positions=tuple(positions),
    )


def report(
    store: Store,
    rubric: RubricText,
    *,
    since: datetime | None = None,
    pack_id: str | None = None,
    tz: tzinfo = UTC,
    now: datetime | None = None,
) -> Report:
    """The report from the saves: every answer from ``since`` on, of one pack or all."""
    attempts = store.history(pack_id=pack_id, since=since)
    return build_report(attempts, rubric, since=since, pack_id=pack_id, made_at=now, tz=tz)
