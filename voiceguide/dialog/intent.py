"""What the dialog receives: what the user meant (an intent), a silence or a misunderstanding,
and what can be said at a given moment (the options the matcher and the grammar use)."""

from __future__ import annotations

from dataclasses import dataclass

from voiceguide.guide import Choice


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
    """Something was heard or typed but it matched nothing valid here."""

    heard: str = ""


@dataclass(frozen=True)
class Unsure:
    """Something was understood, but not surely enough to act on it: the dialog asks first.

    ``candidates``: one intent (« Voulez-vous dire « suivant » ? ») or two of
    about the same weight (« … « suivant » ou « précédent » ? »), best first.
    """

    candidates: tuple[Intent, ...]
    heard: str = ""


Event = Intent | NoInput | NoMatch | Unsure


@dataclass(frozen=True)
class Options:
    """What can be said right now, besides the universal commands.

    ``choices``: the step's choices (or the parts of the guide in the menu);
    key N (1-based) selects choices[N-1]. ``yes_no``: a yes/no answer is
    expected (confirmation). ``paused``: the guide is paused, so « continue »
    means resuming where it stopped, not going to the next step.
    """

    choices: tuple[Choice, ...] = ()
    yes_no: bool = False
    paused: bool = False
