"""French text to what the user meant: an intent, a question back (Unsure), or nothing.

Every phrase of the vocabulary, of the guide's topics and of the current
step's choices is a *seed*: the analysis (language/analysis.py) turns it
into the concepts it needs (« j'ai oublié mon code » needs « perdu » and
« code »). An utterance is analysed the same way, and each seed whose
concepts it contains is a reading of it; what the utterance says beyond the
seed counts against that reading. So « je ne me souviens plus de mon code »
finds the forgotten-code part without being listed anywhere, and « fermer
les rideaux de la cuisine » is not « fermer » (quit): two words of it are
left unexplained.

A reading is trusted most when the utterance is the seed's very words, less
when the seed's words are inside it, less when only the concepts match.
When the best reading is weak, or two different readings are as good, the
matcher returns ``Unsure`` and the dialog asks « Voulez-vous dire … ? »
rather than act. Context decides too: during a pause « continue » resumes,
at a yes/no question « laisse tomber » means no.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from voiceguide.dialog.asides import (
    QUESTION_WORDS,
    SETTING,
    asks,
    before_but,
    in_the_guide,
    opposites,
    orders,
    reason_tokens,
    without_quotes,
)
from voiceguide.dialog.grammar import Grammar
from voiceguide.dialog.intent import BROWSE, GOTO, Intent, NoMatch, Options, Unsure
from voiceguide.dialog.second_opinion import NEIGHBOURS, labelled_phrases, second_opinion
from voiceguide.guide import Choice, Guide, Step
from voiceguide.language.analysis import (
    FUTURE,
    LAST,
    NEG,
    OBJECT,
    OPENING,
    PERFECT,
    SPEAKER,
    Analysis,
    Analyzer,
    Token,
    negated_before,
    since_when,
)
from voiceguide.language.clauses import ASKED, CLAUSE_SUBJECTS, CLITICS, DONE, THEY, YOU, ends_a_clause
from voiceguide.language.lexicon import GUIDE, PAGE, Lexicon, load_lexicon
from voiceguide.language.meaning import NONE, MeaningIndex
from voiceguide.language.text import spoken_form
from voiceguide.language.tokens import find_words, joined_initials
from voiceguide.language.vocabulary import Vocabulary

EXACT = 1.0        # the utterance is the seed's words
CONTAINED = 0.8    # the seed's words inside a longer utterance
MEANING = 0.75     # the seed's concepts, in other words or other forms
TYPO = 0.75        # times this when a word had to be read as a near spelling
NUMBER = 0.9       # a choice picked by its number (« le deuxième »)
DECAY = 0.4        # confidence lost per unit of weight the reading leaves unexplained
SOFT = 0.05        # weight of a grammatical hint (past tense, « je ») not shared with the seed
ACCEPT = 0.6       # below this, ask before acting (Unsure)
SPOKEN_AGAIN = 0.46   # ... but what only speaks again (repeat, where, details) is done from here: asking costs as much
UNSURE_MIN = 0.3   # below this, not understood at all
TIE = 0.02         # two readings this close in weight, and of the same rank, are both asked about
ONE_WORD_PART = 0.55  # a part of the guide named by a single concept from elsewhere: ask first
DESCRIBED = 0.5    # weight left when a choice is only described by its negation (« pas remboursé »)
RESUMING = 0.4     # in a pause, going on read this surely resumes without asking: it moves nothing
MAX_CHARS = 500    # a longer line is no command: refused at once, not analysed
NAMED = 2.0        # weight of the words that name a step's choice, from which what else is said describes it
DESCRIBING = 0.5   # what the rest then counts
SAID_AFTER = 0.5   # what was just said, named as the object of « recommencer »: not the guide started again
TENSE = 0.5        # weight of a part of the guide named in the past when its name is no past (a report)
PAGE_WORD = 0.35   # weight of a word of the step being read, as of a word of the page (analysis.WEIGHT)
DONE_WORD = 0.1    # the same word in a report of the step done (« j'ai mis ma date de naissance »)
REPORT_REST = 0.4  # what a report by an action of the page may leave unexplained before the guide asks
REASON = 0.3       # weight of a reason given beside a command, however long (« pas si fort, tu me casses les oreilles »)
STRANGE = 3        # ... unless, beside a step forward or back, it holds this many words the guide does not know
_OR = re.compile(r"(?<!\w)ou(?!\w)", re.IGNORECASE)   # « ou », not « où » (the words are folded)

_KIND_RANK = {"choice": 0, "command": 1, "topic": 2}
_YES_NO = ("yes", "no")
_YES_NO_WORDS = ("oui", "non")
_ACKNOWLEDGING = ("oui", "comprendre", "pardon")   # « d'accord », « j'ai compris », « pardon » before a request
_ANSWERING = frozenset({"oui", "non", "fini"})   # beside a choice at a question, only lead to it (« c'est bon, … »)
_CONTEXT_TABLES = (("paused", "pause"), ("yes_no", "question"))
_ELSEWHERE = "étape"   # the table for neither a pause nor a question
_MOVES = ("previous", "restart", "menu")   # commands a verb of moving only says again
_STEPPING = frozenset({"next", "previous"})
_WHERE = "ou"
_FINDING = "retrouver"   # the concept of « trouver », « chercher »
_REPEAT = "repeat"
_SAY = "dire"
_WHERE_AM_I = "where"
_ASKS_TO_GO_ON = frozenset({"suivant", "continuer"})   # the concepts that ask to go on (not « fini »: a report)
_VOICE = frozenset({"slower", "faster", "louder", "softer"})
_NORMAL = "normal"
_PREVIOUS = "previous"
_DETAILS = "details"
_LATER = "plus tard"   # « demain », « une autre fois »: what is put off
_GOING_ON = "continuer"   # the concept of « continuer », « la suite »
_EXPLAIN = "detail"   # the concept of « expliquez », « détaillez », « en détail »
_WHAT = "quoi"
_WHY = "pourquoi"
_RESUMING = frozenset({"reprendre", "continuer"})   # the concepts that go on from a pause
_FAMILIAR = frozenset({"tu", "te", "toi"})   # said to someone close (the guide is « vous » as often)
_GIVING_UP = "annuler"   # « laisse tomber », « tant pis »
_AT_HAND = frozenset({"ce", "cet", "cette", "ces"})   # « ces lunettes »: the things in the room
_WHAT_FOR = "fonctionnement"   # « à quoi ça sert », « comment ça marche »
_WHAT_IS = frozenset({("ce", "est", "quoi"), ("veut", "dire", "quoi")})
_QUIT = "quit"
_PAUSE = "pause"
_STOP = "arreter"
_THE_GUIDE = "guide"   # the concept of « le guide », « ce truc »
_SORRY = "pardon"
_THE = frozenset({"le", "ce", "ton", "votre"})   # « arrête le guide », not « arrête tes trucs » (to a child)
_RESTART = "restart"
_SOMMAIRE = "sommaire"
_SEND = "envoyer"
_FRAMES_A_PART = frozenset({"partie", "rubrique", "section", "chapitre"})   # « la partie messages »
_THE_WHOLE = frozenset({"tout", "guide"})   # starting again, the whole named
_SAY_AGAIN = "repeter"   # the concept of « répéter », « redire », « réentendre »
_SAYING = ("redi", "repet")   # « redites », « répète »: said again, not heard again
_START_AGAIN = "recommencer"
_START = "debut"
_RESTORED = frozenset({"voix", "arriere", "autrefois", _START})   # the voice as it was before (« c'était bien avant »)
# Commands said with a reason of their own beside them (« attends, je cherche mes lunettes »): none that moves
# forward or leaves, where a report (« ça y est ») beside talk to someone else (« il pleut ») would move the guide.
# Going on asked in so many words, an answer to the step's own question and a « non » to a confirmation take one
# too (`_reading`).
_LEAVING = "au revoir"   # said beside a report of the step done, still a goodbye (« c'est bon pour moi, au revoir »)
_QUESTION_HEADS = frozenset({"que", "quoi", "comment", "quel", "quelle", "quels", "quelles", "lequel", "laquelle",
                             "lesquels", "lesquelles"})
# Cheap commands are not confirmed (DESIGN.md): these only speak again. Not the help (« viens m'aider », said to a
# grandson, is often someone else's), nor a voice setting, which stays (« il est fort, ce Mbappé »).
_SPEAKS_AGAIN = frozenset({"repeat", "where", "details"})
# Not the voice as it was: « comme d'habitude » ends many a remark (« ils vont mettre trois mois, comme d'habitude »).
_OF_MYSELF = frozenset({"suis", "etais", "ai", "avais"})   # « je me suis perdue », « j'ai oublié »: a report
_GIVES_REASONS = frozenset({"pause", "resume", "repeat", "help", "where", "menu", "details", "slower", "faster",
                            "louder", "softer", "previous"})


@dataclass(frozen=True)
class _Seed:
    """A phrase that stands for an intent, analysed once."""

    name: str
    target: str | None
    label: str
    kind: str                      # "command" | "choice" | "topic"
    said: str                      # its grammar phrase (spoken form)
    words: tuple[str, ...]         # folded words, fillers dropped: for the exact and contained readings
    required: frozenset[str]       # concepts an utterance must hold to mean this
    features: frozenset[str]


@dataclass(frozen=True)
class _Found:
    """A seed found in the utterance: how closely, which tokens it accounts for."""

    seed: _Seed
    tier: float
    explained: list[bool]
    penalty: float       # a choice only described, by its negation (« pas remboursé »)
    negated: bool = False   # the words that name it are negated (« pas par e-mail »): it may mean the other one
    to_do: bool = False     # a part named as not done yet, and how to do it asked (« je me suis pas déconnecté,
                            # comment on fait ? »)


@dataclass(frozen=True)
class _Reading:
    seed: _Seed
    name: str
    unexplained: float
    tier: float
    confidence: float
    hints: float = 0.0     # grammatical hints not shared with the seed: break ties, not confidence
    explained: int = 0     # tokens this reading accounts for: the fuller reading wins a tie
    covered: frozenset[int] = frozenset()   # which ones: a reading that covers more than another is no tie
    held: bool = False     # asked first whatever it costs: someone else's words, a negation, a report asking

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.name, self.seed.target)

    @property
    def rank(self) -> tuple[float, int, bool, float, int, int]:
        # The step's own choices before the rest, when they explain as much (« mes remboursements » at
        # the message's subject is the subject, not the part of the guide named so).
        # A yes or a no stands beside the choices (« non, ça m'a connecté directement »: the « non »).
        return (round(self.unexplained + self.hints, 3), -self.explained,
                self.seed.kind != "choice" and self.name not in _YES_NO, -self.tier,
                _KIND_RANK[self.seed.kind], -len(self.seed.required))


class IntentMatcher:
    """Turns an utterance or a key into an intent, given what can be said now."""

    def __init__(self, vocabulary: Vocabulary, guide: Guide, lexicon: Lexicon | None = None,
                 meanings: MeaningIndex | None = None) -> None:
        # The lexicon, the analyses and the grammar are built when first needed (about 50 ms): a run
        # starts saying its welcome before, and needs them only for the first turn.
        self.vocabulary = vocabulary
        self.guide = guide
        self._lexicon = lexicon
        self.meanings = meanings   # the nearest written phrasings, asked when the rules cannot decide
        self._labels = {spec.name: spec.label for spec in vocabulary.commands}
        self._keys = {key.lower(): spec for spec in vocabulary.commands for key in spec.keys}
        self._choices: dict[tuple[Choice, ...], list[_Seed]] = {}
        self._identities: dict[Options, dict[str, Intent]] = {}
        self._page_words: dict[str, frozenset[str]] = {}
        self._step_said: dict[str, frozenset[str]] = {}
        self._named_before: dict[str, frozenset[str]] = {}

    @cached_property
    def lexicon(self) -> Lexicon:
        return self._lexicon or load_lexicon()

    @cached_property
    def analyzer(self) -> Analyzer:
        return Analyzer(self.lexicon, self.vocabulary.fillers, [p for p, _ in labelled_phrases(self.vocabulary, self.guide)])

    @cached_property
    def grammars(self) -> Grammar:
        return Grammar(self.vocabulary, self.guide, self.lexicon)

    @cached_property
    def _fixed(self) -> list[_Seed]:
        seeds: list[_Seed] = []
        for spec in self.vocabulary.commands:
            for phrase in spec.phrases:
                self._add(seeds, spec.name, None, spec.label, "command", phrase)
        for step in self.guide.steps:
            for topic in step.topics:
                self._add(seeds, GOTO, step.id, topic, "topic", topic)
        return seeds

    def _choice_concepts(self, options: Options) -> frozenset[str]:
        return frozenset(c for seed in self._choice_seeds(options.choices) for c in seed.required)

    @cached_property
    def _requests(self) -> frozenset[str]:
        """Concepts that are a command by themselves (« j'arrête tout », « attends »): never only a reason."""
        return frozenset(c for concepts in self._requests_of.values() for c in concepts)

    @cached_property
    def _requests_of(self) -> dict[str, frozenset[str]]:
        """Per command, the concepts that ask for it by themselves."""
        out: dict[str, set[str]] = {}
        for seed in self._fixed:
            if seed.kind == "command" and len(seed.required) == 1:
                out.setdefault(seed.name, set()).update(seed.required)
        return {name: frozenset(concepts) for name, concepts in out.items()}

    @cached_property
    def _agents(self) -> frozenset[str]:
        """The guide, the site, the computer: who acts in a choice's name (« Ameli demande un code »)."""
        return frozenset(entry.concept for entry in self.lexicon.entries.values() if entry.kind == GUIDE)

    @cached_property
    def _page_concepts(self) -> frozenset[str]:
        """What an object pronoun may stand for at a step's choices: the things of the page (« le code »)."""
        return frozenset(e.concept for e in self.lexicon.entries.values() if e.kind == PAGE)

    @cached_property
    def _contexts(self) -> dict[str, list[_Seed]]:
        return {table: [self._context_seed(concept, name) for concept, name in self.lexicon.contexts[table].items()]
                for table in (*(t for _, t in _CONTEXT_TABLES), _ELSEWHERE)}

    # ------------------------------------------------------------------ API

    def interpret(self, text: str, options: Options, phrase: str | None = None) -> Intent | Unsure | NoMatch:
        """What ``text`` means here. ``phrase``: the grammar phrase the recogniser heard exactly, if any,
        whose meaning is known without analysing it again."""
        if phrase is not None:
            known = self.identity(phrase, options)
            if known is not None:
                return _heard(known, text)
        if len(text) > MAX_CHARS:
            return NoMatch(heard=text[:MAX_CHARS] + "…")
        self._choice_seeds(options.choices)   # their words must be known before the analysis
        analysis = self.analyzer.analyse(without_quotes(text))
        if not analysis.words:
            return NoMatch(heard=text)
        found = self._by_rules(text, analysis, options)
        if (isinstance(found, Intent) and found.name == GOTO and _OR.search(text)
                and self._corrected_from(analysis) is None):   # « les paiements, ou plutôt les démarches »
            found = self._either(analysis, options, text) or found
        if analysis.doubting and isinstance(found, Intent) and found.name in (GOTO, *_YES_NO):
            # « l'e-mail, je sais plus si j'ai le mot de passe », « elle me demande si j'ai un code »
            return Unsure(candidates=(found,), heard=text)
        meant = found.candidates if isinstance(found, Unsure) else (found,) if isinstance(found, Intent) else ()
        if len(meant) == 1 and meant[0].name == "next" and _put_off(analysis):
            # « la suite, demain », « la suite je la ferai demain »: the rest is for another day; leaving is asked
            spec = self.vocabulary.command("quit")
            return Unsure(candidates=(Intent(name=spec.name, confidence=meant[0].confidence, heard=text,
                                             label=spec.label),), heard=text)
        if isinstance(found, Intent) and found.name == "next" and _counted_aloud(analysis):
            return Unsure(candidates=(found,), heard=text)   # « Tab, Tab, Tab… et voilà »: at the keys, maybe not done
        if options.paused and [m.name for m in meant] == ["resume"] and _resumed_later(analysis):
            return NoMatch(heard=text)   # « entre, on reprendra l'ordinateur plus tard »: not now, the pause goes on
        if options.paused and analysis.called and isinstance(found, Intent) and found.name == "resume":
            # « continue de chercher dans le sac, Marcel »: someone of the house called by name; ask before going on
            return Unsure(candidates=(found,), heard=text)
        if (options.paused and not analysis.called and isinstance(found, Unsure) and len(found.candidates) == 1
                and found.candidates[0].name == "resume" and found.candidates[0].confidence >= RESUMING):
            return found.candidates[0]   # going on from where it stopped moves nothing: no need to ask
        if isinstance(found, Intent) or self.meanings is None or len(analysis.words) < 2:
            return found   # one word says too little for a sentence's vector: the rules' own care decides
        meanings, here = self.meanings, self._meanings_here(options)
        # someone called by name (« Christian, parle moins fort »), told what to do on the page (« tu tapes ton
        # code ») or what only a person is told (« je te tiens au courant »), or a doubt said aloud (« qu'est-ce que
        # j'en sais, moi ? »): the rules' question stands, as for a negation
        return second_opinion(found, lambda: meanings.nearest(text, here, NEIGHBOURS),
                              negated=analysis.called or analysis.told or analysis.to_someone or analysis.doubting
                              or any(r[:1] == NEG for r in analysis.readings()),
                              likelihoods=lambda: meanings.likelihoods(text, here))

    def _by_rules(self, text: str, analysis: Analysis, options: Options) -> Intent | Unsure | NoMatch:
        # said to someone (« allô ? oui, c'est moi. non, je fais mes papiers »), or after asking what someone did
        # (« tu lui as donné ses croquettes ? non ? alors vas-y »), a « non » corrects nothing
        cut = None if analysis.elsewhere or analysis.yours else self._corrected_from(analysis)
        while cut is not None:   # « plus lentement, non attendez, je veux dire plus vite »: the last one counts
            analysis = self.analyzer.analyse(" ".join(analysis.words[cut:]))
            cut = self._corrected_from(analysis)
        found = self._decide(self._readings(analysis, options), text)
        # « je suis déjà connectée, c'est juste pour trouver un médecin »: what it is for, said last, is the request
        for_this = analysis.words[-2:] == ("ce", "est")
        if analysis.aim and (analysis.how_to or for_this or isinstance(found, NoMatch)):
            # « comment je fais pour lire mes messages », « c'est pour savoir mes droits »: the aim is asked
            aim = self._decide(self._readings(self.analyzer.analyse(" ".join(_aim_said(analysis))), options), text)
            if not (analysis.how_to or isinstance(found, NoMatch)) and not (isinstance(aim, Intent) and aim.name == "goto"):
                aim = NoMatch(heard=text)   # « c'est pour savoir si mon ordonnance est prête »: said last, a part only
            if (analysis.how_to and isinstance(aim, Unsure) and len(aim.candidates) == 1
                    and aim.candidates[0].name == "goto"):
                aim = aim.candidates[0]
            if analysis.elsewhere and isinstance(aim, Intent):
                aim = Unsure(candidates=(aim,), heard=text)   # « Thomas, c'est quelle touche pour revenir en arrière ? »
            if analysis.how_to and isinstance(aim, Intent) and aim.name == "goto":
                # « comment je fais pour me déconnecter »: a part asked in so many words, not the details that
                # « comment » alone would ask for
                found = NoMatch(heard=text)
            if (isinstance(aim, Intent) and aim.name not in _YES_NO
                    and not (isinstance(found, Intent) and found.confidence > aim.confidence and not for_this)):
                return aim   # never a « oui » (« … pour confirmer »): an aim answers no question
            if isinstance(found, NoMatch) and isinstance(aim, Unsure) and not any(
                    c.name in _YES_NO for c in aim.candidates):
                return aim   # « c'est pour savoir à quoi j'ai droit »: an aim half understood is asked about
        asked = self._question_of_a_part(analysis, options, text)
        if asked is not None and not (isinstance(found, Intent) and found.name == "goto"):
            return asked
        # « ce code de confirmation, ça sert à quoi ? »: what a thing of the step is for, not how the guide works
        what_for = (_WHAT_FOR in analysis.readings() and any(t.page for t in analysis.tokens)
                    and not (isinstance(found, Intent) and found.name != "help"))
        if (isinstance(found, NoMatch) or what_for) and self._asks_about_the_step(analysis, options):
            spec = self.vocabulary.command(_DETAILS)
            return Intent(name=spec.name, confidence=CONTAINED, heard=text, label=spec.label)
        return found

    def _either(self, analysis: Analysis, options: Options, text: str) -> Unsure | None:
        """« mes paiements ou mes démarches d'abord ? »: two parts or choices joined by « ou », each named on its
        side, are both asked about (the second is no more wanted than the first)."""
        at = analysis.words.index("ou", 1) if "ou" in analysis.words[1:-1] else 0
        if not at or analysis.words[at + 1] in CLAUSE_SUBJECTS | {"nous", "vous"}:
            return None   # « je sais plus ou je l'ai mis »: « où » typed without its accent, a clause of its own
        sides = []
        for words in (analysis.words[:at], analysis.words[at + 1:]):
            side = self._decide(self._readings(self.analyzer.analyse(" ".join(words)), options), text)
            best = side.candidates[0] if isinstance(side, Unsure) and len(side.candidates) == 1 else side
            if not (isinstance(best, Intent) and best.name == GOTO):
                return None
            sides.append(best)
        if sides[0].target == sides[1].target:
            return None
        return Unsure(candidates=tuple(sides), heard=text)

    def _question_of_a_part(self, analysis: Analysis, options: Options, text: str) -> Intent | None:
        """« et après, comment je me déconnecte ? », « j'ai fini, comment je me déconnecte ? »: how to do a part of
        the guide, asked after a lead, is that part asked for; what comes before only leads to the question."""
        first = next((t for t in analysis.tokens if t.readings[0] == "comment"), None)
        if first is None or first.start == 0:
            return None
        subject = [w for w in analysis.words[first.end:] if w not in ("est", "ce", "que", "qu")][:1]
        if subject not in (["je"], ["on"], ["nous"]) or analysis.called:
            # « jeannot, comment ça s'écrit, remboursement ? »: the speaker's own doing is asked, not a word; « Ginette,
            # tu sais toi, comment on trouve une borne ? »: asked of someone of the house
            return None
        found = self._decide(self._readings(self.analyzer.analyse(" ".join(analysis.words[first.start:])), options),
                             text)
        return found if isinstance(found, Intent) and found.name == "goto" else None

    def _asks_about_the_step(self, analysis: Analysis, options: Options) -> bool:
        """« la C.M.U.C., c'est quoi au juste ? » at the step that speaks of it: « what is it » (or « what is it for »),
        with every other word one the step says, asks for the step's details (« comment on a un code » asks a way, not this)."""
        words = [t.readings[0] for t in analysis.tokens if t.weight > 0]
        rest = [r for r in words if r not in (_WHAT, _WHAT_FOR)]
        if options.step is None or options.paused or _WHAT not in words or not rest:
            return False
        said = self._step_concepts(options.step)
        return all(r in said for r in rest)

    def _meanings_here(self, options: Options) -> frozenset[str]:
        """The labels of the written phrasings that may be meant here (language/meaning.py)."""
        names = {spec.name for spec in self.vocabulary.commands}
        if not options.yes_no:
            names -= set(_YES_NO)
        if not options.paused:
            names.discard("resume")
        names |= {f"{GOTO}:{c.target}" for c in options.choices}
        names |= {f"{GOTO}:{s.id}" for s in self.guide.parts()}
        return frozenset(names | {NONE})

    def choices_said_as_commands(self) -> list[tuple[Step, Choice, str, str]]:
        """(step, choice, phrase, command) where a choice's phrase means a command by itself: every way of
        asking that command at the step would choose it (« j'attends toujours » was a pause request)."""
        commands = {seed.required: seed.name for seed in self._fixed if seed.kind == "command" and seed.required}
        clashes = []
        for step in self.guide.steps:
            seeds = self._choice_seeds(step.choices)
            clashes += [(step, choice, seed.said, commands[seed.required]) for choice in step.choices
                        for seed in seeds if seed.target == choice.target and seed.required in commands]
        return clashes

    def match(self, text: str, options: Options) -> Intent | None:
        """The intent of ``text`` when it is sure enough to act on, else None."""
        found = self.interpret(text, options)
        return found if isinstance(found, Intent) else None

    def match_key(self, key: str, options: Options) -> Intent | None:
        """The intent of a key: digit N selects choice N, letters are case-insensitive; the arrows
        down and up read the choices one by one, and Entrée then picks the one last read."""
        if key.isdigit() and len(key) == 1:
            n = int(key)
            if 1 <= n <= len(options.choices):
                choice = options.choices[n - 1]
                return Intent(name=GOTO, target=choice.target, heard=key, label=choice.label)
            return None
        if key in ("down", "up") and options.choices:
            return Intent(name=BROWSE, target="+1" if key == "down" else "-1", heard=key)
        if key == "enter" and options.cursor is not None and 0 <= options.cursor < len(options.choices):
            choice = options.choices[options.cursor]
            return Intent(name=GOTO, target=choice.target, heard=key, label=choice.label)
        spec = self._keys.get(key.lower())
        if spec is None:
            return None
        return Intent(name=spec.name, heard=key, label=spec.label)

    def grammar(self, options: Options) -> list[str]:
        """Phrases for the recogniser now: accents kept, no punctuation, no digits, no duplicates."""
        concepts = {c for seed in self._seeds(options) for c in seed.required}
        return self.grammars.phrases(options, concepts)

    def identity(self, phrase: str, options: Options) -> Intent | None:
        """The intent a grammar phrase stands for, when it is one of the seeds' own phrases.

        Known from the seed it was made from, so the recogniser's exact result
        is not searched for again among all the phrases.
        """
        table = self._identities.get(options)
        if table is None:
            table = self._identity_table(options)
            if len(self._identities) < 256:
                self._identities[options] = table
        return table.get(phrase)

    def _identity_table(self, options: Options) -> dict[str, Intent]:
        renames = self._renames(options)
        best: dict[str, _Seed] = {}
        chosen = [c.required for c in self._choice_seeds(options.choices)]
        for seed in self._seeds(options):
            if seed.kind == "topic" and any(c and c <= seed.required for c in chosen):
                continue   # « la messagerie » where a choice says « messagerie »: the choice, found by searching
            if seed.said and (seed.said not in best
                              or _KIND_RANK[seed.kind] < _KIND_RANK[best[seed.said].kind]):
                best[seed.said] = seed
        table = {}
        for said, seed in best.items():
            name = _renamed(seed, renames)
            label = seed.label if name == seed.name else self._labels.get(name, name)
            table[said] = Intent(name=name, confidence=EXACT, target=seed.target, heard=said, label=label)
        return table

    # ------------------------------------------------------------------ seeds

    def _add(self, into: list[_Seed], name: str, target: str | None, label: str, kind: str, text: str) -> None:
        analysis = self.analyzer.analyse(text)
        if not analysis.words:
            return
        required = frozenset(t.readings[0] for t in analysis.tokens)
        into.append(_Seed(name, target, label, kind, spoken_form(text), analysis.words, required, analysis.features))

    def _choice_seeds(self, choices: tuple[Choice, ...]) -> list[_Seed]:
        seeds = self._choices.get(choices)
        if seeds is None:
            self.analyzer.learn(t for c in choices for t in (c.label, *c.phrases))
            seeds = []
            for choice in choices:
                for text in dict.fromkeys((choice.label, *choice.phrases)):
                    self._add(seeds, GOTO, choice.target, choice.label, "choice", text)
            self._choices[choices] = seeds
        return seeds

    def _names_another(self, options: Options, seed: _Seed, said: set[str]) -> bool:
        """Another of the step's choices named in full among ``said``."""
        return any(s.target != seed.target and s.required and s.required <= said
                   for s in self._choice_seeds(options.choices))

    def _context_seed(self, concept: str, name: str) -> _Seed:
        return _Seed(name, None, self._labels.get(name, name), "command", "", (), frozenset({concept}), frozenset())

    def _seeds(self, options: Options, present: frozenset[str] | None = None) -> Iterable[_Seed]:
        """Every seed that can be said here; given the concepts ``present``, only the commands and parts whose
        concepts may all be there (a few of the hundreds), in the same order."""
        if present is None:
            yield from self._fixed
        else:
            by_concept, bare = self._fixed_by_concept
            fixed = self._fixed
            yield from (fixed[i] for i in sorted({i for c in present for i in by_concept.get(c, ())}.union(bare)))
        yield from self._choice_seeds(options.choices)
        for table in _tables(options):
            yield from self._contexts[table]

    @cached_property
    def _fixed_by_concept(self) -> tuple[dict[str, list[int]], frozenset[int]]:
        """The fixed seeds by one of their concepts (a seed is read only when all of them are present), and those
        with none."""
        by_concept: dict[str, list[int]] = {}
        for i, seed in enumerate(self._fixed):
            if seed.required:
                by_concept.setdefault(min(seed.required), []).append(i)
        return by_concept, frozenset(i for i, seed in enumerate(self._fixed) if not seed.required)

    # ------------------------------------------------------------------ readings

    def _readings(self, analysis: Analysis, options: Options) -> list[_Reading]:
        """One reading per intent: the seeds of that intent found in the utterance, explaining it together."""
        present = analysis.readings()
        # « je n'ai pas été remboursé » names the subject « remboursement », negated: a choice it may describe
        described = present | {r[1:] for r in present if r[:1] == NEG and r[1:2] != NEG}
        renames = self._renames(options)
        refused = any(t.readings[0] in self.lexicon.refusals for t in analysis.tokens)
        # « je l'ai », « je ne le retrouve pas »: at a step's choices the pronoun stands for the page's thing
        pronoun = self._page_concepts if OBJECT in analysis.features and options.step is not None else frozenset()
        not_done = _not_done_yet(analysis)
        found: dict[tuple[str, str | None], list[_Found]] = {}
        for seed in self._seeds(options, present | not_done):
            penalty = 0.0
            by_pronoun = to_do = False
            if not seed.required <= present:
                missing = seed.required - present
                if seed.kind == "topic" and missing <= not_done:
                    to_do = True
                elif seed.kind != "choice":
                    continue
                elif missing <= self._agents and seed.required - missing:
                    pass   # « ça me demande un code »: Ameli, who asks, goes without saying at its own question
                elif len(missing) == 1 and missing <= pronoun:
                    by_pronoun = True   # the pronoun names it
                elif seed.required <= described:
                    penalty = DESCRIBED * len(missing)
                else:
                    continue
            span = find_words(seed.words, analysis.words)
            if not seed.required and span is None:
                continue
            tier = EXACT if span == (0, len(analysis.words)) else CONTAINED if span is not None else MEANING
            name = _renamed(seed, renames)
            explained = [_explains(seed, t, span, refused, penalty > 0 or to_do) for t in analysis.tokens]
            if seed.kind == "choice" and "je" in seed.words and any(explained):
                # « j'attends toujours le message »: the person's doing, not « tu peux attendre »
                explained = [e and not _asked_of_the_guide(analysis, t)
                             for e, t in zip(explained, analysis.tokens, strict=True)]
                if not any(explained):
                    continue
            if (seed.kind == "topic" and seed.target == options.step and PERFECT in analysis.features
                    and PERFECT not in seed.features
                    and any(e and t.start in analysis.perfect_at for t, e in zip(analysis.tokens, explained))):
                # the step being read, its own words in the past: done (« je me suis déconnectée »; not « la
                # première fois que j'ai vu un ordinateur »)
                name = "next"
            elif (seed.kind == "topic" and seed.target == options.step
                  and any(t.readings[0] in QUESTION_WORDS for t in analysis.tokens)):
                name = "details"   # « c'est quoi, les démarches ? » asked at that step: what it is about
            elif seed.kind == "choice" and any(not e and _asks_what_or_why(analysis.words, t)
                                               for t, e in zip(analysis.tokens, explained, strict=True)):
                name = _DETAILS   # « c'est quoi ce code de confirmation ? », « pourquoi ils demandent un code ? »
            if name == _REPEAT and all(t.weak for t, e in zip(analysis.tokens, explained, strict=True) if e) and any(
                    not t.weak for t, e in zip(analysis.tokens, explained, strict=True) if not e) and not _you_said(
                    analysis, explained):
                continue   # « comment ? » asks again, « comment on a un code » asks something else; « vous avez
                           # dit quoi avec les flèches » asks again what was said of them
            if name == _WHERE_AM_I and seed.required == {_WHERE} and len(analysis.words) > 1 and (
                    any(t.page for t in analysis.tokens) or not in_the_guide(analysis.words)):
                name = "details"   # « où est-ce que je tape », « c'est où »: where on the page, not in the guide
            last = max([t.start for t, e in zip(analysis.tokens, explained, strict=True) if e]
                       + [span[0] if span is not None else -1])
            if name != "no" and any(t.wrapper and not e and t.start < last
                                    for t, e in zip(analysis.tokens, explained, strict=True)):
                continue   # « je ne veux pas, je suis là »: the request itself is refused (not « supprimez mon
                           # compte, j'en veux plus »)
            if by_pronoun and not all(e or _acknowledged(t, name, options, seed.kind == "choice")
                                      for t, e in zip(analysis.tokens, explained, strict=True)):
                continue   # a pronoun stands for the thing only when all else is explained (« on ne me l'a
                           # jamais envoyé » is no « je l'ai »)
            if by_pronoun and analysis.tokens and all(t.readings[0] in _YES_NO_WORDS for t in analysis.tokens):
                continue   # « oui, je l'ai eu »: the pronoun is what the question asks about, the « oui » answers
            negated = seed.kind != "command" and (penalty > 0 or _negates_its_name(analysis.tokens, explained, span))
            found.setdefault((name, seed.target), []).append(_Found(seed, tier, explained, penalty, negated, to_do))
        # « ça marche pas, je me rappelle plus du code »: a part of the guide named in full is no reason for details
        # (the speaker's own clause, « je … »: not « expliquez-moi ça, ce code de confirmation », its object)
        named = frozenset(i for (name, _), seeds in found.items() if name == GOTO for f in seeds
                          if f.penalty == 0 and not f.negated and len(f.seed.required) >= 2
                          for i, e in enumerate(f.explained) if e and _in_my_clause(analysis, analysis.tokens[i]))
        readings = [self._reading(name, seeds, analysis, options, named if name == _DETAILS else frozenset())
                    for (name, _), seeds in found.items() if not _weak_alone(name, seeds, analysis)]
        if _stops_the_guide(analysis):
            readings = [r for r in readings if r.name != _PAUSE]
        if _START_AGAIN not in present and any(t.readings[0] == _SAY_AGAIN and analysis.words[t.start].startswith(_SAYING)
                                               for t in analysis.tokens):
            # « redites-moi l'étape depuis le début »: what was said, said again from its start; not the guide afresh
            # (« je veux tout réentendre depuis le début » is)
            readings = [r for r in readings if r.name != _RESTART]
        number = self._number(analysis, options)
        if number is not None and not _in_a_label(readings, analysis):
            readings.append(number)
        return _preferred(readings, options, analysis)

    def _renames(self, options: Options) -> dict[str, str]:
        table: dict[str, str] = {}
        for name in reversed(_tables(options)):   # paused at a question, « on y va » resumes: the pause's wins
            table.update(self.lexicon.contexts[name])
        return table

    def _reading(self, name: str, seeds: list[_Found], analysis: Analysis, options: Options,
                 named: frozenset[int] = frozenset()) -> _Reading:
        best = max(seeds, key=lambda f: (f.tier, -f.penalty, -_KIND_RANK[f.seed.kind], len(f.seed.required)))
        seed, tier = best.seed, best.tier
        tokens = analysis.tokens
        page = ((self._step_words(options.step) | (self._step_concepts(options.step) - self._requests))
                - (frozenset() if name == _REPEAT and _you_said(analysis, [True] * len(tokens))
                   else self._choice_concepts(options)))   # what the step speaks of, in its words or the lexicon's;
        # its choices too, when what it said is asked again (« vous avez dit quoi pour le courrier ? »)
        if seed.kind == "topic" and seed.target is not None:   # « les rubriques, avec le bouton à trois traits »:
            page |= self._step_concepts(seed.target) - self._requests   # what the part named speaks of
        said = [any(f.explained[i] for f in seeds) for i in range(len(tokens))]
        asked = any(e and t.weight >= 1.0 for t, e in zip(tokens, said, strict=True))   # a request, not a hint
        # « je suis perdue, on est où ? »: where-am-I is asked in light words, and being lost is its reason
        explained = [e or self._qualifies(t, name, analysis, seed, options, asked or name == _WHERE_AM_I)
                     for t, e in zip(tokens, said, strict=True)]
        head = 0   # « d'accord, j'ai compris », « pardon » before the request
        if any(said) and not options.paused and not (options.yes_no and name in _YES_NO):
            explained = self._announced(analysis, explained, options.yes_no)   # « attendez, je suis où moi »
        if any(said) and not options.yes_no and name not in _YES_NO:
            head = _acknowledged_head(analysis, explained, self._step_concepts(options.step) - self._requests,
                                      name == _PREVIOUS and not options.yes_no and analysis.tokens[0].start > 0)
            explained = [e or i < head for i, e in enumerate(explained)]
            explained = _understood_that(analysis, explained)
        after_head = tokens[head].start if head < len(tokens) else len(analysis.words)
        report = name == "next" and any(at >= after_head for at in analysis.perfect_at)
        # the step's words weigh little in a report, in « répète l'adresse », in « expliquez-moi ce nom d'épouse »
        done = report or name == _REPEAT or (name == _DETAILS and _EXPLAIN in seed.required)
        # the step asks for one of its choices: a reason may come with the answer (« par la poste, je lis pas
        # mes mails »); « envoyez-le par la poste, … » asks the choice of whoever sends, no errand to someone
        answering = seed.kind == "choice" and options.step is not None and not orders(
            analysis, [e or (i == 0 and t.readings[0] == _SEND) for i, (t, e) in enumerate(zip(tokens, explained, strict=True))])
        at_question = answering and options.yes_no   # a choice that answers « Avez-vous un code ? »
        # « c'est fait mon petit, on continue »: asked to go on in so many words, not only told it is done
        going_on = name == "next" and any(e and t.readings[0] in _ASKS_TO_GO_ON
                                          for t, e in zip(tokens, said, strict=True))
        # « non, je me suis mal exprimée » at « Voulez-vous vraiment quitter ? »: staying needs no other reading
        declining = name == "no" and options.yes_no and options.step is None
        # « oui oui, on arrête, je suis fatiguée » at « Voulez-vous vraiment quitter ? »: a yes said first, with its
        # reason, as a « non » may have one
        agreeing = (name == "yes" and options.yes_no and options.step is None and not options.choices
                    and tokens[0].readings[0] == "oui")
        # « oui, je le connais par cœur » at « Avez-vous un code ? »: a yes, and what the speaker says of the thing
        # (not said to someone: « oui, je te le passe »)
        elaborating = (name == "yes" and options.yes_no and options.step is not None and tokens[0].readings[0] == "oui"
                       and OBJECT in analysis.features and not YOU & set(analysis.words))
        # a request, not an « encore » that is itself said beside; « on en était où » is one, of light words;
        # in a pause, « on peut y retourner » is one
        # a choice answering a yes/no question is one too, whatever its words weigh (« j'ai mon code, ma fille me
        # l'a écrit sur un papier »), unless the line speaks to someone as « tu » (« oui, il me demande un code,
        # mais je vais le trouver, t'en fais pas »)
        answered = at_question and not _FAMILIAR & set(analysis.words)
        firm = name == _WHERE_AM_I or any(
            e and t.weight >= 1.0 and (t.readings[0] not in self.lexicon.reasons or name == "resume")
            for t, e in zip(tokens, said, strict=True)) or (name == _REPEAT and _you_said(analysis, said))
        # « qu'est-ce que vous avez dit ? je regardais mon téléphone »: asked again in light words, with its reason
        # « tout depuis le début, j'ai rien compris »: starting again from the start, said so, has its reasons (not
        # a bare « recommencez », which may be « recommencez votre phrase »); the guide asks before it anyway
        afresh = name == _RESTART and (any(_START in f.seed.required for f in seeds)
                                       or bool(_THE_WHOLE & set(analysis.words))   # « recommencez tout le guide »
                                       or _START in analysis.words)   # « repartir du début », one expression
        # « on arrête, je verrai ça un autre jour »: leaving, with the speaker's own reason (the guide asks first);
        # « j'ai déménagé, je voudrais voir mes informations »: a part of the guide, with one
        leaving = name == _QUIT or seed.kind == "topic"
        # at a question, a reason could be the answer; not beside the voice (« moins vite, j'arrive pas à suivre »)
        gives = ((name in _GIVES_REASONS or answering or going_on or afresh or leaving)
                 and (not options.yes_no or name in _VOICE or name in _SPEAKS_AGAIN or answering)
                 ) or declining or elaborating or agreeing
        # at a question, only the speaker's own clauses (« non, j'ai jamais eu de code, c'est ma fille qui
        # s'occupait de tout »): another may be the answer
        reasons = (reason_tokens(analysis, explained, said, self._requests, seed.required, name in _VOICE,
                                 name == "resume", opposites(seed.required),
                                 mine=(leaving and not _names_the_guide(analysis, said)) or agreeing
                                 or at_question,
                                 leaving=name == _QUIT)
                   if (firm or answered) and gives else frozenset())
        if at_question:   # « je l'avais noté, mais j'ai perdu le papier »: another answer, no reason
            theirs = {c for s in self._choice_seeds(options.choices) if s.target != seed.target for c in s.required}
            reasons = frozenset(i for i in reasons if not theirs & set(tokens[i].readings))
        reasons |= before_but(analysis, said)
        reasons -= named
        if name in _STEPPING and sum(not any(map(self.analyzer.knows, analysis.words[tokens[i].start:tokens[i].end]))
                                     for i in reasons) >= STRANGE:
            # « au suivant… elle me trotte dans la tête, cette chanson de Brel »: no reason to move on, a story of
            # its own, in words the guide has never heard of
            reasons = frozenset()
        # « un peu plus de volume, pardon, je suis dure d'oreille »: « pardon » after the request excuses it
        explained = [e or (t.readings[0] == _SORRY and any(said[:i]))
                     for i, (t, e) in enumerate(zip(tokens, explained, strict=True))]
        left = [i for i, (t, e) in enumerate(zip(tokens, explained, strict=True))
                if not e and not _acknowledged(t, name, options, _a_choice(seed, name, options))]
        echo: frozenset[str] = frozenset()   # words that only say again what the step says: they weigh little
        if report:   # « j'ai tapé les six chiffres, c'est validé »: what the step speaks of, described
            echo = (self._step_concepts(options.step) - self._choice_concepts(options) - {_LEAVING}) | {
                t.readings[0] for t in tokens if t.readings[0][:1] == "#"}
        elif options.yes_no and name in _YES_NO:   # « oui, un code de six chiffres »: the question echoed
            # « oui oui, on arrête »: at a confirmation, the request confirmed said again
            echo = self._step_concepts(options.step) | (self._requests_of.get(_QUIT, frozenset()) if agreeing else frozenset())
        # another command that the step names, asked of the guide, is not the step echoed (« vous pouvez aussi
        # arrêter le guide »: « c'est bon, tu peux t'arrêter là »)
        others = self._requests - self._requests_of.get(name, frozenset()) if echo else frozenset()
        echoed = [t.readings[0] in echo and not (t.readings[0] in others and _asked_of_the_guide(analysis, t))
                  for t in tokens]
        unexplained = sum(DONE_WORD if echoed[i] else _weight(tokens[i], page, done, asked)
                          for i in left if i not in reasons)
        if agreeing:   # « absolument, fermez tout, je vais me coucher »: leaving said twice is still said once
            unexplained -= DONE_WORD * max(0, sum(echoed[i] for i in left if i not in reasons) - 1)
        beside_the_page = sum(_weight(tokens[i], page, done, asked) for i in left
                              if not tokens[i].page and not echoed[i])
        if any(i in reasons for i in left):
            unexplained += min(REASON, sum(_weight(tokens[i], page, done, asked) for i in left if i in reasons))
        if seed.kind == "choice" and options.step is not None and not orders(analysis, explained) and sum(
                t.weight for t, e in zip(tokens, explained, strict=True) if e) >= NAMED and not self._names_another(
                options, seed, {r for t, e in zip(tokens, explained, strict=True) if not e for r in t.readings}):
            # « j'ai perdu ma carte vitale »: a choice fully named, and described (not an errand: « va chercher
            # le courrier »; not with another choice named too: « les mails j'y comprends rien, envoyez-moi une
            # lettre »)
            unexplained *= DESCRIBING
        unexplained += min(f.penalty for f in seeds)
        if name in (_RESTART, _PREVIOUS) and _what_was_said_after(analysis, said):   # « reviens sur ce que tu viens de dire »
            unexplained += SAID_AFTER
        tense = analysis.features & {PERFECT, FUTURE}
        if ((seed.kind == "topic" or name == "menu") and tense
                and not any(tense & f.seed.features for f in seeds) and not any(f.to_do for f in seeds)):
            # « j'ai envoyé le message »: done, not « envoyer un message » asked for; « je n'avais pas ouvert le menu »:
            # the site's menu, no sommaire asked; « le message, je le ferai ce soir »: later, not now
            unexplained += TENSE
        hints = SOFT * min(len(f.seed.features ^ analysis.features) for f in seeds)
        confidence = tier * max(0.0, 1.0 - DECAY * unexplained)
        if any(t.corrected for t, e in zip(tokens, explained, strict=True) if e):
            confidence *= TYPO
        # « je n'ai pas d'adresse e-mail »: the namings that are negated say all the others say (« mail »)
        refused = {i for f in seeds if f.negated and not f.penalty for i, e in enumerate(f.explained) if e}
        negated = all(f.negated for f in seeds) or (bool(refused) and all(
            i in refused for f in seeds if not f.negated for i, e in enumerate(f.explained) if e))
        if negated and seed.kind == "choice" and len(options.choices) == 2:
            # « pas par e-mail », « je n'ai pas d'email » where the choice is by e-mail or by letter: by letter
            seed = next(s for s in self._choice_seeds(options.choices) if s.target != seed.target)
            negated = False
        held = ((seed.kind == "topic" and tier == MEANING and _one_word(analysis)) or (analysis.yours and bool(seed.target))
                or (seed.kind == "topic" and self._echoes_the_step(analysis, said, options))
                or negated or analysis.elsewhere or (report and _only_reported(analysis, explained, beside_the_page))
                or (name == "next" and (_urging_a_speaker(analysis.words) or _missed_what_comes(analysis, said)))
                or (seed.kind == "topic" and PERFECT in seed.features and analysis.features & {PERFECT, FUTURE} == {FUTURE})
                or (seed.kind == "topic" and any(said) and all(since_when(analysis.words, t.start)
                                                               for t, e in zip(tokens, said, strict=True) if e))
                or (report and not going_on and analysis.astonished)
                or _placing_someone(analysis.words)
                or ((report or seed.kind == "choice") and asks(analysis, explained))
                or (seed.kind == "choice" and _taken_up(analysis, said))
                # « ces lunettes, je ne vois plus rien avec »: a choice named in another word than its own, the thing
                # at hand (« ces »), beside a complaint of the speaker's: the thing itself spoken of, perhaps
                or (seed.kind == "choice" and tier == MEANING and sum(said) == 1 and any(
                    e and t.start > 0 and analysis.words[t.start - 1] in _AT_HAND for t, e in zip(tokens, said, strict=True))
                    and any(not e and t.readings[0].startswith(NEG) and _in_my_clause(analysis, t)
                            for t, e in zip(tokens, said, strict=True)))
                or (name == "yes" and options.yes_no and any(   # « c'est ouvert, pas de code » at « un code ? »
                    not e and t.readings[0].startswith(NEG) and t.readings[0][len(NEG):] in self._step_concepts(options.step)
                    for t, e in zip(tokens, explained, strict=True))))
        if held:
            # « tu as reçu mon message ? », « pas par e-mail », « je n'ai pas été remboursé »: ask before going
            confidence = min(confidence, ONE_WORD_PART)
        # « c'est bon, ça s'est ouvert » at « un code vous est-il demandé ? »: the « c'est bon » that leads to the choice
        # counts for it as for the « oui » it could be, which then explains no more than the choice
        acknowledged = explained.count(False) - len(left)   # the words not explained that are not « left » either
        return _Reading(seed, name, unexplained, tier, confidence, hints, sum(explained) + acknowledged,
                        frozenset(i for i, e in enumerate(explained) if e), held)

    def _echoes_the_step(self, analysis: Analysis, said: list[bool], options: Options) -> bool:
        """« allons-y pour le premier renseignement » at the step that asks four of them: another part named only in
        the words the step being read says (« renseignement »), beside a command of its own (« allons-y »,
        « redites-moi ») or in a report (« j'ai reçu le message » where the step says to look for it): the step said
        again, perhaps; the guide asks before it goes there."""
        named = [t for t, e in zip(analysis.tokens, said, strict=True) if e and t.weight >= 1.0]
        step = self._step_concepts(options.step) - self._choice_concepts(options)
        named_at = {t.start for t, e in zip(analysis.tokens, said, strict=True) if e}
        # not « je l'ai jamais reçu, ce code », nor a part named in the past itself (« j'ai oublié mon code, je l'avais
        # noté »)
        reported = PERFECT in analysis.features and not analysis.perfect_at & named_at and any(
            at not in named_at and not negated_before(analysis.words, at, self.lexicon.negations)
            for at in analysis.perfect_at)
        # « quatre renseignements, ils veulent tout savoir » where the step asks four: nothing but the step's words, more
        # than one of them, and no request among them (« c'est quoi ces paiements ? » asks the details)
        echoed = len(analysis.tokens) > 1 and all(t.readings[0] in step and t.readings[0] not in self._requests
                                                  for t in analysis.tokens)
        return bool(named) and all(t.readings[0] in step for t in named) and (reported or echoed or any(
            not e and t.weight >= 1.0 and t.readings[0] in self._requests_beside_a_part
            for t, e in zip(analysis.tokens, said, strict=True)))

    @cached_property
    def _requests_beside_a_part(self) -> frozenset[str]:
        """Commands of their own beside a part's name, but not the move to it (« retourner aux catégories »)."""
        return self._requests - (self.lexicon.moves - {"repeter"})

    def _qualifies(self, token: Token, name: str, analysis: Analysis, seed: _Seed, options: Options,
                   asked: bool) -> bool:
        """A word that only qualifies the request: its reason beside it (« je me suis trompée, reviens en
        arrière »), the manner of a repeat (« répète plus lentement »), what makes it precise (« j'ai raté
        la fin », « une pause café »), the state one returns to."""
        lex = self.lexicon
        first = token.readings[0]
        tokens = analysis.tokens
        if analysis.words[token.start:token.end] in lex.qualifiers.get(name, ()):
            return True
        if (first in lex.reasons and asked and (not options.yes_no or name in _SPEAKS_AGAIN) and name not in _YES_NO
                and not (options.paused and first == DONE)):   # in a pause, « fini » ends it
            return True
        if SETTING.match(first) and seed.required & lex.manner:
            return True
        if name == _QUIT and first == DONE:
            return True   # « c'est bon, on a fini, ferme le guide »: done, so leaving (the guide asks first)
        if (name == GOTO and first == _SOMMAIRE and token.end == token.start + 1
                and analysis.words[token.start] in _FRAMES_A_PART
                and set(next((t.readings for t in tokens if t.start >= token.end), ())) & seed.required):
            # « allez à la partie messages », « la partie j'ai oublié mon code »: the part, named right after the word
            # that frames its name
            return True
        if name == _PREVIOUS and first.lstrip(NEG) in self._steps_before(options.step):
            # « on peut revenir au nom ? », « revenez au code »: the step just before, named, or said not done yet
            # (« on retourne à l'étape précédente, je l'ai pas encore ce mail »)
            return True
        if name == _NORMAL and (SETTING.match(first.lstrip(NEG)) or first in _RESTORED):
            return True   # « ni trop vite ni trop lent, remettez normal », « la voix d'avant »: what is restored
        if first in lex.moves and (seed.kind != "command" or name in _MOVES) and not (
                seed.kind == "topic" and seed.target == options.step) and not _done_by_them(analysis, token) and not (
                seed.kind == "choice" and first in self._requests_of.get(_PREVIOUS, frozenset())
                and not _leads_to(tokens, token, seed)) and not _you_said(analysis, [True] * len(tokens)):
            # « refaites-moi la présentation du guide »: going there (not to the step being read); going back, only
            # to the choice it names (« on revient aux informations », not « je suis pas encore allé voir mes mails,
            # recule »); not « vous avez dit quoi pour le courrier ? redites-moi » : what was said, again
            return True
        if first == _FINDING and seed.kind == "topic" and any(t.readings[0] == _WHERE for t in tokens):
            return True   # « où je trouve les messages ? »: asked where a part is, it is asked for (not « je cherche »)
        if first == _FINDING and name == "next" and token.start in analysis.perfect_at and len(analysis.perfect_at) > 1:
            return True   # « j'ai trouvé le bouton, j'ai appuyé sur Entrée »: found, then done, one report
        looking = seed.required & lex.looking
        if looking and (token.page or first == _WHERE) and any(t.readings == (r,) for t in tokens for r in looking):
            return True   # « je ne trouve pas le bouton valider »: what is not found (not a lost code)
        return any(seed.required & lex.returns.get(r, frozenset()) for r in token.readings)

    def _corrected_from(self, analysis: Analysis) -> int | None:
        """Where the request said again starts, when the person corrects themselves (« plus vite, euh non,
        plus lentement »): a « non pardon » with something said before it and something after."""
        words = analysis.words
        for k in range(1, len(words)):
            for marker in self.lexicon.corrections:
                if words[k:k + len(marker)] != marker:
                    continue
                after = k + len(marker)
                while more := next((m for m in self.lexicon.corrections if words[after:after + len(m)] == m), None):
                    after += len(more)   # « non pardon, je veux dire le quatre »: one correction, said twice
                # « mince, j'ai laissé le gaz allumé ? ah non, c'est bon »: words the guide does not know, then only
                # « c'est bon »: a worry answered aloud, nothing corrected
                if (words[after:after + 1] == ("je",) and set(words[after + 1:after + 3]) & _OF_MYSELF
                        and "ne" not in words[after + 1:after + 3]):
                    continue   # « je suis à quelle étape, pardon ? je me suis perdue »: what the speaker is, no correction
                told = [t for t in analysis.tokens if t.end <= k and t.readings[0] not in _YES_NO_WORDS]
                if all(t.plain for t in told) and [t.readings[0] for t in analysis.tokens if t.start >= after] == [DONE]:
                    continue
                if told and any(t.start >= after and t.weight > 0 and not t.weak and (not t.plain or any(
                        map(self.analyzer.knows, words[t.start:t.end]))) for t in analysis.tokens):
                    return after   # not « non non, j'y suis »: a « non » said twice corrects nothing; not « plus de
                    # volume, pardon, je suis dure d'oreille »: nothing the guide knows after it, an apology (nor
                    # « pardon de vous faire tourner en bourrique »: a light word only)
        return None

    def _announced(self, analysis: Analysis, explained: list[bool], answering: bool = False) -> list[bool]:
        """« non attends, reviens », « attendez, revenez en arrière », « non non, revenez en arrière »: an
        « attends », or a « non » said twice, before the request only announces it (« non suivant » is two). At a
        yes/no question (``answering``), only an « attends »: a « non » answers it."""
        first = next((i for i, e in enumerate(explained) if e), len(explained))
        before = analysis.tokens[:first]
        if answering and any(t.readings[0] == "non" for t in before):
            return explained
        words = [analysis.words[t.start:t.end] for t in before]
        leads = sum(w in self.lexicon.leading for w in words) + (sum(t.readings[0] == "non" for t in before) > 1)
        head = 0
        while head < len(before) and (words[head] in self.lexicon.leading or before[head].readings[0] == "non"):
            head += 1
        # « j'attends toujours le message » is no « attends, … » (« oh mais attendez, … » is); « attendez, comment je
        # lis mes messages »: a light question word may come between
        # « non non, pas me déconnecter, retourne à l'étape d'avant »: what is refused comes with the « non »
        if not before or not set(analysis.words[:before[0].start]) <= OPENING or not leads or not all(
                t.weak or t.page or t.readings[0][:1] == NEG for t in before[head:]):   # « … les touches déjà ? redites »
            return explained
        return [e or i < head for i, e in enumerate(explained)]

    def _step_concepts(self, step_id: str | None) -> frozenset[str]:
        """What the step being read says, as concepts: an answer that says it again only echoes the question."""
        def read(step: Step) -> frozenset[str]:
            text = joined_initials(" ".join((step.say, step.details or "")))
            return frozenset(t.readings[0] for part in re.split(r"[.?!:;,]", text)
                             for t in self.analyzer.analyse(part).tokens) - {"oui", "non", "fini"}
        return self._per_step(self._step_said, step_id, read)

    def _step_words(self, step_id: str | None) -> frozenset[str]:
        """The words the step being read says (« l'adresse », « le nom »): they weigh as words of the page."""
        return self._per_step(self._page_words, step_id, lambda step: self.analyzer.plain_words(
            (step.title, step.say, step.on_screen or "", step.details or "")))

    def _steps_before(self, step_id: str | None) -> frozenset[str]:
        """What the steps that lead to this one are about, from their titles (« Demande de code, votre nom »:
        the part after the comma), as concepts; not the parts' names (« retourner aux catégories » is that part)."""
        def read(step: Step) -> frozenset[str]:
            parts = {c for seed in self._fixed if seed.kind == "topic" and len(seed.required) == 1 for c in seed.required}
            titles = [s.title.rsplit(",", 1)[-1] for s in self.guide.steps if step.id in s.targets()]
            return frozenset(t.readings[0] for title in titles
                             for t in self.analyzer.analyse(title).tokens) - parts - {"oui", "non"}   # « message non reçu »
        return self._per_step(self._named_before, step_id, read)

    def _per_step(self, cache: dict[str, frozenset[str]], step_id: str | None,
                  read: Callable[[Step], frozenset[str]]) -> frozenset[str]:
        if step_id is None:
            return frozenset()
        if step_id not in cache:
            cache[step_id] = read(self.guide.step(step_id))
        return cache[step_id]

    def _number(self, analysis: Analysis, options: Options) -> _Reading | None:
        """« trois », « le deuxième », « numéro onze », « la dernière », « l'avant-dernière »: that choice."""
        if analysis.number is None or not options.choices:
            return None
        n = len(options.choices) + 1 + analysis.number if analysis.number <= LAST else analysis.number
        if not 1 <= n <= len(options.choices):
            return None
        choice = options.choices[n - 1]
        seed = _Seed(GOTO, choice.target, choice.label, "choice", "", (), frozenset(), frozenset())
        return _Reading(seed, GOTO, 0.0, EXACT, NUMBER)

    def _decide(self, readings: list[_Reading], heard: str) -> Intent | Unsure | NoMatch:
        if not readings:
            return NoMatch(heard=heard)
        best_by_key: dict[tuple[str, str | None], _Reading] = {}
        for r in sorted(readings, key=lambda r: r.rank):
            best_by_key.setdefault(r.key, r)
        ranked = sorted(best_by_key.values(), key=lambda r: r.rank)
        best = ranked[0]
        if best.confidence < UNSURE_MIN:
            return NoMatch(heard=heard)
        second = ranked[1] if len(ranked) > 1 else None
        if second is not None and _tied(best, second):
            return Unsure((self._intent(best, heard), self._intent(second, heard)), heard)
        if best.confidence >= (SPOKEN_AGAIN if best.name in _SPEAKS_AGAIN and not best.held else ACCEPT):
            return self._intent(best, heard)
        return Unsure((self._intent(best, heard),), heard)

    def _intent(self, reading: _Reading, heard: str) -> Intent:
        seed = reading.seed
        label = seed.label if reading.name == seed.name else self._labels.get(reading.name, reading.name)
        # a part said done, a choice's thing asked about: no target
        target = seed.target if reading.name == GOTO or (seed.kind != "topic" and reading.name != _DETAILS) else None
        return Intent(name=reading.name, confidence=round(reading.confidence, 3), target=target,
                      heard=heard, label=label)


def _in_a_label(readings: list[_Reading], analysis: Analysis) -> bool:
    """« la première connexion, je n'y suis jamais allée »: the ordinal is a word of a choice's name, not its rank."""
    return any(r.seed.kind == "choice" and analysis.tokens[i].readings[0][:1] == "#"
               for r in readings for i in r.covered)


def _asks_what_or_why(words: Sequence[str], token: Token) -> bool:
    """« c'est quoi », « ça veut dire quoi », « pourquoi » asked first (not « pourquoi pas », nor « voilà pourquoi
    j'écris »): what a thing is, or why."""
    if token.readings[0] == _WHY:
        return words[token.end:token.end + 1] != ("pas",) and (
            token.start == 0 or words[token.start - 1] in ("et", "mais", "alors"))
    return token.readings[0] == _WHAT and any(tuple(words[k:k + 3]) in _WHAT_IS for k in range(len(words) - 2))


def _you_said(analysis: Analysis, explained: list[bool]) -> bool:
    """« vous avez dit quoi », « qu'est-ce que t'as dit »: what the guide said, asked again (not « répète ce que
    t'as dit », which may be said to anyone)."""
    said = {t.readings[0]: t for t, e in zip(analysis.tokens, explained, strict=True) if e}
    what, say = said.get(_WHAT), said.get(_SAY)
    if what is None or say is None or analysis.words[what.start:what.end] == ("ce", "que"):
        return False
    i = say.start
    return (i in analysis.perfect_at and i > 1
            and analysis.words[i - 2] in YOU and analysis.words[i - 1] in ("avez", "as"))


def _done_by_them(analysis: Analysis, token: Token) -> bool:
    """« ils répètent toujours les mêmes bêtises aux informations »: a verb whose subject is « il(s) », « elle(s) »
    tells what others do; no move is asked (« on revient aux paiements » is one)."""
    i = token.start - 1
    while i >= 0 and analysis.words[i] in CLITICS:
        i -= 1
    return i >= 0 and analysis.words[i] in THEY


def _stops_the_guide(analysis: Analysis) -> bool:
    """« ça m'énerve, arrête le guide », « vous pouvez arrêter le guide »: the guide itself stopped is leaving it,
    not a pause (« arrête » alone)."""
    tokens = analysis.tokens
    return any(stop.readings[0] == _STOP and it.readings[0] == _THE_GUIDE and set(analysis.words[stop.end:it.start]) <= _THE
               for stop, it in zip(tokens, tokens[1:]))


def _weight(token: Token, page: frozenset[str], done: bool = False, asked: bool = False) -> float:
    """What a token left unexplained counts against a reading; a word of the step being read, little,
    and less in a report of the step done (« j'ai mis ma date de naissance »); a question word beside a
    request half (« et ensuite, on fait quoi »)."""
    if token.readings[0] in page:
        return min(token.weight, DONE_WORD if done else PAGE_WORD)
    if asked and token.weak:
        return token.weight / 2
    return token.weight


def _only_reported(analysis: Analysis, explained: list[bool], rest: float) -> bool:
    """« entrez, c'est ouvert », « où est-ce que j'ai mis ma carte vitale »: an action of the page in the past
    is a report of the step done only when no question is asked, no order given, and little else is said
    but the page's words (« j'ai cliqué sur valider »): else the guide asks first. ``rest``: what the reading
    leaves unexplained besides the page's words."""
    tokens = analysis.tokens
    by_action = all(t.weight < 1.0 for t, e in zip(tokens, explained, strict=True) if e)   # not « c'est fait »
    asking = any(t.readings[0] in QUESTION_WORDS for t in tokens)
    return by_action and (asking or orders(analysis, explained) or rest >= REPORT_REST)


def _asked_of_the_guide(analysis: Analysis, token: Token) -> bool:
    """The token's clause has the guide for subject (« tu peux attendre un peu »), or it opens the sentence with
    no subject: an order (« attendez, je cherche le message »)."""
    start = analysis.subject_before(token)
    return analysis.words[start] in YOU if start is not None else token.start == 0


def _weak_alone(name: str, seeds: list[_Found], analysis: Analysis) -> bool:
    """Only one word of little meaning, in other words than the seeds': « que sais-tu faire », « je réponds
    comment » are questions, « dis donc », « ils en font des choses » are none."""
    said = [t for i, t in enumerate(analysis.tokens) if any(f.explained[i] for f in seeds)]
    return (all(f.tier == MEANING for f in seeds) and len(said) == 1 and said[0].weak
            and said[0].readings[0] != _WHERE and len(said[0].readings) == 1
            and analysis.words[0] not in _QUESTION_HEADS
            and not any(t.readings[0] in QUESTION_WORDS for t in analysis.tokens if t is not said[0]))


def _not_done_yet(analysis: Analysis) -> frozenset[str]:
    """What the speaker says is not done yet, when they ask how to do it (« je me suis pas encore déconnecté,
    comment on fait ? »): the part asked for, not refused."""
    present = analysis.readings()
    if not {"comment", "faire"} <= present:
        return frozenset()
    return frozenset(t.readings[0][1:] for t in analysis.tokens
                     if t.readings[0][:1] == NEG and t.readings[0][1:2] != NEG and t.start in analysis.perfect_at)


def _leads_to(tokens: Sequence[Token], token: Token, seed: _Seed) -> bool:
    """The words just after a verb of moving name where it goes: « revenir aux informations »."""
    after = next((t for t in tokens if t.start >= token.end), None)
    return after is not None and bool(seed.required & set(after.readings))


def _taken_up(analysis: Analysis, said: list[bool]) -> bool:
    """« les facteurs, ils passent plus qu'un jour sur deux »: a thing in general (« les », not « ma carte, elle
    marche plus »), taken up by « ils » as the subject of what follows, is talked about; perhaps not chosen."""
    named = [t for t, e in zip(analysis.tokens, said, strict=True) if e]
    if not named:
        return False
    first, end = named[0].start, max(t.end for t in named)
    return (end in analysis.clauses and analysis.words[end] in THEY
            and analysis.words[first - 1:first] in (("le",), ("la",), ("les",)))


def _urging_a_speaker(words: Sequence[str]) -> bool:
    """« continue, je t'écoute »: what one says to someone who is talking, and the guide has stopped talking when it
    hears it; it asks before it goes on (« je vous écoute » alone, someone back and ready, goes on)."""
    listening = find_words(("je", "te", "ecoute"), words) or find_words(("je", "vous", "ecoute"), words)
    return (listening is not None and any(w in _GO_ON for w in words[:listening[0]])
            and "guide" not in words)   # « continuez le guide, je vous écoute » is said to it


_GO_ON = frozenset({"continue", "continues", "continuez"})


def _placing_someone(words: Sequence[str]) -> bool:
    """« recule un peu, t'es devant l'écran »: where the listener stands, said to someone in the room (the guide
    stands nowhere); whatever else the line asks is asked about first."""
    return any(find_words((*you, place), words) is not None
               for you in (("te", "es"), ("tu", "es"), ("vous", "etes")) for place in _PLACES)


_PLACES = ("devant", "derriere", "contre")


def _one_word(analysis: Analysis) -> bool:
    """« paiement » said on its own: too little to jump to a part of the guide without asking."""
    return (len(analysis.tokens) == 1 and len(analysis.words) <= 2
            and not analysis.tokens[0].readings[0].startswith(NEG))


def _tables(options: Options) -> list[str]:
    """The lexicon's context tables that apply now: « vas-y » resumes in a pause, says yes to a question,
    and goes on elsewhere."""
    return [table for flag, table in _CONTEXT_TABLES if getattr(options, flag)] or [_ELSEWHERE]


def _renamed(seed: _Seed, renames: dict[str, str]) -> str:
    """The intent a seed stands for in this context: in a pause, the seeds of « continue » mean resume."""
    targets = {renames.get(r) for r in seed.required}
    if seed.required and len(targets) == 1:
        target = targets.pop()
        if target is not None:
            return target
    return seed.name


def _explains(seed: _Seed, token: Token, span: tuple[int, int] | None, refused: bool = False,
              described: bool = False) -> bool:
    if span is not None and span[0] <= token.start and token.end <= span[1]:
        if not token.readings[0].startswith(NEG) or token.readings[0] in seed.required:
            return True
        if not described:
            return False
    if refused and seed.name == "no" and token.readings[0].startswith(NEG) and not token.plain:
        return True   # « non, je ne veux pas continuer »: the negated request is the « non » (not « pas de café »)
    if described and token.readings[0][:1] == NEG and token.readings[0][1:] in seed.required and len(token.readings) == 1:
        return True   # not a negation that reads as a contrary: « je ne me rappelle plus de mon code » is no « je m'en souviens »
    return any(r in seed.required for r in token.readings)


def _negates_its_name(tokens: Sequence[Token], explained: list[bool], span: tuple[int, int] | None) -> bool:
    """A plain negation inside the words that name a choice or a part, or just before them (« pas par
    e-mail », « je n'ai pas d'adresse mail »): the person may mean the other choice. A negation that reads
    as a contrary (« je ne me souviens plus » = oublié) names it instead."""
    starts = {t.start for t, e in zip(tokens, explained, strict=True) if e}
    return any(t.readings[0].startswith(NEG) and len(t.readings) == 1 and not e
               and ((span is not None and span[0] <= t.start < span[1]) or t.end in starts)
               for t, e in zip(tokens, explained, strict=True))


def _acknowledged(token: Token, name: str, options: Options, choice: bool) -> bool:
    """« d'accord, suivant »: outside a question, a « oui » beside a request only acknowledges it; a « laisse
    tomber » beside leaving says it again.
    At a question with choices, « oui » or « non » beside a choice only leads to it (« oui mais je l'ai
    oublié »)."""
    if name == _QUIT and token.readings[0] == _GIVING_UP:
        return True   # « laissez tomber, arrêtez le guide »: giving up is leaving said once more
    if options.yes_no:   # « c'est bon, je suis dedans »: a « c'est bon » too
        return choice and bool(_ANSWERING & set(token.readings))
    return name not in _YES_NO and token.readings[0] == "oui"


_NOT_GOT = frozenset({NEG + "compris", NEG + "comprendre", NEG + "entendre"})


def _missed_what_comes(analysis: Analysis, said: list[bool]) -> bool:
    """« la suite, je l'ai pas comprise », « et après, j'ai pas compris »: what comes next, named first, then not
    understood: the person missed it, which is no wish to go there; the guide asks."""
    tokens = analysis.tokens
    return (bool(said) and said[0]
            and any(t.readings[0] in _NOT_GOT for t, e in zip(tokens[1:], said[1:], strict=True) if not e))


def _what_was_said_after(analysis: Analysis, said: list[bool]) -> bool:
    """« recommencez ce que vous venez de dire »: what was just said, named right after the verb that starts again,
    is its object; that sentence said again, not the whole guide."""
    tokens = analysis.tokens
    return any(e and i + 1 < len(tokens) and not said[i + 1] and tokens[i + 1].readings[0] == "phrase"
               and tokens[i + 1].start <= t.end + 1   # « recommencez votre phrase »
               for i, (t, e) in enumerate(zip(tokens, said, strict=True)))


def _a_choice(seed: _Seed, name: str, options: Options) -> bool:
    """One of the step's choices, said in its own words or as the part of the guide it leads to (« l'accueil »
    where « un code ? » has the choice of the home page)."""
    return seed.kind == "choice" or (name == GOTO and seed.target is not None
                                     and any(c.target == seed.target for c in options.choices))


def _preferred(readings: list[_Reading], options: Options, analysis: Analysis) -> list[_Reading]:
    """In a pause, the pause spoken of beside going on is the one ending (« excusez-moi de vous avoir fait
    attendre, on peut reprendre », « j'ai réfléchi, on peut repartir »), and a « oui » beside it agrees to go on:
    it answers no question of the step (« oui, on peut continuer maintenant » paused at « Avez-vous un code ? »).
    Elsewhere, at a yes/no question the answer is looked for first, and a « oui » beside a request is not one."""
    if options.paused and any(r.name == "resume" for r in readings):
        return [r for r in readings if r.name not in ("pause", "yes")]
    if options.yes_no and options.step is not None:
        # « laissez tomber, j'y arriverai jamais, arrêtez le guide » at a step's question: the guide named, leaving is
        # asked, whatever the « laissez tomber » would answer
        leaving = [r for r in readings if r.name == _QUIT and any(
            analysis.tokens[i].readings[0] == _THE_GUIDE for i in r.covered)]
        if leaving:
            return leaving
    if options.yes_no:
        answers = [r for r in readings if r.name in _YES_NO and r.confidence >= UNSURE_MIN]
        said = {t.readings[0] for t in analysis.tokens} & set(_YES_NO_WORDS)
        if len(said) == 1:   # « non, je suis connecté »: the « non » said outweighs a « c'est fait » that says yes
            answer = _YES_NO[_YES_NO_WORDS.index(said.pop())]
            answers = [r for r in answers if r.name == answer] or answers
        if answers:
            covered = [any(r.seed.required & set(t.readings) or _explains(r.seed, t, None) for r in readings)
                       for t in analysis.tokens]
            rest = sum(t.weight for t, c in zip(analysis.tokens, covered, strict=True) if not c)
            # a choice said beside the answer (« j'ai l'accueil de mon compte qui s'est ouvert »)
            choices = [r for r in readings if _a_choice(r.seed, r.name, options)]
            words = {i for i, t in enumerate(analysis.tokens) if _ANSWERING & set(t.readings)}
            # it says more than the answer in a word of its own, or in its very words (« c'est bon, je suis dedans »)
            # and what it leaves is one light word at most (« ça y est, je suis dans mon compte, rien ne m'a été demandé »)
            full = [c for c in choices if c.unexplained <= REASON and (c.unexplained == 0 or c.covered - words)
                    and (c.covered - words or c.tier > MEANING)]
            if full and all(r.covered <= words for r in answers):
                return full   # « oui mais je ne m'en souviens plus », « ça m'a mis sur mon compte »: the choice says more
            return [_answer(r, rest) for r in answers] + choices
        return readings
    first = analysis.tokens[0] if analysis.imperative and analysis.tokens else None
    if first is not None and any(r.seed.kind == "command" and r.unexplained == 0 and _explains(r.seed, first, None)
                                 for r in readings):
        # « recule d'un cran, j'ai pas encore le mail »: the order given first, explained in full, is the request;
        # a choice the rest describes is its reason
        readings = [r for r in readings if r.seed.kind != "choice" or _explains(r.seed, first, None)]
    if any(r.name not in _YES_NO for r in readings):
        # a « non » only heard in a negation that says more (« j'en ai jamais eu, de code ») answers no question
        said_no = any(t.readings[0] == "non" for t in analysis.tokens)
        return [r for r in readings if r.name != "yes" and (r.name != "no" or said_no)]
    return readings


def _answer(reading: _Reading, rest: float) -> _Reading:
    """A yes/no answer with other requests beside it (« oui, répète ») counts only what nothing explains."""
    if rest >= reading.unexplained:
        return reading
    confidence = reading.tier * max(0.0, 1.0 - DECAY * rest)
    if reading.held:
        confidence = min(confidence, ONE_WORD_PART)   # « tu te rappelles si on m'a envoyé un code, toi ? »
    return _Reading(reading.seed, reading.name, rest, reading.tier, confidence, reading.hints, reading.explained,
                    reading.covered, reading.held)


def _acknowledged_head(analysis: Analysis, explained: list[bool], step: frozenset[str], back: bool = False) -> int:
    """How many tokens, at the head of another request, only acknowledge what was said before it: « d'accord,
    j'ai compris, c'est quoi l'étape d'après » (an « ok », a « compris »), with what the step said repeated
    among them (« quatre renseignements, j'ai compris, allons-y »: ``step``, the step's concepts). A « non » said
    after an « ah », an « euh », before going ``back`` refuses to go on (« ah non, un pas en arrière »; « non
    précédent » stays two answers)."""
    tokens = analysis.tokens
    head = 0
    while head < len(explained) and not explained[head] and (
            tokens[head].readings[0] in _ACKNOWLEDGING or tokens[head].readings[0] in step
            or tokens[head].readings[0][:1] == "#"):
        head += 1
    while head and tokens[head - 1].readings[0] not in _ACKNOWLEDGING:
        head -= 1   # the step's words alone, with no « d'accord », are no acknowledgement
    # « non, où je vois mes informations ? »: the question word before the speaker's clause belongs to it
    upto = (tokens[1].end if tokens[1].readings[0] in ASKED else tokens[1].start) if len(tokens) > 1 else 0
    if head == 0 and len(tokens) > 1 and tokens[0].readings[0] == "non" and not explained[0] and (back or any(
            tokens[0].end <= c <= upto and analysis.words[c] in SPEAKER for c in analysis.clauses) or any(
            tokens[0].end <= r <= tokens[1].start for r in analysis.remarks)):
        head = 1   # « non, en fait je voulais faire une démarche », « non, c'est trop, remets comme avant »: corrected
    if any(e and t.weight >= 1.0 for t, e in zip(analysis.tokens[head:], explained[head:])):
        return head
    return 0


def _names_the_guide(analysis: Analysis, said: list[bool]) -> bool:
    """« fermez le programme, l'infirmière vient d'arriver »: the guide itself named in the request, whatever is
    said beside it is the reason, someone else's doing too (not « ferme la porte, il fait froid »)."""
    return any(e and t.readings[0] == _THE_GUIDE for t, e in zip(analysis.tokens, said, strict=True))


def _in_my_clause(analysis: Analysis, token: Token) -> bool:
    """``token`` stands in a clause whose subject is « je »: the speaker says it of themself."""
    start = analysis.subject_before(token)
    return start is not None and analysis.words[start] == "je"


def _understood_that(analysis: Analysis, explained: list[bool]) -> list[bool]:
    """« j'ai compris que ça sert à créer le compte, avançons »: what was understood, said before the request,
    acknowledges what the guide said; it asks nothing."""
    tokens, words = analysis.tokens, analysis.words
    opened = next((i for i, t in enumerate(tokens) if t.readings[0] == "comprendre" and words[t.end:t.end + 1] == ("que",)
                   and i + 1 < len(tokens)), None)
    if opened is None:
        return explained
    request = next((k for k in range(opened + 1, len(tokens)) if explained[k] and tokens[k].weight >= 1.0), None)
    if request is None:
        return explained
    return [e or opened < i < request for i, e in enumerate(explained)]


def _tied(best: _Reading, other: _Reading) -> bool:
    """As good as each other: « suivant précédent ». Not when one accounts for all the other does and more
    (« quelle est cette étape » is where one is, not only « quoi »)."""
    return (abs(best.unexplained + best.hints - other.unexplained - other.hints) < TIE
            and best.tier == other.tier
            and _KIND_RANK[best.seed.kind] == _KIND_RANK[other.seed.kind]
            and not best.covered > other.covered)


def _aim_said(analysis: Analysis) -> tuple[str, ...]:
    """The aim's words, its « en » standing for the page's thing named before it (« mon code, … comment on fait
    pour en avoir un nouveau » asks for a new code)."""
    aim = analysis.aim
    named = [t for t in analysis.tokens if t.page and t.end == t.start + 1]
    if aim[:1] != ("en",) or not named:
        return aim
    return (*aim[1:], analysis.words[named[-1].start])


def _resumed_later(analysis: Analysis) -> bool:
    """« on reprendra l'ordinateur plus tard », « je reprends l'ordinateur après »: going on, put off by what follows."""
    going_on = next((t.start for t in analysis.tokens if t.readings[0] in _RESUMING), None)
    return going_on is not None and any(
        _LATER in t.readings and t.start > going_on and not any(going_on < c <= t.start for c in analysis.clauses)
        for t in analysis.tokens)   # not « on reprend, je finirai le café plus tard »


def _counted_aloud(analysis: Analysis) -> bool:
    """« Tab, Tab, Tab… et voilà »: a word the guide does not know said again and again, then done, and no more: keys
    counted aloud, at the page (not « passons, passons »)."""
    plain = [t for t in analysis.tokens if t.plain]
    said = analysis.readings()
    return DONE in said and not said & _ASKS_TO_GO_ON and any(
        a.readings == b.readings and b.start == a.end for a, b in zip(plain, plain[1:]))


def _put_off(analysis: Analysis) -> bool:
    """« la suite, demain », « la suite, je la ferai plus tard », « je continue après »: « la suite », or going on
    said by the speaker, put off by what follows (not « ça, je verrai une autre fois, continuez »: the rest of the
    guide is asked for now)."""
    words, tokens = analysis.words, analysis.tokens
    rest = next((t.start for t in tokens if words[t.start] == "suite"), None)
    if rest is not None and any(t.start > rest and _LATER in t.readings for t in tokens):
        return True
    # « on continue demain », « je continue après, là je suis sur le site »: said of the speaker, and put off at once
    return any(t.readings[0] == _GOING_ON and t.start and words[t.start - 1] in ("je", "on") and u.start == t.end
               and (_LATER in u.readings or (words[u.start] in ("apres", "ensuite") and ends_a_clause(words, u.end)))
               for t, u in zip(tokens, tokens[1:]))


def _heard(intent: Intent, heard: str) -> Intent:
    return Intent(intent.name, intent.confidence, intent.target, heard, intent.label)
