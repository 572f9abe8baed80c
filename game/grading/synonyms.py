"""A small table of words debaters use for the same idea ("cut" / "reduce", "ban" / "prohibit").

An answer word that is not in the rubric but shares a group with a rubric word matches it
with partial credit. Groups are few and plain on purpose: a wide thesaurus makes unrelated
answers match. Antonyms are not here; negation and words of decrease handle polarity.
"""

from __future__ import annotations

from functools import lru_cache

from game.grading.languages import stemmer

# Kept because each helped on ArgKP train on its own (leave-one-in, synonym credit 0.7).
# Measured and left out as neutral or harmful there: increase/raise/boost, reduce/cut/lower,
# ban/prohibit, allow/permit/legalize, harm/hurt/damage, money/funds, worker/employee,
# child/kid, unfair/unjust, dangerous/risky, and a dozen more.
_EN_GROUPS = """
benefit advantage
expensive costly
important crucial vital essential
kill murder
choose pick select opt
society community
immoral unethical
moral ethical
"""

_GROUPS = {"en": _EN_GROUPS}


@lru_cache(maxsize=16)
def synonym_stems(code: str) -> dict[str, tuple[str, ...]]:
    """Stem -> the other stems of its group, for a language (empty when none ships)."""
    text = _GROUPS.get(code, "")
    stem = stemmer(code).stem
    out: dict[str, tuple[str, ...]] = {}
    for line in text.strip().splitlines():
        stems = list(dict.fromkeys(stem(w) for w in line.split()))
        for s in stems:
            others = tuple(o for o in stems if o != s)
            out[s] = tuple(dict.fromkeys(out.get(s, ()) + others))
    return out
