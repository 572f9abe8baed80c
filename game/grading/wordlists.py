"""The word lists behind ``languages``: stop words, negators, words of decrease and the
like, per language (English, Spanish, French). Our own lists: negators, modals and
quantifiers stay out of the stop lists because they carry what a rubric cares about.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- English -------------------------------------------------------------------------------
EN_STOP = words(
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
EN_NEGATORS = words(
    "not no never none nothing nobody noone neither nor nowhere hardly barely scarcely"
)
# Content words that also negate what follows ("ineffective in deterring crime").
EN_NEGATIVE_CONTENT = words("ineffective useless unable fail fails failed failing incapable")
EN_MODALS = words("will would can could may might must shall should ought need needs")
EN_QUANTIFIERS = words(
    """all any some many much more most few fewer less least several every each both either
    enough only half whole always often sometimes rarely seldom"""
)
# Degree words: how much, not what ("*much* safer", "not *any* safer"). They are never words
# a point is matched on, and a negation reaches past them ("does not make a car *any* safer":
# "safer" is what is denied).
EN_DEGREE = words(
    """any much very really so too such quite rather extremely totally fairly somewhat
    slightly incredibly truly absolutely utterly highly"""
)
# "More" and "less" are degree words before an adjective or adverb ("*more* dangerous", "not
# *less* likely"), quantities before a noun ("*more* nukes"); what they say about what follows
# is kept as polarity either way (EN_INCREASE, EN_DECREASE). An adjective is told by its
# ending or from a short list of common ones.
EN_COMPARATIVES = words("more less most least")
EN_ADJECTIVE_ENDINGS = (
    "ous", "ful", "ive", "able", "ible", "ic", "al", "ent", "ant", "ary", "ly", "less", "ish",
)  # fmt: skip
EN_NOT_ADJECTIVES_ENDINGS = ("ment", "ply", "ily")
EN_ADJECTIVES = words(
    """safe unsafe secure stable likely unlikely hard easy difficult free open cheap costly
    expensive real serious willing able afraid aware ready keen worried cautious reckless
    isolated united focused interested advanced prepared committed determined exposed
    vulnerable credible common rare strong weak big small high low close far good bad"""
)
# Words that open a new clause: negation does not reach across them.
EN_CLAUSE = words(
    """but because although though whereas however yet while unless instead otherwise
    therefore since if when whenever until once"""
)
# Verbs and words of decrease: "reduces bullying" says bullying goes *down*, like "no bullying".
# "Without" is one before a noun ("without the umbrella": an absence, not a denial), and
# "less"/"fewer" are ("fewer bullies").
# They flip the polarity of the next few content words (never across "and"/"or").
EN_DECREASE = words(
    """reduce reduces reduced reducing reduction decrease decreases decreased decreasing lower
    lowers lowered lowering lessen lessens diminish diminishes diminished prevent prevents
    prevented preventing prevention stop stops stopped stopping avoid avoids avoided avoiding
    eliminate eliminates eliminated eliminating elimination curb curbs curbed curbing deter
    deters deterred deterring hinder hinders hindered hindering lack lacks lacking lose loses
    losing lost loss difficult hard impossible unlikely without less fewer"""
)
EN_COORDINATORS = words("and or")
# Two-word openers of a new clause for negation ("not banned *as long* as ..."); "so" opens
# one after a comma or before a subject ("never had one, *so* they differ"), not as an
# adverb ("not *so* different").
EN_SUBJECTS = words("i you he she it we they there the a an this these those his her their its our")
EN_CLAUSE_PAIRS = frozenset(
    {("as", "long"), ("even", "if"), ("so", "that"), ("in", "order"), ("", "so")}
    | {("so", w) for w in EN_SUBJECTS}
)
# "It is not *true* that ...": a negator before these negates the whole clause...
EN_SENTENTIAL_HEADS = words(
    "true case correct fact evidence proof reason shown proven proved clear demonstrated"
)
# ...and so do these before "that" ("it is a myth that uniforms reduce bullying").
EN_SENTENTIAL = words("false untrue myth wrong nonsense lie")
# A negator followed by one of these does not negate ("not only ... but also").
EN_NOT_NEGATING_NEXT = words("only just merely simply necessarily")
EN_CONTRACTIONS = {
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
EN_LOWER_ONLY = {"u": ("you",), "ur": ("your",)}
EN_SUFFIXES = (
    ("n't", ("not",)),
    ("'re", ("are",)),
    ("'ve", ("have",)),
    ("'ll", ("will",)),
    ("'d", ("would",)),
    ("'m", ("am",)),
)
# Surely verbs: with one of these, a short stretch of words is a sentence, not a list item.
EN_VERB_FORMS = words(
    """was were has had did does made makes took takes gave gives went goes got gets kept
    keeps lost won fell broke brought bought sent spent left paid said says told sold held ran
    saw knew grew threw became began came built caught fought found felt thought taught meant
    met led stood understood wrote drove rose chose spoke stole froze wore tore forgot hid
    cheats fails wants knows thinks"""
)
# Words in "-ed" that are not verb forms.
EN_NOT_VERBS = words("hundred indeed speed greed creed breed sacred naked wicked kindred")
# "'s" is "is" after these, a possessive (dropped) elsewhere.
EN_IS_BEFORE_S = words("it that there here what who he she where how")

# Words saying something goes on, stops, or grows ("bullies *still* mock", "*no longer*",
# "*more* missile tests").
EN_PERSISTENCE = words(
    "still continue continues continued continuing remain remains persist persists"
)
EN_CESSATION = frozenset({("no", "longer"), ("no", "more"), ("not", "anymore")})
EN_INCREASE = words("more increase increases increased increasing")
# A clause opening with these asks a rhetorical question, which denies what it asks: "*how
# can* Kim believe any US guarantee?" says he cannot, "*why would* China do America's work?"
# that it would not. Only after nothing, or after these leads ("*so* why would he ...").
EN_RHETORICAL = frozenset(
    {("why", "would"), ("why", "should"), ("how", "can"), ("how", "could"), ("who", "would")}
    | {("who", "could"), ("who", "can")}
)
EN_RHETORICAL_LEADS = words("so and but then")
# A negator after these negates nothing ("whether or *not*").
EN_IDLE_NEGATION = frozenset({("whether", "or")})

# --- Spanish -------------------------------------------------------------------------------
ES_STOP = words(
    """el la los las lo un una unos unas de del al a en y e o u que se su sus le les me te nos
    os mi mis tu tus es son fue fueron era eran ser sido estar está están estaba estaban ha han
    he hemos hay había por para con como pero si porque este esta estos estas ese esa esos esas
    eso esto aquel aquella ello él ella ellos ellas yo tú usted ustedes nosotros vosotros cual
    cuales quien quienes cuando donde muy ya también así tan sobre entre hasta desde hacia
    durante según tiene tienen tener hace hacen sin"""
)
ES_NEGATORS = words("no nunca jamás ni nada nadie ninguno ninguna ningún tampoco")
ES_MODALS = words(
    """puede pueden podría podrían poder debe deben debería deberían deber va van irá irán
    será serán"""
)
ES_QUANTIFIERS = words(
    """todo todos toda todas algún alguno algunos alguna algunas mucho muchos mucha muchas más
    menos poco pocos poca pocas varios varias cada ambos ambas bastante solo sólo siempre"""
)
ES_CLAUSE = words("pero porque aunque sino mientras pues embargo si cuando hasta")
ES_DECREASE = words(
    """reduce reducen reducir redujo reducción disminuye disminuyen disminuir evita evitan
    evitar previene previenen prevenir impide impiden impedir elimina eliminan eliminar
    frena frenan frenar sin menos"""
)

ES_PERSISTENCE = words("sigue siguen seguirá seguirán seguir continúa continúan todavía aún")

# --- French --------------------------------------------------------------------------------
FR_STOP = words(
    """le la les l un une des du de d au aux à en et ou que qu qui se s sa son ses leur leurs
    ce c cet cette ces il ils elle elles on je j tu nous vous me m te t lui y est sont était
    étaient être été a ont avait avaient avoir pour par avec dans sur sous comme si ça cela
    ceci celui celle ceux celles dont où très aussi ainsi alors entre vers chez jusqu lorsqu
    puisqu quand fait font faire mon ma mes ton ta tes notre nos votre vos sans"""
)
FR_NEGATORS = words("ne n non ni aucun aucune nul nulle")
# Second halves of "ne ... pas": they negate only where the "ne" was dropped.
FR_SECONDARY_NEGATORS = words("pas jamais rien")
FR_MODALS = words(
    """peut peuvent pourrait pourraient pouvoir doit doivent devrait devraient devoir faut
    va vont sera seront"""
)
FR_QUANTIFIERS = words(
    """tout tous toute toutes plus moins beaucoup peu plusieurs chaque certains certaines
    quelques assez seulement toujours souvent"""
)
FR_CLAUSE = words("mais parce car cependant pourtant tandis puisque donc si quand lorsque")
FR_DECREASE = words(
    """réduit réduisent réduire réduction diminue diminuent diminuer évite évitent éviter
    empêche empêchent empêcher prévient préviennent prévenir élimine éliminent éliminer
    freine freinent freiner sans moins"""
)
FR_ELISIONS = {"n": "ne", "l": "le", "d": "de", "j": "je", "m": "me", "t": "te", "s": "se"}
FR_ELISIONS.update({"c": "ce", "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque"})
FR_ELISIONS.update({"puisqu": "puisque", "quelqu": "quelque"})
