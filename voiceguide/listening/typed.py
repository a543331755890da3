"""Typed input: text lines and single keys.

A text line is handed over as an utterance, exactly as the recogniser hands
over what it heard, so text mode drives the same code path as the microphone.
"""

from __future__ import annotations

import codecs
import os
import select
import sys
import time
from collections.abc import Sequence
from typing import Any, TextIO

from voiceguide.listening.turns import EndOfInput, KeyPress, Turn, Utterance

# Control characters (C0 and C1) read as spaces: a pasted tab separates words, and no stray byte of a
# pipe reaches the dialog or the events log.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


class TextInput:
    """One utterance per line, as if it had been recognised; an empty line is silence."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        line = self._stream.readline()
        if not line:
            raise EndOfInput
        text = line.translate(_CONTROLS).strip()
        return Utterance(text=text, source="text") if text else None

    def close(self) -> None:
        pass


_KEY_NAMES = {
    "\n": "enter", "\r": "enter", " ": "space", "\x1b": "escape", "\t": "tab",
    "\x1b[A": "up", "\x1b[B": "down", "\x1b[C": "right", "\x1b[D": "left",
}


_ESCAPE_SEQUENCES = tuple(k for k in _KEY_NAMES if len(k) > 1)


def key_name(char: str) -> str:
    """Name of a typed character as the vocabulary lists keys ("enter", "space", "r")."""
    return _KEY_NAMES.get(char, char.lower())


class KeyboardInput:
    """Single key presses. On a terminal, keys arrive unbuffered and a silence times out;
    from a pipe (tests, scripts) each character is a key and end of input ends the session."""

    def __init__(self, stream: TextIO = sys.stdin) -> None:
        self._stream = stream
        self._saved_termios: list[Any] | None = None
        self._fd: int | None = None
        self._pending = ""    # keys read from the terminal and not handed out yet
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="ignore")
        try:
            if stream.isatty():
                self._fd = stream.fileno()
        except (AttributeError, ValueError, OSError):
            self._fd = None
        if self._fd is not None and os.name == "posix":
            import termios
            import tty

            self._saved_termios = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd)

    @property
    def live(self) -> bool:
        """Keys typed by a person at a terminal, as they come (a pipe hands them over all at once)."""
        return self._fd is not None

    def next_key(self, timeout: float | None) -> KeyPress | None:
        """The next key, or None when none came within ``timeout`` seconds (a terminal only)."""
        if self._fd is None:
            char = self._stream.read(1)
            if not char:
                raise EndOfInput
            return KeyPress(key_name(char))
        char = self._read_tty(self._fd, timeout)
        return KeyPress(key_name(char)) if char else None

    def _read_tty(self, fd: int, timeout: float | None) -> str:
        if sys.platform == "win32":
            import msvcrt

            deadline = None if timeout is None else time.monotonic() + timeout
            while deadline is None or time.monotonic() < deadline:
                if msvcrt.kbhit():
                    return msvcrt.getwch()
                time.sleep(0.02)
            return ""
        if not self._pending:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return ""
            data = os.read(fd, 64)
            if not data:
                raise EndOfInput
            self._pending = self._decoder.decode(data)
        return self._next_key()

    def _next_key(self) -> str:
        """One key from what the terminal sent: keys typed faster than the guide reads them are kept."""
        data = self._pending
        if len(data) > 1 and data[0] == "\x1b":
            # An arrow key sends an escape sequence: one key, not "escape" then letters.
            for sequence in _ESCAPE_SEQUENCES:
                if data.startswith(sequence):
                    self._pending = data[len(sequence):]
                    return sequence
            self._pending = ""   # another sequence (F1, Home...): not a key of the guide
            return ""
        self._pending = data[1:]
        return data[:1]

    def close(self) -> None:
        """Gives the terminal back as it was (echo, lines); a terminal already gone (window closed) is let be."""
        if self._saved_termios is not None and self._fd is not None:
            import termios

            saved, self._saved_termios = self._saved_termios, None
            try:
                termios.tcsetattr(self._fd, termios.TCSADRAIN, saved)
            except (termios.error, OSError):
                pass
