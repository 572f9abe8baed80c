"""Sentences or a list of words? The layout that tells an argument from keyword salad.

Salad is a *list*: several items without sentence structure (words or short noun phrases
between commas, line breaks or bullets, or one word per "sentence"), or a long string of
content words with hardly a function word. A short telegraphic sentence ("China controls
North Korea completely.", "Sanctions failed.") is not a list, even with no function word in it:
players write like that, and the rubric's coverage and own-word rules still apply to it.
"""

from __future__ import annotations

from game.grading.languages import Language
from game.grading.normalise import BREAK, END, FUNCTION, Analysis, Token
from game.grading.params import Params

LIST_ITEM_WORDS = 3
"""Items of at most this many words (no function word, no verb) may be list items."""
LIST_RUN = 3
"""This many list items in a row make a list."""
KEYWORD_RUN = 12
"""Prose never has this many words in a row without a function word or a verb."""


def verb_like(word: str, lang: Language) -> bool:
    """A word that is surely a verb form ("failed", "built"); False when unsure."""
    if word in lang.verb_forms:
        return True
    return len(word) >= 5 and word.endswith(lang.verb_endings) and word not in lang.not_verbs


def _structured(tokens: tuple[Token, ...], lo: int, hi: int, lang: Language) -> bool:
    return any(t.flags & FUNCTION or verb_like(t.word, lang) for t in tokens[lo:hi])


def structural(analysis: Analysis, lang: Language) -> list[bool]:
    """Per token: a function word or a verb, the words that give a sentence its structure."""
    return [bool(t.flags & FUNCTION) or verb_like(t.word, lang) for t in analysis.tokens]


def listed(analysis: Analysis, lang: Language) -> list[bool]:
    """Per token: whether it belongs to a list (a run of LIST_RUN or more list items).

    A list item is a single word, or up to LIST_ITEM_WORDS words with no function word and no
    verb that end at a comma, line break, bullet or the end of the text; a short stretch that
    ends at a full stop or a semicolon is a telegraphic sentence ("Sanctions failed.").
    """
    tokens = analysis.tokens
    flags = [False] * len(tokens)
    run: list[tuple[int, int]] = []

    def close() -> None:
        if len(run) >= LIST_RUN:
            for lo, hi in run:
                flags[lo:hi] = [True] * (hi - lo)
        run.clear()

    for lo, hi, ending in analysis.items:
        size = hi - lo
        item = size == 1 or (
            size <= LIST_ITEM_WORDS
            and ending in (BREAK, END)
            and not _structured(tokens, lo, hi, lang)
        )
        if item:
            run.append((lo, hi))
        else:
            close()
    close()
    return flags


def keyword_string(shaped: list[bool], lo: int, hi: int, share: float, length: int) -> bool:
    """Whether tokens ``[lo, hi)`` are a string of keywords rather than prose: ``length``
    words or more with no function word or verb at all, or a share of them (``shaped``) under
    ``share`` and KEYWORD_RUN words in a row without one. Terse prose ("Car-free zones cut
    pollution so children breathe cleaner air") has a few; a pasted keyword list has none."""
    size = hi - lo
    if size < length:
        return False
    structure = sum(shaped[lo:hi])
    if structure == 0:
        return True
    if structure >= share * size:
        return False
    run = 0
    for i in range(lo, hi):
        run = 0 if shaped[i] else run + 1
        if run >= KEYWORD_RUN:
            return True
    return False


def run_on(analysis: Analysis, shaped: list[bool], share: float, length: int) -> list[bool]:
    """Per token: whether its sentence is a keyword string (``keyword_string``)."""
    flags = [False] * len(shaped)
    for lo, hi in analysis.sentences:
        if keyword_string(shaped, lo, hi, share, length):
            flags[lo:hi] = [True] * (hi - lo)
    return flags


def is_salad(analysis: Analysis, lang: Language, p: Params, guard: bool) -> bool:
    """A single word, two words that are not a sentence, or an answer that is mostly a list
    or keyword strings. Without word lists for the language (``guard`` false) only answers
    under ``salad_min_tokens`` words are refused."""
    if too_short(analysis, lang, p, guard):
        return True
    if not guard:
        return False
    bad = listed(analysis, lang)
    shaped = structural(analysis, lang)
    for i, flag in enumerate(run_on(analysis, shaped, p.salad_share, p.salad_length)):
        bad[i] = bad[i] or flag
    return sum(bad) >= p.salad_list_share * len(bad)


def too_short(analysis: Analysis, lang: Language, p: Params, guard: bool) -> bool:
    """Refused for length rather than layout: a word or two that make no sentence."""
    words = len(analysis.tokens)
    if not guard:
        return words < p.salad_min_tokens
    return words < 2 or (words == 2 and not _structured(analysis.tokens, 0, 2, lang))
