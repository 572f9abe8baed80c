"""The start screen's play options: who plays (solo or club), round, stance, timer and prep.

Kept apart from the start screen so that screen stays about choosing a pack and a round;
nothing here is imported before the start screen is built, and the club screens load only
when a club round is chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.settings import MAX_SECONDS, TIMER_CHOICES

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry
    from game.rounds.plan import RoundSpec, StanceChoice
    from game.ui.app import CounterpointApp
    from game.ui.settings import Settings

MODES: list[tuple[str, str]] = [
    ("Solo practice", "solo"),
    ("Hot-seat", "hotseat"),
    ("Head-to-head", "headtohead"),
]
START_LABELS = {"solo": "Start round", "hotseat": "Choose players", "headtohead": "Choose players"}
"""The Start button's label per play mode: a club mode goes to the players screen first."""
KINDS: list[tuple[str, str]] = [
    ("3 at random", "random:3"),
    ("5 at random", "random:5"),
    ("All in order", "all"),
    ("One position", "single"),
    ("Drill", "drill"),
]
"""The kinds of round offered, as (label, value); ``random:N`` for N positions at random."""
STANCES: list[tuple[str, str]] = [("Rebut", "rebut"), ("Defend", "defend"), ("Mixed", "mixed")]
STANCE_HINT = "Rebut: argue it is wrong · Defend: argue it is right · Mixed: the game picks"
CUSTOM = -1
"""The timer option whose seconds are typed in."""
PREP_CHOICES: tuple[int, ...] = (0, 15, 30, 60, 120)
"""Preparation times offered (0 = none)."""


def kind_options(round_count: int) -> list[tuple[str, str]]:
    """The kinds of round, with the last random size played when it is not a preset."""
    kinds = list(KINDS)
    if all(value != f"random:{round_count}" for _, value in kinds):
        kinds.insert(0, (f"{round_count} at random", f"random:{round_count}"))
    return kinds


def kind_value(settings: Settings, requested_position: str | None) -> str:
    """The kind of round to offer first: the last one played (one position only if asked)."""
    if settings.round_kind == "random":
        return f"random:{settings.round_count}"
    if settings.round_kind == "drill":
        return "drill"
    if settings.round_kind == "single" and requested_position:
        return "single"
    return "all" if settings.round_kind == "all" else "random:3"


def seconds_label(seconds: int, none: str) -> str:
    """30 s, 2 min, 1 min 30 s; ``none`` for 0."""
    if seconds == 0:
        return none
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def timer_options(current: int) -> list[tuple[str, int]]:
    """The presets clubs use, the current custom time if any, and Custom (typed seconds)."""
    options = [(seconds_label(s, "No timer"), s) for s in TIMER_CHOICES]
    if current not in TIMER_CHOICES and 0 < current <= MAX_SECONDS:
        options.append((seconds_label(current, "No timer"), current))
    return [*options, ("Custom…", CUSTOM)]


def prep_options(current: int) -> list[tuple[str, int]]:
    """No prep, the presets, and the current time if it is another."""
    options = [(seconds_label(s, "No prep"), s) for s in PREP_CHOICES]
    if current not in PREP_CHOICES and 0 < current <= MAX_SECONDS:
        options.append((seconds_label(current, "No prep"), current))
    return options


def custom_seconds(typed: str) -> int | None:
    """Typed seconds for a custom timer, or None when they are not 1 to MAX_SECONDS."""
    text = typed.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_SECONDS:
        return None
    return int(text)


def open_club_setup(
    app: CounterpointApp,
    mode: str,
    entry: PackEntry,
    spec: RoundSpec,
    stance: StanceChoice,
    timer: int,
    prep: int,
    name: str,
) -> None:
    """Ask for the players of a hot-seat round or head-to-head match, then start it."""
    from game.ui.screens.club_setup import ClubSetupScreen

    names = list(app.settings.club_players) or ([name] if name else [])
    app.push_screen(
        ClubSetupScreen(
            "headtohead" if mode == "headtohead" else "hotseat",
            pack_id=entry.id,
            pack_title=entry.title,
            spec=spec,
            stance=stance,
            timer=timer,
            prep=prep,
            names=names,
        )
    )


def show_leaderboard(app: CounterpointApp, pack_id: str | None = None) -> None:
    """The club leaderboard screen (all time, on ``pack_id`` or the pack answered last)."""
    from game.ui.screens.leaderboard import LeaderboardScreen

    app.push_screen(LeaderboardScreen(pack_id=pack_id, period="all"))
