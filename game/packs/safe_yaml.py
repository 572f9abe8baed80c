"""Plain data from YAML, built straight from the parser's events in one flat loop.

This replaces PyYAML's composer and constructor for packs. It never recurses, never resolves
YAML 1.1 types (every scalar stays the exact string the author typed: ``no``, ``1.10``, ``0755``),
never constructs tagged objects, and stops at the first anchor, alias, explicit tag, over-deep
nesting or excess of values, so alias bombs and deep nesting cost nothing. Duplicate keys are
problems, not "last one wins". Skipping node objects and the Python resolver also makes it
several times faster than ``yaml.load`` with the C loader.

Positions cost time, so callers first parse with ``record=False``; when something is wrong they
parse again with ``record=True`` to get the line and column of every field path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from game.packs.errors import PackError, Problem, describe_value, field_path

MAX_DEPTH = 32
"""Deepest nesting of lists and mappings; real packs use 8."""
MAX_NODES = 500_000
"""Most values (scalars, lists, mappings) in one file; bounds memory whatever the file holds."""

_WITH_C = bool(getattr(yaml, "__with_libyaml__", False))
_LOADER: Any = yaml.CSafeLoader if _WITH_C else yaml.SafeLoader
_STR, _SEQ, _MAP = ("tag:yaml.org,2002:" + t for t in ("str", "seq", "map"))
_NOKEY = object()  # the mapping on top of the stack waits for a key
_SKIP = object()  # the pending key repeats an earlier one: its value is dropped
_DROPPED = "\x00dropped"  # path part under a dropped value; no real key has a NUL

Loc = tuple[str | int, ...]
Mark = tuple[int, int]


def line_col(text: str, offset: int) -> Mark:
    """1-based line and column of a character offset."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


@dataclass
class Tree:
    """What the event loop built; positions only when ``record`` was asked for."""

    data: Any = None
    dirty: bool = False  # duplicate keys were found (and dropped)
    problems: list[Problem] = field(default_factory=list)
    marks: dict[Loc, Mark] = field(default_factory=dict)  # field path -> position of its value
    key_marks: dict[Loc, Mark] = field(default_factory=dict)  # field path -> position of its key


class _Stop(Exception):
    """A problem after which the rest of the file cannot be read safely."""

    def __init__(self, event: Any, message: str) -> None:
        super().__init__(message)
        self.line = event.start_mark.line + 1
        self.col = event.start_mark.column + 1
        self.message = message


def parse_yaml(text: str, name: str, record: bool = False, typed: bool = False) -> Tree:
    """Build plain data from the YAML event stream; raise PackError for unsafe or broken YAML.

    ``typed`` reads unquoted numbers, booleans and nulls the YAML 1.2 way, as editors do; the
    loader never asks for it (the model converts fields itself), the schema tests do.
    """
    loader = _LOADER(text)
    try:
        tree = _build(loader.get_event, name, record, typed)
    except _Stop as stop:
        raise PackError([Problem(name, stop.line, stop.col, "", stop.message)]) from None
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):
            _locate_deep_nesting(text, error, name)
        raise PackError([_syntax_problem(error, text, name)]) from None
    except yaml.YAMLError as error:  # ReaderError: position only
        position = getattr(error, "position", 0)
        line, col = line_col(text, position)
        reason = getattr(error, "reason", str(error))
        raise PackError([Problem(name, line, col, "", f"unreadable text: {reason}")]) from None
    except RecursionError:
        raise PackError([Problem(name, 1, 1, "", "the file is nested too deeply")]) from None
    finally:
        loader.dispose()
    if not isinstance(tree.data, dict):
        raise PackError([Problem(name, 1, 1, "", _not_a_mapping(tree.data))])
    return tree


def _locate_deep_nesting(text: str, error: yaml.MarkedYAMLError, name: str) -> None:
    """Raise the usual "nested deeper than" problem where the nesting passes ``MAX_DEPTH``.

    libyaml reads ahead through flow brackets and gives up at 1,000 levels before emitting any
    event, so the point where our limit is crossed is found by parsing the text before libyaml's
    mark with the pure-Python parser, which then stops at our own limit.
    """
    mark = error.problem_mark
    if mark is None:
        return
    prefix = text[: _offset(text, mark.line, mark.column)]
    loader = yaml.SafeLoader(prefix)
    try:
        _build(loader.get_event, name, record=False, typed=False)
    except _Stop as stop:
        raise PackError([Problem(name, stop.line, stop.col, "", stop.message)]) from None
    except (yaml.YAMLError, RecursionError):
        return
    finally:
        loader.dispose()


def _offset(text: str, line: int, column: int) -> int:
    """Character offset of a 0-based line and column."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return min(start + column, len(text))


def _not_a_mapping(data: Any) -> str:
    if data is None or data == "":
        return "the file is empty; a pack starts with 'pack: 1'"
    got = "a list" if isinstance(data, list) else f"the text {describe_value(data)}"
    return f"the top level must be a mapping of fields (pack, id, title, positions), not {got}"


def _refuse(event: Any, tag: str | None, allowed: str) -> None:
    if event.anchor is not None:
        raise _Stop(event, f"anchors (&{event.anchor[:40]}) and aliases are not allowed in packs")
    if tag is not None and tag != "!" and tag != allowed:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        raise _Stop(event, f"explicit tags such as {shown!r} are not allowed in packs")


def _build(get: Any, name: str, record: bool, typed: bool) -> Tree:
    """The one pass over the events: a stack of open containers, no recursion."""
    tree = Tree()
    get()  # StreamStartEvent
    if type(get()) is StreamEndEvent:
        return tree
    stack: list[Any] = []
    keys: list[Any] = []
    paths: list[Loc] = []
    path: Loc = ()
    nodes = 0
    while True:
        event = get()
        kind = type(event)
        child: Any
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse(event, event.tag, _STR)
            value = event.value
            if typed and not event.style:
                value = _core_scalar(value)
            child = None
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            is_map = kind is MappingStartEvent
            if event.anchor is not None or event.tag is not None:
                _refuse(event, event.tag, _MAP if is_map else _SEQ)
            if len(stack) >= MAX_DEPTH:
                raise _Stop(event, f"nested deeper than {MAX_DEPTH} levels")
            value = child = {} if is_map else []
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            keys.pop()
            if record:
                paths.pop()
            if stack:
                continue
            break
        elif kind is AliasEvent:
            raise _Stop(event, "aliases (*name) and anchors are not allowed in packs")
        else:  # DocumentEndEvent: the document held a single scalar
            break
        nodes += 1
        if nodes > MAX_NODES:
            raise _Stop(event, f"too many values (more than {MAX_NODES:,}) for one pack")
        if stack:
            top = stack[-1]
            if type(top) is list:
                if record:
                    path = (*paths[-1], len(top))
                top.append(value)
            else:
                key = keys[-1]
                if key is _NOKEY:  # this node is a key
                    if child is not None or type(value) is not str:
                        raise _Stop(event, "keys must be plain text, not a list or mapping")
                    if value in top:
                        keys[-1] = _SKIP
                        tree.dirty = True
                        if record:
                            _duplicate_key(tree, event, (*paths[-1], value), name)
                    else:
                        keys[-1] = value
                        if record:
                            mark = event.start_mark
                            tree.key_marks[(*paths[-1], value)] = (mark.line + 1, mark.column + 1)
                    continue
                keys[-1] = _NOKEY
                if key is _SKIP:
                    path = (*paths[-1], _DROPPED) if record else path
                else:
                    top[key] = value
                    if record:
                        path = (*paths[-1], key)
        else:
            tree.data = value
            path = ()
        if record:
            mark = event.start_mark
            tree.marks.setdefault(path, (mark.line + 1, mark.column + 1))
        if child is not None:
            stack.append(child)
            keys.append(_NOKEY)
            if record:
                paths.append(path)
        elif not stack:
            break
    event = get()
    while type(event) is DocumentEndEvent:
        event = get()
    if type(event) is DocumentStartEvent:
        raise _Stop(
            event, "a pack is one YAML document, but a second one starts here (remove '---')"
        )
    return tree


_CORE: dict[str, bool | None] = {"": None, "~": None, "null": None, "Null": None, "NULL": None}
_CORE.update(dict.fromkeys(("true", "True", "TRUE"), True))
_CORE.update(dict.fromkeys(("false", "False", "FALSE"), False))
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def _core_scalar(value: str) -> Any:
    """A plain scalar as the YAML 1.2 core schema reads it (what the YAML language server sees)."""
    if value in _CORE:
        return _CORE[value]
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _duplicate_key(tree: Tree, event: Any, loc: Loc, name: str) -> None:
    first = tree.key_marks.get(loc, (0, 0))[0]
    mark = event.start_mark
    tree.problems.append(
        Problem(
            name,
            mark.line + 1,
            mark.column + 1,
            field_path(loc[:-1]),
            f"duplicate key {describe_value(loc[-1])} (first set at line {first}); keep only one",
        )
    )


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    offset = _offset(text, mark.line, mark.column) if mark else -1
    at_tab = 0 <= offset < len(text) and text[offset] == "\t"
    if at_tab or "tab" in problem:
        line_start = text.rfind("\n", 0, max(offset, 0)) + 1
        if offset < 0 or not text[line_start:offset].strip(" \t"):
            message = "a tab is used for indentation; YAML needs spaces"
        else:
            message = "YAML does not allow a tab here; use spaces, or quote the text"
    elif "Unicode character escape" in problem:
        message = (
            "invalid Unicode escape: lone surrogates (\\ud800-\\udfff) and codes above"
            " U+10FFFF are not allowed"
        )
    elif "quoted scalar" in context and "end of stream" in problem and error.context_mark:
        line, col = error.context_mark.line + 1, error.context_mark.column + 1
        message = "this quoted text is never closed (missing closing quote)"
    elif "mapping values are not allowed" in problem:
        message = f"YAML syntax error: {problem} (put quotes around text that contains ': ')"
    else:
        message = f"YAML syntax error: {problem}"
        if context and error.context_mark and error.context_mark is not mark:
            message += f" ({context} at line {error.context_mark.line + 1})"
    return Problem(name, line, col, "", message)
