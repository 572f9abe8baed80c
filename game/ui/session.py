"""What the screens of one round share: who plays which pack, the round, and the grader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.grading.result import Result
    from game.packs.model import Pack, Stance
    from game.rounds.plan import RoundSpec, StanceChoice
    from game.rounds.practice import PracticeRound

GraderFactory = Callable[["Pack"], Any]
"""Builds an object with ``grade(answer, position_id, stance) -> Result`` for a pack."""


class LazyGrader:
    """Builds the pack's grader on first use, so that indexing happens in the grading thread."""

    def __init__(self, factory: GraderFactory, pack: Pack) -> None:
        self._factory = factory
        self._pack = pack
        self._grader: Any = None

    def grade(self, answer: str, position_id: str, stance: Stance) -> Result:
        """Grade one answer (see ``game.grading.grader.Grader.grade``)."""
        if self._grader is None:
            self._grader = self._factory(self._pack)
        result: Result = self._grader.grade(answer, position_id, stance)
        return result


@dataclass(frozen=True)
class RoundChoice:
    """What the player chose on the start screen."""

    player: str
    """The player's name, cleaned."""
    pack_id: str
    """The id of the pack to play."""
    spec: RoundSpec
    """Which positions to play."""
    stance: StanceChoice
    """The stance, or mixed."""
    timer: int
    """Seconds per answer; 0 for none."""
    prep: int = 0
    """Seconds to prepare before each position's answer box opens; 0 for none."""


@dataclass
class PlaySession:
    """One round in play, owned by the app and shown by the round's screens."""

    choice: RoundChoice
    """What the player chose."""
    pack: Pack
    """The pack being played."""
    pack_hash: str
    """The pack file's content hash, recorded with each attempt."""
    round: PracticeRound
    """The round's state; it grades through a ``LazyGrader``."""
    round_id: int | None = None
    """The store's id for this round, when recording."""
    mode: str = "practice"
    """The round's mode in the saves: practice, or drill (``DRILL_MODE``)."""
    before: Any = None
    """The player's digest when the round started (to announce personal bests), if recording."""
    new_bests: list[str] | None = None
    """Personal bests beaten in this round, once worked out at its end."""
    prepared: int = -1
    """The last turn whose preparation time is over (prep comes before a first try only)."""

    def draft_key(self) -> str:
        """The draft key of the current turn: the same player, pack, position and stance."""
        turn = self.round.turn
        return draft_key(self.choice.player, self.pack.id, turn.position_id, turn.stance)


def draft_key(player: str, pack_id: str, position_id: str, stance: str) -> str:
    """The key a draft answer is saved under."""
    return "/".join((player, pack_id, position_id, stance))


def split_draft_key(key: str) -> tuple[str, str, str, str] | None:
    """(player, pack id, position id, stance) from a draft key; None if it is not one of ours.

    Split from the right: ids and stances never hold a slash, player names may.
    """
    parts = key.rsplit("/", 3)
    if len(parts) != 4 or parts[3] not in ("rebut", "defend"):
        return None
    return parts[0], parts[1], parts[2], parts[3]
