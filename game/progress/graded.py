"""Recording answers graded outside the game (a coach batch-grading written homework).

``record_graded`` turns a grading result into the very same ``Attempt`` the game records for
an answer played in a round, so statistics, the flow sheet and drill scheduling treat both
alike. The saves layer does not import the grading engine: any object shaped like
``game.grading.result.Result`` will do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from game.progress.models import Attempt, utc_now
from game.progress.store import Store

GRADED_MODE = "graded"
"""The ``mode`` for a round that groups a batch of graded answers (``Store.start_round``)."""


class GradedPoint(Protocol):
    """A rubric point's verdict: only its id is kept."""

    @property
    def point_id(self) -> str: ...


class GradedResult(Protocol):
    """What is needed of a grading result (``game.grading.result.Result`` has it)."""

    @property
    def position_id(self) -> str: ...

    @property
    def stance(self) -> str: ...

    @property
    def score(self) -> int: ...

    @property
    def matched(self) -> Sequence[GradedPoint]: ...


def record_graded(
    store: Store,
    player: str,
    pack_id: str,
    pack_hash: str,
    position_id: str,
    stance: str,
    answer: str,
    result: GradedResult,
    seconds: float | None = None,
    *,
    round_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """Record one batch-graded answer exactly as a played one; return the attempt's id.

    ``pack_hash`` is the sha256 of the pack file (``game.packs.loader.content_hash``).
    ``seconds`` is the time taken when known; unknown time is stored as 0. ``round_id`` may
    group a batch (``store.start_round(player, pack_id, GRADED_MODE)``); None records the
    answer outside any round (statistics then group it by day). ``at`` defaults to now (UTC).
    The answer also counts as a review of its drill card.

    Raises:
        ValueError: the result is for another position or stance than the one named.
        BadPlayerName: the player name cannot be stored.
        StoreError: the saves cannot be written (see ``Store.record_attempt``).
    """
    if (result.position_id, result.stance) != (position_id, stance):
        raise ValueError(
            f"the result grades {result.position_id!r} ({result.stance}),"
            f" not {position_id!r} ({stance})"
        )
    attempt = Attempt(
        player=player,
        pack_id=pack_id,
        pack_hash=pack_hash,
        position_id=position_id,
        stance=stance,
        answer=answer,
        score=result.score,
        matched_points=tuple(p.point_id for p in result.matched),
        seconds=0.0 if seconds is None else seconds,
        round_id=round_id,
        at=utc_now() if at is None else at,
    )
    return store.record_attempt(attempt)
