"""The hot-seat round: 2 to 12 players answer the same positions in turn at one keyboard.

Each position is answered by every player before anyone's answer is shown. The first seat
moves round the table from one position to the next, so nobody always goes first. Stances
are the same for everyone, or alternate between neighbours (and swap on the next position,
so each player argues both sides). The round's leaderboard ranks by average score with the
club's own rules (``game.progress.leaderboard``): speed never counts, ties are explained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from game.progress.leaderboard import Tally, rank_pack
from game.rounds.club import ClubAnswer, Seat, SeatedRound, opposite

if TYPE_CHECKING:
    from game.packs.model import Pack
    from game.rounds.base import Clock, GradeFn
    from game.rounds.plan import Turn

StanceRule = Literal["same", "alternate"]
"""Everyone takes the turn's stance, or neighbours take opposite stances."""
STANCE_RULES: tuple[StanceRule, ...] = get_args(StanceRule)


@dataclass(frozen=True)
class PlayerScore:
    """One line of the round's leaderboard."""

    player: str
    """The player's name."""
    rank: int | None
    """1-based, shared on a full tie; None for a player with no complete position."""
    shared: bool
    """The rank is shared with another player."""
    answers: int
    """Answers counted (positions every player answered)."""
    total: int
    """Sum of the scores counted."""
    average: float
    """Average score, to one decimal, as compared."""
    best: int
    """The best score counted."""
    points_made: int
    """Rubric points made over the counted answers."""
    scores: tuple[int | None, ...]
    """Score per position of the round; None where not counted."""


@dataclass(frozen=True)
class HotSeatSummary:
    """The round's leaderboard."""

    standings: tuple[PlayerScore, ...]
    """Ranked players first, then anyone with nothing counted (in the order entered)."""
    notes: tuple[str, ...]
    """How ties on the average were decided, or why a rank is shared."""
    counted: tuple[int, ...]
    """Indexes of the positions that count: those every player answered."""
    planned: int
    """How many positions the round had."""


class HotSeatRound(SeatedRound):
    """Every player answers each position in turn; see ``game.rounds.club.SeatedRound``."""

    def __init__(
        self,
        pack: Pack,
        turns: Sequence[Turn],
        players: Sequence[str],
        grade: GradeFn,
        clock: Clock,
        *,
        stances: StanceRule = "same",
        time_limit: float | None = None,
        prep: float | None = None,
    ) -> None:
        """Start at the first player's handover.

        Args:
            pack: The pack the turns come from.
            turns: The positions, in order; with ``alternate`` each needs both stances.
            players: 2 to 12 names, already checked (``game.rounds.club.check_players``).
            grade: Grades ``(answer, position_id, stance)``.
            clock: The current time.
            stances: ``same`` or ``alternate``.
            time_limit: Seconds per answer, or None.
            prep: Seconds of preparation before each answer, or None.

        Raises:
            ValueError: an unknown stance rule, or what ``SeatedRound`` refuses.
        """
        if stances not in STANCE_RULES:
            raise ValueError(f"unknown stance rule {stances!r}")
        self.stance_rule: StanceRule = stances
        """How stances are given out."""
        super().__init__(pack, turns, players, grade, clock, time_limit=time_limit, prep=prep)

    def seats(self, turn_index: int) -> tuple[Seat, ...]:
        """Every player once; the first seat moves one place round the table per position."""
        count = len(self.players)
        base = self.turns[turn_index].stance
        seats = []
        for step in range(count):
            player = (turn_index + step) % count
            stance = base
            if self.stance_rule == "alternate" and (player + turn_index) % 2:
                stance = opposite(base)
            seats.append(Seat(self.players[player], stance))
        return tuple(seats)

    def summary(self) -> HotSeatSummary:
        """The round's leaderboard over the positions every player answered."""
        counted = self.complete_turns()
        mine: dict[str, list[ClubAnswer]] = {p: [] for p in self.players}
        for index in counted:
            for answer in self.answers_for(index):
                mine[answer.player].append(answer)
        tallies = {
            player: Tally(
                player,
                self.pack.id,
                len(rows),
                sum(a.score for a in rows),
                max(a.score for a in rows),
                max(a.graded.at for a in rows),
            )
            for player, rows in mine.items()
            if rows
        }
        notes: tuple[str, ...] = ()
        placed: dict[str, tuple[int | None, bool]] = {}
        order: list[str] = []
        if tallies:
            board = rank_pack(tallies.values(), min_answers=1)
            notes = board.notes
            for standing in board.ranked:
                placed[standing.player] = (standing.rank, standing.shared)
                order.append(standing.player)
        order += [p for p in self.players if p not in placed]
        lines = []
        for player in order:
            rows = mine[player]
            by_turn = {a.turn_index: a.score for a in rows}
            total = sum(a.score for a in rows)
            rank, shared = placed.get(player, (None, False))
            lines.append(
                PlayerScore(
                    player=player,
                    rank=rank,
                    shared=shared,
                    answers=len(rows),
                    total=total,
                    average=tallies[player].average if rows else 0.0,
                    best=max((a.score for a in rows), default=0),
                    points_made=sum(a.points_made for a in rows),
                    scores=tuple(by_turn.get(i) for i in range(len(self.turns))),
                )
            )
        return HotSeatSummary(tuple(lines), notes, counted, len(self.turns))
