"""French text in the forms that decide when two phrases are "the same".

``spoken_form`` keeps accents (what a recogniser grammar wants); ``fold``
drops them too (what matching compares); ``drop_fillers`` removes the words
people add around a command ("euh", "s'il vous plaît").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'"})
# Everything that is not a letter, a digit, an apostrophe or a space separates words.
_SEPARATORS = re.compile(r"[^\w'\s]|_")
_SPACES = re.compile(r"\s+")


def spoken_form(text: str) -> str:
    """Lower-case, apostrophes unified, punctuation and hyphens to spaces; accents kept.

    This is what a recogniser grammar wants: words as they are written, no
    punctuation ("où suis-je ?" -> "où suis je").
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    text = _SEPARATORS.sub(" ", text)
    # An apostrophe that does not join two letters is punctuation ("'suivant'").
    text = re.sub(r"(?<!\w)'|'(?!\w)", " ", text)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """``spoken_form`` without accents: the form in which phrases are compared."""
    decomposed = unicodedata.normalize("NFD", spoken_form(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_count(text: str) -> int:
    """Words as the ear counts them: what holds a letter or a digit between spaces (guillemets and
    punctuation are not words)."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def drop_fillers(folded: str, fillers: Iterable[str]) -> str:
    """Remove filler words and filler word sequences from a folded text."""
    words = folded.split()
    sequences = _filler_sequences(tuple(fillers))
    kept: list[str] = []
    i = 0
    while i < len(words):
        for seq in sequences:
            if tuple(words[i:i + len(seq)]) == seq:
                i += len(seq)
                break
        else:
            kept.append(words[i])
            i += 1
    return " ".join(kept)


@lru_cache(maxsize=8)
def _filler_sequences(fillers: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Folded filler word sequences, longest first so that "merci beaucoup" beats "merci"."""
    return sorted({tuple(fold(f).split()) for f in fillers} - {()}, key=len, reverse=True)
