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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- English -------------------------------------------------------------------------------
_EN_STOP = _words(
    """a an the and or of to in on at by for with from into onto about as than then that this
    these those there here it its i me my mine we us our ours you your yours he him his she
    her hers they them their theirs who whom whose which what when where why how is am are was
    were be been being do does did doing done have has had having get gets got go goes went gone
    if so such too very just also even still really quite rather again ever yet s t up down out
    off over under through during before after above below between among upon via per whether
    itself themselves himself herself ourselves myself yourself one ones thing things way lot
    lots well etc eg ie let oh ok okay against like within toward towards across behind beyond
    despite around along near throughout unlike versus inside outside beside besides except
    amid without"""
)
_EN_NEGATORS = _words(
    "not no never none nothing nobody noone neither nor nowhere hardly barely scarcely"
)
# Content words that also negate what follows ("ineffective in deterring crime").
_EN_NEGATIVE_CONTENT = _words("ineffective useless unable fail fails failed failing incapable")
_EN_MODALS = _words("will would can could may might must shall should ought need needs")
_EN_QUANTIFIERS = _words(
    """all any some many much more most few fewer less least several every each both either
    enough only half whole always often sometimes rarely seldom"""
)
# Words that open a new clause: negation does not reach across them.
_EN_CLAUSE = _words(
    """but because although though whereas however yet while unless instead otherwise
    therefore since if when whenever until once"""
)
# Verbs and words of decrease: "reduces bullying" says bullying goes *down*, like "no bullying".
# "Without" is one before a noun ("without the umbrella": an absence, not a denial), and
# "less"/"fewer" are ("fewer bullies").
# They flip the polarity of the next few content words (never across "and"/"or").
_EN_DECREASE = _words(
    """reduce reduces reduced reducing reduction decrease decreases decreased decreasing lower
    lowers lowered lowering lessen lessens diminish diminishes diminished prevent prevents
    prevented preventing prevention stop stops stopped stopping avoid avoids avoided avoiding
    eliminate eliminates eliminated eliminating elimination curb curbs curbed curbing deter
    deters deterred deterring hinder hinders hindered hindering lack lacks lacking lose loses
    losing lost loss difficult hard impossible unlikely without less fewer"""
)
_EN_COORDINATORS = _words("and or")
# Two-word openers of a new clause for negation ("not banned *as long* as ..."); "so" opens
# one after a comma or before a subject ("never had one, *so* they differ"), not as an
# adverb ("not *so* different").
_EN_SUBJECTS = _words(
    "i you he she it we they there the a an this these those his her their its our"
)
_EN_CLAUSE_PAIRS = frozenset(
    {("as", "long"), ("even", "if"), ("so", "that"), ("in", "order"), ("", "so")}
    | {("so", w) for w in _EN_SUBJECTS}
)
# "It is not *true* that ...": a negator before these negates the whole clause...
_EN_SENTENTIAL_HEADS = _words(
    "true case correct fact evidence proof reason shown proven proved clear demonstrated"
)
# ...and so do these before "that" ("it is a myth that uniforms reduce bullying").
_EN_SENTENTIAL = _words("false untrue myth wrong nonsense lie")
# A negator followed by one of these does not negate ("not only ... but also").
_EN_NOT_NEGATING_NEXT = _words("only just merely simply necessarily")
_EN_CONTRACTIONS = {
    "won't": ("will", "not"),
    "wont": ("will", "not"),
    "can't": ("can", "not"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "aint": ("is", "not"),
    "let's": ("let", "us"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "couldnt": ("could", "not"),
    "shouldnt": ("should", "not"),
    "wouldnt": ("would", "not"),
    "hasnt": ("has", "not"),
    "havent": ("have", "not"),
    "hadnt": ("had", "not"),
    "mustnt": ("must", "not"),
    "neednt": ("need", "not"),
    # Typed without the apostrophe. Left out where the bare form is a word of its own:
    # "its", "were", "well", "ill", "id", "wed", "lets", "shell", "hell".
    "weve": ("we", "have"),
    "youre": ("you", "are"),
    "youve": ("you", "have"),
    "youll": ("you", "will"),
    "theyre": ("they", "are"),
    "theyve": ("they", "have"),
    "theyll": ("they", "will"),
    "thats": ("that", "is"),
    "whats": ("what", "is"),
    "theres": ("there", "is"),
    "hes": ("he", "is"),
    "shes": ("she", "is"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "wouldve": ("would", "have"),
    "couldve": ("could", "have"),
    "shouldve": ("should", "have"),
}
# Chat spellings, expanded only when typed in lower case ("U" is more often "U.S.").
_EN_LOWER_ONLY = {"u": ("you",), "ur": ("your",)}
_EN_SUFFIXES = (
    ("n't", ("not",)),
    ("'re", ("are",)),
    ("'ve", ("have",)),
    ("'ll", ("will",)),
    ("'d", ("would",)),
    ("'m", ("am",)),
)
# Surely verbs: with one of these, a short stretch of words is a sentence, not a list item.
_EN_VERB_FORMS = _words(
    """was were has had did does made makes took takes gave gives went goes got gets kept
    keeps lost won fell broke brought bought sent spent left paid said says told sold held ran
    saw knew grew threw became began came built caught fought found felt thought taught meant
    met led stood understood wrote drove rose chose spoke stole froze wore tore forgot hid
    cheats fails wants knows thinks"""
)
# Words in "-ed" that are not verb forms.
_EN_NOT_VERBS = _words("hundred indeed speed greed creed breed sacred naked wicked kindred")
# "'s" is "is" after these, a possessive (dropped) elsewhere.
_EN_IS_BEFORE_S = _words("it that there here what who he she where how")

# --- Spanish -------------------------------------------------------------------------------
_ES_STOP = _words(
    """el la los las lo un una unos unas de del al a en y e o u que se su sus le les me te nos
    os mi mis tu tus es son fue fueron era eran ser sido estar está están estaba estaban ha han
    he hemos hay había por para con como pero si porque este esta estos estas ese esa esos esas
    eso esto aquel aquella ello él ella ellos ellas yo tú usted ustedes nosotros vosotros cual
    cuales quien quienes cuando donde muy ya también así tan sobre entre hasta desde hacia
    durante según tiene tienen tener hace hacen sin"""
)
_ES_NEGATORS = _words("no nunca jamás ni nada nadie ninguno ninguna ningún tampoco")
_ES_MODALS = _words(
    """puede pueden podría podrían poder debe deben debería deberían deber va van irá irán
    será serán"""
)
_ES_QUANTIFIERS = _words(
    """todo todos toda todas algún alguno algunos alguna algunas mucho muchos mucha muchas más
    menos poco pocos poca pocas varios varias cada ambos ambas bastante solo sólo siempre"""
)
_ES_CLAUSE = _words("pero porque aunque sino mientras pues embargo si cuando hasta")
_ES_DECREASE = _words(
    """reduce reducen reducir redujo reducción disminuye disminuyen disminuir evita evitan
    evitar previene previenen prevenir impide impiden impedir elimina eliminan eliminar
    frena frenan frenar sin menos"""
)

_ES_PERSISTENCE = _words("sigue siguen seguirá seguirán seguir continúa continúan todavía aún")

# --- French --------------------------------------------------------------------------------
_FR_STOP = _words(
    """le la les l un une des du de d au aux à en et ou que qu qui se s sa son ses leur leurs
    ce c cet cette ces il ils elle elles on je j tu nous vous me m te t lui y est sont était
    étaient être été a ont avait avaient avoir pour par avec dans sur sous comme si ça cela
    ceci celui celle ceux celles dont où très aussi ainsi alors entre vers chez jusqu lorsqu
    puisqu quand fait font faire mon ma mes ton ta tes notre nos votre vos sans"""
)
_FR_NEGATORS = _words("ne n non ni aucun aucune nul nulle")
# Second halves of "ne ... pas": they negate only where the "ne" was dropped.
_FR_SECONDARY_NEGATORS = _words("pas jamais rien")
_FR_MODALS = _words(
    """peut peuvent pourrait pourraient pouvoir doit doivent devrait devraient devoir faut
    va vont sera seront"""
)
_FR_QUANTIFIERS = _words(
    """tout tous toute toutes plus moins beaucoup peu plusieurs chaque certains certaines
    quelques assez seulement toujours souvent"""
)
_FR_CLAUSE = _words("mais parce car cependant pourtant tandis puisque donc si quand lorsque")
_FR_DECREASE = _words(
    """réduit réduisent réduire réduction diminue diminuent diminuer évite évitent éviter
    empêche empêchent empêcher prévient préviennent prévenir élimine éliminent éliminer
    freine freinent freiner sans moins"""
)
_FR_ELISIONS = {"n": "ne", "l": "le", "d": "de", "j": "je", "m": "me", "t": "te", "s": "se"}
_FR_ELISIONS.update({"c": "ce", "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque"})
_FR_ELISIONS.update({"puisqu": "puisque", "quelqu": "quelque"})


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

    def expand(self, word: str) -> tuple[str, ...]:
        """Split a casefolded token with apostrophes into words, expanding contractions."""
        if self.code == "en":
            return _expand_english(word)
        if "'" not in word:
            return (word,)
        parts = [p for p in word.split("'") if p]
        if self.code == "fr":
            parts = [
                _FR_ELISIONS.get(p, p) if i < len(parts) - 1 else p for i, p in enumerate(parts)
            ]
        return tuple(parts)


def _expand_english(word: str) -> tuple[str, ...]:
    whole = _EN_CONTRACTIONS.get(word)
    if whole is not None:
        return whole
    if "'" not in word:
        return (word,)
    for suffix, replacement in _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (*_expand_english(word[: -len(suffix)]), *replacement)
    if word.endswith("'s"):
        base = word[:-2]
        return (base, "is") if base in _EN_IS_BEFORE_S else _expand_english(base)
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
            _EN_STOP,
            _EN_NEGATORS,
            _EMPTY,
            _EN_MODALS,
            _EN_QUANTIFIERS,
            _EN_CLAUSE,
            _EN_NOT_NEGATING_NEXT,
            True,
            _EN_DECREASE,
            _EN_COORDINATORS,
            _EN_SENTENTIAL_HEADS,
            _EN_SENTENTIAL,
            _words("that"),
            _EN_NEGATIVE_CONTENT,
            _EN_CLAUSE_PAIRS,
            _EN_VERB_FORMS,
            ("ed",),
            _EN_NOT_VERBS,
            _EN_LOWER_ONLY,
            _words("without"),
            ("ing",),
            _words("ever even really actually first"),
            _words("still continue continues continued continuing remain remains persist persists"),
            frozenset({("no", "longer"), ("no", "more"), ("not", "anymore")}),
            _words("more increase increases increased increasing"),
            frozenset({("whether", "or")}),
        )
    if code == "es":
        return Language(
            "es", _ES_STOP, _ES_NEGATORS, _EMPTY, _ES_MODALS, _ES_QUANTIFIERS, _ES_CLAUSE,
            _words("solo sólo"), True, _ES_DECREASE, _words("y e o u"),
            _words("cierto verdad"), _words("falso mentira mito"), _words("que"),
            absence=_words("sin"), gerund_endings=("ar", "er", "ir"),
            persistence=_ES_PERSISTENCE,
            cessation=frozenset({("ya", "no"), ("dejan", "de"), ("deja", "de")}),
        )  # fmt: skip
    if code == "fr":
        return Language(
            "fr", _FR_STOP, _FR_NEGATORS, _FR_SECONDARY_NEGATORS, _FR_MODALS, _FR_QUANTIFIERS,
            _FR_CLAUSE, _words("seulement"), True, _FR_DECREASE, _words("et ou"),
            _words("vrai exact"), _words("faux mythe mensonge"), _words("que qu"),
            absence=_words("sans"), gerund_endings=("er", "ir", "re"),
            persistence=_words("toujours encore continue continuent reste restent"),
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
