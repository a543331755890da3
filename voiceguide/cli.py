"""The ``voiceguide`` command: parses options and turns every user error into a French message and an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from voiceguide import __version__
from voiceguide.argparse_fr import FrenchParser
from voiceguide.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UserError
from voiceguide.guide import DEFAULT_GUIDE, check_guide

INPUTS = ("micro", "audio", "keyboard", "text")


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="voiceguide",
        description="Guide vocal hors ligne, pas à pas, en français.",
        epilog="Exemple : voiceguide run --input keyboard  (puis « h » pour l'aide)",
    )
    parser.add_argument("--version", action="version", version=f"voiceguide {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)

    run = commands.add_parser("run", help="lancer le guide", description="Lance le guide et le lit à voix haute.")
    run.add_argument("--guide", type=Path, default=DEFAULT_GUIDE, metavar="FICHIER",
                     help="fichier du guide (par défaut : le guide Ameli)")
    run.add_argument("--input", choices=INPUTS, default=None,
                     help="entrée : micro, audio (fichiers WAV), keyboard (touches), text (une phrase par ligne) ; "
                          "par défaut la meilleure disponible")
    run.add_argument("--audio-in", type=Path, nargs="+", default=[], metavar="WAV",
                     help="avec --input audio : un fichier WAV par tour de parole")
    run.add_argument("--fast", action="store_true", help="avec --input audio : lire les fichiers sans attendre")
    run.add_argument("--tts", choices=("pyttsx3", "none"), default="pyttsx3",
                     help="voix : pyttsx3 (par défaut) ou none (texte seulement)")
    run.add_argument("--events", type=Path, default=None, metavar="FICHIER",
                     help="écrire le journal des événements (JSON Lines) dans ce fichier")
    run.add_argument("--model", type=Path, default=None, metavar="DOSSIER", help="dossier du modèle vosk français")
    run.add_argument("--noinput-timeout", type=_positive_seconds, default=None, metavar="SECONDES",
                     help="silence avant une relance (par défaut 8 s)")

    validate = commands.add_parser("validate", help="vérifier un fichier de guide",
                                   description="Vérifie un guide ; un problème par ligne : FICHIER:LIGNE: message.")
    validate.add_argument("file", type=Path, nargs="?", default=DEFAULT_GUIDE, metavar="FICHIER",
                          help="le guide à vérifier (par défaut : le guide Ameli)")
    return parser


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {value} » n'est pas un nombre de secondes") from None
    if not 0.5 <= seconds <= 600:
        raise argparse.ArgumentTypeError("donnez un nombre de secondes entre 0,5 et 600")
    return seconds


def cmd_validate(args: argparse.Namespace) -> int:
    guide, problems = check_guide(args.file)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    print(f"{args.file} : guide valide ({len(guide.steps)} étapes).")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from voiceguide.launch import run_session

    return run_session(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": cmd_run,
    "validate": cmd_validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("\nInterrompu.", file=sys.stderr)
        return EXIT_INTERRUPTED
