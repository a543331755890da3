"""The phrases handed to the recogniser: what the matcher understands, in a size vosk handles well.

vosk compiles the phrases into a small language model: every word listed
can be recognised, in listed orders mostly. The grammar holds the
vocabulary's and the guide's phrases, the current step's choices, the
lexicon's fixed expressions that mean something the guide acts on (« ça y
est », « laisse tomber », « à bientôt »; not « plus tard » nor « je te suis »)
and, when there are choices, the numbers that pick them. Not every synonym
and form the matcher knows: measured with the Korean model, each phrase
added to a grammar costs accuracy (docs/recognition.md), so the rest is
heard as ``[unk]`` (French model) and decoded again without a grammar
(listening/recognizer.py). Never a digit: nobody is asked to say a number
that is a secret, and choices are said in words.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from voiceguide.dialog.intent import Options
from voiceguide.guide import Guide
from voiceguide.language.lexicon import Lexicon
from voiceguide.language.text import spoken_form
from voiceguide.language.vocabulary import Vocabulary

MAX_PHRASES = 600   # above this the Korean model lost half of its commands (docs/recognition.md)


def spoken_forms(texts: Iterable[str]) -> list[str]:
    """Spoken forms of ``texts``, without the empty ones and those with digits."""
    forms = (spoken_form(t) for t in texts)
    return [f for f in forms if f and not any(c.isdigit() for c in f)]


class Grammar:
    """Builds the grammar for a given moment of the dialog."""

    def __init__(self, vocabulary: Vocabulary, guide: Guide, lexicon: Lexicon) -> None:
        self._commands = spoken_forms(p for spec in vocabulary.commands for p in spec.phrases)
        self._topics = spoken_forms(t for step in guide.steps for t in step.topics)
        # the shortest first, as the cut to MAX_PHRASES keeps the head: « à bientôt », « ça suffit » before
        # « annulez tous ces changements » (in the lexicon's order, the leave-takings came last and were cut)
        kept = [(form, concept) for form, concept in lexicon.expressions.items() if form in spoken_forms([form])]
        self._expressions = dict(sorted(kept, key=lambda item: len(item[0].split())))
        self._numbers = lexicon.number_words
        self._cache: dict[Options, list[str]] = {}

    def phrases(self, options: Options, concepts: Collection[str] | None = None) -> list[str]:
        """Phrases valid now: commands, choices, parts, numbers of the choices, and the fixed expressions
        whose concept is one of ``concepts`` (what can be acted on now; all of them when None)."""
        found = self._cache.get(options)
        if found is None:
            count = len(options.choices)
            choices = spoken_forms(t for c in options.choices for t in (c.label, *c.phrases))
            numbers = [w for n in range(1, count + 1) for w in self._numbers.get(n, ())]
            numbers += [f"numéro {self._numbers[n][0]}" for n in range(1, count + 1) if n in self._numbers]
            numbers += ["le dernier", "la dernière"] if count else []
            expressions = [form for form, concept in self._expressions.items()
                           if concepts is None or concept in concepts]
            found = list(dict.fromkeys([*self._commands, *choices, *self._topics, *numbers,
                                        *expressions]))[:MAX_PHRASES]
            if len(self._cache) < 256:
                self._cache[options] = found
        return list(found)
