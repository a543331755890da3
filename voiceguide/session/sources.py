"""Which input a run uses, checking it before anything is said, and opening it.

Shared by ``voiceguide run`` and ``voiceguide setup``. Only what the chosen
input needs is loaded: the typed inputs load neither numpy, sounddevice nor vosk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from voiceguide.errors import CannotRun, UserError
from voiceguide.listening.turns import InputKind
from voiceguide.listening.typed import KeyboardInput, TextInput
from voiceguide.session.turntaking import Inputs

if TYPE_CHECKING:
    from voiceguide.language.vocabulary import Vocabulary
    from voiceguide.listening.recognizer import RecognizerLoader


@dataclass(frozen=True)
class InputConfig:
    """The input asked for (None: the best this machine has) and what the spoken ones need."""

    kind: InputKind | None = None
    audio_files: tuple[Path, ...] = ()     # --input audio: one WAV per turn
    fast: bool = False                     # --input audio: no real-time pacing
    microphone: str | int | None = None    # device name (or part of it) or index; None: the system's
    model: Path | None = None              # vosk model folder; None: found where it is usually kept
    barge_in: bool = False                 # the voice may interrupt the guide (headset users)


def choose_input(config: InputConfig, terminal: bool) -> tuple[InputKind, str | None]:
    """The input asked for, or the best this machine has: the microphone, else keys on a terminal,
    else typed lines.

    Returns the kind and, when the microphone could not be chosen and keys
    are used instead, why (said to the user before the welcome).
    """
    if config.kind is not None:
        return config.kind, None
    problem = microphone_problem(config)
    if problem is None:
        return InputKind.MICRO, None
    if terminal:
        return InputKind.KEYBOARD, f"{problem} J'utilise donc le clavier : appuyez sur h pour entendre les touches."
    return InputKind.TEXT, None


def microphone_problem(config: InputConfig) -> str | None:
    """Why speech input cannot be used here (French), or None."""
    from voiceguide.listening.microphone import find_input_device, input_sounddevice
    from voiceguide.listening.model_store import find_model

    try:
        if find_model(config.model) is None:
            return "Je ne peux pas vous écouter : le modèle de reconnaissance vocale n'est pas installé."
        find_input_device(input_sounddevice(), config.microphone)
    except UserError:
        return "Je ne peux pas vous écouter : aucun microphone n'a été trouvé."
    return None


def check_inputs(kind: InputKind, config: InputConfig) -> Path | None:
    """Refuses bad audio files (exit 2) and a missing or wrong model folder (exit 1 or 2).

    Runs before the events log is opened and before any narration, so that a
    run refused for bad input leaves every file as it was. Returns the model
    folder for the spoken inputs.
    """
    if kind is InputKind.AUDIO:
        from voiceguide.listening.spoken import check_wav_files

        check_wav_files(config.audio_files)
    if kind is InputKind.MICRO:  # without a microphone the model is no use: say that first
        from voiceguide.listening.microphone import find_input_device, input_sounddevice

        find_input_device(input_sounddevice(), config.microphone)
    if kind in (InputKind.AUDIO, InputKind.MICRO):
        from voiceguide.listening.model_store import find_model, missing_model_message
        from voiceguide.listening.recognizer import check_model_dir

        model_dir = find_model(config.model)
        if model_dir is None:
            raise CannotRun(missing_model_message())
        check_model_dir(model_dir)
        return model_dir
    return None


def open_inputs(kind: InputKind, config: InputConfig, model_dir: Path | None, stdin: TextIO,
                vocabulary: Vocabulary) -> Inputs:
    """The sources of ``kind``; ``model_dir`` (from ``check_inputs``) for the spoken ones."""
    if kind is InputKind.TEXT:
        return Inputs(lines=TextInput(stdin))
    if kind is InputKind.KEYBOARD:
        return Inputs(keys=KeyboardInput(stdin))
    if model_dir is None:
        raise ValueError(f"{kind.value} input needs the model folder found by check_inputs")
    loader = _start_recognizer(model_dir, vocabulary)
    if kind is InputKind.AUDIO:
        from voiceguide.listening.spoken import AudioFileInput

        return Inputs(lines=AudioFileInput(config.audio_files, loader, fast=config.fast), ready=_loaded(loader))
    from voiceguide.listening.microphone import Microphone
    from voiceguide.listening.spoken import MicrophoneInput

    microphone = Microphone(config.microphone)
    listening = MicrophoneInput(microphone, loader)
    return Inputs(microphone=listening, keys=KeyboardInput(stdin) if stdin.isatty() else None,
                  fallback=lambda: TextInput(stdin), barge_in=config.barge_in, ready=_loaded(loader))


def _loaded(loader: RecognizerLoader) -> Callable[[float | None], bool]:
    """Inputs.ready for the spoken inputs: the model has loaded (its loading error is raised here)."""
    def ready(timeout: float | None) -> bool:
        try:
            loader.result(timeout)
        except TimeoutError:
            return False
        return True
    return ready


def _start_recognizer(model_dir: Path, vocabulary: Vocabulary) -> RecognizerLoader:
    """Starts loading the model in the background (the welcome is spoken meanwhile)."""
    from voiceguide.listening.recognizer import RecognizerLoader

    phrases = [p for c in vocabulary.commands for p in c.phrases]
    return RecognizerLoader(model_dir, check_phrases=phrases).start()
