"""Read an article and find the sentences that state positions, for ``new-pack --from-text``.

Pure: bytes in, sentences out. The article is decoded strictly (a UTF-8 error names its
line and column), stripped of control characters, terminal escapes and bidi controls, split
into sentences, and each sentence gets a *position score* from cue phrases:

- **3, obligation or proposal**: should, must, ought to, need to, has to, it is time to,
  instead of, rather than ("Schools should drop uniforms").
- **3, flat prediction or refusal**: will not, won't, cannot, will never, is not going to,
  no longer ("North Korea will not give up its weapons").
- **3, verdict**: is pointless, is too risky, is a mistake, is wrong, is naive, has become
  excessive, makes no sense, is the only way, backfires, ... (and "too risky/costly/...").
- **1, weaker signs**: would, clearly, in fact, the truth is, better, worse, reckless.

Each cue family counts once. Then: a question loses 2 (it asks, it does not state); reported
speech ("said", "according to") loses 1; fewer than 6 words or more than 70 words loses 2.
Sentences scoring ``PICK_SCORE`` (3) or more are candidates; the highest-scoring ones are
kept, in article order. Cue lists exist for English, Spanish and French; any other language
uses all three. It is a heuristic: it finds sentences worth turning into claims, and the
author decides.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from game.errors import CounterpointError

MAX_ARTICLE_BYTES = 1_000_000
"""Largest article read (1 MB, several hundred pages of text)."""
PICK_SCORE = 3
"""Least position score for a sentence to become a drafted position."""
MIN_WORDS = 6
MAX_WORDS = 70


class ArticleError(CounterpointError):
    """The article cannot be read (not UTF-8, too big, empty)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article, on one line, with where it starts."""

    text: str
    line: int
    """1-based line of the article where the sentence starts."""
    score: int = 0
    """Position score (see the module's notes)."""
    cues: tuple[str, ...] = ()
    """The cue phrases found, as written in the sentence (lower case)."""


# ----------------------------------------------------------------------- reading
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?|\x9b[0-?]*[ -/]*[@-~]"
)
# Control characters (not tab or newline), DEL, C1, bidi embeddings/overrides/isolates and
# marks, zero-width characters, the BOM and noncharacters: none belongs in a claim or a comment.
_STRIP = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
    "\ufffe\uffff\ud800-\udfff]"
)


def decode_article(data: bytes, name: str) -> str:
    """The article's text: strict UTF-8, newlines as ``\\n``, no controls or bidi characters.

    Raises:
        ArticleError: too big, UTF-16, not UTF-8 (with ``name:line:col``), or no text.
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name}: the article is {len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}"
            " (split it, or keep the part with the positions)"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(f"{name}: the article is UTF-16; save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", "replace")) + 1
        raise ArticleError(
            f"{name}:{line}:{col}: not valid UTF-8 (byte 0x{data[start]:02X});"
            " save the article as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _STRIP.sub("", _ESCAPES.sub("", text))
    text = unicodedata.normalize("NFC", text)
    if not any(char.isalpha() for char in text):
        raise ArticleError(f"{name}: the article has no text")
    return text


# ----------------------------------------------------------------------- sentences
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr sra srta dra jr vs etc eg ie cf al approx
    gen col lt sgt gov sen rep rev inc ltd corp jan feb mar apr jun jul aug sep sept oct
    nov dec mme mlle ed eds""".split()
)
# Abbreviations only when a number follows ("No. 3", "p. 12"); "said no. Then" ends a sentence.
_BEFORE_NUMBERS = frozenset("no nos p pp vol fig art".split())
# Possessive, and never starting inside a run of marks: linear even on "......" * 10**6.
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
_OPENERS = "\"'“‘«(¿¡[—–-"


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, each on one line; paragraphs and headings end a sentence."""
    out: list[Sentence] = []
    line = 1
    for block in re.split(r"(\n[ \t]*\n)", text):
        if block.strip():
            out.extend(_split_block(block, line))
        line += block.count("\n")
    return out


def _split_block(block: str, first_line: int) -> list[Sentence]:
    """Sentences of one paragraph, in one linear pass (articles can be a megabyte)."""
    out: list[Sentence] = []
    start = 0
    counted, line = 0, first_line  # newlines counted up to ``counted``
    for end in _END.finditer(block):
        stop = end.end()
        following = _NEXT.match(block, stop)
        if following and not _starts_sentence(following.group(1)):
            continue
        if end.group() == "." and _abbreviation_before(block, end.start(), following):
            continue
        line, counted = _add(out, block, start, stop, line, counted)
        start = stop
    _add(out, block, start, len(block), line, counted)
    return out


_NEXT = re.compile(r"\s*(\S)")
_WORD_BEFORE = re.compile(r"[\w.]+$")


def _starts_sentence(char: str) -> bool:
    if char in _OPENERS:
        return True
    return char.isdigit() or (char.isalpha() and char.isupper())


def _abbreviation_before(block: str, dot: int, following: re.Match[str] | None) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    word = _WORD_BEFORE.search(block, max(0, dot - 24), dot)
    if word is None:
        return False
    token = word.group()
    if "." in token:  # "U.S" or "e.g"
        return True
    key = token.casefold()
    if key in _BEFORE_NUMBERS:
        return following is not None and following.group(1).isdigit()
    return key in _ABBREVIATIONS or (len(token) == 1 and token.isupper())


def _add(
    out: list[Sentence], block: str, start: int, stop: int, line: int, counted: int
) -> tuple[int, int]:
    """Append the sentence in ``block[start:stop]``; return the line count carried forward."""
    raw = block[start:stop]
    lead = start + len(raw) - len(raw.lstrip())
    line += block.count("\n", counted, lead)
    text = " ".join(raw.split())
    if text and any(char.isalpha() for char in text):
        out.append(Sentence(text, line))
    return line, lead


# ----------------------------------------------------------------------- scoring
_ADJECTIVES_EN = (
    r"pointless|futile|useless|hopeless|naive|naïve|misguided|wrong|mistaken|unrealistic|"
    r"dangerous|reckless|unacceptable|unjust|unfair|absurd|ridiculous|foolish|"
    r"counterproductive|doomed|unnecessary|essential|vital|crucial|necessary|imperative|"
    r"indispensable|overdue|long overdue|excessive|untenable|unsustainable|outdated|obsolete|"
    r"unwise|unjustified|unfounded|a mistake|an error|a failure|a disaster|nonsense|"
    r"the only way|the best way|the answer|no solution|not the answer|a bad idea|a good idea"
)
_CUES_EN: tuple[tuple[int, str], ...] = (
    (
        3,
        r"\b(?:should(?:n't| not)?|must(?:n't| not)?|ought(?:n't)? (?:not )?to|"
        r"needs? to|has to|have to|it(?:'s| is) (?:high )?time|instead of|rather than|"
        r"had better|cannot afford)\b",
    ),
    (
        3,
        r"\b(?:will not|won't|cannot|can't|will never|never will|is not going to|"
        r"isn't going to|are not going to|aren't going to|no longer|will fail|is bound to)\b",
    ),
    (
        3,
        rf"\b(?:is|are|was|were|would be|will be|seems?|remains?|becomes?|has become)"
        rf"(?: not)? (?:simply |plainly |clearly |utterly |entirely |far |all )?"
        rf"(?:{_ADJECTIVES_EN})\b|\b(?:too|overly|excessively) (?:risky|costly|dangerous|"
        rf"expensive|late|early|weak|much|little)\b|\bmakes? no sense\b|\bbackfires?\b|"
        rf"\bthere is no (?:reason|point|need|excuse)\b|\breflects? (?:stale|outdated)\b",
    ),
    (
        1,
        r"\b(?:would|clearly|obviously|in fact|the truth is|the reality is|better|worse|"
        r"worst|best|reckless|stale|panic|excessive|undermines?)\b",
    ),
)
_CUES_ES: tuple[tuple[int, str], ...] = (
    (
        3,
        r"\b(?:deber(?:ía|á)?n?|debe(?:n|mos)?|hay que|tienen? que|es hora de|ha llegado la "
        r"hora|en lugar de|en vez de|conviene|urge)\b",
    ),
    (3, r"\b(?:no (?:va|van) a|no (?:puede|pueden|podrá|podrán)|nunca|jamás|ya no)\b"),
    (
        3,
        r"\b(?:es|son|sería|será|resulta)(?: un| una)? (?:inútil|absurd[oa]|error|"
        r"demasiado arriesgad[oa]|peligros[oa]|injust[oa]|imprescindible|necesari[oa]|"
        r"esencial|fundamental|la única (?:salida|forma|manera)|un fracaso)\b|"
        r"\bno tiene sentido\b|\bno hay (?:razón|motivo)\b|\bdemasiado (?:caro|arriesgado)\b",
    ),
    (1, r"\b(?:sería|claramente|en realidad|mejor|peor|sin duda)\b"),
)
_CUES_FR: tuple[tuple[int, str], ...] = (
    (
        3,
        r"\b(?:devr(?:ait|aient|ions)|doi(?:t|vent)|il faut|il est temps|au lieu de|"
        r"plutôt que)\b",
    ),
    (3, r"\b(?:ne (?:peut|peuvent|pourra|pourront) pas|ne (?:va|vont) pas|jamais|ne plus)\b"),
    (
        3,
        r"\b(?:est|sont|serait|sera)(?: une?)? (?:inutile|absurde|erreur|trop risqué[e]?|"
        r"dangereu(?:x|se)|injuste|indispensable|nécessaire|essentiel(?:le)?|"
        r"la seule (?:solution|voie)|un échec)\b|\bn'a (?:aucun|pas de) sens\b",
    ),
    (1, r"\b(?:serait|clairement|en réalité|mieux|pire|sans doute)\b"),
)
_CUES = {"en": _CUES_EN, "es": _CUES_ES, "fr": _CUES_FR}
_COMPILED: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    code: tuple((weight, re.compile(pattern, re.IGNORECASE)) for weight, pattern in cues)
    for code, cues in {**_CUES, "*": _CUES_EN + _CUES_ES + _CUES_FR}.items()
}
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to|dijo|afirmó|según|a déclaré|selon)\b", re.IGNORECASE
)


def score_sentence(text: str, language: str = "en") -> tuple[int, tuple[str, ...]]:
    """The position score of one sentence and the cues found (see the module's notes)."""
    plain = text.replace("’", "'").replace("‘", "'")
    score = 0
    cues: list[str] = []
    for weight, pattern in _COMPILED.get(language, _COMPILED["*"]):
        found = pattern.search(plain)
        if found:
            score += weight
            cue = found.group().casefold()
            if not any(cue in earlier for earlier in cues):
                cues.append(cue)
    words = len(plain.split())
    if plain.rstrip("\"'”’»)]").endswith("?"):
        score -= 2
    if _REPORTED.search(plain):
        score -= 1
    if words < MIN_WORDS or words > MAX_WORDS:
        score -= 2
    return score, tuple(cues)


def position_sentences(text: str, language: str = "en", limit: int = 10) -> list[Sentence]:
    """The (at most ``limit``) best sentences stating positions, in article order.

    A sentence that repeats a kept one (a pull quote, "Instead, X" after "X") is skipped.
    """
    seen: set[str] = set()
    scored: list[tuple[int, int, str, Sentence]] = []
    for order, sentence in enumerate(split_sentences(text)):
        key = " ".join(re.findall(r"\w+", sentence.text.casefold()))
        if key in seen:
            continue
        seen.add(key)
        score, cues = score_sentence(sentence.text, language)
        if score >= PICK_SCORE:
            kept = Sentence(sentence.text, sentence.line, score, cues)
            scored.append((score, order, key, kept))
    best: list[tuple[int, str, Sentence]] = []
    for _, order, key, sentence in sorted(scored, key=lambda item: (-item[0], item[1])):
        if len(best) >= limit:
            break
        if not any(key in other or other in key for _, other, _ in best):
            best.append((order, key, sentence))
    return [sentence for _, _, sentence in sorted(best, key=lambda item: item[0])]


# ----------------------------------------------------------------------- the article's head
HEADLINE_WORDS = 20
"""Longest first line taken as the article's headline."""
_BYLINE = re.compile(r"(?:by|por|par|von|di)\s+(.+)", re.IGNORECASE)
_NAME_WORDS = 8


@dataclass(frozen=True)
class Head:
    """What the top of an article says about it, for a draft's ``source``."""

    title: str | None = None
    """The headline: a short first line standing alone, not ending like a sentence."""
    author: str | None = None
    """The name in a byline ("By Maria Holt") among the next two lines."""


def article_head(text: str) -> Head:
    """The headline and byline of ``text`` (decoded), when its first lines look like them."""
    lines = [line.strip() for line in text.split("\n", 40)[:40]]
    filled = [n for n, line in enumerate(lines) if line]
    if not filled:
        return Head()
    first = filled[0]
    headline = " ".join(lines[first].lstrip("#").split())  # a Markdown heading too
    alone = first + 1 >= len(lines) or not lines[first + 1]
    title = None
    if (
        alone
        and len(headline.split()) <= HEADLINE_WORDS
        and len(headline) <= 300
        and not headline.endswith((".", ",", ";", ":"))
    ):
        title = headline.strip("\"'“”«»")
    author = None
    for number in filled[1:3]:
        found = _BYLINE.fullmatch(lines[number])
        if found:
            name = " ".join(found.group(1).split()).rstrip(".,;")
            if 0 < len(name.split()) <= _NAME_WORDS and len(name) <= 300:
                author = name
            break
    return Head(title or None, author)
