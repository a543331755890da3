"""The events log: JSON Lines, one object per event, for carers and tests.

It holds what happened (steps, commands, what was understood), never audio.
It is written only when the carer asks for it (``--events FILE``). The log
is an extra: when the disk refuses it mid-session (full, removed), the guide
says so once and goes on without it.

The file is opened before anything is said (a path that cannot be written
is refused at once), but it is neither truncated nor written until the
session can really run (``commit``: the model has loaded, the inputs are
ready): a run that fails at its start leaves an earlier log as it was, and
removes the file it created. A named pipe is opened without waiting for a
reader: with nobody reading it, the run is refused instead of hanging.

It is private (DESIGN.md, events contract): a new file is readable by its
owner only (an existing one keeps its mode, never widened), and every run of
digits in what the person typed, pressed or said becomes « # » before it is
written: someone who types their social-security number into the guide's
window by mistake must not find it on disk. Which keys are written at all
(only those that are commands) is the session's choice.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from voiceguide.errors import UserError


class EventLog:
    """Appends events with ``t`` = seconds since the session started.

    A log made from a stream writes at once; one made by ``open`` holds its
    events in memory until ``commit``.
    """

    def __init__(self, stream: TextIO | None, clock: Callable[[], float] = time.monotonic,
                 notify: Callable[[str], None] = lambda message: None, name: str = "") -> None:
        self._stream = stream
        self._clock = clock
        self._t0 = clock()
        self._notify = notify
        self._name = name
        self._held: list[str] | None = None   # lines waiting for commit()
        self._created: Path | None = None     # the file this run created, removed if it never commits

    @classmethod
    def open(cls, path: Path | None, clock: Callable[[], float] = time.monotonic,
             notify: Callable[[str], None] = lambda message: None) -> EventLog:
        """Opens the log file up front, so that a path that cannot be written fails before anything is said;
        nothing in it changes before ``commit``."""
        if path is None:
            return cls(None, clock)
        if path.is_dir():
            raise UserError(f"Le journal « {path} » est un dossier : donnez un nom de fichier à --events.")
        fd, created = _open_without_truncating(path)
        log = cls(os.fdopen(fd, "w", encoding="utf-8"), clock, notify, str(path))
        log._held = []
        log._created = path if created else None
        return log

    def commit(self) -> None:
        """The session really runs: the file is emptied and what was held is written, then every event as it comes."""
        held, self._held = self._held, None
        self._created = None
        if held is None or self._stream is None:
            return
        try:
            if stat.S_ISREG(os.fstat(self._stream.fileno()).st_mode):
                os.ftruncate(self._stream.fileno(), 0)
            self._stream.writelines(held)
            self._stream.flush()
        except OSError as exc:
            self._give_up(exc)

    def write(self, event: dict) -> None:
        if self._stream is None:
            return
        record = {"t": round(self._clock() - self._t0, 3), **_without_digits(event)}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        if self._held is not None:
            self._held.append(line)
            return
        try:
            self._stream.write(line)
            self._stream.flush()
        except OSError as exc:
            self._give_up(exc)

    def close(self) -> None:
        """Closes the file; a log never committed leaves the file as it was (or removes the one it created)."""
        if self._held is not None and self._stream is not None:
            self._held = None
            stream, self._stream = self._stream, None
            stream.close()   # nothing was written: nothing can fail to be flushed
            if self._created is not None:
                self._created.unlink(missing_ok=True)
            return
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


def _open_without_truncating(path: Path) -> tuple[int, bool]:
    """A write descriptor on ``path``, and whether this call created the file; UserError (exit 2) in French.

    A new file is readable by its owner only; an existing one keeps its mode
    (never widened). O_NONBLOCK makes a named pipe with no reader fail at once
    (ENXIO) instead of waiting for one; writes block again afterwards.
    """
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        try:
            fd, created = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600), True
        except FileExistsError:
            fd, created = os.open(path, flags), False
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise UserError(f"Le journal « {path} » est un tube nommé que personne ne lit : lancez d'abord "
                            "le programme qui le lit, ou donnez un fichier ordinaire à --events.") from None
        raise UserError(
            f"Impossible d'écrire le journal « {path} » ({exc.strerror}) : "
            "choisissez un autre emplacement pour --events."
        ) from None
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd, created


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
