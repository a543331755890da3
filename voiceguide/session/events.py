"""The events log: JSON Lines, one object per event, for carers and tests.

It holds what happened (steps, commands, what was understood), never audio.
It is written only when the carer asks for it (``--events FILE``). The log
is an extra: when the disk refuses it mid-session (full, removed), the guide
says so once and goes on without it.

It is private (DESIGN.md, events contract): a new file is readable by its
owner only (an existing one keeps its mode, never widened), and every run of
digits in what the person typed, pressed or said becomes « # » before it is
written: someone who types their social-security number into the guide's
window by mistake must not find it on disk. Which keys are written at all
(only those that are commands) is the session's choice.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from voiceguide.errors import UserError


class EventLog:
    """Appends events with ``t`` = seconds since the session started."""

    def __init__(self, stream: TextIO | None, clock: Callable[[], float] = time.monotonic,
                 notify: Callable[[str], None] = lambda message: None, name: str = "") -> None:
        self._stream = stream
        self._clock = clock
        self._t0 = clock()
        self._notify = notify
        self._name = name

    @classmethod
    def open(cls, path: Path | None, clock: Callable[[], float] = time.monotonic,
             notify: Callable[[str], None] = lambda message: None) -> EventLog:
        """Open the log file up front, so a path that cannot be written fails before anything is said."""
        if path is None:
            return cls(None, clock)
        if path.is_dir():
            raise UserError(f"Le journal « {path} » est un dossier : donnez un nom de fichier à --events.")
        try:
            # 0o600 applies to a new file only: an existing file keeps its mode.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            stream = os.fdopen(fd, "w", encoding="utf-8")
        except OSError as exc:
            raise UserError(
                f"Impossible d'écrire le journal « {path} » ({exc.strerror}) : "
                "choisissez un autre emplacement pour --events."
            ) from None
        return cls(stream, clock, notify, str(path))

    def write(self, event: dict) -> None:
        if self._stream is None:
            return
        record = {"t": round(self._clock() - self._t0, 3), **_without_digits(event)}
        try:
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._stream.flush()
        except OSError as exc:
            self._give_up(exc)

    def close(self) -> None:
        if self._stream is not None:
            try:
                self._stream.close()
            except OSError as exc:
                self._give_up(exc)
            self._stream = None

    def _give_up(self, exc: OSError) -> None:
        stream, self._stream = self._stream, None
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass  # the buffered line that failed fails again: it is already reported
        self._notify(f"Le journal « {self._name} » ne peut plus être écrit ({exc.strerror or exc}) : "
                     "il s'arrête ici, le guide continue.")


# Where an event holds what the person typed, pressed or said.
_SAID_EVERYWHERE = ("heard", "key")
_SAID_IN = {"utterance": ("text",)}


def _without_digits(event: dict) -> dict:
    """The event with each run of digits in what the person typed or said replaced by « # »."""
    fields = _SAID_EVERYWHERE + _SAID_IN.get(event.get("event", ""), ())
    return {name: mask_digits(_shortened(value)) if name in fields and isinstance(value, str) else value
            for name, value in event.items()}


MAX_SAID_CHARS = 500   # what was typed or heard, as logged: a pasted page is not a command


def _shortened(text: str) -> str:
    return text if len(text) <= MAX_SAID_CHARS else text[:MAX_SAID_CHARS] + "…"


def mask_digits(text: str) -> str:
    """« 1 85 03 » -> « # # # »: any digit, in any script (Arabic-Indic, superscript, full-width...)."""
    return "".join("#" if is_digit else "".join(run) for is_digit, run in itertools.groupby(text, str.isdigit))
