"""Sentences or a list of words? The layout that tells an argument from keyword salad.

Salad is a *list*: several items without sentence structure (words or short noun phrases
between commas, line breaks or bullets, or one word per "sentence"), or a string of content
words that no sentence would have. A short telegraphic sentence ("China controls North Korea
completely.", "Sanctions failed.") is not a list, even with no function word in it: players
write like that, and the rubric's coverage and own-word rules still apply to it.

What makes a longer stretch a sentence is *glue*: articles, prepositions, pronouns,
auxiliaries, conjunctions, modals and possessive endings ("Korea's"). Negators, quantifiers,
filler adverbs and verb forms are *weak* marks: a keyword list picks them up easily ("Kim
nukes never disarm carrots sticks ..."), so without any glue they do not make a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from game.grading.languages import Language, language
from game.grading.normalise import BREAK, END, FUNCTION, Analysis
from game.grading.params import Params

NONE, GERUND, WEAK, GLUE = 0, 1, 2, 3
"""What a token does for sentence structure (``shape``); a gerund ("-ing") is a weak mark
that still leaves a short stretch a possible list item ("missile testing")."""

LIST_ITEM_WORDS = 3
"""Items of at most this many words (no function word, no verb) may be list items."""
LIST_RUN = 3
"""This many list items in a row make a list."""
KEYWORD_RUN = 12
"""Prose never has this many words in a row without a function word or a verb."""
BARE_SHARE = 0.25
"""A glue-less stretch with weak marks on fewer than this share of its words is a list..."""
BARE_RUN = 5
"""...and so is one with this many unmarked words in a row (measured on ArgKP and the
packs: real sentences without glue are short, or have a weak mark every few words)."""

# Function words that are no syntax: fillers, reflexives, particles. A list takes them in
# ("defend themselves", "never again"); in a sentence they come with real glue.
_FILLERS = {
    "en": frozenset(
        """very just also even still really quite rather again ever yet one ones thing things
        way lot lots well etc eg ie let oh ok okay s t up down out off over themselves itself
        himself herself ourselves myself yourself now already anyway soon""".split()
    ),
}
_POSSESSIVE = {"en": ("'s", "s'", "\u2019s", "s\u2019")}
_NOT_POSSESSIVE = frozenset({"is", "us", "has", "was"})
_GERUND = {"en": "ing"}


def verb_like(word: str, lang: Language) -> bool:
    """A word that is surely a verb form ("failed", "built"); False when unsure."""
    if word in lang.verb_forms:
        return True
    return len(word) >= 5 and word.endswith(lang.verb_endings) and word not in lang.not_verbs


@dataclass(frozen=True, slots=True)
class Layout:
    """An answer's structure marks and list membership, per token (computed once)."""

    marks: list[int]
    listed: list[bool]


def layout(analysis: Analysis, lang: Language) -> Layout:
    """The ``shape`` and ``listed`` flags of an answer."""
    marks = shape(analysis, lang)
    return Layout(marks, listed(analysis, marks))


def shape(analysis: Analysis, lang: Language) -> list[int]:
    """Per token: GLUE, WEAK, GERUND or NONE (see the module docstring). An acronym typed in
    capitals inside lower-case text ("the US") is a name, not the pronoun; a function word
    joined to its neighbour by a hyphen ("Moon Jae-in", "up-to-date") is part of a compound."""
    tokens = analysis.tokens
    text = analysis.text
    glue, possessive = _glue(lang.code)
    gerund = _GERUND.get(lang.code)
    shouting: dict[int, bool] = {}
    out = [NONE] * len(tokens)
    for i, t in enumerate(tokens):
        word = t.word
        if possessive and text[t.end - 1] in _S_OR_MARK and _possessive(analysis, i, possessive):
            out[i] = GLUE
        elif not t.flags & FUNCTION:
            if verb_like(word, lang):
                out[i] = WEAK
            elif gerund and len(word) >= 5 and word.endswith(gerund):
                out[i] = GERUND
        elif _hyphenated(text, t.start, t.end):
            continue
        elif word not in glue:
            out[i] = WEAK
        elif t.end - t.start >= 2 and text[t.start : t.end].isupper():
            # "US" in lower-case text is a name; in a sentence typed in capitals, "us".
            if t.sentence not in shouting:
                shouting[t.sentence] = _shouting(analysis, t.sentence)
            out[i] = GLUE if shouting[t.sentence] else WEAK
        else:
            out[i] = GLUE
    return out


_S_OR_MARK = frozenset("sS'\u2019")


@lru_cache(maxsize=16)
def _glue(code: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The language's glue words and possessive endings."""
    lang = language(code)
    glue = (lang.stop | lang.clause_words | lang.modals) - _FILLERS.get(code, frozenset())
    return glue, _POSSESSIVE.get(code, ())


def _possessive(analysis: Analysis, i: int, endings: tuple[str, ...]) -> bool:
    """Whether token ``i`` was typed with a possessive ending ("Korea's", "allies'")."""
    tokens = analysis.tokens
    t = tokens[i]
    if t.word in _NOT_POSSESSIVE or (i + 1 < len(tokens) and tokens[i + 1].start == t.start):
        return False
    return analysis.text[t.start : t.end].casefold().endswith(endings)


def _hyphenated(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


def _shouting(analysis: Analysis, sentence: int) -> bool:
    """Whether most words of a sentence are typed in capitals."""
    lo, hi = analysis.sentences[sentence]
    text = analysis.text
    upper = total = 0
    for t in analysis.tokens[lo:hi]:
        raw = text[t.start : t.end]
        if any(c.isalpha() for c in raw):
            total += 1
            upper += raw.isupper()
    return 2 * upper > total


def listed(analysis: Analysis, marks: list[int]) -> list[bool]:
    """Per token: whether it belongs to a list (a run of LIST_RUN or more list items).

    A list item is a single word, or up to LIST_ITEM_WORDS words with no function word and no
    verb that end at a comma, line break, bullet or the end of the text; a short stretch that
    ends at a full stop or a semicolon is a telegraphic sentence ("Sanctions failed.").
    """
    flags = [False] * len(marks)
    run: list[tuple[int, int]] = []

    def close() -> None:
        if len(run) >= LIST_RUN:
            for lo, hi in run:
                flags[lo:hi] = [True] * (hi - lo)
        run.clear()

    for lo, hi, ending in analysis.items:
        size = hi - lo
        item = size == 1 or (
            size <= LIST_ITEM_WORDS and ending in (BREAK, END) and max(marks[lo:hi]) < WEAK
        )
        if item:
            run.append((lo, hi))
        else:
            close()
    close()
    return flags


def keyword_string(marks: list[int], lo: int, hi: int, share: float, length: int) -> bool:
    """Whether tokens ``[lo, hi)`` are a string of keywords rather than prose: ``length``
    words or more with no glue and few weak marks (under BARE_SHARE of the words, or
    BARE_RUN unmarked words in a row), or marks on under ``share`` of the words and
    KEYWORD_RUN unmarked words in a row. Terse prose ("Car-free zones cut pollution so
    children breathe cleaner air") has some glue; a pasted keyword list has none."""
    size = hi - lo
    if size < length:
        return False
    stretch = marks[lo:hi]
    marked = size - stretch.count(NONE)
    longest = run = 0
    for mark in stretch:
        run = 0 if mark else run + 1
        longest = max(longest, run)
    if GLUE not in stretch and (marked < BARE_SHARE * size or longest >= BARE_RUN):
        return True
    return marked < share * size and longest >= KEYWORD_RUN


def run_on(analysis: Analysis, marks: list[int], share: float, length: int) -> list[bool]:
    """Per token: whether its sentence is a keyword string (``keyword_string``)."""
    flags = [False] * len(marks)
    for lo, hi in analysis.sentences:
        if keyword_string(marks, lo, hi, share, length):
            flags[lo:hi] = [True] * (hi - lo)
    return flags


def is_salad(analysis: Analysis, shaped: Layout | None, p: Params) -> bool:
    """A single word, two words that are not a sentence, or an answer that is mostly a list
    or keyword strings. Without word lists for the language (``shaped`` None) only answers
    under ``salad_min_tokens`` words are refused."""
    if too_short(analysis, shaped, p):
        return True
    if shaped is None:
        return False
    bad = list(shaped.listed)
    for i, flag in enumerate(run_on(analysis, shaped.marks, p.salad_share, p.salad_length)):
        bad[i] = bad[i] or flag
    return sum(bad) >= p.salad_list_share * len(bad)


def too_short(analysis: Analysis, shaped: Layout | None, p: Params) -> bool:
    """Refused for length rather than layout: a word or two that make no sentence."""
    words = len(analysis.tokens)
    if shaped is None:
        return words < p.salad_min_tokens
    if words >= 2:
        return words == 2 and max(shaped.marks) < WEAK
    return True


def padded(shaped: Layout | None, lo: int, hi: int, params: Params) -> bool:
    """Whether a window is a keyword string or mostly list items (stuffing)."""
    return shaped is not None and (
        keyword_string(shaped.marks, lo, hi, params.stuffing_share, params.salad_length)
        or sum(shaped.listed[lo:hi]) >= params.salad_list_share * (hi - lo)
    )
