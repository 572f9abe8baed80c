"""Drill scheduling: spaced repetition over (pack, position, stance) cards with FSRS.

Every recorded attempt is a review of its card (``Store.record_attempt`` does it in the same
transaction), so answers from practice rounds, drill rounds and the grade command all count.
Cards are keyed by player, pack id, position id and stance, never by row order.

The rating comes from the score:

    score < 40   Again  (a fail: the card comes back the next day)
    40 .. 59     Hard   (a weak pass)
    60 .. 84     Good   (a clear pass)
    85 .. 100    Easy

The scheduler is FSRS with its default weights and 90 % desired retention, without learning
steps (an argued answer is not a flash card to repeat ten minutes later: every interval is a
whole number of days, at least one) and without fuzz (the same history always gives the same
due dates). All times are UTC.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from game.progress.flow import Rubric, drill_queue
from game.progress.models import clean_player_name, iso, to_utc

if TYPE_CHECKING:
    from game.progress.store import Store

DRILL_MODE = "drill"
"""The ``mode`` to pass to ``Store.start_round`` for a drill round (the daily cap counts them)."""
AGAIN_BELOW = 40
HARD_BELOW = 60
GOOD_BELOW = 85
DAILY_CAP = 20

_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)

TABLES = (
    """CREATE TABLE drill_cards (
        player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL, position_id TEXT NOT NULL, stance TEXT NOT NULL,
        state INTEGER NOT NULL, step INTEGER,
        stability REAL NOT NULL, difficulty REAL NOT NULL,
        due TEXT NOT NULL, last_review TEXT NOT NULL,
        reviews INTEGER NOT NULL, lapses INTEGER NOT NULL,
        PRIMARY KEY (player_id, pack_id, position_id, stance)
    ) WITHOUT ROWID""",
    "CREATE INDEX drill_cards_by_due ON drill_cards(player_id, pack_id, due)",
)
"""Schema version 4: the FSRS state of every card a player has answered."""


def rating_for(score: int) -> Rating:
    """The FSRS rating of an answer with this score (thresholds in the module docstring)."""
    if score < AGAIN_BELOW:
        return Rating.Again
    if score < HARD_BELOW:
        return Rating.Hard
    if score < GOOD_BELOW:
        return Rating.Good
    return Rating.Easy


@dataclass(frozen=True)
class CardState:
    """Where one card stands after its latest review."""

    position_id: str
    stance: str
    state: int
    """fsrs.State: 1 learning, 2 review, 3 relearning."""
    step: int | None
    stability: float
    """Days until recall is expected to drop to 90 %."""
    difficulty: float
    """1 (easy) .. 10 (hard)."""
    due: datetime
    last_review: datetime
    reviews: int
    lapses: int
    """Reviews rated Again."""


def schedule(
    card: CardState | None, position_id: str, stance: str, score: int, at: datetime
) -> CardState:
    """The card after one more answer scoring ``score`` at ``at`` (pure).

    An answer dated before the card's last review (recorded late, e.g. graded homework) is
    counted as given at the last review, so time never runs backwards for the scheduler.
    """
    when = to_utc(at)
    if card is None:
        before = FsrsCard(card_id=0, due=when)  # a card id avoids fsrs's 1 ms sleep
        reviews = lapses = 0
    else:
        when = max(when, card.last_review)
        before = FsrsCard(
            card_id=0,
            state=State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )
        reviews, lapses = card.reviews, card.lapses
    rating = rating_for(score)
    after, _ = _SCHEDULER.review_card(before, rating, when)
    assert after.stability is not None and after.difficulty is not None
    return CardState(
        position_id,
        stance,
        int(after.state),
        after.step,
        float(after.stability),
        float(after.difficulty),
        after.due,
        when,
        reviews + 1,
        lapses + (rating == Rating.Again),
    )


# ------------------------------------------------------------------------ in the store
_FIELDS = (
    "position_id", "stance", "state", "step", "stability", "difficulty", "due", "last_review",
    "reviews", "lapses",
)  # fmt: skip
_COLUMNS = ", ".join(_FIELDS)


def _row_to_card(row: Any) -> CardState:
    parse = datetime.fromisoformat
    return CardState(
        row[0], row[1], row[2], row[3], row[4], row[5], parse(row[6]), parse(row[7]), row[8], row[9]
    )


def review_in(
    conn: sqlite3.Connection,
    player_id: int,
    card: tuple[str, str, str],
    score: int,
    at: datetime,
) -> CardState:
    """Review ``card`` (pack, position, stance) inside the caller's write transaction."""
    pack_id, position_id, stance = card
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM drill_cards"
        " WHERE player_id = ? AND pack_id = ? AND position_id = ? AND stance = ?",
        (player_id, pack_id, position_id, stance),
    ).fetchone()
    new = schedule(None if row is None else _row_to_card(row), position_id, stance, score, at)
    _write(conn, player_id, pack_id, new)
    return new


def _write(conn: sqlite3.Connection, player_id: int, pack_id: str, c: CardState) -> None:
    conn.execute(
        f"INSERT OR REPLACE INTO drill_cards(player_id, pack_id, {_COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (player_id, pack_id, c.position_id, c.stance, c.state, c.step, c.stability,
         c.difficulty, iso(c.due), iso(c.last_review), c.reviews, c.lapses),
    )  # fmt: skip


def rebuild(conn: sqlite3.Connection) -> int:
    """Replay every attempt, in time order, into fresh cards (inside the caller's transaction)."""
    conn.execute("DELETE FROM drill_cards")
    cards: dict[tuple[int, str, str, str], CardState] = {}
    rows = conn.execute(
        "SELECT player_id, pack_id, position_id, stance, score, at FROM attempts ORDER BY at, id"
    ).fetchall()
    for player_id, pack_id, position_id, stance, score, at in rows:
        key = (player_id, pack_id, position_id, stance)
        when = datetime.fromisoformat(at)
        cards[key] = schedule(cards.get(key), position_id, stance, score, when)
    for (player_id, pack_id, _, _), card in cards.items():
        _write(conn, player_id, pack_id, card)
    return len(rows)


def read_cards(conn: sqlite3.Connection, player: str, pack_id: str) -> list[CardState]:
    """Every card ``player`` has answered in ``pack_id``, soonest due first."""
    rows = conn.execute(
        f"SELECT {', '.join('d.' + f for f in _FIELDS)}"
        " FROM drill_cards d JOIN players p ON p.id = d.player_id"
        " WHERE p.name_key = ? AND d.pack_id = ? ORDER BY d.due, d.position_id, d.stance",
        (clean_player_name(player).casefold(), pack_id),
    ).fetchall()
    return [_row_to_card(r) for r in rows]


def drills_since(conn: sqlite3.Connection, player: str, pack_id: str, since: datetime) -> int:
    """Answers ``player`` gave in drill rounds of ``pack_id`` from ``since`` on."""
    row = conn.execute(
        "SELECT count(*) FROM attempts a JOIN players p ON p.id = a.player_id"
        " JOIN rounds r ON r.id = a.round_id"
        " WHERE p.name_key = ? AND a.pack_id = ? AND r.mode = ? AND a.at >= ?",
        (clean_player_name(player).casefold(), pack_id, DRILL_MODE, iso(since)),
    ).fetchone()
    return int(row[0])


# ------------------------------------------------------------------------ planning
Item = tuple[str, str]
"""(position id, stance)."""


class DrillPlan(list[Item]):
    """The (position id, stance) pairs of a drill round, in order, with what the UI can say.

    It is a plain list of pairs; when it is empty, ``reason`` says why.
    """

    def __init__(
        self,
        items: Iterable[Item] = (),
        *,
        reason: str = "",
        due: int = 0,
        next_due: datetime | None = None,
    ) -> None:
        super().__init__(items)
        self.reason = reason
        """One sentence for the player: why the plan is empty, or what it holds."""
        self.due = due
        """Cards due now (before the cap)."""
        self.next_due = next_due
        """When the next card falls due, if none is due now."""


def start_of_day(now: datetime, tz: tzinfo) -> datetime:
    """Midnight of ``now``'s day in ``tz``, in UTC."""
    local = to_utc(now).astimezone(tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def allowed_items(rubric: Rubric | None, pack_id: str) -> set[Item] | None:
    """The (position, stance) pairs of ``pack_id`` in ``rubric``; None (anything) without one."""
    if rubric is None:
        return None
    return {(position, stance) for pack, position, stance in rubric if pack == pack_id}


def due_cards(
    cards: Iterable[CardState], now: datetime, rng: random.Random, allowed: set[Item] | None = None
) -> list[CardState]:
    """The cards due at ``now``, most overdue first (ties in ``rng`` order).

    With ``allowed`` (see ``allowed_items``), cards of positions no longer in the pack are
    left out.
    """
    now = to_utc(now)
    found = [c for c in cards if c.due <= now and _ok(allowed, c)]
    found.sort(key=lambda c: (c.due, c.position_id, c.stance))
    keyed = [(c.due, rng.random(), c) for c in found]
    return [c for _, _, c in sorted(keyed, key=lambda t: (t[0], t[1]))]


def _ok(allowed: set[Item] | None, card: CardState) -> bool:
    return allowed is None or (card.position_id, card.stance) in allowed


def arrange(items: Sequence[Item]) -> list[Item]:
    """Order ``items`` so that one position's two stances are never back to back.

    Keeps the given order as far as it can: each step takes the first item that is not the
    previous one's position, unless that would leave the rest impossible to keep apart. An
    item that cannot be placed without breaking the rule is left out (it stays for next time).
    """
    waiting = list(dict.fromkeys(items))
    result: list[Item] = []
    while waiting:
        last = result[-1][0] if result else None
        options = [i for i, item in enumerate(waiting) if item[0] != last]
        if not options:
            break
        pick = next((i for i in options if _can_finish(waiting, i)), options[0])
        result.append(waiting.pop(pick))
    return result


def _can_finish(waiting: Sequence[Item], pick: int) -> bool:
    """Whether the items left after taking ``waiting[pick]`` can all still be kept apart."""
    taken = waiting[pick][0]
    counts: dict[str, int] = {}
    for i, (position, _) in enumerate(waiting):
        if i != pick:
            counts[position] = counts.get(position, 0) + 1
    left = sum(counts.values())
    return all(n <= ((left + 1) // 2 if p != taken else left // 2) for p, n in counts.items())


def plan(
    cards: Sequence[CardState],
    weakest: Sequence[Item],
    now: datetime,
    rng: random.Random,
    room: int,
    practice_anyway: bool,
    allowed: set[Item] | None = None,
) -> DrillPlan:
    """The drill round (pure): due cards first, then ``weakest``, ``room`` at most."""
    due = due_cards(cards, now, rng, allowed)
    if not due and not practice_anyway:
        upcoming = [c for c in cards if _ok(allowed, c)]
        soonest = min((c.due for c in upcoming), default=None)
        when = f"; the next is due {soonest:%Y-%m-%d %H:%M} UTC" if soonest else ""
        return DrillPlan(reason=f"Nothing is due for drilling{when}.", next_due=soonest)
    picked: list[Item] = [(c.position_id, c.stance) for c in due[:room]]
    extra = [w for w in weakest if w not in picked and (allowed is None or w in allowed)]
    picked += extra[: max(0, room - len(picked))]
    items = arrange(picked)
    taken_due = sum(1 for c in due if (c.position_id, c.stance) in items)
    if not items:
        return DrillPlan(reason="There is nothing to drill in this pack yet.", due=len(due))
    others = len(items) - taken_due
    parts = [f"{taken_due} due"] if taken_due else []
    if others:
        parts.append(f"{others} of your weakest")
    return DrillPlan(items, reason=f"Drilling {' and '.join(parts)}.", due=len(due))


class Drills:
    """Drill scheduling on an open store, for the game's start screen and drill rounds.

    Reviews need no call here: ``Store.record_attempt`` reviews the attempt's card. Errors
    are the store's (``StoreError``); a game that cannot read them can still offer practice.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def cards(self, player: str, pack_id: str) -> list[CardState]:
        """Every card ``player`` has answered in ``pack_id``, soonest due first."""
        with self.store.reading("reading the drill cards") as conn:
            return read_cards(conn, player, pack_id)

    def due_count(
        self, player: str, pack_id: str, now: datetime, *, rubric: Rubric | None = None
    ) -> int:
        """How many of ``player``'s cards in ``pack_id`` are due at ``now``."""
        now, allowed = to_utc(now), allowed_items(rubric, pack_id)
        return sum(1 for c in self.cards(player, pack_id) if c.due <= now and _ok(allowed, c))

    def plan_drill(
        self,
        player: str,
        pack_id: str,
        now: datetime,
        rng: random.Random,
        daily_cap: int = DAILY_CAP,
        practice_anyway: bool = False,
        *,
        rubric: Rubric | None = None,
        tz: tzinfo = UTC,
    ) -> DrillPlan:
        """The (position id, stance) pairs of a drill round for ``player`` in ``pack_id``.

        Due cards come first, most overdue first, then the weakest by statistics (dropped
        points, points never raised, low recent scores; see ``flow.drill_queue``) until the
        round holds ``daily_cap`` cards less the drill answers already given today (the day
        in ``tz``; drill answers are those of rounds started with ``mode=DRILL_MODE``). One
        position's two stances are never back to back. When nothing is due, or the day's cap
        is used up, the plan is empty and its ``reason`` says so, unless ``practice_anyway``
        (then the weakest fill a round of up to ``daily_cap``). A ``rubric`` (``rubric_of(pack)``)
        leaves out positions no longer in the pack and lets untried ones fill the round.
        Ties are broken with ``rng``: the same generator state gives the same plan.
        """
        now = to_utc(now)
        with self.store.reading("planning a drill") as conn:
            cards = read_cards(conn, player, pack_id)
            done = drills_since(conn, player, pack_id, start_of_day(now, tz))
        room = daily_cap - done
        if room <= 0:
            if not practice_anyway:
                return DrillPlan(
                    reason=f"You have done {done} drills today, the daily cap; come back"
                    " tomorrow, or practise anyway.",
                    due=self.due_count(player, pack_id, now, rubric=rubric),
                )
            room = daily_cap
        queue = drill_queue(self.store.digest(player), player, pack_id, room * 2, rng, rubric)
        weakest = [(q.position_id, q.stance) for q in queue]
        allowed = allowed_items(rubric, pack_id)
        return plan(cards, weakest, now, rng, room, practice_anyway, allowed)
