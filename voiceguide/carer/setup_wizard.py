"""``voiceguide setup``: a spoken and printed walk-through that sets voiceguide up for one user.

Five steps, then the settings are saved (settings.save_settings):

1. the screen: does the person see it a little, and should their own screen
   reader do the speaking (setup_screen.py);
2. the microphone: each one is tried in turn (the user speaks, the level is
   shown) and kept by saying « celui-ci » or by its number;
3. the speaker and 4. the speech rate, by ear (« plus fort », « plus vite »,
   « c'est bien »: the guide's own words) — skipped when the screen reader speaks;
5. the French speech-recognition model: downloaded if missing, after asking.

It works by voice, by keyboard alone, and by text lines on stdin (tests,
scripts): all three go through the same questions, the same matcher
(setup_answers.py) and the same turn-taking as a guide. A step this machine
cannot run (no microphone, no sound card, no voice) is skipped with the
reason and what to do, and the settings are still saved.

Leaving early saves nothing: « quitter » (confirmed) or the end of the input
ends with exit 0, Ctrl-C (or SIGTERM, or the terminal closed) with exit 130; each says that
nothing was saved.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from voiceguide.carer.diagnosis import Cause, Finding, sound_output, startup_notices, why_silent
from voiceguide.carer.microphone import MicStatus, find_microphones, measure_level, record
from voiceguide.carer.report import Announcer
from voiceguide.carer.screen_reader import running_screen_reader
from voiceguide.carer.settings import Settings, load_settings, save_settings, settings_path
from voiceguide.carer.setup_answers import (
    KEEP,
    KEEP_CHOICE,
    MIC_PREFIX,
    NO_GUIDE,
    SILENCE,
    THIS,
    Question,
    describe,
    interpret,
    introduction,
    microphone_choices,
    next_microphone,
    next_rate,
    next_volume,
)
from voiceguide.carer.setup_screen import screen_step
from voiceguide.dialog.intent import InputsChanged
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.dialog.wording import Wording, key_short, or_list
from voiceguide.errors import EXIT_INTERRUPTED, EXIT_OK, CannotRun, UserError, notify
from voiceguide.language.vocabulary import Vocabulary, load_vocabulary
from voiceguide.listening.model_store import (
    MODEL_LIST_URL,
    ProgressBar,
    default_download_root,
    fetch_model,
    find_model,
)
from voiceguide.listening.turns import EndOfInput, InputKind
from voiceguide.session.sources import InputConfig, check_inputs, choose_input, open_inputs
from voiceguide.session.turntaking import TurnTaking
from voiceguide.speech_levels import rate_words

STEPS = 5
SPEAKER_SAMPLE = "Ceci est un essai de la voix du guide."
RATE_SAMPLE = ("Voici la voix du guide à cette vitesse. Pour vous connecter à votre compte Ameli, "
               "ouvrez votre navigateur, puis allez sur le site ameli.fr.")


class SetupAbandoned(Exception):
    """The user chose to stop (« quitter », confirmed): nothing is saved."""


# --------------------------------------------------------------------------- the walk-through

class Wizard:
    """Asks the questions, taking turns with the person as a guide does, and speaks through the announcer."""

    def __init__(self, settings: Settings, announcer: Announcer, turns: TurnTaking, vocabulary: Vocabulary, *,
                 timeout: float, download: Callable[[], Path], told: frozenset[Cause] = frozenset()) -> None:
        self.settings = dataclasses.replace(settings)
        self.microphone = "pas encore choisi"   # for the summary: the one kept, or why none is
        self.told = set(told)                   # causes already said with their fix (at the start)
        self.say = announcer.say
        self.announcer = announcer
        self.turns = turns
        self.speaker = turns.speaker
        self.vocabulary = vocabulary
        self.matcher = IntentMatcher(vocabulary, NO_GUIDE)
        self.wording = Wording(vocabulary)   # the guide's own words for what the setup shares with it
        self.timeout = timeout
        self.download = download

    # ---------------------------------------------------------------- asking

    def said(self, name: str) -> str:
        """« label » (touche K) of a vocabulary command, for help texts."""
        spec = self.vocabulary.command(name)
        keys = or_list([key_short(k) for k in spec.keys])
        return f"« {spec.label} » (touche {keys})" if keys else f"« {spec.label} »"

    def yes_no(self, text: str) -> Question:
        return Question(text, ("yes", "no"), f"Répondez {self.said('yes')} ou {self.said('no')}.", yes_no=True)

    def ask(self, question: Question) -> str:
        """Asks until one of the question's answers is given; « aide », « répéter » and silence are
        handled here, « quitter » ends the setup after a confirmation."""
        self.say(question.text)
        silences = 0
        while True:
            options = question.options
            turn = self.turns.next_turn(self.matcher.grammar(options), self.timeout)
            if isinstance(turn, InputsChanged):   # the microphone is gone: say how to go on, then listen again
                self.say(self.wording.for_(turn.modality).microphone_lost())
                continue
            answer = interpret(turn, self.matcher, options)
            if answer in question.answers:
                return answer
            if answer == SILENCE:
                silences += 1
                if silences > 1:
                    continue   # the help was said once; then wait quietly (the carer may be reading)
            if answer == "quit":
                self._confirm_quit()
                self.say(question.text)
            elif answer == "repeat":
                self.say(question.text)
            elif answer in ("help", SILENCE):
                self.say(f"{question.help} Pour arrêter sans rien enregistrer : {self.said('quit')}.")
            else:
                self.say(f"Je n'ai pas compris. {question.help}")

    def _confirm_quit(self) -> None:
        question = self.yes_no("Voulez-vous arrêter le réglage sans rien enregistrer ? Oui ou non.")
        question = dataclasses.replace(question, answers=("yes", "no", "quit"))
        if self.ask(question) in ("yes", "quit"):
            raise SetupAbandoned
        self.say("D'accord, on continue.")

    # ---------------------------------------------------------------- the steps

    def run(self, running_reader: str | None = None) -> Settings:
        """All steps; returns the settings to save (SetupAbandoned when the user quits)."""
        self.say(f"Étape 1 sur {STEPS} : l'écran.")
        self.settings = screen_step(self.settings, self.say, lambda text: self.ask(self.yes_no(text)),
                                    running_reader)
        self.microphone_step()
        if self.settings.screen_reader:
            self.say(f"Étapes 3 et 4 sur {STEPS}, la voix du guide : passées, votre lecteur d'écran parle.")
        else:
            self.speaker_step()
            self.rate_step()
        self.model_step()
        return self.settings

    def cause(self, finding: Finding) -> str:
        """A cause as a clause; with its fix the first time only (voiceguide.carer.diagnosis)."""
        if finding.cause in self.told:
            return f"{finding.problem} (voir plus haut)"
        self.told.add(finding.cause)
        return f"{finding.problem} ; {finding.fix}"

    def speech_problem(self) -> str | None:
        """Why nothing can be heard here (French), or None when the guide speaks aloud."""
        if self.speaker.audible:
            return None
        silencing = [f for f in why_silent(self.speaker) if f.silences]
        return self.cause(silencing[0]) if silencing else "la voix est désactivée (--tts none)"

    def microphone_step(self) -> None:
        self.say(f"Étape 2 sur {STEPS} : le microphone.")
        self.settings.microphone = None      # only a microphone found now is saved
        found = find_microphones(None)
        if found.status is MicStatus.NO_SOUND_LIBRARY:
            finding = sound_output()
            why = self.cause(finding) if finding is not None else "la bibliothèque du son ne se charge pas"
            self.microphone = "pas cherché (la bibliothèque du son manque)"
            self.say(f"Je ne peux pas chercher les microphones : {why}. Étape passée.")
            return
        if found.status is MicStatus.NONE:
            self.microphone = "aucun trouvé (le guide se commandera au clavier)"
            self.say("Je ne trouve aucun microphone sur cet ordinateur : étape passée. Branchez un micro, "
                     "puis relancez « voiceguide setup » ; en attendant, le guide se commande au clavier.")
            return
        mics = list(found.devices)
        sd = found.sd
        names = [name for _, name in mics]
        listed = " ; ".join(f"{i}, « {name} »" for i, name in enumerate(names, 1))
        self.say(f"Je trouve {len(mics)} microphone{'s' if len(mics) > 1 else ''} : {listed}. Je vais les essayer "
                 "l'un après l'autre : parlez quand je vous le dis, et je vous dirai si le son est bon.")
        keys = "touche 1" if len(mics) == 1 else f"touches 1 à {min(len(mics), 9)}"
        question = Question(
            "Dites « celui-ci » pour garder ce micro, « suivant » pour essayer le suivant, "
            "ou « répéter » pour refaire l'essai.",
            (THIS, "yes", "next", "previous", "repeat") + tuple(f"{MIC_PREFIX}{i}" for i in range(len(mics))),
            f"Dites « celui-ci » ou {self.said('yes')} pour garder ce micro, {self.said('next')} pour essayer "
            f"le suivant, {self.said('repeat')} pour refaire l'essai, ou choisissez un micro par son numéro "
            f"({keys}) ou en disant « le premier », « le deuxième »…",
            choices=microphone_choices(names))
        current = 0
        while True:
            self._try_microphone(current, *mics[current], sd)
            action, current = next_microphone(current, len(mics), self.ask(question))
            if action == "chosen":
                break
        self.settings.microphone = names[current]
        self.microphone = f"« {names[current]} »"
        self.say(f"Micro gardé : « {names[current]} ».")

    def _try_microphone(self, number: int, index: int, name: str, sd: Any) -> None:
        self.say(f"Micro {number + 1} : « {name} ». Parlez maintenant pendant trois secondes, "
                 "par exemple : suivant, répéter, aide.")
        self.announcer.finish()   # half-duplex: the guide's own voice must not be measured
        try:
            level = measure_level(record(index, sd=sd))
        except CannotRun as exc:
            self.say(f"Ce micro ne fonctionne pas : {exc.message}")
            return
        described = level.describe()
        advice = level.advice()
        self.say(f"{described[0].upper()}{described[1:]}." + (f" Conseil : {advice}" if advice else ""))

    def speaker_step(self) -> None:
        self.say(f"Étape 3 sur {STEPS} : le haut-parleur.")
        problem = self.speech_problem()
        if problem is not None:
            self.say(f"Je ne peux pas faire entendre la voix : {problem}. Étape passée.")
            return
        question = Question("Entendez-vous la voix ? Oui ou non.", ("yes", "no", "louder", "softer", "repeat"),
                            f"Répondez {self.said('yes')} ou {self.said('no')} ; {self.said('louder')} ou "
                            f"{self.said('softer')} changent le volume, {self.said('repeat')} rejoue la phrase.",
                            yes_no=True)
        while True:
            self.say(SPEAKER_SAMPLE)
            answer = self.ask(question)
            if answer == "yes":
                self.say("Très bien, le haut-parleur fonctionne.")
                return
            if answer in ("louder", "softer"):
                self.settings.volume_level, message = next_volume(self.settings.volume_level, answer)
                self._apply_levels()
                self.say(message)
            elif answer == "no":
                self.say("Vérifiez que le son de l'ordinateur n'est pas coupé, montez son volume, et vérifiez "
                         "que les haut-parleurs ou le casque sont branchés et allumés.")
                if self.ask(self.yes_no("Voulez-vous réessayer ? Oui ou non.")) == "no":
                    self.say("D'accord, je continue. Le son reste à vérifier ; « voiceguide doctor » peut aider.")
                    return

    def rate_step(self) -> None:
        self.say(f"Étape 4 sur {STEPS} : la vitesse de la voix.")
        problem = self.speech_problem()
        if problem is not None:
            self.say(f"La vitesse se règle à l'oreille, mais {problem} : étape passée. La vitesse reste "
                     f"{rate_words(self.settings.rate_level)}.")
            return
        self.say("Je vais lire une phrase. Dites « plus vite » ou « plus lentement » jusqu'à ce que la vitesse "
                 "vous convienne, puis « c'est bien ».")
        question = Question("Plus vite, plus lentement, ou c'est bien ?",
                            ("faster", "slower", KEEP, "yes", "repeat"),
                            f"Dites {self.said('faster')}, {self.said('slower')}, « c'est bien » (touche 1 "
                            f"ou {key_short(self.vocabulary.command('yes').keys[0])}) pour garder cette vitesse, "
                            f"ou {self.said('repeat')} pour réentendre la phrase.",
                            choices=(KEEP_CHOICE,))
        level = self.settings.rate_level
        while True:
            self.settings.rate_level = level
            self._apply_levels()
            self.say(RATE_SAMPLE)
            answer = self.ask(question)
            if answer == "repeat":
                continue
            level, message, done = next_rate(level, answer)
            self.say(message)
            if done:
                return

    def _apply_levels(self) -> None:
        self.speaker.set_levels(self.settings.rate_level, self.settings.volume_level)

    def model_step(self) -> None:
        self.say(f"Étape 5 sur {STEPS} : le modèle de reconnaissance vocale.")
        try:
            model = find_model(self.settings.model)
        except UserError as exc:   # a folder named in the settings or VOICEGUIDE_MODEL that is gone
            forgotten = " Ce réglage est oublié." if self.settings.model is not None else ""
            self.say(f"{exc.message}{forgotten}")
            self.settings.model = None
            model = None
        if model is not None:
            self.say(f"Le modèle est installé : « {model} ».")
            return
        question = self.yes_no("Le modèle de reconnaissance vocale française n'est pas installé ; sans lui, le "
                               "guide se commande au clavier. Voulez-vous le télécharger maintenant ? Il pèse "
                               "environ 41 mégaoctets et demande une connexion à Internet. Oui ou non ?")
        if self.ask(question) == "no":
            self.say("D'accord, pas de téléchargement. Vous pourrez l'installer plus tard avec "
                     "« voiceguide model download ».")
            return
        self.say("Téléchargement en cours…")
        try:
            path = self.download()
        except CannotRun as exc:
            self.say(f"{exc.message} Je continue sans le modèle.")
            return
        self.say(f"Modèle installé : « {path} ».")


def run_setup(*, config: Path | None = None, input_kind: InputKind | None = None, tts: str = "pyttsx3",
              stdin: TextIO | None = None, out: TextIO | None = None, model_list_url: str = MODEL_LIST_URL) -> int:
    """``voiceguide setup [--config FILE] [--input keyboard|text|micro] [--tts pyttsx3|none]``.

    Returns 0 when the settings were saved, or when the user left early (end of
    input, « quitter »: nothing saved); 130 on Ctrl-C (nothing saved).
    Raises UserError/CannotRun (French) when the settings cannot be written or
    the input asked for cannot be opened.
    """
    from voiceguide.speaking.config import NarratorConfig
    from voiceguide.speaking.speaker import open_speaker

    stdin = stdin if stdin is not None else sys.stdin
    out = out if out is not None else sys.stdout
    target = settings_path(config)
    notices: list[str] = []
    if config is not None and not target.exists():
        settings = Settings()   # a new file for --config: not a typo to warn about
    else:
        settings, notices = load_settings(config)
    vocabulary = load_vocabulary()
    # A saved input preference is not followed: it may be what is broken.
    wanted = InputConfig(kind=input_kind, microphone=settings.microphone, model=settings.model)
    kind, why = choose_input(wanted, stdin.isatty())
    inputs = open_inputs(kind, wanted, check_inputs(kind, wanted), stdin, vocabulary)
    speaker = None
    announcer = Announcer(out)
    try:
        # The levels being chosen are played from the default base, so that each sounds as the guide
        # will speak once it is saved (see speech_levels).
        speaker = open_speaker(NarratorConfig(voice=settings.voice, tts=tts, earcons=settings.earcons))
        speaker.set_levels(settings.rate_level, settings.volume_level)
        silence = [f for f in why_silent(speaker) if f.silences]
        announcer = Announcer(out, speaker)
        for line in startup_notices(speaker, silence):   # why the voice cannot be heard: said once, here
            announcer.say(line)
        for line in speaker.pop_notices():
            notify(line)
        for line in notices:     # a damaged settings file: said, not only printed
            announcer.say(line)
        if why:
            announcer.say(why)
        announcer.say(introduction(kind, STEPS))

        def download() -> Path:
            return fetch_model(default_download_root(), list_url=model_list_url,
                               progress=ProgressBar("Téléchargement du modèle", sys.stderr))

        wizard = Wizard(settings, announcer, TurnTaking(speaker, inputs), vocabulary, timeout=settings.noinput_timeout,
                        download=download, told=frozenset(f.cause for f in silence))
        try:
            chosen = wizard.run(running_screen_reader())
        except SetupAbandoned:
            announcer.say("Réglage abandonné : rien n'est enregistré.")
            announcer.finish()
            return EXIT_OK
        except EndOfInput:
            announcer.say("Fin de l'entrée : réglage abandonné, rien n'est enregistré.")
            announcer.finish()
            return EXIT_OK
        announcer.say(describe(chosen, wizard.microphone))
        try:
            written = save_settings(chosen, config)
        except OSError as exc:
            raise CannotRun(f"Impossible d'enregistrer les réglages dans « {target} » ({exc.strerror or exc}). "
                            "Vérifiez que vous avez le droit d'y écrire, ou choisissez un autre fichier avec "
                            "--config.") from None
        announcer.say(f"Réglages enregistrés dans « {written} ». « voiceguide config show » les affiche, "
                      "et « voiceguide run » lance le guide avec eux.")
        announcer.finish()
        return EXIT_OK
    except KeyboardInterrupt:
        if speaker is not None:
            speaker.stop()
        try:
            out.write("\nRéglage interrompu : rien n'est enregistré.\n")
            out.flush()
        except OSError:   # the terminal was closed (SIGHUP): the command line lets go of it and exits 130
            raise KeyboardInterrupt from None
        return EXIT_INTERRUPTED
    finally:
        inputs.close()
        if speaker is not None:
            speaker.close()
