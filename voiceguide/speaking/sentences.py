"""Narration text as the speech engine gets it: in sentences, and only when there is something to say."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n")
MIN_PIECE_CHARS = 12


def split_sentences(text: str) -> list[str]:
    """Cuts a narration into sentences, so the first can play while the next renders.

    Very short fragments ("Oui." before a long sentence) stay with their
    neighbour: a render per word would cost more than it saves.
    """
    pieces: list[str] = []
    for part in _SENTENCE_END.split(text.strip()):
        part = " ".join(part.split())
        if not part:
            continue
        if pieces and len(pieces[-1]) < MIN_PIECE_CHARS:
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    if len(pieces) > 1 and len(pieces[-1]) < MIN_PIECE_CHARS:
        pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]
    return pieces


def is_speakable(text: str) -> bool:
    """Whether the text has anything to pronounce (engines refuse or hang on punctuation alone)."""
    return any(ch.isalnum() for ch in text)
