"""What the statistics screen shows, read from the saves in one quick query.

``Store.digest(player)`` reads a few hundred rows however long the history; the statistics
are computed from it with the packs in play, so the flow sheet can show the points never
raised. Days (streaks) are the player's local days; times are kept in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from game.safe_text import clean
from game.ui.words import tidy_name

if TYPE_CHECKING:
    from game.packs.model import Pack
    from game.progress.digest import Digest
    from game.progress.stats import FlowPoint, PlayerStats
    from game.ui.app import CounterpointApp


def local_zone() -> tzinfo:
    """The zone the player's days are counted in (the machine's)."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


@dataclass(frozen=True)
class StatsView:
    """One player's statistics, with the packs needed to name positions and points."""

    player: str
    stats: PlayerStats
    digest: Digest
    """What the statistics were computed from (drills plan from it too)."""
    packs: dict[str, Pack]
    """The packs in play that the history uses, by id."""
    today: date
    tz: tzinfo
    focus_pack: str | None = None
    """The pack chosen on the start screen or played last: drilled first."""

    def claim(self, pack_id: str, position_id: str) -> str:
        """The position's claim, or its id when the pack is gone or has dropped it."""
        pack = self.packs.get(pack_id)
        if pack is not None:
            try:
                return pack.position(position_id).claim
            except KeyError:
                pass
        return position_id

    def arguments(self, pack_id: str, position_id: str, stance: str) -> dict[str, str]:
        """Point id -> the point's argument, for one position and stance (empty if unknown)."""
        pack = self.packs.get(pack_id)
        if pack is None:
            return {}
        try:
            rubric = pack.position(position_id).stance(stance)  # type: ignore[arg-type]
        except KeyError:
            return {}
        return {} if rubric is None else {p.id: p.argument for p in rubric.points}

    def pack_title(self, pack_id: str) -> str:
        """The pack's title, or its id."""
        pack = self.packs.get(pack_id)
        return pack.title if pack is not None else pack_id

    def dropped(self) -> dict[str, int]:
        """Dropped points per pack that can still be played, most first."""
        counts: dict[str, int] = {}
        for cell in self.stats.flow:
            if cell.state == "dropped" and cell.pack_id in self.packs:
                counts[cell.pack_id] = counts.get(cell.pack_id, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def drill_pack(self) -> str | None:
        """The pack "drill my dropped points" drills: the chosen one if it has any."""
        dropped = self.dropped()
        if self.focus_pack in dropped:
            return self.focus_pack
        return next(iter(dropped), None)

    def flow_cells(self) -> list[FlowPoint]:
        """The flow sheet's cells, for the packs that can be played."""
        return [c for c in self.stats.flow if c.pack_id in self.packs]


def current_player(app: CounterpointApp) -> str:
    """Whose statistics to show: the round's player, else the name on the start screen."""
    from game.ui.screens.start import StartScreen

    if app.session is not None:
        return app.session.choice.player
    start = app.screen_stack[0] if app.screen_stack else None
    if isinstance(start, StartScreen) and start.is_mounted:
        from textual.widgets import Input

        name = tidy_name(start.query_one("#player", Input).value)
        if name:
            return name
    return clean(app.recorder.last_player() or app.settings.last_player or "")


def focus_pack(app: CounterpointApp) -> str | None:
    """The pack in play or highlighted on the start screen."""
    from game.ui.screens.start import StartScreen

    if app.session is not None:
        return app.session.pack.id
    start = app.screen_stack[0] if app.screen_stack else None
    if isinstance(start, StartScreen) and start.is_mounted:
        return start.selected_pack_id()
    return app.settings.last_pack


def load_stats(app: CounterpointApp, player: str, focus: str | None = None) -> StatsView | str:
    """The statistics of ``player``, or a sentence saying why there are none to show."""
    from game.progress.stats import rubric_of, summarize

    store = app.recorder.store
    if store is None:
        reason = app.recorder.error or "the game was started without a saves folder"
        return (
            f"Statistics come from your saves, and nothing is being recorded ({reason})."
            " Answers are kept when the game can write to its saves folder (--saves DIR)."
        )
    if not player:
        return "Type your name on the start screen to see your statistics."
    try:
        digest = store.digest(player)
    except Exception as error:  # a failing store must never end the game
        return f"Could not read the statistics: {clean(str(error)) or type(error).__name__}"
    if not digest.answers:
        return f"No answers recorded for {clean(player)} yet. Play a round, then come back here."
    played = {c.pack_id for c in digest.cards}
    packs = {e.id: e.pack for e in app.entries if e.pack is not None and e.id in played}
    rubric: dict[Any, tuple[str, ...]] = {}
    for pack in packs.values():
        rubric.update(rubric_of(pack))
    tz = local_zone()
    today = app.clock().astimezone(tz).date()
    stats = summarize(digest, digest.player, today=today, tz=tz, rubric=rubric)
    return StatsView(digest.player, stats, digest, packs, today, tz, focus)


def show_stats(app: CounterpointApp, tab: str = "overview") -> None:
    """Open the statistics screen for the current player (from a key or the palette)."""
    from game.ui.screens.stats import StatsScreen

    if isinstance(app.screen, StatsScreen):
        return
    app.push_screen(StatsScreen(load_stats(app, current_player(app), focus_pack(app)), tab))
