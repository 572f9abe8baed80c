"""What the store keeps: an attempt as the game hands it over, and the records read back.

Times are timezone-aware UTC ``datetime`` objects in Python and ISO 8601 text in the database
(``2025-01-31T09:15:00.000000+00:00``), fixed width so text order is time order.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from game.progress.errors import BadPlayerName

STANCE_NAMES = ("rebut", "defend")
MAX_STORED_ANSWER = 50_000
"""Longest answer text kept; the grader refuses longer ones anyway, so the rest is cut."""
MAX_PLAYER_NAME = 40

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def new_uid() -> str:
    """A random id for an attempt or round, kept when results are merged into other saves."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    """The current time in UTC (the default clock)."""
    return datetime.now(UTC)


def to_utc(when: datetime) -> datetime:
    """Return ``when`` in UTC; a naive time is a bug (its zone is unknown), so it is refused."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"time {when!r} has no timezone; pass an aware UTC datetime")
    return when.astimezone(UTC)


def iso(when: datetime) -> str:
    """Fixed-width ISO 8601 UTC text for the database."""
    return to_utc(when).isoformat(timespec="microseconds")


def storable_text(text: str) -> str:
    """Replace lone surrogates (SQLite cannot encode them, and the answer would be lost)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def clean_player_name(name: str) -> str:
    """The name as stored: NFC, single spaces, trimmed; refused when empty, too long or odd."""
    if not isinstance(name, str):
        raise BadPlayerName("a player name must be text")
    tidy = " ".join(unicodedata.normalize("NFC", storable_text(name)).split())
    if not tidy:
        raise BadPlayerName("a player name cannot be empty")
    if len(tidy) > MAX_PLAYER_NAME:
        raise BadPlayerName(f"a player name can have at most {MAX_PLAYER_NAME} characters")
    if _CONTROL.search(tidy):
        raise BadPlayerName("a player name cannot contain control characters")
    return tidy


def name_key(name: str) -> str:
    """Case-insensitive identity of a player: 'Ada' and 'ADA' are one player."""
    return clean_player_name(name).casefold()


@dataclass(frozen=True, slots=True)
class Attempt:
    """One graded answer, as the game records it (one transaction per attempt)."""

    player: str
    pack_id: str
    pack_hash: str
    """sha256 of the pack file's content, so statistics can tell pack versions apart."""
    position_id: str
    stance: str
    answer: str
    score: int
    matched_points: tuple[str, ...]
    """Ids of the rubric points the answer made."""
    seconds: float
    """Time the player took to answer."""
    round_id: int | None = None
    """The round (sitting) it belongs to; None for answers graded outside a round."""
    at: datetime = field(default_factory=utc_now)
    """When it was answered; must be timezone-aware, stored as UTC."""

    def __post_init__(self) -> None:
        if self.stance not in STANCE_NAMES:
            raise ValueError(f"stance must be 'rebut' or 'defend', not {self.stance!r}")
        if isinstance(self.score, bool) or not 0 <= self.score <= 100:
            raise ValueError(f"score must be 0..100, not {self.score!r}")
        if not self.pack_id or not self.position_id:
            raise ValueError("an attempt needs a pack id and a position id")
        if isinstance(self.matched_points, str):
            raise ValueError("matched_points is a tuple of point ids, not one string")
        object.__setattr__(self, "score", round(self.score))
        object.__setattr__(self, "matched_points", tuple(self.matched_points))
        object.__setattr__(self, "seconds", max(0.0, float(self.seconds)))
        object.__setattr__(self, "at", to_utc(self.at))


class AttemptRecord(NamedTuple):
    """An attempt read back from the store (a tuple, so 100,000 of them load quickly)."""

    id: int
    player: str
    round_id: int | None
    pack_id: str
    pack_hash: str
    position_id: str
    stance: str
    score: int
    matched_points: tuple[str, ...]
    seconds: float
    at: datetime
    answer: str | None = None
    """The answer text, only when asked for (statistics do not need it)."""


class RoundRecord(NamedTuple):
    """A round (sitting) read back from the store."""

    id: int
    player: str
    pack_id: str
    mode: str
    started_at: datetime
    finished_at: datetime | None
