"""What the dialog receives: what the user meant (an intent), a silence or a misunderstanding,
and what can be said at a given moment (the options the matcher and the grammar use)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from voiceguide.guide import Choice

GOTO = "goto"        # an intent that goes to a step: a choice or a topic shortcut (``target``)
BROWSE = "browse"    # an arrow key over the options: ``target`` "+1" or "-1"


class Modality(enum.Flag):
    """How the user can answer right now; the dialog words its prompts for it.

    ``WORDS``: commands are words said aloud (into the microphone, or in a WAV
    file). ``TYPED``: the same words, typed one line each (text mode): the
    prompts say « tapez », never « dites ». ``KEYS``: single keys. ``NONE``:
    nobody answers (a recording for a phone or an MP3 player).
    """

    NONE = 0
    WORDS = enum.auto()
    KEYS = enum.auto()
    TYPED = enum.auto()


class ChangeReason(enum.Enum):
    """Why the way of answering changed in the middle of a session."""

    MICROPHONE_LOST = "microphone-lost"


@dataclass(frozen=True)
class Intent:
    """What the user asked for.

    ``name`` is a command name of the vocabulary ("next", "repeat", "yes", ...)
    or "goto" for a choice or a topic shortcut, whose step id is ``target``.
    ``confidence`` (0..1) says how well the words matched; the session may
    lower it with the recogniser's own confidence. ``heard`` is the text as
    heard; ``label`` is the canonical phrase, for "Vous avez dit « ... » ?".
    """

    name: str
    confidence: float = 1.0
    target: str | None = None
    heard: str = ""
    label: str = ""


@dataclass(frozen=True)
class NoInput:
    """The user said nothing for the no-input time-out (the session owns the clock)."""


@dataclass(frozen=True)
class NoMatch:
    """Something was heard or typed but it matched nothing valid here.

    ``typing``: several keys that are no command, typed in a row in the
    guide's window (most likely meant for the website).
    """

    heard: str = ""
    typing: bool = False


@dataclass(frozen=True)
class Unsure:
    """Something was understood, but not surely enough to act on it: the dialog asks first.

    ``candidates``: one intent (« Voulez-vous dire « suivant » ? ») or two of
    about the same weight (« … « suivant » ou « précédent » ? »), best first.
    """

    candidates: tuple[Intent, ...]
    heard: str = ""


@dataclass(frozen=True)
class Options:
    """What can be said right now, besides the universal commands.

    ``choices``: the step's choices (or the parts of the guide in the menu);
    key N (1-based) selects choices[N-1]. ``yes_no``: a yes/no answer is
    expected (confirmation). ``paused``: the guide is paused, so « continue »
    means resuming where it stopped, not going to the next step. ``step``: the
    step being read, whose own words (« l'adresse », « le nom ») may come with
    a command without making it a sentence for someone else.
    """

    choices: tuple[Choice, ...] = ()
    yes_no: bool = False
    cursor: int | None = None    # the choice last read with the arrow keys: Entrée picks it
    paused: bool = False
    step: str | None = None


@dataclass(frozen=True)
class InputsChanged:
    """The way the user answers has changed (the microphone is gone: keys or typed lines now).

    The session reports it; the dialog says so in words that fit the new way and logs it.
    """

    modality: Modality
    reason: ChangeReason = ChangeReason.MICROPHONE_LOST


Event = Intent | NoInput | NoMatch | Unsure | InputsChanged
