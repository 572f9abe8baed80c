"""Which wording of each point an answer came closest to.

A point is matched through its ``argument`` or one of its ``phrases``. When an answer earns a
point it should not (or misses one it should), the author must know *which* wording to
change; the verdict alone only says how close the point came. This asks the matcher for
every wording's best similarity over the answer's windows (before the guards decide what is
credited) and keeps, per point of the stance, the wording with the highest one. Used by
``test-pack`` and the rubric lab.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.grading.grader import MAX_ANSWER_CHARS, Grader
from game.grading.languages import language
from game.grading.matcher import match
from game.grading.normalise import analyse
from game.packs.model import Stance


@dataclass(frozen=True)
class Wording:
    """The wording of a point that came closest to the answer."""

    number: int
    """0 for the argument, n for the n-th phrase (1-based, as an author counts them)."""
    text: str
    similarity: float
    """The matcher's similarity (the match line is the grader's threshold)."""

    @property
    def label(self) -> str:
        """``argument`` or ``phrase 3``."""
        return "argument" if self.number == 0 else f"phrase {self.number}"


def closest_wordings(
    grader: Grader, answer: str, position_id: str, stance: Stance
) -> dict[str, Wording]:
    """Point id -> its wording closest to ``answer``, for the points of ``stance`` that share
    any word with it (the others are left out). Never raises on the answer's text."""
    if not answer.strip() or len(answer) > MAX_ANSWER_CHARS:
        return {}
    code = grader.pack.language
    index = grader.index(position_id)
    sims: dict[int, float] = {}
    match(analyse(answer, code), index, language(code).has_function_words, sims)
    best: dict[str, Wording] = {}
    for number, similarity in sims.items():
        if similarity <= 0:
            continue
        entry = index.points[index.phrasings[number].point]
        if entry.stance != stance:
            continue
        which = entry.phrasings.index(number)
        text = entry.point.argument if which == 0 else entry.point.phrases[which - 1]
        known = best.get(entry.point.id)
        if known is None or similarity > known.similarity:
            best[entry.point.id] = Wording(which, text, similarity)
    return best
