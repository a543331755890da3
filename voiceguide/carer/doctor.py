"""``voiceguide doctor``: checks this machine, one line per check, and says what to do.

Each line is "OK    <what>", "ÉCHEC <what> : <what to do>" or "INFO  <what>"
(where things are kept). Every line is also spoken when speech works here
(a voice and a sound card), so a blind user can run it alone.

The exit code is 0 when the essentials work, 1 otherwise. The essentials are
what the guide needs to be used at all, in text and by keyboard:

* Python 3.10 or newer;
* the Python packages that mode needs import (PyYAML, numpy, platformdirs,
  and pyttsx3 unless ``--tts none``);
* the bundled guide and the command vocabulary load;
* the speech engine starts and renders French text (unless ``--tts none``).

Everything else (sound card, microphone, speech-recognition model, a French
voice, the settings file, disk space) is reported as ÉCHEC with what to do,
but does not fail the run: without them the guide still works in text and by
keyboard.

``--mic-test`` records three seconds and reports the level ("trop faible",
"correct", "sature"); the audio stays in memory and is never written.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import logging
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO

import numpy as np

from voiceguide.errors import EXIT_CANNOT_RUN, EXIT_OK, CannotRun, UserError

OK, FAIL, INFO = "OK", "ÉCHEC", "INFO"
MIN_PYTHON = (3, 10)
MIC_TEST_SECONDS = 3.0
MODEL_FREE_BYTES = 150 * 1024 * 1024      # the ~41 MB archive and the unpacked model, side by side
SETTINGS_FREE_BYTES = 1024 * 1024
KNOWN_WORDS_WANTED = 0.9                  # below this share of command words, the model is reported

# Level of the microphone test, in dB relative to full scale.
CLIP_SAMPLE = 32000                       # a sample this loud (97.7 % of full scale) is clipping
CLIP_SHARE = 0.001                        # more than 0.1 % of such samples: "sature"
QUIET_DB = -40.0                          # speech below this is "trop faible" for vosk
LEVEL_FRAME_SECONDS = 0.05
SPEECH_PERCENTILE = 90                    # the loud frames: speech, not the pauses between words

NO_SOUND_CARD = ("aucune carte son trouvée ; branchez des haut-parleurs ou un casque. "
                 "Le guide peut quand même s'afficher en texte.")
NO_MICROPHONE = ("aucun microphone trouvé ; branchez un micro (ou un casque avec micro). "
                 "Sans micro, le guide se commande au clavier (--input keyboard).")


@dataclass(frozen=True)
class Package:
    """A Python package doctor checks: its distribution name, module, and what it is for."""

    dist: str
    module: str
    role: str
    essential: bool        # needed in text and keyboard mode


PACKAGES: tuple[Package, ...] = (
    Package("pyttsx3", "pyttsx3", "la voix", True),
    Package("vosk", "vosk", "la reconnaissance vocale", False),
    Package("sounddevice", "sounddevice", "le son (haut-parleurs et micro)", False),
    Package("PyYAML", "yaml", "la lecture des guides", True),
    Package("numpy", "numpy", "le traitement du son", True),
    Package("platformdirs", "platformdirs", "les dossiers de l'utilisateur", True),
)


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    status: str               # OK, FAIL or INFO
    what: str
    todo: str = ""            # for FAIL: what is wrong and what to do
    essential: bool = False   # a FAIL here makes doctor exit 1

    def line(self) -> str:
        if self.status == FAIL and self.todo:
            return f"{FAIL} {self.what} : {_sentence_tail(self.todo)}"
        return f"{self.status.ljust(5)} {self.what}"

    def spoken(self) -> str:
        """The line for the ear: the status word said as a word, then a pause."""
        word = {OK: "OK", FAIL: "Échec", INFO: "Information"}[self.status]
        rest = f"{self.what} : {_sentence_tail(self.todo)}" if self.status == FAIL and self.todo else self.what
        return f"{word}. {rest}"

    @property
    def failed_essential(self) -> bool:
        return self.status == FAIL and self.essential


def _sentence_tail(text: str) -> str:
    """A message from elsewhere ("Aucun modèle…") continued after a colon: "aucun modèle…".

    Names and acronyms keep their capital ("PortAudio", "USB").
    """
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return text[0].lower() + text[1:]
    return text


def exit_code(checks: Iterable[Check]) -> int:
    """0 when no essential check failed, 1 otherwise (see the module docstring)."""
    return EXIT_CANNOT_RUN if any(c.failed_essential for c in checks) else EXIT_OK


def summary(checks: Sequence[Check], voice: bool = True) -> Check:
    """The last line: whether the guide can be used, and what is missing (``voice``: speech was checked)."""
    essential = list(dict.fromkeys(_sentence_tail(c.what) for c in checks if c.failed_essential))
    if essential:
        return Check(FAIL, "Bilan", "l'essentiel ne fonctionne pas (" + ", ".join(essential) +
                     ") : voiceguide ne peut pas servir ainsi. Corrigez les lignes ÉCHEC ci-dessus, "
                     "puis relancez « voiceguide doctor ».", essential=True)
    missing = list(dict.fromkeys(_sentence_tail(c.what) for c in checks if c.status == FAIL))
    if missing:
        essentials = "le guide, les modules Python, la voix" if voice else "le guide, les modules Python"
        return Check(OK, f"Bilan : l'essentiel fonctionne ({essentials}). "
                         "À corriger pour en profiter pleinement : " + ", ".join(missing) + ".")
    return Check(OK, "Bilan : tout fonctionne.")


# --------------------------------------------------------------------------- speaking what is printed

class Speaker(Protocol):
    """What doctor and setup need of a narrator (see voiceguide.speaking.narrator)."""

    def say(self, text: str) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...


class Announcer:
    """Prints each line and says it; the previous line is allowed to finish first."""

    def __init__(self, out: TextIO, speaker: Speaker | None = None) -> None:
        self.out = out
        self.speaker = speaker

    def say(self, text: str, spoken: str | None = None) -> None:
        self.finish()
        self.out.write(text + "\n")
        self.out.flush()
        if self.speaker is not None:
            self.speaker.say(spoken or text)

    def finish(self) -> None:
        """Waits until everything said has been heard (before listening, or at the end)."""
        if self.speaker is not None:
            self.speaker.wait(None)


# --------------------------------------------------------------------------- microphone level

@dataclass(frozen=True)
class MicLevel:
    """How loud three seconds of the microphone were."""

    verdict: str          # "trop faible", "correct" or "sature"
    speech_db: float      # loudness of the loud part (speech), dB full scale
    peak_db: float
    clipped: float        # share of samples at full scale

    def describe(self) -> str:
        head = "le son sature" if self.verdict == "sature" else f"niveau {self.verdict}"
        return f"{head} (parole à {self.speech_db:.0f} dB, crête à {self.peak_db:.0f} dB)"

    def advice(self) -> str:
        """What to do about it (French), or "" when the level is right."""
        if self.verdict == "trop faible":
            return ("rapprochez-vous du micro, parlez plus fort, ou montez son volume d'entrée dans les "
                    "réglages du son de l'ordinateur.")
        if self.verdict == "sature":
            return ("le son grésille : éloignez-vous un peu du micro, ou baissez son volume d'entrée dans "
                    "les réglages du son de l'ordinateur.")
        return ""


def _db(value: float) -> float:
    return 20.0 * float(np.log10(max(value, 1.0) / 32768.0))


def measure_level(samples: np.ndarray, rate: int = 16_000) -> MicLevel:
    """Classifies int16 audio: clipping first, then the level of its loud frames."""
    x = np.asarray(samples, dtype=np.float64)
    if not len(x):
        return MicLevel("trop faible", _db(0.0), _db(0.0), 0.0)
    clipped = float(np.mean(np.abs(x) >= CLIP_SAMPLE))
    frame = max(1, int(LEVEL_FRAME_SECONDS * rate))
    usable = len(x) // frame * frame or len(x)
    frames = x[:usable].reshape(-1, min(frame, usable))
    rms = np.sqrt(np.mean(frames ** 2, axis=1))
    speech = float(np.percentile(rms, SPEECH_PERCENTILE))
    peak = float(np.max(np.abs(x)))
    if clipped > CLIP_SHARE:
        verdict = "sature"
    elif _db(speech) < QUIET_DB:
        verdict = "trop faible"
    else:
        verdict = "correct"
    return MicLevel(verdict, round(_db(speech), 1), round(_db(peak), 1), clipped)


def input_devices(sd: Any) -> list[tuple[int, str]]:
    """(index, name) of every device that can record."""
    try:
        devices = list(sd.query_devices())
    except Exception:  # noqa: BLE001 - PortAudio's error type varies between versions
        return []
    return [(i, str(d.get("name", "?"))) for i, d in enumerate(devices) if d.get("max_input_channels", 0) > 0]


def record(device: int | str | None, seconds: float = MIC_TEST_SECONDS, *, sd: Any = None) -> np.ndarray:
    """``seconds`` of 16 kHz int16 audio from a microphone, kept in memory only.

    Raises CannotRun (French) when there is no microphone or it sends nothing.
    """
    from voiceguide.listening.audio_in import RATE, Microphone

    mic = Microphone(device, sd=sd).start()
    wanted = int(seconds * RATE)
    got: list[np.ndarray] = []
    count = 0
    try:
        for chunk in mic.chunks(timeout=2.0):
            block = np.frombuffer(chunk, dtype="<i2")
            got.append(block)
            count += len(block)
            if count >= wanted:
                break
    finally:
        mic.close()
    if not count:
        raise CannotRun("Le microphone n'envoie aucun son. Vérifiez qu'il est branché et qu'il n'est "
                        "pas coupé dans les réglages du son de l'ordinateur.")
    return np.concatenate(got)[:wanted]


# --------------------------------------------------------------------------- the checks

def check_python(version: tuple[int, ...] | None = None) -> Check:
    v = tuple(version or sys.version_info[:3])
    shown = ".".join(str(p) for p in v)
    if v[:2] >= MIN_PYTHON:
        return Check(OK, f"Python {shown}")
    return Check(FAIL, f"Python {shown}", f"voiceguide demande Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} ou plus "
                 "récent ; installez-le (python.org), puis réinstallez voiceguide.", essential=True)


def check_packages(packages: Sequence[Package] = PACKAGES, tts: str = "pyttsx3") -> list[Check]:
    """One OK line for the packages that load, one ÉCHEC line per package that does not."""
    good: list[str] = []
    checks: list[Check] = []
    for p in packages:
        essential = p.essential and not (p.module == "pyttsx3" and tts == "none")
        try:
            version = importlib.metadata.version(p.dist)
        except importlib.metadata.PackageNotFoundError:
            checks.append(Check(FAIL, f"Module {p.dist}", f"il n'est pas installé ; il sert à {p.role}. "
                                f"Installez-le avec « pip install {p.dist} ».", essential))
            continue
        try:
            importlib.import_module(p.module)
        except OSError as exc:
            hint = (" Installez le paquet libportaudio2 (sudo apt install libportaudio2)."
                    if p.module == "sounddevice" else "")
            checks.append(Check(FAIL, f"Module {p.dist} {version}", f"une bibliothèque du système manque "
                                f"({exc}) ; il sert à {p.role}.{hint}", essential))
            continue
        except Exception as exc:  # noqa: BLE001 - any import failure is reported, never raised
            checks.append(Check(FAIL, f"Module {p.dist} {version}", f"il ne se charge pas ({exc}) ; il sert à "
                                f"{p.role}. Réinstallez-le avec « pip install --force-reinstall {p.dist} ».",
                                essential))
            continue
        good.append(f"{p.dist} {version}")
    if good:
        checks.insert(0, Check(OK, "Modules Python : " + ", ".join(good)))
    return checks


def check_guide() -> tuple[list[Check], Any, Any]:
    """The bundled guide and the vocabulary; returns the checks, the guide and the vocabulary (or None)."""
    from voiceguide.guide import DEFAULT_GUIDE, load_guide
    from voiceguide.language.vocabulary import load_vocabulary

    try:
        vocabulary = load_vocabulary()
        guide = load_guide(DEFAULT_GUIDE, vocabulary)
    except UserError as exc:
        first = exc.message.splitlines()[0]
        return [Check(FAIL, "Guide fourni", f"il ne se charge pas ({first}) ; réinstallez voiceguide "
                      "(pip install --force-reinstall voiceguide).", essential=True)], None, None
    except Exception as exc:  # noqa: BLE001 - a broken install (missing file, bad package data)
        return [Check(FAIL, "Guide fourni", f"il ne se charge pas ({exc}) ; réinstallez voiceguide.",
                      essential=True)], None, None
    return [Check(OK, f"Guide « {guide.title} » : {len(guide.steps)} étapes, "
                      f"{len(vocabulary.commands)} commandes vocales")], guide, vocabulary


def check_settings(config: Path | None) -> tuple[list[Check], Any]:
    """Reads the settings as ``run`` does, but writes nothing: a damaged file is reported, left as it is."""
    from voiceguide.carer.settings import Settings, load_settings, settings_path

    path = settings_path(config)
    existed = path.is_file()
    try:
        settings, notices = load_settings(config, read_only=True)
    except Exception as exc:  # noqa: BLE001 - load_settings reports its own problems; this is a last resort
        return [Check(FAIL, "Réglages", f"lecture impossible de « {path} » ({exc}) ; "
                      "refaites les réglages avec « voiceguide setup ».")], Settings()
    if notices:
        return [Check(FAIL, "Réglages", n) for n in notices], settings
    if existed:
        return [Check(OK, f"Réglages lus dans « {path} »")], settings
    return [Check(INFO, f"Réglages : pas encore de fichier (« {path} ») : réglages par défaut ; "
                        "« voiceguide setup » le crée")], settings


def check_voice(voice: str | None, tts: str, engine_factory: Callable[[], Any] | None = None) -> list[Check]:
    """Starts the speech engine, picks the voice as the guide would, and renders one sentence."""
    from voiceguide.speaking.tts import Synthesizer, TtsError, pyttsx3_engine
    from voiceguide.speaking.voices import engine_hint, french_voice_hint

    if tts == "none":
        return [Check(INFO, "Voix : désactivée (--tts none) ; le guide s'affiche en texte seulement")]
    synth = Synthesizer(voice, engine_factory=engine_factory or pyttsx3_engine)
    try:
        choice = synth.start()
        audio = synth.synth("Bonjour, je suis la voix du guide.")
    except TtsError as exc:
        hint = "" if engine_hint() in exc.message else f" {engine_hint()}"
        return [Check(FAIL, "Synthèse vocale", f"{exc.message}{hint}", essential=True)]
    finally:
        synth.close()
    if not np.any(audio.samples):
        return [Check(FAIL, "Synthèse vocale", f"elle ne produit que du silence. {engine_hint()}",
                      essential=True)]
    checks = [Check(OK, f"Synthèse vocale : pyttsx3 fonctionne (essai : {_decimal(audio.seconds)} s de parole)")]
    name = choice.voice.name if choice.voice else "par défaut"
    if not choice.french:
        checks.append(Check(FAIL, "Voix française", f"aucune voix française n'est installée : le guide "
                            f"parlerait avec la voix « {name} », avec un accent étranger. "
                            f"{french_voice_hint()}"))
    elif voice and choice.notice:
        checks.append(Check(FAIL, f"Voix « {voice} » des réglages", f"elle n'existe pas sur cet ordinateur ; "
                            f"la voix française « {name} » est prise à la place. Corrigez le réglage "
                            "« voice », ou refaites « voiceguide setup »."))
    else:
        checks.append(Check(OK, f"Voix française : « {name} »"))
    return checks


def check_audio_output() -> Check:
    """Whether a sound card can play the guide's voice."""
    from voiceguide.speaking.player import NO_OUTPUT_DEVICE, output_problem

    problem = output_problem()
    if problem is None:
        name = "?"
        try:
            import sounddevice

            name = str(sounddevice.query_devices(kind="output").get("name", "?"))
        except Exception:  # noqa: BLE001 - the name is only shown
            pass
        return Check(OK, f"Sortie audio : « {name} »")
    if problem == NO_OUTPUT_DEVICE:
        return Check(FAIL, "Sortie audio", NO_SOUND_CARD)
    return Check(FAIL, "Sortie audio", f"{problem} Le guide peut quand même s'afficher en texte.")


def load_sounddevice() -> Any:
    """The sounddevice module; CannotRun (French) when PortAudio is missing."""
    from voiceguide.listening import audio_in

    return audio_in.import_sounddevice()


def check_microphones(wanted: int | str | None) -> Check:
    """The microphones found, and the one the guide would use."""
    from voiceguide.listening.audio_in import find_input_device

    try:
        sd = load_sounddevice()
    except CannotRun as exc:
        return Check(FAIL, "Microphone", exc.message)
    inputs = input_devices(sd)
    if not inputs:
        return Check(FAIL, "Microphone", NO_MICROPHONE)
    try:
        index = find_input_device(sd, wanted)
    except CannotRun as exc:
        return Check(FAIL, "Microphone des réglages", f"{exc.message} Corrigez le réglage « microphone », "
                     "ou refaites « voiceguide setup ».")
    name = dict(inputs).get(index, "?")
    found = "1 microphone trouvé" if len(inputs) == 1 else f"{len(inputs)} microphones trouvés"
    return Check(OK, f"Microphone : {found} ; celui utilisé : « {name} » (n° {index})")


def command_phrases(guide: Any, vocabulary: Any) -> list[str]:
    """Every phrase the guide can listen for: the commands, the topic names and every step's choices."""
    from voiceguide.dialog.intent import Options
    from voiceguide.dialog.matcher import IntentMatcher

    choices = tuple(c for step in guide.steps for c in step.choices)
    return IntentMatcher(vocabulary, guide).grammar(Options(choices=choices))


def check_model(explicit: Path | None, phrases: Sequence[str] | None) -> list[Check]:
    """Finds the model, loads it, and counts the command words it knows."""
    from voiceguide.listening.model_store import (
        ENV_VAR,
        candidate_dirs,
        find_model,
        missing_model_message,
    )

    try:
        model_dir = find_model(explicit)
    except UserError as exc:
        return [Check(FAIL, "Modèle de reconnaissance vocale", exc.message)]
    if model_dir is None:
        places = " ; ".join(f"« {p} »" for p in candidate_dirs())
        return [Check(FAIL, "Modèle de reconnaissance vocale",
                      f"{missing_model_message()} Il faut Internet une seule fois (environ 41 Mo). "
                      "Sans modèle, le guide se commande au clavier."),
                Check(INFO, f"Modèle cherché dans : {places} (et --model, la variable {ENV_VAR})")]
    try:
        from voiceguide.listening.recognizer import Recognizer
    except ImportError as exc:
        return [Check(FAIL, "Modèle de reconnaissance vocale", f"le module vosk ne se charge pas ({exc}) ; "
                      "installez-le avec « pip install vosk ».")]
    log = logging.getLogger("voiceguide.listening.recognizer")
    level = log.level
    log.setLevel(logging.ERROR)   # one warning per unknown word would bury the report
    started = time.monotonic()
    try:
        rec = Recognizer(model_dir, endpoints=None)
        seconds = time.monotonic() - started
        checks = [Check(OK, f"Modèle « {model_dir} » chargé en {_decimal(seconds)} s")]
        if not rec.uses_grammar:
            checks.append(Check(FAIL, "Grammaire du modèle", "ce modèle (graphe HCLG) ne peut pas se limiter "
                                "aux commandes du guide : il comprendra moins bien. Préférez un petit modèle "
                                "(« voiceguide model download »)."))
        if phrases:
            checks.append(_known_words(rec, phrases))
        return checks
    except CannotRun as exc:
        return [Check(FAIL, "Modèle de reconnaissance vocale", exc.message)]
    except Exception as exc:  # noqa: BLE001 - libvosk failing in an unforeseen way is still a report line
        return [Check(FAIL, "Modèle de reconnaissance vocale", f"il ne se charge pas ({exc}) ; "
                      "réinstallez-le avec « voiceguide model download ».")]
    finally:
        log.setLevel(level)


def _known_words(rec: Any, phrases: Sequence[str]) -> Check:
    words = {w for p in phrases for w in p.split()}
    rec.usable_phrases(phrases)
    unknown = sorted(rec.dropped_words & words)
    share = 1.0 - len(unknown) / len(words)
    percent = f"{share * 100:.0f} %"
    if share == 0.0:
        try:
            rec.check_language(phrases)
        except CannotRun as exc:
            return Check(FAIL, f"Langue du modèle (0 % des {len(words)} mots de commande connus)", exc.message)
    if share < KNOWN_WORDS_WANTED:
        sample = ", ".join(f"« {w} »" for w in unknown[:6])
        return Check(FAIL, "Mots de commande", f"le modèle n'en connaît que {percent} ({len(words)} mots ; "
                     f"absents : {sample}…) : ces commandes ne seront pas comprises à la voix. Installez le "
                     "modèle français avec « voiceguide model download ».")
    missing = f" ; absents : {', '.join(f'« {w} »' for w in unknown)}" if unknown else ""
    return Check(OK, f"Mots de commande : le modèle en connaît {percent} ({len(words)} mots{missing})")


def _decimal(x: float) -> str:
    """One decimal, written the French way: 1,4."""
    return f"{x:.1f}".replace(".", ",")


def _size(n: int) -> str:
    if n >= 1024 ** 3:
        return f"{_decimal(n / 1024 ** 3)} Go"
    return f"{n / 1024 ** 2:.0f} Mo"


def _existing(path: Path) -> Path:
    """The path itself or its nearest existing parent (what disk_usage can measure)."""
    path = path.expanduser().absolute()
    for p in (path, *path.parents):
        if p.exists():
            return p
    return path


def check_disk(model_missing: bool) -> list[Check]:
    """Free space where the model would be installed and where settings and progress are written."""
    from voiceguide.listening.model_store import default_download_root
    from voiceguide.userdirs import config_dir, data_dir

    places = [("le modèle", default_download_root(), MODEL_FREE_BYTES if model_missing else 0),
              ("les réglages", config_dir(), SETTINGS_FREE_BYTES),
              ("la progression", data_dir(), SETTINGS_FREE_BYTES)]
    groups: dict[int, tuple[list[str], Path, int]] = {}
    for label, path, need in places:
        where = _existing(path)
        try:
            device = where.stat().st_dev
        except OSError:
            device = hash(where)
        labels, first, needed = groups.get(device, ([], where, 0))
        groups[device] = (labels + [label], first, needed + need)
    checks = []
    for labels, where, need in groups.values():
        what = ", ".join(labels[:-1]) + " et " + labels[-1] if len(labels) > 1 else labels[0]
        try:
            free = shutil.disk_usage(where).free
        except OSError as exc:
            checks.append(Check(FAIL, f"Espace disque pour {what}", f"impossible de le mesurer dans « {where} » "
                                f"({exc.strerror or exc})."))
            continue
        if free < need:
            checks.append(Check(FAIL, f"Espace disque pour {what}", f"seulement {_size(free)} libres dans "
                                f"« {where} », il en faut {_size(need)} ; libérez de la place."))
        else:
            checks.append(Check(OK, f"Espace disque : {_size(free)} libres pour {what} (« {where} »)"))
    return checks


def check_locations() -> list[Check]:
    """Where progress, the carer's guides and downloaded models are kept."""
    from voiceguide.carer.progress import progress_path
    from voiceguide.listening.model_store import default_download_root
    from voiceguide.userdirs import user_guides_dir

    progress = progress_path()
    state = "" if progress.is_file() else " (pas encore de fichier : aucun guide commencé)"
    guides_dir = user_guides_dir()
    own = sorted(p.name for p in guides_dir.glob("*.y*ml")) if guides_dir.is_dir() else []
    count = {0: "aucun pour l'instant", 1: "1 guide"}.get(len(own), f"{len(own)} guides")
    return [
        Check(INFO, f"Progression (où l'utilisateur s'est arrêté) : « {progress} »{state}"),
        Check(INFO, f"Guides de l'aidant : « {guides_dir} » ({count} ; « voiceguide guides » les liste)"),
        Check(INFO, f"Modèles téléchargés dans : « {default_download_root()} »"),
    ]


def mic_test(wanted: int | str | None, announcer: Announcer) -> Check:
    """Asks the user to speak, records three seconds, and reports the level."""
    from voiceguide.listening.audio_in import find_input_device

    try:
        sd = load_sounddevice()
        device = find_input_device(sd, wanted)
    except CannotRun as exc:
        if "Aucun microphone" in exc.message:
            return Check(FAIL, "Test du micro", "aucun microphone trouvé ; branchez un micro, puis relancez "
                         "« voiceguide doctor --mic-test ».")
        return Check(FAIL, "Test du micro", exc.message)
    announcer.say(f"{INFO.ljust(5)} Test du micro : parlez normalement pendant trois secondes, "
                  "par exemple « suivant, répéter, aide ».",
                  "Test du micro : parlez normalement pendant trois secondes, après ce message.")
    announcer.finish()   # half-duplex: the guide's own voice must not be measured
    try:
        level = measure_level(record(device, MIC_TEST_SECONDS, sd=sd))
    except CannotRun as exc:
        return Check(FAIL, "Test du micro", exc.message)
    if level.verdict == "correct":
        return Check(OK, f"Test du micro : {level.describe()}")
    return Check(FAIL, "Test du micro", f"{level.describe()} ; {level.advice()}")


# --------------------------------------------------------------------------- the command

def _open_speaker(settings: Any, tts: str) -> Any:
    """A narrator when this machine can speak aloud, else None (the report is only printed)."""
    from voiceguide.speaking.narrator import NarratorConfig, open_narrator

    narrator = open_narrator(NarratorConfig(voice=settings.voice, tts=tts, earcons=False))
    if narrator.audio_available and not narrator.tts_failed:
        narrator.set_levels(settings.rate_level, settings.volume_level)
        return narrator
    narrator.close()
    return None


def run_doctor(args: argparse.Namespace, *, out: TextIO | None = None,
               engine_factory: Callable[[], Any] | None = None) -> int:
    """``voiceguide doctor [--mic-test] [--config FILE] [--model DIR] [--tts pyttsx3|none] [--mic MICRO]``.

    Prints (and says) one line per check; returns 0 when the essentials work, else 1.
    ``engine_factory`` replaces pyttsx3 (tests of a broken speech engine).
    """
    from voiceguide.carer.settings import merge_cli

    out = out if out is not None else sys.stdout
    tts = getattr(args, "tts", None) or "pyttsx3"
    config = getattr(args, "config", None)

    # The first checks run silently: whether speech works is only known after them.
    checks: list[Check] = [check_python()]
    checks += check_packages(tts=tts)
    guide_checks, guide, vocabulary = check_guide()
    checks += guide_checks
    settings_checks, settings = check_settings(config)
    checks += settings_checks
    settings = merge_cli(settings, {"model": getattr(args, "model", None),
                                    "microphone": getattr(args, "microphone", None)})
    voice_checks = check_voice(settings.voice, tts, engine_factory)
    checks += voice_checks
    audio = check_audio_output()
    checks.append(audio)

    speaker = None
    if audio.status == OK and not any(c.failed_essential for c in voice_checks) and tts != "none":
        speaker = _open_speaker(settings, tts)
    announcer = Announcer(out, speaker)
    try:
        for check in checks:
            announcer.say(check.line(), check.spoken())

        def emit(new: Check | list[Check]) -> None:
            for check in new if isinstance(new, list) else [new]:
                checks.append(check)
                announcer.say(check.line(), check.spoken())

        emit(check_microphones(settings.microphone))
        phrases = command_phrases(guide, vocabulary) if guide is not None else None
        model_checks = check_model(settings.model, phrases)
        emit(model_checks)
        model_missing = model_checks[0].status == FAIL
        emit(check_disk(model_missing))
        emit(check_locations())
        if getattr(args, "mic_test", False):
            emit(mic_test(settings.microphone, announcer))
        final = summary(checks, voice=tts != "none")
        announcer.say(final.line(), final.spoken())
        announcer.finish()
    finally:
        if speaker is not None:
            speaker.close()
    return exit_code(checks)
