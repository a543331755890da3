"""``voiceguide run``: from the resolved run configuration to a finished session.

Order matters: every check that can refuse bad input (guide, options, audio
files, events path) runs before anything is said or any model is loaded;
the model then loads in the background while the welcome is spoken. The
session starts for good only once it has loaded: until then the events log
is not written and the progress is not touched, and a failure is said aloud
as well as printed.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from voiceguide.carer.diagnosis import startup_notices
from voiceguide.dialog.machine import Dialog, DialogSettings, State
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.dialog.second_opinion import meaning_index
from voiceguide.errors import EXIT_OK, UserError, notify
from voiceguide.guide import DEFAULT_GUIDE, Guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.turns import InputKind
from voiceguide.session.events import EventLog
from voiceguide.session.ports import Speaker
from voiceguide.session.session import Session
from voiceguide.session.sources import InputConfig, check_inputs, choose_input, open_inputs
from voiceguide.session.turntaking import TurnTaking
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.speaker import open_speaker


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


@dataclass(frozen=True)
class RunConfig:
    """Everything ``voiceguide run`` needs, the carer's settings and this run's options merged once."""

    guide_path: Path
    inputs: InputConfig
    speech: NarratorConfig
    noinput_timeout: float         # seconds of silence before a re-prompt at a question
    settings_file: Path            # never overwritten by the events log
    action_wait: float = 90.0      # seconds left to act on the website before one short reminder
    sees_screen: bool = False      # positions on the screen are said too
    screen_reader: bool | None = None   # print only; None: ask when a screen reader is found running
    config: Path | None = None     # --config, where a choice made during the run is kept
    events: Path | None = None     # --events
    restart: bool = False          # --restart: do not offer to resume


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


def run_session(config: RunConfig, guide: Guide) -> int:
    from voiceguide.carer.progress import (
        clear_progress,
        load_progress,
        progress_key,
        progress_path,
        save_progress,
    )

    speech = config.speech
    if config.screen_reader:   # the person's screen reader speaks: the guide's own voice is not even started
        speech = dataclasses.replace(speech, tts="none", earcons=False)
    try:
        kind, why_not_micro = choose_input(config.inputs, sys.stdin.isatty())
        precious = {config.guide_path: "le fichier du guide", config.settings_file: "le fichier des réglages",
                    progress_path(): "le fichier qui garde votre progression",
                    **{Path(p): "un des enregistrements donnés à --audio-in" for p in config.inputs.audio_files}}
        check_events_path(config.events, precious)
        model_dir = check_inputs(kind, config.inputs)
        events = EventLog.open(config.events, notify=notify)
    except UserError as exc:   # refused before a word was said: said aloud too, when the guide can speak
        _say_why_alone(speech, exc)
        raise
    vocabulary = load_vocabulary()
    dialog = Dialog(guide, vocabulary, DialogSettings(noinput_timeout=config.noinput_timeout,
                                                      action_wait=config.action_wait,
                                                      sees_screen=config.sees_screen))
    meanings = meaning_index(vocabulary, guide)
    matcher = IntentMatcher(vocabulary, guide, meanings=meanings)
    key = progress_key(config.guide_path)
    # --restart forgets the saved step only through _remember, once the session has begun:
    # a run refused before that leaves the progress as it was.
    saved = None if config.restart else load_progress(key, {s.id for s in guide.steps}, notify=notify)
    reader = _screen_reader_to_ask_about(config, kind)
    speaker: Speaker | None = None
    turns: TurnTaking | None = None
    session: Session | None = None
    try:
        speaker = open_speaker(speech)
        if not config.screen_reader:
            for line in startup_notices(speaker):   # why the guide is silent, if it is
                notify(line)
        turns = TurnTaking(speaker, open_inputs(kind, config.inputs, model_dir, sys.stdin, vocabulary))
        session = Session(dialog, matcher, turns, sys.stdout, events, notify=notify,
                          screen_reader=bool(config.screen_reader) or reader is not None)
        if kind in (InputKind.MICRO, InputKind.AUDIO):
            meanings.start()   # about a second, while the welcome is spoken; typed lines load it when needed
        session.run(resume=saved, intro=(why_not_micro,) if why_not_micro else (), ask_screen_reader=reader)
    except UserError as exc:   # the model would not load, a device went away...: said, not only printed
        if speaker is not None:
            _say_why(speaker, exc)
        raise
    finally:
        # A session that never started (its inputs were not ready) leaves the progress as it was.
        if session is not None and session.started and session.state is not None:
            _remember(session.state, guide, key, save_progress, clear_progress)
        if session is not None and session.screen_reader_chosen is not None:
            _keep_screen_reader_choice(config.config, session.screen_reader_chosen)
        if turns is not None:
            turns.close()
        if speaker is not None:
            speaker.close()
        events.close()
        meanings.settle()   # a run that gives up at once may still be loading the encoder
    return EXIT_OK


SAY_WHY_SECONDS = 60.0   # the longest wait for the reason to be heard before the program ends


def _say_why(speaker: Speaker, error: UserError) -> None:
    """Tells the person aloud why the guide stops (the console shows the full message)."""
    speaker.say((error.spoken, "Le guide s'arrête."))
    speaker.wait(SAY_WHY_SECONDS)


def _say_why_alone(speech: NarratorConfig, error: UserError) -> None:
    """The same, before the guide's voice was started: started for this alone (nothing with --tts none)."""
    if speech.tts == "none":
        return
    speaker = open_speaker(speech)
    try:
        _say_why(speaker, error)
    finally:
        speaker.close()


def _screen_reader_to_ask_about(config: RunConfig, kind: InputKind) -> str | None:
    """A running screen reader, when nobody has chosen yet whether the guide should speak and a
    person is there to answer (keys or the microphone); None otherwise."""
    if config.screen_reader is not None or kind not in (InputKind.KEYBOARD, InputKind.MICRO):
        return None
    from voiceguide.carer.screen_reader import running_screen_reader

    return running_screen_reader()


def _keep_screen_reader_choice(config_file: Path | None, chosen: bool) -> None:
    """The answer is asked once: it goes into the settings (``voiceguide setup`` changes it)."""
    from voiceguide.carer.settings import remember

    try:
        written = remember(config_file, screen_reader=chosen)
    except (OSError, UserError) as exc:
        notify(f"Votre choix n'a pas pu être enregistré ({getattr(exc, 'strerror', None) or exc}) : "
               "le guide vous reposera la question. « voiceguide setup » permet aussi de le régler.")
        return
    where = str(written) if chosen else f"« {written} »"   # the screen reader's lines are plain: no guillemets
    notify(f"Choix enregistré dans {where} : mode lecteur d'écran {'activé' if chosen else 'désactivé'}.")


def _remember(state: State, guide: Guide, key: str, save: Callable[..., object],
              clear: Callable[..., object]) -> None:
    """Keep the step where the user stopped, unless the guide was finished or never begun."""
    if state.saved is not None:
        return  # left before going back to the saved step: it still holds
    if guide.step(state.step).end or state.step == guide.start:
        clear(key, notify=notify)
    else:
        save(key, state.step, notify=notify)
