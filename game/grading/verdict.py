"""From window matches to per-point verdicts: refuse unearned credit, then hand out credit.

Guards, in order: an answer that is a keyword list (or a word or two) earns nothing; a window
that is a keyword list inside a normal answer earns nothing (stuffing); a window that mostly
restates the claim earns nothing (echo); a window that makes the other stance's point better
than any of ours earns nothing for ours (wrong side); a point stated with the opposite polarity
is a contradiction, not a match. Then each point takes its best remaining window (see
``credit``: at most ``points_per_sentence`` points per sentence, each word evidence for one
point).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.grading.credit import Candidate, credit
from game.grading.index import PositionIndex
from game.grading.languages import language
from game.grading.matcher import Hit, Window, match
from game.grading.normalise import Analysis
from game.grading.structure import is_salad, layout
from game.packs.model import Stance


@dataclass(frozen=True)
class Verdict:
    """What the answer did for one point of the stance being graded."""

    point: int
    """Index into ``PositionIndex.points``."""
    matched: bool
    confidence: float
    tokens: tuple[int, ...]
    """Evidence: the answer tokens that matched (or came closest)."""
    contradicted: bool
    refused: str | None


@dataclass(frozen=True)
class Judgement:
    """Verdicts for the stance's points plus what the warnings need to say."""

    verdicts: tuple[Verdict, ...]
    salad: bool
    stuffing: bool
    echo: bool
    crowded: bool
    wrong_side: tuple[int, ...]
    """Points of the other stance the answer made instead (indices into the index)."""


def calibrate(sim: float, threshold: float) -> float:
    """Map a similarity to a confidence so that the match threshold lands on 0.5."""
    sim = min(max(sim, 0.0), 1.0)
    if sim < threshold:
        return 0.5 * sim / threshold
    return 0.5 + 0.5 * (sim - threshold) / (1.0 - threshold) if threshold < 1 else 1.0


def _best(
    hits: dict[int, Hit], own: frozenset[int], coverage: float
) -> tuple[Hit | None, Hit | None]:
    """Best hit among our points, and among the other side's *real* matches: those that
    state at least ``coverage`` of their wording (one rare word shared with the other side's
    point is not arguing the other side)."""
    mine = other = None
    for point, hit in hits.items():
        if point in own:
            if mine is None or hit.sim > mine.sim:
                mine = hit
        elif hit.coverage >= coverage and (other is None or hit.sim > other.sim):
            other = hit
    return mine, other


def _matched(hit: Hit) -> set[str]:
    """The stems of its wording a hit found in the window."""
    return {s for s in hit.stems if s in hit.where}


def judge(analysis: Analysis, index: PositionIndex, stance: Stance, salad_guard: bool) -> Judgement:
    """Match the answer and decide, point by point, what it earned."""
    p = index.params
    own = frozenset(i for i, e in enumerate(index.points) if e.stance == stance)
    shaped = layout(analysis, language(index.code)) if salad_guard else None
    salad = is_salad(analysis, shaped, p)
    windows = match(analysis, index, salad_guard, shaped=shaped)
    reasons: list[str | None] = []
    wrong: set[int] = set()
    for window in windows:
        reasons.append(_reason(window, salad, own, index))
        if reasons[-1] == "wrong-side":
            wrong.update(
                q
                for q, h in window.hits.items()
                if q not in own and h.sim >= p.threshold and h.coverage >= p.wrong_side_coverage
            )
    candidates: list[Candidate] = []
    best: dict[int, tuple[float, Hit]] = {}
    refused: dict[int, tuple[float, str]] = {}
    for number, (window, reason) in enumerate(zip(windows, reasons, strict=True)):
        for point in sorted(own):
            clean = window.hits.get(point)
            against = window.against.get(point)
            if against is not None and (clean is None or against.sim > clean.sim):
                # The window says the opposite of (one wording of) the point.
                _keep_best(best, point, against.sim * p.refused_factor, against)
                if (
                    against.direct
                    and against.sim >= p.threshold
                    and against.coverage >= p.coverage_floor
                ):
                    _note(refused, point, against.sim, reason or "contradiction")
                    continue
            if clean is None:
                continue
            _keep_best(best, point, clean.sim * (p.refused_factor if reason else 1.0), clean)
            if clean.sim >= p.threshold:
                if reason:
                    _note(refused, point, clean.sim, reason)
                else:
                    candidates.append(Candidate(clean.sim, point, number, clean))
    outcome = credit(candidates, analysis, index)
    verdicts = []
    crowded = False
    for point in sorted(own):
        sim, closest = best.get(point, (0.0, None))
        tokens = closest.tokens if closest is not None else ()
        if point in outcome.credited:
            sim, tokens = outcome.credited[point]
            verdicts.append(Verdict(point, True, calibrate(sim, p.threshold), tokens, False, None))
            continue
        reason = refused.get(point, (0.0, None))[1]
        if reason is None and point in outcome.crowded:
            reason, crowded = "crowded", True
        elif reason is None and point in outcome.taken:
            sim *= p.refused_factor  # its words made another point
        verdicts.append(
            Verdict(
                point,
                False,
                min(calibrate(sim, p.threshold), 0.499),
                tokens,
                reason == "contradiction",
                reason,
            )
        )
    return Judgement(
        tuple(verdicts),
        salad=salad,
        stuffing=not salad and any(_padding(w, p.threshold) for w in windows),
        echo=any(r == "echo" for _, r in refused.values()) or _all_echo(windows),
        crowded=crowded,
        wrong_side=tuple(sorted(wrong)),
    )


def _reason(window: Window, salad: bool, own: frozenset[int], index: PositionIndex) -> str | None:
    """Why the window earns nothing, if it does not. It argues the other side when that
    side's match is much better than ours, unless ours found every word theirs did and
    more: then the window's own words side with us ("*North Korea* broke the Agreed
    Framework" against "the US broke its promises under the Agreed Framework"), and the
    other match is only denser, not more to the point."""
    p = index.params
    if salad:
        return "salad"
    if window.salad:
        return "stuffing"
    if window.echo:
        return "echo"
    mine, other = _best(window.hits, own, p.wrong_side_coverage)
    if other is None or other.sim < p.threshold:
        return None
    ours = mine.sim if mine is not None else 0.0
    if other.sim <= ours * p.wrong_side_ratio:
        return None
    if mine is not None and ours >= p.threshold and _matched(other) < _matched(mine):
        return None
    return "wrong-side"


def _keep_best(best: dict[int, tuple[float, Hit]], point: int, sim: float, hit: Hit) -> None:
    old = best.get(point)
    if old is None or sim > old[0]:
        best[point] = (sim, hit)


def _note(refused: dict[int, tuple[float, str]], point: int, sim: float, reason: str) -> None:
    if sim > refused.get(point, (-1.0, ""))[0]:
        refused[point] = (sim, reason)


def _padding(window: Window, threshold: float) -> bool:
    """Words repeated over and over, or a word list that would otherwise have earned a point."""
    return window.repeated or (
        window.salad and any(h.sim >= threshold for h in window.hits.values())
    )


def _all_echo(windows: list[Window]) -> bool:
    content = [w for w in windows if w.hits or w.echo]
    return bool(content) and all(w.echo for w in content)
