"""Match the windows of an answer against every phrasing of every point of a position.

A window is a sentence (long ones are cut into overlapping stretches of words) or two
neighbouring sentences. Within a window, a phrasing's similarity blends *coverage* (the
weighted share of the phrasing's stems the window contains: "how much of the point did you
state") with the *cosine* of the two weight vectors (which penalises windows that are mostly
about something else). Each window also records what guards need: whether it is a list of words
rather than a sentence, whether it only restates the claim, and the polarity of each match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.grading.index import PositionIndex
from game.grading.normalise import CONTENT, FUNCTION, Analysis

_PAIR_FACTOR = 0.95  # two-sentence windows are slightly less convincing than one
_BELOW = 0.99  # a similarity capped just under the threshold


@dataclass(frozen=True, slots=True)
class Hit:
    """The best phrasing of one point in one window."""

    point: int
    sim: float
    window: int
    tokens: tuple[int, ...]
    """Indices of the answer tokens that matched the phrasing."""
    contradicted: bool
    """The window states the matched words with the opposite polarity."""
    distinct: int
    """How many of the phrasing's stems (other than the claim's) the window has."""
    coverage: float
    """Weighted share of the phrasing the window states."""
    direct: bool
    """For a contradiction: a negation bears directly on a word stated the other way (not
    just on its neighbours), so it is reported as one."""


@dataclass(slots=True)
class Window:
    """A stretch of the answer that a point must be made within."""

    lo: int
    hi: int
    """Token range ``[lo, hi)`` (for a pair of units: their union; no gap between them)."""
    salad: bool = False
    echo: bool = False
    repeated: bool = False
    hits: dict[int, Hit] = field(default_factory=dict)
    """Best hit per point among phrasings stated with the same polarity."""
    against: dict[int, Hit] = field(default_factory=dict)
    """Best hit per point among phrasings the window contradicts."""


def _units(analysis: Analysis, size: int) -> list[tuple[int, int]]:
    units: list[tuple[int, int]] = []
    step = max(size // 2, 1)
    for lo, hi in analysis.sentences:
        if hi - lo <= size:
            units.append((lo, hi))
            continue
        start = lo
        while True:
            units.append((start, min(start + size, hi)))
            if start + size >= hi:
                break
            start += step
    return units


def windows_of(analysis: Analysis, size: int) -> list[tuple[int, int, bool]]:
    """Token ranges of the windows, with whether each is a two-sentence pair."""
    units = _units(analysis, size)
    result = [(lo, hi, False) for lo, hi in units]
    for (lo1, hi1), (lo2, hi2) in zip(units, units[1:], strict=False):
        same_sentence = analysis.tokens[lo1].sentence == analysis.tokens[lo2].sentence
        if hi1 == lo2 and not same_sentence and hi2 - lo1 <= 2 * size:
            result.append((lo1, hi2, True))
    return result


def match(analysis: Analysis, index: PositionIndex, salad_guard: bool) -> list[Window]:
    """Score every point of the position in every window of the answer."""
    params = index.params
    tokens = analysis.tokens
    resolved = [index.resolve(t) if t.flags & CONTENT else None for t in tokens]
    phrasings = index.phrasings
    mix = params.coverage_mix
    beta = params.norm_power
    floor = params.coverage_floor
    result: list[Window] = []
    for lo, hi, pair in windows_of(analysis, params.window_tokens):
        window = Window(lo, hi)
        result.append(window)
        credit: dict[str, float] = {}
        where: dict[str, list[int]] = {}
        function = 0
        for i in range(lo, hi):
            if tokens[i].flags & FUNCTION:
                function += 1
            found = resolved[i]
            if found is None:
                continue
            stem, value = found
            if value >= credit.get(stem, -1.0):
                credit[stem] = value
            where.setdefault(stem, []).append(i)
        if not credit:
            continue
        size = hi - lo
        window.salad = (
            salad_guard and size >= params.salad_length and function / size < params.stuffing_share
        )
        window.repeated = max(len(v) for v in where.values()) > params.repeat_limit
        plain_total = plain_claim = norm2 = 0.0
        for stem, value in credit.items():
            plain = index.plain_weight(stem)
            plain_total += plain
            if stem in index.claim_stems:
                plain_claim += plain
            norm2 += (index.weight(stem) * value) ** 2
        window.echo = plain_total > 0 and plain_claim / plain_total >= params.echo_share
        matched: dict[int, float] = {}
        dots: dict[int, float] = {}
        for stem, value in credit.items():
            for number, weight in index.postings.get(stem, ()):
                matched[number] = matched.get(number, 0.0) + weight * value
                dots[number] = dots.get(number, 0.0) + weight * weight * value
        norm = math.sqrt(norm2)
        factor = _PAIR_FACTOR if pair else 1.0
        for number, got in matched.items():
            phrasing = phrasings[number]
            if norm and phrasing.norm:
                cosine = min(
                    dots[number] / (phrasing.norm * norm**beta * phrasing.norm ** (1 - beta)), 1.0
                )
            else:
                cosine = 0.0
            coverage = got / phrasing.total if phrasing.total else 0.0
            sim = factor * (mix * coverage + (1 - mix) * cosine)
            if coverage < floor:
                sim *= (coverage / floor) ** params.floor_power
            hits: list[int] = []
            distinct = 0
            against = known = 0.0
            bears = False  # a negation bears directly on a word stated the other way
            for stem, negated in phrasing.negated.items():
                places = where.get(stem)
                if not places:
                    continue
                hits.extend(places)
                if stem not in index.claim_stems:
                    distinct += 1
                if negated is None or any(tokens[i].uncertain for i in places):
                    continue
                value = phrasing.weights[stem] * credit[stem]
                known += value
                if all(tokens[i].negated != negated for i in places):
                    against += value
                    bears = (
                        bears or stem in phrasing.direct or any(tokens[i].direct for i in places)
                    )
            contradicted = against > known / 2
            if distinct < (params.min_stems if phrasing.own > params.min_stems else 1):
                sim = params.threshold * _BELOW * sim / (sim + params.threshold)
            hit = Hit(
                phrasing.point,
                sim,
                len(result) - 1,
                tuple(sorted(hits)),
                contradicted,
                distinct,
                coverage,
                bears,
            )
            table = window.against if contradicted else window.hits
            best = table.get(phrasing.point)
            if best is None or sim > best.sim:
                table[phrasing.point] = hit
    return result
