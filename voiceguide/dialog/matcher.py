"""French text to commands: what the user meant, with a confidence.

Recognised speech (or a typed line) is compared with the vocabulary's
command phrases, the current step's choices and the guide's topic names, in
a form where accents, case, punctuation and filler words do not count.
A whole-utterance match is trusted most, a phrase found inside a longer
sentence less, a near spelling least. A negation ("je ne veux pas
continuer") blocks a match, and when two different things were said with
equal weight the matcher answers None rather than guess: the dialog then
says what can be said, which is cheaper than a wrong move.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from voiceguide.dialog.intent import BROWSE, GOTO, Intent, Options
from voiceguide.guide import Guide
from voiceguide.language.text import spoken_form
from voiceguide.language.vocabulary import Vocabulary, normalize

EXACT = 1.0        # the whole utterance is the phrase
CONTAINED = 0.8    # the phrase inside a longer utterance
FUZZY = 0.7        # times the similarity ratio, whole utterance close to the phrase
FUZZY_WINDOW = 0.6  # times the similarity ratio, a few words close to the phrase
FUZZY_MIN_RATIO = 0.88
FUZZY_MIN_CHARS = 7    # shorter phrases are one letter from unrelated words ("encore"/"encre")
FUZZY_TIE = 0.05

# Words that negate a command said next to them ("ne répète pas").
NEGATIONS = frozenset({"ne", "n'", "pas", "jamais", "aucun", "aucune", "rien"})
_WORD = re.compile(r"[^\s']+'?")
# Where the same words are both, the step's own choices beat universal
# commands, which beat the guide-wide topic shortcuts.
_KIND_RANK = {"choice": 0, "command": 1, "topic": 2}
_YES_NO = ("yes", "no")


@dataclass(frozen=True)
class _Phrase:
    """One matchable phrase and the intent it stands for."""

    name: str
    target: str | None
    label: str
    kind: str                  # "command" | "choice" | "topic"
    words: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.name, self.target)

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class _Hit:
    phrase: _Phrase
    start: int
    end: int

    def inside(self, other: _Hit) -> bool:
        """Strictly inside ``other``'s span: the longer phrase is the more specific reading."""
        return (other.start <= self.start and self.end <= other.end
                and (other.start, other.end) != (self.start, self.end))


def _spoken_forms(texts: Iterable[str]) -> list[str]:
    """Spoken forms of ``texts``, without the empty ones and those with digits: the command grammar
    never holds digits (DESIGN: nobody is asked to say a number)."""
    forms = (spoken_form(t) for t in texts)
    return [f for f in forms if f and not any(c.isdigit() for c in f)]


class IntentMatcher:
    """Turns an utterance or a key into an Intent, given what can be said now."""

    def __init__(self, vocabulary: Vocabulary, guide: Guide) -> None:
        self.vocabulary = vocabulary
        self.guide = guide
        self._fillers = vocabulary.fillers
        self._fixed: list[_Phrase] = []
        for spec in vocabulary.commands:
            for phrase in spec.phrases:
                self._add(self._fixed, spec.name, None, spec.label, "command", phrase)
        for step in guide.steps:
            for topic in step.topics:
                self._add(self._fixed, "goto", step.id, topic, "topic", topic)
        self._keys = {key.lower(): spec for spec in vocabulary.commands for key in spec.keys}
        self._grammar_parts: tuple[list[str], list[str]] | None = None

    def match(self, text: str, options: Options) -> Intent | None:
        """The intent of ``text``, or None when nothing (or nothing unambiguous) matches."""
        words = self._words(text)
        if not words:
            return None
        phrases = self._fixed + self._choice_phrases(options)
        hits = self._hits(words, phrases)
        if not hits:
            return self._fuzzy(words, phrases, text)
        # Words were recognised: if they are negated or ambiguous, a near
        # spelling of something else is not a better answer.
        found = self._choose(words, hits, options)
        if found is None:
            return None
        confidence = EXACT if (found.start, found.end) == (0, len(words)) else CONTAINED
        return self._intent(found.phrase, confidence, text)

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
        """Phrases valid now, for the recogniser: accents kept, no punctuation, no digits, no duplicates."""
        if self._grammar_parts is None:
            # The commands and topics never change: their spoken forms are computed once, not at
            # every turn (they were most of the time of a typed turn).
            self._grammar_parts = (
                _spoken_forms(p for spec in self.vocabulary.commands for p in spec.phrases),
                _spoken_forms(t for step in self.guide.steps for t in step.topics),
            )
        commands, topics = self._grammar_parts
        choices = _spoken_forms(t for choice in options.choices for t in (choice.label, *choice.phrases))
        return list(dict.fromkeys([*commands, *choices, *topics]))

    # -- matching ------------------------------------------------------------

    def _words(self, text: str) -> tuple[str, ...]:
        # "l'étape" must contain the word "étape", so an elision is a word of
        # its own ("l'", "etape"); keeping its apostrophe keeps two texts equal
        # here exactly when their normalize() are equal.
        return tuple(_WORD.findall(normalize(text, self._fillers)))

    def _add(self, into: list[_Phrase], name: str, target: str | None, label: str,
             kind: str, text: str) -> None:
        words = self._words(text)
        if words:
            into.append(_Phrase(name, target, label, kind, words))

    def _choice_phrases(self, options: Options) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        for choice in options.choices:
            for text in dict.fromkeys((choice.label, *choice.phrases)):
                self._add(phrases, "goto", choice.target, choice.label, "choice", text)
        return phrases

    @staticmethod
    def _hits(words: tuple[str, ...], phrases: list[_Phrase]) -> list[_Hit]:
        """Every place where a phrase occurs as a contiguous word sequence."""
        return [_Hit(p, i, i + len(p.words)) for p in phrases
                for i in range(len(words) - len(p.words) + 1)
                if words[i:i + len(p.words)] == p.words]

    def _choose(self, words: tuple[str, ...], hits: list[_Hit], options: Options) -> _Hit | None:
        """The one reading of the hits, or None when negated or ambiguous."""
        # A negation inside a phrase that means it ("je n'entends pas") is not
        # one that blocks the other phrases.
        explained = {i for h in hits if NEGATIONS.intersection(h.phrase.words)
                     for i in range(h.start, h.end)}
        negated = {i for i, w in enumerate(words) if w in NEGATIONS} - explained
        hits = [h for h in hits
                if h.phrase.name == "no" or not any(i < h.start or i >= h.end for i in negated)]
        hits = [h for h in hits if not any(h.inside(o) for o in hits)]
        hits = self._prefer_yes_no(hits, options.yes_no)
        if not hits:
            return None
        # Same words read two ways: the most local reading wins.
        hits.sort(key=lambda h: (-(h.end - h.start), _KIND_RANK[h.phrase.kind]))
        best = hits[0]
        for other in hits[1:]:
            if other.phrase.key == best.phrase.key:
                continue
            same_span = (other.start, other.end) == (best.start, best.end)
            if same_span and _KIND_RANK[other.phrase.kind] > _KIND_RANK[best.phrase.kind]:
                continue
            if (other.end - other.start) >= (best.end - best.start) - 1:
                return None  # two different requests of about the same weight
        return best

    @staticmethod
    def _prefer_yes_no(hits: list[_Hit], yes_no: bool) -> list[_Hit]:
        if yes_no:
            return [h for h in hits if h.phrase.name in _YES_NO] or hits
        # Outside a question "oui" / "d'accord" acknowledges the other thing
        # said ("d'accord, suivant"); "non" does not, so it stays and competes.
        if any(h.phrase.name not in _YES_NO for h in hits):
            return [h for h in hits if h.phrase.name != "yes"]
        return hits

    def _fuzzy(self, words: tuple[str, ...], phrases: list[_Phrase], heard: str) -> Intent | None:
        utterance = " ".join(words)
        negated = {i for i, w in enumerate(words) if w in NEGATIONS}
        best: dict[tuple[str, str | None], tuple[float, _Phrase]] = {}
        for phrase in phrases:
            target = phrase.text
            if len(target) < FUZZY_MIN_CHARS:
                continue
            # A negation the phrase itself does not hold blocks it ("ne repetez").
            whole_negated = phrase.name != "no" and any(words[j] not in phrase.words for j in negated)
            scores = [0.0 if whole_negated else FUZZY * _ratio(utterance, target)]
            n = len(phrase.words)
            if len(words) > n:
                scores += [FUZZY_WINDOW * _ratio(" ".join(words[i:i + n]), target)
                           for i in range(len(words) - n + 1)
                           if phrase.name == "no" or not any(j < i or j >= i + n for j in negated)]
            score = max(scores)
            if score > best.get(phrase.key, (0.0,))[0]:
                best[phrase.key] = (score, phrase)
        if not best:
            return None
        ranked = sorted(best.values(), key=lambda sp: -sp[0])
        if len(ranked) > 1 and ranked[1][0] >= ranked[0][0] - FUZZY_TIE:
            return None
        score, phrase = ranked[0]
        return self._intent(phrase, round(score, 3), heard)

    @staticmethod
    def _intent(phrase: _Phrase, confidence: float, heard: str) -> Intent:
        return Intent(name=phrase.name, confidence=confidence, target=phrase.target,
                      heard=heard, label=phrase.label)


def _ratio(a: str, b: str) -> float:
    """difflib similarity, 0 when it cannot reach the threshold (cheap upper bounds first)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < FUZZY_MIN_RATIO or matcher.quick_ratio() < FUZZY_MIN_RATIO:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= FUZZY_MIN_RATIO else 0.0
