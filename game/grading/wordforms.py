"""Word forms a suffix stemmer cannot join: irregular verbs and a few derivations.

Snowball leaves "shown" apart from "show" and "chose" apart from "choose"; players write the
one and rubrics the other. These tables map such forms to a word the stemmer then treats as
usual, so both sides meet on one stem. Synonyms (a different word for the same idea) are not
here: they match with partial credit (``synonyms.py``).
"""

from __future__ import annotations

from collections.abc import Mapping


def _pairs(text: str) -> dict[str, str]:
    """``"form:lemma form:lemma ..."`` as a mapping."""
    out = {}
    for pair in text.split():
        form, _, lemma = pair.partition(":")
        out[form] = lemma
    return out


# Irregular past tenses and participles -> base form.
_EN_IRREGULAR = _pairs(
    """shown:show known:know grown:grow thrown:throw drawn:draw seen:see done:do
    did:do given:give gave:give taken:take took:take written:write wrote:write proven:prove
    chosen:choose chose:choose broken:break broke:break spoken:speak spoke:speak stolen:steal
    stole:steal driven:drive drove:drive risen:rise eaten:eat ate:eat fallen:fall
    fell:fall forgotten:forget forgot:forget gotten:get got:get hidden:hide hid:hide
    beaten:beat bitten:bite taught:teach thought:think brought:bring bought:buy caught:catch
    fought:fight sought:seek made:make said:say paid:pay kept:keep lost:lose
    meant:mean sent:send spent:spend built:build felt:feel held:hold told:tell sold:sell
    found:find won:win ran:run knew:know grew:grow threw:throw drew:draw began:begin
    begun:begin became:become came:come went:go gone:go led:lead met:meet stood:stand
    understood:understand fled:flee fed:feed bred:breed dealt:deal slept:sleep swept:sweep
    wept:weep fought:fight forbade:forbid forbidden:forbid bore:bear borne:bear born:bear
    wore:wear worn:wear tore:tear torn:tear shook:shake shaken:shake struck:strike
    stricken:strike sang:sing sung:sing sank:sink sunk:sink swam:swim swum:swim rang:ring
    rung:ring spun:spin hung:hang lent:lend bent:bend"""
)
# Derivations that keep the idea but not the stem ("freedom" / "free"). Never an antonym
# ("immoral", "unfair"): those carry their own polarity.
_EN_DERIVED = _pairs(
    """freedom:free freedoms:free choice:choose choices:choose decision:decide
    decisions:decide death:die deaths:die dead:die dying:die proof:prove poverty:poor
    strength:strong strengths:strong safety:safe violent:violence violently:violence"""
)

_TABLES: Mapping[str, Mapping[str, str]] = {"en": {**_EN_IRREGULAR, **_EN_DERIVED}}


def lemma(code: str, word: str) -> str:
    """The word a stemmer should see for ``word`` (itself when no table knows it)."""
    table = _TABLES.get(code)
    if table is None:
        return word
    return table.get(word, word)
