"""The phrases handed to the recogniser: what the matcher understands, in a size vosk handles well.

vosk compiles the phrases into a small language model: every word listed
can be recognised, in listed orders mostly. The grammar holds the
vocabulary's and the guide's phrases, the current step's choices, the
lexicon's meaning-bearing words (synonyms, fixed expressions, voice
settings) and, when there are choices, the numbers that pick them. Anything
else is heard as ``[unk]`` (French model) and decoded again without a
grammar (listening/recognizer.py). Never a digit: nobody is asked to say a
number that is a secret, and choices are said in words.
"""

from __future__ import annotations

from collections.abc import Iterable

from voiceguide.dialog.intent import Options
from voiceguide.guide import Guide
from voiceguide.language.lexicon import Lexicon
from voiceguide.language.text import spoken_form
from voiceguide.language.vocabulary import Vocabulary

NUMBER_CUES = ("numéro", "le", "la")


def spoken_forms(texts: Iterable[str]) -> list[str]:
    """Spoken forms of ``texts``, without the empty ones and those with digits."""
    forms = (spoken_form(t) for t in texts)
    return [f for f in forms if f and not any(c.isdigit() for c in f)]


class Grammar:
    """Builds the grammar for a given moment of the dialog."""

    def __init__(self, vocabulary: Vocabulary, guide: Guide, lexicon: Lexicon) -> None:
        self._commands = spoken_forms(p for spec in vocabulary.commands for p in spec.phrases)
        self._topics = spoken_forms(t for step in guide.steps for t in step.topics)
        self._words = spoken_forms(lexicon.spoken)
        self._numbers = lexicon.number_words
        self._cache: dict[Options, list[str]] = {}

    def phrases(self, options: Options) -> list[str]:
        """Phrases valid now: commands, choices, parts, numbers of the choices, meaning-bearing words."""
        found = self._cache.get(options)
        if found is None:
            choices = spoken_forms(t for c in options.choices for t in (c.label, *c.phrases))
            numbers = [w for n in range(1, len(options.choices) + 1) for w in self._numbers.get(n, ())]
            numbers += [f"{cue} {w}" for cue in NUMBER_CUES for w in numbers] if numbers else []
            numbers += ["le dernier", "la dernière"] if numbers else []
            found = list(dict.fromkeys([*self._commands, *choices, *self._topics, *numbers, *self._words]))
            if len(self._cache) < 256:
                self._cache[options] = found
        return list(found)
