"""Every silence says its real cause (voiceguide.carer.diagnosis), in ``run``, ``doctor`` and ``setup``.

The causes are made real rather than imitated: the missing packages are
hidden from a child process by tests/hiding.py (a private mount namespace;
nothing is uninstalled), the speech engine is pyttsx3 + espeak-ng, and this
machine really has no sound card. The only stand-in is a sound card where a
test needs one (the fake ``sounddevice`` of tests/sandbox.py, or
FakeOutputStream in this process), as everywhere in the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import isolated_env
from hiding import without_packages
from sandbox import FakeOutputStream, sandbox
from test_system import FRESH_ESPEAK

from voiceguide.carer.diagnosis import Cause, startup_notices, why_silent
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.narrator import Narrator
from voiceguide.speaking.notices import NO_AUDIO_NOTICE
from voiceguide.speaking.player import Player, output_problem
from voiceguide.speaking.speaker import open_speaker
from voiceguide.speaking.tts import Synthesizer
from voiceguide.speaking.voices import VoiceChoice, VoiceInfo

REPO = Path(__file__).resolve().parent.parent
NO_PORTAUDIO = ("Le guide ne peut pas parler : la bibliothèque du son PortAudio n'est pas installée ; tapez "
                "« apt-get install libportaudio2 », puis relancez. Je continue en texte.")
NO_ESPEAK = "le moteur de voix espeak-ng n'est pas installé ; tapez « apt-get install espeak-ng », puis relancez"
NO_SPEAKERS = ("aucun haut-parleur ni casque n'est trouvé ; branchez des haut-parleurs ou un casque, vérifiez que le "
               "son de l'ordinateur n'est pas coupé, puis relancez")


def no_sound_card_here() -> None:
    if output_problem() is None:
        pytest.skip("cette machine a une carte son")


def hidden_run(packages: tuple[str, ...], args: list[str], tmp_path: Path,
               env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    command = without_packages(packages, [sys.executable, "-m", "voiceguide", *args], tmp_path)
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
                          env=env if env is not None else isolated_env(tmp_path / "home"))


# --------------------------------------------------------------------------- run: told at the start, once

def test_run_without_portaudio_names_the_library_not_the_sound_card(tmp_path: Path) -> None:
    done = hidden_run(("libportaudio2",), ["run", "--input", "text"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == NO_PORTAUDIO
    assert NO_AUDIO_NOTICE not in done.stderr and "haut-parleur ni casque" not in done.stderr
    assert done.stderr.count("libportaudio2") == 1
    assert "Bonjour" in done.stdout          # and the guide goes on in text


def test_run_on_a_fresh_machine_names_both_missing_packages(tmp_path: Path) -> None:
    done = hidden_run(("libportaudio2",) + FRESH_ESPEAK, ["run", "--input", "text"], tmp_path)
    lines = done.stderr.splitlines()
    assert lines[0] == f"Le guide ne peut pas parler : {NO_ESPEAK}."
    assert lines[1] == ("La bibliothèque du son PortAudio n'est pas installée ; tapez « apt-get install libportaudio2 », "
                        "puis relancez. Je continue en texte.")
    assert NO_AUDIO_NOTICE not in done.stderr and "RuntimeError" not in done.stderr


def test_run_without_espeak_but_with_a_sound_card_names_only_espeak(tmp_path: Path) -> None:
    # The sound card is the stand-in of tests/sandbox.py: PortAudio and a device are there, the voice is not.
    box = sandbox(tmp_path / "box", fake_audio=True)
    done = hidden_run(FRESH_ESPEAK, ["run", "--input", "text"], tmp_path, env=box.env)
    lines = done.stderr.splitlines()
    assert lines[0] == f"Le guide ne peut pas parler : {NO_ESPEAK}. Je continue en texte."
    assert "haut-parleur" not in done.stderr and "PortAudio" not in done.stderr


def test_run_without_a_sound_card_says_so_with_what_to_do(tmp_path: Path) -> None:
    no_sound_card_here()
    done = subprocess.run([sys.executable, "-m", "voiceguide", "run", "--input", "text"], input="",
                          capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
                          env=isolated_env(tmp_path / "home"))
    assert done.stderr.splitlines()[0] == f"Le guide ne peut pas parler : {NO_SPEAKERS}. Je continue en texte."
    assert NO_AUDIO_NOTICE not in done.stderr


# --------------------------------------------------------------------------- doctor and setup: the same words

def test_doctor_on_a_fresh_machine_gives_each_cause_once_and_fails(tmp_path: Path) -> None:
    done = hidden_run(("libportaudio2",) + FRESH_ESPEAK, ["doctor"], tmp_path)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert f"ÉCHEC Voix du guide : {NO_ESPEAK}." in lines
    assert ("ÉCHEC Sortie son : la bibliothèque du son PortAudio n'est pas installée ; tapez « apt-get install "
            "libportaudio2 », puis relancez.") in lines
    assert ("ÉCHEC Microphone : pas vérifié : il faut d'abord la bibliothèque du son (voir la ligne « Sortie son »).") \
        in lines
    assert done.stdout.count("libportaudio2") == 1 and done.stdout.count("apt-get install espeak-ng") == 1
    assert lines[-2].startswith("ÉCHEC Bilan : la personne ne pourra pas entendre le guide (voix du guide, sortie son)")
    assert lines[-1] == "INFO  Pour les détails techniques : « voiceguide doctor --details »."
    assert "Errno" not in done.stdout and "RuntimeError" not in done.stdout and "OSError" not in done.stdout


def test_doctor_details_keep_the_library_errors_for_a_technician(tmp_path: Path) -> None:
    done = hidden_run(("libportaudio2",), ["doctor", "--tts", "none", "--details"], tmp_path)
    detail = next(line for line in done.stdout.splitlines() if line.startswith("INFO  Détail, sortie son : "))
    assert "PortAudio library not found" in detail
    assert done.returncode == 0       # --tts none: the guide is read on the screen, sound is not needed


def test_setup_says_the_cause_once_at_the_start(tmp_path: Path) -> None:
    done = hidden_run(("libportaudio2",), ["setup", "--input", "text"], tmp_path,
                      stdin="non\nnon\n")   # the screen step: no sight, no screen reader
    lines = done.stdout.splitlines()
    assert lines[0] == NO_PORTAUDIO
    assert done.stdout.count("apt-get install libportaudio2") == 1
    assert ("Je ne peux pas chercher les microphones : la bibliothèque du son PortAudio n'est pas installée "
            "(voir plus haut). Étape passée.") in lines


# --------------------------------------------------------------------------- in this process

def test_tts_none_is_a_chosen_silence() -> None:
    speaker = open_speaker(NarratorConfig(tts="none"))
    assert why_silent(speaker) == [] and startup_notices(speaker) == []


def test_a_speaking_narrator_has_nothing_to_explain() -> None:
    # Stand-in sound card (FakeOutputStream); the speech is the real pyttsx3 + espeak-ng.
    narrator = open_speaker(NarratorConfig(), stream_factory=FakeOutputStream)
    try:
        assert narrator.audible
        assert why_silent(narrator) == []
        assert startup_notices(narrator) == []
    finally:
        narrator.close()


def test_without_a_sound_card_the_notice_is_replaced_by_the_cause() -> None:
    no_sound_card_here()
    speaker = open_speaker(NarratorConfig())
    notices = startup_notices(speaker)
    assert notices == [f"Le guide ne peut pas parler : {NO_SPEAKERS}. Je continue en texte."]
    assert speaker.pop_notices() == []      # the general notice was taken: said once, not twice


def test_a_foreign_voice_is_a_finding_but_not_a_silence() -> None:
    player = Player(stream_factory=FakeOutputStream)    # a stand-in sound card: only the voice is wrong
    narrator = Narrator(NarratorConfig(), Synthesizer(), player,
                        voice=VoiceChoice(VoiceInfo("en", "English"), french=False))
    try:
        findings = why_silent(narrator)
    finally:
        narrator.close()
    assert [f.cause for f in findings] == [Cause.NO_FRENCH_VOICE]
    assert not findings[0].silences
    assert "« English », avec un accent étranger" in findings[0].problem
