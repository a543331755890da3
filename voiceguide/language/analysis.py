"""What a French sentence says, word by word: the concepts it names, what it negates, what is glue.

``Analyzer.analyse`` turns a line into tokens that carry meaning. Glue
(« euh », « est-ce que vous pourriez », articles, pronouns) leaves no token;
a word of a fixed expression (« ça y est », « laisse tomber ») leaves one
token for the whole expression; a verb is led back to its infinitive, so
« répétez », « répète » and « répéter » are one token. Negation is attached
to what it negates, with or without « ne »: « je ne veux pas continuer »
negates « continuer », « je n'ai jamais eu de code » negates « code », and a
negated word may mean its contrary (« je ne me souviens plus » = « oublié »).
The voice settings are composed (« trop fort » = « volume- »), numbers and
ranks are read (« le onzième » = 11).

The analysis knows nothing of commands: the matcher compares its tokens with
the tokens of the vocabulary's and the guide's phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from voiceguide.language.clauses import (
    ASKED,
    CLAUSE_SUBJECTS,
    CLITIC_SUBJECTS,
    CLITICS,
    DETERMINERS,
    DONE,
    ETRE,
    OBJECT_CLITICS,
    PARTICIPLE,
    THEY,
    YOUR_AUX,
    a_place,
    clauses,
    conditioned,
    described_verbs,
    future,
    gerund,
    imperfect,
    my_plan,
    one_part,
    orders,
    remarks,
    said_later,
    their_plan,
)
from voiceguide.language.lexicon import ACTION, GUIDE, LIGHT, NEUTRAL, PAGE, SENSE, WEAK, Lexicon, is_infinitive
from voiceguide.language.morphology import lemma, singular
from voiceguide.language.negation import (
    ASKING,
    GOOD,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    SUBJECTS,
    Item,
    attach_negations,
    content,
)
from voiceguide.language.spelling import NearSpellings
from voiceguide.language.tokens import HAVE, SPEAKER, find_words, folded_words, tokens, unglued

NEG = "!"                 # prefix of a negated reading: "!continuer"
FIRST_PERSON = "first-person"
PERFECT = "perfect"
FUTURE = "future"         # « je le ferai ce soir »: what is said of later, no more asked now than a report is
OBJECT = "object"         # an object pronoun stands for what is spoken of (« je l'ai », « j'en ai un »)
LAST = -1                 # Analysis.number for « le dernier »; -2 for « l'avant-dernier »

# What a token counts against a phrase that does not explain it.
WEIGHT = {SENSE: 1.0, "unknown": 1.0, "short": 0.3, PAGE: 0.35, GUIDE: 0.0, ACTION: 0.5, WEAK: 0.3,
          "number": 0.5, "last": 0.0, "setting": 1.0, "light": 0.5, "comparative": 0.3, "adverb": 0.3,
          "epithet": 0.3, "until": 0.1}
MAX_WORDS = 60            # a longer line is not a command; the matcher refuses it before
# Typo correction: a word this close to a known word of at least CORRECT_MIN letters is that word.
CORRECT_RATIO = 0.86
CORRECT_MIN = 7

_AUX = HAVE | ETRE
_LEFT_OUT = ""   # the auxiliary of a participle said alone
_AGAIN = "repeter"   # the concept of « encore une fois », « une deuxième fois »
_MORE = "encore"   # beside a setting, more of it (« baisse encore », « encore plus fort »)
_BETWEEN_AUX = frozenset({"encore", "deja", "bien", "toujours", "jamais", "beaucoup", "trop"})   # « a encore monté »
_THIRD_AUX = frozenset({"a", "ont"})
_PAID = frozenset({"remboursement", "paiement"})   # « ils m'ont remboursé », « ils ont versé »
_INTERJECTIONS = frozenset({"tiens", "regarde", "bon", "ben", "bah", "oh", "ah", "eh", "alors", "ouf", "super", "chouette",
                            "dis", "donc", "enfin", "finalement"})   # before news: « tiens, ils m'ont remboursé »
_ALMOST = frozenset({"presque", "quasiment", "bientot", "quasi"})
_NO_IDEA = frozenset({("je", "en", "sais"), ("en", "sais", "rien")})   # « qu'est-ce que j'en sais », « j'en sais rien »
_SO_MANY = (["en", "a"], ["en", "ont"], ["en", "avait"])   # « il y en a, des catégories », « y en a, des démarches »
# said last, to someone: « je suis sur mon compte, tu vois ! »; « il faut cliquer sur Suivant ? montre-moi »: asked to
# point at what is in front of us (not « montrez-moi » alone, which may ask the guide for the way); « ça met huit
# jours, hein, dis ? »: agreement asked of someone
_SHOWN = (("tu", "vois"), ("vous", "voyez"), ("tu", "vois", "bien"), ("vous", "voyez", "bien"), ("montre", "moi"),
          ("montre", "le", "moi"), ("montre", "la", "moi"), ("montre", "les", "moi"), ("hein", "dis"))
_SO_MUCH = frozenset({"tellement", "tant", "plein", "trop", "beaucoup"})   # « j'en ai tellement, des codes »
_IRREGULAR_PARTICIPLES = frozenset({"fait", "faits", "mis", "pris", "ecrit", "dit"})
_WRITE, _MESSAGE, _HELP, _LEAVE = "ecrire", "message", "aide", "quitter"
_HOW_WRITTEN = frozenset({"petit", "gros", "grand", "en", "tout", "mal", "quoi", "comment", "ou"})   # « écrit tout petit »
_HELPED = ("le", "la", "les", "lui", "leur")   # « je l'aide », « je les aide » (not « je t'aide »: said to someone)
_SPEAKING = frozenset({"parler", "causer", "aller", "repeter", "redire", "lire", "relire"})   # « tu parles vite »
_ACTING = frozenset({"aller", "taper", "ecrire", "cliquer", "faire", "appuyer"})   # « je suis allé trop vite »
_COMPLAINT = frozenset({"tu", "vous", "ce", "ca"})   # « tu parles vite », « c'est lent »: too much
_NOT_BIDDEN = CLAUSE_SUBJECTS | CLITIC_SUBJECTS | {"ils", "elles", "n"}   # before a verb: not an order
# before « pas du tout », an answer (« non, pas du tout »), not a verb it negates (« je sais pas du tout »)
_ANSWER_LEADS = frozenset({"non", "mais", "oh", "ah", "ben", "bah", "bon", "et", "alors", "euh", "ha", "que", "pas",
                           "point"})
_THEIRS = frozenset({"sa", "son", "ses", "leur", "leurs"})   # a third person's
_TAKE_BACK = "reprendre"
_READY = "pret"
_ONE_MORE = "encore"   # « encore un lundi »: not « again » (that is _AGAIN)
_COMPARING = frozenset({"mieux", "pire", "plus", "moins", "aussi"})   # « mieux fait qu'avant »
_PUT = frozenset({"mettez", "mets", "mettre", "remettez", "remets"})
_SAY_IT = frozenset({"dis", "dites", "redis", "redites", "lis", "relis", "repete", "explique"})   # « dis-le plus lentement »
_DOMAINS = frozenset({"ameli", "www", "gouv", "sante"})   # « ameli point fr »: the dot of an address
_TOP_LEVEL = frozenset((w,) for w in ("fr", "com", "net", "org", "quoi", "gouv"))
_PURPOSE = frozenset({"pour", "afin"})   # before a verb: the aim (« afin de » is « afin » « de » here)
# Besides the setting nouns: « ton débit est trop lent », « la machine est trop lente »
_THE_VOICE = frozenset({"debit", "elocution", "parole", "rythme", "ton", "machine", "ordi", "ordinateur", "dame",
                        "monsieur", "madame", "robot", "appareil", "logiciel", "programme", "truc", "machin", "bidule", "femme",
                        "lecture"})
_SOUND_NOUNS = frozenset({"son", "volume"})
_GONE = frozenset({"parti", "partie", "partis", "parties", "sorti", "sortie", "sortis", "sorties"})
_ADVERBS_OF_TIME = frozenset({"encore", "deja", "bien", "vite", "toujours", "jamais", "pas", "plus"})
_ONLY_DETERMINERS = frozenset({"un", "une", "du", "des", "au", "aux", "ma", "mon", "ta", "ton", "sa", "cette",
                               "ces", "mes", "tes", "ses", "notre", "votre", "nos", "vos"})
_SOMMAIRE, _STEP, _NO = "sommaire", "etape", "non"
_PASSING = "passer"
_LEAVING = "au revoir"
_ON_THE_WAY = frozenset({"va", "vont", "doit", "doivent", "peut", "peuvent", "vient", "viennent", "de", "est", "sont",
                         "bien", "deja", "enfin", "pas", "ne"})   # between a subject and « partir »: « va bien partir »
_PAUSE = "pause"
_BACK, _COME_HERE = "revenir", "venir ici"
_GOING_ON_AGAIN = [["reprend"], ["redemarre"], ["recommence"],   # what a match, a computer, an ache does
                   ["part"], ["partent"],   # « le mien part à la retraite », « le bus part »
                   ["revient"], ["reviennent"]]   # « tiens, le soleil revient »
_WAIT = frozenset({"attends", "attendez"})
_WONDERING = frozenset({"savoir", "sais", "sait", "voir", "verifier", "demande", "demander", "regarder"})   # … si
_FORMERLY = "avant"
_OF_A_PLACE = frozenset({(w,) for w in ("de", "du", "des", "a", "au", "aux", "chez")})   # « l'ordi de la médiathèque »
# « ne parlez pas si vite, madame Leroy, je note »: someone called by a title and a name (the guide has none)
_TITLED_NAME = re.compile(r"\b(?:[Mm]adame|[Mm]onsieur|[Mm]ademoiselle|[Dd]octeur|[Mm]a[îi]tre)\s+[A-ZÀ-Ý][a-zà-ÿ]+")
_TO_YOU = frozenset({"tu", "te", "toi", "ton", "ta", "tes"})
_NAME_BETWEEN = re.compile(r",\s*([A-ZÀ-Ý][a-zà-ÿ]{2,})\s*(?=[,;:!?.…]|$)")   # « …, Élise, … », « …, Élise ! »
_PUNCTUATION = re.compile(r"[,;:!?.…()]+")   # what parts a line into the pieces someone may be called in
# after « plus vite que », someone or something compared (not « plus fort que ça »: louder than now)
_COMPARED = DETERMINERS | {"moi", "toi", "lui", "elle", "nous", "vous", "eux", "elles", "un", "une", "des"}
_HOW = frozenset({"comment", "faire", "quoi"})   # « comment on fait quand … »: the « quand » is what is asked
# what a sentence says of the voice's pace, or of its loudness, beside a word that may be either
_PACE = frozenset({"suivre", "temps", "vite", "rapide", "rapidement", "lent", "lente", "lentement", "debit", "rythme", "vitesse",
                   "presse", "presses", "pressee", "pressees"})
_LOUDNESS = frozenset({"volume", "son", "fort", "forte", "resonne", "resonner", "crier", "oreilles", "bruit", "hurler"})
_WAS = frozenset({"etait", "etais", "etaient", "etions", "etiez"})
_COMING = frozenset({"prochain", "prochaine", "suivant", "suivante"})
_BEHIND, _NORMAL = "arriere", "normal"
_VOICE_SETTINGS = frozenset({"voix", "vitesse", "volume", "debit", "son", "rythme", "reglage", "reglages"})
_RANKED = _COMING | {"precedent", "precedente"}   # before a noun, said of it (« la précédente voisine »)
_TIMES = frozenset({"mois", "semaine", "annee", "an", "fois", "jour", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                    "samedi", "dimanche", "week", "weekend", "rendez", "vous", "ete", "hiver", "printemps", "automne",
                    "noel", "paques", "coup"})   # before « prochain »: a date, not the next step
_BEFORE_NOW = _TIMES | {"derniere", "dernier", "premiere", "premier"}   # « plus vite que la dernière fois »
# « plus fort que la télé »: louder than what drowns the voice, a wish (not « plus fort que le roquefort »)
_SOUNDS = frozenset({"tele", "television", "radio", "musique", "bruit", "aspirateur", "machine", "poste"})
OPENING = frozenset({"moi", "et", "mais", "oui", "non", "ah", "oh", "attends", "attendez"})   # before that « avant »
_DURATIONS = [["minute"], ["minutes"], ["seconde"], ["secondes"], ["min"], ["instants"]]
# the endings of adjectives the lexicon need not know (« spéciaux », « officielle », « électronique »)
# (not « -el », « -elle », « -al »: « Marcel », « Isabelle », « Pascal » are called)
_EPITHETS = ("aux", "ales", "ique", "iques", "if", "ifs", "ive", "ives", "eux", "euse", "euses", "aire", "aires", "ible",
             "ibles", "able", "ables")
_THIRD_PERSON = frozenset({"il", "elle", "on"})
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette"})
_NOT_NAMED = frozenset({"que", "qui", "qu", "dont"})
_ONLY = frozenset({"juste", "seulement", "simplement", "uniquement"})   # « c'est juste pour … »
# « si tu peux », « si vous voulez bien »: polite; any other « si tu … » first (« si tu vois passer une lettre, tu me la
# lis ») is a condition of someone's own life, said to them
_POLITE = frozenset({"pouvoir", "vouloir"})
_BEFORE_A_NOUN = DETERMINERS | {"un", "une", "des", "du", "de"}
# « chez Monique », « la Saint-Jean », « un nouveau docteur »
_NOT_CALLING = _BEFORE_A_NOUN | PREPOSITIONS | {"au", "aux", "saint", "sainte", "nouveau", "autre"}
_SPANS = frozenset({"seconde", "secondes", "minute", "minutes", "instant", "instants", "moment", "temps", "heure",
                    "heures", "jours", "semaines", "mois", "ans", "annees", "lurette", "siecle", "siecles", "plombe",
                    "plombes"})   # how long: « ça fait des mois que… », « j'ai décroché deux minutes »
_BEFORE_A_VERB = CLITIC_SUBJECTS | CLITICS | _AUX | {"pas", "plus", "jamais"}   # « que je m'en suis pas servi »
_ELAPSED = frozenset({"fait", "depuis", "voila"})   # « ça fait », « depuis », « voilà » (and « il y a ») before it
_WHEN = frozenset({("quand",), ("lorsque",), ("des", "que"), ("une", "fois", "que")})
_SENDING = frozenset({"va", "vas", "allez", "viens", "venez", "cours", "file"})   # before an infinitive: an errand
_COME = frozenset({"viens", "venez"})   # before an infinitive after the start: someone called (not « je viens »)
# After « ma fille », « papa »…, these make it the subject of the sentence (« ma fille me l'avait donné »),
# not someone spoken to.
_CALLED_PLACE = frozenset({("la",), ("le",), ("les",)})   # « allô, la mairie ? »: a call, whatever follows
_SUBJECT_OF = frozenset({(w,) for w in ("me", "te", "se", "le", "la", "les", "lui", "leur", "y", "en", "ne", "a",
                                        "est", "avait", "etait", "va", "vient", "fait", "sait", "peut", "veut")})
# Before a word, these make it part of the sentence (« le congé du papa », « être papa »), not someone spoken to.
_IN_THE_SENTENCE = frozenset({"du", "de", "des", "le", "la", "les", "au", "aux", "un", "une", "mon", "ma", "mes", "ton",
                          "ta", "tes", "son", "sa", "ses", "notre", "votre", "leur", "pour", "avec", "a", "chez",
                          "etre", "suis", "es", "est", "sommes", "etes", "sont", "devenir",   # « je vais être papa »
                          "quand"})   # « on continue quand même »: no « mémé » spoken to, once the accents are gone
_BACK_TOO = frozenset({"remonter", "descendre"})   # the voice, or the steps of the guide
_THEIR_CLITICS = frozenset({"le", "la", "les", "lui", "leur", "se", "y", "en"})   # not « me raconter »: asked of the guide
_ARTICLES = frozenset({"un", "le", "ce", "mon", "ton", "chaque", "premier", "au"})   # « au pas d'avant »
_BEFORE_THE_SOUND = frozenset({"le", "du", "au", "ce", "un", "de", "mon", "ton", "votre"})
_AFTER_THE_SOUND = frozenset({"est", "et", "trop", "plus", "moins", "un", "fort", "bas", "haut", "svp", "stp"})
_DIGITS = re.compile(r"^(\d{1,3})(er|ere|re|e|eme|ieme|nd|nde)?$")


@dataclass(frozen=True)
class Token:
    """One meaning-bearing unit: the concepts it may stand for, and how much it counts.

    ``readings[0]`` is the plain reading; the others are what it may mean
    too (a negated « souvenir » also reads « perdu »). ``start``/``end`` index
    ``Analysis.words``.
    """

    readings: tuple[str, ...]
    weight: float
    start: int
    end: int
    corrected: bool = False
    wrapper: bool = False      # a negated wrapper verb (« je ne veux pas … »): it negates the whole request
    plain: bool = False        # a word the lexicon does not know (it may be one of the page being read)
    page: bool = False         # a thing or an action of the page (« le bouton », « valider »)
    weak: bool = False         # a word of little meaning (« quoi », « comment », « faire »)


@dataclass(frozen=True)
class Analysis:
    """A line, analysed: its words (folded, fillers dropped) and its meaning-bearing tokens."""

    words: tuple[str, ...]
    tokens: tuple[Token, ...]
    features: frozenset[str]
    number: int | None = None   # a choice number said on its own (« le trois »); LAST for « le dernier »
    yours: bool = False         # the listener's own past (« tu as reçu mon message ? »): talk, not a request
    elsewhere: bool = False     # said to someone of the house (« chéri, … », « … toi-même »): talk, not a request
    called: bool = False        # someone called by name (« Christian, parle moins fort »), or told « si tu vois … »
    told: bool = False          # someone told what to do on the page (« tu tapes ton code »): the guide types nothing
    to_someone: bool = False    # words only a person is told (« toi-même », « je te tiens au courant »): no guide
    doubting: bool = False      # « je sais plus si … », « je me demande si … »: a doubt said aloud, no choice made
    imperative: bool = False    # it starts with a verb and no subject (« va chercher le courrier »): an order
    errand: bool = False        # « allez chercher le courrier », « viens voir »: someone sent to do a thing
    clauses: tuple[int, ...] = ()   # where a subject starts a clause of its own (« … tu me casses les oreilles »)
    orders: tuple[int, ...] = ()    # where an order with no subject starts one (« …, envoyez-moi une lettre »)
    remarks: tuple[int, ...] = ()   # where a « c'est … » said after the start begins (« …, c'est l'ordi de la médiathèque »)
    aim: tuple[str, ...] = ()   # after « pour » and a verb: the words of the aim, which may be what is asked
    how_to: bool = False        # « comment je fais pour … »: the aim is what is asked
    perfect_at: frozenset[int] = frozenset()   # where the words in the perfect start (« je me suis déconnectée »)
    astonished: bool = False    # « oh ben ça alors, … »: said for oneself (« alors » is a filler, gone from ``words``)

    def subject_before(self, token: Token) -> int | None:
        """Where the subject of the clause ``token`` stands in starts, if that clause has one."""
        start = max((start for start in self.clauses + self.orders if start <= token.start), default=None)
        return None if start in self.orders else start

    def readings(self) -> frozenset[str]:
        return frozenset(r for t in self.tokens for r in t.readings)


class Analyzer:
    """Analyses lines with one lexicon, the vocabulary's fillers and the words of the known phrases."""

    def __init__(self, lexicon: Lexicon, fillers: Iterable[str], phrases: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self._fillers: dict[str, list[tuple[str, ...]]] = {}   # by first word, the longest first
        self._setting_phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, int]]]] = {}   # by first word too
        for key, setting in lexicon.setting_phrases.items():
            self._setting_phrases.setdefault(key[0], []).append((key, setting))
        for seq in sorted({folded_words(f) for f in fillers} - {()}, key=len, reverse=True):
            self._fillers.setdefault(seq[0], []).append(seq)
        self._words: set[str] = {w for key in lexicon.entries for w in key} | set(lexicon.forms)
        self._words |= set(lexicon.numbers) | lexicon.negations | lexicon.number_cues | lexicon.last
        self._words |= {w for key in lexicon.degrees for w in key} | set(lexicon.settings)
        self._infinitives = set(lexicon.infinitives)
        self._nouns: set[str] = set()   # the guide's words seen after a determiner: no verb, whatever their ending
        self._bigrams: set[tuple[str, str]] = set()
        self.learn(phrases)

    def learn(self, phrases: Iterable[str]) -> None:
        """Adds the words of ``phrases`` (the guide's choices, the vocabulary) to those the analysis knows."""
        said = [tokens(phrase) for phrase in phrases]
        # « taper », « résilier »: a verb; not « une lettre », « par courrier » (anywhere), « première », « assuré »
        nouns = {w for pairs in said for (before, _), (w, _) in zip(pairs, pairs[1:], strict=False)
                 if before in _ONLY_DETERMINERS or before == "par"} - self._nouns
        self._nouns |= nouns
        unlearned = (nouns & self._infinitives) - self.lexicon.infinitives   # taken for a verb by an earlier phrase
        self._infinitives -= unlearned
        added = bool(unlearned)
        for pairs in said:
            words = tuple(f for f, _ in pairs)
            for w, accented in pairs:
                if w not in self._words:
                    self._words.add(w)
                    added = True
                if (is_infinitive(w) and w not in self._infinitives and w not in self._nouns
                        and not accented.endswith(("é", "ère"))):
                    self._infinitives.add(w)
                    added = True
            self._bigrams.update(zip(words, words[1:], strict=False))
        if added:
            self._lemma.cache_clear()
            self._correct.cache_clear()
            self.analyse.cache_clear()
            self._spellings = NearSpellings((w for w in self._words if len(w) >= CORRECT_MIN), CORRECT_RATIO)

    def plain_words(self, texts: Iterable[str]) -> frozenset[str]:
        """The words of ``texts`` the lexicon does not know, as a line's tokens read them (« adresses » -> adresse)."""
        out = set()
        for text in texts:
            for word, _ in tokens(text):
                if len(word) > 2 and (word,) not in self.lexicon.entries and word not in self.lexicon.forms:
                    base, _ = self._lemma(word)
                    if (base,) not in self.lexicon.entries:
                        out.add(singular(base))
        return frozenset(out)

    def knows(self, word: str) -> bool:
        return word in self._words or word in self._infinitives

    def _named_between(self, text: str, said: Sequence[str]) -> bool:
        """« plus fort, Élise, je t'entends pas d'ici »: a name written between commas, one word of three letters or
        more with its capital that the guide does not know, in a line said to « tu » (``said``: its words), calls
        someone of the house (the names the lexicon lists are found anywhere; not « Valider, Entrée, c'est envoyé »,
        nor « C.M.U.C. »)."""
        names = _NAME_BETWEEN.findall(text)
        return bool(names) and bool(_TO_YOU & set(said)) and any(
            not self._guide_word(tokens(name)[0][0]) for name in names)

    def _guide_word(self, noun: str) -> bool:
        """A noun the guide's phrases use, in the singular or the plural (« catégorie », « catégories »)."""
        return self.knows(noun) or self.knows(noun + "s") or self.knows(noun + "x")

    # ------------------------------------------------------------------ analysis

    @lru_cache(maxsize=1024)  # noqa: B019 - one analyzer per matcher, kept for the whole run
    def analyse(self, text: str) -> Analysis:
        """The tokens of ``text``; cached, as the same short commands come back all the time."""
        said = tokens(text)[:MAX_WORDS]
        whole = self._without_fillers(said)
        pairs, corrected = self._corrected(self._without_purpose(whole))
        words = tuple(f for f, _ in pairs)
        items = self._items(pairs)
        for item in items:
            item.corrected = any(i in corrected for i in range(item.start, item.end))
        attach_negations(items, self.lexicon, words)
        for item in described_verbs(items, words):   # « les messages qu'ils m'ont envoyés »: no request to send,
            item.kind, item.perfect = NEUTRAL, False  # and no report of the speaker's
        for item in conditioned(items, words, self.lexicon.forms):
            item.kind, item.perfect = NEUTRAL, False
        later = said_later(items, pairs)
        if later is not None:   # a word of its own, that no command reads: it weighs as said, not asked
            later.kind, later.concept = "unknown", "plus tard"
        analysis = _analysis(words, items, self.lexicon, self._guide_word)
        hails = self.lexicon.elsewhere
        plain = [f for f, _ in said]   # the line's words before the fillers go
        if not analysis.elsewhere and (_hailed_between(text, hails) or _you_named(text, words, analysis.imperative)
                                       or _found_aloud(plain, hails) or self._named_between(text, plain)
                                       or _searched_aloud(plain) or bool(_TITLED_NAME.search(text))):
            analysis = replace(analysis, elsewhere=True)
        if not analysis.called and _called(plain, self.lexicon.called):   # « Clément » before it was spelt « calmement »
            analysis = replace(analysis, called=True, elsewhere=True)
        if any(plain[i:i + 2] == ["ca", "alors"] for i in range(len(plain) - 1)):
            analysis = replace(analysis, astonished=True)
        if len(pairs) < len(whole) and words[-2:] != ("tout", "ca"):   # « tout ça pour voir un remboursement »: a sigh
            analysis = replace(analysis, aim=tuple(f for f, _ in whole[len(pairs) + 1:]),
                               how_to=any(self._lemma(w)[0] == "faire" and not (i and words[i - 1] in _AUX)
                                          for i, w in enumerate(words)))   # not « j'ai fait Entrée pour … »: done
        return analysis

    def _without_fillers(self, pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
        """The words without fillers; a filler inside a fixed expression stays (« c'est bon », « voilà voilà »)."""
        words = [f for f, _ in pairs]
        kept: list[tuple[str, str]] = []
        accented = [a for _, a in pairs]
        i = _opening_a_question(words) or _hailing(words)
        while i < len(pairs):
            expression = self._expression(words, i, accented)
            if expression is not None and expression.kind not in (NEUTRAL, LIGHT):
                kept.extend(pairs[i:expression.end])
                i = expression.end
                continue
            # (« heu » is no form of « heure »: a short word is a verb only as a form the lexicon knows; « on dis »
            # is no verb with its subject: « où en est-on, dis une fois »)
            verb_of_a_subject = (i and words[i - 1] in CLITIC_SUBJECTS and self._lemma(words[i])[1]
                                 and (len(words[i]) > 3 or words[i] in self.lexicon.forms)
                                 and not (words[i - 1] in _THIRD_PERSON and words[i].endswith("s"))
                                 and not (i > 1 and words[i - 1] == "je" and self._lemma(words[i - 2])[1]))   # « suis-je »
            # « pas le bon code »: an adjective after its article, no « bon » that only fills (« un bon coup »,
            # « oh là là, bon » do)
            qualifying = words[i] in GOOD and kept[-1:] in ([("le", "le")], [("la", "la")], [("les", "les")])
            for seq in () if verb_of_a_subject or qualifying else self._fillers.get(words[i], ()):   # « je dis une fois »
                if tuple(words[i:i + len(seq)]) == seq:
                    i += len(seq)
                    break
            else:
                kept.append(pairs[i])
                i += 1
        return kept

    def _without_purpose(self, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The words before « pour que », « afin que », or « pour » and a verb (« qu'est-ce que je dois dire
        pour avancer »): what follows says what for, not what is asked (``aim`` gives it: after « comment je
        fais », it may be what is asked)."""
        words = [f for f, _ in pairs]
        for i in range(1, len(words)):
            for key in self.lexicon.purpose:
                if tuple(words[i:i + len(key)]) == key:
                    return pairs[:_only_before(words, i)]
            if (words[i] in _PURPOSE and self._verb_follows(words, i + 1) and not one_part(words, i)
                    and self._expression(words, i) is None):   # « comment on fait pour te parler »: help itself
                return pairs[:_only_before(words, i)]
        return pairs

    def _verb_follows(self, words: list[str], j: int) -> bool:
        """An infinitive at ``j``, after its pronouns (« pour me connecter », « pour y aller »)."""
        while j < len(words) and words[j] in CLITICS:
            j += 1
        if j >= len(words) or not is_infinitive(words[j]) or words[j] in _ONLY_DETERMINERS:   # « pour votre site »
            return False
        base, verb = self._lemma(words[j])
        return words[j] in self._infinitives or (verb and base == words[j])

    def _corrected(self, pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], set[int]]:
        """Words read as the known words they are near spellings of; the indices of those that changed."""
        out: list[tuple[str, str]] = []
        changed: set[int] = set()
        for k, (word, accented) in enumerate(pairs):
            parts = None
            if not (self.knows(word) or gerund(pairs, k) or self.knows(self._lemma(word)[0]) or _DIGITS.match(word)
                    or self.knows(word + "s") or self.knows(word + "x")   # « démarche » of « mes démarches »
                    or (k and pairs[k - 1][0] in _THEIR_CLITICS and len(word) > 5 and word.endswith("er"))):
                # « je vais leur raconter » is an infinitive after its pronoun, not « raconte » misspelt
                parts = self._correct(word)
            if parts is None:
                out.append((word, accented))
                continue
            for part in parts:
                changed.add(len(out))
                out.append((part, part))
        return out, changed

    def _items(self, pairs: list[tuple[str, str]]) -> list[Item]:
        lex = self.lexicon
        words = [f for f, _ in pairs]
        written = [a for _, a in pairs]
        items: list[Item] = []
        i = 0
        while i < len(words):
            if words[i] in ("pas", "point") and words[i + 1:i + 3] == ["du", "tout"] and i and words[i - 1] not in _ANSWER_LEADS:
                items.append(Item("neg", words[i], i, i + 3))   # « je sais pas du tout »: the verb's, not « non »
                i += 3
                continue
            more = self._setting(words, i + 1) if words[i] == _MORE and i + 1 < len(words) else None
            if more is not None:   # « encore plus fort », « baisse encore un peu »: more, not again
                more.start = i
            found = (more or self._setting(words, i) or self._expression(words, i, written) or self._number(words, i)
                     or self._negated_expression(words, i))
            if found is not None:
                items.append(found)
                i = found.end
                continue
            word, accented = pairs[i]
            if word in lex.negations and i + 1 < len(words) and words[i + 1] == "encore":
                # « pas encore »: not yet, not « encore »; said first and alone, a « non » (« pas encore, j'ai
                # pas fini »)
                alone = i == 0 and (i + 2 == len(words) or words[i + 2] in CLAUSE_SUBJECTS)
                items.append(Item(SENSE, _NO, i, i + 2) if alone and word == "pas" else Item("neg", word, i, i + 2))
                i += 2
                continue
            if len(words) == 1 and word in lex.alone_words:   # « hein ? »
                items.append(Item(SENSE, lex.alone_words[word], i, i + 1))
            elif word in ("pas", "point") and i and words[i - 1] in _ARTICLES:   # « un pas en arrière », « ce point »
                items.append(Item(NEUTRAL, "", i, i + 1))
            elif word == "point" and ((i and words[i - 1] in _DOMAINS) or tuple(words[i + 1:i + 2]) in _TOP_LEVEL):
                items.append(Item(NEUTRAL, "", i, i + 1))   # « Ameli point quoi ? »: a dot (« j'ai point compris » negates)
            elif word == "suivant" and words[i + 1:i + 2] and words[i + 1] in ("le", "la", "les") and set(
                    words[i + 3:i + 5]) & {"que", "qui"}:
                items.append(Item(NEUTRAL, "", i, i + 1))   # « suivant le temps qu'il fera »: according to
            elif word == "ne" or word in lex.negations:
                items.append(Item("neg", word, i, i + 1))
            elif word in lex.number_cues and word not in ("le", "la"):
                items.append(Item("cue", word, i, i + 1))
            else:
                items.extend(self._word(word, accented, i))
            i += 1
        if not any(it.kind in ("number", "weak-number", "last") for it in items):
            _cues_as_words(items, words, lex)   # « les parties du guide »: no number to announce
        _wrappers_before_a(items, words, lex)
        spelling = _spelling_asked(words)
        for k, item in enumerate(items):
            if _gone(words, item):   # « elle est encore partie »: someone left, no part of the guide
                item.kind, item.concept = "unknown", "s'en aller"
            if (item.concept == DONE and words[item.start:item.start + 2] == ["ce", "est"]
                    and words[item.end:item.end + 2] in (["ce", "que"], ["ce", "qui"])):
                item.kind, item.concept = "unknown", "juger"   # « c'est beau ce qu'ils font »: said of a thing, no step done
            if item.concept == _READY and _done_with_avoir(words, item):
                item.kind, item.concept = "unknown", "installer"   # « tu m'as installé l'ordinateur »: done, not ready
            if item.start > 2 and words[item.start - 2] in ("sur", "par", "dans") and words[item.start - 1] in DETERMINERS and (
                    words[item.start - 3].startswith("envoy")):
                item.kind = NEUTRAL   # « un code qu'ils ont envoyé sur ma messagerie »: where it came, not a part asked
            if item.concept == "retrouver" and item.start > 1 and words[item.start - 1] == "y" and (
                    words[item.start - 2] in ("se", "me", "te", "nous", "vous")):
                item.kind, item.concept = "unknown", "s'y retrouver"   # « on s'y retrouve plus »: at a loss, nothing lost
            if (item.perfect or item.concept == DONE) and _to_have_done(words, item.start):
                # « faudrait déjà avoir réussi à l'ouvrir », « il faudrait avoir fini »: what must be done first, not done
                item.perfect = False
                if item.concept == DONE:
                    item.kind, item.concept = "unknown", "à finir"
            if (item.kind == ACTION and item.concept == "changer" and item.perfect and words[item.end:item.end + 1] == ["de"]
                    and words[item.end + 1:item.end + 2] and words[item.end + 1] not in DETERMINERS
                    and words[item.end + 1] not in ("page", "ecran", "onglet", "fenetre", "site")):   # « ça a changé de page »
                item.kind, item.concept = "unknown", "changer de"   # « on a changé de code postal »: a new one, nothing typed
            if item.concept == _LEAVING and _left_by_a_named_one(words, item.start):
                item.kind, item.concept = "unknown", "partir"   # « ils disent que la lettre va partir »: not the speaker
            if item.concept == _PASSING and self._came_by(words, item.start):
                item.kind, item.concept = "unknown", "passer par"   # « le facteur est passé »: a visit, no step passed
            if item.concept == _PASSING and _handed(words, item.start):
                item.kind, item.concept = "unknown", "tendre"   # « je vous la passe »: the phone, no step skipped
            if item.concept == _PASSING and _handed_a_thing(words, item.end):
                item.kind, item.concept = "unknown", "tendre"   # « tu peux me passer mes lunettes avant ? »
                for later in items[k + 1:]:
                    if later.concept == _BEHIND and words[later.start:later.end] == ["avant"]:
                        later.kind, later.concept = "unknown", "d'abord"   # before the rest, no step back
            if (words[item.start].startswith("ramen") and item.end + 1 < len(words)
                    and words[item.end] in _BEFORE_A_NOUN
                    and words[item.end + 1] not in _NOT_HANDED and not self._guide_word(words[item.end + 1])):
                item.kind, item.concept = "unknown", "rapporter"   # « ramener la tablette à ta mère »: a thing brought
            if item.concept == _PASSING and words[item.end:item.end + 1] == ["par"]:
                item.kind, item.concept = "unknown", "passer par"   # « passer par le site »: a way, no step skipped
            if (item.concept == _BEHIND and words[item.start:item.end] == ["de", "avant"] and item.start
                    and words[item.start - 1] in _VOICE_SETTINGS):
                item.concept = _NORMAL   # « reviens à ta vitesse d'avant », « ton volume d'avant »: the voice as it was
            elif (item.concept == _BEHIND and words[item.start:item.end] == ["de", "avant"] and item.start > 1
                  and words[item.start - 2] in DETERMINERS and not self._guide_word(words[item.start - 1])):
                item.kind, item.concept = "unknown", "autrefois"   # « la chanson d'avant »: a thing as it was, no step
            elif (item.concept == _BEHIND and words[item.start:item.end] == ["avant"] and item.end == len(words)
                  and item.start > 1 and words[item.start - 2] in DETERMINERS
                  and not self._guide_word(words[item.start - 1])):
                item.kind, item.concept = "unknown", "d'abord"   # « prendre mon café avant »: beforehand, no step
            elif (item.concept == _BEHIND and words[item.start:item.end] == ["avant"] and item.end == len(words)
                  and item.start and is_infinitive(words[item.start - 1]) and words[item.start - 1] in lex.actions):
                item.kind, item.concept = "unknown", "d'abord"   # « il faut valider avant »: done first, no step back
            if words[item.start] in _COMING and item.start and words[item.start - 1] in _TIMES:
                item.kind, item.concept = "unknown", "plus tard"   # « le mois prochain », « samedi prochain »: a date
            if (words[item.start] in _RANKED and item.end == item.start + 1
                    and item.start and words[item.start - 1] in DETERMINERS | _ONLY_DETERMINERS
                    and item.end + 1 < len(words) and len(words[item.end]) > 2 and not self._guide_word(words[item.end])):
                # « le précédent maire, il avait promis … »: said of another noun, with more said of it (not « on
                # passe à la suivante, gell ? »)
                item.kind, item.concept = "unknown", "un autre"
            if (words[item.start:item.end] == ["y", "aller"] and k + 1 < len(items) and items[k + 1].kind == "setting"
                    and items[k + 1].start == item.end):
                item.kind = NEUTRAL   # « faudrait y aller plus mollo »: how to go on, nobody leaving
            if words[item.start:item.end] == [_FORMERLY] and _formerly(words, item.start):
                item.kind, item.concept = "unknown", "autrefois"   # « avant on habitait à Roubaix »: no step back
            if (item.concept == DONE and words[item.start:item.end] in (["finis"], ["finit"]) and item.start
                    and words[item.start - 1] in CLAUSE_SUBJECTS):
                item.kind = NEUTRAL   # « je finis juste un truc »: what the speaker is busy with, nothing done yet
            if not item.verb and item.end == item.start + 1 and (_so_many(words, item.start) or _echoed(words, item.start)):
                item.kind = NEUTRAL   # « que de démarches ! », « un code, un code… »: exclaimed or mused, no part asked
            if (item.concept == _AGAIN and words[item.end - 1] == "fois" and item.end - item.start > 1
                    and any(it.perfect and it.concept != _AGAIN and not negated_before(words, it.start, lex.negations)
                            for it in items[:k])):
                # « je l'ai tapé une deuxième fois »: how often it was done, nothing asked again (« j'ai rien suivi, encore
                # une fois » asks)
                item.kind = NEUTRAL
            if not item.verb and spelling:
                item.kind = NEUTRAL   # « comment ça s'écrit, « remboursement » ? »: the word is asked about, not for
            if not item.verb and _since_a_time(words, item.start):
                item.kind = NEUTRAL   # « depuis le déménagement, je confonds … »: since when, not what
            if words[item.start:item.end] == ["exactement"] and any(_question_at(words, j) for j in range(item.start)):
                item.kind = NEUTRAL   # « où on en est exactement ? »: how precisely it is asked, no yes
            if words[item.start:item.end] == ["encore"] and self._still(words, item.start):
                item.kind = NEUTRAL   # « il en reste encore », « il pleut encore »: still, not « again! »
            if item.verb and self._a_noun(words, item):   # « la loupe », « au marché »: no « louper », « marcher »
                word = words[item.start]
                item.kind, item.concept, item.verb = "known" if self.knows(word) else "unknown", word, False
            if words[item.start:item.end] == ["voir"] and k == 1 and items[0].verb and items[0].start == 0:
                item.kind = NEUTRAL   # « répète voir », « dis voir »: said to urge, nothing to see
            if (words[item.start:item.end] == ["allez"] and words[item.end:item.end + 1] in (["le"], ["la"], ["les"])
                    and item.end + 1 < len(words) and not self._guide_word(words[item.end + 1])):
                item.kind = NEUTRAL   # « allez les Bleus ! », « allez l'OM »: a team cheered on, nothing resumed
            at = item.start - (words[item.start] != "en") - 1   # « est » before « en pause »
            if (item.concept == _PAUSE and at > 0 and words[at] in ("est", "sont") and words[at + 1] == "en"
                    and _told_of_a_thing(words, at)):
                item.kind = NEUTRAL   # « le match est en pause à la mi-temps »: told of a thing, nothing asked
            if words[item.start:item.end] == ["pardon"] and _apology(words, item.end):
                item.kind = NEUTRAL   # « pardon de vous avoir fait attendre »: sorry, as « excusez-moi de », no « pardon ? »
                for sorry in items[k + 1:]:
                    if sorry.start < _apology_end(words, item.end):
                        sorry.kind = NEUTRAL   # and what for: no wait asked
            if words[item.start:item.end] in _GOING_ON_AGAIN and _told_of_a_thing(words, item.start):
                # « le match reprend dans un instant », « mon ordi redémarre »: told of a thing, nothing asked
                item.kind = NEUTRAL
            if item.kind == "setting" and k and _my_own_pace(words, written, item.start):
                item.kind = items[k - 1].kind = NEUTRAL   # « je suis passé trop vite »: how the speaker went
            if (words[item.start:item.end] == [_BACK] and words[max(0, item.start - 2):item.start] == ["tu", "peux"]
                    and (item.end == len(words) or words[item.end] in SUBJECTS)):
                item.concept = _COME_HERE   # « c'est bon, tu peux revenir, j'ai fini »: a person called back
            if item.concept == _SOMMAIRE and a_place(items, k, words):
                item.kind, item.concept = GUIDE, _STEP   # « je suis où dans les étapes », « la partie d'avant »
            if item.verb and item.kind == SENSE and my_plan(words, item):
                item.kind = NEUTRAL   # « j'attendrai ma lettre »: what the speaker will do, not a request
            if item.concept == _AGAIN and item.verb and _said_by_me(words, item.start):
                item.kind, item.concept = "unknown", "je répète"   # « je relis d'abord »: what the speaker does
            if item.verb and item.kind not in (NEUTRAL, GUIDE, PAGE, LIGHT) and their_plan(words, item):
                item.kind = NEUTRAL   # « ma fille m'aidera dimanche »: what someone else will do
            if item.kind in ("number", "weak-number") and words[item.end:item.end + 1] in _DURATIONS:
                item.kind = NEUTRAL   # « cinq minutes »: how long, no choice
            if words[item.start:item.end] in _DURATIONS + [["moment"]] and _elapsed(words[max(0, item.start - 4):item.start - 1]):
                item.kind = NEUTRAL   # « ça fait cinq minutes », « depuis un bon moment »: time gone by, no pause
                for before in items[max(0, k - 4):k]:
                    if words[before.start] in _ELAPSED:
                        before.kind = NEUTRAL   # and its « ça fait »: nothing done, nothing negated
            at = item.start - (item.start > 2 and words[item.start - 1] in self.lexicon.numbers)   # « cinq minutes »
            if (item.concept == _PAUSE and words[item.end - 1] in _SPANS and at > 1
                    and words[at - 2] in _AUX and (self._participle(words[at - 1]) or _participle_ending(written[at - 1]))):
                item.kind = NEUTRAL   # « j'ai décroché deux minutes »: how long it lasted, no pause asked
            if (item.concept == _PAUSE and words[item.end - 1] in _SPANS and at > 0 and words[at - 1] == "dans"
                    and _said_of_a_thing_begun(words, at - 1)):
                item.kind, item.concept = "unknown", "plus tard"   # « mon feuilleton commence dans dix minutes »: when
            if item.concept == _PAUSE and item.kind == SENSE and _waiting_for(words, item):
                item.kind, item.concept = "unknown", "attendre"   # « j'attends le code »: what the speaker waits for
            if item.verb and item.kind != LIGHT and _since(words, item.start):
                item.kind = NEUTRAL   # « ça fait un moment que j'attends »: what has gone on, no pause asked
            if item.verb and item.kind in (LIGHT, ACTION) and since_when(words, item.start):
                item.kind = NEUTRAL   # « depuis que je l'ai mise à la machine »: since when, nothing done on the page
            if (item.end == item.start + 1 and gerund(pairs, item.start)) or self._before_doing(words, item):
                item.kind = NEUTRAL   # « en attendant le code », « avant de partir »: when, not what
            elif item.end == item.start + 1 and not item.steady and _without_doing(words, item.start):
                item.kind = NEUTRAL   # « j'ai tout tapé sans rien dire »: how, not what; its « sans » negates no other
                for before in items[max(0, k - 3):k]:
                    if words[before.start] in _WITHOUT:
                        before.kind = NEUTRAL
            if item.kind == SENSE and item.end - item.start > 1 and self._participle(words[item.end - 1]):
                item.perfect = _auxiliary(items, k, words) is not None   # « j'ai mal entendu »
            if item.verb:
                shaped = item.perfect or words[item.start] in _IRREGULAR_PARTICIPLES   # « fait », not « fais voir »
                item.aux = _auxiliary(items, k, words)
                if (item.aux == "a" and item.end == item.start + 1 and written[item.start].endswith(("er", "ir"))
                        and _to_be_done(items, words, item.start)):
                    item.aux = None   # « prêt à valider », « un code à taper »: an infinitive's « à » is no « a »
                if (item.aux is None and item.perfect and k == 0 and item.kind == ACTION and item.concept in lex.actions
                        and written[item.start].endswith("é")):   # not « entrée », the key
                    item.aux = _LEFT_OUT   # « validé », « tapé, voilà »: the participle said first, its « c'est » unsaid
                elif (item.aux is None and item.perfect and item.kind == ACTION and item.concept in lex.actions
                        and words[item.start] != "entree" and _after_its_noun(items, k, words)):
                    item.aux = _LEFT_OUT   # « date de naissance tapée », « cp rentré »: after its noun, « est » unsaid
                item.perfect = item.perfect or item.aux is not None
                if item.concept == "faire" and item.aux in ETRE and _well_made(words, item.start):
                    item.kind, item.concept, item.aux, item.perfect = "unknown", "bien fait", None, False
                if item.concept == _WRITE and item.aux in ETRE and words[item.end:item.end + 1] and (
                        words[item.end] in _HOW_WRITTEN):
                    item.kind, item.aux, item.perfect = NEUTRAL, None, False   # « c'est écrit tout petit »: the page read
                writing = item.concept == _WRITE or words[item.start].startswith("repond") or (
                    item.concept == "envoyer" and next((it.concept for it in items[k + 1:]
                                                        if it.kind not in (NEUTRAL, "weak-number")), None) == _MESSAGE)
                to_me = writing and _written_to_the_speaker(words, item.start)
                if to_me:
                    item.perfect = False   # « qui c'est qui m'écrit ? »: its « est » is no auxiliary of « écrit »
                if writing and (to_me or _done_to_the_speaker(words, item.start, item.aux)):
                    # « ils m'ont écrit », « la caisse m'a répondu »: a message came, no step of the speaker's done
                    item.aux, item.concept, item.perfect = None, _MESSAGE, False
                    if item.kind == WEAK:   # « répondu »: a weak « dire » before
                        item.kind = ACTION
                if item.perfect and _ALMOST & set(words[max(0, item.start - 3):item.start]):
                    item.negation = "pas"   # « j'ai presque fini de taper », « presque tapé »: not done yet
                if item.perfect and item.aux in HAVE and _counted(words, item.start):
                    # « j'en ai déjà fait une », « j'en ai tapé trois »: how many were done, not the step
                    item.kind, item.concept, item.aux, item.perfect = "unknown", "compté", None, False
                if item.aux == "as" and shaped and item.concept in lex.actions:
                    item.kind, item.aux = NEUTRAL, None   # « t'as fait opposition ? »: what someone else did, asked
                if (item.aux == "ont" and item.concept in lex.actions and _they_did(words, item.start)
                        and not _done_to_the_speaker(words, item.start, item.aux)):   # « ils m'ont envoyé un code »
                    item.kind, item.aux = NEUTRAL, None   # « ils en ont mis, des choses »: what others did, no step done
                if (item.concept in _PAID and _they_did(words, item.start)
                        and set(words[:_subject_of(words, item.start)]) <= _INTERJECTIONS
                        and not {"pas", "jamais", "rien", "toujours"} & set(words[:item.start])):   # not a complaint
                    item.kind = NEUTRAL   # « Tiens, ils m'ont remboursé le dentiste »: news of the house, no part asked
                if item.aux in ETRE and item.concept in lex.with_etre and _person(items, k, words):
                    item.concept = lex.with_etre[item.concept]
                if (item.concept == _LEAVE and item.aux is not None and not item.negation
                        and not words[item.start].startswith("termin")):   # « j'ai terminé »: the step done
                    item.kind = NEUTRAL   # « j'ai fermé la page sans faire exprès », « je suis sorti du site »: what happened
            if (item.kind == "unknown" and k and items[k - 1].end == item.start and items[k - 1].kind in (SENSE, PAGE)
                    and not items[k - 1].verb and items[k - 1].start and words[items[k - 1].start - 1] in _BEFORE_A_NOUN
                    and words[item.start].endswith(_EPITHETS)):
                item.kind = "epithet"   # « des mots spéciaux »: what the thing named is like, not another thing
            if item.concept == _HELP and item.start and _done_to_the_speaker(words, item.start, words[item.start - 1]):
                item.kind = NEUTRAL   # « mon petit-fils m'a aidé »: help had, none asked
            if (item.concept == _HELP and item.start
                    and "je" in words[max(0, item.start - 2):item.start] and words[item.start - 1] in ("je", *_HELPED)):
                item.kind = NEUTRAL   # « je l'aide », « j'aide ma fille »: the speaker helps, no help asked
        return items

    def _settings_meant(self, words: list[str], i: int) -> tuple[tuple[str, int], ...]:
        """The settings of a word that may be two (« doucement »: slower or softer), narrowed by what the sentence
        says of pace (« doucement, j'arrive pas à suivre ») or of loudness (« doucement sur le volume »)."""
        settings = tuple(self.lexicon.settings[words[i]])
        if len(settings) < 2:
            return settings
        others = {w for k, w in enumerate(words) if k != i} | {self._lemma(w)[0] for k, w in enumerate(words) if k != i}
        pace, loudness = bool(others & _PACE), bool(others & _LOUDNESS)
        if pace == loudness:
            return settings
        return tuple(sd for sd in settings if sd[0] == ("vitesse" if pace else "volume")) or settings

    def _still(self, words: list[str], i: int) -> bool:
        """« encore » after a subject and its verb says « still » (« il en reste encore », « le téléphone qui sonne
        encore »), unless the verb is one of saying again (« tu redis encore »)."""
        # « je peux vous demander encore »: the subject up to three words before
        return (i > 1 and any(w in CLAUSE_SUBJECTS or w == "qui" for w in words[max(0, i - 4):i - 1])
                and self._lemma(words[i - 1])[0] not in _SPEAKING)

    def _a_noun(self, words: list[str], item: Item) -> bool:
        """A verb's form after a determiner (not an object pronoun: « je la loupe ») is a noun, when it is not
        a word of the lexicon of its own."""
        i = item.start
        entries = self.lexicon.entries
        if (item.end != i + 1 or i == 0 or (words[i],) in entries or (singular(words[i]),) in entries
                or is_infinitive(words[i])):
            return False
        before = words[i - 1]
        # « jsuis la continue »: after « suis », « la » is « là » (« où elle est la loupe »: an article)
        return before in _ONLY_DETERMINERS or (before in ("le", "la", "les") and (
            i == 1 or words[i - 2] not in CLITIC_SUBJECTS | CLAUSE_SUBJECTS | OBJECT_CLITICS | {"suis", "sommes"}))

    def _before_doing(self, words: list[str], item: Item) -> bool:
        """« avant de », « avant que » and the verb it comes before (« avant de partir, le sommaire », « lisez le
        sommaire avant qu'on commence »)."""
        for i in range(max(0, item.start - 5), item.start + 1):
            if words[i:i + 2] == ["avant", "de"] and self._verb_follows(words, i + 2):
                verb = next(j for j in range(i + 2, len(words)) if words[j] not in CLITICS)
                return item.start in (i, verb)
            if words[i:i + 2] == ["avant", "que"] and words[i + 2:i + 3] and words[i + 2] in SUBJECTS:
                return item.start in (i, next((j for j in range(i + 3, len(words)) if words[j] not in CLITICS), i))
        return False

    def _participle(self, word: str) -> bool:
        base, verb = self._lemma(word)
        return verb and base != word and word.endswith(("e", "u", "i", "ue", "ie", "ee", "es", "us", "is"))

    def _expression(self, words: list[str], i: int, accented: Sequence[str] = ()) -> Item | None:
        """The longest fixed expression (two words or more) starting at ``i``; not one written with a bare « e »
        where ``accented`` has the participle (« je l'ai oublié, ça fait des mois » holds no « oublie ça »)."""
        lex = self.lexicon
        participle = i < len(accented) and accented[i].endswith("é")
        if words[i] == "quoi" and i and self._lemma(words[i - 1])[0] == "dire":
            return None   # « je dis quoi maintenant » asks what to say, not what comes next
        for n in range(min(lex.longest, len(words) - i), 1, -1):
            key = tuple(words[i:i + n])
            entry = lex.entries.get(key)
            if participle and key in lex.bare_e:
                continue
            if entry is not None and not (key in lex.final and i + n < len(words) and not self._is_glue(words[i + n])):
                # « je n'ai pas bien entendu »: its « pas » is the one an open « ne » waits for
                return Item(entry.kind, entry.concept, i, i + n, closes_ne=words[i] in lex.negations)
        return None

    def _negated_expression(self, words: list[str], i: int) -> Item | None:
        """A fixed expression with a negation inside: « ce n'est pas ça », « ça ne marche pas »."""
        lex = self.lexicon
        if words[i] == "ne" or words[i] in lex.negations:
            return None
        kept: list[int] = []
        negation = None
        j = i
        while j < len(words) and len(kept) < lex.longest:
            if words[j] == "ne" or (words[j] in lex.negations and kept):
                negation = words[j] if words[j] != "ne" else negation
                j += 1
                continue
            kept.append(j)
            j += 1
            if len(kept) >= 2 and negation is not None:
                entry = lex.entries.get(tuple(words[k] for k in kept))
                if entry is not None and entry.kind == SENSE:
                    return Item(entry.kind, entry.concept, i, j, negation=negation)
        return None

    def _setting(self, words: list[str], i: int) -> Item | None:
        """« plus fort », « trop vite », « pas assez fort », « baisse le son », « ralentis »."""
        lex = self.lexicon
        if any("je" in words[max(0, k - 2):k] and self._lemma(words[k])[0] in _ACTING for k in range(max(1, i - 2), i)):
            return None   # « je suis allée trop vite »: the speaker's own haste, not the voice's
        if self._said_of_a_thing(words, i) or self._theirs(words, i):
            return None   # « ce café est bien trop fort », « ma fille parle trop vite »: the coffee, not the voice
        glue = self._expression(words, i)
        if glue is not None and glue.kind == NEUTRAL and glue.end > i + 1:
            return None   # « doux Jésus »: an expression of glue
        for key, (setting, sign) in self._setting_phrases.get(words[i], ()):   # « prends ton temps »
            if tuple(words[i:i + len(key)]) == key:
                return Item("setting", "", i, i + len(key), extra=(_setting(setting, sign),),
                            steady=" ".join(key) in lex.steady)
        degree = None
        for n in (2, 1):
            key = tuple(words[i:i + n])
            if len(key) == n and key in lex.degrees:
                degree, width = lex.degrees[key], n
                break
        # not after an order (« lisez-les plus lentement », « dis-le plus lentement »: its object, then the voice)
        if (degree is not None and i and words[i - 1] in ("le", "la", "les") and words[i] != "pas"
                and not (i > 1 and (words[i - 2] in _PUT | _SAY_IT or words[i - 2].endswith("ez")))):
            return None   # « le plus rapide »: the fastest of something, « le baisser »: a thing; no setting (« oh
                          # là, pas si vite » is one; « mettez-la plus bas »: the voice, put lower)
        if degree is None:
            verb, _ = self._lemma(words[i])
            if verb in lex.degree_verbs and i and (words[i - 1] in _AUX or (
                    words[i - 1] in _BETWEEN_AUX and words[i - 2:i - 1] and words[i - 2] in _AUX)):
                return None   # « je l'ai monté », « je suis monté », « le prix a encore monté »: told, not asked
            if (verb in lex.degree_verbs and i > 1 and words[i - 2] in DETERMINERS and self._a_thing(words[i - 1])
                    and not words[i].endswith(("ez", "ons"))):
                return None   # « l'essence augmente encore »: what a thing does (not « …, augmentez la vitesse »)
            if verb in lex.degree_verbs:
                degree, width = lex.degrees[(verb,)], 1
            elif verb in lex.setting_verbs:
                setting, sign = lex.setting_verbs[verb]
                if verb in lex.steady and _bidden(words, i):
                    sign = -sign   # « chuchote un peu »: asked to whisper, not told it whispers (« tu chuchotes »)
                return Item("setting", "", i, i + 1, extra=(_setting(setting, sign),), steady=verb in lex.steady)
            elif words[i] in lex.settings and not _possessive(words, i) and not _named(words, i) and (
                    self._spoken_of(words, i) or self._alone(words, i)):
                # « tu parles vite », « c'est un peu lent »: a complaint; « parle fort », « lentement »: a wish
                sign = -1 if self._complained(words, i) else 1
                readings = tuple(_setting(s, sign * d) for s, d in self._settings_meant(words, i))
                return Item("setting", "", i, i + 1, extra=readings)
            else:
                return None
        j = i + width
        while j < len(words) and j <= i + width + 3:
            noun = lex.setting_nouns.get(words[j])   # « baissez un peu la voix »
            settings = (self._settings_meant(words, j) if words[j] in lex.settings else None) or (
                ((noun, 1),) if noun else None)
            if settings:
                if (words[j + 1:j + 2] == ["que"] and words[j + 2:j + 3] != [] and words[j + 2] in _COMPARED
                        and not set(words[j + 3:j + 5]) & (_BEFORE_NOW | _SOUNDS)):
                    return None   # « tu vas plus vite que moi », « plus fort que le roquefort »: compared, not asked
                readings = tuple(_setting(s, degree * sign) for s, sign in settings)
                return Item("setting", "", i, j + 1 + (words[j + 1:j + 2] == [_MORE]), extra=readings,
                            closes_ne=words[i] in lex.negations)   # « ne parle pas assez fort »
            if not self._is_glue(words[j]):
                break
            j += 1
        verb, _ = self._lemma(words[i])
        more = words[i + width:i + width + 1] == [_MORE]
        # « baisse un peu », « baisse un peu, tu vas réveiller le petit » (a clause of its own after it: its reason)
        end = next((k for k in range(i + width + more, len(words)) if words[k] in CLAUSE_SUBJECTS), len(words))
        if verb in lex.degree_verbs and all(self._is_glue(w) for w in words[i + width + more:end]) and not (
                end < len(words) and verb in _BACK_TOO):   # « remontez d'un cran, je me suis trompée »: going back
            return Item("setting", "", i, i + width + more, extra=(_setting("volume", degree),))
        return None

    def _said_of_a_thing(self, words: list[str], i: int) -> bool:
        """« le café est trop fort », « la soupe était bien trop chaude »: a noun, not the voice nor the guide,
        is the subject of « être » before the setting word."""
        for k in range(max(2, i - 3), i):
            if words[k] in ETRE and words[k - 2] in DETERMINERS and words[k - 1] not in SUBJECTS:   # « là, c'est … »
                return self._a_thing(words[k - 1])
        if i >= 2 and words[i - 2] in _THEIRS and self._a_thing(words[i - 1]):
            return True   # « la voisine a mis sa musique trop fort »: someone else's thing
        # « il est fort, ce café », « qu'il est lent, cet ordinateur », « il est plus fort que celui de ma sœur, ce
        # café-là »: the subject said after, by its determiner, or further on by a demonstrative
        if not any(words[k] in ETRE and words[k - 1] in ("il", "elle") for k in range(max(1, i - 3), i)):
            return False
        if i + 2 < len(words) and words[i + 1] in DETERMINERS and words[i + 1] not in ("ton", "votre"):
            return self._a_thing(words[i + 2])
        named = next((k for k in range(i + 1, len(words) - 1) if words[k] in _DEMONSTRATIVES
                      and words[k + 1] not in ETRE | _NOT_NAMED), None)   # not the « ce » of « c'est », « ce que »
        return named is not None and self._a_thing(words[named + 1])

    def _came_by(self, words: list[str], i: int) -> bool:
        """« le facteur est passé », « le camion poubelle est passé »: someone or something, named by its determiner,
        came by (not « c'est passé », « l'étape est passée », « le code est passé »: things of the guide and the page)."""
        if i < 3 or words[i - 1] not in ("est", "sont", "etait"):
            return False
        det = next((k for k in range(i - 2, max(-1, i - 5), -1) if words[k] in DETERMINERS), None)
        if det is None or det == i - 2:
            return False
        nouns = words[det + 1:i - 1]
        entries = self.lexicon.entries
        return all(self._a_thing(n) and n not in self._nouns and (n,) not in entries for n in nouns)

    def _theirs(self, words: list[str], i: int) -> bool:
        """« le petit va plus lentement », « ma fille parle trop vite »: someone named by a determiner goes or speaks
        so (not « la voix va trop vite », « le guide parle trop fort »)."""
        return any(words[k] in _SUBJECT_DETS and self._a_thing(words[k + 1]) and words[k + 1] not in self.lexicon.forms
                   and self._lemma(words[k + 2])[0] in _SPEAKING and not words[k + 2].endswith(("ez", "ons"))
                   and (k == 0 or words[k - 1] not in PREPOSITIONS)
                   and all(self._is_glue(w) or (w,) in self.lexicon.degrees for w in words[k + 3:i])
                   for k in range(max(0, i - 5), i - 1))

    def _a_thing(self, noun: str) -> bool:
        """A noun that is neither the voice nor the guide (« le café », not « la voix », « le guide »)."""
        entry = self.lexicon.entries.get((noun,))
        return not (noun in _THE_VOICE or noun in self.lexicon.setting_nouns or noun in self.lexicon.settings
                    or (entry is not None and entry.kind == GUIDE))

    def _complained(self, words: list[str], i: int) -> bool:
        """« tu parles vite », « c'est lent »: said of the voice, the word is too much; after a setting of its own
        (« tu vas trop vite, doucement », « vous allez vite, vous ! Lentement »), it is a wish again."""
        said = [k for k in range(i) if (words[k] in _COMPLAINT or (words[k] in _THE_VOICE and k and words[k - 1] in DETERMINERS))
                and not (words[k] == "vous" and words[k - 1:k] != [] and words[k - 1] in self.lexicon.settings
                         and words[k + 1] in self.lexicon.settings)]   # « vite, vous ! Lentement »: said again
        return bool(said) and not any(w in self.lexicon.settings or (w,) in self.lexicon.degrees
                                      for w in words[said[-1] + 1:i])

    def _spoken_of(self, words: list[str], i: int) -> bool:
        """The voice is what is spoken of: a verb of speaking or going, or « c'est », around the word
        (« tu parles vite », « doucement, tu vas trop vite »)."""
        return any(self._lemma(w)[0] in _SPEAKING or w == "est" for k, w in enumerate(words) if k != i)

    def _alone(self, words: list[str], i: int) -> bool:
        """« lentement », said with nothing else that counts: a wish."""
        if words[i] not in self.lexicon.alone:
            return False
        k, starts = 0, clauses(words, self.lexicon.forms)
        while k < len(words):   # « doucement jeune homme »: an expression of glue is glue
            if k > i and (words[k] in CLAUSE_SUBJECTS or k in starts or (words[k] == "vous" and words[k + 1:k + 2] != []
                                                          and words[k + 1].endswith("ez"))
                          or (words[k] in DETERMINERS and words[k + 2:k + 3] == ["ne"])):
                break   # « lentement, je suis plus toute jeune », « doucement, vous débitez trop vite », « lentement,
                # ma tête ne suit plus », « doucement sur le volume, le petit dort »: its reason
            expression = self._expression(words, k)
            if expression is not None and expression.kind == NEUTRAL and not expression.start <= i < expression.end:
                k = expression.end
                continue
            phrase = next((key for key in self.lexicon.setting_phrases if tuple(words[k:k + len(key)]) == key), None)
            if phrase is not None and k > i:
                k += len(phrase)   # « doucement, prenez votre temps »: beside a setting said in other words
                continue
            beside = self._setting(words, k) if k > i and words[k] == "pas" else None
            if beside is not None:
                k = beside.end   # « lentement, lentement… pas si vite »
                continue
            # « doucement, doucement, plus lentement », « …, ralentissez »: said again, or beside another word of the voice
            if (k != i and not self._is_glue(words[k]) and words[k] not in self.lexicon.settings
                    and words[k] not in self.lexicon.setting_nouns   # « doucement sur le volume »
                    and (words[k],) not in self.lexicon.degrees and self._lemma(words[k])[0] not in self.lexicon.setting_verbs):
                return False
            k += 1
        return True

    def _is_glue(self, word: str) -> bool:
        entry = self.lexicon.entries.get((word,))
        return entry is not None and entry.kind == NEUTRAL

    def _number(self, words: list[str], i: int) -> Item | None:
        """A number or a rank: « trois », « dix-sept », « le onzième », « 3 », « 2e »."""
        numbers = self.lexicon.numbers
        digits = _DIGITS.match(words[i])
        if digits:
            return Item("number", f"#{int(digits.group(1))}", i, i + 1)
        if words[i] in self.lexicon.last:
            return Item("last", f"#{LAST}", i, i + 1)
        if words[i] in self.lexicon.before_last and i + 1 < len(words) and words[i + 1] in self.lexicon.last:
            return Item("last", f"#{LAST - 1}", i, i + 2)   # « l'avant-dernier »
        total, j, previous = 0, i, 0
        while j < len(words):
            word = words[j]
            if word == "et" and total and j + 1 < len(words) and words[j + 1] in numbers:
                j += 1
                continue
            if word not in numbers:
                break
            value = numbers[word]
            if value == 20 and previous == 4:
                total += 76   # quatre-vingt: 4 was already counted
            else:
                total += value
            previous = value
            j += 1
        if j == i:
            return None
        weak = j == i + 1 and words[i] in ("un", "une")
        return Item("weak-number" if weak else "number", f"#{total}", i, j)

    def _word(self, word: str, accented: str, i: int) -> list[Item]:
        lex = self.lexicon
        entry = lex.entries.get((word,))
        base, verb = self._lemma(word)
        also: tuple[str, ...] = ()
        if (entry is not None and word in lex.participles and not accented.endswith(PARTICIPLE)
                and base != word and (base,) in lex.entries):
            # « termine » without its accent: the verb (« termine le guide »), perhaps « terminé »
            also, entry = (entry.concept,), lex.entries[(base,)]
            verb = True
        elif entry is not None and entry.kind not in (NEUTRAL, LIGHT):
            verb = entry.kind == ACTION or word in lex.forms
        elif base != word or entry is None:
            found = lex.entries.get((base,))
            if found is not None and (verb or found.kind != LIGHT):   # « tes devoirs » is no « devoir »
                entry = found
        perfect = verb and word not in _AUX and ((accented.endswith(PARTICIPLE) and not _present_of_eer(accented, base))
                                                 or (word.endswith(("u", "ue", "i", "ie")) and not future(word)
                                                     and not base.endswith("er")))   # not « continue », « ferai »
        if entry is not None:
            concept = entry.concept or base
            return [Item(entry.kind, concept, i, i + 1, verb=verb or entry.kind == LIGHT, perfect=perfect,
                         extra=also)]
        kind = "known" if self.knows(word) or self.knows(base) else "unknown"
        if kind == "unknown" and word.endswith("ment") and len(word) > 6:
            kind = "adverb"     # « directement », « gentiment »: how, not what
        return [Item(kind, singular(base), i, i + 1, verb=verb, perfect=perfect)]

    @lru_cache(maxsize=4096)  # noqa: B019 - see analyse
    def _lemma(self, word: str) -> tuple[str, bool]:
        return lemma(word, self.lexicon.forms, self._knows_lemma)

    def _knows_lemma(self, word: str) -> bool:
        return word in self._infinitives or word in self._words

    @lru_cache(maxsize=4096)  # noqa: B019 - see analyse
    def _correct(self, word: str) -> tuple[str, ...] | None:
        """A near spelling of one known word (« suivan »), or two known words glued (« etapesuivante »)."""
        if len(word) < 4:
            return None
        elided = unglued(word, lambda rest: self.knows(rest) or self.knows(self._lemma(rest)[0]))
        if elided is not None:
            return elided
        for cut in range(1, len(word)):
            pair = (word[:cut], word[cut:])
            if pair in self._bigrams:
                return pair
        near = self._spellings.closest(word)
        return None if near is None else (near,)


def _only_before(words: Sequence[str], i: int) -> int:
    """Where the words before a purpose end: « c'est juste pour voir mes paiements »: the « juste » (only) goes with
    the purpose, and « c'est juste » is no « oui »."""
    return i - 1 if words[i - 1] in _ONLY else i


def _cues_as_words(items: list[Item], words: list[str], lex: Lexicon) -> None:
    """Words that announce a number (« partie », « chapitre ») mean themselves when no number follows."""
    for item in items:
        if item.kind == "cue":
            entry = lex.entries.get((words[item.start],))
            if entry is not None and entry.kind == SENSE:
                item.kind, item.concept = SENSE, entry.concept


def _wrappers_before_a(items: list[Item], words: list[str], lex: Lexicon) -> None:
    """« je n'arrive plus à me souvenir »: « arriver » + « à » + a verb wraps that verb, like « pouvoir »."""
    for k, item in enumerate(items):
        if item.concept not in lex.wrap_before_a:
            continue
        rest = [it for it in items[k + 1:] if it.kind != "neg"]
        if len(rest) > 1 and words[rest[0].start] == "a" and any(it.verb or content(it) for it in rest[1:3]):
            item.kind = LIGHT
            rest[0].kind = NEUTRAL   # the « à », not « il a »


def _waiting_for(words: Sequence[str], item: Item) -> bool:
    """« j'attends le code », « on attend la lettre »: the speaker says what they wait for (not « attends un
    peu », « j'attends deux minutes », « j'attends un bébé »: no « un » among the determiners)."""
    before, after = words[max(0, item.start - 2):item.start], words[item.end:item.end + 2]
    return bool(set(before) & SPEAKER) and len(after) == 2 and after[0] in DETERMINERS and after[1] not in _SPANS


def _since(words: Sequence[str], i: int) -> bool:
    """The verb at ``i`` says what has gone on for a time gone by (« ça fait un moment que j'attends », « depuis
    des mois que je m'en sers pas »): « que », its subject and pronouns between."""
    k = _clause_opened(words, i)
    return k > 1 and words[k - 1] in _SPANS and _elapsed(words[max(0, k - 5):k - 1])


def _will(words: Sequence[str], i: int) -> bool:
    """« on s'en souviendra jamais », « ça viendra »: a verb in the future after its subject and pronouns (the third
    person's « -ra » alone could be no verb's ending; « on verra bien » is a shrug, said of nothing)."""
    k = i - 1
    while k > 0 and words[k] in _BEFORE_A_VERB and words[k] not in CLAUSE_SUBJECTS:
        k -= 1
    return (i > 0 and len(words[i]) > 4 and words[i].endswith("ra") and words[i] != "verra"
            and words[k] in CLAUSE_SUBJECTS)


def since_when(words: Sequence[str], i: int) -> bool:
    """The verb at ``i`` says since when (« elle marche plus depuis que je l'ai mise à la machine »): a story of what
    came before, not the step done (« c'est fait, depuis que j'ai validé ça charge » still says it in its « c'est
    fait »)."""
    k = _clause_opened(words, i)
    return k > 0 and words[k - 1] == "depuis"


def _clause_opened(words: Sequence[str], i: int) -> int:
    """Where the « que » that opens the clause of the verb at ``i`` stands (its subject and pronouns between), or -1."""
    k = i - 1
    while k > 0 and words[k] in _BEFORE_A_VERB:
        k -= 1
    return k if 0 < k < i - 1 and words[k] == "que" else -1


def _elapsed(before: Sequence[str]) -> bool:
    """« ça fait », « depuis », « voilà », « il y a » just before a duration: time gone by."""
    return bool(_ELAPSED & set(before)) or any(before[k:k + 2] == ["y", "a"] for k in range(len(before) - 1))


def _bidden(words: Sequence[str], i: int) -> bool:
    """« chuchote », « criez »: the verb at ``i`` in the imperative, not negated (« ne crie pas » is the
    complaint still), with no subject before it."""
    return (words[i].endswith(("e", "ez")) and not set(words[max(0, i - 2):i]) & _NOT_BIDDEN
            and "pas" not in words[i + 1:i + 3])


def _setting(setting: str, sign: int) -> str:
    return f"{setting}{'+' if sign > 0 else '-'}"


def _auxiliary(items: list[Item], k: int, words: list[str]) -> str | None:
    """« j'ai terminé », « c'est fait », « je suis perdu »: the avoir or être before a verb, if any."""
    for item in reversed(items[max(0, k - 4):k]):
        word = words[item.start] if item.end - item.start == 1 else ""
        if word in _AUX:   # not « c'est eux qui envoient »: the « qui » is the verb's subject, « est » another verb
            return None if "qui" in words[item.end:items[k].start] else word
        if word in SUBJECTS or words[item.start:item.start + 2] == ["en", "train"]:
            return None   # « c'est moi, j'arrive »: another clause's « est »; « je suis en train d'écrire »: not done
        if item.kind in ("neg", NEUTRAL, "cue"):   # « je suis un peu perdu »
            continue
        return None
    return None


_ASKED_TO = (("tu", "peux"), ("vous", "pouvez"), ("tu", "pourrais"), ("vous", "pourriez"), ("peux", "tu"),
             ("pouvez", "vous"), ("tu", "veux", "bien"), ("vous", "voulez", "bien"))


def _sent_to_look(words: Sequence[str]) -> bool:
    """« regarde s'il y a un message d'Ameli », « regardez voir si la lettre est arrivée », « regarde, y a « Mes
    démarches » », « tu peux vérifier que c'est bien coché ? », « je le vois pas, tu peux regarder ? »: someone sent
    to look whether a thing is there, or shown it, which the guide cannot do."""
    for j, word in enumerate(words):
        asked = any(tuple(words[j - len(a):j]) == a for a in _ASKED_TO if j >= len(a))
        if not (word in ("regarde", "regardez", "verifie", "verifiez") and j == 0
                or word in ("regarder", "verifier") and asked):
            continue
        i = j + 1 + (words[j + 1:j + 2] == ("voir",))
        if i == len(words):
            return asked   # « tu peux regarder ? »: look at what is in front of us
        if words[i] == "si" or (word.startswith("verifi") and words[i] == "que") or (
                word.startswith("regard") and tuple(words[i:i + 2]) in (("y", "a"), ("il", "y"))):
            return True
    return False


def _told_what_to_do(items: list[Item], words: Sequence[str], actions: Container[str]) -> bool:
    """« t'appuies sur Espace, c'est tout », « tu tapes ton code », « toi, tape-le »: what someone else does on the
    page, told in the present with « tu » (the guide presses no key); or what they did on it (« t'as fermé la page »)."""
    return any(it.kind == ACTION and it.verb and not it.perfect and it.start and words[it.start - 1] in ("tu", "te", "toi")
               for it in items) or any(
        it.verb and it.start > 1 and words[it.start - 1] == "as" and words[it.start - 2] in ("tu", "te")
        and (it.concept in actions or it.concept == _LEAVE) and it.concept != "faire" for it in items)


_HERE_IS = frozenset({"voila", "voici"})
_WHERE_IS = frozenset({("il", "est", "ou"), ("elle", "est", "ou"), ("ils", "sont", "ou"), ("elles", "sont", "ou")})
_THIS_THING = frozenset({"ce", "cet", "cette", "ces", "mon", "ma", "mes", "le", "la", "les"})
_SAYING = frozenset({"dit", "disait", "disent", "disaient"})
_IMPERSONAL = frozenset({"faut", "fallait", "faudrait", "y", "suffit"})   # « il faut », « il y a »: no one spoken of
_A_VERB_AFTER = {(w,) for w in ETRE | {"marche", "fait", "hurle", "braille", "gueule"}}
_WAIT_FOR_ME = frozenset({"attends", "attendez", "rejoins", "rejoignez"})
_SOMEWHERE = frozenset({"en", "dehors", "devant", "dans", "au", "chez", "a"})


def _quoted(items: list[Item], words: Sequence[str]) -> bool:
    """« faut toujours se déconnecter, c'est important, qu'elle dit la machine », « par e-mail ça arrive tout de suite,
    qu'il dit »: the guide's words, told of it in the third person with the familiar « qu'il dit » after them, to
    someone else; not « il me demande un code, envoyé par mail, qu'il dit »: Ameli, who asks, spoken of before, whose
    words are told to the guide; nor « ce qu'il dit »."""
    for i in range(2, len(words) - 2):
        if words[i] == "que" and words[i - 1] != "ce" and words[i + 1] in THEY | {"on"}:
            said = i + 2 + (words[i + 2] in ("a", "ont") and words[i + 3:i + 4] == ("dit",))
            # said last, or before a « mais » that opens the speaker's own clause (« …, qu'il dit, mais c'est le bouton
            # du site »)
            last = len(words) - said <= 4 or (said + 1 < len(words) and words[said + 1] == "mais")
            if words[said] in _SAYING and last and (
                    any(it.kind == GUIDE and it.start > said for it in items) or not any(
                        w == words[i + 1] and words[j + 1] not in _IMPERSONAL for j, w in enumerate(words[:i]))):
                return True
    return False


_DEVICES = frozenset({"tele", "television", "radio", "poste", "musique", "chaine", "transistor", "enceinte"})


def _another_sound(tokens: list[Token], words: Sequence[str]) -> bool:
    """« mets le son plus bas, la télé », « monte le son de la radio »: the sound of another set in the room, which
    someone else turns (not « parlez plus fort, la télé est allumée », « augmentez, avec la télé à côté », « plus fort
    que la radio », « mets le volume plus haut, la télé du voisin couvre tout »: a reason to speak up)."""
    return any(t.readings[0].startswith("volume") and any(
        w in _DEVICES and words[j + 1:j + 2] not in _A_VERB_AFTER and words[j - 2:j - 1] not in (("avec",), ("que",))
        and not (words[j + 1:j + 2] in (("du",), ("des",)) and words[j + 2:j + 3] and words[j + 2] in _NEXT_DOOR)
        for j, w in enumerate(words[t.end:t.end + 3], t.end))
        for t in tokens)


_NEXT_DOOR = frozenset({"voisin", "voisins", "voisine", "voisines", "dessus", "dessous"})   # « la télé du voisin »


def _a_lesson(words: Sequence[str]) -> bool:
    """« tu vois, fallait juste continuer », « tu vois, tu pouvais quitter, j'avais terminé »: what should have been
    done, told to someone who watched (not « tu vois, je comprends pas, répète »: the guide asked, in the present)."""
    return words[:2] == ("tu", "vois") and any(
        len(w) > 4 and w.endswith(("ait", "ais", "aient")) and w not in ("parfait", "souhait", "plait", "jamais")
        for w in words[2:])


def _waited_for_somewhere(words: Sequence[str]) -> bool:
    """« attends-moi en bas, j'arrive », « attendez-moi dans la voiture »: someone asked to wait at a place; the
    guide waits nowhere (not « attends-moi deux minutes », a pause)."""
    return any(w in _WAIT_FOR_ME and words[k + 1:k + 2] in (("moi",), ("nous",)) and words[k + 2:k + 3]
               and words[k + 2] in _SOMEWHERE for k, w in enumerate(words))


def _at_the_computer(words: Sequence[str]) -> bool:
    """« je suis sur l'ordinateur », « je suis juste sur l'ordi »: where the speaker is, told to someone who is not
    there (the guide knows it); not which computer (« je suis sur l'ordi de la médiathèque, je veux me déconnecter »)."""
    for i in range(2, len(words) - 1):
        if words[i] == "sur" and words[i + 1] == "le" and words[i + 2:i + 3] in (("ordi",), ("ordinateur",)):
            after = words[i + 3:i + 4]
            if ("suis" in words[i - 2:i] or "chuis" in words[i - 2:i]) and after not in _OF_A_PLACE:
                return True
    return False


def _asks_when(words: Sequence[str]) -> bool:
    """« tu reviens quand ? », « vous passez quand ? »: when someone will do a thing, asked of them; the guide is
    never asked when (not « quand tu as fini, reviens », « je vous dis quand c'est fait »: a « quand » before a
    subject says when, it asks nothing; nor a « vous » after a subject, its object)."""
    return any(words[i] == "quand" and words[i - 2] in ("tu", "vous") and not set(words[i - 3:i - 2]) & CLAUSE_SUBJECTS
               and not set(words[i + 1:i + 2]) & (CLAUSE_SUBJECTS | {"ce", "vous", "nous"})
               for i in range(2, len(words)))


def _you_named(text: str, words: Sequence[str], imperative: bool) -> bool:
    """« t'as une adresse e-mail, toi ? », « tu sais où elle est, toi, la touche Ctrl ? », « continue à lire, toi, moi
    j'envoie le message »: « toi » set apart beside a « tu » or an order singles out someone of the house; the guide is
    asked nothing in that way."""
    return (imperative or bool({"tu", "te"} & set(words))) and any(
        part.strip().casefold() == "toi" for part in _PUNCTUATION.split(text)[1:])


def _found_aloud(said: Sequence[str], hails: frozenset[tuple[str, ...]]) -> bool:
    """« ah, le voilà le message, enfin »: a thing found and named, exclaimed at the start of the line; « voilà » is a
    filler elsewhere, so the line's words before the fillers are dropped are read (not « voilà, c'est fait », nor « ah
    le voilà, il était dans les spams, on continue »)."""
    k = 0
    while k < len(said) and said[k] in _INTERJECTIONS:
        k += 1
    if (said[k:k + 1] and said[k] in ("le", "la", "les") and said[k + 1:k + 2] and said[k + 1] in _HERE_IS
            and said[k + 2:k + 3] and said[k + 2] in DETERMINERS | {"ce", "cette", "ces"}):
        return True   # « ah, le voilà, ce satané message »: the thing named after it
    return any(tuple(said[k:k + len(h)]) == h and tuple(said[k + len(h):k + len(h) + 1]) in (("le",), ("la",), ("les",))
               for h in hails if h[-1] in _HERE_IS)


def _searched_aloud(said: Sequence[str]) -> bool:
    """« mais il est où, ce message ? », « elle est où ma carte »: a thing looked for aloud, named after « où »;
    not a part of the guide asked for."""
    return any(tuple(said[k:k + 3]) in _WHERE_IS and said[k + 3:k + 4] and said[k + 3] in _THIS_THING
               for k in range(len(said) - 3))


def _hailed_between(text: str, hails: frozenset[tuple[str, ...]]) -> bool:
    """« monte le son, chéri, c'est les informations »: someone of the house called between two commas, inside the
    line (first or last, `_analysis` sees it already)."""
    parts = _PUNCTUATION.split(text)
    return any(tuple(f for f, _ in tokens(part)) in hails for part in parts[1:-1])


def _apology(words: Sequence[str], i: int) -> bool:
    """« de » and an infinitive at ``i``, its pronouns before it (« de vous avoir fait attendre », « de te déranger »):
    what the one who says « pardon » is sorry for."""
    if words[i:i + 1] != ["de"]:
        return False
    j = i + 1
    while j < len(words) and words[j] in CLITICS:
        j += 1
    return j < len(words) and is_infinitive(words[j])


def _apology_end(words: Sequence[str], i: int) -> int:
    """Where what the speaker is sorry for ends: « de vous avoir fait attendre », its verbs in a row."""
    j = i + 1
    while j < len(words) and words[j] in CLITICS:
        j += 1
    while j < len(words) and (is_infinitive(words[j]) or words[j] in ("fait", "ete")):
        j += 1
    return j


def _told_of_a_thing(words: Sequence[str], i: int) -> bool:
    """« le match reprend », « ça me reprend »: a verb in the third person after a thing or « ça », no imperative."""
    j = i - 1 - (i > 1 and words[i - 1] in ("me", "te", "nous"))
    return j >= 0 and (words[j] in ("il", "elle", "ca", "cela") or (
        j >= 1 and words[j - 1] in DETERMINERS and words[j] not in SUBJECTS))   # not « là, on reprend »


_ANOTHER_CLAUSE = CLAUSE_SUBJECTS | {"vous", "que", "qu", "mais", "et"}


def _my_own_pace(words: Sequence[str], written: Sequence[str], i: int) -> bool:
    """« je suis passé trop vite », « j'ai tapé trop vite »: a pace said of what the speaker did, no voice setting;
    « je vais taper mon texte tranquillement »: of what the speaker will do."""
    if i >= 3 and words[i - 3] == "je" and words[i - 2] in _AUX and _participle_ending(written[i - 1]):
        return True
    j = next((j for j in range(i - 1, max(-1, i - 7), -1) if words[j] == "je"), None)
    return j is not None and j + 1 < i and words[j + 1] == "vais" and not set(words[j + 2:i]) & _ANOTHER_CLAUSE


def _participle_ending(word: str) -> bool:
    """« décroché », « assoupie », « endormi »: written as a participle, known verb or not."""
    return len(word) > 3 and word.endswith(("é", "ée", "i", "ie", "u", "ue"))


def _done_to_the_speaker(words: Sequence[str], i: int, aux: str | None) -> bool:
    """« ils m'ont écrit »: a perfect in the third person with « me » before its auxiliary tells what others did to
    the speaker (what they wrote is a message; « on m'a envoyé un code » still answers the step's question)."""
    return aux in _THIRD_AUX and i >= 2 and words[i - 1] == aux and words[i - 2] == "me"


def _doubting(words: Sequence[str]) -> bool:
    """« je sais même plus si j'ai le mot de passe », « je me demande si c'est mieux », « j'ai jamais su m'en
    servir », « ma messagerie, je sais plus comment on l'ouvre », « qu'est-ce que j'en sais, moi ? »: a doubt, not a
    choice (not « je sais pas si j'ai droit à quelque chose », which says why the choice is made)."""
    if any(tuple(words[k - 2:k + 1]) in _NO_IDEA for k in range(2, len(words))):
        return True
    return any((words[k] == "si" and ((words[k - 1] == "plus" and "sais" in words[max(0, k - 4):k])
                                      or tuple(words[max(0, k - 2):k]) in (("me", "demande"), ("me", "demandent"))))
               or (words[k] in ("servir", "comment") and {"sais", "su", "sait"} & set(words[max(0, k - 5):k])
                   and {"pas", "jamais", "plus"} & set(words[max(0, k - 5):k])
                   and (words[k] == "servir" or tuple(words[k + 2:k + 3]) in (("le",), ("la",), ("les",))))
               for k in range(2, len(words)))


def _written_to_the_speaker(words: Sequence[str], i: int) -> bool:
    """« qui c'est qui m'écrit ? », « la caisse m'écrit souvent »: in the present, someone else writes to the speaker
    (a message that comes; « je t'écris » and « écrivez-moi » are not)."""
    return i >= 2 and words[i - 1] == "me" and (words[i - 2] in ("qui", "il", "elle", "on", "ils", "elles", "ca")
                                                or (words[i - 2] not in SUBJECTS and words[i - 3:i - 2] != []
                                                    and words[i - 3] in DETERMINERS))


def _so_many(words: Sequence[str], i: int) -> bool:
    """« que de démarches ! », « il y en a, des catégories », « j'en ai tellement, des codes »: the noun at ``i`` is
    how many of a thing there are, exclaimed; nothing is asked of it."""
    if i >= 2 and tuple(words[i - 2:i]) == ("que", "de") and set(words[:i - 2]) <= _INTERJECTIONS:
        return True
    if i >= 3 and words[i - 1] in ("des", "de") and list(words[i - 3:i - 1]) in _SO_MANY:
        return True
    if i >= 4 and words[i - 1] == "des" and words[i - 2] in _SO_MUCH and words[i - 4] == "en" and words[i - 3] in HAVE:
        return True   # « j'en ai tellement, des codes »
    after = list(words[i + 1:i + 5]) + ["", "", "", ""]
    return i == 1 and words[0] == "des" and (after[:4] in (["il", "y", "en", "a"], ["y", "en", "a", ""]) or (
        after[1] == "en" and after[2] in HAVE and after[3] in _SO_MUCH))   # « des codes, j'en ai tellement »


_SPELLING = frozenset({"ecrit", "ecrivent", "ecrire", "ecris", "epelle", "epeler", "epelles", "epellent"})
_NOT_A_WORD_SPELLED = DETERMINERS | _ONLY_DETERMINERS | PREPOSITIONS | CLITICS | ASKED | SUBJECTS


def _spelling_asked(words: Sequence[str]) -> bool:
    """« comment ça s'écrit, remboursement ? », « Ameli, ça s'épelle comment ? », « comment on écrit ameli ? »: how a
    word is spelt is asked, and every thing named in the line is that word or its letters (« comment on écrit à la
    caisse ? » and « comment on écrit un message ? » ask how to write one)."""
    return any(w in _SPELLING and "comment" in words[max(0, j - 3):j + 2]
               and (words[j - 1] == "se" or w.startswith("epel")
                    or (j + 1 < len(words) and words[j + 1] not in _NOT_A_WORD_SPELLED))
               for j, w in enumerate(words) if j)


_HOW_MANY = frozenset({"un", "une", "deux", "trois", "quatre", "cinq", "plusieurs", "beaucoup", "plein"})
_GOT = frozenset({"eu", "eue", "recu", "recue", "obtenu", "obtenue", "garde", "gardee"})   # « j'en ai eu un, de code »


def _counted(words: Sequence[str], i: int) -> bool:
    """« j'en ai déjà fait une », « j'en ai tapé trois »: the participle at ``i``, with « en » before its
    auxiliary and a number after it, counts things done; it says no step is done (« j'en ai eu un » says what
    the speaker has)."""
    return (i + 1 < len(words) and words[i + 1] in _HOW_MANY and words[i] not in _GOT
            and "en" in words[max(0, i - 4):i - 1] and not {"pas", "jamais", "plus"} & set(words[max(0, i - 4):i]))


def _since_a_time(words: Sequence[str], i: int) -> bool:
    """« depuis le déménagement, je confonds … », « depuis mon accident, je … »: the thing after the « depuis » that
    opens the line, a clause after it, says since when (« reprends depuis le début » is a place in the guide)."""
    return (len(words) > i + 1 and words[0] == "depuis" and 1 < i <= 3
            and words[1] in DETERMINERS | _ONLY_DETERMINERS and any(w in CLAUSE_SUBJECTS for w in words[i + 1:]))


def _echoed(words: Sequence[str], i: int) -> bool:
    """« un code, un code… »: the noun at ``i``, with its « un » or « une », said twice in a row is the guide's word
    turned over in the mind, nothing chosen (« le suivant, le suivant ! » urges and is left alone)."""
    if i < 1 or words[i - 1] not in ("un", "une"):
        return False
    return words[i - 3:i - 1] == words[i - 1:i + 1] or words[i + 1:i + 3] == words[i - 1:i + 1]


def negated_before(words: Sequence[str], i: int, negations: frozenset[str]) -> bool:
    """« j'ai rien suivi », « je l'ai jamais reçu »: a negation among the three words before ``i``."""
    return bool(negations & set(words[max(0, i - 3):i]))


_GOING = frozenset({"passe", "passer", "passons", "passez", "passes", "va", "vais", "vas", "allons", "allez", "aller"})
_TO = frozenset({"a", "au", "aux", "chez"})


def _out_to(words: Sequence[str], places: frozenset[str]) -> bool:
    """« après, on passe à la pharmacie », « je vais chez le coiffeur »: going out somewhere, not to a part of the
    guide."""
    return any(w in _GOING and k + 1 < len(words) and words[k + 1] in _TO
               and places & set(words[k + 2:k + 5]) for k, w in enumerate(words))


def _after_its_noun(items: list[Item], k: int, words: Sequence[str]) -> bool:
    """« date de naissance tapée », « carte vitale sélectionnée »: the participle at ``k`` right after the noun that
    begins the line, with no verb nor subject before it (not « la touche entrée », nor « je veux le numéro tapé »)."""
    before = items[:k]
    return (bool(before) and items[k - 1].end == items[k].start and items[k - 1].kind not in (NEUTRAL, "neg", "cue")
            and not any(it.verb or words[it.start] in SUBJECTS for it in before))


def _to_be_done(items: list[Item], words: Sequence[str], i: int) -> bool:
    """The « a » before the infinitive at ``i`` is the preposition « à » (« prêt à valider », « un code à taper »): no
    subject or pronoun before it, and no perfect it completes (« j'ai réussi à le taper » is done)."""
    j = next((j for j in range(i - 1, max(-1, i - 4), -1) if words[j] == "a"), -1)
    return j > 0 and words[j - 1] not in SUBJECTS | CLITICS | {"qui", "y"} and not any(
        it.perfect and it.end == j for it in items)


_MUST = frozenset({"faut", "faudrait", "faudra", "fallait", "fallu", "doit", "dois", "devrait", "devrais", "devra"})


def _to_have_done(words: Sequence[str], i: int) -> bool:
    """« il faudrait avoir fini », « faut déjà avoir réussi à l'ouvrir »: the perfect at ``i`` is an infinitive's,
    after a verb of what must be (not « je pense avoir fini », which tells it is done)."""
    j = i - 1
    while j > 0 and words[j] in _BETWEEN_AUX:
        j -= 1
    if words[j:j + 1] != ["avoir"]:
        return False
    before = [w for w in words[max(0, j - 3):j] if w not in _BETWEEN_AUX]
    return bool(before) and before[-1] in _MUST


def _they_did(words: Sequence[str], i: int) -> bool:
    """« ils en ont mis », « elles ont tout validé »: the perfect at ``i`` has « ils » or « elles » for subject."""
    return _subject_of(words, i) >= 0


def _subject_of(words: Sequence[str], i: int) -> int:
    """Where the « ils » or « elles » of the perfect at ``i`` is (« ils m'ont remboursé »), or -1."""
    j = i - 1
    while j > 0 and words[j] in _BETWEEN_AUX | {"tout"}:
        j -= 1
    if words[j] != "ont":
        return -1
    j -= 1
    while j >= 0 and words[j] in ("en", "y", "le", "la", "les", "lui", "leur", "me", "te", "nous", "vous"):
        j -= 1
    return j if j >= 0 and words[j] in ("ils", "elles") else -1


def _when(words: Sequence[str], i: int) -> bool:
    """A clause that says when opens at ``i``: « quand j'aurai la lettre », « pendant que vous lisez » (not
    « quand vous voulez », whenever one likes: go on; nor « pendant que j'écris », what the speaker is busy
    with, that says why)."""
    if tuple(words[i:i + 3]) in (("pendant", "que", "vous"), ("pendant", "que", "tu")):
        return True
    return any(tuple(words[i:i + len(key)]) == key and len(words) > i + len(key)
               and words[i + len(key)] in CLAUSE_SUBJECTS for key in _WHEN)


def _hailing(words: Sequence[str]) -> int:
    """One if « dis » or « dites » opens the sentence before its subject or a question word (« dites, on est où,
    là ? », « dis, tu peux répéter ? »): a call for attention, not what is said (not « dites-moi », « dis ce
    que je dois faire »)."""
    return int(len(words) > 1 and words[0] in ("dis", "dites") and words[1] in CLAUSE_SUBJECTS | ASKED | {"vous", "nous"})


def _called(words: Sequence[str], names: frozenset[tuple[str, ...]]) -> bool:
    """A name said to call someone (« Christian, parle moins fort »), not one spoken of after an article or a
    preposition (« chez Monique », « à Josette »)."""
    return any(tuple(words[i:i + len(n)]) == n and (i == 0 or words[i - 1] not in _NOT_CALLING)
               for i, word in enumerate(words) for n in _by_first_word(names).get(word, ()))


@lru_cache(maxsize=4)
def _by_first_word(names: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        out.setdefault(name[0], []).append(name)
    return {first: tuple(found) for first, found in out.items()}


def _question_at(words: Sequence[str], i: int) -> bool:
    """A question opens at ``i``: a question word, or « qu'est-ce que »."""
    return words[i] in ASKED or tuple(words[i:i + 4]) == ("que", "est", "ce", "que")


def _opening_a_question(words: Sequence[str]) -> int:
    """How many « attends » or « attendez » open a question of what the speaker is to do (« attendez, qu'est-ce
    que je dois dire ? », « attends attends, comment on fait ? »): a way of asking it, no pause asked (but
    « attendez, qu'est-ce que c'est que ce bruit ? » is a pause)."""
    i = 0
    while i < len(words) and words[i] in _WAIT:
        i += 1
    question = i < len(words) and _question_at(words, i)
    mine = bool(SPEAKER & set(words[i:i + 7])) or "faut" in words[i:i + 7]
    return i if question and mine else 0


def _formerly(words: Sequence[str], i: int) -> bool:
    """« avant » that opens the sentence before a subject and its verb (« avant on habitait là », « avant
    c'était mieux ») or a question (« attends, avant, comment je lis mes messages ? »), or that closes a clause in
    the imperfect of « être » (« c'était mieux avant », not « c'était quoi avant ? »): formerly, or first, not the
    step before."""
    before = set(words[max(0, i - 3):i])
    if before & _WAS and not before & ASKED:
        return True
    # « dire qu'avant, la Sécu, on y allait à pied »: after « que », with the imperfect that tells how it was
    told = i > 0 and words[i - 1] == "que" and any(imperfect(w) for w in words[i + 1:i + 7])
    # « je me souviens, avant, on allait à la caisse »: wherever it stands, before a subject and its imperfect
    told = told or (i + 2 < len(words) and words[i + 1] in CLAUSE_SUBJECTS | {"ce"} and imperfect(words[i + 2]))
    if i > 0 and words[i - 1] == "que" and _COMPARING & set(words[max(0, i - 5):i]):
        return True   # « c'est mieux fait qu'avant », « plus vite qu'avant »: than it was
    return (i == 0 or words[i - 1] in OPENING or told) and words[i + 1:i + 2] != [] and (
        told or words[i + 1] in CLAUSE_SUBJECTS | ASKED or words[i + 1:i + 3] in (["ce", "etait"], ["ce", "est"]))


def _done_with_avoir(words: Sequence[str], item: Item) -> bool:
    """« tu m'as installé l'ordinateur »: a participle after « avoir » is a thing done (« je suis bien installée »,
    with « être », is someone ready)."""
    j = item.start - 1
    while j >= 0 and (words[j] in CLITICS or words[j] in _BETWEEN_AUX):
        j -= 1
    return item.end == item.start + 1 and j >= 0 and words[j] in HAVE and words[item.start].endswith(("e", "es"))


def _left_by_a_named_one(words: Sequence[str], i: int) -> bool:
    """« la lettre va partir », « mon fils doit partir »: a thing or someone named leaves, not the speaker."""
    j = i - 1
    while j >= 0 and words[j] in _ON_THE_WAY:
        j -= 1
    return j >= 1 and j < i - 1 and words[j - 1] in DETERMINERS


def _handed_a_thing(words: Sequence[str], end: int) -> bool:
    """« tu peux me passer mes lunettes », « passe-lui le sel »: a thing handed to someone named by a pronoun, no
    step skipped (« passe-moi à la suite » goes on)."""
    after = list(words[end:end + 3])
    if after[:1] and after[0] in _TO_SOMEONE_AFTER:
        after = after[1:]
    elif not _TO_SOMEONE_BEFORE & set(words[max(0, end - 3):end - 1]):
        return False
    return (len(after) >= 2 and after[0] in DETERMINERS | {"un", "une", "des", "du", "ce", "cette", "ces"}
            and after[1] not in _NOT_HANDED)


_NOT_HANDED = frozenset({"suite", "suivante", "suivant", "etape", "page", "partie", "rubrique", "prochaine", "reste"})
_TO_SOMEONE_BEFORE = frozenset({"me", "te", "lui", "leur", "nous"})   # « tu peux me passer … »
_TO_SOMEONE_AFTER = frozenset({"moi", "lui", "leur", "nous"})         # « passe-moi … »


def _handed(words: Sequence[str], i: int) -> bool:
    """« je te le passe », « je vous la passe »: something handed to someone, the verb's two pronouns before it."""
    before = set(words[max(0, i - 3):i])
    return bool(before & {"te", "vous", "lui"}) and bool(before & {"le", "la", "les"})


def _said_by_me(words: Sequence[str], i: int) -> bool:
    """« je relis d'abord », « je répète toujours les mêmes histoires », « que je relise »: the speaker's own verb, after
    « je » and its object pronouns."""
    j = i
    while j > 0 and words[j - 1] in OBJECT_CLITICS:
        j -= 1
    return j > 0 and words[j - 1] == "je"


def _said_of_a_thing_begun(words: Sequence[str], i: int) -> bool:
    """The clause before ``i`` begins with a thing or someone named by its determiner and a verb (« mon feuilleton
    commence », « le film passe »): what happens « dans dix minutes » is theirs, not the guide's pause."""
    start = next((k for k in range(i - 2, -1, -1) if words[k] in _SUBJECT_DETS), None)
    return start is not None and i - start <= 4 and not any(w in CLAUSE_SUBJECTS for w in words[start:i])


def _gone(words: Sequence[str], item: Item) -> bool:
    """« partie », « sortie » after « être » (and an adverb) are the verbs partir and sortir, not nouns."""
    i = item.start
    if item.end - i != 1 or words[i] not in _GONE:
        return False
    before = list(words[max(0, i - 2):i])
    return bool(before) and (before[-1] in ETRE or (len(before) == 2 and before[0] in ETRE
                                                     and before[1] in _ADVERBS_OF_TIME))


def _person(items: list[Item], k: int, words: Sequence[str]) -> bool:
    """A person is the subject of « être » + participle (« je suis perdu », « on est perdus »), not a thing
    (« mon code est perdu »)."""
    return not any(it.kind in (PAGE, GUIDE) or it.kind in ("known", "unknown") for it in items[:k])


def _analysis(words: tuple[str, ...], items: list[Item], lex: Lexicon,
              guide_word: Callable[[str], bool] = lambda word: False) -> Analysis:
    out: list[Token] = []
    features: set[str] = set()
    around = frozenset(it.concept for it in items) | frozenset(words)
    if any(w in OBJECT_PRONOUNS and words[k - 1] in CLITIC_SUBJECTS for k, w in enumerate(words) if k):
        features.add(OBJECT)
    until = None   # « attendez que je m'assoie »: after « attendez que », only when, not what
    # « savoir si on m'a remboursé »: what is asked, in the past, is no report of a thing done (but « voir si la
    # sécu m'a écrit » asks to write nothing)
    whether = next((k for k in range(1, len(words)) if words[k] == "si" and words[k - 1] in _WONDERING), len(words))
    _taken_back(items, words)
    _a_thing_is_back(items, words)
    _one_more_thing(items, words)
    _for_a_while(items, words)
    _set_aside(items, words)
    _begins_to(items, words)
    for item in items:
        if until is None and out and _when(words, item.start) and not all(t.readings[0] in _HOW for t in out):
            until = item.start   # « je reprendrai quand j'aurai la lettre »: when, not what (not « c'est quand que »)
        if until is not None and item.start >= until:
            token = _token(item, lex, around)
            if token is not None:
                out.append(replace(token, weight=min(token.weight, WEIGHT["until"])))
            continue
        if item.kind == NEUTRAL and words[item.start] in SPEAKER:
            features.add(FIRST_PERSON)
        if ((item.perfect or item.concept == DONE) and not (item.start > whether and item.kind != ACTION)
                and not _they_did(words, item.start)):   # « ils m'ont remboursé le dentiste »: news, nothing done
            features.add(PERFECT)
        elif item.verb and item.end == item.start + 1 and (future(words[item.start]) or _will(words, item.start)) and not (
                words[item.start].endswith("rez")):
            features.add(FUTURE)   # not « entrez », « montrez », which are no future
        token = _token(item, lex, around)
        if token is not None:
            out.append(token)
        if words[item.start:item.end] in lex.until:
            until = item.end
    number = _number_alone(items, words, lex, guide_word)
    out += _wanted(items, lex)
    out.sort(key=lambda t: t.start)
    if number is not None and not any(t.readings[0].startswith("#") for t in out):
        weak = next(it for it in items if it.kind == "weak-number")
        out.append(Token((weak.concept,), WEIGHT["number"], weak.start, weak.end))
    yours = any(it.aux in YOUR_AUX for it in items if it.perfect)
    said = frozenset(words)
    plain = [w for w in words if w != "toi"]   # « tu te souviens, toi, si … »: the one spoken to, named again
    told = _told_what_to_do(items, words, lex.actions)
    to_someone = any(find_words(v, words) or find_words(v, plain) for v in lex.yourself if v[0] in said) or any(
        words[-len(v):] == v for v in _SHOWN)
    elsewhere = any((words[:len(v)] == v and words[len(v):len(v) + 1] not in _SUBJECT_OF) or (
        words[-len(v):] == v and (len(words) == len(v) or words[-len(v) - 1] not in _IN_THE_SENTENCE))
        for v in lex.elsewhere) or to_someone or (words[:1] == ("allo",) and words[1:2] in _CALLED_PLACE) or (
        told or _quoted(items, words) or _a_lesson(words) or _waited_for_somewhere(words) or _another_sound(out, words)
        or _at_the_computer(words) or _asks_when(words) or bool(lex.their_words & said)
        or _out_to(words, lex.places))
    called = _called(words, lex.called) or (len(words) > 2 and words[0] == "si" and words[1] in ("tu", "vous")
                                             and lex.forms.get(words[2]) not in _POLITE) or _sent_to_look(words)
    imperative = bool(items) and items[0].start == 0 and items[0].verb and not items[0].perfect
    come = any(words[k] in _COME and words[k - 1] not in SPEAKER and is_infinitive(words[k + 1])
               for k in range(1, len(words) - 1))   # « …, viens boire un jus »: someone of the house is called
    errand = come or (len(words) > 1 and words[0] in _SENDING and is_infinitive(words[1]))
    return Analysis(words=words, tokens=tuple(out), features=frozenset(features), number=number, yours=yours,
                    clauses=_with_noun_subjects(clauses(words, lex.forms, lex.steady), items, words),
                    orders=orders(words), remarks=remarks(words),
                    elsewhere=elsewhere or called or come, called=called, told=told, to_someone=to_someone,
                    doubting=_doubting(words),
                    imperative=imperative, errand=errand,
                    perfect_at=frozenset(it.start for it in items if it.perfect or it.concept == DONE))


_WITHOUT = frozenset({"sans", "rien"})
_BETWEEN_SANS = CLITICS | {"rien"}   # « sans rien dire », « sans me tromper »


_POSSESSIVES = frozenset({"ma", "mon", "mes", "ta", "ton", "tes", "sa", "son", "ses", "notre", "votre", "leur"})
_SUBJECT_DETS = _POSSESSIVES | {"le", "la", "les"}   # « l'infirmière arrive »


def _with_noun_subjects(starts: tuple[int, ...], items: list[Item], words: Sequence[str]) -> tuple[int, ...]:
    """« mets-toi en attente, ma voisine arrive », « l'infirmière arrive »: someone, then a verb the lexicon reads, start a
    clause of their own even where the verb's form is not among the lexicon's (« arrive », « sonne »)."""
    more = {item.start - 2 for item in items if item.verb and item.start >= 3 and words[item.start - 2] in _SUBJECT_DETS
            and not any(it.start <= item.start - 1 < it.end for it in items if it.kind not in ("unknown", NEUTRAL))
            and not is_infinitive(words[item.start]) and words[item.start - 3] not in PREPOSITIONS}
    return tuple(sorted(set(starts) | more)) if more else starts


def _without_doing(words: Sequence[str], i: int) -> bool:
    """An infinitive after « sans » (« sans rien dire », « sans me tromper »): the manner of what is said besides."""
    j = i - 1
    while j > 0 and words[j] in _BETWEEN_SANS:
        j -= 1
    return j >= 0 and words[j] == "sans" and is_infinitive(words[i])


def _wanted(items: list[Item], lex: Lexicon) -> list[Token]:
    """« je voudrais un code », « il me faut un code »: wanting a thing is asking for it (« demander un
    code »). The wish, not negated, before a noun of the page or of the guide's phrases, reads « demander »
    (« je voudrais un café » is no request to the guide)."""
    out = []
    for k, item in enumerate(items):
        if item.kind != LIGHT or item.concept not in lex.wanting or item.negation:
            continue
        thing = next((it for it in items[k + 1:] if content(it)), None)
        if (thing is not None and not thing.verb and not thing.negation
                and (thing.kind == PAGE or (thing.kind == "known" and not is_infinitive(thing.concept)))):
            out.append(Token((lex.asking_for,), WEIGHT[WEAK], item.start, item.end, weak=True))
    return out


def _well_made(words: Sequence[str], i: int) -> bool:
    """« il est bien fait, ce guide », « elles sont mal faites, ces pages »: how a thing is made, no step done."""
    return i > 2 and words[i - 1] in ("bien", "mal") and words[i - 2] in ETRE and words[i - 3] in THEY


def _named(words: Sequence[str], i: int) -> bool:
    """« le son est trop fort »: the sound named, after its article, is what is spoken of, no wish."""
    return words[i] in _SOUND_NOUNS and i > 0 and words[i - 1] in DETERMINERS and i + 1 < len(words) and (
        words[i + 1] in ETRE)


def _possessive(words: Sequence[str], i: int) -> bool:
    """« avec son colis »: « son » before its noun, with no article of its own, is « his », not the sound."""
    return (words[i] == "son" and 0 < i < len(words) - 1 and words[i - 1] not in _BEFORE_THE_SOUND
            and words[i + 1] not in _AFTER_THE_SOUND)


def _token(item: Item, lex: Lexicon, around: frozenset[str] = frozenset()) -> Token | None:
    kind = item.kind
    if kind == LIGHT and item.aux is not None and item.perfect and not item.negation and item.concept in lex.actions:
        return Token((DONE,), WEIGHT[ACTION], item.start, item.end)   # « c'est mis »: done
    if kind in (NEUTRAL, LIGHT, "neg", "cue", "weak-number"):
        return None
    if kind == "negated-light":
        return Token((NEG + item.concept,), WEIGHT["light"], item.start, item.end, wrapper=True)
    if kind == ASKING:
        return Token((NEG + item.concept,), WEIGHT[WEAK], item.start, item.end)
    if kind == "setting":
        base: tuple[str, ...] = item.extra
    elif kind in ("number", "last"):
        base = (item.concept,)
    elif item.aux is not None and not item.negation and item.concept in lex.actions:
        base = (item.concept, DONE)   # « j'ai cliqué », « c'est fait »: the step is done
    else:
        base = (item.concept,)
    if kind != "setting":
        base += item.extra
    readings: tuple[str, ...]
    if item.blocked:
        readings = tuple(NEG + NEG + r for r in base)
    elif item.negation:
        readings = tuple(NEG + r for r in base)
        for r in base:
            if item.negation == "plus" and r in lex.no_longer:
                readings += (lex.no_longer[r],)
            if r in lex.contraries and not lex.contrary_unless.get(r, frozenset()) & around:
                readings += (lex.contraries[r],)
        readings = tuple(dict.fromkeys(readings))
    else:
        readings = base
    if kind in ("known", "unknown"):
        weight = WEIGHT["short"] if len(item.concept) <= 2 else WEIGHT["unknown"]
    else:
        weight = WEIGHT.get(kind, 1.0)
    if item.negation and kind in (PAGE, GUIDE):
        weight = WEIGHT[SENSE]   # « pas le bouton », « pas toi, l'ordinateur »: a negation says something
    return Token(readings, weight, item.start, item.end, corrected=item.corrected,
                 plain=kind in ("known", "unknown"), page=kind in (PAGE, ACTION), weak=kind == WEAK)


def _taken_back(items: list[Item], words: Sequence[str]) -> None:
    """« reprends ton manteau », « je reprends le traitement demain »: « reprendre » a thing the lexicon does not
    know, after its determiner, takes that thing back, as « un » or « une » before any word does (« tu reprends un
    bout de gâteau ? »); the guide's reading is not resumed (« reprenez la liste », « on reprend le fil »)."""
    for k in range(len(items) - 2):
        verb, det, thing = items[k:k + 3]
        if (verb.concept == _TAKE_BACK and det.kind in (NEUTRAL, "weak-number")
                and (words[det.start] in DETERMINERS or words[det.start] in ("un", "une"))
                and det.end == thing.start and (thing.kind == "unknown" or (thing.kind == "known" and det.kind != NEUTRAL))):
            verb.kind = NEUTRAL


def _a_thing_is_back(items: list[Item], words: Sequence[str]) -> None:
    """« le soleil est revenu »: back or ready, said of a thing the lexicon does not know (its determiner before it),
    is news of that thing; the speaker is not ready to go on (« je suis revenue » is)."""
    for k in range(3, len(items)):
        det, thing, aux, done = items[k - 3:k + 1]
        if (done.concept == _READY and done.perfect and aux.concept == "etre" and thing.kind == "unknown"
                and det.kind == NEUTRAL and words[det.start] in DETERMINERS):
            done.kind = NEUTRAL


_WHAT_BEGINS = frozenset({"je", "il", "elle", "ils", "elles", "ca", "me", "te"})   # not « on commence à lire ? »


def _begins_to(items: list[Item], words: Sequence[str]) -> None:
    """« je commence à avoir froid », « ça commence à m'énerver »: « commencer à » and an infinitive after a subject
    says what begins, asks nothing to start."""
    for item in items:
        k = item.end
        if (item.end == item.start + 1 and words[item.start].startswith("commenc") and tuple(words[k:k + 1]) == ("a",)
                and item.start and words[item.start - 1] in _WHAT_BEGINS
                and k + 1 < len(words) and is_infinitive(words[k + 1])):
            item.kind = NEUTRAL


def _set_aside(items: list[Item], words: Sequence[str]) -> None:
    """« qu'est-ce qu'on peut te dire comme ordres, à part suivant ? »: what comes after « à part », « sauf »,
    « hormis » is left out of what is asked."""
    for item in items:
        k = item.start
        if (k >= 2 and tuple(words[k - 2:k]) == ("a", "part")) or (k >= 1 and words[k - 1] in ("sauf", "hormis")):
            item.kind = NEUTRAL


_THAT_IS_IT = ("ce", "est", "ca")
_WANTING_TIME = frozenset({"besoin", "envie", "attendez", "attends", "patientez", "patiente", "pour"})


def _for_a_while(items: list[Item], words: Sequence[str]) -> None:
    """« j'ai piqué du nez un moment »: « un moment » at the end of what the speaker has done is how long, not a
    pause asked for."""
    for item in items:
        if (item.concept == "pause" and tuple(words[item.start - 1:item.end]) in (("un", "moment"), ("un", "instant"))
                and any(words[k - 1] in ("je", "on") and words[k] in HAVE for k in range(1, item.start))
                and not _WANTING_TIME & set(words[:item.start])):   # not « j'ai besoin d'un moment »
            item.kind = NEUTRAL


def _one_more_thing(items: list[Item], words: Sequence[str]) -> None:
    """« encore un lundi qui commence »: « encore un », « encore une » before a thing the lexicon does not know is
    one more of it, not « again » (« encore une fois » is one expression of its own)."""
    for k in range(len(items) - 2):
        again, one, thing = items[k:k + 3]
        if (again.concept == _ONE_MORE and one.kind == "weak-number" and words[one.start] in ("un", "une")
                and thing.kind in ("unknown", "known") and again.end == one.start and one.end == thing.start):
            again.kind = NEUTRAL


def _number_alone(items: list[Item], words: tuple[str, ...], lex: Lexicon,
                  guide_word: Callable[[str], bool]) -> int | None:
    """The number of « trois », « le deuxième », « la troisième partie »: a number and nothing else that counts."""
    numbers = [it for it in items if it.kind in ("number", "weak-number", "last")]
    # « le trois, le trois »: one choice; « le onzième, le dernier »: the number, the rank said again
    named = [it for it in numbers if it.kind != "last"] or numbers
    if not named or any(it.concept != named[0].concept for it in named):
        return None
    if any(it.negation or it.blocked for it in numbers):   # « pas trois » picks nothing
        return None
    number = named[-1]
    if number.kind == "weak-number" and any(it.start == number.end and content(it) for it in items):
        return None   # « je savais pas qu'il fallait un code »: « un » before its noun, negated or not, is its article
    if number.start >= 2 and words[number.start - 2] == "en":
        return None   # « j'en avais un », « j'en ai deux »: how many of them, no choice
    ordinal = number.kind == "last" or words[number.end - 1].endswith(("ieme", "iemes", "premier", "premiere"))
    if ordinal and words[number.end:number.end + 1] and singular(words[number.end]) in lex.other_ranks:
        return None   # « la première fois »
    if (not ordinal and number.end < len(words) and len(words[number.end]) > 3 and words[number.end].endswith(("s", "x"))
            and words[number.end] not in lex.numbers and words[number.end] not in lex.number_cues):
        return None   # « onze sujets, rien que ça »: how many of them, no choice
    for item in items:
        if any(item is it for it in numbers) or not content(item) or item.kind == GUIDE or item.negation:
            continue
        if item.end - item.start == 1 and words[item.start] in lex.number_cues:
            continue
        if item.concept == "oui" and item.start >= named[0].end and (
                ordinal or len(named) > 1 or words[item.start:item.end] == _THAT_IS_IT):
            continue   # « le neuvième, je crois que c'est ça », « trois. oui, le trois »: the choice, then agreed to
        if ordinal and ((item.start == number.end and (item.kind != "unknown" or guide_word(item.concept)))
                        or item.kind == PAGE):
            continue   # « la deuxième catégorie », « le quatrième de la liste »: what the choices are (not
                       # « le troisième étage »: a word the guide does not use)
        return None
    return int(number.concept[1:])


def _present_of_eer(accented: str, base: str) -> bool:
    """« que je crée mon compte »: the present of a verb in « -éer » ends like a participle; its participle has the
    stem's « é » and the ending's (« créé », « créée »)."""
    return base.endswith("eer") and accented.endswith(("ée", "ées")) and not accented.endswith(("éée", "éées"))
