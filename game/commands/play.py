"""``counterpoint play``: the game, full-screen (the default command) or ``--plain`` text.

Both modes plan the round the same way (``game.rounds.plan``) and play it with the same
``PracticeRound``; only the presentation differs.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.errors import UsageError
from game.paths import FEATURED_PACK, extra_packs_dirs, saves_dir
from game.safe_text import clean

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry
    from game.rounds.plan import RoundSpec

# Kept light at import time: the parser imports every command module, and the game's start-up
# is measured (tests/bench/bench_startup.py). Packs, the store and the UI load when used.
MAX_TIMER = 3600
STANCES = ("rebut", "defend", "mixed")
SERVED_ENV = "COUNTERPOINT_SERVED"
"""Set to 1 by ``counterpoint serve`` for the games it starts (see ``game.ui.served``)."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``play`` subcommand (also what ``counterpoint`` alone runs)."""
    parser = subparsers.add_parser(
        "play",
        parents=[common],
        help="play the game (the default command)",
        description="Play a round: rebut or defend positions and learn from the feedback. "
        "Full-screen by default; --plain plays the same round as line-by-line text for screen "
        "readers, dumb terminals and scripts (answers end with an empty line or a line with a "
        "single '.').",
    )
    parser.add_argument(
        "--plain", action="store_true", help="line-by-line text instead of full-screen"
    )
    parser.add_argument(
        "--pack", metavar="ID", help="the pack to play (default: the last one, else the first)"
    )
    parser.add_argument(
        "--player", metavar="NAME", help="who is playing (default: the last player)"
    )
    parser.add_argument(
        "--positions",
        metavar="all|random:N|ID",
        help="every position in order, N at random, or one position (default: random:3)",
    )
    parser.add_argument("--stance", choices=STANCES, help="rebut, defend or mixed (default: rebut)")
    parser.add_argument(
        "--timer", metavar="SECONDS", type=int, help="time allowed per answer (0: none)"
    )
    parser.add_argument("--seed", type=int, help="seed for random rounds, to repeat one exactly")
    parser.add_argument(
        "--served",
        action="store_true",
        help=f"a browser's game under 'counterpoint serve' (also {SERVED_ENV}=1): no file paths,"
        " no instructor features, exports downloaded by the browser",
    )
    parser.set_defaults(func=run)


def served_requested(flag: bool = False) -> bool:
    """Whether this game is served: ``--served``, or ``COUNTERPOINT_SERVED`` set (not 0)."""
    return flag or os.environ.get(SERVED_ENV, "").strip() not in ("", "0")


def run(args: argparse.Namespace) -> int:
    """Play; returns the exit code (0, or 128+signal when stopped by SIGTERM/SIGHUP)."""
    if args.timer is not None and not 0 <= args.timer <= MAX_TIMER:
        raise UsageError(f"--timer must be between 0 and {MAX_TIMER} seconds")
    spec = None
    if args.positions:
        from game.rounds.plan import parse_positions  # only then: keeps start-up light

        spec = parse_positions(args.positions)
    args.served = served_requested(getattr(args, "served", False))
    if args.served and args.plain:
        raise UsageError("a served game is full-screen: --plain cannot be served")
    extra = extra_packs_dirs(args.packs)
    saves = saves_dir(args.saves)
    rng = random.Random(args.seed)
    if args.plain:
        from game.packs.discovery import discover

        return run_plain(args, discover(extra), saves, spec, rng)
    return run_full_screen(args, extra, saves, spec, rng)


def choose_pack(entries: list[PackEntry], wanted: str | None, last: str | None) -> PackEntry:
    """The entry for ``--pack``, else the last pack played, else the featured one or the first."""
    good = [e for e in entries if e.ok]
    if wanted is not None:
        for entry in entries:
            if entry.id == wanted:
                if not entry.ok:
                    raise UsageError(f"pack {wanted!r} cannot be played: {entry.error}")
                return entry
        known = ", ".join(e.id for e in good) or "none"
        raise UsageError(f"no pack with id {wanted!r} (packs found: {known})")
    if not good:
        broken = f"; {len(entries)} broken (see 'counterpoint packs')" if entries else ""
        raise UsageError(f"no playable pack found{broken}; add a folder with --packs DIR")
    for preferred in (last, FEATURED_PACK):
        for entry in good:
            if entry.id == preferred:
                return entry
    return good[0]


def _open_store(saves: Path) -> tuple[Any, str | None, bool]:
    """(store or None, why not, whether the file is damaged and may be moved aside)."""
    from game.progress.errors import StoreCorrupt, StoreError
    from game.progress.store import Store

    try:
        return Store.open(saves), None, False
    except StoreError as error:  # corrupt, too new, read-only: play on without recording
        return None, clean(str(error)), isinstance(error, StoreCorrupt)


def run_plain(
    args: argparse.Namespace,
    entries: list[PackEntry],
    saves: Path,
    spec: RoundSpec | None,
    rng: random.Random,
) -> int:
    from game.commands.play_plain import play_plain
    from game.grading.grader import Grader
    from game.progress.models import utc_now
    from game.rounds.plan import RoundSpec, StanceChoice, plan_round
    from game.ui.recorder import Recorder
    from game.ui.settings import Settings

    settings = Settings.load(saves)
    entry = choose_pack(entries, args.pack, settings.last_pack)
    assert entry.pack is not None
    stance: StanceChoice = args.stance or "rebut"
    turns = plan_round(entry.pack, spec or RoundSpec(), stance, rng)
    store, problem, _ = _open_store(saves)
    if problem:
        print(f"counterpoint: not recording: {problem}", file=sys.stderr)
    recorder = Recorder(store, problem)
    try:
        player = args.player or _ask_name(recorder.last_player() or settings.last_player)
        from game.ui.words import tidy_name  # the same rule as the start screen

        player = tidy_name(player) or "guest"
        grader = Grader(entry.pack)
        play_plain(
            entry.pack,
            turns,
            player=player,
            grade=grader.grade,
            clock=utc_now,
            stdin=sys.stdin,
            stdout=sys.stdout,
            time_limit=args.timer or None,
            recorder=recorder,
            pack_hash=entry.sha256,
        )
        settings.last_player, settings.last_pack = player, entry.id
        settings.save()
    finally:
        if recorder.opened is not None:
            recorder.opened.close()
    return 0


def _ask_name(default: str | None) -> str:
    """Ask for a name on a terminal; scripts (piped input) get the default silently."""
    if not sys.stdin.isatty():
        return default or "guest"
    shown = f" [{clean(default)}]" if default else ""
    print(f"Your name{shown}:", flush=True)
    line = sys.stdin.readline()
    return line.strip() or default or "guest"


def run_full_screen(
    args: argparse.Namespace,
    extra: list[Path],
    saves: Path,
    spec: RoundSpec | None,
    rng: random.Random,
) -> int:
    from game.progress.drafts import Drafts
    from game.progress.models import utc_now
    from game.ui.app import make_app
    from game.ui.settings import Settings

    def find_packs() -> list[PackEntry]:
        from game.packs.discovery import discover

        return discover(extra)

    settings = Settings.load(saves)
    entries = None  # found in the background once the first screen is up
    if args.pack is not None:
        entries = find_packs()
        choose_pack(entries, args.pack, None)  # a bad --pack is an error before the screen opens
    if args.stance:
        settings.stance = args.stance
    if args.timer is not None:
        settings.timer = args.timer
    position = None
    if spec is not None:
        settings.round_kind, settings.round_count = spec.kind, spec.count
        position = spec.position_id
    app = make_app(
        settings,
        entries,
        None,
        rng,
        utc_now,
        drafts=Drafts(saves),
        saves_dir=saves,
        reload_packs=find_packs,
        open_store=lambda: _open_store(saves),  # in the background, once the screen is up
        player=args.player,
        pack_id=args.pack,
        position_id=position,
        served=args.served,
    )
    try:
        app.run()
    finally:
        opened = app.recorder.opened
        if opened is not None:
            opened.close()
    return int(app.return_code or 0)
