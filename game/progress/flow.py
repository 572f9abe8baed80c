"""The flow sheet (which rubric points a player finds, drops or never raises) and drill choice.

Pure functions over attempts read back from the store. Everything is keyed by pack id,
position id, stance and point id, never by row order, so an edited pack keeps its history: a
new point shows as never raised, a removed one simply stops being shown.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from game.packs.model import Pack
from game.progress.models import AttemptRecord

FlowState = Literal["found", "dropped", "never", "unplayed"]
"""found: made in the latest attempt; dropped: made before but missed in the latest attempt;
never: attempted but never made; unplayed: that position and stance were never attempted."""

Card = tuple[str, str, str]
"""(pack id, position id, stance)."""
Rubric = Mapping[Card, Sequence[str]]
"""The point ids of each position and stance of the packs in play, in pack order."""


def rubric_of(pack: Pack) -> dict[Card, tuple[str, ...]]:
    """The point ids of every position and stance of ``pack``."""
    found: dict[Card, tuple[str, ...]] = {}
    for position in pack.positions:
        for stance in position.stances:
            rubric = position.stance(stance)
            if rubric is not None:
                found[(pack.id, position.id, stance)] = tuple(p.id for p in rubric.points)
    return found


@dataclass(frozen=True)
class FlowPoint:
    """One cell of the flow sheet: a rubric point and how the player has fared with it."""

    pack_id: str
    position_id: str
    stance: str
    point_id: str
    state: FlowState
    times_found: int
    """In how many attempts the point was made."""
    attempts: int
    """Attempts at this position and stance."""
    last_found: datetime | None


def _by_card(attempts: Iterable[AttemptRecord]) -> dict[Card, list[AttemptRecord]]:
    cards: dict[Card, list[AttemptRecord]] = {}
    for a in attempts:
        cards.setdefault((a.pack_id, a.position_id, a.stance), []).append(a)
    for rows in cards.values():
        rows.sort(key=lambda a: (a.at, a.id))
    return cards


def _card_flow(card: Card, rows: Sequence[AttemptRecord], points: Sequence[str]) -> list[FlowPoint]:
    if not rows:
        return [FlowPoint(*card, p, "unplayed", 0, 0, None) for p in points]
    latest = set(rows[-1].matched_points)
    count: dict[str, int] = {}
    last: dict[str, datetime] = {}
    for a in rows:  # in time order, so ``last`` ends with the latest time each was found
        for point in a.matched_points:
            count[point] = count.get(point, 0) + 1
            last[point] = a.at
    cells = []
    for point in points:
        times = count.get(point, 0)
        state: FlowState = "found" if point in latest else "dropped" if times else "never"
        cells.append(FlowPoint(*card, point, state, times, len(rows), last.get(point)))
    return cells


def _points_seen(rows: Sequence[AttemptRecord]) -> list[str]:
    seen: dict[str, None] = {}
    for a in rows:
        seen.update(dict.fromkeys(a.matched_points))
    return list(seen)


def flow_sheet(attempts: Iterable[AttemptRecord], rubric: Rubric | None = None) -> list[FlowPoint]:
    """The flow sheet of one player's attempts.

    With a ``rubric``, every point of its positions is shown, in pack order, including points
    never raised and positions never tried ("unplayed"); history outside the rubric (removed
    positions or other packs) is left out. Without one, only points found at least once can be
    shown, so "never" cannot appear.
    """
    cards = _by_card(attempts)
    if rubric is None:
        return [
            cell
            for card in sorted(cards)
            for cell in _card_flow(card, cards[card], _points_seen(cards[card]))
        ]
    return [
        cell
        for card, points in rubric.items()
        for cell in _card_flow(card, cards.get(card, []), points)
    ]


@dataclass(frozen=True)
class DrillItem:
    """A position and stance worth drilling, and why."""

    pack_id: str
    position_id: str
    stance: str
    priority: float
    reason: str
    dropped: tuple[str, ...]
    never: tuple[str, ...]
    recent: float | None
    """Mean of the last three scores; None when never tried."""


def _recent(rows: Sequence[AttemptRecord]) -> float | None:
    tail = [a.score for a in rows[-3:]]
    return sum(tail) / len(tail) if tail else None


def drill_queue(
    attempts: Iterable[AttemptRecord],
    player: str,
    pack_id: str,
    n: int,
    rng: random.Random,
    rubric: Rubric | None = None,
) -> list[DrillItem]:
    """Up to ``n`` positions and stances of ``pack_id`` for ``player`` to drill, most needed first.

    Need grows with points dropped (found before, missed last time: weight 3 each), points never
    raised (1 each) and a low recent score; a position never tried counts as half-needed. Cards
    with nothing to work on (no dropped or unraised point, recent score 70 or more) are left out.
    Ties are broken with ``rng``, so the same generator state gives the same queue, and the two
    stances of one position are kept apart when another card can go between them.
    """
    key = player.casefold()
    mine = [a for a in attempts if a.pack_id == pack_id and a.player.casefold() == key]
    cards = _by_card(mine)
    wanted: dict[Card, Sequence[str]] = (
        {c: p for c, p in rubric.items() if c[0] == pack_id}
        if rubric is not None
        else {c: _points_seen(rows) for c, rows in cards.items()}
    )
    scored: list[tuple[float, float, DrillItem]] = []
    for card in sorted(wanted):
        rows = cards.get(card, [])
        cells = _card_flow(card, rows, wanted[card])
        dropped = tuple(c.point_id for c in cells if c.state == "dropped")
        never = tuple(c.point_id for c in cells if c.state == "never")
        recent = _recent(rows)
        if rows and not dropped and not never and recent is not None and recent >= 70:
            continue
        need = 0.5 if recent is None else (100 - recent) / 100
        priority = round(3 * len(dropped) + len(never) + 4 * need, 3)
        item = DrillItem(*card, priority, _reason(dropped, never, recent), dropped, never, recent)
        scored.append((-priority, rng.random(), item))
    scored.sort(key=lambda t: (t[0], t[1]))
    return _spread([item for _, _, item in scored])[: max(0, n)]


def _reason(dropped: Sequence[str], never: Sequence[str], recent: float | None) -> str:
    if recent is None:
        return "not tried yet"
    parts = []
    if dropped:
        parts.append(f"dropped {len(dropped)} point{'s' * (len(dropped) != 1)} found before")
    if never:
        parts.append(f"{len(never)} point{'s' * (len(never) != 1)} never raised")
    parts.append(f"recent score {recent:.0f}")
    return "; ".join(parts)


def _spread(items: list[DrillItem]) -> list[DrillItem]:
    """Reorder so one position's two stances are not back to back, keeping priority order.

    At each step the most needed item that is not the same position as the one before is taken,
    unless taking it would leave the rest impossible to keep apart.
    """

    def can_finish(counts: dict[str, int], last: str) -> bool:
        left = sum(counts.values())
        return all(n <= (left // 2 if p == last else (left + 1) // 2) for p, n in counts.items())

    counts: dict[str, int] = {}
    for item in items:
        counts[item.position_id] = counts.get(item.position_id, 0) + 1
    result: list[DrillItem] = []
    waiting = list(items)
    while waiting:
        last = result[-1].position_id if result else None
        options = [i for i, item in enumerate(waiting) if item.position_id != last] or [0]
        pick = options[0]
        for i in options:
            position = waiting[i].position_id
            after = dict(counts, **{position: counts[position] - 1})
            if can_finish(after, position):
                pick = i
                break
        chosen = waiting.pop(pick)
        counts[chosen.position_id] -= 1
        result.append(chosen)
    return result
