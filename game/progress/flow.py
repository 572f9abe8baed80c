"""The flow sheet (which rubric points a player finds, drops or never raises) and drill choice.

Pure functions over a player's digest (or attempts in memory). Everything is keyed by pack id,
position id, stance and point id, never by row order, so an edited pack keeps its history: a
new point shows as never raised, a removed one simply stops being shown.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from game.packs.model import Pack
from game.progress.digest import Card as CardSummary
from game.progress.digest import History, as_digest

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


def _card_flow(card: Card, summary: CardSummary | None, points: Sequence[str]) -> list[FlowPoint]:
    if summary is None or not summary.recent:
        return [FlowPoint(*card, p, "unplayed", 0, 0, None) for p in points]
    latest = set(summary.recent[-1].matched_points)
    tallies = {t.point_id: t for t in summary.points}
    cells = []
    for point in points:
        tally = tallies.get(point)
        times = tally.times if tally else 0
        state: FlowState = "found" if point in latest else "dropped" if times else "never"
        last = tally.last_at if tally else None
        cells.append(FlowPoint(*card, point, state, times, summary.attempts, last))
    return cells


def _cards(history: History, player: str | None) -> dict[Card, CardSummary]:
    return {(c.pack_id, c.position_id, c.stance): c for c in as_digest(history, player).cards}


def flow_sheet(
    history: History, rubric: Rubric | None = None, player: str | None = None
) -> list[FlowPoint]:
    """The flow sheet of one player (``player`` picks them out when ``history`` is attempts).

    With a ``rubric``, every point of its positions is shown, in pack order, including points
    never raised and positions never tried ("unplayed"); history outside the rubric (removed
    positions or other packs) is left out. Without one, only points found at least once can be
    shown (sorted by id), so "never" cannot appear.
    """
    cards = _cards(history, player)
    if rubric is None:
        return [
            cell
            for key, summary in cards.items()
            for cell in _card_flow(key, summary, [t.point_id for t in summary.points])
        ]
    return [
        cell for key, points in rubric.items() for cell in _card_flow(key, cards.get(key), points)
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


def _recent(summary: CardSummary | None) -> float | None:
    tail = [r.score for r in summary.recent[-3:]] if summary else []
    return sum(tail) / len(tail) if tail else None


def drill_queue(
    history: History,
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
    cards = {k: c for k, c in _cards(history, player).items() if k[0] == pack_id}
    wanted: dict[Card, Sequence[str]] = (
        {c: p for c, p in rubric.items() if c[0] == pack_id}
        if rubric is not None
        else {k: [t.point_id for t in c.points] for k, c in cards.items()}
    )
    scored: list[tuple[float, float, DrillItem]] = []
    for card in sorted(wanted):
        summary = cards.get(card)
        cells = _card_flow(card, summary, wanted[card])
        dropped = tuple(c.point_id for c in cells if c.state == "dropped")
        never = tuple(c.point_id for c in cells if c.state == "never")
        recent = _recent(summary)
        if recent is not None and not dropped and not never and recent >= 70:
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
