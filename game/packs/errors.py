"""Pack problems: where in a file something is wrong, how it is worded, and the error type."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from game.errors import CounterpointError
from game.packs.model import SLUG_PATTERN, Pack


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack, at a 1-based line and column (0 when it is the whole file).

    ``path`` is the field path in plain words (``positions[2].rebut.points[0].weight``), or ""
    when the problem is not about one field (a YAML syntax error, an unreadable file).
    """

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line > 0 else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class PackError(CounterpointError):
    """A pack cannot be loaded; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("a PackError needs at least one problem")
        self.problems = problems
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{problems[0]}{suffix}")

    @property
    def first(self) -> Problem:
        """The first problem, for one-line listings."""
        return self.problems[0]


# --- Wording: pydantic's error records turned into plain words for pack authors ---------------

_SCALAR_TYPES = {
    "float_parsing": "a number",
    "float_type": "a number",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
}
_BOUNDS = {
    "greater_than": ("gt", "greater than"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "less_than_equal": ("le", "at most"),
}


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")


def field_path(loc: Sequence[str | int]) -> str:
    """``('positions', 2, 'rebut')`` -> ``positions[2].rebut``; odd keys are quoted, shortened."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{describe_value(part)}]"
    return out


def describe_value(value: Any) -> str:
    """A short rendering of a value for messages: quoted text, or what kind of thing it is."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value == "":
        return "nothing"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:59] + "…")


def _fields_at(loc: Sequence[str | int]) -> list[str]:
    """Field names of the model found at ``loc`` (empty when the path leaves the model)."""
    current: Any = Pack
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``list[X]``, ``X | None`` or ``Annotated[X, ...]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _unknown_field(loc: Sequence[str | int]) -> str:
    key = str(loc[-1])
    fields = _fields_at(loc[:-1])
    message = f"unknown field {describe_value(key)}"
    close = difflib.get_close_matches(key.lower(), fields, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean {close[0]!r}?"
    return f"{message}; allowed here: {', '.join(fields)}" if fields else message


def describe(error: ErrorDetails) -> str:
    """One plain-words message for one pydantic error (the field path is added by the caller)."""
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    got = describe_value(value)
    if kind == "missing":
        return f"required field {str(loc[-1])!r} is missing"
    if kind == "extra_forbidden":
        return _unknown_field(loc)
    if kind in _SCALAR_TYPES:
        return f"expected {_SCALAR_TYPES[kind]}, got {got}"
    if kind == "finite_number":
        return f"expected a finite number, got {got}"
    if kind in _BOUNDS:
        name, words = _BOUNDS[kind]
        limit = ctx.get(name)
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"must be {words} {limit}, got {got}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        fields = ", ".join(_fields_at(loc)[:4])
        expected = f"a mapping with fields such as {fields}" if fields else "a mapping"
        return f"expected {expected}, got {got}"
    if kind == "string_too_short":
        return "is empty; write a value or remove the line"
    if kind == "string_too_long":
        return f"is too long: {len(str(value)):,} characters; the limit is {ctx.get('max_length')}"
    if kind == "too_short":
        least = ctx.get("min_length")
        items = "item" if least == 1 else "items"
        return f"needs at least {least} {items}, has {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; the limit is {ctx.get('max_length')}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG_PATTERN:
            return (
                f"{got} is not a valid id: use 1-64 lowercase letters, digits, '-' or '_',"
                " starting with a letter or digit"
            )
        if loc and loc[-1] == "language":
            return f"{got} is not a language code; use a 2- or 3-letter code such as 'en'"
        return f"{got} does not match the pattern {ctx.get('pattern')}"
    if kind == "string_unicode":
        return "contains a lone surrogate (broken Unicode escape)"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    return str(error.get("msg", kind))
