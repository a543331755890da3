"""``voiceguide run``: picks the input and the voice this machine can offer, then runs a session."""

from __future__ import annotations

import argparse
import sys

from voiceguide.dialog import Dialog, DialogSettings
from voiceguide.errors import EXIT_OK, UserError
from voiceguide.events import EventLog
from voiceguide.guide import load_guide
from voiceguide.inputs import InputSource, KeyboardInput, TextInput
from voiceguide.intents import IntentMatcher
from voiceguide.session import Session, SilentSpeaker
from voiceguide.vocabulary import load_vocabulary


def notice(message: str) -> None:
    """A message for the person at the console (not narration): on stderr, so stdout stays the guide's words."""
    print(message, file=sys.stderr, flush=True)


def choose_input(args: argparse.Namespace) -> str:
    """The input asked for, or the best this machine has."""
    if args.input:
        if args.audio_in and args.input != "audio":
            raise UserError("--audio-in ne sert qu'avec --input audio.")
        return args.input
    if args.audio_in:
        return "audio"
    if sys.stdin.isatty():
        return "keyboard"
    return "text"


def open_input(kind: str, args: argparse.Namespace) -> InputSource:
    if kind == "text":
        return TextInput(sys.stdin)
    if kind == "keyboard":
        return KeyboardInput(sys.stdin)
    raise UserError(f"L'entrée « {kind} » n'est pas encore disponible : utilisez --input keyboard ou --input text.")


def run_session(args: argparse.Namespace) -> int:
    guide = load_guide(args.guide)  # a broken guide stops here, before anything is said
    kind = choose_input(args)
    events = EventLog.open(args.events)
    settings = DialogSettings() if args.noinput_timeout is None else DialogSettings(noinput_timeout=args.noinput_timeout)
    vocabulary = load_vocabulary()
    dialog = Dialog(guide, vocabulary, settings)
    matcher = IntentMatcher(vocabulary, guide)
    speaker = SilentSpeaker()
    source = open_input(kind, args)
    try:
        session = Session(dialog, matcher, source, speaker, sys.stdout, events, settings.noinput_timeout)
        session.run()
    finally:
        source.close()
        events.close()
    return EXIT_OK
