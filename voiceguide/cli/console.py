"""The console the program runs in: its standard streams, and the signals that end it.

Made safe once, before any command runs, so that no command meets a
missing stream, an encoding that cannot hold French, or a closed terminal:

* a closed stdin (``<&-``) reads as an empty one: the session ends at once,
  as with ``</dev/null``; a closed stdout or stderr writes nowhere;
* bytes on stdin that are not text in its encoding become U+FFFD, never
  the lone surrogates that would later break the events log (UTF-8 only);
* text the output encoding cannot hold (an ASCII or cp1252 console, an emoji
  in a guide) is written without its accents, « » as quotes, or « ? »;
* closing the terminal window (SIGHUP) or being asked to stop (SIGTERM)
  ends the command as Ctrl-C does: the progress is saved, the terminal and
  the speech worker are given back, exit 130; none of the three ever breaks
  a lock on its way (``ends_like_ctrl_c``).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import queue
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TextIO

PLAIN = "voiceguide-plain"   # the codec error handler of the standard output and error streams

# What NFKD does not take apart, for the consoles that cannot show it.
_PLAIN_FORMS = {"«": '"', "»": '"', "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "–": "-", "—": "-",
                "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "€": "EUR"}


class Ended(KeyboardInterrupt):
    """The terminal was closed or the program was asked to stop: handled like Ctrl-C."""


def _plain(error: UnicodeError) -> tuple[str | bytes, int]:
    """Codec error handler: each character the encoding lacks, as near as it can be written, else « ? »;
    an undecodable byte of a file name (a lone surrogate, PEP 383) as that byte."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    first = error.object[error.start]
    if "\udc80" <= first <= "\udcff":   # a byte of a file name that was not text: written back as it was
        return bytes([ord(first) - 0xDC00]), error.start + 1
    import unicodedata

    stop = error.start
    while stop < error.end and not "\udc80" <= error.object[stop] <= "\udcff":   # the next call writes those back
        stop += 1
    out = []
    for char in error.object[error.start:stop]:
        plain = _PLAIN_FORMS.get(char) or "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        try:
            plain.encode(error.encoding)
        except (UnicodeError, LookupError):
            plain = ""
        out.append(plain or "?")
    return "".join(out), stop


codecs.register_error(PLAIN, _plain)


def usable_streams() -> None:
    """Makes stdin, stdout and stderr safe to use whatever the console (see the module docstring)."""
    for number, name in enumerate(("stdin", "stdout", "stderr")):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _null_stream(number))
        else:
            _reconfigure(stream, errors="replace" if number == 0 else PLAIN)


def _null_stream(number: int) -> TextIO:
    """/dev/null as standard stream ``number``, which was closed when the program started.

    Put at the descriptor itself when it is still free, so that no file opened
    later takes its number (a child process would read or write that file).
    """
    fd = os.open(os.devnull, os.O_RDONLY if number == 0 else os.O_WRONLY)
    try:
        os.fstat(number)
    except OSError:   # still closed: /dev/null takes its place
        os.dup2(fd, number)
        os.close(fd)
        fd = number
    return open(fd, "r" if number == 0 else "w", encoding="utf-8")


def _reconfigure(stream: TextIO, errors: str) -> None:
    reconfigure = getattr(stream, "reconfigure", None)   # a stream put in place by the caller may lack it
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):   # a detached or closed stream: left as it is
            reconfigure(errors=errors)


@contextlib.contextmanager
def ends_like_ctrl_c() -> Iterator[None]:
    """Within the block, Ctrl-C raises KeyboardInterrupt, SIGTERM and SIGHUP ``Ended`` (a KeyboardInterrupt),
    in the main thread, and never in the middle of the threading module's own code.

    Raised there, between two steps of a Condition or an Event, the exception
    leaves a lock released twice (RuntimeError: exit 1 instead of 130) or held
    for good (the program hangs when it next silences its speech). Such a
    signal is kept and raised as soon as the main thread is back in the
    program's code, or blocked in a wait, where raising is safe: a timer looks
    again every few milliseconds. Only the first signal: a second one while
    the progress is being saved must not cut the save short. A signal still
    kept when the block ends (an error ended it meanwhile, as the model's
    language check can while Ctrl-C waits) is raised then: the person asked
    to stop. A signal the program was started ignoring (``nohup``) stays
    ignored. The handlers in place before are put back.
    """
    names = [n for n in ("SIGINT", "SIGTERM", "SIGHUP")
             if hasattr(signal, n) and signal.getsignal(getattr(signal, n)) != signal.SIG_IGN]
    retry = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")   # not on Windows: raised at once there
    interruption = _Interruption(retry)
    if retry:
        names.append("SIGALRM")
    try:
        before = {name: signal.signal(getattr(signal, name), interruption.handle) for name in names}
    except ValueError:   # not the main thread (a test calling main() from a thread): signals stay as they are
        yield
        return
    try:
        yield
    finally:
        interruption.done()
        for name, handler in before.items():
            signal.signal(getattr(signal, name), handler)
        interruption.raise_kept()   # kept while the block ended (an error came at the same moment): it still wins


# The code an exception must not cut short: the threading module's locks, conditions and events (the queue
# module's are built on them), and the import machinery's module locks.
_LOCKING_CODE = frozenset({threading.__file__, queue.__file__, "<frozen importlib._bootstrap>"})
_RETRY_SECONDS = 0.005


class _Interruption:
    """The signal handler of ``ends_like_ctrl_c``: raises the first signal where it cannot break a lock."""

    def __init__(self, retry: bool) -> None:
        self._retry = retry
        self._pending: int | None = None
        self._raised = False
        self._seen: tuple[object, int] | None = None   # where the main thread was at the last look

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self._raised:
            return
        if signum != getattr(signal, "SIGALRM", None):
            self._pending = self._pending or signum
        if self._pending is None:
            return
        if self._retry and self._in_locking_code(frame):
            signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
            return
        self.done()
        self.raise_kept()

    def raise_kept(self) -> None:
        """Raises the signal kept, if it was not raised yet: the person asked to stop."""
        if self._pending is None or self._raised:
            return
        self._raised = True
        if self._pending == signal.SIGINT:
            raise KeyboardInterrupt
        raise Ended(self._pending)

    def _in_locking_code(self, frame: FrameType | None) -> bool:
        """True while the main thread moves through locking code; not when it waits there, blocked in a call
        (found at the same instruction a look later), where an exception is as safe as it is anywhere."""
        if frame is None or frame.f_code.co_filename not in _LOCKING_CODE:
            return False
        here = (frame, frame.f_lasti)
        if self._seen is not None and self._seen[0] is here[0] and self._seen[1] == here[1]:
            return False
        self._seen = here
        return True

    def done(self) -> None:
        """Stops the timer; forgets where the main thread was."""
        self._seen = None
        if self._retry:
            signal.setitimer(signal.ITIMER_REAL, 0)


def tell(message: str) -> None:
    """Prints on stderr, or nowhere when the terminal is gone (closed window: SIGHUP, then EIO)."""
    try:
        print(message, file=sys.stderr, flush=True)
    except OSError:
        let_go_of_output(sys.stdout, sys.stderr)


def let_go_of_output(*streams: TextIO) -> None:
    """Points these streams at /dev/null: whoever read them went away, and Python's own flush at exit
    must not fail on them (it would change the exit code and print a complaint)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in streams:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)
