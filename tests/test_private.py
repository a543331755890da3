"""Nothing written behind the user's back: only the settings (``setup``), the progress, and the events
log when asked for.

Each run gets its own HOME, XDG directories, working folder and TMPDIR (all
empty), and every Python process of the run (the guide and its speech
worker) records each file it opens for writing, each folder and link it
creates, through the audit hook of tests/sandbox.py. Afterwards:

* the home holds at most the progress file, the working folder at most the
  events log that was asked for, TMPDIR nothing;
* every other path that was written (the speech worker's WAV files in
  /dev/shm, the model's shadow folder...) is gone;
* no file left anywhere in those places holds audio, nor a word of what the
  user said (the events log excepted, where the carer asked for it).

The events log itself is private: created readable by its owner only,
without the keys that are no command, and with « # » for every digit typed
(text mode), pressed (keyboard mode, on a real terminal) or heard (a
recogniser's result handed to the real session).

The only stand-in is the sound card (a fake ``sounddevice`` in the children,
see sandbox.py), so that the real speech worker runs and writes what
it writes.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import CLI_TIMEOUT, assert_no_traceback, read_events
from sandbox import (
    SMALL_GUIDE,
    Sandbox,
    Terminal,
    ko_model,
    korean_wavs,
    read_log,
    run_in,
    sandbox,
)

from voiceguide.dialog.machine import Dialog
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.turns import EndOfInput, Utterance
from voiceguide.session.events import EventLog
from voiceguide.session.session import Session
from voiceguide.session.turntaking import Inputs, TurnTaking
from voiceguide.speaking.speaker import SilentSpeaker

# A word nobody would write by chance: if it is found on disk, what the user said was kept.
SECRET = "zorglub-quarante-deux"


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def progress_file(box: Sandbox) -> Path:
    return box.home / ".local" / "share" / "voiceguide" / "progress.json"


def settings_file(box: Sandbox) -> Path:
    return box.home / ".config" / "voiceguide" / "settings.yaml"


def holds_audio(path: Path) -> bool:
    if path.suffix.lower() in (".wav", ".aiff", ".aif", ".raw", ".pcm", ".mp3", ".ogg", ".flac"):
        return True
    with path.open("rb") as f:
        head = f.read(12)
    return head[:4] in (b"RIFF", b"FORM", b"OggS", b"fLaC") or head[:3] == b"ID3"


def check_nothing_else(box: Sandbox, allowed: Sequence[Path], inputs: Sequence[Path] = (),
                       audio_asked: bool = False) -> None:
    """The checks of the module docstring.

    ``allowed``: the files the user asked for, and the progress file;
    ``inputs``: the user's own files given to the run; ``audio_asked``: the
    allowed files are audio on purpose (``render``).
    """
    allowed_set = {p.resolve() for p in allowed}
    left = [p for folder in (box.home, box.cwd, box.tmpdir) for p in files_under(folder)]
    unexpected = [p for p in left if p.resolve() not in allowed_set and p.resolve() not in inputs]
    assert unexpected == [], f"files written behind the user's back: {unexpected}"
    assert list(box.tmpdir.iterdir()) == [], "TMPDIR is not empty after the run"
    log = read_log(box.log)
    assert any(line.kind == "start" for line in log), "the write recorder did not run"
    written = {Path(line.fields[0]) for line in log if line.kind in ("write", "create")} - {Path("/dev/null")}
    still_there = [p for p in written
                   if (p.exists() or p.is_symlink()) and p.resolve() not in allowed_set
                   and not _is_parent_of_allowed(p, allowed_set)]
    assert still_there == [], f"written during the run and left behind: {still_there}"
    for path in left:
        if path.resolve() in inputs:
            continue
        assert audio_asked or not holds_audio(path), f"audio on disk: {path}"
        if path.name == "progress.json":
            assert SECRET.encode() not in path.read_bytes(), f"what the user said is kept in {path}"


def _is_parent_of_allowed(path: Path, allowed: set[Path]) -> bool:
    """The folders that hold an allowed file (the progress file's voiceguide/ folder)."""
    return path.is_dir() and any(path.resolve() in a.parents for a in allowed)


def private_box(tmp_path: Path, fake_audio: bool = False) -> Sandbox:
    # No .pyc files: Python's own cache is not the program writing, and would blur the record.
    box = sandbox(tmp_path, block_network=True, fake_audio=fake_audio)
    box.env["PYTHONDONTWRITEBYTECODE"] = "1"
    return box


def test_a_text_session_with_real_speech_leaves_only_progress_and_the_asked_for_log(tmp_path: Path) -> None:
    box = private_box(tmp_path, fake_audio=True)
    events = box.cwd / "journal.jsonl"
    lines = ["suivant", "suivant", SECRET, "aide", "j'ai oublié mon code", "répéter"]
    result = run_in(box, ["run", "--input", "text", "--events", str(events)], "".join(f"{x}\n" for x in lines))
    assert result.code == 0, result.stderr
    assert_no_traceback(result)
    log = read_log(box.log)
    assert any("voiceguide.speaking.tts" in line.fields[0] for line in log if line.kind == "start")
    assert any(line.kind == "sound" for line in log), "the worker did not speak: nothing was tested"
    worker_files = [line for line in log if line.kind == "write" and line.fields[0].endswith(".wav")]
    assert worker_files, "the speech worker's audio files were not seen"
    assert progress_file(box).exists() and not settings_file(box).exists()
    assert SECRET in [e.get("text") for e in read_events(events)]   # where the carer asked for it
    check_nothing_else(box, [events, progress_file(box)])


@pytest.mark.parametrize("args, typed", [
    (["run", "--input", "text", "--tts", "none"], f"suivant\n{SECRET}\nsuivant\n"),
    (["run", "--input", "keyboard", "--tts", "none"], " h r"),
    (["run", "--input", "text", "--tts", "none", "--guide", str(SMALL_GUIDE)],
     f"suivant\n{SECRET}\npar courrier\nsuivant\n"),
], ids=["text", "keyboard", "guide finished"])
def test_without_an_events_log_only_the_progress_is_kept(tmp_path: Path, args: list[str], typed: str) -> None:
    box = private_box(tmp_path)
    result = run_in(box, args, typed)
    assert result.code == 0, result.stderr
    assert_no_traceback(result)
    finished = "--guide" in args
    # a finished guide has nothing to resume: its progress is not kept
    assert progress_file(box).exists() is not finished
    check_nothing_else(box, [progress_file(box)])


def test_quitting_at_once_writes_nothing_at_all(tmp_path: Path) -> None:
    box = private_box(tmp_path)
    result = run_in(box, ["run", "--input", "text", "--tts", "none"], "quitter\noui\n")
    assert result.code == 0
    assert not progress_file(box).exists()
    check_nothing_else(box, [])


def test_audio_mode_leaves_no_audio_no_transcript_and_no_model_copy(tmp_path: Path) -> None:
    model = ko_model()
    wavs = korean_wavs(tmp_path / "enregistrements", ["메뉴", "컴퓨터"])
    box = private_box(tmp_path / "box")
    result = run_in(box, ["run", "--input", "audio", "--audio-in", *map(str, wavs), "--fast", "--tts", "none",
                          "--model", str(model)])
    assert result.code == 1 and "modèle français" in result.stderr   # the Korean model is refused
    assert_no_traceback(result)
    creations = [line.fields[0] for line in read_log(box.log) if line.kind == "create"]
    assert any("voiceguide-model-" in c for c in creations), "the model's shadow folder was not seen"
    check_nothing_else(box, [], inputs=[w.resolve() for w in wavs])
    assert [p.name for p in files_under(tmp_path / "enregistrements")] == ["ko-0.wav", "ko-1.wav"]


def test_setup_writes_the_settings_it_was_asked_for_and_nothing_else(tmp_path: Path) -> None:
    box = private_box(tmp_path)
    # The screen step (no sight, no screen reader), then no model download.
    result = run_in(box, ["setup", "--input", "text", "--tts", "none"], "non\nnon\nnon\n")
    assert result.code == 0, result.stderr
    assert_no_traceback(result)
    assert settings_file(box).exists()
    check_nothing_else(box, [settings_file(box)])


def test_render_writes_only_into_the_folder_it_was_given(tmp_path: Path) -> None:
    box = private_box(tmp_path)
    out = box.cwd / "rendu"
    result = run_in(box, ["render", "--out", str(out), "--guide", str(SMALL_GUIDE)])
    assert result.code == 0, result.stderr
    rendered = files_under(out)
    names = " ".join(p.name for p in rendered)
    assert all(f"-{step}.wav" in names for step in ("bienvenue", "choisir", "par-email", "par-courrier", "fin"))
    check_nothing_else(box, rendered, audio_asked=True)


# --------------------------------------------------------------------------- the events log is private

SSN = "1 85 03 75 123 456 78"          # a social-security number, as a person types it
SSN_DIGITS = SSN.replace(" ", "")
PASSWORD = "jazbuk"   # letters that are no command keys (those are written: they are what the guide did)


def said_fields(events: list[dict]) -> list[str]:
    """Everything the log holds of what the person typed, pressed or said."""
    fields = []
    for event in events:
        fields += [event[name] for name in ("heard", "key") if name in event]
        if event["event"] == "utterance":
            fields.append(event["text"])
    return fields


def assert_no_digit_kept(log: Path, events: list[dict]) -> None:
    # the times are the guide's own numbers: « "t": 0.123 » holds « 123 » one run in a thousand
    raw = re.sub(r'"t": [0-9.e-]+', '"t": 0', log.read_text(encoding="utf-8"))
    assert SSN_DIGITS not in raw and "456 78" not in raw and "123" not in raw, raw
    assert not [text for text in said_fields(events) if any(c.isdigit() for c in text)], said_fields(events)


@pytest.fixture
def open_umask():
    """The loosest umask: without an explicit mode a new file would be readable (and writable) by all."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_a_number_typed_in_text_mode_never_reaches_the_log_which_only_its_owner_reads(tmp_path: Path,
                                                                                      open_umask: None) -> None:
    box = private_box(tmp_path)
    log = box.cwd / "journal.jsonl"
    typed = ["suivant", SSN, SSN_DIGITS, f"mon numéro est le {SSN}", "suivant", "quitter", "oui"]
    result = run_in(box, ["run", "--input", "text", "--tts", "none", "--events", str(log)],
                    "".join(f"{line}\n" for line in typed))
    assert result.code == 0, result.stderr
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    events = read_events(log)
    assert_no_digit_kept(log, events)
    heard = [e["text"] for e in events if e["event"] == "utterance"]
    assert heard == ["suivant", "# # # # # # #", "#", "mon numéro est le # # # # # # #", "suivant", "quitter", "oui"]
    assert [e["heard"] for e in events if e["event"] == "nomatch"] == ["# # # # # # #", "#",
                                                                     "mon numéro est le # # # # # # #"]


@pytest.mark.parametrize("mode", [0o640, 0o600])
def test_an_existing_log_keeps_its_mode(tmp_path: Path, open_umask: None, mode: int) -> None:
    box = private_box(tmp_path)
    log = box.cwd / "journal.jsonl"
    log.write_text("ancien\n", encoding="utf-8")
    log.chmod(mode)
    result = run_in(box, ["run", "--input", "text", "--tts", "none", "--events", str(log)], "quitter\noui\n")
    assert result.code == 0, result.stderr
    assert stat.S_IMODE(log.stat().st_mode) == mode    # never widened (nor changed behind the carer's back)
    assert "ancien" not in log.read_text(encoding="utf-8")


def test_a_number_typed_key_by_key_in_keyboard_mode_is_kept_nowhere(tmp_path: Path) -> None:
    # A real terminal (pty): the person thinks the browser has the focus and types their number, then a
    # password, into the guide's window. Only the keys that are commands here reach the log.
    box = private_box(tmp_path)
    log = box.cwd / "journal.jsonl"
    terminal = Terminal(box, ["run", "--input", "keyboard", "--tts", "none", "--events", str(log)])
    try:
        terminal.read_until(b"Bonjour")
        terminal.type(b" ")                     # « suivant »: on to a step with no choice
        terminal.read_until(b"Pour commencer")
        terminal.type((SSN_DIGITS + PASSWORD).encode(), pause=0.05)   # the number, then a password
        terminal.read_until("arrivées dans la fenêtre du guide".encode())   # told once the typing stops
        terminal.type(b"q")
        terminal.read_until(b"vraiment quitter")
        terminal.type(b"o")
        terminal.read_until(b"Au revoir")
        assert terminal.process.wait(timeout=CLI_TIMEOUT) == 0
    finally:
        terminal.close()
    events = read_events(log)
    assert_no_digit_kept(log, events)
    assert [e["key"] for e in events if e["event"] == "key"] == ["space", "q", "o"]
    assert all(e["heard"] == "" for e in events if e["event"] in ("nomatch", "command") and "heard" in e)
    assert not set(PASSWORD) & set(said_fields(events))
    assert [e.get("typing") for e in events if e["event"] == "nomatch"] == [True]   # received, and refused once


class HeardSource:
    """What the recogniser would hand over: the one stand-in here is its result (no French model can be had,
    and the Korean model hears no French digits), the session, dialog and log are the real ones."""

    def __init__(self, heard: list[str]) -> None:
        self.heard = list(heard)

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Utterance:
        if not self.heard:
            raise EndOfInput
        return Utterance(text=self.heard.pop(0), confidence=0.62, source="micro", start=0.3, end=2.1)

    def close(self) -> None:
        pass


def test_a_number_heard_by_the_recogniser_never_reaches_the_log(tmp_path: Path) -> None:
    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    log_path = tmp_path / "journal.jsonl"
    events = EventLog.open(log_path)
    heard = ["suivant", "mon numéro c'est un 85 03 75 123 456 78", SSN, "٣٤٥ ¹²"]   # any script's digits too
    session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide),
                      TurnTaking(SilentSpeaker(), Inputs(lines=HeardSource(heard))), io.StringIO(), events)
    session.run()
    events.close()
    logged = read_events(log_path)
    assert_no_digit_kept(log_path, logged)
    assert [e["text"] for e in logged if e["event"] == "utterance"] == [
        "suivant", "mon numéro c'est un # # # # # #", "# # # # # # #", "# #"]
    assert all(e["source"] == "micro" for e in logged if e["event"] == "utterance")


def test_a_huge_typed_line_is_logged_shortened() -> None:
    import io

    from voiceguide.session.events import MAX_SAID_CHARS, EventLog

    stream = io.StringIO()
    EventLog(stream).write({"event": "utterance", "text": "a" * 1_000_000, "confidence": 1.0, "source": "text"})
    assert len(stream.getvalue()) < MAX_SAID_CHARS + 200
