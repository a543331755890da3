"""Text to audio with pyttsx3, in a worker process that can be killed.

pyttsx3's run loop is known to hang, or to speak only once, on some systems
(its issue tracker has many reports on all three platforms). So the engine
never runs in the guide's process: a worker process renders one piece of text
at a time to a WAV file and sends the samples back. Each render has a time-out;
a stuck or crashed worker is killed and started again, and a second fault in a
row is reported once as ``TtsFailed`` so the guide can carry on in text.

The worker stays alive between renders (starting one costs about 0.1 s here,
a render of one sentence about 3 ms), and rendered pieces are cached. It
imports neither numpy nor the audio code: the guide reads what it wrote. So
it starts fast, and ``voiceguide run`` launches it before reading the guide.
"""

from __future__ import annotations

import os
import pickle
import queue
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from voiceguide.speaking.sentences import is_speakable
from voiceguide.speaking.voices import (
    VoiceChoice,
    VoiceInfo,
    choose_voice,
    engine_hint,
    normalize_language,
)
from voiceguide.speech_levels import clamp_rate

if TYPE_CHECKING:   # numpy and the audio code are for the guide's side only: the worker starts without them
    from voiceguide.audio import Audio

START_TIMEOUT = 20.0               # spawning Python + loading the engine (SAPI5 can take seconds)
RENDER_TIMEOUT_BASE = 3.0          # a sentence renders in ~10 ms with espeak-ng: this only catches hangs
RENDER_TIMEOUT_PER_CHAR = 0.02
CACHE_SECONDS = 240.0              # audio kept for repeats and pre-rendered steps (~10 MB at 22 kHz)

EngineFactory = Callable[[], Any]


def render_timeout(text: str) -> float:
    """Seconds a render of ``text`` may take before the worker counts as stuck."""
    return RENDER_TIMEOUT_BASE + RENDER_TIMEOUT_PER_CHAR * len(text)


# --------------------------------------------------------------------------- errors

class TtsError(Exception):
    """Speech could not be rendered; ``message`` is French, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TtsTimeout(TtsError):
    """The worker did not answer in time (a hung engine): it has been killed."""


class TtsCrashed(TtsError):
    """The worker process died."""


class TtsEngineError(TtsError):
    """The engine raised an error, or produced no sound."""


class TtsFailed(TtsError):
    """Speech failed again after a restart of the worker: give up and go on in text."""


# --------------------------------------------------------------------------- worker process

def pyttsx3_engine() -> Any:
    """The default engine: pyttsx3 with the platform's driver (espeak-ng, SAPI5, NSSpeech)."""
    import pyttsx3

    return pyttsx3.init()


class _Channel:
    """Length-prefixed pickles over a pair of pipes (the worker's stdin and a copy of its stdout)."""

    def __init__(self, reader: Any, writer: Any) -> None:
        self._reader, self._writer = reader, writer

    def send(self, obj: object) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer.write(struct.pack(">I", len(data)) + data)
        self._writer.flush()

    def recv(self) -> Any:
        """The next message; EOFError when the other side has gone."""
        size = struct.unpack(">I", self._read_exactly(4))[0]
        return pickle.loads(self._read_exactly(size))

    def _read_exactly(self, n: int) -> bytes:
        chunks = []
        while n:
            chunk = self._reader.read(n)
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)


def _worker_channel() -> _Channel:
    """In the worker: keeps stdout for the answers, and sends everything else printed to nowhere.

    The worker shares the guide's console, whose stdout carries the narration
    in text mode, and pyttsx3's espeak driver prints "Audio saved to ...".
    """
    answers = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")
    return _Channel(sys.stdin.buffer, answers)


def _settle(engine: Any) -> None:
    """Waits until espeak-ng's command queue is empty.

    In the retrieval mode pyttsx3 uses, espeak-ng applies property changes
    asynchronously, and pyttsx3's runAndWait starts with a Cancel() that throws
    away any that are still queued: a new rate then silently does not apply
    (seen here with pyttsx3 2.99). Other drivers need no such wait.
    """
    if getattr(engine, "driver_name", None) != "espeak":
        return
    from pyttsx3.drivers import _espeak

    deadline = time.monotonic() + 2.0
    while _espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.001)


class _IdleClock:
    """``time`` for pyttsx3's espeak driver: its loop sleeps 10 ms a turn while a sentence renders in
    about 3; this sleep ends as soon as espeak-ng is idle, and never later than asked."""

    def __init__(self, busy: Callable[[], Any]) -> None:
        self._busy = busy

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        time.sleep(min(seconds, 0.0005))
        while self._busy() and time.monotonic() < deadline:
            time.sleep(0.0005)


def _wake_when_idle(engine: Any) -> None:
    """Gives pyttsx3's espeak driver the idle clock (other drivers have their own loops)."""
    if getattr(engine, "driver_name", None) != "espeak":
        return
    from pyttsx3.drivers import _espeak
    from pyttsx3.drivers import espeak as driver

    driver.time = _IdleClock(_espeak.IsPlaying)


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 300 else text[:297] + "..."


def _voice_info(voice: Any) -> VoiceInfo:
    languages = tuple(normalize_language(code) for code in (getattr(voice, "languages", None) or ()))
    return VoiceInfo(str(voice.id), str(getattr(voice, "name", None) or voice.id),
                     tuple(code for code in languages if code))


def _requests(channel: _Channel, workdir: str) -> queue.Queue:
    """Reads requests in a thread. When the guide goes away (its end of the pipe closes), the
    worker exits at once, even if the engine is stuck: no orphan process is left behind."""
    requests: queue.Queue = queue.Queue()

    def read() -> None:
        try:
            while True:
                request = channel.recv()
                requests.put(request)
                if request is None:
                    return
        except Exception:  # noqa: BLE001 - EOF or a broken pipe: the guide has gone
            shutil.rmtree(workdir, ignore_errors=True)
            os._exit(0)

    threading.Thread(target=read, name="voiceguide-tts-requests", daemon=True).start()
    return requests


def worker_main() -> None:
    """The worker process (``python -m voiceguide.speaking.tts``): one request in, one answer out.

    The first message is (sys.path, pickled engine factory, work directory);
    then each request is (job, text, properties) or None to quit. The audio
    of a job is left in the work directory as ``JOB.wav`` for the guide to read.
    """
    channel = _worker_channel()
    try:
        path, factory_pickle, workdir = channel.recv()
    except EOFError:
        return
    requests = _requests(channel, workdir)
    try:
        sys.path[:] = path     # before unpickling: the factory may live in the caller's modules
        engine = pickle.loads(factory_pickle)()
        _wake_when_idle(engine)
        voices = [_voice_info(v) for v in (engine.getProperty("voices") or ())]
        if getattr(engine, "driver_name", None) == "espeak":
            engine.runAndWait()   # leaves pyttsx3's queue idle, so properties apply when set
    except BaseException as exc:  # noqa: BLE001 - anything at start-up means "no TTS"
        channel.send(("failed", _describe(exc)))
        return
    channel.send(("ready", voices))
    applied: dict[str, object] = {}
    while (request := requests.get()) is not None:
        job, text, props = request
        out = _audio_file(workdir, job)
        try:
            for name, value in props.items():
                if value is not None and applied.get(name) != value:
                    engine.setProperty(name, value)
                    applied[name] = value
            _settle(engine)
            engine.save_to_file(text, out)
            engine.runAndWait()
            _settle(engine)
            if not os.path.exists(out):
                raise RuntimeError("the engine wrote no audio file")
            channel.send(("ok", job))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which decides
            _remove(out)
            channel.send(("error", job, _describe(exc)))


def _audio_file(workdir: str, job: int) -> str:
    return os.path.join(workdir, f"{job}.wav")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _private_tmp() -> str | None:
    """Rendered speech goes through a file (pyttsx3's only way out): keep it in RAM when possible."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


_WORKDIR = "voiceguide-tts-"


def _sweep_stale(root: str | None) -> None:
    """Removes the work folders of guides that are gone. A guide killed outright (SIGKILL, a crash, the power cut)
    cannot remove its own; each folder is named with its guide's process number, and one whose process no longer
    exists is left over. Folders named before that (no number) are removed once empty and an hour old."""
    root = root or tempfile.gettempdir()
    try:
        names = [n for n in os.listdir(root) if n.startswith(_WORKDIR)]
    except OSError:
        return
    for name in names:
        path = os.path.join(root, name)
        owner = name[len(_WORKDIR):].split("-", 1)[0]
        try:
            if owner.isdigit():
                if _alive(int(owner)):
                    continue
            elif os.listdir(path) or time.time() - os.path.getmtime(path) < 3600:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if sys.platform.startswith("win"):
        return True   # os.kill there ends the process: never swept
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:   # someone else's process (PermissionError): alive
        return True
    return True


def _worker_env(workdir: str) -> dict[str, str]:
    """The worker's environment: the guide's, kept away from the sound server.

    espeak-ng initialises PulseAudio even when it only renders to files, and
    where no session runtime folder exists (no XDG_RUNTIME_DIR: a headless
    machine, a service) libpulse then leaves a /tmp/pulse-* folder and a
    ~/.config/pulse/*-runtime link behind at every start. The worker never
    plays sound, so it is given an unreachable server and a runtime folder
    inside its own work folder, which goes when the worker goes.
    """
    env = dict(os.environ)
    env["PULSE_SERVER"] = "unix:" + os.path.join(workdir, "aucun-serveur-de-son")
    env["PULSE_RUNTIME_PATH"] = workdir
    return env


_EOF = object()


class TtsWorker:
    """One pyttsx3 engine in a child process, with time-outs, kill and restart.

    A plain subprocess (``python -m voiceguide.speaking.tts``) rather than
    multiprocessing: spawning through multiprocessing re-runs the caller's
    main script, which breaks any script without a ``__main__`` guard.
    ``engine_factory`` is pickled (by reference) to the worker, so it must be
    importable there: a module-level function or class.
    """

    def __init__(self, engine_factory: EngineFactory = pyttsx3_engine, *,
                 start_timeout: float = START_TIMEOUT) -> None:
        self._factory = engine_factory
        self._start_timeout = start_timeout
        self._process: subprocess.Popen | None = None
        self._channel: _Channel | None = None
        self._answers: queue.Queue = queue.Queue()
        self._workdir: str | None = None
        self._job = 0
        self._lock = threading.RLock()
        self._ready = False    # the running process has said "ready"
        self.voices: list[VoiceInfo] = []
        self.starts = 0        # how many worker processes were started (restarts = starts - 1)

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def launch(self) -> None:
        """Starts the worker process, if none is running, without waiting for its engine (``start`` waits)."""
        with self._lock:
            if self.alive:
                return
            self._kill()
            _sweep_stale(_private_tmp())
            self._workdir = tempfile.mkdtemp(prefix=f"{_WORKDIR}{os.getpid()}-", dir=_private_tmp())
            flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform.startswith("win") else 0
            try:
                process = subprocess.Popen(
                    [sys.executable, "-m", "voiceguide.speaking.tts"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL, creationflags=flags, env=_worker_env(self._workdir))
            except OSError as exc:
                raise TtsCrashed(f"La synthèse vocale n'a pas pu être lancée ({exc}).") from None
            self._process = process
            self._channel = _Channel(process.stdout, process.stdin)
            self._answers = queue.Queue()
            threading.Thread(target=self._read_answers, args=(self._channel, self._answers),
                             name="voiceguide-tts-reader", daemon=True).start()
            self.starts += 1
            self._ready = False
            try:
                self._channel.send((list(sys.path), pickle.dumps(self._factory), self._workdir))
            except (BrokenPipeError, OSError):
                self._kill()
                raise TtsCrashed("La synthèse vocale s'est arrêtée au démarrage.") from None

    def start(self) -> list[VoiceInfo]:
        """Starts the worker (if not running), waits for its engine and returns the engine's voices."""
        with self._lock:
            if self.alive and self._ready:
                return self.voices
            self.launch()
            process = self._process
            assert process is not None   # launch() started it or raised
            message = self._next_answer(self._start_timeout)
            if message is None:
                self._kill()
                raise TtsTimeout(f"La synthèse vocale n'a pas démarré en {self._start_timeout:.0f} secondes.")
            if message is _EOF:
                code = process.wait()
                self._kill()
                raise TtsCrashed(f"La synthèse vocale s'est arrêtée au démarrage (code {code}).")
            if message[0] != "ready":
                self._kill()
                raise TtsEngineError(f"La synthèse vocale n'a pas pu démarrer ({message[1]}). {engine_hint()}")
            self.voices = list(message[1])
            self._ready = True
            return self.voices

    @staticmethod
    def _read_answers(channel: _Channel, answers: queue.Queue) -> None:
        try:
            while True:
                answers.put(channel.recv())
        except Exception:  # noqa: BLE001 - a broken stream means the worker is gone
            answers.put(_EOF)

    def _next_answer(self, timeout: float) -> Any:
        """The next answer, ``_EOF`` when the worker has gone, None after ``timeout`` seconds."""
        try:
            return self._answers.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None

    def render(self, text: str, props: dict[str, object], timeout: float | None = None) -> Audio:
        """Renders ``text`` with the given engine properties (voice, rate, volume).

        Raises TtsTimeout (the worker is then killed), TtsCrashed or TtsEngineError.
        """
        with self._lock:
            self.start()
            self._job += 1
            job = self._job
            limit = render_timeout(text) if timeout is None else timeout
            try:
                assert self._channel is not None   # start() made it
                self._channel.send((job, text, dict(props)))
            except (BrokenPipeError, OSError):
                self._kill()
                raise TtsCrashed("La synthèse vocale s'est arrêtée.") from None
            deadline = time.monotonic() + limit
            while True:
                message = self._next_answer(deadline - time.monotonic())
                if message is None:
                    self._kill()
                    raise TtsTimeout(f"La synthèse vocale ne répond plus (plus de {limit:.0f} secondes "
                                     f"pour une phrase).")
                if message is _EOF:
                    code = self._process.wait() if self._process else None
                    self._kill()
                    raise TtsCrashed(f"La synthèse vocale s'est arrêtée brutalement (code {code}).")
                if message[1] != job:   # the answer to a request whose caller gave up
                    if message[0] == "ok" and self._workdir is not None:
                        _remove(_audio_file(self._workdir, message[1]))
                    continue
                if message[0] == "error":
                    raise TtsEngineError(f"La synthèse vocale a échoué ({message[2]}).")
                return self._take(job)

    def _take(self, job: int) -> Audio:
        """Reads (and removes) the audio the worker left for ``job``."""
        from voiceguide.audio import read_engine_file

        assert self._workdir is not None   # the worker that answered has one
        path = _audio_file(self._workdir, job)
        try:
            audio = read_engine_file(path)
        except Exception as exc:  # noqa: BLE001 - an unreadable file is the engine's fault, as when it wrote none
            raise TtsEngineError(f"La synthèse vocale a échoué ({_describe(exc)}).") from None
        finally:
            _remove(path)
        if not audio.frames:
            raise TtsEngineError("La synthèse vocale n'a produit aucun son.")
        return audio

    def restart(self) -> None:
        """Kills the worker; the next render starts a fresh one."""
        with self._lock:
            self._kill()

    def close(self) -> None:
        """Asks the worker to quit, and kills it if it does not.

        A render in progress (another thread) is cut short: the worker is
        killed first, so that render fails at once instead of after its time-out.
        A worker still starting (launched, never ready) is killed at once.
        """
        if not self._lock.acquire(blocking=False):
            process = self._process
            if process is not None and process.poll() is None:
                process.kill()
            self._lock.acquire()
        try:
            process = self._process
            if self.alive and self._ready and self._channel is not None and process is not None:
                try:
                    self._channel.send(None)
                    process.wait(1.0)
                except (BrokenPipeError, OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()
        finally:
            self._lock.release()

    def _kill(self) -> None:
        process, self._process = self._process, None
        self._channel = None
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.wait()
            for pipe in (process.stdin, process.stdout):
                try:
                    if pipe is not None:
                        pipe.close()
                except OSError:
                    pass
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None


# --------------------------------------------------------------------------- synthesizer

class Synthesizer:
    """The voice, rate and volume to render with, a cache, and the retry policy.

    A fault (time-out, crash, engine error) restarts the worker and tries the
    same text once more; a second fault raises TtsFailed.
    """

    def __init__(self, voice: str | None = None, rate_wpm: int = 165, volume: float = 0.8, *,
                 engine_factory: EngineFactory = pyttsx3_engine, start_timeout: float = START_TIMEOUT,
                 timeout: Callable[[str], float] = render_timeout,
                 cache_seconds: float = CACHE_SECONDS, worker: TtsWorker | None = None) -> None:
        """``worker``: one already launched (then ``engine_factory`` and ``start_timeout`` are its own)."""
        self.worker = worker or TtsWorker(engine_factory, start_timeout=start_timeout)
        self.wanted_voice = voice
        self.rate_wpm = clamp_rate(rate_wpm)
        self.volume = max(0.0, min(1.0, float(volume)))
        self.choice: VoiceChoice | None = None
        self.faults = 0
        self._timeout = timeout
        self._cache: OrderedDict[tuple, Audio] = OrderedDict()
        self._cache_samples = 0
        from voiceguide.audio import PLAYBACK_RATE

        self._cache_limit = int(cache_seconds * PLAYBACK_RATE)
        self._lock = threading.Lock()

    def start(self) -> VoiceChoice:
        """Starts the engine and picks the voice; raises TtsError when there is no working TTS."""
        voices = self.worker.start()
        if self.choice is None:
            self.choice = choose_voice(voices, self.wanted_voice)
        return self.choice

    @property
    def voice_id(self) -> str | None:
        return self.choice.voice.id if self.choice and self.choice.voice else None

    def synth(self, text: str, rate_wpm: int | None = None, volume: float | None = None) -> Audio:
        """Audio for one piece of text (a sentence, ideally), from the cache when already rendered."""
        if self.choice is None:
            self.start()
        key = self._key(text, rate_wpm, volume)
        text, voice, rate, vol = key
        if not is_speakable(text):
            import numpy as np

            from voiceguide.audio import PLAYBACK_RATE, Audio

            return Audio(np.zeros(0, dtype=np.int16), PLAYBACK_RATE)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        props: dict[str, object] = {"voice": voice, "rate": rate, "volume": vol}
        try:
            audio = self.worker.render(text, props, self._timeout(text))
        except TtsError:
            self.faults += 1
            self.worker.restart()
            try:
                audio = self.worker.render(text, props, self._timeout(text))
            except TtsError as again:
                self.faults += 1
                raise TtsFailed(again.message) from again
        self._remember(key, audio)
        return audio

    def cached(self, text: str, rate_wpm: int | None = None, volume: float | None = None) -> bool:
        """Whether ``text`` is already rendered with these settings."""
        return self._key(text, rate_wpm, volume) in self._cache

    def _key(self, text: str, rate_wpm: int | None, volume: float | None) -> tuple[str, str | None, int, float]:
        """The cache key, which is also what is rendered: text, voice, rate and volume as the engine gets them."""
        rate = clamp_rate(self.rate_wpm if rate_wpm is None else rate_wpm)
        vol = round(max(0.0, min(1.0, self.volume if volume is None else volume)), 3)
        return " ".join(text.split()), self.voice_id, rate, vol

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()
            self._cache_samples = 0

    def _remember(self, key: tuple, audio: Audio) -> None:
        with self._lock:
            self._cache[key] = audio
            self._cache_samples += len(audio.samples)
            while self._cache_samples > self._cache_limit and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._cache_samples -= len(old.samples)

    def close(self) -> None:
        self.worker.close()


if __name__ == "__main__":
    # Run the copy imported under its real name, so that whatever of this module the
    # worker pickles names voiceguide.speaking.tts and not __main__.
    from voiceguide.speaking.tts import worker_main as _main

    _main()
