"""Narration text as the speech engine gets it: in sentences, written for the ear, and only when there is
something to say."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voiceguide.speaking.pronounce import respell

if TYPE_CHECKING:  # the guide package is not imported at run time: the speech worker loads this module
    from voiceguide.guide.model import Pronunciation

# A sentence ends at . ! ? or … (perhaps inside a closing quotation mark) followed by spaces, or at a blank line.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][»”)])|(?<=[.!?…]\s»))\s+|\n\s*\n")
# Letters with a full stop after each (« C.M.U.C. », « p.ex. »): an abbreviation, not the end of a sentence.
_INITIALISM = re.compile(r"(?<!\w)(?:\w\.){2,}$")
# What never starts a sentence: closing punctuation (and a lower-case word).
_CLOSING = "»”),;:"
MIN_PIECE_CHARS = 12

# Guillemets mark a name for the eye; espeak-ng reads them as one more pause next to a comma or a full
# stop (« Valider », …). Straight and curly double quotes alike.
_QUOTES = re.compile(r"\s*[«»“”\"]\s*")
# A slash between words is said « ou » (« Accident du travail / Maladie professionnelle »); between
# digits (a date) it is left to the engine.
_SLASH = re.compile(r"(?<!\d)\s*/\s*(?!\d)")


def split_sentences(text: str) -> list[str]:
    """Cuts a narration into pieces to render, so the first can play while the next renders.

    Very short sentences ("Oui." before a long one) stay with their
    neighbour: a render per word would cost more than it saves.
    """
    pieces: list[str] = []
    for part in sentences(text):
        if pieces and len(pieces[-1]) < MIN_PIECE_CHARS:
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    if len(pieces) > 1 and len(pieces[-1]) < MIN_PIECE_CHARS:
        pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]
    return pieces


def sentences(text: str) -> list[str]:
    """The sentences of a text, spaces tidied.

    Abbreviations such as « C.M.U.C. » stay inside their sentence (a cut
    there is a half-second gap in the middle of a name), and so does what
    follows a full stop in lower case or closing punctuation.
    """
    found: list[str] = []
    text = text.strip()
    start = 0
    for end in _SENTENCE_END.finditer(text):
        before, after = text[start:end.start()], text[end.end():end.end() + 1]
        blank_line = end.group(0).count("\n") > 1
        if not blank_line and (_INITIALISM.search(before) or after.islower() or after in _CLOSING):
            continue
        found.append(before)
        start = end.end()
    found.append(text[start:])
    return [tidy for part in found if (tidy := " ".join(part.split()))]


def for_the_ear(text: str) -> str:
    """Punctuation that reads well aloud: no guillemets, a slash said « ou »."""
    text = _QUOTES.sub(_quote_gap, text)
    return _SLASH.sub(" ou ", text).strip()


def _quote_gap(found: re.Match[str]) -> str:
    """Keeps the words around a quotation mark apart, and lets punctuation touch the word before it."""
    text, start, end = found.string, found.start(), found.end()
    touching = start == 0 or end == len(text) or text[start - 1] in "(" or text[end] in ".,;:!?…)"
    return "" if touching else " "


def speech_pieces(text: str, pronunciation: Pronunciation = ()) -> list[str]:
    """What the speech engine gets for a narration: its sentences, respelled and punctuated for the ear."""
    return split_sentences(for_the_ear(respell(text, pronunciation)))


def is_speakable(text: str) -> bool:
    """Whether the text has anything to pronounce (engines refuse or hang on punctuation alone)."""
    return any(ch.isalnum() for ch in text)
