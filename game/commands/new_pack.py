"""``counterpoint new-pack ID``: write a commented skeleton pack, or draft one from an article."""

from __future__ import annotations

import argparse
import os
import shlex
import tempfile
from pathlib import Path
from typing import Any

from game.errors import UsageError
from game.files import UnreadableFile, read_capped
from game.packs.article import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    article_head,
    decode_article,
    position_sentences,
)
from game.packs.discovery import PACK_SUFFIXES, discover
from game.packs.drafting import (
    check_language,
    check_pack_id,
    check_title,
    draft_from_sentences,
    skeleton,
    title_from_id,
)
from game.paths import extra_packs_dirs, shipped_packs_dir
from game.safe_text import clean

SCHEMA_NAME = "pack.schema.json"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``new-pack`` subcommand."""
    parser = subparsers.add_parser(
        "new-pack",
        parents=[common],
        help="write a skeleton pack to fill in, or draft one from an article",
        description="Write a new, valid pack with comments that explain every field. With "
        "--from-text, read an article and draft one position per sentence that states a "
        "position ('should', 'must', 'will not', 'is pointless', ...): the sentence is kept as "
        "a comment above a claim to rewrite in your own words. Never replaces a file unless "
        "--force is given.",
    )
    parser.add_argument("id", metavar="ID", help="the pack's id, e.g. school-uniforms")
    parser.add_argument("--title", metavar="T", help="the pack's title (default: from the id)")
    parser.add_argument(
        "--from-text", metavar="ARTICLE", help="a UTF-8 text file to draft positions from"
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="where to write the pack (default: ID.yaml in the first --packs folder, else here)",
    )
    parser.add_argument("--language", default="en", metavar="CODE", help="language (default en)")
    parser.add_argument(
        "--max-positions",
        type=int,
        default=10,
        metavar="N",
        help="with --from-text, keep at most the N strongest sentences (default 10)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the pack; 0 on success (user errors raise and exit 2)."""
    pack_id = check_pack_id(args.id)
    title = check_title(args.title) if args.title is not None else title_from_id(pack_id)
    language = check_language(args.language)
    if args.max_positions < 1:
        raise UsageError("--max-positions must be at least 1")
    output = Path(args.output) if args.output else default_output(pack_id, args.packs)
    _check_output(output, args.force)
    ref = schema_ref(output)
    if args.from_text is None:
        text = skeleton(pack_id, title, ref, language)
        _write(output, text, args.force)
        print(clean(f"wrote {output}: a skeleton pack '{pack_id}' with one position to fill in"))
    else:
        article = Path(args.from_text)
        body = decode_article(read_article(article), str(article))
        picked = position_sentences(body, language, limit=args.max_positions)
        head = article_head(body)
        text = draft_from_sentences(pack_id, title, ref, picked, article.name, language, head)
        _write(output, text, args.force)
        if picked:
            count = f"{len(picked)} position{'s' if len(picked) != 1 else ''}"
            print(clean(f"wrote {output}: {count} drafted from {article}"))
        else:
            print(
                clean(
                    f"wrote {output}: no sentence of {article} states a position (should, must,"
                    " will not, is pointless...), so the pack has one position to fill in"
                )
            )
    clash = next((e for e in discover(extra_packs_dirs(args.packs)) if e.id == pack_id), None)
    if clash is not None and clash.path.resolve() != output.resolve():
        print(
            clean(
                f"warning: {clash.path} already uses the id '{pack_id}'; the game loads only one"
                " pack per id, so choose another id if both are to be played"
            )
        )
    for line in next_steps(output, pack_id):
        print(clean(line))
    return 0


def default_output(pack_id: str, packs_flag: list[str] | None) -> Path:
    """``ID.yaml`` in the first folder given with ``--packs`` (where the game will find it),
    else in the current folder."""
    folders = [Path(p).expanduser() for p in packs_flag or ()]
    return (folders[0] if folders else Path()) / f"{pack_id}.yaml"


def next_steps(output: Path, pack_id: str) -> list[str]:
    """What to run next; playing names the file's folder with ``--packs`` unless the game
    finds it on its own (the shipped folder, or one in ``COUNTERPOINT_PACKS``)."""
    file = shlex.quote(str(output))
    folder = output.absolute().parent
    known = [shipped_packs_dir(), *extra_packs_dirs(None)]
    try:
        found = any(folder.resolve() == d.resolve() for d in known)
    except OSError:
        found = False
    packs = "" if found else f" --packs {shlex.quote(str(output.parent))}"
    width = max(len(file) + 24, len(pack_id) + len(packs) + 25)
    return [
        "next: replace every REWRITE text and todo- point id (each drafted position says what"
        " to write), then",
        f"  {f'counterpoint validate {file}':<{width}}  the format, and what is left to write",
        f"  {f'counterpoint test-pack {file}':<{width}}  run the examples, lint the rubric",
        f"  {f'counterpoint lab --pack {file}':<{width}}  try answers and see each point live",
        f"  {f'counterpoint play --pack {pack_id}{packs}':<{width}}  play it",
    ]


def schema_ref(output: Path) -> str:
    """``pack.schema.json`` beside the shipped schema; else the shipped schema's absolute path."""
    schema = shipped_packs_dir() / SCHEMA_NAME
    try:
        beside = output.absolute().parent.resolve() == schema.parent.resolve()
    except OSError:
        beside = False
    return SCHEMA_NAME if beside else str(schema.resolve())


def read_article(path: Path) -> bytes:
    """The article's bytes: a regular file, at most the size cap; never blocks on a FIFO.

    Raises:
        ArticleError: missing, unreadable, not a regular file, or too big.
    """
    try:
        return read_capped(path, MAX_ARTICLE_BYTES)
    except UnreadableFile as error:
        reason = {
            "missing": "article not found",
            "denied": "cannot open the article: permission denied",
            "open": f"cannot open the article: {error.detail}",
            "folder": "is a folder; give a text file",
            "special": "is not a regular file; give a text file",
            "too-big": f"the article is {error.size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,}",
            "read": f"cannot read the article: {error.detail}",
        }[error.reason]
        raise ArticleError(f"{path}: {reason}") from None


def _check_output(output: Path, force: bool) -> None:
    if not output.name.lower().endswith(PACK_SUFFIXES):
        raise UsageError(
            f"{output}: a pack file's name must end in .yaml or .yml, or the game will not find it"
        )
    if output.is_dir():
        raise UsageError(f"{output} is a folder; give a file name such as {output / 'pack.yaml'}")
    if not output.absolute().parent.is_dir():
        raise UsageError(f"{output}: the folder {output.absolute().parent} does not exist")
    if output.exists() and not force:
        raise UsageError(f"{output} already exists; choose another --output, or add --force")


def _write(output: Path, text: str, force: bool) -> None:
    """Create ``output`` (never replacing a file, unless ``force``: then atomically)."""
    data = text.encode("utf-8")
    try:
        if not force:
            with open(output, "xb") as handle:
                handle.write(data)
            return
        fd, temp = tempfile.mkstemp(prefix=".new-pack-", dir=output.absolute().parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, output)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except FileExistsError:
        raise UsageError(
            f"{output} already exists; choose another --output, or add --force"
        ) from None
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
