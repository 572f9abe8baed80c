"""Starting drill rounds: the scheduler's plan from the start screen, dropped points from stats.

Drill rounds are practice rounds recorded with ``mode=DRILL_MODE`` (the daily cap counts
them). The saves decide what is due; when nothing is, the player is told why and offered to
practise their weakest positions anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.safe_text import clean
from game.ui.session import RoundChoice

if TYPE_CHECKING:
    from game.packs.model import Pack
    from game.rounds.plan import Turn
    from game.ui.app import CounterpointApp
    from game.ui.progress_view import StatsView


def _pack(app: CounterpointApp, pack_id: str) -> Pack | None:
    return next((e.pack for e in app.entries if e.pack is not None and e.id == pack_id), None)


def due_line(
    app: CounterpointApp, player: str, pack_id: str | None, chosen: bool = False
) -> str | None:
    """How many drills are due, for the start screen; None when there is nothing to say.

    ``chosen``: the player picked a drill round, so say what Start will do.
    """
    store = app.recorder.store
    pack = _pack(app, pack_id) if pack_id else None
    if store is None or pack is None or not player:
        return "Drills need your saves, and nothing is being recorded." if chosen else None
    from game.progress.drills import Drills
    from game.progress.flow import rubric_of

    try:
        due = Drills(store).due_count(player, pack.id, app.clock(), rubric=rubric_of(pack))
    except Exception:  # a count on the start screen is never worth an error
        return None
    drills = f"{due} drill{'s' * (due != 1)} due"
    if chosen:
        if due == 0:
            return "No drills due: Start offers to practise your weakest positions instead."
        return f"{drills}: Start plays them, most overdue first (each card has its own stance)."
    return f"{drills} in this pack: choose Round ◂ Drill ▸." if due else None


def _choice(app: CounterpointApp, player: str, pack_id: str, timer: int) -> RoundChoice:
    from game.rounds.plan import RoundSpec

    stance = app.settings.stance if app.settings.stance in ("rebut", "defend", "mixed") else "rebut"
    return RoundChoice(
        player=player,
        pack_id=pack_id,
        spec=RoundSpec(kind="all"),
        stance=stance,  # type: ignore[arg-type]
        timer=timer,
    )


def _play(app: CounterpointApp, choice: RoundChoice, turns: list[Turn]) -> bool:
    from game.progress.drills import DRILL_MODE
    from game.rounds.practice import Phase

    session = app.session
    if session is not None and session.round.phase is not Phase.SUMMARY:
        app.end_round_quietly()  # a drill asked for mid-round replaces that round
    return app.start_round(choice, turns, mode=DRILL_MODE)


def start_drill(
    app: CounterpointApp, player: str, pack_id: str, timer: int, practice_anyway: bool = False
) -> bool:
    """Plan a drill round and start it; with nothing due, ask whether to practise anyway.

    Returns whether a round started now (False also while the question is being asked).
    """
    pack = _pack(app, pack_id)
    store = app.recorder.store
    if pack is None:
        app.notify("That pack is no longer available.", severity="error", markup=False)
        return False
    if store is None:
        app.notify(
            "Drills are planned from your saves, and nothing is being recorded;"
            " choose another kind of round.",
            severity="warning",
            markup=False,
        )
        return False
    from game.progress.drills import Drills
    from game.progress.flow import rubric_of
    from game.ui.progress_view import local_zone

    try:
        plan = Drills(store).plan_drill(
            player,
            pack.id,
            app.clock(),
            app.rng,
            practice_anyway=practice_anyway,
            rubric=rubric_of(pack),
            tz=local_zone(),
        )
    except Exception as error:  # the saves failed: say so, keep the game going
        app.notify(f"Could not plan a drill: {clean(str(error))}", severity="error", markup=False)
        return False
    from game.rounds.drill import turns_of

    turns = turns_of(plan, pack)
    if not turns:
        if practice_anyway:
            app.notify(clean(plan.reason), markup=False)
            return False
        _offer_practice(app, plan.reason, player, pack.id, timer)
        return False
    app.notify(clean(plan.reason), title="Drill", markup=False)
    return _play(app, _choice(app, player, pack.id, timer), turns)


def _offer_practice(
    app: CounterpointApp, reason: str, player: str, pack_id: str, timer: int
) -> None:
    from game.ui.screens.confirm import ConfirmModal

    def answered(yes: bool | None) -> None:
        if yes:
            start_drill(app, player, pack_id, timer, practice_anyway=True)

    app.push_screen(
        ConfirmModal(
            "Nothing to drill right now",
            f"{clean(reason)} Practise your weakest positions anyway?",
            "Practise anyway",
        ),
        answered,
    )


def start_dropped_drill(app: CounterpointApp, view: StatsView) -> bool:
    """A drill round on the positions and stances where the player dropped a point."""
    pack_id = view.drill_pack()
    pack = view.packs.get(pack_id) if pack_id else None
    if pack is None:
        app.notify("No dropped points to drill: well kept!", markup=False)
        return False
    from game.progress.flow import rubric_of
    from game.rounds.drill import dropped_turns

    turns = dropped_turns(view.digest, view.player, pack.id, app.rng, rubric_of(pack))
    if not turns:
        app.notify("No dropped points to drill in this pack.", markup=False)
        return False
    count = len(turns)
    app.notify(
        f"Drilling the points you dropped: {count} position{'s' * (count != 1)}.",
        title="Drill",
        markup=False,
    )
    return _play(app, _choice(app, view.player, pack.id, app.settings.timer), turns)
