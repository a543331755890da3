"""The dialog: a pure state machine, (state, event) -> (new state, reply).

(Skeleton: the helper implementing issue 2 §6 fills this in. The public names
below are the contract the session relies on.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from voiceguide.guide import Choice
from voiceguide.intents import Intent


@dataclass(frozen=True)
class NoInput:
    """The user said nothing for the no-input time-out (the session owns the clock)."""


@dataclass(frozen=True)
class NoMatch:
    """Something was heard or typed but it matched nothing valid here."""

    heard: str = ""


Event = Intent | NoInput | NoMatch


@dataclass(frozen=True)
class Reply:
    """What the session must do after an event.

    ``say``: narration segments, spoken (and printed) in order.
    ``events``: objects for the events log, without ``t`` (the session adds it).
    ``earcon``: "nomatch" when the low tone should play, else None.
    ``done``: the session ends after saying ``say``.
    """

    say: tuple[str, ...] = ()
    events: tuple[dict, ...] = ()
    earcon: str | None = None
    done: bool = False


@dataclass(frozen=True)
class Options:
    """What can be said right now, besides the universal commands.

    ``choices``: the step's choices (or the parts of the guide in the menu);
    key N (1-based) selects choices[N-1]. ``yes_no``: a yes/no answer is
    expected (confirmation).
    """

    choices: tuple[Choice, ...] = ()
    yes_no: bool = False
