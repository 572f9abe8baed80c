"""Turn text into tokens for matching, keeping where each came from in the original.

Every token keeps the character offsets of the text the player typed, so evidence points at
their words even though matching sees casefolded, NFKC-normalised, contraction-expanded stems.
Sentence and clause boundaries are kept: points are matched inside sentences, and negation
does not reach across a clause.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from game.grading.flags import CLAUSE_WORD, DECREASE, NEGATOR, WEAK_NEGATOR
from game.grading.flags import CONTENT as CONTENT  # re-exported: token classes users test
from game.grading.flags import FUNCTION as FUNCTION
from game.grading.languages import Language, Stemmer, language, stemmer
from game.grading.polarity import (
    Polarity,
    idle,
    mark_double_negation,
    mark_near_negation,
    mark_persistence,
)

MAX_ANALYSE_CHARS = 200_000
"""Hard cap on what is ever tokenised; callers cap answers well below this."""
MAX_WORD = 40
"""Longer "words" are cut to this many characters (nothing real is longer; stemming and typo
matching of a 50,000-character token would take seconds)."""
MAX_STEMMED_TYPES = 2_000
"""Distinct tokens stemmed per text: later new ones are their own stems. A 5,000-word essay
has about 1,500; the cap bounds the time a paste of random words can take, and depends on the
text only, so grading stays deterministic."""

# How a stretch of words between separators ends (``Analysis.items``).
STOP = 0  # a full stop, question or exclamation mark: a sentence
SEMI = 1  # a semicolon: a clause of its own
BREAK = 2  # a comma, colon, slash, line break or bullet: a list item, or part of a sentence
END = 3  # the end of the text
_LIST_SEPARATORS = frozenset(",:/\u060c\u3001")
_PART_MARKS = frozenset(":\u2014\u2013-")
MIN_PART = 6
"""Words a part of a sentence cut by a colon or dash needs to be matched on its own."""

_IGNORABLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u02bc\u2018\u0060\u00b4\u2032"), "'")
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st vs etc eg ie cf".split())
_BULLET = r"(?:[-*\u2022\u00b7\u25aa\u2023\u25e6]|\d{1,3}[.)])\s"


@lru_cache(maxsize=1)
def _marks() -> str:
    """Combining marks that ``\\w`` misses (so NFD text is not cut inside words)."""
    ranges: list[str] = []
    start = -1
    for cp in range(0x30000):
        ch = chr(cp)
        mark = unicodedata.category(ch)[0] == "M" and not ch.isalnum()
        if mark and start < 0:
            start = cp
        elif not mark and start >= 0:
            ranges.append(f"\\U{start:08x}-\\U{cp - 1:08x}")
            start = -1
    return "".join(ranges)


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    w = rf"[\w{_marks()}\u200b\u200c\u200d\u2060\ufeff\u00ad]"
    return re.compile(
        rf"(?P<num>\d+(?:[.,]\d+)+)"
        rf"|(?P<word>{w}+(?:['\u2019\u02bc]{w}+)*)"
        rf"|(?P<sent>[.!?;\u3002\uff01\uff1f\u203c\u2047-\u2049\u061f\u0964\u0965]+"
        rf"|\n[ \t]*\n|\n[ \t]*(?={_BULLET}))"
        rf"|(?P<clause>[,:()\[\]{{}}\u2014\u2013\u2026\"\u201c\u201d\u00ab\u00bb\u201e/\n\u060c\u3001]"
        rf"|\s-\s)"
    )


@dataclass(slots=True)
class Token:
    """One normalised word of a text."""

    word: str
    """Casefolded, NFKC-normalised, contraction-expanded word."""
    stem: str
    """The word's stem in the text's language."""
    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset one past the last character in the original text."""
    sentence: int
    """Index of the sentence the token is in."""
    clause: int
    """Index (over the whole text) of the clause the token is in."""
    flags: int
    """Bit flags: CONTENT, FUNCTION, NEGATOR, WEAK_NEGATOR, CLAUSE_WORD, DECREASE."""
    negated: bool = False
    """An odd number of negations govern it."""
    uncertain: bool = False
    """A word of decrease governs it ("reduces *bullying*"): its polarity is unclear."""
    direct: bool = False
    """A negation bears on it directly: a contradiction must involve such a word."""
    unit: int = 0
    """Index of its polarity unit: the stretch between sentence ends and clause words
    ("but", "if") that a negation can reach (commas do not end one)."""
    persisting: bool = False
    """Near a word of persistence ("bullies *still* mock clothes", "los acosadores *siguen*
    riéndose"): it contradicts a word of decrease or cessation ("fewer", "no longer")."""
    lessened: bool = False
    """Governed by a word of decrease, or near one of cessation ("ya no", "no longer")."""
    grown: bool = False
    """Just after a word of increase ("*more* missile tests"): it does not match a word said
    to lessen ("talks *stopped* the tests"), though that is not called a contradiction (the
    two may be said of different times or causes)."""
    near_negation: bool = False
    """A negation governs it or follows it closely in its unit, as a verb's subject ("the
    ICBMs *don't* disappear"): a word that a negation reached only by spreading to it ("doesn't
    make the ICBMs go away") is not contradicted by such a word."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text cut into tokens and sentences."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]
    """Token index ranges ``[first, end)`` of each non-empty sentence."""
    items: tuple[tuple[int, int, int], ...] = ()
    """``(first, end, how it ends)`` of each stretch of words between separators (commas,
    line breaks, bullets, sentence ends; not quotes or brackets): what tells a list of words
    from a sentence. The ending is STOP, SEMI, BREAK or END."""
    parts: tuple[tuple[int, int], ...] = ()
    """Token ranges ``[first, end)`` of the parts of a sentence that a colon or a dash cuts
    ("China would rather live beside a nuclear North than a collapsed one: a failed state
    would send refugees ..."), for sentences with two or more parts of MIN_PART words."""

    def function_share(self) -> float:
        """Share of tokens that are function words (1.0 for an empty text)."""
        if not self.tokens:
            return 1.0
        return sum(1 for t in self.tokens if t.flags & FUNCTION) / len(self.tokens)


class Lexicon:
    """Normalises raw tokens for one language, memoised (the same words recur constantly)."""

    _MAX_CACHE = 100_000

    def __init__(self, code: str) -> None:
        self.language: Language = language(code)
        self.stemmer: Stemmer = stemmer(code)
        self._function = self.language.function_words
        self._cache: dict[str, tuple[tuple[str, str, int], ...]] = {}
        self._lock = threading.Lock()

    def entries(self, raw: str, stem: bool = True) -> tuple[tuple[str, str, int], ...]:
        """``(word, stem, flags)`` for each word a raw token stands for (often one); with
        ``stem`` false, each word is its own stem (cheap)."""
        cached = self._cache.get(raw) if stem else None
        if cached is not None:
            return cached
        special = self.language.lower_only.get(raw)
        if special is not None:
            result = tuple(self._entry(w, stem) for w in special)
        else:
            text = unicodedata.normalize("NFKC", raw[: 4 * MAX_WORD].translate(_APOSTROPHES))
            text = text.casefold().translate(_IGNORABLE)
            words = self.language.expand(text)
            result = tuple(self._entry(w[:MAX_WORD], stem) for w in words if w)
        if not stem:
            return result
        with self._lock:
            if len(self._cache) >= self._MAX_CACHE:
                self._cache.clear()
            self._cache[raw] = result
        return result

    def number(self, raw: str) -> tuple[str, str, int]:
        """A number token: thousands separators dropped, decimal commas made points."""
        groups = re.split(r"[.,]", raw)
        if all(len(g) == 3 for g in groups[1:]) and "," in raw and "." not in raw:
            word = "".join(groups)
        else:
            word = raw.replace(",", ".")
        word = unicodedata.normalize("NFKC", word)
        return (word, word, CONTENT)

    def _entry(self, word: str, stem: bool) -> tuple[str, str, int]:
        lang = self.language
        flags = 0
        if word in self._function:
            flags |= FUNCTION
        if word in lang.negators:
            flags |= NEGATOR
        elif word in lang.secondary_negators:
            flags |= WEAK_NEGATOR
        elif word in lang.clause_words:
            flags |= CLAUSE_WORD
        elif word in lang.stop or word in lang.degree:
            pass
        elif any(c.isalnum() for c in word):
            flags |= CONTENT
        if word in lang.decrease:
            flags |= DECREASE
        if word in lang.negative_content:
            flags |= NEGATOR
        return (word, self.stemmer.stem(word) if stem else word, flags)


@lru_cache(maxsize=64)
def lexicon(code: str) -> Lexicon:
    """The shared lexicon for a language code."""
    return Lexicon(code)


def analyse(text: str, code: str = "en") -> Analysis:
    """Tokenise ``text`` (at most MAX_ANALYSE_CHARS of it) in language ``code``."""
    text = text[:MAX_ANALYSE_CHARS]
    lex = lexicon(code)
    tokens: list[Token] = []
    sentence = clause = 0
    sentence_start = 0
    sentences: list[tuple[int, int]] = []
    polarity = Polarity(lex.language)
    types: set[str] = set()
    items: list[tuple[int, int, int]] = []
    item_start = 0
    parts: list[tuple[int, int]] = []
    cuts: list[int] = []  # where colons and dashes cut the current sentence
    found = list(_scanner().finditer(text))
    comparatives = lex.language.comparatives
    for at, match in enumerate(found):
        kind = match.lastgroup
        if kind == "sent":
            if _is_abbreviation(match, tokens, text):
                continue
            if len(tokens) > item_start:
                items.append((item_start, len(tokens), _ending(match.group())))
                item_start = len(tokens)
            if len(tokens) > sentence_start:
                sentences.append((sentence_start, len(tokens)))
                _cut(parts, cuts, sentence_start, len(tokens))
                sentence += 1
                sentence_start = len(tokens)
            cuts.clear()
            clause += 1
            polarity.reset()
            continue
        if kind == "clause":
            clause += 1
            polarity.pause()
            mark = match.group()
            if mark.strip() in _PART_MARKS and len(tokens) > sentence_start:
                cuts.append(len(tokens))
            if len(tokens) > item_start and ("\n" in mark or mark.strip() in _LIST_SEPARATORS):
                items.append((item_start, len(tokens), BREAK))
                item_start = len(tokens)
            continue
        raw = match.group()
        if kind == "num":
            entries: tuple[tuple[str, str, int], ...] = (lex.number(raw),)
        elif raw in types or len(types) < MAX_STEMMED_TYPES:
            types.add(raw)
            entries = lex.entries(raw)
        else:
            entries = lex.entries(raw, stem=False)
        start, end = match.span()
        for word, stem, flags in entries:
            if flags & NEGATOR and idle(tokens, sentence_start, lex.language):
                flags &= ~NEGATOR
            if word in comparatives and _degree(found, at, lex):
                flags &= ~CONTENT
            if flags & CLAUSE_WORD:
                clause += 1
                polarity.reset()
            # Capitalised words inside a sentence are names ("North Korea"): negation
            # reaches past them to the words that carry the claim.
            name = len(tokens) > sentence_start and raw[:1].isupper()
            negated, uncertain, direct = polarity.negated(word, flags, len(tokens), name)
            tokens.append(
                Token(
                    word, stem, start, end, sentence, clause, flags, negated, uncertain, direct,
                    polarity.unit,
                )
            )  # fmt: skip
    if len(tokens) > sentence_start:
        sentences.append((sentence_start, len(tokens)))
        _cut(parts, cuts, sentence_start, len(tokens))
    if len(tokens) > item_start:
        items.append((item_start, len(tokens), END))
    mark_near_negation(tokens)
    mark_persistence(tokens, lex.language)
    mark_double_negation(tokens, lex.language)
    return Analysis(text, tuple(tokens), tuple(sentences), tuple(items), tuple(parts))


def _cut(parts: list[tuple[int, int]], cuts: list[int], lo: int, hi: int) -> None:
    """Add the parts of the sentence ``[lo, hi)`` that colons and dashes cut, if it has two
    or more of MIN_PART words."""
    bounds = [lo, *(c for c in cuts if lo < c < hi), hi]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b - a >= MIN_PART]
    if len(pieces) >= 2:
        parts.extend(pieces)


def _degree(found: list[re.Match[str]], at: int, lex: Lexicon) -> bool:
    """Whether the comparative at ``found[at]`` is a degree word: the next word (in the same
    stretch) looks like an adjective or adverb ("*more* dangerous", not "*more* nukes")."""
    if at + 1 >= len(found) or found[at + 1].lastgroup != "word":
        return False
    following = found[at + 1]
    if following.start() - found[at].end() > 3:
        return False
    entries = lex.entries(following.group(), stem=False)
    return bool(entries) and lex.language.degree_before(entries[0][0])


def _ending(mark: str) -> int:
    """How a sentence separator ends an item: a full stop (or the like), a semicolon, or a
    line break or bullet (which lists use)."""
    if any(c not in ";\n \t" for c in mark):
        return STOP
    return SEMI if ";" in mark else BREAK


def _is_abbreviation(match: re.Match[str], tokens: list[Token], text: str) -> bool:
    """A full stop straight after an initial or a short abbreviation ("U.S.", "e.g.")."""
    if match.group() != "." or not tokens or tokens[-1].end != match.start():
        return False
    last = text[tokens[-1].start : tokens[-1].end]
    if len(last) == 1 and last.isalpha():
        return True
    return last.casefold() in _ABBREVIATIONS and match.end() < len(text)


def content_stems(analysis: Analysis) -> list[str]:
    """The stems of the content words, in order (for building indexes)."""
    return [t.stem for t in analysis.tokens if t.flags & CONTENT]
