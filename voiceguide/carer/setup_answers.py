"""What an answer means in ``voiceguide setup``, and what it does: pure functions, tested without any I/O.

Answers are read with the guide's own vocabulary and matcher; a question
accepts command names ("faster", "yes", ...) and choice targets ("keep",
"mic:1").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from voiceguide.carer.settings import Settings
from voiceguide.dialog.intent import Options
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import Choice, Guide
from voiceguide.listening.turns import InputKind, KeyPress, Turn
from voiceguide.listening.typed import key_name
from voiceguide.speech_levels import (
    MAX_RATE_LEVEL,
    MAX_VOLUME_LEVEL,
    MIN_RATE_LEVEL,
    MIN_VOLUME_LEVEL,
    rate_words,
    rate_wpm,
    volume_words,
)

SILENCE = "silence"           # the answer when nothing was said within the time-out
KEEP = "keep"                 # « c'est bien »: keep this rate
THIS = "this"                 # « celui-ci »: keep this microphone
MIC_PREFIX = "mic:"           # choice targets of the microphones: mic:0, mic:1, ...
ORDINALS = ("premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième",
            "huitième", "neuvième")

KEEP_CHOICE = Choice(label="c'est bien", target=KEEP,
                     phrases=("c'est bien", "c'est très bien", "ça va", "ça me va", "c'est parfait",
                              "parfait", "très bien", "on garde", "garder cette vitesse"))
THIS_CHOICE = Choice(label="celui-ci", target=THIS,
                     phrases=("celui-ci", "celui-là", "ce micro", "ce micro-là", "je garde celui-ci",
                              "garder ce micro", "je le garde", "on garde"))

# Only the commands and choices of each question: no guide, so no topic shortcuts.
NO_GUIDE = Guide(title="Réglages", language="fr", source="", start="", steps=())


def interpret(turn: Turn, matcher: IntentMatcher, options: Options) -> str | None:
    """What a turn means for a setup question: a command name ("faster", "yes", ...), a choice
    target ("keep", "mic:1"), SILENCE (nothing within the time-out), or None when it matches nothing.

    A typed line of one character counts as that key, so text mode can answer "o" or "2".
    """
    if turn is None:
        return SILENCE
    if isinstance(turn, KeyPress):
        intent = matcher.match_key(turn.key, options)
    else:
        text = turn.text.strip()
        if not text:
            return None   # the recogniser heard speech that is none of the phrases
        intent = matcher.match(text, options)
        if intent is None and len(text) == 1:
            intent = matcher.match_key(key_name(text), options)
    if intent is None:
        return None
    return intent.target if intent.name == "goto" else intent.name


def next_rate(level: int, answer: str) -> tuple[int, str, bool]:
    """The rate level after an answer, what to say, and whether the rate is settled."""
    if answer == "faster":
        if level >= MAX_RATE_LEVEL:
            return level, "C'est déjà la vitesse la plus rapide.", False
        level += 1
        return level, f"Plus vite : environ {rate_wpm(level)} mots par minute.", False
    if answer == "slower":
        if level <= MIN_RATE_LEVEL:
            return level, "C'est déjà la vitesse la plus lente.", False
        level -= 1
        return level, f"Plus lentement : environ {rate_wpm(level)} mots par minute.", False
    if answer in (KEEP, "yes"):
        return level, f"Vitesse gardée : {rate_words(level)}.", True
    raise ValueError(f"not a rate answer: {answer!r}")


def next_volume(level: int, answer: str) -> tuple[int, str]:
    """The volume level after « plus fort » or « moins fort », and what to say."""
    if answer == "louder":
        if level >= MAX_VOLUME_LEVEL:
            return level, "C'est déjà le volume le plus fort de la voix : montez aussi le volume de l'ordinateur."
        level += 1
    elif answer == "softer":
        if level <= MIN_VOLUME_LEVEL:
            return level, "C'est déjà le volume le plus faible."
        level -= 1
    else:
        raise ValueError(f"not a volume answer: {answer!r}")
    return level, f"Volume : {volume_words(level)}."


def next_microphone(current: int, count: int, answer: str) -> tuple[str, int]:
    """("chosen", i) when microphone i is kept, ("test", i) when microphone i is to be tried next."""
    if answer in (THIS, "yes"):
        return "chosen", current
    if answer.startswith(MIC_PREFIX):
        return "chosen", int(answer[len(MIC_PREFIX):])
    if answer == "next":
        return "test", (current + 1) % count
    if answer in ("repeat", "previous"):
        return "test", current if answer == "repeat" else (current - 1) % count
    raise ValueError(f"not a microphone answer: {answer!r}")


def microphone_choices(names: Sequence[str]) -> tuple[Choice, ...]:
    """One choice per microphone (key N = the N-th), then « celui-ci »."""
    mics = tuple(Choice(label=name, target=f"{MIC_PREFIX}{i}",
                        phrases=(f"le {ORDINALS[i]}", f"micro {ORDINALS[i]}") if i < len(ORDINALS) else ())
                 for i, name in enumerate(names))
    return mics + (THIS_CHOICE,)


@dataclass(frozen=True)
class Question:
    """One question: what is asked, the answers it accepts, and how to say them."""

    text: str
    answers: tuple[str, ...]       # command names and choice targets accepted
    help: str                      # what can be said (and typed) here
    choices: tuple[Choice, ...] = ()
    yes_no: bool = False

    @property
    def options(self) -> Options:
        return Options(choices=self.choices, yes_no=self.yes_no)


def introduction(kind: InputKind, steps: int) -> str:
    """What the setup says first: its steps, how to answer, how to get help or leave."""
    how = {InputKind.MICRO: "Répondez à voix haute (les touches marchent aussi)",
           InputKind.KEYBOARD: "Répondez avec les touches du clavier",
           InputKind.TEXT: "Tapez vos réponses, une par ligne"}[kind]
    return (f"Réglage de voiceguide, en {steps} étapes : l'écran, le microphone, le haut-parleur, la vitesse "
            f"de la voix, puis le modèle de reconnaissance vocale. {how}. À tout moment, « aide » (touche H) dit ce que "
            "vous pouvez répondre, et « quitter » (touche Q) arrête sans rien enregistrer.")


def describe(settings: Settings, microphone: str) -> str:
    """The settings chosen, in one French sentence (``microphone``: the one kept, or why none is)."""
    screen = "voit un peu l'écran" if settings.sees_screen else "ne voit pas l'écran"
    if settings.screen_reader:
        return (f"Écran : {screen}, et le lecteur d'écran parle (le guide écrit seulement) ; "
                f"microphone : {microphone}.")
    return (f"Écran : {screen} ; microphone : {microphone} ; vitesse de la voix : "
            f"{rate_words(settings.rate_level)} ; volume : {volume_words(settings.volume_level)}.")
