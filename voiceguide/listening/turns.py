"""What an input source hands to the session for one turn of the user."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


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


class InputSource(Protocol):
    """One user turn at a time; ``grammar`` lists the phrases valid now (used by speech sources)."""

    name: str
    can_interrupt: bool  # True when a turn can arrive while the guide is speaking (keys)

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn: ...

    def close(self) -> None: ...
