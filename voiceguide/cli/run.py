"""``voiceguide run``: picks the input and the voice this machine can offer, then runs a session.

Order matters: every check that can refuse bad input (guide, options, audio
files, events path) runs before anything is said or any model is loaded;
the model then loads in the background while the welcome is spoken.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

from voiceguide.carer.diagnosis import startup_notices
from voiceguide.carer.settings import Settings, load_settings, merge_cli, settings_path
from voiceguide.dialog.intent import Modality
from voiceguide.dialog.machine import RESUME_AT, Dialog, DialogSettings
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.errors import EXIT_OK, CannotRun, UserError
from voiceguide.guide import DEFAULT_GUIDE, Guide, load_guide
from voiceguide.language.vocabulary import Vocabulary, load_vocabulary
from voiceguide.listening.turns import InputSource
from voiceguide.listening.typed import KeyboardInput, TextInput
from voiceguide.session.events import EventLog
from voiceguide.session.session import Session
from voiceguide.speaking.narrator import Narrator, NarratorConfig, open_narrator
from voiceguide.speech_levels import rate_wpm, volume


def notice(message: str) -> None:
    """A message for the person at the console (not narration): on stderr, so stdout stays the guide's words."""
    print(message, file=sys.stderr, flush=True)


def resolve_guide_path(name_or_path: str | None) -> Path:
    """``--guide`` takes a bundled or carer's guide name, or a path.

    Anything that looks like a path stays a path, so that a missing or
    broken file is reported by the validator as ``FILE:LINE: message``; a
    bare word that is only a folder here is a guide name (catalog).
    """
    if not name_or_path:
        return DEFAULT_GUIDE
    path = Path(name_or_path).expanduser()
    if (path.exists() and not path.is_dir()) or path.suffix or len(path.parts) > 1:
        return path
    from voiceguide.guide.catalog import resolve_guide

    return resolve_guide(name_or_path)


def load_run_settings(args: argparse.Namespace) -> Settings:
    """The carer's settings file, with this run's options on top."""
    settings, notices = load_settings(args.config)
    for line in notices:
        notice(line)
    return merge_cli(settings, vars(args))


def narrator_config(args: argparse.Namespace, settings: Settings) -> NarratorConfig:
    """Explicit --rate/--volume win; otherwise the carer's saved levels set the base pace and loudness."""
    config = NarratorConfig.from_options(voice=settings.voice, rate=args.rate, volume=args.volume,
                                         tts=args.tts, earcons=settings.earcons)
    if config.rate_wpm is None and settings.rate_level:
        config = dataclasses.replace(config, rate_wpm=rate_wpm(settings.rate_level))
    if config.volume is None and settings.volume_level:
        config = dataclasses.replace(config, volume=volume(settings.volume_level))
    return config


def choose_input(args: argparse.Namespace, settings: Settings) -> tuple[str, str | None]:
    """The input asked for (option, then settings), or the best this machine has.

    Returns the kind and, when the microphone could not be chosen by default,
    why (said to the user before the welcome).
    """
    if args.audio_in and (args.input or "audio") != "audio":
        raise UserError("--audio-in ne sert qu'avec --input audio.")
    if args.input:
        if args.input == "audio" and not args.audio_in:
            raise UserError("--input audio demande des fichiers : ajoutez --audio-in FICHIER.wav ...")
        return args.input, None
    if args.audio_in:
        return "audio", None
    if settings.input and settings.input != "audio":
        return settings.input, None
    problem = _micro_problem(settings)
    if problem is None:
        return "micro", None
    if sys.stdin.isatty():
        return "keyboard", f"{problem} J'utilise donc le clavier : appuyez sur h pour entendre les touches."
    return "text", None


def _micro_problem(settings: Settings) -> str | None:
    """Why speech input cannot be used here (French), or None."""
    from voiceguide.listening.audio_in import find_input_device, import_sounddevice
    from voiceguide.listening.model_store import find_model

    try:
        if find_model(settings.model) is None:
            return "Je ne peux pas vous écouter : le modèle de reconnaissance vocale n'est pas installé."
        find_input_device(import_sounddevice(), settings.microphone)
    except UserError:
        return "Je ne peux pas vous écouter : aucun microphone n'a été trouvé."
    return None


def start_recognizer(model_dir: Path, vocabulary: Vocabulary):
    """Start loading the model in the background (the welcome is spoken meanwhile)."""
    from voiceguide.listening.recognizer import RecognizerLoader

    phrases = [p for c in vocabulary.commands for p in c.phrases]
    return RecognizerLoader(model_dir, check_phrases=phrases).start()


def open_input(kind: str, args: argparse.Namespace, settings: Settings, vocabulary: Vocabulary,
               model_dir: Path | None, narrator: Narrator | None = None) -> InputSource:
    """The input source of ``kind``; ``model_dir`` (checked by ``check_inputs``) for the spoken ones."""
    if kind == "text":
        return TextInput(sys.stdin)
    if kind == "keyboard":
        return KeyboardInput(sys.stdin)
    if kind == "audio":
        from voiceguide.listening.spoken import AudioFileInput

        return AudioFileInput(args.audio_in, start_recognizer(model_dir, vocabulary), fast=args.fast)
    from voiceguide.listening.audio_in import Microphone
    from voiceguide.listening.spoken import MicrophoneInput, MicrophoneOrKeys

    microphone = Microphone(settings.microphone)
    loader = start_recognizer(model_dir, vocabulary)
    keys = KeyboardInput(sys.stdin) if sys.stdin.isatty() else None
    barge_in = narrator if settings.barge_in and narrator is not None else None
    listening = MicrophoneInput(microphone, loader, keys, speaker=barge_in)
    return MicrophoneOrKeys(listening, lambda: TextInput(sys.stdin), spoken_notice(narrator))


def modality_of(kind: str) -> Modality:
    """How the person answers with this input: keys, words, or both (a microphone on a terminal)."""
    if kind == "keyboard":
        return Modality.KEYS
    if kind == "micro" and sys.stdin.isatty():
        return Modality.WORDS | Modality.KEYS
    return Modality.WORDS


def spoken_notice(narrator: Narrator | None) -> Callable[[str], None]:
    """Tells the user something that changes how to answer (the microphone is gone): shown and said."""
    def announce(message: str) -> None:
        notice(message)
        if narrator is not None:
            narrator.say(message)

    return announce


def check_inputs(kind: str, args: argparse.Namespace, settings: Settings) -> Path | None:
    """Refuses bad audio files (exit 2) and a missing or wrong model folder (exit 1 or 2).

    Runs before the events log is opened and before any narration, so that a
    run refused for bad input leaves every file as it was. Returns the model
    folder for the spoken inputs.
    """
    if kind == "audio":
        from voiceguide.listening.audio_in import check_wav_files

        check_wav_files(args.audio_in)
    if kind == "micro":  # without a microphone the model is no use: say that first
        from voiceguide.listening.audio_in import find_input_device, import_sounddevice

        find_input_device(import_sounddevice(), settings.microphone)
    if kind in ("audio", "micro"):
        from voiceguide.listening.model_store import find_model, missing_model_message
        from voiceguide.listening.recognizer import check_model_dir

        model_dir = find_model(settings.model)
        if model_dir is None:
            raise CannotRun(missing_model_message())
        check_model_dir(model_dir)
        return model_dir
    return None


def check_events_path(events: Path | None, precious: dict[Path, str]) -> None:
    """Refuses an events log that would overwrite the guide, the settings, the progress or a recording.

    ``precious`` maps each file to its French description ("le guide").
    """
    if events is None or not events.exists():
        return
    for path, what in precious.items():
        try:
            same = path.exists() and events.samefile(path)
        except OSError:
            same = False
        if same:
            raise UserError(f"Le journal « {events} » est {what} : l'écrire l'effacerait. "
                            "Donnez un autre nom de fichier à --events.")


def run_session(args: argparse.Namespace) -> int:
    from voiceguide.carer.progress import (
        clear_progress,
        load_progress,
        progress_key,
        progress_path,
        save_progress,
    )

    guide_path = resolve_guide_path(args.guide)
    guide = load_guide(guide_path)  # a broken guide stops here, before anything is said
    settings = load_run_settings(args)
    kind, why_not_micro = choose_input(args, settings)
    config = dataclasses.replace(narrator_config(args, settings), pronunciation=guide.pronunciation)
    precious = {guide_path: "le fichier du guide", settings_path(args.config): "le fichier des réglages",
                progress_path(): "le fichier qui garde votre progression",
                **{Path(p): "un des enregistrements donnés à --audio-in" for p in args.audio_in}}
    check_events_path(args.events, precious)
    model_dir = check_inputs(kind, args, settings)
    dialog_settings = DialogSettings(noinput_timeout=settings.noinput_timeout)
    vocabulary = load_vocabulary()
    dialog = Dialog(guide, vocabulary, dialog_settings)
    matcher = IntentMatcher(vocabulary, guide)
    events = EventLog.open(args.events, notify=notice)
    key = progress_key(guide_path)
    # --restart forgets the saved step only through _remember, once the session has begun:
    # a run refused before that leaves the progress as it was.
    saved = None if args.restart else load_progress(key, {s.id for s in guide.steps}, notify=notice)
    narrator: Narrator | None = None
    source: InputSource | None = None
    session: Session | None = None
    try:
        narrator = open_narrator(config)
        for line in startup_notices(narrator):   # why the guide is silent, if it is
            notice(line)
        source = open_input(kind, args, settings, vocabulary, model_dir, narrator)
        session = Session(dialog, matcher, source, narrator, sys.stdout, events, notify=notice)
        session.run(resume=saved, intro=(why_not_micro,) if why_not_micro else (), modality=modality_of(kind))
    finally:
        if session is not None and session.state is not None:
            _remember(session.state, guide, key, save_progress, clear_progress)
        if source is not None:
            source.close()
        if narrator is not None:
            narrator.close()
        events.close()
    return EXIT_OK


def _remember(state, guide: Guide, key: str, save, clear) -> None:
    """Keep the step where the user stopped, unless the guide was finished or never begun."""
    if state.pending is not None and state.pending.name == RESUME_AT:
        return  # the resume question was never answered: the saved step still holds
    if guide.step(state.step).end or state.step == guide.start:
        clear(key, notify=notice)
    else:
        save(key, state.step, notify=notice)
