"""What one turn of the user is, and the kinds of input turns come from."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class InputKind(enum.Enum):
    """Where the user's turns come from (``--input``, and the ``input`` setting)."""

    MICRO = "micro"          # live speech (keys too, on a terminal)
    AUDIO = "audio"          # recorded WAV files, one per turn
    KEYBOARD = "keyboard"    # single keys
    TEXT = "text"            # typed lines, one utterance each


@dataclass(frozen=True)
class Utterance:
    """Words heard (microphone, WAV file) or typed (text mode).

    ``confidence`` is the recogniser's (1.0 for typed text). ``start`` and
    ``end`` are seconds into the turn's audio; ``committed`` is when the
    recogniser decided (earlier than ``end`` + vosk's end-of-speech wait when
    a stable partial result was already a complete command). ``phrase``: the
    grammar phrase the recogniser heard, exactly, whose meaning the matcher
    already knows. ``second_pass``: the text comes from decoding the audio
    again without a grammar (the first pass was unsure), so it is less sure.
    """

    text: str
    confidence: float = 1.0
    source: str = "text"  # "text" | "micro" | "audio"
    start: float | None = None
    end: float | None = None
    committed: float | None = None
    phrase: str | None = None
    second_pass: bool = False


@dataclass(frozen=True)
class KeyPress:
    """One key in keyboard mode: a single character, or "enter", "space", "escape"."""

    key: str


Turn = Utterance | KeyPress | None  # None: nothing within the time-out


class EndOfInput(Exception):
    """No more input will come (end of stdin, last audio file)."""
