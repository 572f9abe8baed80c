"""``counterpoint lab``: the game opened on the rubric lab, for an instructor tuning a pack.

The lab (``game.ui.screens.lab``) grades what is typed against every point as it is typed and
reads the pack file again on ctrl+r; Esc leaves it for the start screen, to play the pack.
"""

from __future__ import annotations

import argparse
import inspect
import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.errors import UsageError
from game.paths import extra_packs_dirs, saves_dir

if TYPE_CHECKING:
    from game.packs.discovery import PackEntry

# Kept light at import time, like every command module: the UI loads only when the lab runs.
PACK_SUFFIXES = (".yaml", ".yml")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``lab`` subcommand."""
    parser = subparsers.add_parser(
        "lab",
        parents=[common],
        help="try answers on a pack's rubric, live (for instructors)",
        description="Open the rubric lab: choose a position and stance, type an answer and see "
        "each point's confidence, whether it is made, the words that made it and the warnings, "
        "as you type. Edit the pack in another window and press ctrl+r to read it again.",
    )
    parser.add_argument(
        "--pack",
        metavar="ID|PATH",
        help="a pack id among the packs found, or a pack file (default: the last pack played)",
    )
    parser.add_argument("--position", metavar="ID", help="the position to start on")
    parser.add_argument("--stance", choices=("rebut", "defend"), help="the stance to start on")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the game on the lab; the exit code as ``play`` gives it."""
    from game.commands.play import _open_store, served_requested

    if served_requested():
        raise UsageError("the rubric lab is not available in a served game")
    from game.packs.discovery import discover
    from game.progress.drafts import Drafts
    from game.progress.models import utc_now
    from game.ui.app import CounterpointApp
    from game.ui.screens.lab import open_lab
    from game.ui.settings import Settings

    extra = extra_packs_dirs(args.packs)
    saves = saves_dir(args.saves)
    settings = Settings.load(saves)
    entries = discover(extra)
    entry = pick(entries, args.pack, settings.last_pack)
    if args.position is not None and entry.pack is not None:
        ids = [p.id for p in entry.pack.positions]
        if args.position not in ids:
            raise UsageError(f"pack {entry.id!r} has no position {args.position!r}; valid ids: "
                             + ", ".join(ids))  # fmt: skip

    class LabFirst(CounterpointApp):
        """The game, with the lab opened over the start screen."""

        CSS_PATH = str(Path(inspect.getfile(CounterpointApp)).parent / "app.tcss")  # not from here

        def on_mount(self) -> None:  # runs before the game's own on_mount (Textual calls both)
            self.call_after_refresh(
                open_lab, self, entry, position_id=args.position, stance=args.stance
            )

    app = LabFirst(
        settings,
        entries,
        None,
        random.Random(),
        utc_now,
        drafts=Drafts(saves),
        saves_dir=saves,
        reload_packs=lambda: discover(extra),
        open_store=lambda: _open_store(saves),
    )
    try:
        app.run()
    finally:
        opened = app.recorder.opened
        if opened is not None:
            opened.close()
    return int(app.return_code or 0)


def pick(entries: list[PackEntry], spec: str | None, last: str | None) -> PackEntry:
    """The entry to open: a file (added to ``entries`` when new and playable), an id (broken
    packs too: the lab shows what to fix), else the last pack played, else the first."""
    from game.packs.discovery import load_entry

    if spec is None:
        good = [e for e in entries if e.ok]
        found = next((e for e in good if e.id == last), None) or next(iter(good + entries), None)
        if found is None:
            raise UsageError("no packs found; open one with --pack PATH")
        return found
    path = Path(spec).expanduser()
    if path.exists() or "/" in spec or spec.lower().endswith(PACK_SUFFIXES):
        if not path.is_file():
            raise UsageError(f"no pack file {spec!r}")
        real = path.resolve()
        known = next((e for e in entries if e.path.resolve() == real), None)
        if known is not None:
            return known
        entry = load_entry(path)
        if entry.ok and all(e.id != entry.id for e in entries):
            entries.append(entry)  # playable after the lab too
        return entry
    for entry in entries:
        if entry.id == spec:
            return entry
    ids = ", ".join(e.id for e in entries) or "none"
    raise UsageError(f"no pack with id {spec!r} (packs found: {ids}); or give a pack file")
