"""Token classes (bit flags) and how far a negation reaches: shared by normalisation and the
polarity rules."""

from __future__ import annotations

# Token classes (bit flags).
CONTENT = 1  # carries meaning: matched against the rubric
FUNCTION = 2  # closed-class word: sentences have them, keyword lists do not
NEGATOR = 4  # flips the polarity of what follows in its clause
WEAK_NEGATOR = 8  # negates only when no strong negator came just before ("pas" after "ne")
CLAUSE_WORD = 16  # opens a new clause ("but", "because")
DECREASE = 32  # a word of decrease: what it governs has no clear polarity

NEGATION_REACH = 3
"""Content words a negator governs ("not [mature enough to] handle pressure")."""
CLAUSE_REACH = 1_000_000
"""Reach of a sentential negation ("it is not true that ..."): the rest of the clause."""
