"""Drill rounds: which turns they play. Playing them is a ``PracticeRound`` like any other.

Two ways in: the scheduler's plan (``Drills.plan_drill``: due cards first, then the weakest,
within a daily cap) and "drill my dropped points" from the statistics screen (the positions
and stances where a point found before was missed last time). Either way the two stances of
one position are never back to back.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from game.progress.drills import DAILY_CAP, arrange
from game.progress.flow import Rubric, drill_queue
from game.rounds.plan import Turn

if TYPE_CHECKING:
    from game.packs.model import Pack, Stance
    from game.progress.digest import History


def turns_of(items: Iterable[tuple[str, str]], pack: Pack) -> list[Turn]:
    """The (position id, stance) pairs of a plan as turns, leaving out any the pack lacks.

    A plan made from the saves can name a position an instructor has since removed from the
    pack; that card is skipped rather than failing the whole round.
    """
    playable = {(p.id, s) for p in pack.positions for s in p.stances}
    return [Turn(p, cast("Stance", s)) for p, s in items if (p, s) in playable]


def dropped_turns(
    history: History,
    player: str,
    pack_id: str,
    rng: random.Random,
    rubric: Rubric | None = None,
    cap: int = DAILY_CAP,
) -> list[Turn]:
    """The turns of a "drill my dropped points" round: up to ``cap``, most needed first.

    Args:
        history: The player's digest (``Store.digest``) or attempts.
        player: Whose points.
        pack_id: The pack to drill.
        rng: Breaks ties between equally needed cards (the same state gives the same round).
        rubric: ``rubric_of(pack)``: leaves out positions no longer in the pack.
        cap: The most turns the round holds.

    Returns:
        Every position and stance with a dropped point (found before, missed in the latest
        attempt), ordered by need with one position's stances kept apart; empty when the
        player has dropped nothing.
    """
    size = len(rubric) if rubric is not None else 10_000
    queue = drill_queue(history, player, pack_id, size, rng, rubric)
    wanted = [(item.position_id, item.stance) for item in queue if item.dropped]
    return [Turn(p, cast("Stance", s)) for p, s in arrange(wanted)[: max(0, cap)]]
