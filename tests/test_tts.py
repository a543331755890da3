"""Text to audio: the real pyttsx3 + espeak-ng in the worker process, voice choice, audio files.

No fakes: espeak-ng (installed by .ci/run) renders every clip checked here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import wave

import numpy as np
import pytest

from voiceguide.audio import Audio, read_engine_file
from voiceguide.speaking.sentences import split_sentences
from voiceguide.speaking.tts import Synthesizer, TtsWorker, _private_tmp, _sweep_stale
from voiceguide.speaking.voices import (
    VoiceInfo,
    choose_voice,
    french_rank,
    normalize_language,
)

TEXT = "Bonjour. Je vais vous guider pas à pas pour vous connecter à votre compte Ameli."
WORDS = len(TEXT.split())


@pytest.fixture(scope="module")
def synth():
    s = Synthesizer()
    s.start()
    yield s
    s.close()


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


# --------------------------------------------------------------------------- the real engine

def test_the_french_espeak_voice_is_picked_here(synth):
    choice = synth.choice
    assert choice.french and choice.notice is None
    assert choice.voice.id == "roa/fr" and "fr-fr" in choice.voice.languages


def test_the_audio_is_what_espeak_ng_says_with_its_french_voice(synth, tmp_path):
    """Same voice, rate and volume as ``espeak-ng -v fr -s 165``: the samples are identical."""
    subprocess.run(["espeak-ng", "-v", "fr", "-s", "165", "-w", str(tmp_path / "ref.wav"), TEXT], check=True)
    reference = read_engine_file(tmp_path / "ref.wav")
    audio = synth.synth(TEXT, rate_wpm=165, volume=1.0)
    assert audio.rate == reference.rate and np.array_equal(audio.samples, reference.samples)


@pytest.mark.parametrize("rate", [120, 165, 300])
def test_speech_is_audible_and_its_length_fits_the_text(synth, rate):
    audio = synth.synth(TEXT, rate_wpm=rate)
    assert audio.rate == 22050 and audio.samples.dtype == np.int16
    assert rms(audio.samples) > 1000                       # speech, not silence (int16 units)
    expected = WORDS / rate * 60
    assert 0.3 * expected < audio.seconds < 3 * expected


def test_a_slower_rate_gives_longer_speech_every_time(synth):
    """Alternates rates on one engine: pyttsx3's espeak driver used to drop a rate set right after a render."""
    lengths: dict[int, list[float]] = {}
    for rate in (300, 120, 165, 300, 120, 250, 165):
        synth.clear_cache()
        lengths.setdefault(rate, []).append(synth.synth(TEXT, rate_wpm=rate).seconds)
    for seconds in lengths.values():                   # the same rate gives the same length (within a few ms)
        assert max(seconds) < 1.02 * min(seconds)
    slow, normal, quick, fast = (lengths[r][0] for r in (120, 165, 250, 300))
    assert slow > 1.2 * normal and normal > 1.2 * quick and quick > 1.1 * fast


def test_a_lower_volume_is_quieter(synth):
    loud = synth.synth(TEXT, volume=1.0)
    soft = synth.synth(TEXT, volume=0.3)
    assert rms(soft.samples) < 0.6 * rms(loud.samples)


def test_repeats_come_from_the_cache(synth):
    first = synth.synth("Dites suivant pour continuer.")
    assert synth.cached("Dites suivant pour continuer.")
    assert synth.synth("Dites  suivant pour continuer.") is first


def test_nothing_to_pronounce_renders_nothing(synth):
    assert len(synth.synth(" … « » ").samples) == 0


def test_a_killed_worker_is_restarted_at_the_next_render():
    s = Synthesizer()
    try:
        s.start()
        pid = s.worker.pid
        os.kill(pid, signal.SIGKILL)           # killed from outside (out of memory, a user's kill)
        deadline = time.monotonic() + 30
        while s.worker.alive and time.monotonic() < deadline:
            time.sleep(0.01)
        audio = s.synth("Après la panne, la voix revient.")
        assert rms(audio.samples) > 1000
        assert s.worker.starts == 2 and s.worker.pid != pid
    finally:
        s.close()
    assert not s.worker.alive


def test_the_worker_never_writes_on_the_guides_console(capfd):
    """In text mode stdout carries the narration: pyttsx3's "Audio saved to ..." must not reach it."""
    worker = TtsWorker()
    try:
        worker.start()
        worker.render("Bonjour.", {"voice": "roa/fr", "rate": 165, "volume": 0.8})
    finally:
        worker.close()
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_work_folders_of_guides_that_are_gone_are_removed_at_the_next_start(tmp_path):
    """A guide killed outright (the hang-proof tests do it) left its speech work folder in /dev/shm, 46 of them after
    a day of tests: each folder now carries its guide's process number, and the next start removes those whose
    guide is gone; unnumbered ones from before, once empty and an hour old."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    names = {"stale": f"voiceguide-tts-{gone}-abc", "mine": f"voiceguide-tts-{os.getpid()}-def",
             "old": "voiceguide-tts-xyz", "recent": "voiceguide-tts-uvw", "other": "autre-chose"}
    for name in names.values():
        (tmp_path / name).mkdir()
    os.utime(tmp_path / names["old"], (time.time() - 7200, time.time() - 7200))
    _sweep_stale(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([names["mine"], names["recent"], names["other"]])


def test_the_worker_folder_carries_the_guides_process_number():
    root, mine = _private_tmp() or tempfile.gettempdir(), f"voiceguide-tts-{os.getpid()}-"
    before = set(os.listdir(root))   # other workers of this test process may be running: theirs are numbered alike
    worker = TtsWorker()
    try:
        worker.launch()
        added = {n for n in set(os.listdir(root)) - before if n.startswith(mine)}
        assert len(added) == 1
    finally:
        worker.close()
    assert not added & set(os.listdir(root))


# --------------------------------------------------------------------------- choosing a voice

ESPEAK = [VoiceInfo("gmw/en", "English (Great Britain)", ("en-gb",)),
          VoiceInfo("roa/fr-be", "French (Belgium)", ("fr-be",)),
          VoiceInfo("roa/fr", "French (France)", ("fr-fr",)),
          VoiceInfo("mb/mb-fr1", "french-mbrola-1", ("fr",))]
SAPI5 = [VoiceInfo(r"HKEY\TTS_MS_EN-US_ZIRA_11.0", "Microsoft Zira Desktop - English (United States)", ("en-us",)),
         VoiceInfo(r"HKEY\TTS_MS_FR-FR_HORTENSE_11.0", "Microsoft Hortense Desktop - French", ("fr-fr",))]
MACOS = [VoiceInfo("com.apple.voice.compact.en-US.Samantha", "Samantha", ("en-us",)),
         VoiceInfo("com.apple.voice.compact.fr-CA.Amelie", "Amélie", ("fr-ca",)),
         VoiceInfo("com.apple.eloquence.fr-FR.Eddy", "Eddy", ("fr-fr",)),
         VoiceInfo("com.apple.voice.compact.fr-FR.Thomas", "Thomas", ("fr-fr",))]


@pytest.mark.parametrize("voices, expected", [
    (ESPEAK, "roa/fr"),
    (SAPI5, r"HKEY\TTS_MS_FR-FR_HORTENSE_11.0"),
    (MACOS, "com.apple.voice.compact.fr-FR.Thomas"),
    ([VoiceInfo("x", "Old French voice", ())], "x"),                  # SAPI voices without a language
])
def test_a_french_voice_is_chosen_by_language_on_each_platform(voices, expected):
    choice = choose_voice(voices)
    assert choice.french and choice.voice.id == expected and choice.notice is None


def test_the_voice_asked_for_wins_by_name_or_id_without_accents():
    assert choose_voice(MACOS, "amelie").voice.name == "Amélie"
    assert choose_voice(ESPEAK, "gmw/en").voice.id == "gmw/en"       # a non-French voice, if asked for
    assert choose_voice(ESPEAK, "fr").voice.id == "roa/fr"            # a language: its best voice
    assert choose_voice(ESPEAK, "fr-be").voice.id == "roa/fr-be"
    assert choose_voice(MACOS, "fr-fr").voice.name == "Thomas"


def test_an_unknown_voice_asked_for_falls_back_to_french_and_says_so():
    choice = choose_voice(ESPEAK, "Hortense")
    assert choice.voice.id == "roa/fr" and not choice.spoken
    assert choice.notice == ("La voix « Hortense » n'existe pas sur cet ordinateur. "
                             "Je prends la voix française « French (France) ».")


def test_without_a_french_voice_the_guide_goes_on_and_says_so_aloud():
    choice = choose_voice([ESPEAK[0]])
    assert not choice.french and choice.voice.id == "gmw/en" and choice.spoken
    assert "Aucune voix française n'est installée" in choice.notice
    assert "« English (Great Britain) »" in choice.notice


@pytest.mark.parametrize("raw, tag", [("fr_FR", "fr-fr"), (b"\x05fr-fr", "fr-fr"), (" FR ", "fr"), ("en-GB", "en-gb")])
def test_language_tags_are_normalised(raw, tag):
    assert normalize_language(raw) == tag


def test_french_rank_orders_france_first():
    ranks = [french_rank(VoiceInfo("v", "v", (lang,))) for lang in ("fr-fr", "fr", "fr-ca", "en-us")]
    assert ranks == [0, 1, 2, None]


# --------------------------------------------------------------------------- text and files

@pytest.mark.parametrize("text, pieces", [
    ("Bonjour. Je vais vous guider pas à pas. Dites « aide » !",
     ["Bonjour. Je vais vous guider pas à pas.", "Dites « aide » !"]),
    ("Une phrase assez longue ? Une autre, tout aussi longue… Oui.",
     ["Une phrase assez longue ?", "Une autre, tout aussi longue… Oui."]),
    ("L'adresse est ameli.fr, en minuscules.", ["L'adresse est ameli.fr, en minuscules."]),
    ("  \n ", []),
])
def test_narration_is_cut_into_sentences(text, pieces):
    assert split_sentences(text) == pieces


def _sox(tmp_path, name: str, *args: str) -> str:
    path = tmp_path / name
    subprocess.run(["sox", "-n", *args, str(path), "synth", "0.2", "sine", "440"], check=True)
    return str(path)


@pytest.mark.parametrize("fmt", [
    ("a.aiff", "-r", "22050", "-b", "16", "-c", "1"),       # what macOS writes
    ("b.wav", "-r", "16000", "-b", "16", "-c", "2"),        # stereo
    ("c.wav", "-r", "11025", "-b", "8", "-c", "1"),         # 8-bit
])
def test_engine_files_are_read_as_mono_int16(tmp_path, fmt):
    name, *args = fmt
    audio = read_engine_file(_sox(tmp_path, name, *args))
    rate = int(args[1])
    assert audio.rate == rate and audio.samples.dtype == np.int16
    assert abs(audio.seconds - 0.2) < 0.01
    assert 0.5 < rms(audio.samples) / (32767 / np.sqrt(2)) < 1.05      # a full-scale sine, in int16 units


def test_audio_is_saved_as_16_bit_pcm_mono(tmp_path):
    audio = Audio(np.arange(-1000, 1000, dtype=np.int16), 22050)
    audio.save(tmp_path / "x.wav")
    with wave.open(str(tmp_path / "x.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (1, 2, 22050, 2000)
    assert np.array_equal(read_engine_file(tmp_path / "x.wav").samples, audio.samples)


def test_trim_removes_digital_silence_only():
    audio = Audio(np.array([0, 0, 0, 5, -3, 0, 7, 0, 0, 0, 0], dtype=np.int16), 10)
    assert audio.trim(start=True).samples.tolist() == [5, -3, 0, 7, 0, 0, 0, 0]
    assert audio.trim(start=True, end_keep=0.2).samples.tolist() == [5, -3, 0, 7, 0, 0]
    assert audio.trim().samples.tolist() == audio.samples.tolist()
