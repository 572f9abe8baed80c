"""The rubric-pack model (format version 1).

The model is the single source of truth for what a pack may contain: the loader validates
against it and ``content/pack.schema.json`` is generated from it, so the two never drift.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1
"""The newest ``pack:`` format version this game understands."""

Stance = Literal["rebut", "defend"]
STANCES: tuple[Stance, ...] = ("rebut", "defend")

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
_SLUG = re.compile(SLUG_PATTERN)

# C0 controls other than tab and newline, DEL and C1: these reach the terminal verbatim
# through Textual and Rich, so pack text must never carry them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    bad = _CONTROL.search(value)
    if bad:
        code = ord(bad.group())
        raise ValueError(
            f"contains the control character U+{code:04X} at character {bad.start() + 1};"
            " only plain text, tabs and newlines are allowed"
        )
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate (broken Unicode escape)")
    if not any(char.isalnum() for char in value):
        # "~" is YAML's null, but packs read it as text; an empty phrase would match anything.
        if value.strip() == "~":
            raise ValueError("is empty (~); remove the line or write a value")
        raise ValueError("has no letters or digits")
    return unicodedata.normalize("NFC", value)


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"{value[:70]!r} is not a valid id: use 1-64 lowercase letters, digits, '-' or '_',"
            " starting with a letter or digit"
        )
    return value


Slug = Annotated[
    str,
    Field(pattern=SLUG_PATTERN, description="Lowercase slug: letters, digits, '-' or '_'."),
    AfterValidator(_check_slug),
]
ShortText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_check_text)]
Sentence = Annotated[str, Field(min_length=1, max_length=600), AfterValidator(_check_text)]
Paragraph = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_check_text)]
Example = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_check_text)]

_STRICT = ConfigDict(
    extra="forbid", frozen=True, str_strip_whitespace=False, use_attribute_docstrings=True
)


class Source(BaseModel):
    """Where the positions of a pack come from, for attribution."""

    model_config = _STRICT

    title: ShortText | None = None
    """Title of the source text as published."""
    author: ShortText | None = None
    """Author(s) as published."""
    outlet: ShortText | None = None
    """Publication or outlet."""
    date: ShortText | None = Field(
        default=None, description="Publication date, preferably YYYY-MM-DD."
    )
    """Publication date as written by the author (kept as text)."""
    url: ShortText | None = None
    """Where the source can be read."""


class Examples(BaseModel):
    """Self-tests for a point, run by ``counterpoint test-pack``."""

    model_config = _STRICT

    match: list[Example] = Field(default_factory=list, max_length=50)
    """Answers that must be credited with this point."""
    miss: list[Example] = Field(default_factory=list, max_length=50)
    """Near misses that must not be credited with this point."""


class Point(BaseModel):
    """One argument a strong answer makes, with the wordings players use for it."""

    model_config = _STRICT

    id: Slug
    """Slug, unique within the position; progress is keyed by it."""
    argument: Sentence
    """The point in one clear sentence; always used for matching."""
    phrases: list[Sentence] = Field(default_factory=list, max_length=50)
    """Other ways players say it; each is matched fuzzily."""
    weight: float = Field(default=1.0, gt=0, le=10, allow_inf_nan=False)
    """How much the point counts towards the score."""
    explanation: Paragraph | None = None
    """Shown after an answer: teaches the point."""
    examples: Examples | None = None
    """Answers that must and must not match, for ``test-pack``."""


class StanceRubric(BaseModel):
    """The points a strong answer for one stance makes."""

    model_config = _STRICT

    points: list[Point] = Field(min_length=1, max_length=50)
    """The rubric points; at least one."""
    full_marks: float | None = Field(default=None, gt=0, le=500, allow_inf_nan=False)
    """Total weight that earns 100; by default about three good points' worth."""


class Position(BaseModel):
    """One claim of the source text, to be rebutted or defended."""

    model_config = ConfigDict(
        **_STRICT,
        # Lets editors flag a position without a stance, as _needs_a_stance does.
        json_schema_extra={"anyOf": [{"required": ["rebut"]}, {"required": ["defend"]}]},
    )

    id: Slug
    """Slug, unique in the pack."""
    claim: Sentence
    """The position in the pack author's own words."""
    quote: Sentence | None = None
    """A short quote from the source, attributed through the pack's ``source``."""
    context: Paragraph | None = None
    """Background shown on request."""
    rebut: StanceRubric | None = None
    """Counterarguments: how to argue that the claim is wrong."""
    defend: StanceRubric | None = None
    """Supporting arguments: how to argue that the claim is right."""

    @model_validator(mode="after")
    def _needs_a_stance(self) -> Position:
        # Custom error types let the loader recognise these checks (it reports them itself,
        # with exact lines, even when other fields of the position are invalid too).
        if self.rebut is None and self.defend is None:
            raise PydanticCustomError(
                "no_stance", "a position needs at least one stance: 'rebut' or 'defend'"
            )
        seen: set[str] = set()
        for stance in STANCES:
            rubric = self.stance(stance)
            for point in rubric.points if rubric else ():
                if point.id in seen:
                    raise PydanticCustomError(
                        "duplicate_id",
                        "point id '{id}' is used twice in this position",
                        {"id": point.id},
                    )
                seen.add(point.id)
        return self

    def stance(self, stance: Stance) -> StanceRubric | None:
        """Return the rubric for ``stance``, or None when the position leaves it out."""
        return self.rebut if stance == "rebut" else self.defend

    @property
    def stances(self) -> tuple[Stance, ...]:
        """The stances this position can be played in."""
        return tuple(s for s in STANCES if self.stance(s) is not None)


class Pack(BaseModel):
    """A rubric pack: the positions of one source text and how to argue each."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"title": "Counterpoint rubric pack"},
        use_attribute_docstrings=True,
    )

    pack: int = Field(
        ge=1,
        description="Format version of this file; this game reads version 1.",
        json_schema_extra={"maximum": FORMAT_VERSION},
    )
    """Format version; newer versions than FORMAT_VERSION are refused."""
    id: Slug
    """Slug, unique among loaded packs; saves are keyed by it."""
    title: ShortText
    """Shown in the pack list."""
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] = Field(
        default="en", description="ISO 639-1 code; drives stemming and stop words."
    )
    """ISO 639-1 language code of the pack's text."""
    description: Paragraph | None = None
    """A few sentences shown when the pack is chosen."""
    license: ShortText | None = None
    """Licence of the rubric text."""
    source: Source | None = None
    """Where the positions come from."""
    positions: list[Position] = Field(min_length=1, max_length=2000)
    """The positions to rebut or defend."""

    @model_validator(mode="after")
    def _check_pack(self) -> Pack:
        if self.pack > FORMAT_VERSION:
            raise PydanticCustomError(
                "pack_too_new",
                "this pack uses format version {version}, but this game reads up to version"
                " {known}; update Counterpoint",
                {"version": self.pack, "known": FORMAT_VERSION},
            )
        seen: set[str] = set()
        for position in self.positions:
            if position.id in seen:
                raise PydanticCustomError(
                    "duplicate_id", "position id '{id}' is used twice", {"id": position.id}
                )
            seen.add(position.id)
        return self

    def position(self, position_id: str) -> Position:
        """Return the position with this id.

        Raises:
            KeyError: no position has that id.
        """
        for position in self.positions:
            if position.id == position_id:
                return position
        raise KeyError(position_id)
