"""Head-to-head: two players argue the same position from opposite sides, then swap.

On each position one player defends and the other rebuts; the defender answers first, and
neither answer is shown until both are in. The higher score takes the position (equal scores
draw it). The match goes to whoever took more positions; level on positions, the higher total
score wins; level on both, it is a draw. Speed never counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.rounds.club import ClubAnswer, Seat, SeatedRound


@dataclass(frozen=True)
class Exchange:
    """One position argued from both sides."""

    turn_index: int
    """The position's index in the match."""
    position_id: str
    """The position."""
    defence: ClubAnswer
    """The defender's answer."""
    rebuttal: ClubAnswer
    """The rebutter's answer."""

    @property
    def winner(self) -> str | None:
        """Who scored higher; None on equal scores."""
        if self.defence.score == self.rebuttal.score:
            return None
        return max((self.defence, self.rebuttal), key=lambda a: a.score).player

    def of(self, player: str) -> ClubAnswer:
        """The answer ``player`` gave."""
        return self.defence if self.defence.player == player else self.rebuttal


@dataclass(frozen=True)
class MatchResult:
    """The match so far, or at its end."""

    players: tuple[str, str]
    """The two players, in the order entered."""
    wins: tuple[int, int]
    """Positions each player took."""
    draws: int
    """Positions drawn."""
    totals: tuple[int, int]
    """Each player's summed scores."""
    points_made: tuple[int, int]
    """Rubric points each player made."""
    exchanges: tuple[Exchange, ...]
    """The positions both players answered, in order."""

    @property
    def winner(self) -> str | None:
        """More positions taken wins; then the higher total; else None (a draw)."""
        for a, b in (self.wins, self.totals):
            if a != b:
                return self.players[0] if a > b else self.players[1]
        return None

    def line(self) -> str:
        """The score line in positions, e.g. ``Ada 2 – 1 Bo``."""
        (a, b), (wa, wb) = self.players, self.wins
        drawn = f" ({self.draws} drawn)" if self.draws else ""
        return f"{a} {wa} – {wb} {b}{drawn}"

    def verdict(self) -> str:
        """Who won and why, in one sentence."""
        (wa, wb), (ta, tb) = self.wins, self.totals
        if not self.exchanges:
            return "No position was argued by both players."
        winner = self.winner
        if winner is None:
            return f"A draw: {wa} – {wb} on positions and {ta} points each."
        if wa != wb:
            more, less = max(wa, wb), min(wa, wb)
            return f"{winner} wins the match, {more} position{'s' * (more != 1)} to {less}."
        more, less = max(ta, tb), min(ta, tb)
        return f"Level on positions ({wa} – {wb}); {winner} wins on total score, {more} to {less}."


class HeadToHeadRound(SeatedRound):
    """Two players; on position k the first player defends when k is even, else rebuts."""

    def _check_players(self, players: Sequence[str]) -> None:
        """Head-to-head needs exactly two players.

        Raises:
            ValueError: not two players.
        """
        if len(players) != 2:
            raise ValueError("head-to-head is for exactly two players")

    def seats(self, turn_index: int) -> tuple[Seat, ...]:
        """The defender first, then the rebutter; sides swap on each position."""
        defender = turn_index % 2
        rebutter = 1 - defender
        return (
            Seat(self.players[defender], "defend"),
            Seat(self.players[rebutter], "rebut"),
        )

    def exchange(self, turn_index: int) -> Exchange | None:
        """The position argued from both sides, once both answers are in."""
        answers = self.answers_for(turn_index)
        if len(answers) != 2:
            return None
        return Exchange(turn_index, self.turns[turn_index].position_id, answers[0], answers[1])

    def result(self) -> MatchResult:
        """The score: positions taken, draws, totals and points made, over whole exchanges."""
        exchanges = tuple(
            e for e in (self.exchange(i) for i in range(len(self.turns))) if e is not None
        )
        first, second = self.players

        def count(player: str) -> int:
            return sum(1 for e in exchanges if e.winner == player)

        def total(player: str) -> int:
            return sum(e.of(player).score for e in exchanges)

        def made(player: str) -> int:
            return sum(e.of(player).points_made for e in exchanges)

        return MatchResult(
            players=(first, second),
            wins=(count(first), count(second)),
            draws=sum(1 for e in exchanges if e.winner is None),
            totals=(total(first), total(second)),
            points_made=(made(first), made(second)),
            exchanges=exchanges,
        )
