"""Learning from play: saved answers the rubric under-credits, for ``counterpoint mine``.

Pure: saved attempts and a grader in, a report out. Every answer is graded again with the pack
as it is now (the saved score may come from an older version of the pack), and two things are
collected per position and stance:

- **Candidates**: answers that score ``low_score`` or less now, yet are long (``min_words``
  words or more) and on topic (``min_topic_words`` or more distinct words, and a quarter or
  more of their words, come from the position's claim, context, arguments and phrases). A
  serious answer the rubric does not reward makes a point the rubric lacks, or says a known
  point in words no phrase covers.
- **Near misses**: points whose confidence came close to the match line (0.5) without
  reaching it, and were not refused by a guard (echo, salad, contradiction...). The answer
  sentence that came closest is the natural phrase to add.

A low-scoring answer that the other stance's rubric rewards (it scores above ``low_score``
there, and more than here) argues the other side: the player rebutted when asked to defend,
or the other way round. Its sentences belong to the other stance, so such a candidate is
marked and offered nothing to paste, and its near misses are not counted.

The grader is passed in, typed by the protocols below, so this module needs nothing from the
grading package. Words are compared by a crude, language-neutral key (the first five letters
of words of four letters or more, minus a few dozen very common ones in English, Spanish and
French), good enough to tell "on topic" from "off topic".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from game.packs.model import STANCES, Pack, Position, Stance
from game.progress.models import AttemptRecord

MATCH_LINE = 0.5
"""The confidence at which the grader credits a point (its documented calibration)."""
MAX_PHRASE_CHARS = 200
"""Longest answer sentence offered as a phrase; longer ones are cut at a word."""


class SpanLike(Protocol):
    """A stretch of the answer (``game.grading.result.Span``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class VerdictLike(Protocol):
    """The verdict on one point (``game.grading.result.PointResult``)."""

    @property
    def point_id(self) -> str: ...
    @property
    def matched(self) -> bool: ...
    @property
    def confidence(self) -> float: ...
    @property
    def evidence(self) -> Sequence[SpanLike]: ...
    @property
    def contradicted(self) -> bool: ...
    @property
    def refused(self) -> str | None: ...


class ResultLike(Protocol):
    """A graded answer (``game.grading.result.Result``)."""

    @property
    def score(self) -> int: ...
    @property
    def points(self) -> Sequence[VerdictLike]: ...


class GraderLike(Protocol):
    """What mining needs of ``game.grading.grader.Grader``."""

    @property
    def pack(self) -> Pack: ...
    def grade(self, answer: str, position_id: str, stance: Stance) -> ResultLike: ...


@dataclass(frozen=True)
class Settings:
    """The thresholds of ``mine``; the defaults suit a class set of answers."""

    low_score: int = 40
    min_words: int = 20
    min_topic_words: int = 3
    min_topic_share: float = 0.25
    """...and at least this share of the answer's words are the position's words."""
    near: float = 0.3
    """Least confidence of a near miss (below the match line)."""
    limit: int = 5
    """Most candidates per position and stance, and most sentences per near-missed point."""
    max_answers: int = 5000
    """Only the most recent answers this many are graded again (grading costs time)."""


@dataclass(frozen=True)
class Candidate:
    """A long, on-topic answer that scores low with the pack as it is now."""

    attempt_id: int
    player: str
    at: datetime
    saved_score: int
    score: int
    words: int
    topic_words: int
    answer: str
    nearest_point: str | None
    """The point the answer came closest to (None when no point is near)."""
    nearest_confidence: float
    sentence: str
    """The part of the answer to offer as a phrase of the nearest point: its evidence ("" when
    no point is near)."""
    topical: str
    """The answer's sentence with the most words of the position: a phrase for a new point."""
    other_side_score: int | None = None
    """What the answer scores as the other stance, when it argues that side (else None)."""


@dataclass(frozen=True)
class Group:
    """The candidates of one position and stance, most promising first."""

    position_id: str
    stance: Stance
    candidates: tuple[Candidate, ...]
    total: int
    """How many there were before ``limit`` cut the list."""


@dataclass(frozen=True)
class NearMiss:
    """A point answers almost made, with the sentences that came closest."""

    position_id: str
    stance: Stance
    point_id: str
    answers: int
    mean_confidence: float
    sentences: tuple[tuple[str, int], ...]
    """(sentence, how many answers had it), most frequent first."""


@dataclass(frozen=True)
class Report:
    """What ``mine`` found in one pack's saved answers."""

    pack_id: str
    answers: int
    """Distinct saved answers graded again."""
    skipped: int
    """Saved answers to positions or stances the pack no longer has."""
    groups: tuple[Group, ...]
    near_misses: tuple[NearMiss, ...]
    settings: Settings = field(default_factory=Settings)


def mine(
    history: Iterable[AttemptRecord], grader: GraderLike, settings: Settings = Settings()
) -> Report:
    """Grade the pack's saved answers again and collect candidates and near misses."""
    pack = grader.pack
    positions = {p.id: p for p in pack.positions}
    skipped = 0
    latest: dict[tuple[str, str, str], AttemptRecord] = {}
    for record in history:
        if record.pack_id != pack.id or not record.answer or not record.answer.strip():
            continue
        position = positions.get(record.position_id)
        if position is None or record.stance not in position.stances:
            skipped += 1
            continue
        key = (record.position_id, record.stance, " ".join(record.answer.casefold().split()))
        latest.pop(key, None)  # keep the newest copy of a repeated answer, in time order
        latest[key] = record
    records = list(latest.values())[-max(settings.max_answers, 0) :]
    topics = {pid: _words(_position_text(p)) for pid, p in positions.items()}
    found: dict[tuple[str, str], list[Candidate]] = {}
    near: dict[tuple[str, str, str], list[tuple[float, str]]] = {}
    for record in records:
        answer = record.answer or ""
        stance: Stance = "rebut" if record.stance == "rebut" else "defend"
        result = grader.grade(answer, record.position_id, stance)
        other = None
        if result.score <= settings.low_score:
            position = positions[record.position_id]
            other = _other_side_score(grader, position, answer, stance, result, settings.low_score)
        sentences = _sentences(answer)
        for verdict in result.points if other is None else ():
            if _is_near(verdict, settings.near):
                sentence = _evidence_sentence(sentences, verdict.evidence)
                if sentence:
                    slot = near.setdefault((record.position_id, stance, verdict.point_id), [])
                    slot.append((verdict.confidence, sentence))
        words = len(answer.split())
        own = _words(answer)
        topic = len(own & topics[record.position_id])
        if result.score > settings.low_score or words < settings.min_words:
            continue
        if topic < settings.min_topic_words or topic < settings.min_topic_share * len(own):
            continue
        candidate = _candidate(record, result, answer, sentences, words, topic, topics, other)
        found.setdefault((record.position_id, stance), []).append(candidate)
    return Report(
        pack.id,
        len(records),
        skipped,
        _groups(pack, found, settings.limit),
        _near_misses(near, settings.limit),
        settings,
    )


def _other_side_score(
    grader: GraderLike,
    position: Position,
    answer: str,
    stance: Stance,
    result: ResultLike,
    low_score: int,
) -> int | None:
    """The answer's score as the other stance when it argues that side: above ``low_score``
    and above its own score (else None)."""
    other: Stance = "defend" if stance == "rebut" else "rebut"
    if other not in position.stances:
        return None
    score = grader.grade(answer, position.id, other).score
    return score if score > max(low_score, result.score) else None


def _is_near(verdict: VerdictLike, floor: float) -> bool:
    return (
        not verdict.matched
        and not verdict.contradicted
        and verdict.refused is None
        and floor <= verdict.confidence < MATCH_LINE
    )


def _candidate(
    record: AttemptRecord,
    result: ResultLike,
    answer: str,
    sentences: list[tuple[int, int, str]],
    words: int,
    topic: int,
    topics: dict[str, frozenset[str]],
    other_side_score: int | None = None,
) -> Candidate:
    open_points = [v for v in result.points if not v.matched and not v.contradicted]
    best = max(open_points, key=lambda v: v.confidence, default=None)
    sentence = ""
    if best is not None and best.evidence:
        sentence = _evidence_sentence(sentences, best.evidence)
    vocabulary = topics[record.position_id]
    richest = max(sentences, key=lambda s: len(_words(s[2]) & vocabulary), default=None)
    topical = _as_phrase(richest[2]) if richest else ""
    return Candidate(
        record.id,
        record.player,
        record.at,
        record.score,
        result.score,
        words,
        topic,
        answer,
        best.point_id if best is not None and best.confidence > 0 else None,
        best.confidence if best is not None else 0.0,
        sentence,
        topical,
        other_side_score,
    )


def _groups(
    pack: Pack, found: dict[tuple[str, str], list[Candidate]], limit: int
) -> tuple[Group, ...]:
    groups: list[Group] = []
    for position in pack.positions:
        for stance in STANCES:
            items = found.get((position.id, stance), [])
            if not items:
                continue
            items.sort(
                key=lambda c: (
                    c.other_side_score is not None,  # answers arguing the other side last
                    -c.topic_words,
                    -c.nearest_confidence,
                    -c.at.timestamp(),
                )
            )
            groups.append(Group(position.id, stance, tuple(items[: max(limit, 0)]), len(items)))
    return tuple(groups)


def _near_misses(
    near: dict[tuple[str, str, str], list[tuple[float, str]]], limit: int
) -> tuple[NearMiss, ...]:
    out: list[NearMiss] = []
    for (position_id, stance, point_id), hits in near.items():
        counts: dict[str, int] = {}
        shown: dict[str, str] = {}
        for _, sentence in sorted(hits, key=lambda h: -h[0]):
            key = " ".join(sentence.casefold().split())
            counts[key] = counts.get(key, 0) + 1
            shown.setdefault(key, sentence)
        ranked = sorted(counts, key=lambda k: -counts[k])[: max(limit, 0)]
        mean = sum(c for c, _ in hits) / len(hits)
        side: Stance = "rebut" if stance == "rebut" else "defend"
        out.append(
            NearMiss(
                position_id,
                side,
                point_id,
                len(hits),
                round(mean, 4),
                tuple((shown[k], counts[k]) for k in ranked),
            )
        )
    out.sort(key=lambda n: (-n.answers, -n.mean_confidence, n.position_id, n.point_id))
    return tuple(out)


# ----------------------------------------------------------------------- text helpers
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset(
    word[:5]
    for word in """that this with from have they their there would could should about what
    which when were been because also than them these those into more most some such only
    other very just your will does make made many much even like being para como pero porque
    este esta estos estas todo todos toda todas cuando donde sobre entre tiene tienen hace
    hacen puede pueden también muchos mucho dans pour avec sont mais plus tout tous cette
    comme leur leurs être avoir fait""".split()
)
_CLAUSE = re.compile(r"[,;:()—–]")
_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+|\n+")
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ud800-\udfff\ufeff]"
)


def _words(text: str) -> frozenset[str]:
    """Crude word keys: the first five letters of each word of four letters or more."""
    return frozenset(w[:5] for w in _WORD.findall(text.casefold())) - _COMMON


def _position_text(position: Position) -> str:
    parts = [position.claim, position.quote or "", position.context or ""]
    for stance in STANCES:
        rubric = position.stance(stance)
        for point in rubric.points if rubric else ():
            parts.append(point.argument)
            parts.extend(point.phrases)
    return "\n".join(parts)


def _sentences(answer: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence of the answer."""
    out: list[tuple[int, int, str]] = []
    start = 0
    for cut in _SENTENCE_END.finditer(answer):
        if answer[start : cut.start()].strip():
            out.append((start, cut.start(), answer[start : cut.start()]))
        start = cut.end()
    if answer[start:].strip():
        out.append((start, len(answer), answer[start:]))
    return out


def _evidence_sentence(sentences: list[tuple[int, int, str]], evidence: Sequence[SpanLike]) -> str:
    """The part of the answer around the evidence, as a phrase ("" when there is none).

    That is the sentence holding the first evidence span, narrowed to the clauses (between
    commas, semicolons, colons, dashes) that hold evidence when that leaves four words or more.
    """
    if not evidence:
        return ""
    first = min(span.start for span in evidence)
    for start, end, text in sentences:
        if start <= first < end:
            inside = [sp for sp in evidence if start <= sp.start < end]
            left = min(sp.start for sp in inside) - start
            right = max(min(sp.end, end) for sp in inside) - start
            cuts = [m.start() for m in _CLAUSE.finditer(text)]
            lo = max((c + 1 for c in cuts if c < left), default=0)
            hi = min((c for c in cuts if c >= right), default=len(text))
            clause = text[lo:hi]
            return _as_phrase(clause if len(clause.split()) >= 4 else text)
    return ""


def _as_phrase(text: str) -> str:
    """A sentence made fit for a pack's ``phrases``: one line, no controls, not too long."""
    flat = " ".join(_UNSAFE.sub("", text).split()).strip("\"'“”‘’«» ")
    if len(flat) > MAX_PHRASE_CHARS:
        clause = max(flat.rfind(mark, 0, MAX_PHRASE_CHARS) for mark in ",;:")
        cut = clause if clause > MAX_PHRASE_CHARS // 2 else flat.rfind(" ", 0, MAX_PHRASE_CHARS)
        flat = flat[: cut if cut > 0 else MAX_PHRASE_CHARS]
    return flat if any(char.isalnum() for char in flat) else ""
