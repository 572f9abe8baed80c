"""Warnings about a pack's text that do not stop it loading, for ``counterpoint validate``.

- Bidirectional control characters (U+202A-U+202E, U+2066-U+2069): they make text display in
  a different order from the one it is stored in ("Trojan Source"), so a reviewer reading a
  shared pack may not see what it says. Legitimate right-to-left text rarely needs them.
- Placeholders left by ``counterpoint new-pack``: texts starting with ``REWRITE:``, and point
  ids such as ``todo-rebut-1`` (progress is keyed by ids, so they must be named before play).
"""

from __future__ import annotations

import re
import unicodedata

from game.packs.drafting import PLACEHOLDER
from game.packs.errors import Problem
from game.packs.safe_yaml import Mark, line_col, parse_yaml

BIDI_CONTROLS = re.compile(
    "[\u202a-\u202e\u2066-\u2069]"
    r"|\\(?:u|U0000)(?:202[a-eA-E]|206[6-9])"  # the same written as an escape in quotes
)
MAX_BIDI_WARNINGS = 20
"""Bidi characters reported one by one; past this, one line counts the rest."""


def text_warnings(text: str, name: str) -> list[Problem]:
    """Warnings for a pack's decoded text, in file order (messages start with ``warning:``)."""
    found: list[Problem] = []
    bidi = list(BIDI_CONTROLS.finditer(text))
    for hit in bidi[:MAX_BIDI_WARNINGS]:
        line, col = line_col(text, hit.start())
        char = hit.group() if len(hit.group()) == 1 else chr(int(hit.group()[-4:], 16))
        code = ord(char)
        written = "" if len(hit.group()) == 1 else "escaped "
        found.append(
            Problem(
                name,
                line,
                col,
                "",
                f"warning: {written}bidirectional control character U+{code:04X}"
                f" ({unicodedata.name(char)}) makes text display in a different order from"
                " what it says (Trojan Source); remove it unless the text truly needs it",
            )
        )
    if len(bidi) > MAX_BIDI_WARNINGS:
        last = found[-1]
        more = len(bidi) - MAX_BIDI_WARNINGS
        found.append(
            Problem(name, last.line, last.col, "", f"warning: {more} more bidirectional controls")
        )
    found += _leftovers(
        name,
        _placeholder_lines(text),
        ("text still starts", "texts still start"),
        f"with '{PLACEHOLDER}' (left by new-pack); write them before playing or sharing the pack",
    )
    found += _leftovers(
        name,
        _todo_id_lines(text),
        ("point id still starts", "point ids still start"),
        "with 'todo-' (left by new-pack); give each point an id that names its argument before"
        " anyone plays: saved progress is keyed by it",
    )
    found.sort(key=lambda p: (p.line, p.col))
    return found


def id_mark(text: str, name: str) -> Mark:
    """Line and column of the pack's top-level ``id`` value (1, 1 when it cannot be found)."""
    tree = parse_yaml(text, name, record=True)
    return tree.marks.get(("id",), (1, 1))


_TODO_ID = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?id:[ \t]*(["']?)todo-(?:rebut|defend)-\d+\1[ \t]*(?:#.*)?$"""
)


def _todo_id_lines(text: str) -> list[Mark]:
    """Where point ids drafted by new-pack (``todo-rebut-1``) are still used."""
    marks: list[Mark] = []
    for number, line in enumerate(text.split("\n"), start=1):
        hit = _TODO_ID.match(line.rstrip("\r"))
        if hit:
            marks.append((number, hit.start(1) + 1))
    return marks


def _placeholder_lines(text: str) -> list[Mark]:
    """Where values (not comments) start with the placeholder marker."""
    marks: list[Mark] = []
    pattern = re.compile(r"""^[ \t]*(?:-[ \t]+)*(?:[\w-]+:[ \t]*)?(["']?)""" + PLACEHOLDER)
    for number, line in enumerate(text.split("\n"), start=1):
        hit = pattern.match(line)
        if hit:
            marks.append((number, hit.end(1) + 1))
    return marks


def _leftovers(
    name: str, places: list[tuple[int, int]], nouns: tuple[str, str], rest: str
) -> list[Problem]:
    """One warning, at the first of ``places``, counting what new-pack left unfinished."""
    if not places:
        return []
    line, col = places[0]
    count = len(places)
    noun = nouns[0] if count == 1 else nouns[1]
    return [Problem(name, line, col, "", f"warning: {count} {noun} {rest}")]
