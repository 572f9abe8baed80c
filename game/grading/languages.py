"""Per-language word lists and stemmers, chosen by the pack's ``language`` code.

The stop lists are our own: negators, modals and quantifiers are kept out of them because they
carry the meaning a rubric cares about ("China will *not* restrain them", "*fewer* bullies").
Languages without lists here still grade (stems only, no function-word guard).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from game.grading import wordlists as wl
from game.grading.wordforms import lemma

_SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


@dataclass(frozen=True)
class Language:
    """Everything normalisation needs to know about one language."""

    code: str
    stop: frozenset[str]
    negators: frozenset[str]
    secondary_negators: frozenset[str]
    modals: frozenset[str]
    quantifiers: frozenset[str]
    clause_words: frozenset[str]
    not_negating_next: frozenset[str]
    has_function_words: bool
    """Whether the lists are real; the function-word (salad) guard needs them."""
    decrease: frozenset[str] = frozenset()
    """Words of decrease ("reduce", "prevent"): they flip the polarity of what they govern."""
    coordinators: frozenset[str] = frozenset()
    """"and"/"or": the reach of a word of decrease ends there."""
    sentential_heads: frozenset[str] = frozenset()
    """After a negator, these make it negate the whole clause ("not true that")."""
    sentential_negators: frozenset[str] = frozenset()
    """Before "that", these negate the rest of the clause ("a myth that")."""
    that: frozenset[str] = frozenset()
    """The complementiser "that" (and its equivalents)."""
    negative_content: frozenset[str] = frozenset()
    """Content words that negate what follows them ("ineffective", "fails")."""
    clause_pairs: frozenset[tuple[str, str]] = frozenset()
    """Word pairs after which negation stops, like a clause word ("as long as")."""
    verb_forms: frozenset[str] = frozenset()
    """Words that are surely verbs: two or three of them and a noun make a sentence."""
    verb_endings: tuple[str, ...] = ()
    """Endings of verb forms ("-ed")..."""
    not_verbs: frozenset[str] = frozenset()
    """...and words with those endings that are not verbs ("hundred")."""
    lower_only: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Words that stand for others only when typed in lower case ("u" for "you")."""
    absence: frozenset[str] = frozenset()
    """"Without": a word of decrease before a noun ("without the umbrella"), a negator
    before a verb ("without building bombs")..."""
    gerund_endings: tuple[str, ...] = ()
    """...told apart by these endings of the next word..."""
    absence_skip: frozenset[str] = frozenset()
    """...after these ("without *ever* building")."""
    persistence: frozenset[str] = frozenset()
    """Words saying something goes on ("still", "siguen"): against a point that it lessens."""
    cessation: frozenset[tuple[str, str]] = frozenset()
    """Word pairs saying something stops ("no longer", "ya no")."""
    increase: frozenset[str] = frozenset()
    """Words saying what follows grows ("*more* missile tests"): against one said to lessen."""
    idle_negation: frozenset[tuple[str, str]] = frozenset()
    """Word pairs after which a negator negates nothing ("whether or *not*")."""
    rhetorical: frozenset[tuple[str, str]] = frozenset()
    """Openings of a rhetorical question ("how can", "why would"): it denies its clause..."""
    rhetorical_leads: frozenset[str] = frozenset()
    """...when only these come before it in the clause ("*so* why would")."""
    degree: frozenset[str] = frozenset()
    """Degree words ("much", "any"): never content, so never matched on and never counted in
    a negation's reach..."""
    comparatives: frozenset[str] = frozenset()
    """...and these ("more", "less") when the next word is an adjective or adverb..."""
    adjectives: frozenset[str] = frozenset()
    """...one of these..."""
    adjective_endings: tuple[str, ...] = ()
    """...or a word with one of these endings..."""
    not_adjective_endings: tuple[str, ...] = ()
    """...but not these ("government", "supply")."""

    @property
    def function_words(self) -> frozenset[str]:
        """Closed-class words: what sentences have and keyword lists lack."""
        return (
            self.stop
            | self.negators
            | self.secondary_negators
            | self.modals
            | self.quantifiers
            | self.clause_words
        )

    def degree_before(self, word: str) -> bool:
        """Whether a comparative before ``word`` (normalised) is a degree word: ``word`` looks
        like an adjective or adverb ("*more* dangerous", not "*more* nukes")."""
        if word in self.adjectives:
            return True
        return (
            len(word) > 4
            and word.endswith(self.adjective_endings)
            and not word.endswith(self.not_adjective_endings)
        )

    def expand(self, word: str) -> tuple[str, ...]:
        """Split a casefolded token with apostrophes into words, expanding contractions."""
        if self.code == "en":
            return _expand_english(word)
        if "'" not in word:
            return (word,)
        parts = [p for p in word.split("'") if p]
        if self.code == "fr":
            parts = [
                wl.FR_ELISIONS.get(p, p) if i < len(parts) - 1 else p for i, p in enumerate(parts)
            ]
        return tuple(parts)


def _expand_english(word: str) -> tuple[str, ...]:
    whole = wl.EN_CONTRACTIONS.get(word)
    if whole is not None:
        return whole
    if "'" not in word:
        return (word,)
    for suffix, replacement in wl.EN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (*_expand_english(word[: -len(suffix)]), *replacement)
    if word.endswith("'s"):
        base = word[:-2]
        return (base, "is") if base in wl.EN_IS_BEFORE_S else _expand_english(base)
    if word.endswith("s'"):  # plural possessive: "parents'"
        return (word[:-1],)
    return tuple(p for p in word.split("'") if p)


_EMPTY: frozenset[str] = frozenset()


@lru_cache(maxsize=64)
def language(code: str) -> Language:
    """The word lists for ``code`` (ISO 639-1); unknown codes get empty lists."""
    if code == "en":
        return Language(
            "en",
            wl.EN_STOP,
            wl.EN_NEGATORS,
            _EMPTY,
            wl.EN_MODALS,
            wl.EN_QUANTIFIERS,
            wl.EN_CLAUSE,
            wl.EN_NOT_NEGATING_NEXT,
            True,
            wl.EN_DECREASE,
            wl.EN_COORDINATORS,
            wl.EN_SENTENTIAL_HEADS,
            wl.EN_SENTENTIAL,
            wl.words("that"),
            wl.EN_NEGATIVE_CONTENT,
            wl.EN_CLAUSE_PAIRS,
            wl.EN_VERB_FORMS,
            ("ed",),
            wl.EN_NOT_VERBS,
            wl.EN_LOWER_ONLY,
            wl.words("without"),
            ("ing",),
            wl.words("ever even really actually first"),
            wl.EN_PERSISTENCE,
            wl.EN_CESSATION,
            wl.EN_INCREASE,
            wl.EN_IDLE_NEGATION,
            wl.EN_RHETORICAL,
            wl.EN_RHETORICAL_LEADS,
            wl.EN_DEGREE,
            wl.EN_COMPARATIVES,
            wl.EN_ADJECTIVES,
            wl.EN_ADJECTIVE_ENDINGS,
            wl.EN_NOT_ADJECTIVES_ENDINGS,
        )
    if code == "es":
        return Language(
            "es", wl.ES_STOP, wl.ES_NEGATORS, _EMPTY, wl.ES_MODALS, wl.ES_QUANTIFIERS,
            wl.ES_CLAUSE, wl.words("solo sólo"), True, wl.ES_DECREASE, wl.words("y e o u"),
            wl.words("cierto verdad"), wl.words("falso mentira mito"), wl.words("que"),
            absence=wl.words("sin"), gerund_endings=("ar", "er", "ir"),
            persistence=wl.ES_PERSISTENCE,
            cessation=frozenset({("ya", "no"), ("dejan", "de"), ("deja", "de")}),
        )  # fmt: skip
    if code == "fr":
        return Language(
            "fr", wl.FR_STOP, wl.FR_NEGATORS, wl.FR_SECONDARY_NEGATORS, wl.FR_MODALS,
            wl.FR_QUANTIFIERS, wl.FR_CLAUSE, wl.words("seulement"), True, wl.FR_DECREASE,
            wl.words("et ou"),
            wl.words("vrai exact"), wl.words("faux mythe mensonge"), wl.words("que qu"),
            absence=wl.words("sans"), gerund_endings=("er", "ir", "re"),
            persistence=wl.words("toujours encore continue continuent reste restent"),
        )  # fmt: skip
    return Language(code, _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY, False)


class Stemmer:
    """A memoising, thread-safe wrapper round a Snowball stemmer (which keeps state per call)."""

    _MAX_CACHE = 200_000

    def __init__(self, code: str) -> None:
        name = _SNOWBALL.get(code)
        self._code = code
        self._stemmer = snowballstemmer.stemmer(name) if name else None
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def stem(self, word: str) -> str:
        """The stem of a normalised word; numbers and unknown languages stem to themselves."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if self._stemmer is None or not word.isalpha():
            result = word
        else:
            base = lemma(self._code, word)
            with self._lock:
                result = str(self._stemmer.stemWord(base))
        if len(self._cache) >= self._MAX_CACHE:
            self._cache.clear()
        self._cache[word] = result
        return result


@lru_cache(maxsize=64)
def stemmer(code: str) -> Stemmer:
    """The shared stemmer for ``code``."""
    return Stemmer(code)
