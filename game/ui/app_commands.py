"""What the command palette offers, screen by screen, and the export it can run."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.rounds.practice import Phase, RoundSummary
from game.safe_text import clean, shorten
from game.ui.play_options import show_leaderboard
from game.ui.progress_view import show_stats

if TYPE_CHECKING:
    from textual.screen import Screen

    from game.ui.app import CounterpointApp
    from game.ui.session import PlaySession

Command = tuple[str, str, Callable[[], Any]]
HISTORY_ROWS = 50


def commands_for(app: CounterpointApp, screen: Screen[Any]) -> Iterator[Command]:
    """The palette's game commands that make sense on ``screen`` right now."""
    session = app.session
    yield ("New round", "Back to the start screen to choose a new round", app.back_to_start)
    yield (
        "Choose pack",
        "Back to the start screen, on the pack list",
        lambda: app.back_to_start(focus_packs=True),
    )
    if app.reload_packs is not None:
        yield (
            "Reload packs",
            "Read the pack files again (after editing one)",
            lambda: reload_packs(app),
        )
    if not app.served and (session is None or session.round.phase is not Phase.ANSWERING):
        yield (
            "Rubric lab",
            "Try answers on a pack's rubric: each point's verdict as you type (instructors)",
            lambda: open_lab(app),
        )
    if app.recorder.active or app.history:
        yield (
            "Show history",
            "The answers graded so far in this session",
            lambda: show_history(app),
        )
    yield (
        "Statistics",
        "Your progress: scores, trend, mastery, streaks and the flow sheet",
        lambda: show_stats(app),
    )
    yield (
        "Leaderboard",
        "The club leaderboard: ranked by average score, per pack and period (l on the start)",
        lambda: show_leaderboard(app, session.pack.id if session else None),
    )
    context = "Hide" if app.settings.show_context else "Show"
    yield (f"{context} context", "Show or hide each position's background", app.toggle_context)
    hints = "Hide" if app.settings.show_hints else "Show"
    yield (f"{hints} hints", "Show or hide how many points a strong answer makes", app.toggle_hints)
    yield (
        "Light/dark theme",
        "Switch between the light and the dark theme",
        app.action_toggle_theme,
    )
    if session is not None and session.round.phase is not Phase.SUMMARY:
        yield ("End round", "Stop the round here and see the summary", app.end_round)
    if app.recorder.damaged and app.saves_dir is not None:
        yield (
            "Start saves afresh",
            "Move the damaged saves file aside (nothing is deleted) and record again",
            lambda: start_saves_afresh(app),
        )
    if session is not None and app.saves_dir is not None and session.round.summary().turns:
        yield (
            "Export results",
            "Write this round's scores to a Markdown file in the saves folder",
            lambda: export_round(app),
        )


def reload_packs(app: CounterpointApp) -> None:
    """Discover the packs again and refresh the start screen."""
    from game.ui.screens.start import StartScreen

    assert app.reload_packs is not None
    app.entries = list(app.reload_packs())
    broken = sum(1 for e in app.entries if not e.ok)
    note = f", {broken} broken" if broken else ""
    app.notify(f"Packs reloaded: {len(app.entries) - broken} ready{note}.", markup=False)
    start = app.screen_stack[0]
    if isinstance(start, StartScreen):
        start.refresh_packs()


def open_lab(app: CounterpointApp) -> None:
    """The rubric lab on the pack in view (imported when asked: only instructors use it)."""
    from game.ui.screens.lab import open_lab as open_it

    open_it(app)


def show_history(app: CounterpointApp) -> None:
    """Recent answers: the player's from the saves when recording, else this session's."""
    from game.ui.screens.history import HistoryRow, HistoryScreen

    claims = {
        (e.id, p.id): p.claim for e in app.entries if e.pack is not None for p in e.pack.positions
    }
    player = app.session.choice.player if app.session else app.settings.last_player
    store = app.recorder.store
    rows: list[HistoryRow] = []
    if store is not None and player:
        try:
            records = store.history(player)[-HISTORY_ROWS:]
        except Exception as error:  # reading the history must not end the game
            app.notify(f"Could not read the history: {clean(str(error))}", markup=False)
            records = []
        rows = [
            HistoryRow(
                r.at,
                r.player,
                claims.get((r.pack_id, r.position_id), r.position_id),
                r.stance,
                r.score,
                r.seconds,
            )
            for r in reversed(records)
        ]
        title = f"Last answers of {clean(player)}, all sessions"
    if not rows:
        rows = [
            HistoryRow(
                a.at,
                s.choice.player,
                s.pack.position(a.position_id).claim,
                a.stance,
                a.score,
                a.seconds,
            )
            for s, a in reversed(app.history)
        ]
        title = "Answers graded in this session"
    app.push_screen(HistoryScreen(title, rows))


def round_markdown(session: PlaySession, summary: RoundSummary, when: str) -> str:
    """The round's results as a small Markdown report."""
    pack = session.pack
    lines = [
        f"# Counterpoint round: {clean(pack.title)}",
        "",
        f"Player: {clean(session.choice.player)}  ",
        f"Pack: {pack.id}  ",
        f"Played: {when}",
        "",
        "| # | Position | Stance | Best | Tries |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in summary.turns:
        claim = shorten(row.claim, 90).replace("|", "\\|")
        lines.append(f"| {row.index + 1} | {claim} | {row.stance} | {row.best} | {row.tries} |")
    lines += ["", f"Total {summary.total} of {summary.out_of}; average {summary.average:.0f}/100."]
    return "\n".join(lines) + "\n"


def export_round(app: CounterpointApp) -> Path | None:
    """Write the round's results to ``saves/exports/``; returns the file, or None on failure."""
    session = app.session
    if session is None or app.saves_dir is None:
        return None
    now = app.clock()
    folder = app.saves_dir / "exports"
    target = folder / f"round-{session.pack.id}-{now:%Y%m%d-%H%M%S}.md"
    text = round_markdown(session, session.round.summary(), f"{now:%Y-%m-%d %H:%M} UTC")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".export-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except OSError as error:
        app.notify(f"Could not export: {clean(str(error))}", severity="error", markup=False)
        return None
    app.notify(f"Results written to {target}", title="Exported", markup=False)
    return target


def start_saves_afresh(app: CounterpointApp) -> None:
    """After the player confirms: move the damaged saves aside and open a new, empty file."""
    from game.ui.screens.confirm import ConfirmModal

    saves = app.saves_dir
    if saves is None:
        return

    def answered(yes: bool | None) -> None:
        if yes:
            reopen_saves(app, saves)

    app.push_screen(
        ConfirmModal(
            "Start your saves afresh?",
            f"The damaged file in {saves} is renamed (counterpoint.db.bad-<time>), never deleted,"
            " so it can still be rescued or sent to someone who can. A new, empty saves file"
            " starts recording from now on.",
            "Move it aside",
        ),
        answered,
    )


def reopen_saves(app: CounterpointApp, saves: Path) -> None:
    """Quarantine the damaged file, open a new store and record with it."""
    from game.progress.errors import StoreError
    from game.progress.store import Store
    from game.ui.recorder import Recorder
    from game.ui.screens.start import StartScreen

    try:
        moved = Store.quarantine_and_start_fresh(saves)
        store = Store.open(saves)
    except StoreError as error:
        app.notify(f"Could not start afresh: {clean(str(error))}", severity="error", markup=False)
        return
    app.recorder = Recorder(store)
    app.notify(f"The damaged file is now {moved}. Recording again.", markup=False)
    start = app.screen_stack[0]
    if isinstance(start, StartScreen):
        start.refresh_store_status()
