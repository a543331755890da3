"""What voiceguide knows of French words, read once from ``lexicon.yaml``.

The vocabulary and the guides give example phrases; the lexicon says which
words carry the meaning of a request, which are glue, which mean the same
thing, which are numbers, and how irregular verbs are spelt, so that a
phrase never written anywhere is understood when it means the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from voiceguide.language import fast_yaml
from voiceguide.language.text import spoken_form
from voiceguide.language.tokens import folded_words

BUNDLED_LEXICON = Path(__file__).parent / "lexicon.yaml"

# Kinds of words (Entry.kind).
NEUTRAL = "neutral"   # glue: articles, pronouns, small adverbs
LIGHT = "light"       # verbs that wrap the real request ("je voudrais", "tu peux")
GUIDE = "guide"       # the guide itself ("le guide", "la lecture")
PAGE = "page"         # things on the web page ("le bouton", "le champ")
ACTION = "action"     # actions on the page ("taper", "cliquer")
SENSE = "sense"       # a meaning-bearing word, member of a group of synonyms
WEAK = "weak"         # a word that carries a little meaning (« quoi », « comment »)


@dataclass(frozen=True)
class Entry:
    """What a word (or a fixed expression) is: its kind and the concept it stands for."""

    kind: str
    concept: str


@dataclass(frozen=True)
class Lexicon:
    """The lexicon's tables, every key folded and split into words as the analysis sees them."""

    entries: Mapping[tuple[str, ...], Entry]
    longest: int                                  # words in the longest expression
    forms: Mapping[str, str]                      # irregular verb form -> infinitive
    infinitives: frozenset[str]                   # verbs the lemmatiser may lead back to
    contraries: Mapping[str, str]                 # negated concept -> the concept it then means
    no_longer: Mapping[str, str]                  # "ne ... plus" + verb -> concept
    contrary_unless: Mapping[str, frozenset[str]]  # a contrary that does not hold beside these concepts
    reasons: frozenset[str]                       # concepts that, beside a request, do not count against it
    leading: frozenset[tuple[str, ...]]           # words that, before another request, only announce it
    corrections: tuple[tuple[str, ...], ...]      # « non pardon »: what follows replaces what was said before
    elsewhere: frozenset[tuple[str, ...]]         # « chéri », « maman »: said first or last, talk to someone else
    yourself: frozenset[tuple[str, ...]]          # « toi-même »: anywhere, someone else is to do it
    called: frozenset[tuple[str, ...]]            # « Josette », « Médor »: a name, someone of the house called
    their_words: frozenset[str]                   # « il disait », « elle chantait »: what follows is someone's words
    places: frozenset[str]                        # « la pharmacie », « la boulangerie »: where one goes out to
    wanting: frozenset[str]                       # wrapper verbs that, before a thing, ask for it (« je veux un code »)
    asking_for: str                               # the concept they then read: « demander »
    manner: frozenset[str]                        # requests a voice setting said with only qualifies
    returns: Mapping[str, frozenset[str]]         # "revenir" + a state ("normal"): asking for that state
    moves: frozenset[str]                         # verbs that, beside a part of the guide, are the move
    looking: frozenset[str]                       # concepts whose object is a page word (« ne pas trouver »)
    qualifiers: Mapping[str, frozenset[tuple[str, ...]]]   # command -> words that only make it precise
    final: frozenset[tuple[str, ...]]             # expressions only when nothing that counts follows
    until: frozenset[tuple[str, ...]]             # what follows these says until when (« attends que »)
    purpose: frozenset[tuple[str, ...]]           # what follows these says what for, not what (« pour que »)
    wrap_before_a: frozenset[str]                 # verbs that wrap the verb after « à » (« arriver à »)
    alone_words: Mapping[str, str]                # a word that, said alone, means a concept ("hein" -> "repeter")
    negated_wrappers: Mapping[str, str]           # a wrapper verb that, negated, means a concept ("voir")
    with_etre: Mapping[str, str]                  # participle after "être" -> the state it names
    contexts: Mapping[str, Mapping[str, str]]     # context -> concept -> command name
    degrees: Mapping[tuple[str, ...], int]        # "plus" 1, "trop" -1, "baisser" -1 ...
    settings: Mapping[str, tuple[tuple[str, int], ...]]   # "fort" -> (("volume", 1),)
    setting_nouns: Mapping[str, str]                      # "voix" -> "volume", only after a degree word
    setting_verbs: Mapping[str, tuple[str, int]]          # "ralentir" -> ("vitesse", -1)
    setting_phrases: Mapping[tuple[str, ...], tuple[str, int]]   # "prends ton temps" -> ("vitesse", -1)
    steady: frozenset[str]                        # complaints a negation does not turn round ("crier")
    alone: frozenset[str]                         # setting words that, said alone, ask for it ("lentement")
    negations: frozenset[str]
    refusals: frozenset[str]                      # concepts a negation leaves as they are ("non")
    numbers: Mapping[str, int]                    # cardinals and ordinals, "trois", "troisieme"
    number_cues: frozenset[str]                   # "numero", "choix", "le" ...
    last: frozenset[str]                          # "dernier", "derniere"
    before_last: frozenset[str]                   # "avant" (« avant-dernier »)
    other_ranks: frozenset[str]                   # "fois": « la première fois » ranks no choice
    degree_verbs: frozenset[str]                  # "baisser", "monter": alone, they mean the volume
    actions: frozenset[str]                       # verbs that, in the past, say the step is done
    participles: frozenset[str]                   # words the lexicon has only with their accent (« terminé »)
    bare_e: frozenset[tuple[str, ...]]            # expressions whose first word is written with a bare « e »
    expressions: Mapping[str, str]                # its fixed expressions as written (« ça y est ») -> concept
    number_words: Mapping[int, tuple[str, ...]]   # 3 -> ("trois", "troisième"), as written


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The bundled lexicon (read once per process), or the one at ``path``."""
    return _bundled() if path is None else _read(Path(path))


@lru_cache(maxsize=1)
def _bundled() -> Lexicon:
    return _read(BUNDLED_LEXICON)


def _key(text: str) -> tuple[str, ...]:
    return folded_words(text)


def _word(text: str) -> str:
    return " ".join(_key(text))


def _read(path: Path) -> Lexicon:
    # BaseLoader: every scalar is text ("on", "si", "non" are words here, not booleans).
    data: dict[str, Any] = fast_yaml.load_texts(path.read_text(encoding="utf-8"))
    entries: dict[tuple[str, ...], Entry] = {}

    def add(words: Iterable[str], kind: str, concept: str) -> None:
        for text in words:
            key = _key(text)
            if key:
                entries.setdefault(key, Entry(kind, concept))

    forms: dict[str, str] = {}
    for lemma, spelt in data["formes"].items():
        for form in spelt:
            forms.setdefault(_word(form), _word(lemma))
        for form in _tenses([*spelt, *_regular_future(lemma, spelt)]):
            forms.setdefault(form, _word(lemma))
    for derived, base in data["dérivés"].items():
        prefix = _word(derived)[: -len(_word(base))]
        for form, lemma in list(forms.items()):
            if lemma == _word(base):
                forms.setdefault(prefix + form, _word(derived))

    # Fixed expressions and synonyms first: "c'est bon" must not be read as glue.
    for concept, words in data["sens"].items():
        add(words, SENSE, _concept(concept))
    for concept, words in data["la_page"].items():
        add(words, PAGE, _word(concept))
    weak = {_word(w) for w in data["peu_de_poids"]}
    for key, entry in list(entries.items()):
        if entry.concept in weak:   # « qu'est-ce que » weighs what « quoi » weighs
            entries[key] = Entry(WEAK, entry.concept)
    add(data["peu_de_poids"], WEAK, "")
    for concept, words in data["le_guide"].items():
        add(words, GUIDE, _word(concept))
    add(data["neutres"], NEUTRAL, "")
    add(data["verbes_legers"], LIGHT, "")
    for verb in data["actions"]:
        add([verb], ACTION, _word(verb))
    for verb in data["verbes_legers"]:
        key = _key(verb)
        entries[key] = Entry(LIGHT, _word(verb))

    degrees = {_key(w): int(sign) for w, sign in data["degrés"].items()}
    settings: dict[str, list[tuple[str, int]]] = {}
    for setting in ("volume", "vitesse"):
        for w, sign in data[setting].items():
            settings.setdefault(_word(w), []).append((setting, int(sign)))
    setting_verbs = {_word(v): (str(s), int(sign)) for v, (s, sign) in data["réglages"].items()
                     if len(_key(v)) == 1}
    setting_phrases = {_key(v): (str(s), int(sign)) for v, (s, sign) in data["réglages"].items()
                       if len(_key(v)) > 1}

    unheard = {spoken_form(w) for w in data.get("hors_grammaire", ())}   # groups and expressions
    said: dict[int, list[str]] = {}
    for w, n in [*data["nombres"].items(), *data["rangs"].items()]:
        said.setdefault(int(n), []).append(spoken_form(w))
    for w, n in data["nombres"].items():
        if int(n) > 1:   # the first is « premier », not « unième »
            said[int(n)].append(_ordinal(spoken_form(w)))
    numbers = {_word(w): n for n, ws in said.items() for w in ws}

    infinitives = {lemma for lemma in forms.values()}
    infinitives |= {_word(v) for v in data["verbes_legers"]} | {_word(v) for v in data["actions"]}
    infinitives |= set(setting_verbs) | {" ".join(k) for k in degrees}
    infinitives |= {" ".join(k) for k, e in entries.items() if len(k) == 1 and is_infinitive(k[0])}
    return Lexicon(
        entries=entries,
        longest=max(len(k) for k in entries),
        forms=forms,
        infinitives=frozenset(infinitives),
        contraries={_word(a): _concept(b) for a, b in data["contraires"].items()},
        no_longer={_word(a): _word(b) for a, b in data["ne_plus"].items()},
        contrary_unless={_word(a): frozenset(_word(w) for w in ws) for a, ws in data.get("contraires_sauf", {}).items()},
        reasons=frozenset(_concept(w) for w in data.get("à_côté", ())),
        leading=frozenset(_key(w) for w in data.get("en_tête", ())),
        corrections=tuple(sorted({_key(w) for w in data.get("corrections", ())}, key=len, reverse=True)),
        elsewhere=frozenset(_key(w) for w in data.get("à_quelqu_un", ())),
        yourself=frozenset(_key(w) for w in data.get("toi_même", ())),
        called=frozenset(_key(w) for w in data.get("prénoms", ())),
        their_words=frozenset(_word(w) for w in data.get("leurs_paroles", ())),
        places=frozenset(_word(w) for w in data.get("lieux_du_dehors", ())),
        wanting=frozenset(_word(w) for w in data.get("vouloir_une_chose", {}).get("verbes", ())),
        asking_for=_concept(data.get("vouloir_une_chose", {}).get("veut_dire", "demander")),
        manner=frozenset(_concept(w) for w in data.get("avec_manière", ())),
        returns={_concept(a): frozenset(_concept(w) for w in ws) for a, ws in data.get("retours", {}).items()},
        moves=frozenset(_concept(w) for w in data.get("mouvements", ())),
        looking=frozenset(_concept(w) for w in data.get("chercher", ())),
        qualifiers={str(c): frozenset(_key(w) for w in ws) for c, ws in data.get("précisions", {}).items()},
        final=frozenset(_key(w) for w in data.get("en_fin", ())),
        until=frozenset(_key(w) for w in data.get("jusqu_à", ())),
        purpose=frozenset(_key(w) for w in data.get("but", ())),
        wrap_before_a=frozenset(_word(w) for w in data.get("enveloppe_devant_à", ())),
        alone_words={_word(w): _concept(c) for w, c in data.get("seuls", {}).items()},
        negated_wrappers={_word(a): _word(b) for a, b in data["ne_pas"].items()},
        with_etre={_word(a): _word(b) for a, b in data["avec_être"].items()},
        contexts={name: {_concept(c): str(cmd) for c, cmd in table.items()}
                  for name, table in data["contextes"].items()},
        degrees=degrees,
        settings={w: tuple(v) for w, v in settings.items()},
        setting_nouns={_word(w): str(s) for w, s in data.get("noms_de_réglage", {}).items()},
        setting_verbs=setting_verbs,
        setting_phrases=setting_phrases,
        steady=frozenset(_word(w) for w in data["plaintes"]),
        alone=frozenset(_word(w) for w in data["réglage_seul"]),
        negations=frozenset(_word(w) for w in data["négations"]),
        refusals=frozenset(_word(w) for w in data["négatifs"]),
        numbers=numbers,
        number_cues=frozenset(_word(w) for w in data["numéro"]),
        last=frozenset(_word(w) for w in data["dernier"]),
        before_last=frozenset(_word(w) for w in data.get("avant_dernier", ())),
        other_ranks=frozenset(_word(w) for w in data.get("autres_rangs", ())),
        degree_verbs=frozenset(k[0] for k in degrees if len(k) == 1 and is_infinitive(k[0])),
        actions=frozenset(_word(v) for v in data["actions"]),
        participles=frozenset(_word(w) for group in data["sens"].values() for w in group
                              if len(_key(w)) == 1 and spoken_form(w).endswith(("é", "ée", "és", "ées"))),
        bare_e=frozenset(_key(w) for group in data["sens"].values() for w in group
                         if len(_key(w)) > 1 and spoken_form(w).split()[0].endswith("e")),   # « oublie ça »
        expressions={spoken_form(w): entries[_key(w)].concept for name, group in data["sens"].items()
                     if name not in unheard for w in group if len(_key(w)) > 1 and spoken_form(w) not in unheard},
        number_words={n: tuple(dict.fromkeys(ws)) for n, ws in said.items()},
    )



def _concept(text: str) -> str:
    """A concept of the file: « ne pas vouloir » is the negated « vouloir », written "!vouloir"."""
    word = _word(text)
    return "!" + word[len("ne pas "):] if word.startswith("ne pas ") else word


_IMPERFECT = ("ais", "ait", "ions", "iez", "aient")
_FUTURE = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")


def _tenses(spelt: list[str]) -> list[str]:
    """The tenses French builds on two forms: the imperfect on the « nous » form (« disons » -> « disiez »),
    the future and the conditional on the future (« dirai » -> « diriez », « dirions »)."""
    out = []
    for form in map(_word, spelt):
        if form.endswith("ons") and not form.endswith("ions"):
            out += [form[:-3] + e for e in _IMPERFECT]
        if form.endswith("rai"):
            out += [form[:-2] + e for e in _FUTURE]
    return out


def _regular_future(lemma: str, spelt: list[str]) -> list[str]:
    """« lire » -> « lirai »: the future of a verb in -re or -ir is built on its infinitive, unless its forms
    give another (« venir » -> « viendrai »); a verb in -oir has its own (« savoir » -> « saurai »)."""
    if any(_word(form).endswith("rai") for form in spelt) or lemma.endswith("oir"):
        return []
    if lemma.endswith("re"):
        return [lemma[:-1] + "ai"]
    return [lemma + "ai"] if lemma.endswith("ir") else []


def is_infinitive(word: str) -> bool:
    """« continuer », « finir », « attendre »: a word that reads as a verb's infinitive."""
    return len(word) > 3 and word.endswith(("er", "ir", "re"))


def _ordinal(cardinal: str) -> str:
    """"trois" -> "troisième", "cinq" -> "cinquième", "neuf" -> "neuvième"."""
    stem = {"cinq": "cinqu", "neuf": "neuv"}.get(cardinal, cardinal)
    if stem.endswith("e"):
        stem = stem[:-1]
    return stem + "ième"
