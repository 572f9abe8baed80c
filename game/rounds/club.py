"""What club rounds share: the players, two-sided planning, and taking seats in turn.

A club round is played by several people at one keyboard. Each position is answered by a
sequence of *seats* (a player in a stance); the round moves seat by seat through
``HANDOVER`` (pass the keyboard), optional ``PREP`` (the position is shown, the box is shut),
``ANSWERING`` and, once every seat of the position has answered, ``REVEAL``. Nobody's answer
is shown until the position is complete. Grading and time are passed in, as in
``game.rounds.practice``, so the same rounds run in tests with a fake clock.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.errors import UsageError
from game.progress.errors import BadPlayerName
from game.progress.models import clean_player_name
from game.rounds.base import Clock, GradedAnswer, GradeFn, TurnRound, check_stances
from game.rounds.plan import RoundSpec, Turn
from game.safe_text import clean

if TYPE_CHECKING:
    from game.packs.model import Pack, Stance

MIN_PLAYERS = 2
MAX_PLAYERS = 12
NAME_LIMIT = 40
"""Longest player name, as the saves allow."""


class ClubSetupError(UsageError):
    """The players or positions given cannot make a club round (one line for the player)."""


def opposite(stance: Stance) -> Stance:
    """The other stance."""
    return "defend" if stance == "rebut" else "rebut"


def tidy_player(raw: str) -> str:
    """A name as typed, made safe: terminal controls removed, single spaces, at most 40 chars."""
    return " ".join(clean(raw).split())[:NAME_LIMIT]


def check_players(
    names: Iterable[str], *, least: int = MIN_PLAYERS, most: int = MAX_PLAYERS
) -> tuple[str, ...]:
    """Tidy the names and check that they make a club: no blanks, no repeats, the right count.

    Args:
        names: The names as typed.
        least: The fewest players allowed.
        most: The most players allowed.

    Returns:
        The tidied names, in the order given.

    Raises:
        ClubSetupError: an empty or unstorable name, a repeat (ignoring case), or too few or
            too many players.
    """
    tidy: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = tidy_player(raw)
        if not name:
            raise ClubSetupError("a player's name cannot be empty")
        try:
            name = clean_player_name(name)
        except BadPlayerName as error:
            raise ClubSetupError(str(error)) from None
        if name.casefold() in seen:
            raise ClubSetupError(f"{name!r} is already playing; give each player a different name")
        seen.add(name.casefold())
        tidy.append(name)
    if least == most and len(tidy) != least:
        raise ClubSetupError(f"this round is for exactly {least} players, not {len(tidy)}")
    if len(tidy) < least:
        raise ClubSetupError(f"a club round needs at least {least} players")
    if len(tidy) > most:
        raise ClubSetupError(f"a club round takes at most {most} players")
    return tuple(tidy)


def plan_two_sided(
    pack: Pack, spec: RoundSpec, rng: random.Random, first: Stance | None = None
) -> list[Turn]:
    """Choose positions that can be both rebutted and defended.

    Args:
        pack: The pack to play.
        spec: All positions, N at random, or one position.
        rng: Randomness for sampling and, without ``first``, for each turn's first stance.
        first: The stance of each turn's first seat; None picks one per position.

    Returns:
        The turns, in playing order; a turn's stance is its first seat's.

    Raises:
        ClubSetupError: no position of the pack (or not the one asked for) has both stances.
    """
    sided = [p for p in pack.positions if len(set(p.stances)) == 2]
    if spec.kind == "single":
        chosen = [p for p in sided if p.id == spec.position_id]
        if not chosen:
            raise ClubSetupError(
                f"position {spec.position_id!r} cannot be argued from both sides in this pack"
            )
    else:
        if not sided:
            raise ClubSetupError(
                f"pack {pack.id!r} has no position with both a rebut and a defend rubric"
            )
        chosen = rng.sample(sided, min(spec.count, len(sided))) if spec.kind == "random" else sided
    sides: tuple[Stance, Stance] = ("rebut", "defend")
    return [Turn(p.id, first if first is not None else rng.choice(sides)) for p in chosen]


class Phase(enum.Enum):
    """Where a club round is."""

    HANDOVER = "handover"
    """The keyboard goes to the next seat's player; nothing of the last answer is shown."""
    PREP = "prep"
    """Preparation time: the position is shown, the answer box is not open yet."""
    ANSWERING = "answering"
    """The seat's player is writing."""
    REVEAL = "reveal"
    """Every seat of the position has answered: all answers and scores are shown."""
    SUMMARY = "summary"
    """The round is over."""


@dataclass(frozen=True)
class Seat:
    """One player answering one position in one stance."""

    player: str
    """The player's name."""
    stance: Stance
    """The stance this player takes on this position."""


@dataclass(frozen=True)
class ClubAnswer:
    """A graded answer and whose it is."""

    player: str
    """Who answered."""
    graded: GradedAnswer
    """The answer, its verdict and its timing."""

    @property
    def score(self) -> int:
        """The answer's score (0..100)."""
        return self.graded.score

    @property
    def turn_index(self) -> int:
        """The position's index in the round."""
        return self.graded.turn_index

    @property
    def points_made(self) -> int:
        """How many rubric points the answer made."""
        return len(self.graded.result.matched)


class SeatedRound(TurnRound[Phase]):
    """The seat-by-seat machinery; subclasses say who sits in which stance (``seats``).

    Phases per position: for each seat, ``HANDOVER`` -> ``take_seat`` -> (``PREP`` ->
    ``start_answering``) -> ``ANSWERING`` -> ``submit``; after the last seat, ``REVEAL`` ->
    ``next`` -> the next position's first ``HANDOVER``, or ``SUMMARY``. ``finish`` ends early.
    """

    ANSWERING = Phase.ANSWERING

    def __init__(
        self,
        pack: Pack,
        turns: Sequence[Turn],
        players: Sequence[str],
        grade: GradeFn,
        clock: Clock,
        *,
        time_limit: float | None = None,
        prep: float | None = None,
    ) -> None:
        """Start at the first seat's handover.

        Args:
            pack: The pack the turns come from.
            turns: The positions to play, in order.
            players: The players' names, already checked (``check_players``).
            grade: Grades ``(answer, position_id, stance)``.
            clock: The current time; answers and prep are timed with it.
            time_limit: Seconds per answer, or None.
            prep: Seconds of preparation before each answer, or None.

        Raises:
            ValueError: no turns or players, an unknown position, a seat in a stance its
                position lacks, or a limit that is not positive.
        """
        self._check_players(players)
        if not turns:
            raise ValueError("a round needs at least one turn")
        if not players:
            raise ValueError("a club round needs players")
        if time_limit is not None and time_limit <= 0:
            raise ValueError("the time limit must be positive")
        if prep is not None and prep <= 0:
            raise ValueError("the preparation time must be positive")
        super().__init__(pack, turns, grade, clock, time_limit, Phase.HANDOVER)
        self.players: tuple[str, ...] = tuple(players)
        """The players, in the order they were entered."""
        self.prep = prep
        """Seconds of preparation before each answer, or None."""
        check_stances(pack, self.turns, lambda index, _: (s.stance for s in self.seats(index)))
        self._seat = 0
        self._answers: list[ClubAnswer] = []

    def _check_players(self, players: Sequence[str]) -> None:
        """Refuse a number of players the mode cannot seat (subclasses decide; checked first)."""

    def seats(self, turn_index: int) -> tuple[Seat, ...]:
        """Who answers the turn, in order, and in which stance (subclasses decide)."""
        raise NotImplementedError

    # -- where the round is ---------------------------------------------------------------

    @property
    def seat(self) -> Seat:
        """The seat whose turn it is (the last one while revealing)."""
        return self.seats(self._index)[self._seat]

    @property
    def answers(self) -> tuple[ClubAnswer, ...]:
        """Every graded answer, oldest first."""
        return tuple(self._answers)

    def answers_for(self, turn_index: int) -> tuple[ClubAnswer, ...]:
        """The answers to one position, in seat order."""
        return tuple(a for a in self._answers if a.turn_index == turn_index)

    def answered(self) -> tuple[str, ...]:
        """Players who have answered the current position so far."""
        return tuple(a.player for a in self.answers_for(self._index))

    def complete_turns(self) -> tuple[int, ...]:
        """Indexes of the positions every seat answered."""
        return tuple(
            i
            for i in range(len(self.turns))
            if len(self.answers_for(i)) == len(self.seats(i)) and self.seats(i)
        )

    # -- clocks ---------------------------------------------------------------------------

    def prep_remaining(self) -> float | None:
        """Seconds of preparation left, or None outside ``PREP``."""
        if self._phase is not Phase.PREP or self.prep is None:
            return None
        return max(0.0, self.prep - self.elapsed())

    def prep_over(self) -> bool:
        """Whether the preparation time has run out."""
        left = self.prep_remaining()
        return left is not None and left <= 0

    # -- moves ----------------------------------------------------------------------------

    def take_seat(self) -> Phase:
        """The seat's player has the keyboard: preparation if any, else the answer starts.

        Raises:
            RoundStateError: not at a handover.
        """
        self._require(Phase.HANDOVER, "take the seat")
        self._phase = Phase.PREP if self.prep else Phase.ANSWERING
        self._started = self._clock()
        return self._phase

    def start_answering(self) -> None:
        """End the preparation (time is up, or the player is ready): the answer clock starts.

        Raises:
            RoundStateError: not preparing.
        """
        self._require(Phase.PREP, "start answering")
        self._phase = Phase.ANSWERING
        self._started = self._clock()

    def submit(self, answer: str, *, timed_out: bool = False) -> ClubAnswer:
        """Grade the seat's answer; hand over to the next seat, or reveal the position.

        Raises:
            RoundStateError: not answering.
        """
        self._require(Phase.ANSWERING, "submit an answer")
        seat = self.seat
        graded = self._graded(answer, seat.stance, 1, timed_out)
        made = ClubAnswer(seat.player, graded)
        self._answers.append(made)
        if self._seat == len(self.seats(self._index)) - 1:
            self._phase = Phase.REVEAL
        else:
            self._seat += 1
            self._phase = Phase.HANDOVER
        return made

    def next(self) -> Phase:
        """After the reveal: the next position's first handover, or the summary.

        Raises:
            RoundStateError: the position is not revealed yet.
        """
        self._require(Phase.REVEAL, "go to the next position")
        if self.is_last:
            self._phase = Phase.SUMMARY
        else:
            self._index += 1
            self._seat = 0
            self._phase = Phase.HANDOVER
        return self._phase

    def finish(self) -> None:
        """End the round now; a position not every seat answered is left out of results."""
        self._phase = Phase.SUMMARY

    def upcoming(self) -> Seat | None:
        """The seat after the current one in this position, if any."""
        seats = self.seats(self._index)
        return seats[self._seat + 1] if self._seat + 1 < len(seats) else None
