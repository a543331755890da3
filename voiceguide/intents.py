"""French text to commands: what the user meant, with a confidence.

(Skeleton: the helper implementing issue 2 §5 fills this in. The public names
below are the contract the dialog, the session and the recogniser rely on.)
"""

from __future__ import annotations

from dataclasses import dataclass


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
