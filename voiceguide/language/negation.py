"""Negation, attached to what it negates: « je ne veux pas continuer », « j'ai jamais eu de code ».

French negation has two parts (« ne … pas », « ne … plus », « ne … jamais »)
of which spoken French often drops the first (« je veux pas »). Each
negating word is attached to the verb it follows (or, without « ne » and
without a verb before it, to the word after it: « pas de code »). A wrapper
verb (« vouloir », « pouvoir », « avoir », « falloir ») passes the negation
on to what it wraps: « je ne veux pas continuer » negates « continuer »,
« je n'ai jamais eu de code » negates « code ». With nothing after it, the
wrapper keeps the negation itself (« je ne veux pas » reads as a refusal).
Negated twice, a word reads as nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from voiceguide.language.lexicon import GUIDE, LIGHT, NEUTRAL, SENSE, WEAK, Lexicon, is_infinitive
from voiceguide.language.tokens import HAVE, SPEAKER

ASKING = "asking"   # « je ne sais pas » before « où », « quoi »: a question is asked

# Words that end the reach of « ne pas savoir »: « je ne sais pas quoi faire » negates no « faire ».
INTERROGATIVES = frozenset({"quoi", "comment", "ou", "quel", "si", "pourquoi", "quand"})
_QUESTIONING = frozenset({"savoir", "voir"})   # « je ne sais pas où », « je ne vois pas où c'est »
SUBJECTS = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ca", "ce", "cela"})
_OTHER_SUBJECTS = frozenset({"tu", "il", "elle", "on", "vous", "ils", "elles"})   # not the speaker's « je »
_PERSONS = _OTHER_SUBJECTS | {"je", "nous"}
_JOINING = frozenset({"que", "qu", "si", "quand", "comment", "ou", "pourquoi", "quoi", "ce", "dont", "lorsque"})
_WANT = "vouloir"
OBJECT_PRONOUNS = frozenset({"le", "la", "les", "en"})   # « j'en ai pas », « je l'ai pas »
PREPOSITIONS = frozenset({"de", "a", "dans", "sur", "par", "pour", "avec", "sans", "sous", "chez", "en", "vers"})
_STRESSED = frozenset({"moi", "toi", "nous", "vous", "lui", "eux"})   # « moi » said again for weight
GOOD = frozenset({"bon", "bonne", "bons", "bonnes"})   # « pas le bon code »: an adjective, no filler, no thing denied
_YOU = frozenset({"tu", "vous"})
_CAN = frozenset({"peux", "peut", "pouvez", "pourrais", "pourriez", "pourrait"})
_YOU_HAVE = frozenset({("tu", "as"), ("te", "as"), ("vous", "avez")})   # « t'as » is « te as » once split
_HAD = frozenset({"un", "une", "plus", "moyen"})   # « t'as pas une voix plus forte ? », « pas moyen de … ? »
# « je suis pas en pause », « c'est pas si compliqué », « c'est pas comme ça »: a place, a thing, a degree or a
# manner follows, not what the speaker is
_NO_ATTRIBUTE = frozenset((w,) for w in ("en", "a", "au", "aux", "dans", "de", "du", "des", "le", "la", "les", "un", "une",
                                         "si", "tres", "trop", "aussi", "assez", "tellement", "vraiment", "encore",
                                         "toujours", "pour", "comme"))
_KNOW_HOW = frozenset({"sais", "savez", "saurais", "sauriez"})   # « tu sais pas parler moins vite ? »: can't you
_DEGREES = frozenset({"peu", "beaucoup", "encore", "tellement", "bcp"})   # « un peu plus », « encore plus »


@dataclass
class Item:
    """A word or a fixed expression of a line, while its meaning and its negation are being worked out."""

    kind: str
    concept: str
    start: int
    end: int
    verb: bool = False
    negation: str | None = None      # the negating word ("pas", "plus" ...) once attached
    blocked: bool = False            # negated twice: no reading applies
    corrected: bool = False
    perfect: bool = False
    aux: str | None = None           # « ai », « suis » ... before this verb
    steady: bool = False             # a complaint: negated or not, it asks the same (« ne crie pas »)
    closes_ne: bool = False          # holds the « pas » of an open « ne » (« ne parle pas si vite »)
    extra: tuple[str, ...] = field(default=())


_RECEIVED = frozenset({"recu", "recus", "recue"})
_THAT = frozenset({("ca",), ("cela",)})
_IT = frozenset({("le",), ("la",), ("les",)})   # « je ne veux pas le faire »
_IT_SAID = frozenset({"le", "la", "les"})


def content(item: Item) -> bool:
    return item.kind not in (NEUTRAL, LIGHT, "neg", "cue", "weak-number")


def _you_cannot(words: Sequence[str], at: int) -> bool:
    """« vous (ne) pouvez pas » just before ``at``: said to the guide, it asks (« tu peux pas parler plus fort ? »);
    so does « tu (ne) sais pas » before an infinitive (« tu sais pas parler moins vite ? »), and « t'as pas » before
    what one could have (« t'as pas une voix plus forte ? », « vous avez pas plus fort ? »)."""
    before = [w for w in words[max(0, at - 3):at] if w != "ne"]
    after = words[at + 1] if at + 1 < len(words) else ""
    return len(before) >= 2 and (before[-2] in _YOU and (before[-1] in _CAN or (
        before[-1] in _KNOW_HOW and is_infinitive(after))) or (
        (before[-2], before[-1]) in _YOU_HAVE and after in _HAD))


def attach_negations(items: list[Item], lex: Lexicon, words: Sequence[str] = ()) -> None:
    """Attaches each negation to what it negates, and carries it through wrapper verbs.

    ``words``: the line's words, to see a question word that starts an expression (« où j'en étais »)."""
    def interrogative(item: Item) -> bool:
        return item.concept in INTERROGATIVES or (item.start < len(words) and words[item.start] in INTERROGATIVES)

    opened: int | None = None                    # index of a « ne » still waiting for its « pas »
    carried: list[tuple[Item | None, str]] = []  # negations waiting for the next content word
    for k, item in enumerate(items):
        if item.kind == "neg":
            word = item.concept
            if any(wrapper is not None for wrapper, _ in carried):   # a new clause: « je ne veux pas, pas ça »
                _rest_on_wrappers(carried)
                carried = []
            if word == "ne":
                opened = k
                continue
            if word == "pas" and words[item.start - 2:item.start] == ("y", "a") and words[item.end:item.end + 1] in (
                    ("un",), ("une",)):
                continue   # « y a pas une borne près de chez moi ? »: is there one, asked
            if words[item.end:item.end + 1] in (("le",), ("la",)) and set(words[item.end + 1:item.end + 2]) & GOOD:
                continue   # « c'est pas le bon code »: a wrong one, which is there
            if word == "pas" and _order_not_to(words, item.start):
                continue   # « lis-moi pas le code »: the order is refused, the code is there
            if word == "pas" and _all_but(words, item.start, item.end):
                continue   # « lis-moi la lettre, mais pas le code »: all but that thing, which is there
            if word == "pas" and _you_cannot(words, item.start):
                opened = None
                continue   # « vous pouvez pas parler plus vite ? », « tu ne peux pas … ? »: asked, as a reproach
            previous = _previous_verb(items, k, words)
            if word == "plus" and opened is None and (
                    previous is None or (previous.kind == LIGHT and _before_de(items, k))
                    or _imperative(items, previous, words) or _of_degree(item, words)):   # « expliquez-moi plus »: more
                item.kind, item.concept = "comparative", "plus"
                continue
            target = None
            if opened is not None:
                target = next((it for it in items[opened + 1:k]
                               if (it.verb or content(it)) and it.kind != GUIDE), None)
                opened = None
            elif word != "sans":
                target = _previous_verb(items, k, words)
                if target is not None and target.negation and _before_de(items, k):
                    target = None   # « y a rien qui vient, pas de courriel »: the verb is negated already
                elif target is not None and target.perfect and word == "pas" and _before_de(items, k):
                    target = None   # « c'est ouvert direct, pas de code demandé »: « pas » comes before a participle
            asking = k + 1 < len(items) and interrogative(items[k + 1])  # « je sais plus quoi faire »
            carried = _negate(target, word, carried, lex, asking)
            continue
        if item.closes_ne and opened is not None and all(it.kind in (NEUTRAL, LIGHT) for it in items[opened + 1:k]):
            opened = None   # « tu ne parles pas assez fort » is no refusal; « je n'entends pas assez fort » still negates
        if not carried or item.kind == "cue":
            continue
        wrapper = carried[-1][0]
        if (item.kind == NEUTRAL and wrapper is not None and wrapper.concept == "etre" and k
                and items[k - 1].kind == "neg" and item.start == items[k - 1].end
                and words[item.start:item.start + 1] not in _NO_ATTRIBUTE):
            # « je suis pas sûre, répétez », « j'étais pas attentive, recommencez »: what the speaker is not, said
            # right after « être », is a reason; the request after it is not denied
            wrapper.kind = NEUTRAL
            carried = []
            continue
        if (item.kind == NEUTRAL and words and words[item.start] in _PERSONS and words[item.start - 1] not in _JOINING
                and any(w is not None and _of_a_thing(w, words) for w, _ in carried)):
            _rest_on_wrappers(carried, words)   # « ça va pas du tout, on recommence »: a clause of its own, its own verb
            carried = []
            continue
        if (item.kind == NEUTRAL and k and items[k - 1].kind == "neg" and words and words[item.start] in SUBJECTS
                and all(w is None for w, _ in carried)):
            carried = []   # « pas encore, on continue »: a subject after the negation starts a clause it is not in
            continue
        if item.kind == LIGHT and item.verb and not item.negation and all(w is None for w, _ in carried):
            # « moi pas savoir quoi dire », « ne pas vouloir continuer »: the wrapper verb after the negation
            asking = k + 1 < len(items) and interrogative(items[k + 1])
            carried = _negate(item, carried[-1][1], [], lex, asking)
            continue
        wrapper = carried[-1][0]
        if interrogative(item) and wrapper is not None and wrapper.concept in _QUESTIONING:
            wrapper.kind = ASKING   # « je ne sais pas où on en est »: a question, not a refusal
            carried = []
        elif item.concept == "faire" and wrapper is not None and (
                words[item.end:item.end + 1] in _THAT or words[item.start - 1:item.start] in _IT):
            wrapper.kind = NEUTRAL   # « je ne veux pas faire ça aujourd'hui, fermez-vous », « … pas le faire, fermez
            carried = []             # le guide »: « faire ça » is what is refused, a clause of its own, not the order
        elif (item.negation or item.concept in lex.refusals) and wrapper is not None:
            _rest_on_wrappers(carried)   # « je ne veux pas, c'est pas ça », « je ne veux pas, non »
            carried = []
        elif (item.kind == GUIDE and wrapper is not None and wrapper.concept == _WANT and words
              and words[item.start - 2:item.start] in (("de", "ce"), ("de", "ton"), ("de", "votre"))):
            wrapper.kind = NEUTRAL   # « je ne veux pas de ce guide, fermez-le »: the guide refused, a clause of its
            carried = []             # own; the order after it is not denied
        elif content(item) and item.kind not in (GUIDE, "last", WEAK):
            if _own_subject(words, item.start) and all(w is None or w.concept in _STATING for w, _ in carried):
                pass   # « y a rien d'intéressant, on poursuit », « ça m'intéresse pas, je passe »: a clause of its own
            elif wrapper is not None and _said_before(items, wrapper, words) and _after_a_preposition(items, k, words):
                _rest_on_wrappers(carried)   # « le mail, j'en ai pas, sur papier »: not « pas sur papier »
            elif wrapper is not None and _resumed(items, wrapper, words) is not None:
                pass   # « les mails, je les lis jamais, mettez le courrier »: the mails are what is negated
            elif (wrapper is not None and wrapper.concept == _WANT
                  and _OTHER_SUBJECTS & set(words[wrapper.end:item.start])):
                _rest_on_wrappers(carried)   # « je ne veux pas que tu comprennes »: another subject, its own verb
            else:
                _land(item, len(carried), carried[-1][1], lex)
            carried = []
    if opened is not None:   # « ne » without « pas » (« ne répétez »): the verb after it
        target = next((it for it in items[opened + 1:] if it.verb or content(it)), None)
        if target is not None:
            carried = _negate(target, "ne", carried, lex)
    _partitive(items, lex)
    _resumed_by_a_pronoun(items, words)
    if carried and all(wrapper is None for wrapper, _ in carried):
        # « absolument pas », « certainement pas »: nothing after, so the word before
        before = next((it for it in reversed(items) if content(it) and it.kind not in ("comparative", GUIDE)), None)
        if before is not None and not before.negation:
            _land(before, 1, carried[-1][1], lex)
    else:
        _rest_on_wrappers(carried)


def _resumed_by_a_pronoun(items: list[Item], words: Sequence[str]) -> None:
    """« les mails, je les lis jamais »: a noun said first, then taken up by « le », « la » or « les » before a negated
    verb of the speaker's, is what the verb negates."""
    for verb in items:
        noun = _resumed(items, verb, words) if verb.negation and verb.verb else None
        if noun is not None and not noun.negation:
            noun.negation = verb.negation


def _resumed(items: list[Item], verb: Item, words: Sequence[str]) -> Item | None:
    """The noun said before the speaker's clause that « le », « la » or « les » takes up before ``verb``."""
    at = verb.start
    if not (at >= 3 and words[at - 1] in _IT_SAID and words[at - 2] in SPEAKER):
        return None
    articles = {(words[at - 1],)}   # « l' » is read « le »: « la suite, je l'ai pas comprise » keeps its question
    k = items.index(verb)
    noun = next((it for it in reversed(items[:k]) if it.end <= at - 2 and content(it)), None)
    return noun if noun is not None and tuple(words[noun.start - 1:noun.start]) in articles else None


def _all_but(words: Sequence[str], start: int, end: int) -> bool:
    """« mais pas le code » after a request with no « avoir » (« lis-moi la lettre, mais pas le code »): the thing
    left out of it; not « j'ai la lettre mais pas le code », which has none."""
    if not (start and words[start - 1] == "mais" and words[end:end + 1] in (("le",), ("la",), ("les",))):
        return False
    return not any(w in _RECEIVED or (w in HAVE and not (w == "a" and k and words[k - 1] == "y"))   # not « il y a »
                   for k, w in enumerate(words[:start]))


def _order_not_to(words: Sequence[str], start: int) -> bool:
    """« lis-moi pas le code », « non, lis pas le code à voix haute »: « pas » after an order (and its « moi »), before
    a thing with its article, refuses the order (not « moi pas savoir », which has no verb before, nor « j'ai pas le
    code », « c'est pas le bon »: a subject before the verb)."""
    if words[start + 1:start + 2] not in _ITS_ARTICLES or start == 0:
        return False
    verb = start - 1 - (words[start - 1] == "moi")
    if verb < 0 or words[verb] in SUBJECTS | _NOT_AN_ORDER:   # « moi pas savoir »: « moi » is no order
        return False
    return verb == 0 or verb < start - 1 or words[verb - 1] in ("non", "mais", "et", "alors", "ben", "bon")


_ITS_ARTICLES = (("le",), ("la",), ("les",), ("ton",), ("ta",), ("tes",), ("mon",), ("ma",), ("mes",))
_NOT_AN_ORDER = frozenset({"non", "moi", "toi", "y", "en", "ne", "plus", "encore", "toujours", "jamais", "bien", "ai",
                           "as", "a", "est", "suis", "mais", "et", "ou", "ce", "ca", "je", "tu"})


def _own_subject(words: Sequence[str], start: int) -> bool:
    """A verb with its own clitic subject just before it (« on poursuit », « je m'en vais »), or an expression that
    begins with it (« on arrête là »): a negation said before that subject, with no verb of its own, does not reach it."""
    i = start - 1 if words[start] not in _CLITIC_SUBJECTS else start
    while i >= 0 and words[i] in _OBJECT_CLITICS and i < start:
        i -= 1
    return i >= 0 and words[i] in _CLITIC_SUBJECTS and (i == 0 or words[i - 1] not in _JOINING)


_STATING = frozenset({"avoir", "etre"})   # « y a rien », « c'est pas »: not « je veux pas » (« je veux pas que… »)
_CLITIC_SUBJECTS = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"})
_OBJECT_CLITICS = frozenset({"me", "te", "se", "le", "la", "les", "y", "en", "lui", "leur", "nous", "vous"})


def _said_before(items: list[Item], verb: Item, words: Sequence[str]) -> bool:
    """« j'en ai pas », « je l'ai pas »: the verb's object is a pronoun before it, the clause is whole."""
    k = items.index(verb)
    return k > 0 and bool(words) and words[items[k - 1].start] in OBJECT_PRONOUNS


def _after_a_preposition(items: list[Item], k: int, words: Sequence[str]) -> bool:
    """The word at ``k`` comes after a preposition other than « de », or starts with one (« sur papier »)."""
    other = PREPOSITIONS - {"de"}   # « je n'en ai pas, de mail »: the same thing, negated
    return bool(words) and (words[items[k].start] in other or (k > 0 and words[items[k - 1].start] in other))


def _partitive(items: list[Item], lex: Lexicon) -> None:
    """« on ne m'a jamais envoyé de code »: after a negated verb, « de » + a word negates the word too, with the
    speaker named between them (« on m'en a jamais envoyé, moi, de code »)."""
    for k in range(len(items) - 2):
        verb, de, word = items[k:k + 3]
        if de.kind == NEUTRAL and de.concept in _STRESSED and k + 3 < len(items):
            de, word = items[k + 2:k + 4]
        if (verb.negation and verb.verb and not verb.blocked and verb.kind != LIGHT and de.kind == NEUTRAL
                and de.concept == "de" and content(word) and not word.negation and word.kind != GUIDE):
            _land(word, 1, verb.negation, lex)


def _negate(target: Item | None, word: str, carried: list[tuple[Item | None, str]],
            lex: Lexicon, asking: bool = False) -> list[tuple[Item | None, str]]:
    """Negates ``target``, or carries the negation on when it is a wrapper verb (or nothing)."""
    if target is None:
        return [*carried, (None, word)]
    if target.kind == LIGHT and not target.negation:
        if word == "plus" and target.concept in lex.no_longer and not asking:   # « je n'ai plus mon code »
            target.kind, target.concept = SENSE, lex.no_longer[target.concept]
            return carried
        if target.concept in lex.negated_wrappers and not asking:   # « je ne vois pas le champ »: not found
            target.kind, target.concept = SENSE, lex.negated_wrappers[target.concept]
            _land(target, len(carried) + 1, word, lex)
            return []
        target.negation = word
        return [*carried, (target, word)]
    _land(target, len(carried) + 1, word, lex)
    return []


def _land(item: Item, negations: int, word: str, lex: Lexicon) -> None:
    """The negation reaches a meaning-bearing word; twice negated, it reads as nothing."""
    if item.concept in lex.refusals or item.steady:
        return
    if item.negation or negations > 1:
        item.blocked = True
    else:
        item.negation = word


def _rest_on_wrappers(carried: list[tuple[Item | None, str]], words: Sequence[str] = ()) -> None:
    """A negated wrapper verb with nothing after it (« je ne veux pas ») means what it says itself; with « ça » for
    subject (« ça va pas du tout, on recommence »), what goes wrong, no request refused."""
    for wrapper, _ in carried:
        if wrapper is not None:
            wrapper.kind = "unknown" if _of_a_thing(wrapper, words) else "negated-light"


def _of_a_thing(verb: Item, words: Sequence[str]) -> bool:
    """« ça (ne) va pas », « ça marche pas »: the verb's subject is « ça », what goes wrong."""
    return [w for w in words[max(0, verb.start - 2):verb.start] if w != "ne"][-1:] in (["ca"], ["cela"])


def _before_de(items: list[Item], k: int) -> bool:
    """« je veux plus de détails »: « plus de » is « more », not « no more »."""
    return k + 1 < len(items) and items[k + 1].concept in ("de", "du", "des")


def _of_degree(item: Item, words: Sequence[str]) -> bool:
    """« expliquez-moi un peu plus », « encore plus »: a « plus » with a degree before it is « more »."""
    return 0 < item.start <= len(words) and words[item.start - 1] in _DEGREES


def _imperative(items: list[Item], verb: Item, words: Sequence[str]) -> bool:
    """No subject before the verb, or « moi » right after it (« c'est où, ce numéro ? expliquez-moi plus »): an
    order, where « plus » is more, not no more."""
    return bool(words) and (not any(words[it.start] in SUBJECTS for it in items if it.start < verb.start)
                            or words[verb.end:verb.end + 1] in (("moi",), ("toi",)))


def _previous_verb(items: list[Item], k: int, words: Sequence[str] = ()) -> Item | None:
    for item in reversed(items[:k]):
        if item.kind == NEUTRAL and not (item.verb and k < len(items) and items[k].start == item.end):
            if item.end - item.start == 1 and item.start < len(words) and words[item.start] == "je":
                return None   # « répète ? mi la pa bien antann »: the speaker's own clause, not the verb before
            continue
        # a verb that asks nothing (« je m'en souviendrai jamais, de ce code »: a plan) still takes the negation just
        # after it (not « ça fait cinq minutes, toujours pas de mail »)
        return item if item.verb else None
    return None
