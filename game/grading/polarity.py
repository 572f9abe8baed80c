"""Polarity: which words a negation, a word of decrease, persistence or increase governs.

``Polarity`` is run token by token while a text is analysed; the ``mark_*`` passes run over
the finished tokens. Nothing reaches past a clause word or a sentence end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.grading.flags import (
    CLAUSE_REACH,
    CONTENT,
    DECREASE,
    NEGATION_REACH,
    NEGATOR,
    WEAK_NEGATOR,
)
from game.grading.languages import Language

if TYPE_CHECKING:
    from game.grading.normalise import Token


class Polarity:
    """Tracks which negations and words of decrease govern the next token.

    A negator governs the next few content words, names aside ("China will *not restrain*
    them", "parents are not trained, qualified teachers"); after "not true that", "no
    evidence that", "false that" or "a myth that" it governs the rest of the clause. A word
    of decrease ("reduces bullying", "prevents war") makes what follows, up to a comma, "and"
    or "or", of uncertain polarity: "children cannot bully" and "uniforms reduce bullying"
    agree, and "people suffer" does not contradict "it reduces suffering". Nothing reaches
    past a clause word or a sentence end. A clause that opens as a rhetorical question ("how
    can Kim believe ...", "why would China ...") is negated as a whole: it denies what it asks.
    """

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.negations: list[list[int]] = []  # [content words left, content words seen]
        self.decrease = 0  # open words of decrease
        self.pending = False
        self.absence = False  # "without" just seen: what follows decides what it does
        self.last_strong = -10
        self.previous = ""
        self.unit = 0
        self.lead = True  # every word of the clause so far is a lead ("so", "and")
        self.lead_before = True  # ... every word before the previous one

    def reset(self) -> None:
        """A new clause: nothing carries over."""
        self.unit += 1
        self.negations.clear()
        self.decrease = 0
        self.pending = False
        self.absence = False
        self.last_strong = -10
        self.previous = ""
        self.lead = self.lead_before = True

    def pause(self) -> None:
        """A comma or the like: words of decrease stop, and so does a local negation that has
        already reached a word ("never comply: smugglers keep it supplied"); one that has not
        carries on ("not, in the end, restrain"), as does a negation of the whole clause."""
        self.decrease = 0
        self.pending = False
        self.absence = False
        self.previous = ""
        self.negations = [s for s in self.negations if s[1] == 0 or s[0] > NEGATION_REACH]

    def negated(
        self, word: str, flags: int, position: int, name: bool = False
    ) -> tuple[bool, bool, bool]:
        """Whether the token at ``position`` is negated, whether that is uncertain, and
        whether a negation bears on it directly (the first word it governs, or any word of a
        negated clause)."""
        lang = self.lang
        if word in lang.coordinators:
            self.decrease = 0
        if (self.previous, word) in lang.clause_pairs:
            self.reset()
        if self.absence:
            if word not in lang.absence_skip:
                self.absence = False
                if len(word) >= 5 and word.endswith(lang.gerund_endings):
                    # "without ever *building* bombs" negates; "without the umbrella" is
                    # an absence, of unclear polarity.
                    self.decrease = max(self.decrease - 1, 0)
                    self.pending = True
        if self.pending:
            self.pending = False
            if word not in lang.not_negating_next:
                # A new negator closes the local ones before it ("no ... por no llevar");
                # "it is not true that ... won't" keeps both.
                self.negations = [s for s in self.negations if s[0] > NEGATION_REACH]
                self.negations.append([NEGATION_REACH, 0])
        elif word in lang.that and self.previous in lang.sentential_negators:
            self.negations.append([CLAUSE_REACH, 0])
        if self.lead_before and (self.previous, word) in lang.rhetorical:
            self.negations.append([CLAUSE_REACH, 0])
        self.lead_before = self.lead
        self.lead = self.lead and word in lang.rhetorical_leads
        if flags & CONTENT and word in lang.sentential_heads:
            for scope in self.negations:
                if scope[1] < 2:
                    scope[0] = CLAUSE_REACH
        direct = bool(flags & CONTENT) and any(
            s[1] == 0 or s[0] > NEGATION_REACH for s in self.negations
        )
        result = (len(self.negations) % 2 == 1, self.decrease > 0, direct and not name)
        if flags & CONTENT and self.negations and not name:
            for scope in self.negations:
                scope[0] -= 1
                scope[1] += 1
            self.negations = [s for s in self.negations if s[0] > 0]
        if flags & NEGATOR:
            self.pending = True
            self.last_strong = position
        elif flags & WEAK_NEGATOR and position - self.last_strong > 3:
            self.pending = True
        if flags & DECREASE:
            self.decrease += 1
            self.absence = word in lang.absence
        self.previous = word
        return result


def idle(tokens: list[Token], sentence_start: int, lang: Language) -> bool:
    """Whether a negator here negates nothing ("whether or not")."""
    if len(tokens) - sentence_start < 2:
        return False
    return (tokens[-2].word, tokens[-1].word) in lang.idle_negation


_DOUBLE_SPAN = 6
"""Content words a negation may reach over to a "without" that cancels it."""


def mark_double_negation(tokens: list[Token], lang: Language) -> None:
    """A negation that a "without" follows in its clause is a double negative, not a denial:
    "plumbers *cannot* carry tools to town *without* a van" says they need one. What the
    negation governed, and the few words after "without", become conditional: of uncertain
    polarity, so they neither deny nor affirm a point ("need a van to carry tools"). Runs
    after the other passes, whose marks it clears on those words."""
    if not lang.absence:
        return
    for i, token in enumerate(tokens):
        if token.word not in lang.absence:
            continue
        start = _cancelled_negator(tokens, i, lang)
        if start is None:
            continue
        tokens[start].flags &= ~NEGATOR
        affected = list(range(start + 1, i))
        left = NEGATION_REACH
        k = i + 1
        while left and k < len(tokens) and tokens[k].clause == token.clause:
            affected.append(k)
            left -= bool(tokens[k].flags & CONTENT)
            k += 1
        for k in affected:
            word = tokens[k]
            word.negated = word.direct = word.near_negation = False
            word.persisting = word.lessened = word.grown = False
            word.uncertain = True


def _cancelled_negator(tokens: list[Token], at: int, lang: Language) -> int | None:
    """The negator before the "without" at ``at`` in the same clause (no comma, "and" or
    "or" between, and at most a few content words), if any."""
    clause = tokens[at].clause
    content = 0
    for k in range(at - 1, -1, -1):
        token = tokens[k]
        if token.clause != clause or token.word in lang.coordinators:
            return None
        if token.flags & NEGATOR:
            return k
        content += bool(token.flags & CONTENT)
        if content > _DOUBLE_SPAN:
            return None
    return None


def mark_near_negation(tokens: list[Token]) -> None:
    """Set ``near_negation``: negated, or among the few content words before a negator in
    the same polarity unit."""
    left = 0
    unit = -1
    for token in reversed(tokens):
        if token.unit != unit:
            unit, left = token.unit, 0
        if token.flags & NEGATOR:
            left = NEGATION_REACH
        elif token.flags & CONTENT and left:
            token.near_negation = True
            left -= 1
        if token.negated:
            token.near_negation = True


def mark_persistence(tokens: list[Token], lang: Language) -> None:
    """Set ``persisting`` and ``lessened`` on the content words of a clause near a word of
    persistence or cessation (a few either side: "bullying *still* happens"), and ``grown``
    on the few after a word of increase ("*more* missile tests")."""
    if not lang.persistence and not lang.cessation and not lang.increase:
        return
    for i, token in enumerate(tokens):
        token.lessened = token.lessened or token.uncertain
        previous = tokens[i - 1].word if i else ""
        steps: tuple[int, ...] = (-1, 1)
        growth = False
        if (previous, token.word) in lang.cessation:
            attribute = "lessened"
        elif token.word in lang.persistence:
            attribute = "persisting"
        elif token.word in lang.increase and not token.uncertain:
            # "more X" says X grows, unless a word of decrease governs it ("prevent more X").
            attribute, steps, growth = "grown", (1,), True
        else:
            continue
        for step in steps:
            left = NEGATION_REACH
            j = i + step
            while left and 0 <= j < len(tokens) and tokens[j].clause == token.clause:
                if tokens[j].flags & CONTENT and tokens[j].word not in lang.persistence:
                    if not (growth and tokens[j].uncertain):
                        setattr(tokens[j], attribute, True)
                    left -= 1
                j += step
