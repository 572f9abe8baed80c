"""Everything about one position that matching needs, computed once and reused.

Each point is represented by its ``argument`` and every ``phrases`` entry ("phrasings"), each
a set of stem weights. A stem's weight combines how rare it is among the position's points
(IDF over points plus claim and quote), how rare in the language (background table), and,
when answers to the position were added, how rare among those answers. Claim and quote words,
and words most points share, are scaled down: they are the topic, not an argument.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

from game.grading.languages import language
from game.grading.normalise import CONTENT, Analysis, Token, analyse
from game.grading.params import Params
from game.grading.rarity import rarity
from game.grading.synonyms import synonym_stems
from game.packs.model import Point, Position, Stance

_V = TypeVar("_V")
_KNOWN_ZIPF = 3.3  # a word at least this common is a real word, not a typo
_MIN_PREFIX = 5  # stems sharing at least this long a prefix (one inside the other) are kin
_MIN_SHARED = 7  # ...and so are stems sharing a beginning this long (most of both)
_MAIN_VERBS = frozenset({"need", "needs"})  # modals that are as often nouns or main verbs


@dataclass(frozen=True)
class Phrasing:
    """One wording of a point, as stem weights."""

    point: int
    """Index of the point in ``PositionIndex.points``."""
    weights: dict[str, float]
    negated: dict[str, bool | None]
    """Polarity of each stem in the phrasing ("do *not* reduce" -> True; None if unclear)."""
    total: float
    norm: float
    need: int
    """How many of its own (non-claim) stems a window must have to match it."""
    key: str | None
    """For a wording with only two words of its own, one of which is enough: the heavier,
    which must be the one ("Libya disarmed and got regime change anyway": "disarmed")."""
    stems: tuple[str, ...]
    """Its stems, in order."""
    direct: frozenset[str]
    """Stems a negation bears on directly ("not *restrain*")."""
    near_negation: frozenset[str]
    """Stems that a negation governs or closely follows ("Token.near_negation")."""
    persisting: frozenset[str]
    """Stems said to go on ("Token.persisting")..."""
    lessened: frozenset[str]
    """...and said to lessen or stop ("Token.lessened")..."""
    grown: frozenset[str]
    """...and said to grow ("Token.grown")."""
    repeats: dict[str, int]
    """Stems the phrasing uses more than once, and how often."""


@dataclass(frozen=True)
class PointEntry:
    """A rubric point and where its phrasings are."""

    stance: Stance
    point: Point
    phrasings: tuple[int, ...]


@dataclass(frozen=True)
class AnswerStats:
    """Document frequencies of stems over answers added to a position."""

    count: int
    df: Mapping[str, int]


def _distinct_content(analysis: Analysis) -> dict[str, Token]:
    first: dict[str, Token] = {}
    for token in analysis.tokens:
        if token.flags & CONTENT:
            first.setdefault(token.stem, token)
    return first


def _polarities(analysis: Analysis) -> dict[str, bool | None]:
    """Each content stem's polarity in a phrasing: None when unclear (a word of decrease
    governs it, or it is stated both ways, as "nuclear" in "without the nuclear umbrella,
    they would build nuclear weapons")."""
    out: dict[str, bool | None] = {}
    for token in analysis.tokens:
        if not token.flags & CONTENT:
            continue
        value = None if token.uncertain else token.negated
        if token.stem in out and out[token.stem] != value:
            value = None
        out[token.stem] = value
    return out


class PositionIndex:
    """The matching index of one position (both stances), in one language."""

    _MAX_CACHE = 50_000

    def __init__(
        self, position: Position, code: str, params: Params, answers: AnswerStats | None = None
    ) -> None:
        self.position = position
        self.code = code
        self.params = params
        self._rarity = rarity(code)
        self.points: list[PointEntry] = []
        self.phrasings: list[Phrasing] = []
        texts: list[tuple[int, Analysis]] = []
        for stance in position.stances:
            rubric = position.stance(stance)
            assert rubric is not None
            for point in rubric.points:
                number = len(self.points)
                ids = []
                for text in (point.argument, *point.phrases):
                    ids.append(len(texts))
                    texts.append((number, analyse(text, code)))
                self.points.append(PointEntry(stance, point, tuple(ids)))
        claim_texts = [position.claim] + ([position.quote] if position.quote else [])
        claim_analyses = [analyse(t, code) for t in claim_texts]
        self.claim_stems = frozenset(s for a in claim_analyses for s in _distinct_content(a))

        # Document frequency over points (a point's phrasings together are one document).
        point_docs: list[set[str]] = [set() for _ in self.points]
        for number, analysis in texts:
            point_docs[number].update(_distinct_content(analysis))
        self._df: Counter[str] = Counter()
        for doc in point_docs:
            self._df.update(doc)
        self._docs = len(point_docs) + len(claim_analyses)
        for analysis in claim_analyses:
            self._df.update(list(_distinct_content(analysis)))
        self._shared = frozenset(
            s
            for s, n in self._df.items()
            if len(point_docs) >= 3 and n >= max(2.0, params.shared_share * len(point_docs))
        )
        self._answers = answers
        self._weights: dict[str, float] = {}
        self._plain: dict[str, float] = {}
        self._typos: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

        modals = language(code).modals - _MAIN_VERBS
        self.borrowed = self.claim_stems | frozenset(
            t.stem for _, a in texts for t in a.tokens if t.flags & CONTENT and t.word in modals
        )
        """Stems that never count among the words a window shares with a phrasing of its own:
        the claim's, and modals ("normalizing now *would* reward them" needs two words besides
        "would")."""
        vocab: dict[str, str] = {}
        for number, analysis in texts:
            content = _distinct_content(analysis)
            weights = {s: self.weight(s) for s in content}
            total = sum(weights.values())
            norm = math.sqrt(sum(w * w for w in weights.values()))
            negated = _polarities(analysis)
            own = sum(1 for s in weights if s not in self.claim_stems)
            direct = frozenset(t.stem for t in analysis.tokens if t.direct)
            near = frozenset(t.stem for t in analysis.tokens if t.near_negation)
            persisting = frozenset(t.stem for t in analysis.tokens if t.persisting)
            lessened = frozenset(t.stem for t in analysis.tokens if t.lessened)
            grown = frozenset(t.stem for t in analysis.tokens if t.grown)
            counts = Counter(t.stem for t in analysis.tokens if t.flags & CONTENT)
            repeats = {stem: n for stem, n in counts.items() if n > 1}
            need = params.min_stems if own > params.min_stems else 1
            owned = sorted((w, s) for s, w in weights.items() if s not in self.borrowed)
            key = owned[-1][1] if need == 1 and len(owned) > 1 else None
            self.phrasings.append(
                Phrasing(
                    number,
                    weights,
                    negated,
                    total,
                    norm,
                    need,
                    key,
                    tuple(weights),
                    direct,
                    near,
                    persisting,
                    lessened,
                    grown,
                    repeats,
                )  # fmt: skip
            )
            for token in analysis.tokens:
                if token.flags & CONTENT and len(token.word) >= 4 and token.word.isalpha():
                    vocab.setdefault(token.word, token.stem)
        for analysis in claim_analyses:
            for token in analysis.tokens:
                if token.flags & CONTENT and len(token.word) >= 4 and token.word.isalpha():
                    vocab.setdefault(token.word, token.stem)
        self._vocab = vocab
        self._synonyms = synonym_stems(code) if params.synonym_factor > 0 else {}
        # Typo candidates by first letter and length (a typo keeps the first letter).
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for word in sorted(vocab):
            self._buckets.setdefault((word[0], len(word)), []).append(word)
        # Stems that are prefixes of one another ("child"/"children", "religi"/"religion"):
        # Snowball leaves such families apart; they match with partial credit.
        self._prefixes: dict[str, str] = {}
        for stem in sorted(self._df, key=lambda x: (len(x), x)):
            if len(stem) >= _MIN_PREFIX and stem.isalpha():
                for end in range(_MIN_PREFIX, len(stem) + 1):
                    self._prefixes.setdefault(stem[:end], stem)
        self.stems = frozenset(s for p in self.phrasings for s in p.weights) | self.claim_stems
        # Inverted index: stem -> (phrasing id, weight, weight squared).
        postings: dict[str, list[tuple[int, float, float]]] = {}
        for number, phrasing in enumerate(self.phrasings):
            for stem, weight in phrasing.weights.items():
                postings.setdefault(stem, []).append((number, weight, weight * weight))
        self.postings = {s: tuple(p) for s, p in postings.items()}

    def plain_weight(self, stem: str) -> float:
        """A stem's weight before the claim and topic discounts (used to measure echo)."""
        cached = self._plain.get(stem)
        if cached is not None:
            return cached
        p = self.params
        df = self._df.get(stem, p.unseen_df)
        idf = math.log((1 + self._docs) / (1 + df)) + 1.0
        weight = float(idf**p.idf_power * self._rarity.information(stem) ** p.rarity_power)
        if self._answers is not None and self._answers.count:
            df = self._answers.df.get(stem, 0)
            weight *= (math.log((1 + self._answers.count) / (1 + df)) + 1.0) ** p.answers_power
        self._remember(self._plain, stem, weight)
        return weight

    def weight(self, stem: str) -> float:
        """A stem's matching weight: rare in the position and in the language counts most."""
        cached = self._weights.get(stem)
        if cached is not None:
            return cached
        weight = self.plain_weight(stem)
        if stem in self.claim_stems:
            weight *= self.params.claim_factor
        elif stem in self._shared:
            weight *= self.params.shared_factor
        self._remember(self._weights, stem, weight)
        return weight

    def resolve(self, token: Token) -> tuple[str, float]:
        """The rubric stem a content token stands for, and the credit (below 1 for a typo)."""
        stem = token.stem
        if stem in self.stems:
            return stem, 1.0
        word = token.word
        if len(word) < 4 or not word.isalpha():
            return stem, 1.0
        cached = self._typos.get(word)
        if cached is not None:
            return cached
        result = self._family(stem)
        if result is None:
            result = self._synonym(stem)
        if result is not None:
            self._remember(self._typos, word, result)
            return result
        result = (stem, 1.0)
        zipf = self._rarity.zipf(stem)
        known = zipf is not None and zipf >= _KNOWN_ZIPF
        budget = 0 if known and len(word) < 7 else 1 if known or len(word) < 8 else 2
        if budget:
            candidates = [
                w
                for size in range(len(word) - budget, len(word) + budget + 1)
                for w in self._buckets.get((word[0], size), ())
            ]
            found = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=budget)
            if found is not None:
                result = (self._vocab[found[0]], self.params.typo_factor)
        self._remember(self._typos, word, result)
        return result

    def _synonym(self, stem: str) -> tuple[str, float] | None:
        """A rubric stem of the same synonym group ("cut" for "reduce"), if any."""
        for other in self._synonyms.get(stem, ()):
            if other in self.stems:
                return other, self.params.synonym_factor
        return None

    def _family(self, stem: str) -> tuple[str, float] | None:
        """A rubric stem that ``stem`` extends or is extended by, if any."""
        if len(stem) < _MIN_PREFIX or not stem.isalpha():
            return None
        longer = self._prefixes.get(stem)
        if longer is not None:
            return longer, self.params.family_factor
        for end in range(len(stem) - 1, _MIN_PREFIX - 1, -1):
            if stem[:end] in self.stems:
                return stem[:end], self.params.family_factor
        # Siblings: a long shared beginning ("pertenec-en" / "pertenen-cia").
        for end in range(len(stem) - 1, _MIN_SHARED - 1, -1):
            sibling = self._prefixes.get(stem[:end])
            if sibling is not None and end >= 0.75 * min(len(stem), len(sibling)):
                return sibling, self.params.family_factor
        return None

    def _remember(self, cache: dict[str, _V], key: str, value: _V) -> None:
        with self._lock:
            if len(cache) >= self._MAX_CACHE:
                cache.clear()
            cache[key] = value
