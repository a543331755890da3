"""The guide's pronunciation table: applied to speech only, checked against espeak-ng's own phonemes.

The phoneme checks run the real espeak-ng (``espeak-ng -v fr -x -q``), the
narrator and ``render`` tests the real pyttsx3 + espeak-ng; the only fake is
the sound card (``FakeOutputStream``, and the fake sounddevice of the
sandbox for the command line), which this machine does not have.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from sandbox import FakeOutputStream, sandbox

from voiceguide.carer.render import render_guide
from voiceguide.dialog.machine import Dialog
from voiceguide.guide import DEFAULT_GUIDE, Guide, Step, load_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.narrator import Narrator
from voiceguide.speaking.pronounce import respell
from voiceguide.speaking.sentences import speech_pieces
from voiceguide.speaking.speaker import open_speaker

GUIDE = load_guide(DEFAULT_GUIDE)

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng absent (apt-get install espeak-ng)")


def phonemes(text: str) -> str:
    """espeak-ng's French phonemes for ``text``, on one line."""
    out = subprocess.run(["espeak-ng", "-v", "fr", "-x", "-q", text], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


# ---------------------------------------------------------------- the rules of replacement

TABLE = (("Ameli", "Améli"), ("ameli.fr", "Améli point f r"), ("e-mail", "imèl"), ("touche E", "touche E comme Eugène"),
         ("C.M.U.C.", "C M U C"))


@pytest.mark.parametrize("written, said", [
    ("Connectez-vous à Ameli.", "Connectez-vous à Améli."),
    ("AMELI, ameli et Ameli", "Améli, Améli et Améli"),                 # whatever the case
    ("la page d'Ameli", "la page d'Améli"),                              # after an apostrophe
    ("Amelie et Amelia", "Amelie et Amelia"),                             # whole words only
    ("ouvrez ameli.fr puis Ameli", "ouvrez Améli point f r puis Améli"),  # the longest entry first
    ("votre e-mail, vos e-mails", "votre imèl, vos e-mails"),             # a plural needs its own entry
    ("Dites « où suis-je », touche E.", "Dites « où suis-je », touche E comme Eugène."),
    ("touche\n  E", "touche E comme Eugène"),                             # spaces of folded YAML text
    ("un e-mail, pas la touche Entrée", "un imèl, pas la touche Entrée"),  # « touche E » is not « touche Entrée »
    ("sélectionnez « C.M.U.C. », la", "sélectionnez « C M U C », la"),
])
def test_whole_words_any_case_longest_first(written, said):
    assert respell(written, TABLE) == said


def test_no_table_leaves_the_text_as_it_is():
    assert respell("Ameli", ()) == "Ameli"


def test_the_first_of_two_entries_for_one_word_wins():
    assert respell("Ameli", (("Ameli", "Améli"), ("AMELI", "autre"))) == "Améli"


def test_speech_pieces_respell_and_cut():
    pieces = speech_pieces("Dans la liste, sélectionnez « C.M.U.C. », la couverture. Puis ouvrez Ameli.", TABLE)
    assert pieces == ["Dans la liste, sélectionnez C M U C, la couverture.", "Puis ouvrez Améli."]


# ---------------------------------------------------------------- the bundled guide, through espeak-ng

# What espeak-ng (1.51) must say for each entry of the Ameli guide's table, once respelled.
EXPECTED = {
    "Ameli": "amel'i",
    "ameli.fr": "amel'i pw,E~ _!'Ef _!'Er",
    "e-mail": "im'El",
    "Email": "im'El",
    "C.M.U.C.": "s'e _!'Em _!'y s'e",
    "touche E": "t'uS _!'@ kOm YZ'En",
    "Maj": "maZysk'yl",
    "Ctrl": "kO~tr'o:l",
    "Alt": "'alt",
    "Cmd": "kOm'A~d",
}


def test_every_entry_of_the_guide_has_its_expected_phonemes_here():
    assert [written for written, _ in GUIDE.pronunciation] == list(EXPECTED)


@needs_espeak
@pytest.mark.parametrize("written", list(EXPECTED))
def test_each_entry_sounds_as_expected_and_differs_from_the_written_word(written):
    spoken = " ".join(speech_pieces(written, GUIDE.pronunciation))
    assert phonemes(spoken) == EXPECTED[written]
    assert phonemes(written) != EXPECTED[written], f"« {written} » already sounds right: the entry is not needed"


@needs_espeak
@pytest.mark.parametrize("written, heard, not_heard", [
    ("Ameli", "amel'i", "aml'i"),                         # not « amli »
    ("e-mail", "im'El", "(en)"),                          # not half English
    ("Email", "im'El", "(en)"),                           # not English
    ("touche E", "kOm YZ'En", None),                      # the letter, not a hesitation
    ("Maj", "maZysk'yl", None),
])
def test_the_entries_work_inside_the_guide_s_own_sentences(written, heard, not_heard):
    """Every sentence of the guide that holds the word is said with the expected sounds."""
    texts = [t for s in GUIDE.steps for t in (s.say, s.on_screen, s.details, s.title) if t]
    pattern = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)", re.IGNORECASE)
    sentences = [p for text in texts if pattern.search(" ".join(text.split()))
                 for p in speech_pieces(text, GUIDE.pronunciation)]
    assert sentences
    said = phonemes(" ".join(sentences))
    assert heard in said
    if not_heard is not None:
        assert not_heard not in said


# ---------------------------------------------------------------- speech only, never the printed text

@needs_espeak
def test_the_narrator_speaks_the_table_s_words():
    config = NarratorConfig(pronunciation=(("Ameli", "Améli"),))
    narrator = open_speaker(config, stream_factory=FakeOutputStream)
    assert isinstance(narrator, Narrator)
    try:
        narrator.say(("Connectez-vous à Ameli.",))
        assert narrator.wait(60)
        played = FakeOutputStream.last.sound()
        respelled = narrator._synth.synth("Connectez-vous à Améli.").samples   # from the cache: what was said
        as_written = narrator._synth.synth("Connectez-vous à Ameli.").samples
    finally:
        narrator.close()
    nonzero = np.flatnonzero(respelled)
    assert np.array_equal(played, respelled[nonzero[0]:nonzero[-1] + 1])
    assert not np.array_equal(respelled, as_written)


def _samples(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")


@needs_espeak
def test_render_uses_the_guide_s_table(tmp_path):
    def guide(say: str, table: tuple[tuple[str, str], ...]) -> Guide:
        return Guide(title="Essai", language="fr", source="s", start="a", pronunciation=table,
                     steps=(Step(id="a", title="A", say=say, end=True),))

    def render(say: str, table: tuple[tuple[str, str], ...], folder: str) -> Path:
        return render_guide(Dialog(guide(say, table), load_vocabulary()), tmp_path / folder, NarratorConfig())[0]

    with_table = render("Ouvrez Ameli.", (("Ameli", "Améli"),), "table")
    respelled = render("Ouvrez Améli.", (), "ecrit")
    as_written = render("Ouvrez Ameli.", (), "brut")
    assert np.array_equal(_samples(with_table), _samples(respelled))
    assert not np.array_equal(_samples(with_table), _samples(as_written))


@needs_espeak
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace absent (apt-get install strace)")
def test_voiceguide_run_says_amelie_to_the_voice_and_prints_ameli(tmp_path):
    """End to end: what the command sends to its speech worker (seen by strace) against what it prints."""
    box = sandbox(tmp_path, fake_audio=True)     # no sound card here: the fake sounddevice plays nothing
    trace = tmp_path / "run.strace"
    result = subprocess.run(["strace", "-f", "-qq", "-e", "trace=write", "-s", "65536", "-xx", "-o", str(trace),
                             sys.executable, "-m", "voiceguide", "run", "--input", "text", "--no-earcons"],
                            input="quitter\noui\n", capture_output=True, text=True, env=box.env, cwd=box.cwd,
                            timeout=120)
    if "ptrace" in result.stderr or "PTRACE" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr
    assert "compte Ameli" in result.stdout and "Améli" not in result.stdout

    def hex_of(text: str) -> str:
        return "".join(f"\\x{byte:02x}" for byte in text.encode())

    writes = [line for line in trace.read_text(errors="replace").splitlines() if " write(" in line]
    to_worker = [line for line in writes if not re.search(r" write\([12],", line)]
    assert any(hex_of("compte Améli") in line for line in to_worker)
    assert not any(hex_of("Ameli") in line for line in to_worker)
