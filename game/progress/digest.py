"""A player's history boiled down to what statistics need, whatever its length.

The store keeps these figures up to date as each attempt is recorded (``summaries.py``), so the
statistics screen reads a few hundred rows instead of every attempt. ``digest_of`` computes the
same digest from attempts in memory; the tests check that both ways agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from game.progress.models import AttemptRecord

RECENT = 10
"""Attempts kept per position and stance for trends, recent form and the flow sheet."""
SLOT_MINUTES = 15
"""Activity is kept in 15-minute slots: every time zone's offset is a multiple of 15 minutes,
so each slot falls on one local day wherever the player is."""


def slot_of(when: datetime) -> datetime:
    """The start of the 15-minute UTC slot ``when`` falls in."""
    utc = when.astimezone(UTC)
    return utc.replace(minute=utc.minute - utc.minute % SLOT_MINUTES, second=0, microsecond=0)


class Recent(NamedTuple):
    """One of the last attempts at a position and stance."""

    score: int
    matched_points: tuple[str, ...]
    at: datetime


class PointTally(NamedTuple):
    """How often a rubric point was made, and when last."""

    point_id: str
    times: int
    last_at: datetime


class Card(NamedTuple):
    """Everything kept about one position in one stance."""

    pack_id: str
    position_id: str
    stance: str
    attempts: int
    total: int
    """Sum of the scores (average = total / attempts)."""
    best: int
    best_at: datetime
    """When the best score was first reached."""
    most_points: int
    most_points_at: datetime
    first_at: datetime
    last_at: datetime
    recent: tuple[Recent, ...]
    """The last attempts (up to ``RECENT``), oldest first."""
    points: tuple[PointTally, ...]
    """Every point ever made here, sorted by id."""


class Session(NamedTuple):
    """A round, or a 15-minute slot of answers given outside any round."""

    round_id: int | None
    start: datetime
    """The round's first answer, or the slot's start."""
    answers: int
    total: int


@dataclass(frozen=True)
class Digest:
    """One player's history, boiled down."""

    player: str
    cards: tuple[Card, ...]
    """Sorted by pack, position and stance."""
    sessions: tuple[Session, ...]
    """In time order (ties: rounds by id, then slots)."""
    slots: tuple[datetime, ...]
    """Every 15-minute slot with an answer, in time order (for days practised)."""

    @property
    def answers(self) -> int:
        """Attempts recorded."""
        return sum(c.attempts for c in self.cards)


def session_order(s: Session) -> tuple[datetime, int, int]:
    """Sort key of sessions, shared by both ways of building a digest."""
    return (s.start, 0 if s.round_id is not None else 1, s.round_id or 0)


def digest_of(attempts: Iterable[AttemptRecord], player: str | None = None) -> Digest:
    """The digest of ``player``'s attempts (matched ignoring case) among ``attempts``.

    With no ``player``, all of ``attempts`` are taken as one player's.
    """
    key = None if player is None else player.casefold()
    mine = sorted(
        (a for a in attempts if key is None or a.player.casefold() == key),
        key=lambda a: (a.at, a.id),
    )
    by_card: dict[tuple[str, str, str], list[AttemptRecord]] = {}
    rounds: dict[int, list[AttemptRecord]] = {}
    loose: dict[datetime, list[AttemptRecord]] = {}
    for a in mine:
        by_card.setdefault((a.pack_id, a.position_id, a.stance), []).append(a)
        if a.round_id is not None:
            rounds.setdefault(a.round_id, []).append(a)
        else:
            loose.setdefault(slot_of(a.at), []).append(a)
    cards = []
    for card_key in sorted(by_card):
        rows = by_card[card_key]
        best = max(a.score for a in rows)
        most = max(len(set(a.matched_points)) for a in rows)
        tallies: dict[str, list[datetime]] = {}
        for a in rows:
            for point in dict.fromkeys(a.matched_points):
                tallies.setdefault(point, []).append(a.at)
        cards.append(
            Card(
                *card_key,
                attempts=len(rows),
                total=sum(a.score for a in rows),
                best=best,
                best_at=min(a.at for a in rows if a.score == best),
                most_points=most,
                most_points_at=min(a.at for a in rows if len(set(a.matched_points)) == most),
                first_at=rows[0].at,
                last_at=rows[-1].at,
                recent=tuple(Recent(a.score, a.matched_points, a.at) for a in rows[-RECENT:]),
                points=tuple(PointTally(p, len(t), max(t)) for p, t in sorted(tallies.items())),
            )
        )
    sessions = [
        Session(rid, rows[0].at, len(rows), sum(a.score for a in rows))
        for rid, rows in rounds.items()
    ] + [Session(None, s, len(rows), sum(a.score for a in rows)) for s, rows in loose.items()]
    return Digest(
        player=mine[0].player if mine else player or "",
        cards=tuple(cards),
        sessions=tuple(sorted(sessions, key=session_order)),
        slots=tuple(sorted({slot_of(a.at) for a in mine})),
    )


History = Digest | Iterable[AttemptRecord]
"""What statistics accept: a digest from the store, or attempts in memory."""


def as_digest(history: History, player: str | None = None) -> Digest:
    """``history`` as a digest of ``player`` (a digest is taken as it is; see ``digest_of``)."""
    return history if isinstance(history, Digest) else digest_of(history, player)
