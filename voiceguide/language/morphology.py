"""French inflection, undone: « répétez », « répété », « répéteras » -> « répéter ».

Only as far as the lexicon and the guide's own words reach: a form is led
back to a word that is known (an infinitive, a singular), never guessed.
That keeps the rules few and their mistakes rare: « code » does not become
a verb « coder » unless someone taught the guide that verb.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# (ending, what replaces it), longest endings first within each family. Words
# are folded: « é » and « e » are the same letter here.
_VERB_RULES: tuple[tuple[str, str], ...] = (
    # first group, -er: répète, répétez, répétons, répété, répétait, répéterai ...
    ("eraient", "er"), ("erions", "er"), ("eriez", "er"), ("erons", "er"), ("eront", "er"),
    ("erais", "er"), ("erait", "er"), ("erai", "er"), ("eras", "er"), ("erez", "er"), ("era", "er"),
    ("aient", "er"), ("ions", "er"), ("iez", "er"), ("ais", "er"), ("ait", "er"), ("ant", "er"),
    ("ees", "er"), ("ee", "er"), ("es", "er"), ("ez", "er"), ("ons", "er"), ("ent", "er"),
    ("e", "er"), ("a", "er"),
    # second group, -ir: finis, finissez, fini, ralentissons ...
    ("issions", "ir"), ("issons", "ir"), ("issez", "ir"), ("issent", "ir"), ("issait", "ir"),
    ("issais", "ir"), ("issant", "ir"), ("irai", "ir"), ("ira", "ir"), ("ies", "ir"), ("ie", "ir"),
    ("is", "ir"), ("it", "ir"), ("i", "ir"),
    # -re: attends, attendu, perdez ...
    ("ues", "re"), ("ue", "re"), ("us", "re"), ("u", "re"), ("ons", "re"), ("ez", "re"),
    ("ent", "re"), ("s", "re"), ("t", "re"), ("", "re"),
)
# Feminine and plural of nouns and adjectives: suivante, détails, normaux.
_NOUN_RULES: tuple[tuple[str, str], ...] = (
    ("aux", "al"), ("es", ""), ("e", ""), ("s", ""), ("x", ""),
)
MIN_STEM = 2


def lemma(word: str, forms: Mapping[str, str] | None, known: Callable[[str], bool]) -> tuple[str, bool]:
    """The known word ``word`` is a form of, and whether it is a verb; ``(word, False)`` when none is.

    ``forms`` maps irregular forms to their infinitive; ``known`` says whether a
    word is one the lexicon or the guide uses.
    """
    if forms and word in forms:
        return forms[word], True
    for ending, replacement in _VERB_RULES:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stem = word[: len(word) - len(ending)]
            for candidate in _spellings(stem, replacement):
                if candidate != word and known(candidate) and candidate.endswith(("er", "ir", "re")):
                    return candidate, True
    for ending, replacement in _NOUN_RULES:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM + 1:
            candidate = word[: len(word) - len(ending)] + replacement
            if known(candidate):
                return candidate, False
    return word, False


def _spellings(stem: str, ending: str) -> tuple[str, ...]:
    """The infinitive, and the spellings inflection changes: rappelle/rappeler, mangeons/manger, essaie/essayer."""
    out = [stem + ending]
    if len(stem) > 3 and stem.endswith("ell"):   # rappelle/rappeler; « fille » is no « filer »
        out.append(stem[:-1] + ending)
    if stem.endswith("ge") and ending == "er":
        out.append(stem[:-1] + ending)
    if stem.endswith("i") and ending == "er":
        out.append(stem[:-1] + "y" + ending)
    return tuple(out)


def singular(word: str) -> str:
    """A plural without its mark (``paiements`` -> ``paiement``): words the guide does not know still meet."""
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
