"""Finding a running screen reader by its process, on this Linux machine: real processes, real /proc."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from voiceguide.carer.screen_reader import running_screen_reader

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")


@contextmanager
def running_named(tmp_path: Path, name: str, script: bool = False) -> Iterator[subprocess.Popen]:
    """``start_named``'s process, while no other test runs a guide that would find it (tests/sandbox.py)."""
    from conftest import a_screen_reader_running

    with a_screen_reader_running():
        proc = start_named(tmp_path, name, script)
        try:
            yield proc
        finally:
            proc.kill()
            proc.wait()


def start_named(tmp_path: Path, name: str, script: bool = False) -> subprocess.Popen:
    """A real process called ``name``: a copy of sleep, or a Python script of that name (as Orca runs)."""
    if script:
        path = tmp_path / name
        path.write_text("import time\ntime.sleep(60)\n")
        proc = subprocess.Popen([sys.executable, str(path)])
    else:
        path = tmp_path / name
        shutil.copy(shutil.which("sleep"), path)
        proc = subprocess.Popen([str(path), "60"])
    time.sleep(0.2)   # let /proc show it (a start, not a timing)
    return proc


def test_no_reader_here() -> None:
    from conftest import no_screen_reader_running

    with no_screen_reader_running():   # another test's « orca » ended
        assert running_screen_reader() is None


@pytest.mark.parametrize("name, script, reader", [("orca", True, "Orca"), ("orca", False, "Orca"),
                                                  ("nvda.exe", False, "NVDA")])
def test_a_running_reader_is_found_by_its_process(tmp_path: Path, name: str, script: bool, reader: str) -> None:
    from conftest import no_screen_reader_running

    with running_named(tmp_path, name, script):
        assert running_screen_reader() == reader
    with no_screen_reader_running():
        assert running_screen_reader() is None


def test_an_unreadable_proc_is_no_reader(tmp_path: Path) -> None:
    assert running_screen_reader(tmp_path / "absent") is None


# ------------------------------------------------------------------ the dialog asks once


def test_the_dialog_asks_first_then_welcomes_or_offers_to_resume() -> None:
    from voiceguide.dialog.intent import Intent
    from voiceguide.dialog.machine import SCREEN_READER, Dialog, Mode
    from voiceguide.guide import DEFAULT_GUIDE, load_guide
    from voiceguide.language.vocabulary import load_vocabulary

    guide = load_guide(DEFAULT_GUIDE)
    dialog = Dialog(guide, load_vocabulary())
    asked, reply = dialog.offer_screen_reader("Orca")
    assert asked.mode == Mode.CONFIRM and "Orca" in reply.say[0] and reply.events[0]["name"] == SCREEN_READER
    state, reply = dialog.handle(asked, Intent("yes"))
    assert state.mode == Mode.STEP and state.step == guide.start
    assert reply.events[1] == {"event": "setting", "name": SCREEN_READER, "value": True}
    assert reply.events[2]["event"] == "step"
    state, reply = dialog.handle(asked, Intent("no"))
    assert reply.events[1]["value"] is False and state.step == guide.start
    later, _ = dialog.offer_screen_reader("NVDA", resume="saisir-code")
    state, reply = dialog.handle(later, Intent("yes"))
    assert state.mode == Mode.CONFIRM and state.pending is not None and state.pending.target == "saisir-code"


# ------------------------------------------------------------------ the whole program, on a terminal


def screen_reader_run(tmp_path: Path, answer: bytes) -> tuple[str, list, Path]:
    """The guide on a real pty, with a process called orca running and the stand-in sound card."""
    from sandbox import Terminal, read_log, sandbox

    box = sandbox(tmp_path / "box", fake_audio=True)
    with running_named(tmp_path, "orca"):
        term = Terminal(box, ["run", "--input", "keyboard"])
        try:
            term.read_until(b"lire ses lignes ?")
            before = [line for line in read_log(box.log) if line.kind == "sound"]
            assert before == [], "the guide spoke over the screen reader"
            term.type(answer)
            term.read_until(b"Bonjour.")
            term.type(b"q")
            term.read_until(b"quitter le guide ?")
            term.type(b"o")
            term.read_until(b"Au revoir")
            term.read_until(b"mode lecteur d")   # the choice kept, said last: its line is read too
            assert term.process.wait(timeout=30) == 0
        finally:
            term.close()
    return term.seen.decode("utf-8", "replace"), read_log(box.log), box.home


def test_a_running_reader_is_asked_about_and_yes_keeps_the_guide_silent(tmp_path: Path) -> None:
    seen, log, home = screen_reader_run(tmp_path, b"o")
    assert not [line for line in log if line.kind == "sound"], "the guide's own voice was heard"
    after = seen.split("lire ses lignes ?", 1)[1]
    assert "«" not in after and "»" not in after        # plain lines for the reader: no guillemets
    settings = (home / ".config" / "voiceguide" / "settings.yaml").read_text(encoding="utf-8")
    assert "screen_reader: true" in settings


def test_no_lets_the_guide_speak_and_is_kept_too(tmp_path: Path) -> None:
    seen, log, home = screen_reader_run(tmp_path, b"n")
    assert [line for line in log if line.kind == "sound"], "the guide did not speak after « non »"
    settings = (home / ".config" / "voiceguide" / "settings.yaml").read_text(encoding="utf-8")
    assert "screen_reader: false" in settings


def test_the_screen_reader_option_never_starts_the_guides_voice(tmp_path: Path) -> None:
    from sandbox import read_log, run_in, sandbox

    box = sandbox(tmp_path / "box", fake_audio=True)
    result = run_in(box, ["run", "--input", "text", "--screen-reader"], "suivant\nquitter\noui\n")
    assert result.code == 0
    log = read_log(box.log)
    assert not [line for line in log if line.kind == "sound"]
    assert not [line for line in log if line.kind == "start" and "voiceguide.speaking.tts" in " ".join(line.fields)]
    assert "«" not in result.stdout and "Pour continuer, tapez suivant." in result.stdout
