"""Match the windows of an answer against every phrasing of every point of a position.

A window is a sentence (long ones are cut into overlapping stretches of words), two short
neighbouring sentences, or a part of a sentence that a colon or dash cuts. Within a window,
a phrasing's similarity is the *cosine* of the two weight vectors (which penalises windows
mostly about something else), scaled down when the window states too little of the phrasing
(*coverage*, the weighted share of its stems: "how much of the point did you state") or too
few of its own words. Each window also records what the guards need: whether it is a list of
words rather than a sentence, whether it only restates the claim, and the polarity of each
match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.grading.index import Phrasing, PositionIndex
from game.grading.languages import language
from game.grading.normalise import CONTENT, Analysis, Token
from game.grading.structure import Layout, layout, padded

_PAIR_FACTOR = 0.95  # two-sentence windows are slightly less convincing than one
_BELOW = 0.99  # a similarity capped just under the threshold
_PAIR_TOKENS = 30  # two sentences are a window together only when short (longer ones stand alone)
_WEAK = 1.0  # hits under this share of the threshold skip the polarity check


@dataclass(frozen=True, slots=True)
class Hit:
    """The best phrasing of one point in one window."""

    point: int
    sim: float
    contradicted: bool
    """The window states the matched words with the opposite polarity."""
    coverage: float
    """Weighted share of the phrasing the window states."""
    direct: bool
    """For a contradiction: a negation bears directly on a word stated the other way (not
    just on its neighbours), so it is reported as one."""
    stems: tuple[str, ...]
    """The phrasing's stems."""
    where: dict[str, list[int]]
    """The window's stems and their token indices (shared by the window's hits)."""
    phrasing: int = -1
    """Index of the phrasing in ``PositionIndex.phrasings``."""
    credit: dict[str, float] | None = None
    """The window's stems and their credit (shared by the window's hits)."""

    @property
    def tokens(self) -> tuple[int, ...]:
        """Indices of the answer tokens that matched the phrasing (computed when asked)."""
        where = self.where
        return tuple(sorted(i for s in self.stems if s in where for i in where[s]))


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
        if hi1 == lo2 and not same_sentence and hi2 - lo1 <= _PAIR_TOKENS:
            result.append((lo1, hi2, True))
    return result


@dataclass(slots=True)
class _Tally:
    """What a window's words add up to, before any phrasing is judged."""

    credit: dict[str, float]
    """Stem -> credit (1, or less for a typo or a word-family match)."""
    where: dict[str, list[int]]
    """Stem -> token indices."""
    size: int
    sums: dict[int, list[float]]
    """Phrasing -> [matched weight, dot product, own words]."""
    padded: bool = False
    """A keyword string or a list inside the answer (stuffing); for a pair, either half."""


def match(
    analysis: Analysis,
    index: PositionIndex,
    salad_guard: bool,
    sims: dict[int, float] | None = None,
    shaped: Layout | None = None,
) -> list[Window]:
    """Score every point of the position in every window of the answer; with ``sims``, also
    record there each phrasing's best similarity (for rubric linting). ``shaped`` is the
    answer's layout when the caller has it already."""
    params = index.params
    tokens = analysis.tokens
    resolved = [index.resolve(t) if t.flags & CONTENT else None for t in tokens]
    if salad_guard and shaped is None:
        shaped = layout(analysis, language(index.code))
    bits: list[int] = []  # polarity bits per token, filled when first needed
    result: list[Window] = []
    starting: dict[int, _Tally] = {}  # single windows by first token
    ending: dict[int, _Tally] = {}  # ... and by end
    for lo, hi, pair in windows_of(analysis, params.window_tokens):
        if pair:
            first, second = starting[lo], ending[hi]
            tally = _merge(first, second, index)
            tally.padded = first.padded or second.padded
        else:
            tally = _tally(lo, hi, resolved, index)
            starting.setdefault(lo, tally)
            ending[hi] = tally
            tally.padded = padded(shaped, lo, hi, params)
        result.append(_window(lo, hi, tally, tokens, bits, index, pair, sims))
    # The parts of a sentence that a colon or dash cuts are windows too (after the others,
    # which pairs are built from): each side of "X: Y" may make a point of its own.
    seen = {(w.lo, w.hi) for w in result}
    for lo, hi in analysis.parts:
        if (lo, hi) in seen or hi - lo > params.window_tokens:
            continue
        tally = _tally(lo, hi, resolved, index)
        tally.padded = padded(shaped, lo, hi, params)
        result.append(_window(lo, hi, tally, tokens, bits, index, False, sims))
    return result


def _window(
    lo: int,
    hi: int,
    tally: _Tally,
    tokens: tuple[Token, ...],
    bits: list[int],
    index: PositionIndex,
    pair: bool,
    sims: dict[int, float] | None,
) -> Window:
    window = Window(lo, hi)
    if tally.credit:
        window.salad = tally.padded
        window.repeated = max(len(v) for v in tally.where.values()) > index.params.repeat_limit
        _score(window, tally, tokens, bits, index, _PAIR_FACTOR if pair else 1.0, sims)
    return window


def _tally(
    lo: int,
    hi: int,
    resolved: list[tuple[str, float] | None],
    index: PositionIndex,
) -> _Tally:
    credit: dict[str, float] = {}
    where: dict[str, list[int]] = {}
    for i in range(lo, hi):
        found = resolved[i]
        if found is None:
            continue
        stem, value = found
        if value >= credit.get(stem, -1.0):
            credit[stem] = value
        where.setdefault(stem, []).append(i)
    borrowed = index.borrowed
    postings = index.postings
    sums: dict[int, list[float]] = {}
    get = sums.get
    for stem, value in credit.items():
        own = 0.0 if stem in borrowed else 1.0
        for number, weight, square in postings.get(stem, ()):
            slot = get(number)
            if slot is None:
                sums[number] = [weight * value, square * value, own]
            else:
                slot[0] += weight * value
                slot[1] += square * value
                slot[2] += own
    return _Tally(credit, where, hi - lo, sums)


def _merge(first: _Tally, second: _Tally, index: PositionIndex) -> _Tally:
    """The tally of two neighbouring windows together, counting shared words once."""
    sums = {n: list(v) for n, v in first.sums.items()}
    for number, (got, dot, own) in second.sums.items():
        slot = sums.get(number)
        if slot is None:
            sums[number] = [got, dot, own]
        else:
            slot[0] += got
            slot[1] += dot
            slot[2] += own
    credit = dict(first.credit)
    where = {s: list(v) for s, v in first.where.items()}
    for stem, value in second.credit.items():
        where.setdefault(stem, []).extend(second.where[stem])
        before = credit.get(stem)
        if before is None:
            credit[stem] = value
            continue
        credit[stem] = max(before, value)
        lower = min(before, value)
        own = 0.0 if stem in index.borrowed else 1.0
        for number, weight, square in index.postings.get(stem, ()):
            slot = sums[number]
            slot[0] -= weight * lower
            slot[1] -= square * lower
            slot[2] -= own
    return _Tally(credit, where, first.size + second.size, sums)


def _score(
    window: Window,
    tally: _Tally,
    tokens: tuple[Token, ...],
    bits: list[int],
    index: PositionIndex,
    factor: float,
    sims: dict[int, float] | None,
) -> None:
    """Fill ``window.hits`` and ``window.against`` with each point's best phrasing."""
    params = index.params
    claim = index.claim_stems
    credit = tally.credit
    plain_total = plain_claim = norm2 = 0.0
    for stem, value in credit.items():
        plain = index.plain_weight(stem)
        plain_total += plain
        if stem in claim:
            plain_claim += plain
        norm2 += (index.weight(stem) * value) ** 2
    window.echo = plain_total > 0 and plain_claim / plain_total >= params.echo_share
    norm = math.sqrt(norm2)
    if not norm:
        return
    floor, threshold = params.coverage_floor, params.threshold
    phrasings = index.phrasings
    scored: list[tuple[float, int, float]] = []
    for number, (got, dot, distinct) in tally.sums.items():
        phrasing = phrasings[number]
        sim = factor * min(dot / (phrasing.norm * norm), 1.0)
        coverage = got / phrasing.total
        if coverage < floor:
            sim *= coverage / floor
        if distinct < phrasing.need or (phrasing.key is not None and phrasing.key not in credit):
            # Too few of the point's own words: ranked, but never enough to match.
            sim = threshold * _BELOW * sim / (sim + threshold)
        scored.append((-sim, number, coverage))
        if sims is not None and sim > sims.get(number, 0.0):
            sims[number] = sim
    scored.sort()
    weak = threshold * _WEAK
    summary: _Summary | None = None
    for negative, number, coverage in scored:
        phrasing = phrasings[number]
        point = phrasing.point
        if point in window.hits:
            continue  # a better wording of this point already matched cleanly
        if -negative < weak:
            # Cannot earn anything: ranked without the (costlier) polarity check.
            window.hits[point] = Hit(
                point, -negative, False, coverage, False, phrasing.stems, tally.where, number,
                credit,
            )  # fmt: skip
            continue
        if summary is None:
            if not bits:
                bits.extend(polarity_bits(tokens))
            summary = _summarise(tally.where, bits)
        hit = _polarity(phrasing, number, -negative, coverage, summary, credit, tally.where)
        if hit.contradicted:
            window.against.setdefault(point, hit)
        else:
            window.hits[point] = hit


_Summary = dict[str, tuple[bool, bool, bool, bool, bool, bool, bool, bool]]


_NEGATED, _UNCERTAIN, _DIRECT, _NEAR, _PERSISTING, _LESSENED, _GROWN = (1, 2, 4, 8, 16, 32, 64)
_ALL = 127


def polarity_bits(tokens: tuple[Token, ...]) -> list[int]:
    """Each token's polarity facts as bits, computed once per answer."""
    return [
        t.negated
        | t.uncertain << 1
        | t.direct << 2
        | t.near_negation << 3
        | t.persisting << 4
        | t.lessened << 5
        | t.grown << 6
        for t in tokens
    ]


def _summarise(where: dict[str, list[int]], bits: list[int]) -> _Summary:
    """Per stem of a window: whether any place is uncertain, all are negated, all are
    affirmed, any has a negation bearing on it directly, any is near a negation, all are
    said to persist, all are said to lessen, all are said to grow."""
    out = {}
    for stem, places in where.items():
        every, some = _ALL, 0
        for i in places:
            every &= bits[i]
            some |= bits[i]
        out[stem] = (
            bool(some & _UNCERTAIN),
            bool(every & _NEGATED),
            not some & _NEGATED,
            bool(some & _DIRECT),
            bool(some & _NEAR),
            bool(every & _PERSISTING),
            bool(every & _LESSENED),
            bool(every & _GROWN),
        )
    return out


def _polarity(
    phrasing: Phrasing,
    number: int,
    sim: float,
    coverage: float,
    summary: _Summary,
    credit: dict[str, float],
    where: dict[str, list[int]],
) -> Hit:
    """The hit of one phrasing, with whether the window states it the other way round.

    A word stated the other way counts against the phrasing when a negation bears on it
    directly, or when the other text has no negation near it. A word that a negation only
    reached by spreading ("doesn't make *the ICBMs* go away") is not contradicted by one
    that a negation closely follows ("the ICBMs don't disappear"). A word said to go on
    ("bullies *still* mock clothes") contradicts one said to lessen ("*fewer* jibes about
    clothes"), and the other way round; one said to grow ("*more* tests") is stated the
    other way from one said to lessen ("talks *stopped* the tests"), but that is not reported
    as a contradiction (the two may be about different times or causes).
    """
    against = known = 0.0
    bears = False  # a negation bears directly on a word stated the other way
    for stem, negated in phrasing.negated.items():
        info = summary.get(stem)
        if info is None:
            continue
        uncertain, all_negated, all_affirmed, direct, near, persisting, lessened, grown = info
        value = phrasing.weights[stem] * credit[stem]
        if (persisting and stem in phrasing.lessened) or (lessened and stem in phrasing.persisting):
            known += value
            against += value
            bears = True
            continue
        if (grown and stem in phrasing.lessened) or (lessened and stem in phrasing.grown):
            known += value
            against += value
            continue
        if negated is None or uncertain:
            continue
        known += value
        if negated and all_affirmed:  # the phrasing negates the word, the window states it
            opposed = stem in phrasing.direct or not near
        elif not negated and all_negated:  # and the other way round
            opposed = direct or stem not in phrasing.near_negation
        else:
            continue
        if opposed:
            against += value
            bears = bears or direct or stem in phrasing.direct
    contradicted = against > known / 2
    return Hit(
        phrasing.point, sim, contradicted, coverage, bears, phrasing.stems, where, number, credit
    )
