"""The grader's tunable numbers, in one place (tuned on ArgKP train, checked on dev)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Params:
    """Knobs of the matcher and the guards; the defaults are what ships."""

    idf_power: float = 2.0
    """Exponent of the within-position IDF in a word's weight."""
    unseen_df: float = 0.0
    """Document frequency assumed for answer words no point uses (their IDF in a window)."""
    rarity_power: float = 1.25
    """Exponent of the background rarity (information content) in a word's weight."""
    answers_power: float = 1.0
    """Exponent of the IDF over added answers (only when answers were added)."""
    claim_factor: float = 0.2
    """Weight multiplier for words of the claim or quote: restating the claim earns little."""
    shared_share: float = 0.5
    """A word used by at least this share of the position's points is topic vocabulary..."""
    shared_factor: float = 0.1
    """...and its weight is multiplied by this."""
    coverage_floor: float = 0.4
    """Below this coverage a phrasing's similarity is scaled down in proportion."""
    min_stems: int = 2
    """A point needs at least this many of a phrasing's words (besides the claim's and modals);
    a phrasing with only two such words needs one, the heavier."""
    threshold: float = 0.08
    """Similarity from which a point counts as made (confidence 0.5)."""
    typo_factor: float = 0.85
    """Credit for a word matched only through a typo correction."""
    synonym_factor: float = 0.7
    """Credit for a word matched only through the synonym table ("cut" for "reduce")."""
    family_factor: float = 0.8
    """Credit for a word whose stem only extends a rubric stem ("children" for "child")."""
    echo_share: float = 0.7
    """A window whose content weight is at least this share claim words is an echo."""
    salad_share: float = 0.25
    """Function-word share under which a sentence of ``salad_length`` words or more is a
    keyword string, not prose (for the answer as a whole)."""
    salad_length: int = 8
    """See ``salad_share``; shorter sentences are never keyword strings (telegraphic style)."""
    salad_min_tokens: int = 3
    """In a language without word lists, answers shorter than this (in words) are too short
    to make an argument (with lists: one word, or two that make no sentence)."""
    salad_list_share: float = 0.5
    """An answer with at least this share of its words in lists or keyword strings is salad;
    a window with this share of them inside a normal answer is stuffing."""
    stuffing_share: float = 0.15
    """Function-word share under which a sentence of ``salad_length`` words or more inside a
    normal answer is padding (stuffing) and earns nothing."""
    wrong_side_ratio: float = 1.6
    """How many times better the other stance must match a window to call it the wrong side."""
    wrong_side_coverage: float = 0.4
    """...with a real match: one that states at least this share of its wording."""
    points_per_sentence: int = 2
    """At most this many points are credited from one sentence."""
    clear_match: float = 0.4
    """Similarity (about confidence 2/3) from which a match owns its words: another point
    must be made by words of its own, and one made only of those words is not credited."""
    window_tokens: int = 40
    """Longer sentences are cut into overlapping windows of this many words."""
    refused_factor: float = 0.6
    """Confidence multiplier for a window refused by a guard (it ranks, but below a match)."""
    repeat_limit: int = 4
    """A content word used more often than this in one sentence marks stuffing."""


DEFAULT = Params()
