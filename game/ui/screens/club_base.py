"""What the screens of a club round share: the flow they belong to, going on, and the end.

Every club screen calls its ``ClubFlow`` and never changes the round itself. The reveal
screens (hot-seat and head-to-head) offer Next, or the results after the last position; the
results screens offer a new round with the same players, the club leaderboard and the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from game.rounds.club import Phase
from game.ui.screens.base import QUIT_KEY, GameScreen

if TYPE_CHECKING:
    from game.ui.club_flow import ClubFlow

RESULTS_KEYS = [
    Binding("l", "leaderboard", "Leaderboard", id="leaderboard", tooltip="Club leaderboard"),
    Binding("n", "new_round", "New round", id="new-round", tooltip="Back to the start"),
    Binding("escape", "new_round", "New round", id="back-to-start", show=False),
    QUIT_KEY,
]
"""The results screens' keys after their own "again" key (``ClubResultsScreen``)."""


class ClubScreen(GameScreen):
    """A screen of a club round in play; Esc asks before ending it for everyone."""

    def __init__(self, flow: ClubFlow) -> None:
        super().__init__()
        self.flow = flow

    def action_end_round(self) -> None:
        self.flow.confirm_end()


class RevealScreen(ClubScreen):
    """A position's answers revealed: Next, or the results after the last position."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next", "results"):
            round_ = self.flow.round
            # Only while revealing: guards double presses while the screen changes.
            if round_.phase is not Phase.REVEAL:
                return False
            return round_.is_last == (action == "results")
        return super().check_action(action, parameters)

    def action_next(self) -> None:
        self.flow.next()

    def action_results(self) -> None:
        self.flow.next()


class ClubResultsScreen(ClubScreen):
    """The round's results: play again, the club leaderboard, or back to the start."""

    def action_again(self) -> None:
        self.flow.again()

    def action_leaderboard(self) -> None:
        from game.ui.screens.leaderboard import LeaderboardScreen

        self.app.push_screen(LeaderboardScreen(pack_id=self.flow.pack.id, period="today"))

    def action_new_round(self) -> None:
        self.game.back_to_start()
