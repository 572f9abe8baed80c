"""Load rubric packs safely, reporting every problem as ``file:line:col: path: message``.

Pipeline: read at most ``MAX_BYTES`` (regular files only; never blocks on a FIFO), decode strict
UTF-8, refuse control characters, build plain data with ``safe_yaml`` (no YAML 1.1 typing, no
tags, no aliases, no duplicate keys), then validate with the pydantic model, collecting every
problem. Only when something is wrong is the file parsed again to place each problem on its line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.files import UnreadableFile, read_capped
from game.packs.errors import PackError, Problem, describe, field_path
from game.packs.model import FORMAT_VERSION, STANCES, Pack
from game.packs.safe_yaml import MAX_DEPTH, MAX_NODES, Loc, Tree, line_col, parse_yaml

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "content_hash",
    "load_pack",
    "load_pack_data",
    "load_pack_text",
    "read_pack_bytes",
]

MAX_BYTES = 5_000_000
"""Largest pack file accepted (5 MB): a generated 1,000-position pack with phrases is 4.3 MB."""

# Characters YAML itself refuses raw plus the escapes of terminals; tab, LF and CR are fine.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_VERSION = re.compile(r"\s*0*(\d+)\s*")


def content_hash(data: bytes) -> str:
    """The sha256 of a pack file's bytes, stored with attempts so edits are noticed."""
    return hashlib.sha256(data).hexdigest()


def load_pack(path: Path) -> Pack:
    """Read, parse and validate the pack at ``path``.

    Raises:
        PackError: the file cannot be read or is not a valid pack; it lists every problem.
    """
    return load_pack_text(read_pack_bytes(path), name=str(path))


def load_pack_text(text: str | bytes, name: str = "<text>") -> Pack:
    """Parse and validate a pack given as bytes (UTF-8) or text; ``name`` labels the problems.

    Raises:
        PackError: the text is not a valid pack; it lists every problem.
    """
    source = _source_text(text, name)
    tree = parse_yaml(source, name, record=False)
    return _validate(tree, source, name)


def load_pack_data(text: str | bytes, name: str = "<text>", typed: bool = False) -> dict[str, Any]:
    """Parse a pack into plain dicts, lists and strings without validating it against the model.

    With ``typed``, unquoted numbers, booleans and nulls are read as YAML 1.2 reads them, as
    the YAML language server in an editor does; used to check packs against the JSON Schema.

    Raises:
        PackError: unsafe or broken YAML, duplicate keys, or a top level that is not a mapping.
    """
    source = _source_text(text, name)
    tree = parse_yaml(source, name, typed=typed)
    if tree.dirty:
        raise PackError(parse_yaml(source, name, record=True).problems)
    data: dict[str, Any] = tree.data
    return data


def read_pack_bytes(path: Path) -> bytes:
    """Read a pack file: a regular file of at most ``MAX_BYTES``; never blocks on a FIFO.

    Raises:
        PackError: the file is missing, unreadable, not a regular file, or too big.
    """
    name = str(path)
    try:
        return read_capped(path, MAX_BYTES)
    except UnreadableFile as error:
        if error.reason == "too-big":
            raise _too_big(name, error.size) from None
        raise _file_error(name, _UNREADABLE[error.reason].format(error.detail)) from None


_UNREADABLE = {
    "missing": "file not found",
    "denied": "cannot read the file: permission denied",
    "open": "cannot open the file: {}",
    "folder": "is a folder, not a pack file",
    "special": "is not a regular file (a pipe, device or socket?)",
    "read": "cannot read the file: {}",
}


def _file_error(name: str, message: str) -> PackError:
    return PackError([Problem(name, 0, 0, "", message)])


def _too_big(name: str, size: int) -> PackError:
    return _file_error(
        name,
        f"the file is {size:,} bytes ({size / 1e6:.1f} MB); packs are limited to"
        f" {MAX_BYTES / 1e6:g} MB ({MAX_BYTES:,} bytes)",
    )


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", "replace")) + 1
        message = f"not valid UTF-8 (byte 0x{data[start]:02X}); save the file as UTF-8"
        raise PackError([Problem(name, line, col, "", message)]) from None


def _source_text(text: str | bytes, name: str) -> str:
    """Decode strictly and refuse characters no pack text may hold."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise _too_big(name, len(text))
        if text.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise PackError([Problem(name, 1, 1, "", "the file is UTF-16; save it as UTF-8")])
        text = _decode(text, name)
    elif len(text) > MAX_BYTES:
        raise _too_big(name, len(text.encode("utf-8", "surrogatepass")))
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _BAD_CHAR.search(text)
    if bad:
        line, col = line_col(text, bad.start())
        code = ord(bad.group())
        if 0xD800 <= code <= 0xDFFF:
            message = f"lone surrogate U+{code:04X} (broken Unicode); save the file as UTF-8"
        else:
            message = f"control character U+{code:04X} is not allowed; only tabs and newlines are"
        raise PackError([Problem(name, line, col, "", message)])
    return text


@dataclass
class _Found:
    """A problem found on plain data, placed on a line once positions are known."""

    loc: Loc
    message: str
    missing: bool = False  # place at the parent mapping
    at_key: bool = False  # place at the key rather than the value
    first: Loc | None = None  # an earlier place to mention ("first used at line N")


def _validate(tree: Tree, source: str, name: str) -> Pack:
    data: dict[str, Any] = tree.data
    version = data.get("pack")
    newer = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if newer and (len(newer[1]) > 6 or int(newer[1]) > FORMAT_VERSION):
        # A newer format may have fields this game does not know: say only that.
        located = parse_yaml(source, name, record=True)
        line, col = located.marks.get(("pack",), (1, 1))
        message = (
            f"this pack uses format version {newer[1][:20]}, but this game reads up to version"
            f" {FORMAT_VERSION}; update Counterpoint"
        )
        raise PackError([Problem(name, line, col, "pack", message)])
    found = _cross_check(data)
    if not found and not tree.dirty:
        try:
            return Pack.model_validate(data)
        except ValidationError as error:
            errors = error.errors(include_url=False)
    else:
        try:
            Pack.model_validate(data)
            errors = []
        except ValidationError as error:
            errors = error.errors(include_url=False)
    for err in errors:
        if found and err["type"] in ("duplicate_id", "no_stance"):
            continue  # _cross_check found these (and any others), with their lines
        loc = tuple(err["loc"])
        kind = err["type"]
        found.append(
            _Found(loc, describe(err), missing=kind == "missing", at_key=kind == "extra_forbidden")
        )
    located = parse_yaml(source, name, record=True)
    problems = list(located.problems)
    for item in found:
        problems.append(_place(item, located, name))
    problems.sort(key=lambda p: (p.line, p.col))
    if not problems:  # cannot happen unless the model and the checks here disagree
        problems.append(Problem(name, 1, 1, "", "the pack is not valid"))
    raise PackError(problems)


def _place(item: _Found, tree: Tree, name: str) -> Problem:
    loc = item.loc
    target = loc[:-1] if item.missing or item.at_key else loc
    path = field_path(target)
    mark = tree.key_marks.get(loc) if item.at_key else None
    probe = target
    while mark is None:
        mark = tree.marks.get(probe)
        if not probe:
            break
        probe = probe[:-1]
    line, col = mark or (1, 1)
    message = item.message
    if item.first is not None:
        first = tree.marks.get(item.first)
        if first:
            message += f" at line {first[0]}"
    return Problem(name, line, col, path, message)


def _cross_check(data: dict[str, Any]) -> list[_Found]:
    """Duplicate ids and stance-less positions, found even when other fields are invalid.

    The model checks these too, but only once everything else in the position is valid; doing
    it here on the plain data lets one run report them together with all other problems.
    """
    found: list[_Found] = []
    positions = data.get("positions")
    if not isinstance(positions, list):
        return found
    first_position: dict[str, Loc] = {}
    for i, position in enumerate(positions):
        if not isinstance(position, dict):
            continue
        here: Loc = ("positions", i)
        pid = position.get("id")
        if isinstance(pid, str):
            if pid in first_position:
                found.append(
                    _Found(
                        (*here, "id"),
                        f"position id {pid!r} is already used",
                        first=first_position[pid],
                    )
                )
            else:
                first_position[pid] = (*here, "id")
        if "rebut" not in position and "defend" not in position:
            found.append(_Found(here, "a position needs at least one stance: 'rebut' or 'defend'"))
        first_point: dict[str, Loc] = {}
        for stance in STANCES:
            rubric = position.get(stance)
            points = rubric.get("points") if isinstance(rubric, dict) else None
            for j, point in enumerate(points if isinstance(points, list) else ()):
                point_id = point.get("id") if isinstance(point, dict) else None
                if not isinstance(point_id, str):
                    continue
                loc: Loc = (*here, stance, "points", j, "id")
                if point_id in first_point:
                    message = f"point id {point_id!r} is already used in this position"
                    found.append(_Found(loc, message, first=first_point[point_id]))
                else:
                    first_point[point_id] = loc
    return found
