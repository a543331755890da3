"""How the words of a sentence group: who does what, and when.

A request to the guide is in a clause of its own, with no subject or with « je », « tu », « vous »; a clause
with another subject (« le facteur est passé ») says what someone else does, a relative clause (« les
messages qu'ils m'ont envoyés », « le voisin qui passe ») describes a thing, a gerund or « avant de » (« en
attendant le code », « avant de partir ») says when, a future after « je » (« j'attendrai ») what the
speaker will do. These functions read the folded words and the analysis' items; they know no command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from voiceguide.language.lexicon import GUIDE, LIGHT, NEUTRAL, PAGE, is_infinitive
from voiceguide.language.negation import ASKING, PREPOSITIONS, Item

ETRE = frozenset({"suis", "es", "est", "sommes", "etes", "sont", "etais", "etait"})
CLITIC_SUBJECTS = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ne", "me", "te", "se"})
CLITICS = frozenset({"me", "te", "se", "le", "la", "les", "y", "en", "lui", "leur", "nous", "vous", "de", "ne"})
CLAUSE_SUBJECTS = frozenset({"je", "tu", "il", "elle", "on", "ils", "elles", "ca"})
DETERMINERS = frozenset({"le", "la", "les", "ma", "mon", "mes", "ta", "ton", "tes", "sa", "son", "ses", "notre",
                         "votre", "leur", "ce", "cet", "cette"})
OBJECT_CLITICS = frozenset({"me", "te", "lui", "y", "en"})   # not « le », « la »: articles too
YOUR_AUX = frozenset({"as", "avez", "es", "etes"})   # « tu as reçu », « vous êtes allé »
PARTICIPLE = ("é", "ée", "és", "ées")
THEY = frozenset({"il", "elle", "ils", "elles"})   # a third person: what others do, or a thing
_OTHERS = THEY | {"on"}
YOU = frozenset({"tu", "te", "vous"})
_NOT_AN_ORDER = PREPOSITIONS | ETRE | {"comme", "que", "et", "ou", "mais", "pas", "plus", "sans", "chez"}
# « j'ai pas terminé, moi », « je suis plus tout jeune, moi »: after a negation, an auxiliary or a degree, a participle
# or an adjective, and the speaker's stressed « moi »
_BEFORE_A_PARTICIPLE = ETRE | {"pas", "plus", "jamais", "ai", "as", "a", "avons", "avez", "ont", "tout", "toute", "si",
                               "trop", "tres", "assez"}
_ONE_PART = frozenset({"partie", "chapitre", "etape"})
_DESCRIBING = frozenset({"pour", "ou", "qui", "sur", "avec"})
_NEXT_OR_BEFORE = frozenset({"arriere", "suivant"})
_LATER = frozenset({"apres", "ensuite"})
_DONE_ENDINGS = ("i", "is", "it", "u", "us", "ue", "ues", "ie", "ies", "te", "ert")   # fini, mis, dit, lu, écrit
_FUTURE = ("rai", "ras", "rons", "rez", "ront")    # « je le ferai », « on le verra »: still to do
_WILL_DO = ("ra", "rai", "ront")   # after « le », « la »: a verb in the future (« mon fils le lira »)
_BARE_VERBS = frozenset({"etre", "avoir"})        # « c'est », « j'ai »: nothing to do in themselves
# « bon après », « et ensuite »: before the last « après », these ask what comes next
_ASKING_NEXT = frozenset({"et", "puis", "bon", "ben", "alors", "donc", "mais", "ok", "voila", "bien", "oui", "ouais"})
_BEFORE_MY_VERB = OBJECT_CLITICS | {"le", "la", "les", "ne"}   # « je ne le lirai », « je l'attendrai »
_AN_OBJECT = DETERMINERS | {"un", "une", "des", "du"}
WHERE = "ou"   # the concept of « où »
ASKED = frozenset({"qui", "quoi", "ou", "quand", "comment", "combien", "quel", "quelle", "pourquoi"})   # question words
_INSTITUTION = "ameli"   # Ameli, la caisse, la sécu: who sends and answers


def ends_a_clause(words: Sequence[str], i: int) -> bool:
    """Nothing at ``i``, or a subject that begins another clause (« je continue après, là je suis sur le site »)."""
    return i >= len(words) or words[i] in CLAUSE_SUBJECTS or (words[i] in ("la", "là") and i + 1 < len(words)
                                                               and words[i + 1] in CLAUSE_SUBJECTS)


def said_later(items: list[Item], pairs: Sequence[tuple[str, str]]) -> Item | None:
    """A last « après » or « ensuite » that says when (« je le ferai après », « on verra ça ensuite », « c'est
    moi qui éteins l'ordinateur après »): after a verb of a thing still to do, or its object, with nothing
    between them but that object. After a thing done, it asks what comes next (« c'est tapé, après »)."""
    if len(items) < 2 or pairs[-1][0] not in _LATER or items[-1].start != len(pairs) - 1:
        return None
    for item in reversed(items[:-1]):
        if item.verb or future(pairs[item.start][0]):
            word, accented = pairs[item.end - 1]
            done = accented.endswith(PARTICIPLE) or (word.endswith(_DONE_ENDINGS) and not future(word))
            return items[-1] if not done and item.concept not in _BARE_VERBS else None
        if item.kind not in (NEUTRAL, GUIDE, PAGE, "known", "unknown") or pairs[item.start][0] in _ASKING_NEXT:
            return None
    return None


DONE = "fini"   # the concept of a step done, which says the perfect too
_SOMEONE_SAID = frozenset({("il",), ("elle",), ("on",), ("vous",), ("tu",)})   # « là où il s'est arrêté »
_INVERTED = frozenset({("me", "a"), ("me", "ont"), ("nous", "a"), ("nous", "ont"), ("me", "avait"), ("me", "avaient")})


def described_verbs(items: list[Item], words: Sequence[str]) -> list[Item]:
    """The verbs of relative clauses, which describe a thing, and ask for nothing: an action (or a light verb:
    « l'étape qu'on fait ») whose subject is someone else (« les messages qu'ils m'ont envoyés », « le papier où il
    était noté »; not « le code que j'ai oublié »; not a verb that names a thing of its own, « l'argent qu'on m'a
    versé »: the payments), « ce que » the guide does (« je ne comprends pas ce que vous attendez de moi »), what a
    thing does (« le facteur qui passe »)."""
    out = []
    for k in range(len(items) - 1):
        that, subject = items[k], items[k + 1]
        if (words[that.start] == WHERE and that.end == that.start + 1 and that.start > 1
                and ((words[that.start - 2] in DETERMINERS and words[that.start - 1] not in DETERMINERS | ETRE | _ONE_PART)
                     or (words[that.start - 1] == "là" and words[that.start + 1:that.start + 2] in _SOMEONE_SAID))):
            # « le papier où il était marqué », « reprendre là où il s'est arrêté »: where the thing is, no question;
            # its verb only describes it (not « c'est où », nor « l'étape où je tape le message », which names a
            # step; nor « c'était le facteur. où on en était ? », the expression that asks where the guide was)
            out.append(that)
            reach = k + 5 if words[that.start - 1] == "là" else k + 4   # « là où il s'est arrêté »
            out.extend([it for it in items[k + 1:reach] if it.verb and it.kind not in (LIGHT, "neg")][:1])
            continue
        asked = next((it for it in reversed(items[:k]) if it.kind != "neg"), None)
        if asked is not None and asked.kind == ASKING and (
                subject.perfect or list(words[subject.start:subject.start + 2]) in (["je", "ai"], ["on", "a"])):
            out.append(subject)   # « je sais pas ce que j'ai fait »: what is not known, no report of the step done
            continue
        thing = k > 0 and not items[k - 1].verb and items[k - 1].kind not in (NEUTRAL, LIGHT, "neg")
        if words[that.start] == "qui" and thing:
            verb = next((it for it in items[k + 1:k + 3] if words[it.start] not in _BEFORE_MY_VERB), subject)
            if verb is not subject and words[verb.end:verb.end + 1] and words[verb.end] in _AN_OBJECT:
                verb = subject   # « un truc qui me demande un code »: what it asks is the matter, not a description
            if verb.verb and verb.kind not in (LIGHT, "neg"):
                out.append(verb)   # « une réponse qui m'attend » too
        if words[that.end - 1] != "que":
            continue
        if thing and tuple(words[that.end:that.end + 2]) in _INVERTED:
            # « les messages que m'a envoyés Ameli »: its subject after its verb, still someone else's doing
            out.extend([it for it in items[k + 1:k + 4] if it.verb and it.kind in ("action", "weak")][:1])
            continue
        to_the_guide = tuple(words[that.start:that.end]) == ("ce", "que") and words[subject.start] in YOU
        s = k + 1
        while s < len(items) - 1 and words[items[s].start] in DETERMINERS:
            s += 1
        # « les messages qu'Ameli m'a envoyés », « ce que la caisse m'a répondu »: the institution is someone else
        institution = items[s].concept == _INSTITUTION
        if (thing or to_the_guide or institution) and (words[subject.start] in _OTHERS | YOU or institution):
            v = next((v for v in range(s + 1, len(items)) if items[v].verb and items[v].kind != LIGHT), None)
            describing = ("action", "sense") if to_the_guide else ("action", "weak")
            if (v is not None and items[v].kind in describing
                    and all(it.kind in (NEUTRAL, LIGHT) for it in items[s + 1:v])):
                out.append(items[v])
    return out


def a_place(items: list[Item], k: int, words: Sequence[str]) -> bool:
    """The parts or steps named as where one is (after « où » and « dans »), the one before or after, or one
    part described (« la partie pour se déconnecter »): no sommaire asked."""
    item = items[k]
    if item.end < len(words) and words[item.end] in _DESCRIBING and one_part(words, item.end):
        return True
    before = words[max(0, item.start - 2):item.start]
    where = "dans" in before[-1:] or (before[:1] == ["dans"] and before[1] in DETERMINERS)
    where = where and any(it.concept == WHERE for it in items[:k])
    return where or (k + 1 < len(items) and items[k + 1].concept in _NEXT_OR_BEFORE
                      and words[item.end - 1] in _ONE_PART)


def my_plan(words: Sequence[str], item: Item) -> bool:
    """A verb in the future after « je » (and its object pronouns)."""
    i = item.start
    while i > 0 and words[i - 1] in _BEFORE_MY_VERB:
        i -= 1
    return item.end == item.start + 1 and i > 0 and words[i - 1] == "je" and future(words[item.start])


def their_plan(words: Sequence[str], item: Item) -> bool:
    """A verb in the future after someone named by a determiner, or « il », « elle » (« ma fille m'aidera
    dimanche », « il me le lira »): what someone else will do, no request."""
    i = item.start
    while i > 0 and words[i - 1] in _BEFORE_MY_VERB:
        i -= 1
    someone = i > 0 and (words[i - 1] in THEY or (i > 1 and words[i - 2] in DETERMINERS))
    return item.end == item.start + 1 and someone and _will(words[item.start])


def one_part(words: Sequence[str], i: int) -> bool:
    """One part named just before ``i`` (« la partie », « une étape »)."""
    return i > 1 and words[i - 1] in _ONE_PART and words[i - 2] in ("la", "une", "cette")


def gerund(pairs: Sequence[tuple[str, str]], i: int) -> bool:
    """« en attendant », « en passant »: a circumstance (not « en avant »)."""
    word = pairs[i][0]
    return i > 0 and pairs[i - 1][0] == "en" and len(word) > 5 and word.endswith("ant")


def imperfect(word: str) -> bool:
    """« aboyait », « sonnaient », « était »: what was going on (« le chien aboyait »), as a story of how things were
    is told; a verb the lexicon need not know."""
    return len(word) > 4 and word.endswith(("ait", "aient")) and word not in ("parfait", "souhait", "plait")


def future(word: str) -> bool:
    return len(word) > 4 and word.endswith(_FUTURE)


def _will(word: str) -> bool:
    """A verb in the future, « verra », « fera » too (a word in « -ra » is one before « ça »)."""
    return future(word) or (len(word) >= 4 and word.endswith("ra"))


def orders(words: Sequence[str]) -> tuple[int, ...]:
    """Where an order to the guide starts a clause of its own, with no subject: a verb and its « moi » after
    another clause (« j'y comprends rien, envoyez-moi une lettre »)."""
    return tuple(k for k in range(1, len(words) - 1)
                 if words[k + 1] == "moi" and words[k].endswith(("ez", "e", "s")) and words[k] not in _NOT_AN_ORDER
                 and words[k - 1] not in CLITICS and words[k - 1] not in _BEFORE_A_PARTICIPLE)


def remarks(words: Sequence[str]) -> tuple[int, ...]:
    """Where a « c'est … » or « c'était … » begins after the start of the line, as a remark of its own (« je veux
    me déconnecter, c'est l'ordi de la médiathèque »); not « qu'est-ce », nor a question (« c'est où »)."""
    return tuple(k for k in range(1, len(words) - 2)
                 if words[k] == "ce" and words[k + 1] in ("est", "etait") and words[k - 1] not in ("que", "est")
                 and words[k + 2] not in ASKED)


def _of_someone_then_imperfect(words: Sequence[str], k: int) -> bool:
    """« le tracteur du voisin passait », « la radio de la voisine couvrait »: the noun's owner, then its verb."""
    owner = 1 if words[k] in ("du", "des") else 2 if tuple(words[k:k + 2]) in (("de", "la"), ("de", "le")) else 0
    return bool(owner) and k + owner + 1 < len(words) and imperfect(words[k + owner + 1])


_ASKING = frozenset({"pouvez", "voulez", "devez", "allez", "savez", "avez"})   # « vous pouvez répéter ? »: a request


def _you_tell(words: Sequence[str], complaints: frozenset[str]) -> bool:
    """« vous parlez comme un commentateur de tiercé, ralentissez »: what the guide does, said first, is a clause of
    its own (not « vous pouvez répéter », a request; nor « vous criez », a complaint that asks for the voice)."""
    return (len(words) > 1 and words[0] == "vous" and words[1].endswith("ez")
            and words[1] not in _ASKING | {"chez", "assez"} and words[1][:-2] + "er" not in complaints)


def conditioned(items: list[Item], words: Sequence[str], forms: Mapping[str, str]) -> list[Item]:
    """« si faut attendre huit jours, on arrête tout », « puisqu'il faut attendre le courrier, je vais quitter », « il
    faut dire suivant quand tu as fini »: a condition on a duty, or a time after « quand », is a reason, no request; it
    ends where the next clause starts (not « si vous pouvez répéter », a polite request)."""
    out: list[Item] = []
    starts = clauses(words, forms)
    for k, word in enumerate(words[:-1]):
        if word in ("si", "puisque", "puisqu") and (words[k + 1] == "faut" or tuple(words[k + 1:k + 3]) == ("il", "faut")):
            end = next((s for s in starts if s > k + 2), len(words))
            out.extend(it for it in items if k < it.start < end)
        elif word in ("quand", "lorsque", "lorsqu") and words[k + 1] in CLAUSE_SUBJECTS and k:
            # « il faut dire suivant quand tu as fini »: when, no report of the step done (« comment on fait quand on a
            # oublié son code » names a part)
            end = next((s for s in starts if s > k + 1), len(words))
            out.extend(it for it in items if k < it.start < end and it.concept == DONE)
    return out


def clauses(words: Sequence[str], forms: Mapping[str, str], complaints: frozenset[str] = frozenset()) -> tuple[int, ...]:
    """Where a subject starts a clause of its own: « je », « tu », « il »…, and « t' » before « es » or
    « as » (« t'es allé trop loin »), « y a » (« il y a »). A pronoun after another clitic is its object. A noun after its
    determiner is a subject when a verb, an object pronoun or a « ne » follows it (« la télé faisait du bruit », « ma
    fille me la lira », « le chien aboyait », « ma tête ne suit plus »)."""
    starts = [0] if words and (words[0] in CLAUSE_SUBJECTS or words[:2] in (("te", "es"), ("te", "as"))
                               or _you_tell(words, complaints)) else []
    for k in range(1, len(words)):
        if (words[k - 1] in CLITIC_SUBJECTS and words[k] != "je") or (
                words[k] == "ca" and _will(words[k - 1]) and tuple(words[k + 1:k + 2]) != ("ne",)):
            # « éteignez-vous, je … »: « je » is no object; « je ferai ça demain », « on verra ça »: « ça » is one
            # (not « j'attendrai, ça ne presse pas »: a subject)
            continue
        if words[k] in CLAUSE_SUBJECTS or (words[k] == "te" and k + 1 < len(words) and words[k + 1] in YOUR_AUX):
            starts.append(k)
        elif tuple(words[k:k + 2]) in (("y", "a"), ("y", "avait")) and words[k - 1] != "il":
            starts.append(k)   # « y a le téléphone qui sonne », « y avait … »: « il y a », its « il » dropped
        elif (words[k] == "vous" and k + 1 < len(words) and words[k + 1].endswith("ez") and words[k - 1] not in CLITICS
              and words[k - 1] not in ("que", "rendez") and words[k + 1] not in ("chez", "assez")):
            # not « qu'est-ce que vous avez dit »: the question's own; not « mon rendez-vous chez le coiffeur »
            starts.append(k)   # « je préfère attendre ma fille, vous pouvez arrêter »: « vous » and its verb
        elif words[k] in ("rien", "personne") and tuple(words[k + 1:k + 2]) == ("ne",):
            starts.append(k)   # « rien ne rentre dans ma caboche », « personne ne répond »
        elif tuple(words[k:k + 2]) == ("quelque", "un") and words[k - 1] not in PREPOSITIONS:
            starts.append(k)   # « attendez une minute, quelqu'un sonne à la porte »
    for k in range(len(words) - 2):
        noun = k + 1
        after, then = words[noun + 1], words[noun + 2:noun + 3]
        if (words[k] in DETERMINERS and words[noun] not in forms and words[noun] not in DETERMINERS
                and (after in OBJECT_CLITICS or after == "ne" or (after in forms and not is_infinitive(after)) or imperfect(after)
                     or (bool(then) and imperfect(then[0]) and after not in forms and after not in CLITICS
                         and after not in DETERMINERS and after not in CLAUSE_SUBJECTS)
                     or (after in ("le", "la", "les") and bool(then) and then[0].endswith(_WILL_DO))
                     or _of_someone_then_imperfect(words, noun + 1))
                and (k == 0 or words[k - 1] not in PREPOSITIONS)):
            starts.append(k)   # « mon fils le lira »: someone else, what they will do
    return tuple(sorted(set(starts)))
