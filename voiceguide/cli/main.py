"""The ``voiceguide`` command: parses options and turns every user error into a French message and an exit code."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from voiceguide import __version__
from voiceguide.cli.argparse_fr import FrenchParser
from voiceguide.cli.console import ends_like_ctrl_c, let_go_of_output, tell, usable_streams
from voiceguide.errors import (
    EXIT_CANNOT_RUN,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    UserError,
    notify,
)
from voiceguide.listening.turns import InputKind
from voiceguide.speaking.config import TTS_ENGINES
from voiceguide.speech_levels import BASE_RATE_WPM
from voiceguide.userdirs import path_name_problem

if TYPE_CHECKING:
    from voiceguide.carer.settings import Settings
    from voiceguide.cli.run import RunConfig
    from voiceguide.guide.model import Guide, Pronunciation


def _file_name(value: str) -> str:
    """A file or guide name as typed; one the system would refuse for its length is refused here, in French."""
    problem = path_name_problem(os.path.expanduser(value))
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


def _path(value: str) -> Path:
    return Path(_file_name(value))


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=_path, default=None, metavar="FICHIER",
                        help="fichier de réglages à utiliser (par défaut celui de l'utilisateur)")


def _guide_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--guide", type=_file_name, default=None, metavar="NOM|FICHIER",
                        help="le guide : un nom (voir « voiceguide guides ») ou un fichier ; par défaut le guide Ameli")


def _voice_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--voice", default=None, metavar="VOIX", help="voix à utiliser (nom ou identifiant)")
    parser.add_argument("--rate", default=None, metavar="MOTS/MIN",
                        help=f"débit de la voix en mots par minute (par défaut {BASE_RATE_WPM})")
    parser.add_argument("--volume", default=None, metavar="VOLUME", help="volume, de 0 à 1 ou en pourcentage")


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="voiceguide",
        description="Guide vocal hors ligne, pas à pas, en français.",
        epilog="Exemple : voiceguide run --input keyboard  (puis « h » pour l'aide)",
    )
    parser.add_argument("--version", action="version", version=f"voiceguide {__version__}",
                        help="affiche la version et quitte")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)

    run = commands.add_parser("run", help="lancer le guide", description="Lance le guide et le lit à voix haute.")
    _guide_option(run)
    run.add_argument("--input", choices=[kind.value for kind in InputKind], default=None,
                     help="entrée : micro, audio (fichiers WAV), keyboard (touches), text (une phrase par ligne) ; "
                          "par défaut la meilleure disponible")
    run.add_argument("--audio-in", type=_path, nargs="+", default=[], metavar="WAV",
                     help="avec --input audio : un fichier WAV par tour de parole")
    run.add_argument("--fast", action="store_true", help="avec --input audio : lire les fichiers sans attendre")
    run.add_argument("--tts", choices=TTS_ENGINES, default="pyttsx3",
                     help="voix : pyttsx3 (par défaut) ou none (texte seulement)")
    _voice_options(run)
    run.add_argument("--no-earcons", dest="earcons", action="store_const", const=False, default=None,
                     help="pas de petits sons (écoute, incompris)")
    run.add_argument("--events", type=_path, default=None, metavar="FICHIER",
                     help="écrire le journal des événements (JSON Lines) dans ce fichier")
    run.add_argument("--model", type=_path, default=None, metavar="DOSSIER", help="dossier du modèle vosk français")
    run.add_argument("--mic", dest="microphone", default=None, metavar="MICRO",
                     help="microphone à utiliser : numéro ou partie du nom")
    run.add_argument("--barge-in", dest="barge_in", action="store_const", const=True, default=None,
                     help="avec un casque : parler coupe la voix du guide (le micro écoute tout le temps)")
    run.add_argument("--noinput-timeout", type=_seconds("noinput"), default=None, metavar="SECONDES",
                     help="silence avant une relance quand le guide pose une question (par défaut 9 s)")
    run.add_argument("--action-wait", dest="action_wait", type=_seconds("action"), default=None,
                     metavar="SECONDES",
                     help="temps laissé pour agir sur le site avant un court rappel (par défaut 90 s)")
    run.add_argument("--sees-screen", dest="sees_screen", action="store_const", const=True, default=None,
                     help="la personne voit un peu l'écran : le guide dit aussi où sont les éléments")
    run.add_argument("--screen-reader", dest="screen_reader", action="store_const", const=True, default=None,
                     help="mode lecteur d'écran : le guide écrit seulement, sans parler "
                          "(NVDA, JAWS, VoiceOver ou Orca lit ses lignes)")
    run.add_argument("--no-screen-reader", dest="screen_reader", action="store_const", const=False,
                     help="le guide parle de sa propre voix, même si un lecteur d'écran fonctionne")
    run.add_argument("--restart", action="store_true", help="commencer au début, sans proposer de reprendre")
    _config_option(run)

    validate = commands.add_parser("validate", help="vérifier un fichier de guide",
                                   description="Vérifie un guide ; un problème par ligne : FICHIER:LIGNE: message.")
    validate.add_argument("file", nargs="?", type=_file_name, default=None, metavar="FICHIER",
                          help="le guide à vérifier : un fichier ou un nom (par défaut : le guide Ameli)")
    validate.add_argument("--graph", type=_path, default=None, metavar="FICHIER",
                          help="écrire aussi le déroulé du guide en diagramme Mermaid dans ce fichier")

    render = commands.add_parser("render", help="enregistrer le guide en fichiers WAV",
                                 description="Enregistre chaque étape dans un fichier WAV, avec une liste de lecture .m3u.")
    render.add_argument("--out", type=_path, required=True, metavar="DOSSIER", help="dossier où écrire les fichiers")
    _guide_option(render)
    _voice_options(render)

    model = commands.add_parser("model", help="le modèle de reconnaissance vocale",
                                description="Installe le modèle vosk français.")
    model_commands = model.add_subparsers(dest="model_command", metavar="ACTION", parser_class=FrenchParser)
    download = model_commands.add_parser("download", help="télécharger et installer le modèle français")
    download.add_argument("--dest", type=_path, default=None, metavar="DOSSIER",
                          help="dossier où l'installer (par défaut models/ ou le dossier de l'utilisateur)")
    download.add_argument("--auto", action="store_true",
                          help="essai automatique (make run) : ne réessaie pas si le site était injoignable la fois "
                               "précédente")

    commands.add_parser("guides", help="lister les guides disponibles")

    doctor = commands.add_parser(
        "doctor", help="vérifier cet ordinateur (voix, son, micro, modèle)",
        description="Une ligne par vérification : OK, ÉCHEC (et quoi faire) ou INFO. "
                    "Code 0 si l'essentiel fonctionne.")
    doctor.add_argument("--mic-test", action="store_true",
                        help="enregistrer trois secondes et dire si le niveau du micro est bon (rien n'est gardé)")
    doctor.add_argument("--details", action="store_true",
                        help="ajouter à la fin les détails techniques (erreurs des bibliothèques, versions)")
    doctor.add_argument("--model", type=_path, default=None, metavar="DOSSIER", help="dossier du modèle vosk à vérifier")
    doctor.add_argument("--tts", choices=TTS_ENGINES, default="pyttsx3",
                        help="voix : pyttsx3 (par défaut) ou none")
    doctor.add_argument("--mic", dest="microphone", default=None, metavar="MICRO",
                        help="microphone à vérifier : numéro ou partie du nom")
    _config_option(doctor)

    setup = commands.add_parser(
        "setup", help="régler le guide : micro, haut-parleur, vitesse, modèle",
        description="Réglage guidé, à la voix ou au clavier ; enregistre les réglages à la fin.")
    setup.add_argument("--input", choices=[k.value for k in (InputKind.KEYBOARD, InputKind.TEXT, InputKind.MICRO)],
                       default=None,
                       help="comment répondre ; par défaut la meilleure entrée disponible")
    setup.add_argument("--tts", choices=TTS_ENGINES, default="pyttsx3",
                       help="voix : pyttsx3 (par défaut) ou none")
    _config_option(setup)

    config = commands.add_parser("config", help="les réglages enregistrés")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION", parser_class=FrenchParser)
    show = config_commands.add_parser("show", help="afficher les réglages en vigueur")
    _config_option(show)
    return parser


def _seconds(which: str) -> Callable[[str], float]:
    """A number of seconds within the bounds the settings file accepts for the same wait."""
    def convert(value: str) -> float:
        from voiceguide.carer import settings

        low, high = ((settings.MIN_NOINPUT_TIMEOUT, settings.MAX_NOINPUT_TIMEOUT) if which == "noinput"
                     else (settings.MIN_ACTION_WAIT, settings.MAX_ACTION_WAIT))
        try:
            seconds = float(value.replace(",", "."))
        except ValueError:
            raise argparse.ArgumentTypeError(f"« {value} » n'est pas un nombre de secondes") from None
        if not low <= seconds <= high:
            bounds = f"entre {low:g} et {high:g}".replace(".", ",")
            raise argparse.ArgumentTypeError(f"donnez un nombre de secondes {bounds}")
        return seconds
    return convert


def cmd_validate(args: argparse.Namespace) -> int:
    from voiceguide.cli.run import resolve_guide_path
    from voiceguide.guide import check_guide

    path = resolve_guide_path(args.file)
    if args.graph is not None:   # before anything is printed: a bad chart name is refused alone
        from voiceguide.carer.graph import check_graph_target

        check_graph_target(args.graph)
    guide, problems = check_guide(path)
    if guide is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    print(f"{path} : guide valide ({len(guide.steps)} étapes).")
    _warn_choices_said_as_commands(path, guide)
    if args.graph is not None:
        from voiceguide.carer.graph import write_mermaid

        write_mermaid(guide, args.graph)
        print(f"Diagramme Mermaid écrit dans « {args.graph} ».")
    return EXIT_OK


def _warn_choices_said_as_commands(path: Path, guide: Guide) -> None:
    """A valid guide can still have a choice that a command's words take: said, with what to do."""
    from voiceguide.dialog.matcher import IntentMatcher
    from voiceguide.language.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    for step, choice, said, command in IntentMatcher(vocabulary, guide).choices_said_as_commands():
        name = vocabulary.command(command).label
        print(f"{path}:{choice.line}: attention : à l'étape « {step.id} », la phrase « {said} » du choix "
              f"« {choice.label} » veut dire à elle seule « {name} » : toute demande de « {name} » à cette étape "
              "choisirait ce choix. Ajoutez-lui les mots qui le distinguent, ou retirez-la.")


def cmd_run(args: argparse.Namespace) -> int:
    from voiceguide.speaking.speaker import close_launched_engine, launch_speech_engine

    if args.tts != "none" and not args.screen_reader:   # the speech engine starts while the guide is read
        launch_speech_engine()
    try:
        from voiceguide.cli.run import resolve_guide_path, run_session
        from voiceguide.guide import load_guide

        guide_path = resolve_guide_path(args.guide)
        guide = load_guide(guide_path)  # a broken guide stops here, before anything is said or set aside
        return run_session(_run_config(args, _settings(args.config), guide_path, guide.pronunciation), guide)
    finally:
        close_launched_engine()   # when the run stopped before its narrator took the engine


def _settings(config: Path | None, *, read_only: bool = False) -> Settings:
    """The carer's settings; what was wrong in the file is told on the console."""
    from voiceguide.carer.settings import load_settings

    settings, notices = load_settings(config, read_only=read_only)
    for line in notices:
        notify(line)
    return settings


def _run_config(args: argparse.Namespace, saved: Settings, guide_path: Path, pronunciation: Pronunciation
                ) -> RunConfig:
    """The options of ``voiceguide run`` over the carer's settings, resolved once for the whole run."""
    from voiceguide.carer.settings import merge_cli, settings_path
    from voiceguide.cli.run import RunConfig
    from voiceguide.session.sources import InputConfig
    from voiceguide.speaking.config import NarratorConfig
    from voiceguide.speech_levels import Levels

    settings = merge_cli(saved, vars(args))
    speech = NarratorConfig.from_options(voice=settings.voice, rate=args.rate, volume=args.volume, tts=args.tts,
                                         earcons=settings.earcons,
                                         saved=Levels(settings.rate_level, settings.volume_level))
    speech = dataclasses.replace(speech, pronunciation=pronunciation)   # the guide's table, for speech only
    inputs = InputConfig(kind=_input_kind(args, settings), audio_files=tuple(args.audio_in), fast=args.fast,
                         microphone=settings.microphone, model=settings.model, barge_in=settings.barge_in)
    return RunConfig(guide_path=guide_path, inputs=inputs, speech=speech,
                     noinput_timeout=settings.noinput_timeout, action_wait=settings.action_wait,
                     sees_screen=settings.sees_screen, screen_reader=settings.screen_reader,
                     settings_file=settings_path(args.config), config=args.config,
                     events=args.events, restart=args.restart)


def _input_kind(args: argparse.Namespace, settings: Settings) -> InputKind | None:
    """The input asked for by the options, then by the settings; None: the best this machine has."""
    asked = InputKind(args.input) if args.input else None
    if args.audio_in and asked not in (None, InputKind.AUDIO):
        raise UserError("--audio-in ne sert qu'avec --input audio.")
    if asked is InputKind.AUDIO and not args.audio_in:
        raise UserError("--input audio demande des fichiers : ajoutez --audio-in FICHIER.wav ...")
    if asked is None and args.audio_in:
        return InputKind.AUDIO
    if asked is None and settings.input and settings.input != InputKind.AUDIO.value:
        return InputKind(settings.input)   # a saved "audio" has no files to read: the best input instead
    return asked


def cmd_render(args: argparse.Namespace) -> int:
    from voiceguide.carer.render import render_guide
    from voiceguide.cli.run import resolve_guide_path
    from voiceguide.dialog.machine import Dialog
    from voiceguide.guide import load_guide
    from voiceguide.language.vocabulary import load_vocabulary
    from voiceguide.speaking.config import NarratorConfig

    guide = load_guide(resolve_guide_path(args.guide))
    config = NarratorConfig.from_options(voice=args.voice, rate=args.rate, volume=args.volume)
    written = render_guide(Dialog(guide, load_vocabulary()), args.out, config, notify=notify)
    print(f"{len(written) - 1} fichiers WAV et la liste de lecture « {written[-1].name} » écrits dans « {args.out} ».")
    return EXIT_OK


def cmd_model(args: argparse.Namespace) -> int:
    if args.model_command != "download":
        print("Précisez l'action : voiceguide model download", file=sys.stderr)
        return EXIT_USAGE
    from voiceguide.listening.model_store import main_download

    return main_download(args.dest, auto=args.auto)


def cmd_guides(args: argparse.Namespace) -> int:
    from voiceguide.guide.catalog import format_guides, list_guides

    print(format_guides(list_guides()))
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    if args.config_command != "show":
        print("Précisez l'action : voiceguide config show", file=sys.stderr)
        return EXIT_USAGE
    from voiceguide.carer.settings import format_settings, settings_path

    print(format_settings(_settings(args.config, read_only=True), settings_path(args.config)))
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from voiceguide.carer.doctor import run_doctor

    return run_doctor(test_microphone=args.mic_test, show_details=args.details, config=args.config, model=args.model,
                      tts=args.tts,
                      microphone=args.microphone)


def cmd_setup(args: argparse.Namespace) -> int:
    from voiceguide.carer.setup_wizard import run_setup

    return run_setup(config=args.config, input_kind=InputKind(args.input) if args.input else None, tts=args.tts)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": cmd_run,
    "validate": cmd_validate,
    "render": cmd_render,
    "model": cmd_model,
    "guides": cmd_guides,
    "config": cmd_config,
    "doctor": cmd_doctor,
    "setup": cmd_setup,
}


def main(argv: Sequence[str] | None = None) -> int:
    usable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("indiquez une commande : run, validate, render, model, guides, config, doctor, setup")
    try:
        with ends_like_ctrl_c():   # closing the terminal, SIGTERM: progress saved, terminal given back
            return COMMANDS[args.command](args)
    except UserError as exc:
        tell(exc.message)
        return exc.code
    except KeyboardInterrupt:
        tell("\nInterrompu.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Whoever read the output went away (``voiceguide ... | head``): a normal end, said nowhere.
        let_go_of_output(sys.stdout)
        return EXIT_OK
    except OSError as exc:  # a disk or device fault that no module foresaw: still no traceback
        if exc.errno == errno.ENAMETOOLONG:   # a name from the settings file or the environment
            problem = path_name_problem(str(exc.filename or "")) or "un nom de fichier est trop long"
            tell(f"Nom de fichier refusé par le système : {problem} (dans les réglages, la variable "
                 "VOICEGUIDE_MODEL ou la ligne de commande).")
            return EXIT_USAGE
        tell(f"Erreur du système : {exc}. Réessayez ; si cela persiste, lancez « voiceguide doctor ».")
        return EXIT_CANNOT_RUN
