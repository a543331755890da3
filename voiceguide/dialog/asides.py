"""What a sentence says besides its request: a reason in a clause of its own, the story before a « mais »,
a question asked, an order given to someone, someone else's words quoted.

« attends, je cherche mes lunettes », « ma fille me l'avait donné, mais je l'ai perdu », « bernard, c'est
quoi notre adresse mail », « va chercher le courrier »: the matcher weighs these words apart from the
request (a reason counts little against it; a question or an order makes it ask before acting). These
functions read the analysis and which of its tokens a reading explains (``explained``) or names (``said``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voiceguide.language.analysis import NEG, SPEAKER, Analysis, Token
from voiceguide.language.clauses import DETERMINERS, THEY, YOU, future

SETTING = re.compile(r"^(volume|vitesse)[+-]$")
BUT = "mais"
QUESTION_WORDS = frozenset({"ou", "quoi", "comment", "pourquoi"})
_SOMEONE_ELSE = DETERMINERS | THEY   # a noun after its article, or a third person
_VOICE_NOUNS = frozenset({"volume", "vitesse", "voix", "son", "debit"})   # what a voice setting is said of
IN_THE_GUIDE = frozenset({"suis", "sommes", "en", "etape", "guide", "partie", "lecture"})
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_TAUGHT = re.compile(r"\b(?:faut|fallait|faudra|on)\s+(?:lui\s+)?(?:dire|dit|taper|tape)\s*[«“\"]", re.IGNORECASE)
_THEIR_STORY = re.compile(r"\b(?:il|elle|ils|elles)\s+(?:\w+\s+)?\w{2,}(?:ait|aient)\b", re.IGNORECASE)   # not « fait »


def without_quotes(text: str) -> str:
    """« « Au suivant ! Au suivant ! »… il chantait bien, Brel »: words in quotes, beside a story in the
    imperfect of someone else, are that person's words, not a request; after « il faut dire », « on dit », the word
    shown to someone. The line without them; else the line."""
    rest = _QUOTED.sub(" ", text)
    taught = _TAUGHT.search(text)   # « tu vois, il faut dire « suivant » quand tu as fini »: the word shown to someone
    return rest if rest != text and (_THEIR_STORY.search(rest) or taught) else text


def opposites(concepts: frozenset[str]) -> frozenset[str]:
    """"vitesse-" for "vitesse+": the state that asking for a setting complains of."""
    return frozenset(c[:-1] + ("-" if c.endswith("+") else "+") for c in concepts if SETTING.match(c))


def reason_tokens(analysis: Analysis, explained: list[bool], said: list[bool], requests: frozenset[str],
                  own: frozenset[str] = frozenset(), setting: bool = False, anywhere: bool = False,
                  states: frozenset[str] = frozenset(), mine: bool = False, leaving: bool = False) -> frozenset[int]:
    """The tokens of a clause with a subject of its own that holds none of the request, before or after it:
    a reason given with a command (« t'es allé trop loin, reviens », « attends, je cherche mes lunettes »).
    After a voice setting said first, all that follows is its reason (« plus fort, la machine à laver fait
    du bruit »). Resuming a pause, which moves nothing, takes any of them (« ok j'ai fini mon café, on peut
    reprendre »). Never a request of its own (« stop, j'arrête tout », « pas si vite, attends un peu »), nor
    the request negated (« je ne veux pas revenir en arrière »); another negation may be one (« je suis plus
    tout jeune », « reviens, j'ai pas fini »). ``requests``: the concepts that are a command by themselves;
    ``own``: the reading's own;
    ``states``: settings that only say what is complained of (« elle parle lentement, on peut l'accélérer »);
    ``mine``: only clauses of the speaker's own (« on arrête, je verrai ça demain », not « ferme la porte, il fait
    froid »); ``leaving``: what the speakers say of themselves counts too, in a command's words (« quittez, je n'y
    arrive pas »: `_of_themself`)."""
    tokens = analysis.tokens
    possible = [not (token.wrapper or SETTING.match(token.readings[0])
                     or {r for r in token.readings if not r.startswith(NEG)} & (requests | own)
                     or {r.lstrip(NEG) for r in token.readings} & own) for token in tokens]
    if anywhere:   # in a pause, what someone else did is a reason too (« le facteur est passé, on s'y remet »)
        return frozenset(i for i, (p, t) in enumerate(zip(possible, tokens, strict=True))
                         if (p or _someone_else(analysis, t)) and not explained[i] and not t.wrapper)
    first_said = min((t.start for t, e in zip(tokens, said, strict=True) if e), default=0)
    # a negation only in a clause after the request, or a remark of its own (« plus lentement, le français c'est
    # pas ma langue »)
    possible = [p and (not t.readings[0].startswith(NEG) or (analysis.subject_before(t) or 0) > first_said
                       or (_remark(analysis, t, said) or 0) > first_said)
                for p, t in zip(possible, tokens, strict=True)]
    out = set()
    # « mets la voix plus haut, avec la télé du voisin j'entends pas »: « voix » weighs nothing, and the reason may end
    # in words the setting explains too
    first = next((i for i, t in enumerate(tokens) if t.weight > 0), 0)
    while setting and first + 1 < len(tokens) and tokens[first].readings[0] in _VOICE_NOUNS:
        first += 1   # « mets le volume plus haut, … »: the voice's noun, then the setting
    if setting and explained and explained[first] and SETTING.match(tokens[first].readings[0]):
        out |= {i for i in range(first + 1, len(tokens)) if possible[i] and not explained[i]}
    for i, token in enumerate(tokens):
        start = analysis.subject_before(token)
        if mine and not (start is not None and _own_clause(analysis, start, said)):
            start = _remark(analysis, token, said)   # « on arrête, c'est trop compliqué pour moi »
        # leaving, what the speaker says of themself is a reason even in a command's words (« quittez, je n'y arrive
        # pas », « on arrête, je vais attendre ma lettre »)
        told = leaving and start is not None and _of_themself(analysis, start, token)
        if start is None or explained[i] or not (possible[i] or told or token.readings[0] in states):
            continue
        if not any(e and t.start <= token.start and start < t.end
                   for t, e in zip(analysis.tokens, said, strict=True)):   # « qu'est-ce qu'il y a »: no clause
            out.add(i)
    return frozenset(out)


def _of_themself(analysis: Analysis, start: int, token: Token) -> bool:
    """A clause of the speaker's, about themself, now or to come: « je n'y arrive pas », « je vais attendre ma
    lettre », « je vous relancerai »; not what was done (« j'ai appuyé »), said to someone (« je te donne à
    manger ») or an object (« annule ce que j'ai changé »)."""
    words = analysis.words
    end = min((c for c in analysis.clauses if c > start), default=len(words))
    plan = any(future(w) for w in words[start:end])   # « je vous relancerai plus tard »: what they will do
    return (words[start] == "je" and words[start - 1:start] != ("que",) and (plan or not YOU & set(words[start:end]))
            and token.start not in analysis.perfect_at and not token.wrapper)


def _own_clause(analysis: Analysis, start: int, said: list[bool]) -> bool:
    """The clause at ``start`` is the speaker's (« ça m'énerve » too), or says what a thing is after the speaker's
    own request (« je veux me déconnecter, l'ordi est à tout le monde »), and none of the request is in it (« on
    arrête, je verrai ça demain », not « j'ai oublié de fermer le gaz »)."""
    words = analysis.words
    # « ça m'énerve », « ça me fatigue »: what the speaker feels (not « ça m'a déconnecté »: what it did)
    felt = words[start:start + 2] == ("ca", "me") and words[start + 2:start + 3] != ("a",)
    mine = words[start] in SPEAKER or felt or (words[start] in DETERMINERS and words[start + 2:start + 3] != ("a",) and any(
        c < start and words[c] in SPEAKER for c in analysis.clauses))   # « on arrête le match à … »: its object
    # a feeling is said in its three words; what follows with no subject of its own may be the request (« ça m'agace,
    # arrêtez le guide »)
    return mine and _without_the_request(analysis, start, said, start + 3 if felt else None)


def _remark(analysis: Analysis, token: Token, said: list[bool]) -> int | None:
    """Where the « c'est … » that ``token`` is said in begins, after the speaker's own request (not « toutes ces
    démarches, c'est un parcours du combattant »), when no other clause starts between them and the request is
    not in it."""
    start = max((r for r in analysis.remarks if r <= token.start), default=None)
    if start is None or any(start < c <= token.start for c in analysis.clauses + analysis.orders):
        return None
    if not (analysis.imperative or any(c < start and analysis.words[c] in SPEAKER for c in analysis.clauses)):
        return None
    return start if _without_the_request(analysis, start, said) else None


def _without_the_request(analysis: Analysis, start: int, said: list[bool], end: int | None = None) -> bool:
    """None of the request is in the clause that begins at ``start`` (up to the next one, or ``end``)."""
    end = min([c for c in analysis.clauses + analysis.orders + analysis.remarks if c > start]
              + [len(analysis.words) if end is None else end])   # « j'ai vu mes remboursements, c'est tout ce que je voulais »
    return not any(e and start <= t.start < end for t, e in zip(analysis.tokens, said, strict=True))


def _someone_else(analysis: Analysis, token: Token) -> bool:
    """The token's clause has a subject that is neither the speaker nor the guide: a noun after its article
    (« le facteur est passé ») or « il », « elle », « ils », « elles »."""
    start = analysis.subject_before(token)
    return start is not None and start < token.start and analysis.words[start] in _SOMEONE_ELSE


def asks(analysis: Analysis, explained: list[bool]) -> bool:
    """« bernard, c'est quoi déjà notre adresse mail », « où elle est passée cette carte »: a question word
    the reading does not account for. Beside a choice or a report of the step done, the sentence asks about
    the thing, it does not choose it nor say it is done (a part of the guide asked about is still that
    part: « comment je me déconnecte »)."""
    return any(t.readings[0] in QUESTION_WORDS and not e and analysis.words[t.start:t.start + 1] != ("ce",)
               for t, e in zip(analysis.tokens, explained, strict=True))   # « ce que la sécu m'a versé »: no question


def before_but(analysis: Analysis, said: list[bool]) -> frozenset[int]:
    """« ma fille me l'avait donné, mais je l'ai perdu »: before a « mais » that the request follows, the story."""
    if BUT not in analysis.words[1:]:
        return frozenset()
    but = analysis.words.index(BUT, 1)
    tokens = analysis.tokens
    if any(e and t.start < but for t, e in zip(tokens, said, strict=True)) or not any(said):
        return frozenset()
    return frozenset(i for i, t in enumerate(tokens) if t.end <= but and not t.wrapper)


def orders(analysis: Analysis, explained: list[bool]) -> bool:
    """« va chercher le courrier », « allez voir qui sonne »: an order or an errand, said to someone."""
    return (analysis.imperative and not explained[0]) or analysis.errand


def in_the_guide(words: Sequence[str]) -> bool:
    """« où j'en suis », « on est où », « où sommes-nous »: where one is in the guide (not on the page)."""
    return bool(IN_THE_GUIDE & set(words)) or ("on" in words and "est" in words)
