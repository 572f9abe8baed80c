"""From window matches to per-point verdicts: refuse unearned credit, then hand out credit.

Guards, in order: an answer that is a keyword list (or a word or two) earns nothing; a window
that is a keyword list inside a normal answer earns nothing (stuffing); a window that mostly
restates the claim earns nothing (echo); a window that makes the other stance's point better
than any of ours earns nothing for ours (wrong side); a point stated with the opposite polarity
is a contradiction, not a match. Then each point takes its best remaining window, at most
``points_per_sentence`` points per sentence, best similarity first.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.grading.index import PositionIndex
from game.grading.languages import language
from game.grading.matcher import Hit, Window, match
from game.grading.normalise import Analysis
from game.grading.params import Params
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


def _best(hits: dict[int, Hit], own: frozenset[int], coverage: float) -> tuple[float, float]:
    """Best similarity among our points, and among the other side's *real* matches: those
    that state at least ``coverage`` of their wording (one rare word shared with the other
    side's point is not arguing the other side)."""
    mine = other = 0.0
    for point, hit in hits.items():
        if point in own:
            mine = max(mine, hit.sim)
        elif hit.coverage >= coverage:
            other = max(other, hit.sim)
    return mine, other


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
        reasons.append(_reason(window, salad, own, p))
        if reasons[-1] == "wrong-side":
            wrong.update(
                q
                for q, h in window.hits.items()
                if q not in own and h.sim >= p.threshold and h.coverage >= p.wrong_side_coverage
            )
    candidates: list[tuple[float, int, int, tuple[int, ...]]] = []
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
                    candidates.append((clean.sim, point, number, clean.tokens))
    credited = _credit(candidates, analysis, p.points_per_sentence)
    verdicts = []
    crowded = False
    for point in sorted(own):
        sim, closest = best.get(point, (0.0, None))
        tokens = closest.tokens if closest is not None else ()
        if point in credited:
            sim, tokens = credited[point]
            verdicts.append(Verdict(point, True, calibrate(sim, p.threshold), tokens, False, None))
            continue
        reason = refused.get(point, (0.0, None))[1]
        if reason is None and any(c[1] == point for c in candidates):
            reason, crowded = "crowded", True
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


def _reason(window: Window, salad: bool, own: frozenset[int], p: Params) -> str | None:
    if salad:
        return "salad"
    if window.salad:
        return "stuffing"
    if window.echo:
        return "echo"
    mine, other = _best(window.hits, own, p.wrong_side_coverage)
    if other >= p.threshold and other > mine * p.wrong_side_ratio:
        return "wrong-side"
    return None


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


def _credit(
    candidates: list[tuple[float, int, int, tuple[int, ...]]], analysis: Analysis, cap: int
) -> dict[int, tuple[float, tuple[int, ...]]]:
    """Greedy, best first: each point once, each sentence at most ``cap`` points."""
    used: dict[int, int] = {}
    credited: dict[int, tuple[float, tuple[int, ...]]] = {}
    for sim, point, _, tokens in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if point in credited:
            continue
        sentences = {analysis.tokens[i].sentence for i in tokens}
        if any(used.get(s, 0) >= cap for s in sentences):
            continue
        for s in sentences:
            used[s] = used.get(s, 0) + 1
        credited[point] = (sim, tokens)
    return credited
