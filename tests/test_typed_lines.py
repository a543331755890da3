"""Typed lines (``voiceguide run --input text``) are answered as typed: « tapez », never « dites ».

The real program in a subprocess, lines on stdin, and on a real terminal (a pseudo-terminal) where a
person types them; the same walk with keys names keys, and a session fed recordings of a voice (real
vosk with the Korean model) still says « dites ». The dialog tests (tests/test_dialog.py) check every
reply of every step in each way of answering; these check what the program really prints.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from conftest import CLI_TIMEOUT, assert_no_traceback
from sandbox import KO_GUIDE, Terminal, ko_model, korean_wavs, sandbox

from voiceguide.guide import DEFAULT_GUIDE, Guide, load_guide

# What assumes a voice: asked to say, to speak, or told that the guide listens.
SPEECH = re.compile(r"\b(dites|redites|dire|dit|parlez|parler|prononcez)\b|je vous écoute", re.IGNORECASE)

# Help twice, a silence and two misunderstandings, « où suis-je », the sommaire (and something not
# understood there), back, a yes/no question (silence and help there), a voice setting, a pause,
# « quitter » answered « non », then « quitter » and « oui ».
WALK = ["aide", "aide", "suivant", "", "zorglub", "zorglub", "où suis-je", "sommaire", "zorglub", "suivant",
        "suivant", "suivant", "suivant", "", "aide", "plus lentement", "oui", "pause", "reprendre",
        "quitter", "non", "quitter", "oui"]
# The same walk with keys (no silences: a pipe has none): Entrée is « suivant », Z a key that is no command.
KEYS = "hh\nzzemz\n\n\n\nhlosrqnqo"


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(DEFAULT_GUIDE)


def replies(stdout: str, guide: Guide) -> list[str]:
    """What the guide printed, without the guide's own texts (its author's words: « sans le dire à voix haute »)."""
    own = sorted({" ".join(t.split()) for s in guide.steps for t in (s.say, s.details or "", s.on_screen or "") if t},
                 key=len, reverse=True)
    lines = []
    for line in stdout.splitlines():
        for text in own:
            line = line.replace(text, "")
        lines.append(line)
    return lines


def voiceguide() -> list[str]:
    """The console script installed beside this Python (``voiceguide``), else ``python -m voiceguide``."""
    script = Path(sys.executable).parent / "voiceguide"
    return [str(script)] if script.exists() else [sys.executable, "-m", "voiceguide"]


def speech_in(lines: list[str]) -> list[str]:
    return [line for line in lines if SPEECH.search(line.replace("Voulez-vous dire", ""))]


def test_a_typed_walk_is_told_to_type_never_to_speak(run_cli, guide: Guide, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_cli(["run", "--input", "text", "--tts", "none"], "".join(f"{line}\n" for line in WALK),
                     home=home, command=voiceguide())
    assert result.code == 0 and result.stderr == ""
    assert_no_traceback(result)
    shown = replies(result.stdout, guide)
    assert speech_in(shown) == []
    said = "\n".join(shown)
    for typed in ("À tout moment, tapez « aide »", "Pour continuer, tapez « suivant ».",
                  "Pour tout entendre, retapez « aide ».", "Quand c'est fait, tapez « suivant ».",
                  "Tapez le nom d'une partie ou son numéro.", "Répondez par oui ou par non",
                  "Tapez « reprendre » quand vous voulez reprendre.",
                  "Voulez-vous vraiment quitter le guide ? Tapez oui ou non.", "Au revoir"):
        assert typed in said, (typed, said)
    assert "Vous êtes à l'étape" in said and "Sommaire, 15 parties." in said and "Comme ceci ?" in said

    # The next day, the same person is asked whether to go on where they were, and « aide » there.
    again = run_cli(["run", "--input", "text", "--tts", "none"], "aide\nnon\nquitter\noui\n", home=home,
                    command=voiceguide())
    assert again.code == 0
    shown = replies(again.stdout, guide)
    assert speech_in(shown) == []
    assert "Voulez-vous reprendre où vous en étiez ? Tapez oui ou non." in "\n".join(shown)


def test_the_same_walk_with_keys_names_keys(run_cli, guide: Guide) -> None:
    result = run_cli(["run", "--input", "keyboard", "--tts", "none"], KEYS)
    assert result.code == 0
    shown = "\n".join(replies(result.stdout, guide))
    assert speech_in(shown.splitlines()) == [] and "tapez «" not in shown.lower()
    for keyed in ("appuyez sur H", "Touches utiles", "Appuyez sur le numéro d'une partie",
                  "Appuyez sur la touche O pour oui, la touche N pour non.", "Au revoir"):
        assert keyed in shown, (keyed, shown)


def test_lines_typed_on_a_terminal_are_answered_as_typed(tmp_path: Path, guide: Guide) -> None:
    """A person at a real terminal types a line and Entrée, as in the walk above."""
    term = Terminal(sandbox(tmp_path / "box"), ["run", "--input", "text", "--tts", "none"])
    try:
        term.read_until("tapez « aide » pour savoir quoi faire.".encode())
        term.type(b"aide\r")
        term.read_until("retapez « aide ».".encode())
        term.type(b"quitter\r")
        term.read_until(b"Tapez oui ou non.")
        term.type(b"oui\r")
        assert term.process.wait(timeout=CLI_TIMEOUT) == 0
    finally:
        term.close()
    shown = term.seen.decode("utf-8", "replace").replace("\r", "")
    assert speech_in(replies(shown, guide)) == [] and "Traceback" not in shown


def test_recordings_of_a_voice_are_still_told_to_say(tmp_path: Path) -> None:
    """--input audio (WAV files of a voice), through the real recogniser: the wording of the voice, unchanged."""
    from voiceguide.dialog.machine import Dialog
    from voiceguide.dialog.matcher import IntentMatcher
    from voiceguide.language.vocabulary import load_vocabulary
    from voiceguide.listening.recognizer import RecognizerLoader
    from voiceguide.listening.spoken import AudioFileInput
    from voiceguide.session.events import EventLog
    from voiceguide.session.session import Session
    from voiceguide.session.turntaking import Inputs, TurnTaking
    from voiceguide.speaking.speaker import SilentSpeaker

    (tmp_path / "ko.yaml").write_text(KO_GUIDE, encoding="utf-8")
    guide, vocabulary = load_guide(tmp_path / "ko.yaml"), load_vocabulary()
    wavs = korean_wavs(tmp_path / "wav", ["컴퓨터"])
    loader = RecognizerLoader(ko_model()).start()
    out = io.StringIO()
    turns = TurnTaking(SilentSpeaker(), Inputs(lines=AudioFileInput(wavs, loader, fast=True)))
    Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide), turns, out, EventLog(None)).run()
    said = out.getvalue()
    assert "Quand c'est fait, dites « suivant »." in said and "À tout moment, dites « aide »" in said
    assert "tapez «" not in said.lower()
    assert "Vous êtes au milieu du guide." in said   # the recording was heard and acted on
