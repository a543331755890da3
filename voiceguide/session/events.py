"""The events log: JSON Lines, one object per event, for carers and tests.

It holds what happened (steps, commands, what was understood), never audio.
It is written only when the carer asks for it (``--events FILE``). The log
is an extra: when the disk refuses it mid-session (full, removed), the guide
says so once and goes on without it.
"""

from __future__ import annotations

import json
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
            stream = path.open("w", encoding="utf-8")
        except OSError as exc:
            raise UserError(
                f"Impossible d'écrire le journal « {path} » ({exc.strerror}) : "
                "choisissez un autre emplacement pour --events."
            ) from None
        return cls(stream, clock, notify, str(path))

    def write(self, event: dict) -> None:
        if self._stream is None:
            return
        record = {"t": round(self._clock() - self._t0, 3), **event}
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
