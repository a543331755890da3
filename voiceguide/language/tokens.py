"""Words of an utterance in the form the analysis compares: folded, with elisions spelt out.

« J'l'ai pas » and « je le ai pas » must read the same, and so must a typed
« j ai » without its apostrophe: elided words become the full word they
stand for ("j'" -> "je", "qu'" -> "que"). The accented form is kept beside
each word, because only accents tell « terminé » (done) from « termine ».
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from voiceguide.language.text import spoken_form

# Elided words and the word they stand for; the bare letters are what a typed
# line without apostrophes gives ("j ai oublie").
ELISIONS = {
    "j'": "je", "l'": "le", "d'": "de", "n'": "ne", "c'": "ce", "qu'": "que", "m'": "me",
    "t'": "te", "s'": "se", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
    "quelqu'": "quelque", "presqu'": "presque",
    "j": "je", "l": "le", "d": "de", "n": "ne", "c": "ce", "qu": "que", "s": "se", "m": "me", "t": "te",
}
_JOINED = {("aujourd'", "hui"): "aujourdhui", ("aujourd", "hui"): "aujourdhui"}
# Spoken contractions, as people type them or vosk may spell them (« chuis perdu », « ch'est fini »,
# « chais pas »): the words they stand for.
SPOKEN = {
    "chuis": ("je", "suis"), "chui": ("je", "suis"), "chus": ("je", "suis"), "chu": ("je", "suis"), "jsuis": ("je", "suis"),
    "chais": ("je", "sais"), "chai": ("je", "sais"), "jsais": ("je", "sais"),
    "chaipas": ("je", "sais", "pas"), "chepas": ("je", "sais", "pas"), "chepa": ("je", "sais", "pas"),
    "ptit": ("petit",), "ptite": ("petite",), "ptet": ("peut", "etre"),
    "mi": ("je",),   # créole de La Réunion, des Antilles : « mi comprend pas »
    "moin": ("moi",), "mwen": ("moi",), "kossa": ("quoi",),   # créole : « répète a moin », « kossa ou la di ? »
    "antan": ("entends",), "antann": ("entends",),   # créole : « mi antan pa bien »
    "pus": ("plus",), "rin": ("rien",), "intinds": ("entends",), "intind": ("entend",),   # picard : « j'intinds rin »
    "pantoute": ("pas", "du", "tout"),   # Québec : « je sais pantoute où on est »
    "ousque": ("ou", "est", "ce", "que"), "ousqu'": ("ou", "est", "ce", "que"),   # « ousque j'en suis », « ousqu'on va »
    "jai": ("je", "ai"), "cest": ("ce", "est"),   # tapé sans apostrophe : « jai coché l'option », « cest fait »
    "jy": ("je", "y"), "jen": ("je", "en"), "dun": ("de", "un"),   # « jy suis », « jen ai pas », « besoin dun code »
    # tapé comme un texto : « c koi l'étape », « jcomprend pa », « jsp »
    "kitter": ("quitter",), "kitte": ("quitte",), "kittez": ("quittez",),
    "fe": ("fait",),   # « c fé »
    "koi": ("quoi",), "kel": ("quel",), "kelle": ("quelle",), "jsp": ("je", "sais", "pas"), "att": ("attends",),
    "jcomprend": ("je", "comprends"), "pa": ("pas",), "jveu": ("je", "veux"),
    "jlai": ("je", "le", "ai"), "jle": ("je", "le"), "jme": ("je", "me"), "jte": ("je", "te"), "ke": ("que",),
    "doi": ("dois",),
    "amoin": ("a", "moi"),   # créole : « la sécu la rembourse amoin »
    "ouin": ("ouais",),   # Québec : « ouin, c'est correct »
    "langsam": ("lentement",),   # Alsace : « langsam, langsam ! »
    "intindu": ("entendu",), "avanche": ("avance",), "avanchez": ("avancez",),   # picard : « on avanche »
    "attindez": ("attendez",), "attinds": ("attends",), "tiot": ("petit",),   # picard : « attindez un tiot peu »
    "lintemint": ("lentement",), "lintmint": ("lentement",),   # picard : « parle plus lintemint », « pu lintmint »
    "comprinds": ("comprends",), "comprind": ("comprend",), "cha": ("ca",),   # picard : « j'comprinds rin », « tout cha »
    "revien": ("reviens",), "davan": ("de", "avant"),   # tapé comme un texto : « revien a letape davan »
    "keske": ("que", "est", "ce", "que"), "kesk'": ("que", "est", "ce", "que"), "compri": ("compris",),
    "redi": ("redis",),   # « kesk'il faut faire jai pas compri redi »
    "ui": ("oui",),   # « ui c sa »
    "rdis": ("redis",), "frase": ("phrase",),   # « rdis la derniere frase »
    "kes": ("que", "est", "ce"),   # « kes ke je peux dire »
    "quo": ("quoi",),   # « t'as dit quo ? », dans le Nord
    "men": ("me", "en"),   # « dis men plus sur cette etape »
    "repet": ("repete",),   # « repet la derniere phrase »
    "jmen": ("je", "me", "en"),   # « ui jmen vais »
    "rappel": ("rappelle",),   # « jme rappel plus du code »
    "rapel": ("rappelle",), "rapelle": ("rappelle",), "souvien": ("souviens",),   # « jme rapel plus de mon code »
}
_CH = {"est": ("ce", "est"), "uis": ("je", "suis"), "suis": ("je", "suis"), "ui": ("je", "suis"),
       "ais": ("je", "sais"), "sais": ("je", "sais")}   # « ch'est », « ch'uis », « ch'suis », « ch'sais »
_BEFORE_PAS = {"che": ("je", "sais"), "jsai": ("je", "sais")}   # « ché pas » (« ché » alone may be « chez »)
_PAS = ("pas", "pu")   # « ché pas », « ché pu »
HAVE = frozenset({"ai", "as", "a", "avons", "avez", "ont", "avais", "avait"})   # the auxiliary « avoir »
SPEAKER = frozenset({"je", "on", "nous"})   # the speaker as subject


# « la » after a word, before a comma or at the end, is « là » typed without its accent (« je suis la, reprends »):
# no article ends a clause (a lexicon entry « la » alone stays the article).
_MI = re.compile(r"(?<=\w)-mi\b", re.IGNORECASE)   # « ramène-mi un verre d'eau », in the Nord: « -moi »
_LA_ALONE = re.compile(r"(?<=\w )(?<!la )la(?=\s*(?:[,.;:!?…]|$))", re.IGNORECASE)


# Initials with their dots (« la C.M.U.C. », « la C.P.A.M. »): one word, as « cmuc » is typed or said.
_DOTTED_INITIALS = re.compile(r"\b((?:[^\W\d_]\.){2,})")


def joined_initials(text: str) -> str:
    """``text`` with « C.M.U.C. » written « CMUC »: its dots end no sentence."""
    return _DOTTED_INITIALS.sub(lambda m: m.group(1).replace(".", "") + " ", text)


def tokens(text: str) -> tuple[tuple[str, str], ...]:
    """(folded, accented) pairs of the words of ``text``, elisions spelt out, punctuation gone."""
    raw = spoken_form(_LA_ALONE.sub("là", joined_initials(_MI.sub("-moi", text)))).replace("'", "' ").split()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(raw):
        pair = tuple(raw[i:i + 2])
        if pair in _JOINED:
            out.append((_JOINED[pair], "aujourd'hui"))
            i += 2
            continue
        word = raw[i]
        folded = _unaccented(word)
        after = _unaccented(raw[i + 1]) if i + 1 < len(raw) else ""
        if folded == "ch'" and after in _CH:
            out.extend((w, w) for w in _CH[after])
            i += 2
            continue
        if folded == "r'" and after[:1] not in _VOWELS and after:
            out.append(("re" + after, "re" + raw[i + 1]))   # « r'venu », « r'commence »: the dropped e
            i += 2
            continue
        if folded in _BEFORE_PAS and after in _PAS:
            out.extend((w, w) for w in _BEFORE_PAS[folded])
            i += 1
            continue
        if folded in ("pu", "plu") and (out[-1][0] not in HAVE if out else folded == "plu"):
            # « ché pu », « je m'en souviens pu »: the « plus » of Québec (« j'ai pu »); « plu vite », typed fast
            # (« il a plu »)
            out.append(("plus", "plus"))
            i += 1
            continue
        if folded == "c" and len(after) > 1 and after[:1] not in _VOWELS:
            out.extend((("ce", "ce"), ("est", "est")))   # « c bon », « c fait », typed as a text message (not « c m u c »)
            i += 1
            continue
        if folded[:1] == "j" and len(folded) > 3 and folded[1] not in _VOWELS and folded not in SPOKEN:
            out.extend((("je", "je"), (folded[1:], word[1:])))   # « jquitte », « jcomprends »: no French word starts so
            i += 1
            continue
        if folded == "re" and after[:1] not in _VOWELS and after.endswith(_VERB_ENDINGS):
            # « re dire », « re dis-le », « re commencer »: typed in two (not « re jsui là », « re » for « me revoilà »)
            out.append(("re" + after, "re" + raw[i + 1]))
            i += 2
            continue
        if folded == "mi" and after == "temps":
            out.append(("mi", "mi"))   # « la mi-temps »: no créole « je »
            i += 1
            continue
        if folded == "mi" and out[-1:] == [("a", "à")]:
            out[-1] = ("moi", "moi")   # « dis à mi », « répète à mi »: créole « à moi », the « moi » of « dis-moi »
            i += 1
            continue
        if folded in SPOKEN:
            spoken = SPOKEN[folded]
            # « j'entends pas pantoute »: the « pas » is said already
            out.extend((w, w) for w in (spoken[1:] if spoken[0] == "pas" and out[-1:] == [("pas", "pas")] else spoken))
            i += 1
            continue
        if folded in ("s'", "s") and after in ("il", "ils"):
            out.append(("si", "si"))   # « tu sais s'il a été payé », « s'il vous plaît »: no « se » elides before « il »
            i += 1
            continue
        full = ELISIONS.get(folded)
        if full is not None and (folded.endswith("'") or _before_vowel(raw, i)):
            out.append((full, full))
        elif word == "là":
            out.append((word, word))   # « oh là, pas si vite », « c'est quoi, là ? »: no article « la »
        else:
            out.append((folded.rstrip("'") or folded, word.rstrip("'") or word))
        i += 1
    return tuple(out)


def unglued(word: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
    """« jentend », « letape », « davant »: an elided word typed glued to the next, without its apostrophe, when
    what follows it is a word ``known`` (the spelling of someone who never finds the apostrophe key)."""
    for short in (word[:2], word[:1]):
        rest = word[len(short):]
        full = ELISIONS.get(short)
        if full is not None and len(rest) > 4 and rest[0] in _VOWELS and known(rest):
            return full, rest
    return None


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _before_vowel(raw: list[str], i: int) -> bool:
    """A bare letter is an elision only before a vowel or h, as in French ("j ai", not "c m u c")."""
    return i + 1 < len(raw) and _unaccented(raw[i + 1])[:1] in _VOWELS


_VOWELS = set("aeiouyh")
_VERB_ENDINGS = ("er", "ir", "re", "dis", "dit", "dites", "lis", "lit", "fais", "fait")


def find_words(needle: Sequence[str], hay: Sequence[str]) -> tuple[int, int] | None:
    """Where ``needle``'s words stand, one after the other, in ``hay`` (a seed in an utterance, « toi-même » in a
    sentence)."""
    n = len(needle)
    if not n:
        return None
    first, whole = needle[0], tuple(needle)
    if first not in hay:   # most needles: the search itself, at C speed
        return None
    for i in range(len(hay) - n + 1):
        if hay[i] == first and tuple(hay[i:i + n]) == whole:
            return (i, i + n)
    return None


def folded_words(text: str) -> tuple[str, ...]:
    """Only the folded words of ``tokens``: the keys of the lexicon."""
    return tuple(f for f, _ in tokens(text))
