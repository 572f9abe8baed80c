"""The grading entry points: ``Grader(pack).grade(...)`` and the one-off ``grade(...)``.

Grading never raises on answer text: over-long answers come back with score 0 and a
"too-long" warning, empty ones with an "empty" warning. Asking for a position or stance the
pack does not have is a usage error. A Grader is cheap to build: each position's index is
built on first use and cached; it is safe to call from several threads.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter
from collections.abc import Iterable

from game.errors import UsageError
from game.grading import messages
from game.grading.index import AnswerStats, PositionIndex
from game.grading.languages import language
from game.grading.normalise import CONTENT, Token, analyse
from game.grading.params import DEFAULT, Params
from game.grading.result import GradeWarning, PointResult, Result, Span
from game.grading.scoring import full_marks, score
from game.grading.verdict import Judgement, judge
from game.packs.model import STANCES, Pack, Position, Stance

MAX_ANSWER_CHARS = 50_000
"""Answers longer than this are refused (well above a 5,000-word paste)."""


class Grader:
    """Grades answers against one pack's positions."""

    def __init__(self, pack: Pack, params: Params = DEFAULT) -> None:
        self.pack = pack
        self.params = params
        self._indexes: dict[str, PositionIndex] = {}
        self._answers: dict[str, tuple[int, Counter[str]]] = {}
        self._lock = threading.Lock()

    def position(self, position_id: str) -> Position:
        """The position with this id, or a UsageError naming the valid ids."""
        try:
            return self.pack.position(position_id)
        except KeyError:
            valid = ", ".join(p.id for p in self.pack.positions)
            raise UsageError(
                f"pack {self.pack.id!r} has no position {position_id!r}; valid ids: {valid}"
            ) from None

    def add_answers(self, position_id: str, answers: Iterable[str]) -> None:
        """Let other answers to a position sharpen its word weights (words every answer uses
        count for less). Changes later grades of that position; deterministic for a given set.
        """
        self.position(position_id)
        count, df = self._answers.get(position_id, (0, Counter()))
        df = Counter(df)
        for answer in answers:
            tokens = analyse(answer[:MAX_ANSWER_CHARS], self.pack.language).tokens
            df.update({t.stem for t in tokens if t.flags & CONTENT})
            count += 1
        with self._lock:
            self._answers[position_id] = (count, df)
            self._indexes.pop(position_id, None)

    def index(self, position_id: str) -> PositionIndex:
        """The (cached) matching index of a position."""
        index = self._indexes.get(position_id)
        if index is not None:
            return index
        position = self.position(position_id)
        count, df = self._answers.get(position_id, (0, Counter()))
        stats = AnswerStats(count, df) if count else None
        built = PositionIndex(position, self.pack.language, self.params, stats)
        with self._lock:
            return self._indexes.setdefault(position_id, built)

    def grade(self, answer: str, position_id: str, stance: Stance) -> Result:
        """Grade one answer; never raises on the answer's text."""
        position = self.position(position_id)
        _check_stance(position, stance)
        if len(answer) > MAX_ANSWER_CHARS:
            return _refused(position, stance, messages.too_long(len(answer), MAX_ANSWER_CHARS))
        return _grade(answer, position, stance, self.index(position_id), self.pack.language)


def grade(answer: str, position: Position, stance: Stance, language: str = "en") -> Result:
    """Grade one answer against a position without keeping an index (one-off use)."""
    _check_stance(position, stance)
    if len(answer) > MAX_ANSWER_CHARS:
        return _refused(position, stance, messages.too_long(len(answer), MAX_ANSWER_CHARS))
    return _grade(answer, position, stance, PositionIndex(position, language, DEFAULT), language)


def _check_stance(position: Position, stance: str) -> None:
    if stance not in STANCES or position.stance(stance) is None:
        valid = ", ".join(position.stances)
        raise UsageError(f"position {position.id!r} has no stance {stance!r}; valid: {valid}")


def _refused(position: Position, stance: Stance, warning: GradeWarning) -> Result:
    rubric = position.stance(stance)
    assert rubric is not None
    points = tuple(
        PointResult(p.id, p.argument, p.weight, False, 0.0, explanation=p.explanation)
        for p in rubric.points
    )
    return Result(position.id, stance, 0, 0.0, full_marks(rubric), points, (warning,))


def _grade(
    answer: str, position: Position, stance: Stance, index: PositionIndex, code: str
) -> Result:
    # Grading makes thousands of short-lived objects and no reference cycles; letting the
    # cyclic collector run in the middle only promotes them and, now and then, triggers a
    # full collection of the whole (app-sized) heap: a 5-50 ms stall. Refcounting frees
    # them all as soon as grading returns.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _grade_now(answer, position, stance, index, code)
    finally:
        if enabled:
            gc.enable()


def _grade_now(
    answer: str, position: Position, stance: Stance, index: PositionIndex, code: str
) -> Result:
    rubric = position.stance(stance)
    assert rubric is not None
    analysis = analyse(answer, code)
    if not analysis.tokens:
        return _refused(position, stance, messages.empty(stance))
    judgement = judge(analysis, index, stance, language(code).has_function_words)
    points = []
    for verdict in judgement.verdicts:
        point = index.points[verdict.point].point
        spans = _spans(analysis.tokens, verdict.tokens)
        points.append(
            PointResult(
                point.id,
                point.argument,
                point.weight,
                verdict.matched,
                round(verdict.confidence, 4),
                spans,
                verdict.contradicted,
                point.explanation,
                verdict.refused,
            )
        )
    earned, value = score((p.weight for p in points if p.matched), full_marks(rubric))
    warnings = _warnings(judgement, index, stance, len(analysis.tokens))
    return Result(position.id, stance, value, earned, full_marks(rubric), tuple(points), warnings)


def _spans(tokens: tuple[Token, ...], chosen: tuple[int, ...]) -> tuple[Span, ...]:
    """One span per sentence, from the first to the last evidence word in it."""
    by_sentence: dict[int, list[int]] = {}
    for i in chosen:
        token = tokens[i]
        bounds = by_sentence.setdefault(token.sentence, [token.start, token.end])
        bounds[0] = min(bounds[0], token.start)
        bounds[1] = max(bounds[1], token.end)
    return tuple(Span(a, b) for a, b in sorted(by_sentence.values()))


def _warnings(
    judgement: Judgement, index: PositionIndex, stance: Stance, words: int
) -> tuple[GradeWarning, ...]:
    found: list[GradeWarning] = []
    if judgement.salad:
        found.append(messages.salad(stance, short=words < index.params.salad_min_tokens))
    if judgement.stuffing:
        found.append(messages.stuffing())
    if judgement.echo:
        found.append(messages.echo(stance))
    for verdict in judgement.verdicts:
        if verdict.contradicted:
            found.append(messages.contradiction(index.points[verdict.point].point.argument))
    if judgement.wrong_side:
        other = index.points[judgement.wrong_side[0]].point.argument
        found.append(messages.wrong_side(stance, other))
    if judgement.crowded:
        found.append(messages.crowded(index.params.points_per_sentence))
    return tuple(found)
