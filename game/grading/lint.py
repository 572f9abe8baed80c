"""Rubric linting: what makes a pack grade badly, found before players meet it.

Pure checks over a pack and the grader (nothing is printed or read here):
- a point with too few phrases is missed when players word it differently;
- a wording so short or generic that it lights up on the examples of other points (and of
  other positions) would credit almost any answer;
- two points whose examples make each other are hard to tell apart (and an example that
  makes a point of the other side gets the wrong-side refusal);
- words that every point of a position uses carry almost no weight (the claim's and quote's
  words are left out: they are discounted as the topic anyway);
- a stance whose full marks are out of reach: ``full_marks`` above the total weight, or
  above what the points that can be credited at all add up to (a point none of whose own
  wordings earns it, e.g. one that only restates the claim, can never be credited; the
  two-points-per-sentence cap only means a strong answer needs several sentences).
Also each point's precision and recall on the pack's examples.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from game.grading.grader import Grader
from game.grading.matcher import match
from game.grading.normalise import CONTENT, Analysis, analyse
from game.grading.result import Result
from game.grading.scoring import full_marks
from game.packs.model import Pack, Point, Position, Stance

MIN_PHRASES = 3
"""Fewer phrases than this draw a warning."""
GENERIC_SHARE = 0.2
"""A wording matching more than this share of other points' examples is too generic..."""
MIN_POOL = 5
"""...when there are at least this many such examples to measure it on."""
_QUOTE = 70  # characters of an example or wording quoted in a message

_Grade = Callable[[str, str, Stance], Result]


@dataclass(frozen=True)
class Finding:
    """One lint warning."""

    rule: str
    """``few-phrases``, ``generic``, ``overlap``, ``shared-words`` or ``unreachable``."""
    where: str
    """``position``, ``position stance`` or ``position stance point``."""
    message: str


@dataclass(frozen=True)
class Stray:
    """An example credited with a point it was not written for."""

    point: str
    """Id of the point the example was written for (the same point for its own near miss)."""
    kind: str
    """``match`` or ``miss``."""
    text: str


@dataclass
class PointStats:
    """How a point does on the pack's examples of its position and stance."""

    where: str
    true_pos: int = 0
    false_neg: int = 0
    false_pos: int = 0
    strays: list[Stray] = field(default_factory=list)
    """The examples behind ``false_pos``: what brings its precision below 100%."""

    @property
    def recall(self) -> float | None:
        """Share of its ``match`` examples that are credited with it."""
        total = self.true_pos + self.false_neg
        return self.true_pos / total if total else None

    @property
    def precision(self) -> float | None:
        """Share of the examples credited with it that are its ``match`` examples (the
        others: its ``miss`` examples and the other points' ``match`` examples)."""
        total = self.true_pos + self.false_pos
        return self.true_pos / total if total else None


@dataclass(frozen=True)
class LintReport:
    """Everything ``lint`` found."""

    findings: tuple[Finding, ...]
    stats: tuple[PointStats, ...]


@dataclass(frozen=True)
class _Example:
    position: str
    stance: Stance
    point: str
    kind: str  # "match" or "miss"
    text: str


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= _QUOTE else text[: _QUOTE - 3] + "..."}"'


def _examples(pack: Pack) -> list[_Example]:
    out: list[_Example] = []
    for position in pack.positions:
        for stance in position.stances:
            rubric = position.stance(stance)
            assert rubric is not None
            for point in rubric.points:
                if point.examples is None:
                    continue
                for kind, texts in (("match", point.examples.match), ("miss", point.examples.miss)):
                    out.extend(_Example(position.id, stance, point.id, kind, t) for t in texts)
    return out


def lint(pack: Pack, grader: Grader | None = None) -> LintReport:
    """Lint every position of ``pack``; ``grader`` (for ``pack``) may be shared to reuse
    its indexes."""
    grader = grader or Grader(pack)
    examples = _examples(pack)
    graded: dict[tuple[str, str, Stance], Result] = {}
    # Overlaps are looked for with words shared freely between points: the real grader gives
    # a word to one point only, which hides how alike two wordings are.
    sharing = Grader(pack, replace(grader.params, clear_match=math.inf))

    def grade(text: str, position: str, stance: Stance) -> Result:
        key = (text, position, stance)
        if key not in graded:
            graded[key] = grader.grade(text, position, stance)
        return graded[key]

    def shared(text: str, position: str, stance: Stance) -> Result:
        return sharing.grade(text, position, stance)

    findings: list[Finding] = []
    findings += _few_phrases(pack)
    findings += _generic(pack, grader, examples)
    findings += _overlaps(pack, examples, shared)
    findings += _shared_words(pack)
    findings += _unreachable(pack, grade)
    return LintReport(tuple(findings), tuple(_stats(pack, examples, grade)))


def _rubric_points(position: Position, stance: Stance) -> list[Point]:
    rubric = position.stance(stance)
    return list(rubric.points) if rubric is not None else []


def _points(pack: Pack) -> list[tuple[str, Stance, Point]]:
    return [
        (position.id, stance, point)
        for position in pack.positions
        for stance in position.stances
        for point in _rubric_points(position, stance)
    ]


def _few_phrases(pack: Pack) -> list[Finding]:
    out = []
    for position, stance, point in _points(pack):
        count = len(point.phrases)
        if count < MIN_PHRASES:
            out.append(
                Finding(
                    "few-phrases",
                    f"{position} {stance} {point.id}",
                    f"{count} phrase{'' if count == 1 else 's'}; write at least {MIN_PHRASES}"
                    " ways players put this point, or answers worded differently will miss it",
                )
            )
    return out


def _generic(pack: Pack, grader: Grader, examples: list[_Example]) -> list[Finding]:
    """Wordings that match too many examples written for other points."""
    analyses: dict[str, Analysis] = {}
    for example in examples:
        if example.text not in analyses:
            analyses[example.text] = analyse(example.text, pack.language)
    out = []
    for position in pack.positions:
        index = grader.index(position.id)
        threshold = index.params.threshold
        sims: dict[str, dict[int, float]] = {}
        for text, analysis in analyses.items():
            found: dict[int, float] = {}
            match(analysis, index, False, found)
            sims[text] = found
        for number, phrasing in enumerate(index.phrasings):
            entry = index.points[phrasing.point]
            pool = [
                e
                for e in examples
                if (e.position, e.point) != (position.id, entry.point.id)
                and (e.position != position.id or e.kind == "match")
            ]
            if len(pool) < MIN_POOL:
                continue
            hits = [e for e in pool if sims[e.text].get(number, 0.0) >= threshold]
            share = len(hits) / len(pool)
            if share > GENERIC_SHARE:
                first = entry.phrasings.index(number)
                text = entry.point.argument if first == 0 else entry.point.phrases[first - 1]
                label = "argument" if first == 0 else "phrase"
                out.append(
                    Finding(
                        "generic",
                        f"{position.id} {entry.stance} {entry.point.id}",
                        f"{label} {_quote(text)} matches {share:.0%} of other points' examples"
                        f" ({len(hits)} of {len(pool)}), e.g. {_quote(hits[0].text)}; it is"
                        " too short or too general: say what only this point says",
                    )
                )
    return out


def _overlaps(pack: Pack, examples: list[_Example], grade: _Grade) -> list[Finding]:
    """Pairs of points each of which is credited on the other's ``match`` examples (one way
    only is normal: a rich answer makes several points)."""
    made: dict[tuple[str, str, str], list[str]] = defaultdict(list)  # (pos, a, b) -> examples
    sides: dict[tuple[str, str], Stance] = {}
    for example in examples:
        sides[(example.position, example.point)] = example.stance
        if example.kind != "match":
            continue
        for stance in pack.position(example.position).stances:
            for point in grade(example.text, example.position, stance).matched:
                if point.point_id != example.point:
                    made[(example.position, example.point, point.point_id)].append(example.text)
    out = []
    for (position_id, a, b), texts in made.items():
        back = made.get((position_id, b, a))
        if not back or a > b:
            continue
        message = (
            f"points {a} and {b} overlap: {a}'s example {_quote(texts[0])} also makes {b},"
            f" and {b}'s example {_quote(back[0])} also makes {a}"
        )
        if sides.get((position_id, a)) != sides.get((position_id, b)):
            message += "; they are on opposite sides, so such answers may be refused as"
            message += " arguing the wrong side"
        out.append(Finding("overlap", position_id, message + "; make their wordings distinct"))
    return out


def _content_words(text: str, code: str) -> dict[str, str]:
    """Stem -> the first word with that stem."""
    out: dict[str, str] = {}
    for token in analyse(text, code).tokens:
        if token.flags & CONTENT:
            out.setdefault(token.stem, token.word)
    return out


def _shared_words(pack: Pack) -> list[Finding]:
    """Words every point of a position uses, leaving out the claim's and the quote's: those
    already count a fifth as the topic's own, so a warning about them would only be noise."""
    out = []
    for position in pack.positions:
        points = [p for stance in position.stances for p in _rubric_points(position, stance)]
        if len(points) < 3:
            continue
        topic = _content_words(f"{position.claim}\n{position.quote or ''}", pack.language)
        shared: dict[str, str] | None = None
        for point in points:
            words: dict[str, str] = {}
            for text in (point.argument, *point.phrases):
                for stem, word in _content_words(text, pack.language).items():
                    words.setdefault(stem, word)
            shared = words if shared is None else {s: w for s, w in shared.items() if s in words}
        shared = {s: w for s, w in (shared or {}).items() if s not in topic}
        if shared:
            listed = ", ".join(f'"{w}"' for w in sorted(shared.values()))
            out.append(
                Finding(
                    "shared-words",
                    position.id,
                    f"every point uses {listed}: such words count for almost nothing in"
                    " matching, so no point should rest on them",
                )
            )
    return out


def _unreachable(pack: Pack, grade: _Grade) -> list[Finding]:
    out = []
    for position in pack.positions:
        for stance in position.stances:
            rubric = position.stance(stance)
            assert rubric is not None
            marks = full_marks(rubric)
            total = sum(p.weight for p in rubric.points)
            where = f"{position.id} {stance}"
            if rubric.full_marks is not None and rubric.full_marks > total:
                out.append(
                    Finding(
                        "unreachable",
                        where,
                        f"full_marks is {rubric.full_marks:g} but the points' weights add up"
                        f" to {total:g}: no answer can score 100",
                    )
                )
                continue
            stuck = []
            for point in rubric.points:
                results = [grade(t, position.id, stance) for t in (point.argument, *point.phrases)]
                if not any(_credited(r, point.id) for r in results):
                    reasons = {
                        p.refused for r in results for p in r.points if p.point_id == point.id
                    }
                    why = ", ".join(sorted(r for r in reasons if r)) or "below the match line"
                    stuck.append((point, why))
            creditable = total - sum(p.weight for p, _ in stuck)
            if stuck and creditable < marks:
                names = "; ".join(f"{p.id} ({why})" for p, why in stuck)
                out.append(
                    Finding(
                        "unreachable",
                        where,
                        f"full marks are {marks:g} but only {creditable:g} can be earned: none"
                        f" of these points' own wordings is credited with it: {names}",
                    )
                )
    return out


def _credited(result: Result, point_id: str) -> bool:
    return any(p.point_id == point_id and p.matched for p in result.points)


def _stats(pack: Pack, examples: list[_Example], grade: _Grade) -> list[PointStats]:
    stats: dict[tuple[str, str], PointStats] = {}
    for position, stance, point in _points(pack):
        stats[(position, point.id)] = PointStats(f"{position} {stance} {point.id}")
    for example in examples:
        result = grade(example.text, example.position, example.stance)
        credited = {p.point_id for p in result.matched}
        own = stats[(example.position, example.point)]
        if example.kind == "match":
            if example.point in credited:
                own.true_pos += 1
            else:
                own.false_neg += 1
        for point_id in credited:
            if (point_id == example.point) == (example.kind == "miss"):
                # Its own near miss, or another point's answer, credited with it.
                other = stats[(example.position, point_id)]
                other.false_pos += 1
                other.strays.append(Stray(example.point, example.kind, example.text))
    return list(stats.values())
