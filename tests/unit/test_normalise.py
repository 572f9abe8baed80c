"""Normalisation: what the matcher sees, and that evidence still points at what was typed."""

from __future__ import annotations

import pytest

from game.grading.languages import language
from game.grading.normalise import CONTENT, FUNCTION, MAX_WORD, analyse


def words(text: str, code: str = "en") -> list[str]:
    return [t.word for t in analyse(text, code).tokens]


def originals(text: str) -> list[str]:
    return [text[t.start : t.end] for t in analyse(text).tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China won't restrain them", ["china", "will", "not", "restrain", "them"]),
        ("They can't and shan't", ["they", "can", "not", "and", "shall", "not"]),
        ("It doesn't; we're sure", ["it", "does", "not", "we", "are", "sure"]),
        (
            "They've said they'll go, I'd say",
            ["they", "have", "said", "they", "will", "go"] + ["i", "would", "say"],
        ),  # fmt: skip
        ("it's China's choice", ["it", "is", "china", "choice"]),
        ("dont isnt cannot", ["do", "not", "is", "not", "can", "not"]),
        ("weve seen theyre", ["we", "have", "seen", "they", "are"]),
        ("theyll say thats it", ["they", "will", "say", "that", "is", "it"]),
        ("hes right shes not", ["he", "is", "right", "she", "is", "not"]),
        ("im sure ive said youre", ["i", "am", "sure", "i", "have", "said", "you", "are"]),
        ("u know ur plan", ["you", "know", "your", "plan"]),
        ("wasnt werent didnt wouldnt", ["was", "not", "were", "not", "did", "not", "would", "not"]),
        ("shouldnt couldnt wont", ["should", "not", "could", "not", "will", "not"]),
    ],
)
def test_contractions_are_expanded_before_anything_else(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_curly_apostrophes_count_as_apostrophes() -> None:
    assert words("China won\u2019t budge") == ["china", "will", "not", "budge"]


def test_case_width_and_composition_are_folded() -> None:
    assert words("CARBON Tax") == words("carbon tax")
    assert words("\uff43\uff41\uff52\uff42\uff4f\uff4e") == ["carbon"]  # full-width
    assert words("cafe\u0301") == words("caf\u00e9") == ["café"]  # NFD and NFC agree


def test_zero_width_characters_inside_a_word_are_ignored() -> None:
    assert words("Chi\u200bna buf\u00adfer") == ["china", "buffer"]


def test_numbers_are_kept_whole() -> None:
    assert words("50,000 troops and 3.5 billion") == ["50000", "troops", "and", "3.5", "billion"]


def test_tokens_point_into_the_original_text() -> None:
    text = "  Beijing WON\u2019T\tact, says Ｋｉｍ."
    assert originals(text) == ["Beijing", "WON\u2019T", "WON\u2019T", "act", "says", "Ｋｉｍ"]


def test_sentences_and_clauses_are_kept() -> None:
    analysis = analyse("China fears collapse. Refugees would flood in; troops, too! Why?")
    assert len(analysis.sentences) == 4
    tokens = analysis.tokens
    assert tokens[0].clause != tokens[-1].clause


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    assert len(analyse("The U.S. troops stay, e.g. in Seoul. Then what?").sentences) == 2


def test_a_blank_line_or_bullet_starts_a_sentence() -> None:
    assert len(analyse("China fears refugees\n\nTroops stay").sentences) == 2
    assert len(analyse("Reasons:\n- refugees flood in\n- troops move north").sentences) == 3


def test_negators_modals_and_quantifiers_are_not_stop_words() -> None:
    lang = language("en")
    for word in ("not", "no", "never", "will", "should", "must", "more", "fewer"):
        assert word not in lang.stop, word
    tokens = {t.word: t for t in analyse("China will never restrain more troops").tokens}
    assert tokens["will"].flags & CONTENT
    assert tokens["more"].flags & CONTENT
    assert not tokens["never"].flags & CONTENT
    assert tokens["never"].flags & FUNCTION


def negated(text: str, code: str = "en") -> dict[str, bool]:
    return {t.word: t.negated for t in analyse(text, code).tokens}


def test_a_negator_governs_the_words_after_it() -> None:
    marks = negated("China will not restrain Pyongyang")
    assert marks["restrain"] and not marks["china"]


def test_not_true_that_negates_the_whole_clause() -> None:
    marks = negated("It is not true that China wants North Korea as a buffer")
    assert marks["buffer"] and marks["wants"]


def test_double_negation_cancels() -> None:
    assert not negated("It is not true that China won't restrain them")["restrain"]


def test_negation_stops_at_a_clause_word() -> None:
    marks = negated("China does not want war but it wants a buffer")
    assert marks["war"] and not marks["buffer"]


def test_not_only_is_not_a_negation() -> None:
    assert not negated("Not only does Beijing fear refugees")["refugees"]


def test_local_negation_reaches_only_a_few_words() -> None:
    marks = negated("Child actors are not mature enough to handle the pressures of fame")
    assert marks["mature"] and not marks["fame"]


def test_words_of_decrease_make_polarity_uncertain_not_negative() -> None:
    tokens = {t.word: t for t in analyse("Uniforms reduce bullying").tokens}
    assert tokens["bullying"].uncertain and not tokens["bullying"].negated


def test_spanish_stems_and_negation() -> None:
    tokens = analyse("Los uniformes no reducen el acoso escolar", "es").tokens
    by_word = {t.word: t for t in tokens}
    assert by_word["uniformes"].stem == by_word["uniformes"].stem.rstrip("s")
    assert by_word["reducen"].negated
    assert not by_word["los"].flags & CONTENT


def test_french_elisions_and_ne_pas_count_once() -> None:
    tokens = analyse("L'uniforme n'a pas réduit le harcèlement", "fr").tokens
    assert [t.word for t in tokens][:4] == ["le", "uniforme", "ne", "a"]
    assert {t.word: t.negated for t in tokens}["réduit"]


def test_spoken_french_pas_alone_still_negates() -> None:
    assert {t.word: t.negated for t in analyse("c'est pas vrai", "fr").tokens}["vrai"]


def test_unknown_language_still_tokenises() -> None:
    assert words("Ağır yük taşıyor", "tr") == ["ağır", "yük", "taşıyor"]
    assert words("Ничего не понятно", "xx") == ["ничего", "не", "понятно"]


def test_giant_tokens_are_cut() -> None:
    (token,) = analyse("x" * 50_000).tokens
    assert len(token.word) == MAX_WORD
    assert (token.start, token.end) == (0, 50_000)


@pytest.mark.parametrize("text", ["", "   \n\t ", "!!! ???", "\u200b" * 50, "😀🎉", "—"])
def test_texts_without_words_have_no_tokens(text: str) -> None:
    assert analyse(text).tokens == ()


def test_right_to_left_text_keeps_offsets() -> None:
    text = "الصين لن تكبح كوريا"
    assert originals(text) == text.split()


def test_not_shown_that_negates_what_follows() -> None:
    assert negated("Research has not shown that uniforms cut bullying")["bullying"]


def test_words_that_look_like_contractions_but_are_words_are_kept() -> None:
    # "its" may be a possessive; "were", "well", "ill" are words; "U.S." is not "you".
    assert words("its rules were ill made, well") == ["its", "rules", "were", "ill", "made", "well"]
    assert words("U.S. troops") == ["u", "s", "troops"]


def test_contractions_typed_without_apostrophes_weigh_nothing() -> None:
    tokens = analyse("theyre sure thats why weve left").tokens
    assert [t.word for t in tokens if t.flags & CONTENT] == ["sure", "left"]


def test_without_before_a_noun_is_an_absence_before_a_verb_a_negation() -> None:
    tokens = {t.word: t for t in analyse("Without the umbrella, Seoul would build bombs").tokens}
    assert tokens["umbrella"].uncertain and not tokens["umbrella"].negated
    assert not tokens["build"].negated
    assert negated("They could cope without ever building bombs")["building"]


def stems(text: str) -> list[str]:
    return [t.stem for t in analyse(text).tokens]


def test_irregular_forms_and_derivations_share_a_stem() -> None:
    assert stems("shown chose freedom poverty") == stems("show choose free poor")
    # Antonyms keep their own stems: their polarity matters.
    assert stems("immoral unfair") != stems("moral fair")
