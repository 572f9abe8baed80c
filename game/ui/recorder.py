"""Records rounds and attempts in the store, and keeps playing when the store fails.

A store that cannot be written (read-only, full, corrupt, newer) must never stop a player:
the first failure is reported once, and from then on the game plays without recording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.errors import CounterpointError
from game.safe_text import clean

if TYPE_CHECKING:
    from game.progress.store import Store
    from game.rounds.base import GradedAnswer

MODE = "practice"


def _failures() -> tuple[type[Exception], ...]:
    """What a store call may raise: StoreError as promised, and raw sqlite3 or OS errors, so
    that a store bug degrades to "not recording" instead of ending the game."""
    import sqlite3

    return (CounterpointError, sqlite3.Error, OSError)


class Recorder:
    """The store, as the game uses it; ``error`` says why nothing is being recorded."""

    def __init__(
        self, store: Store | None, error: str | None = None, damaged: bool = False
    ) -> None:
        self.store = store
        self.damaged = store is None and damaged
        """The saves file is damaged (not merely unreachable): the player may start afresh."""
        self.opened = store
        """The store as opened, kept to close it even after recording stopped."""
        self.error = error if store is None else None
        """Why nothing is recorded (None while recording, or without a store and no error)."""

    @property
    def active(self) -> bool:
        """Whether attempts are being recorded."""
        return self.store is not None

    def status(self) -> str:
        """One line for the start screen."""
        if self.store is not None:
            return "Your answers are recorded."
        if self.error:
            return f"Not recording: {self.error}"
        return "Not recording (no saves folder)."

    def _failed(self, error: Exception) -> str:
        self.store = None
        self.error = clean(str(error)) or type(error).__name__
        return self.error

    def players(self) -> list[str]:
        """Known players, or none when the store cannot say."""
        if self.store is None:
            return []
        try:
            return list(self.store.players())
        except _failures() as error:
            self._failed(error)
            return []

    def last_player(self) -> str | None:
        """The player who played last, according to the store."""
        if self.store is None:
            return None
        try:
            return self.store.last_player()
        except _failures() as error:
            self._failed(error)
            return None

    def start(self, player: str, pack_id: str, mode: str = MODE) -> tuple[int | None, str | None]:
        """Register the player and open a round: (round id, or None; error message, or None)."""
        if self.store is None:
            return None, None
        from game.progress.errors import BadPlayerName

        try:
            self.store.add_player(player)
            return self.store.start_round(player, pack_id, mode), None
        except BadPlayerName as error:  # this name cannot be stored; the store itself is fine
            return None, f"{clean(str(error))}; this round is not recorded"
        except _failures() as error:
            return None, self._failed(error)

    def record(
        self, player: str, pack_id: str, pack_hash: str, round_id: int | None, attempt: GradedAnswer
    ) -> str | None:
        """Record one graded attempt; the error message if it could not be."""
        if self.store is None:
            return None
        from game.progress.models import Attempt

        row: Any = Attempt(
            player=player,
            pack_id=pack_id,
            pack_hash=pack_hash,
            position_id=attempt.position_id,
            stance=attempt.stance,
            answer=attempt.answer,
            score=attempt.score,
            matched_points=tuple(p.point_id for p in attempt.result.matched),
            seconds=attempt.seconds,
            round_id=round_id,
            at=attempt.at,
        )
        try:
            self.store.record_attempt(row)
        except _failures() as error:
            return self._failed(error)
        return None

    def finish(self, round_id: int | None) -> str | None:
        """Close a round; the error message if that failed."""
        if self.store is None or round_id is None:
            return None
        try:
            self.store.finish_round(round_id)
        except _failures() as error:
            return self._failed(error)
        return None
