"""Handing out credit once the guards have spoken: which candidate matches become points.

Each point is credited once, from its best window; a sentence makes at most
``points_per_sentence`` points; and a word of the answer is evidence for one point only. A
clear match (similarity ``clear_match`` or more) owns its words: a point whose own words are
all among them is not credited (it adds nothing the clear match did not say, whichever of the
two matched better), and any other point resting partly on them must reach the threshold
with the words left to it. Without this one sentence ("more missile tests", "Seoul and
Tokyo") would pick up every point whose wording shares a word or two with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.grading.index import PositionIndex
from game.grading.matcher import Hit
from game.grading.normalise import Analysis


@dataclass(frozen=True)
class Candidate:
    """A clean match of one of the stance's points in one window, over the threshold."""

    sim: float
    point: int
    window: int
    hit: Hit


@dataclass(frozen=True)
class Credit:
    """What the candidates earned."""

    credited: dict[int, tuple[float, tuple[int, ...]]]
    """Point -> (similarity, evidence tokens)."""
    crowded: frozenset[int]
    """Points left out only by the per-sentence cap."""
    taken: frozenset[int]
    """Points left out because a clear match had already used their words."""


def credit(candidates: list[Candidate], analysis: Analysis, index: PositionIndex) -> Credit:
    """Greedy, best first, after dropping candidates dominated by a clear match."""
    p = index.params
    kept = _undominated(candidates, index)
    used: dict[int, int] = {}
    taken: set[int] = set()
    credited: dict[int, tuple[float, tuple[int, ...]]] = {}
    crowded: set[int] = set()
    for c in sorted(kept, key=lambda c: (-c.sim, c.point, c.window)):
        if c.point in credited:
            continue
        sim, tokens = c.sim, c.hit.tokens
        if taken.intersection(tokens):
            sim, tokens = _fresh(c.hit, taken, index)
            if sim < p.threshold:
                continue
        sentences = {analysis.tokens[i].sentence for i in tokens}
        if any(used.get(s, 0) >= p.points_per_sentence for s in sentences):
            crowded.add(c.point)
            continue
        for s in sentences:
            used[s] = used.get(s, 0) + 1
        if sim >= p.clear_match:
            taken.update(_claimed(c.hit, taken, tokens, index))
        credited[c.point] = (sim, tokens)
    left_out = {c.point for c in candidates} - set(credited)
    return Credit(credited, frozenset(crowded - set(credited)), frozenset(left_out - crowded))


def _own_tokens(hit: Hit, index: PositionIndex) -> frozenset[int]:
    where = hit.where
    return frozenset(
        i for s in hit.stems if s in where and s not in index.borrowed for i in where[s]
    )


def _undominated(candidates: list[Candidate], index: PositionIndex) -> list[Candidate]:
    """Drop a candidate whose own evidence words are all evidence of a clear match of
    another point that has more of them (or as many, and matched better)."""
    clear = index.params.clear_match
    own = [_own_tokens(c.hit, index) for c in candidates]
    by_token: dict[int, list[int]] = {}  # token -> clear candidates using it
    for b, c in enumerate(candidates):
        if c.sim >= clear:
            for i in own[b]:
                by_token.setdefault(i, []).append(b)
    kept = []
    for a, c in enumerate(candidates):
        rivals = by_token.get(min(own[a]), ()) if own[a] else ()
        dominated = any(
            b != a
            and candidates[b].point != c.point
            and own[a] <= own[b]
            and (own[a] < own[b] or (candidates[b].sim, -candidates[b].point) > (c.sim, -c.point))
            for b in rivals
        )
        if not dominated:
            kept.append(c)
    return kept


def _claimed(hit: Hit, taken: set[int], tokens: tuple[int, ...], index: PositionIndex) -> list[int]:
    """The tokens a clear match takes: per matched stem of its own (the claim's words and
    modals are everyone's), as many places as its wording uses the stem (usually one:
    "missile tests ... a halt to testing" leaves one for another point)."""
    repeats = index.phrasings[hit.phrasing].repeats
    chosen = set(tokens)
    out: list[int] = []
    for stem in hit.stems:
        if stem in index.borrowed:
            continue
        places = [i for i in hit.where.get(stem, ()) if i in chosen and i not in taken]
        out.extend(places[: repeats.get(stem, 1)])
    return out


def _fresh(hit: Hit, taken: set[int], index: PositionIndex) -> tuple[float, tuple[int, ...]]:
    """A hit's similarity and evidence counting only words not taken: the cosine's
    numerator and the coverage shrink with the words lost, and the wording's own words must
    still number ``need`` (with its key word among them when it has one)."""
    phrasing = index.phrasings[hit.phrasing]
    where, credits = hit.where, hit.credit or {}
    weights = phrasing.weights
    dot = got = fresh_dot = fresh_got = 0.0
    own = 0
    tokens: list[int] = []
    key_left = phrasing.key is None
    for stem in phrasing.stems:
        places = where.get(stem)
        if not places:
            continue
        value = weights[stem] * credits.get(stem, 1.0)
        dot += weights[stem] * value
        got += value
        fresh = [i for i in places if i not in taken]
        if fresh:
            fresh_dot += weights[stem] * value
            fresh_got += value
            own += stem not in index.borrowed
            key_left = key_left or stem == phrasing.key
            tokens.extend(fresh)
    if own < phrasing.need or not key_left or not dot or not got:
        return 0.0, ()
    floor = index.params.coverage_floor
    coverage = hit.coverage * fresh_got / got
    scale = (fresh_dot / dot) * min(coverage, floor) / min(hit.coverage, floor)
    return hit.sim * scale, tuple(sorted(tokens))
