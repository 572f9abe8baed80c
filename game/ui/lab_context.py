"""What the rubric lab opens on, and a pack it read again shared with the rest of the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry
    from game.ui.app import CounterpointApp


def share(app: CounterpointApp, entry: PackEntry) -> None:
    """Put a pack read again in the app's list too, so that the next round plays it."""
    for index, known in enumerate(app.entries):
        if known.path == entry.path:
            app.entries[index] = entry
            break
    else:
        return
    from game.ui.screens.start import StartScreen

    start = app.screen_stack[0] if app.screen_stack else None
    if isinstance(start, StartScreen) and start.is_mounted:
        start.refresh_packs()


def looking_at(app: CounterpointApp) -> tuple[PackEntry | None, str | None, str | None, str]:
    """The pack (and position, stance, answer) on screen: the start screen's highlighted pack,
    or the answer just graded in a round, else the last pack played."""
    from game.ui.screens.feedback import FeedbackScreen
    from game.ui.screens.start import StartScreen

    screen = app.screen
    if isinstance(screen, StartScreen):
        index = screen.highlighted_index()
        if index is not None:
            return screen.shown[index], None, None, ""
    session = app.session
    if session is not None:
        entry = next((e for e in app.entries if e.id == session.pack.id), None)
        if isinstance(screen, FeedbackScreen):
            attempt = screen.attempt
            return entry, attempt.position_id, attempt.stance, attempt.answer
        turn = session.round.turn
        return entry, turn.position_id, turn.stance, ""
    last = app.settings.last_pack
    found = next((e for e in app.entries if e.id == last), None)
    return found or next(iter(app.entries), None), None, None, ""
