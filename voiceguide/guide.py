"""A guide: the procedure as data (YAML), its model, loading and validation.

The engine knows nothing about Ameli: everything it says about a procedure
comes from a guide file. This module turns such a file into a ``Guide`` and
reports every problem as ``FILE:LINE: message`` (in French) so that a carer
can fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Choice:
    """A spoken branch: saying one of ``phrases`` (or pressing key N) goes to ``target``."""

    label: str                 # how help announces it: "par e-mail"
    phrases: tuple[str, ...]   # what can be said: ("par e-mail", "e-mail", "courriel")
    target: str                # step id
    line: int = 0


@dataclass(frozen=True)
class Step:
    """One step of the procedure: one action, told for the ear."""

    id: str
    title: str
    say: str                          # the narration
    details: str | None = None        # read on request ("plus de détails")
    next: str | None = None           # step id that "suivant" goes to
    choices: tuple[Choice, ...] = ()
    topics: tuple[str, ...] = ()      # shortcut names, usable from anywhere; the first names the part in "sommaire"
    end: bool = False                 # the final step (may have no next)
    line: int = 0


@dataclass(frozen=True)
class Guide:
    """A whole guide; ``steps`` keeps the file's order (used for "étape 3 sur 17")."""

    title: str
    language: str
    source: str
    start: str
    steps: tuple[Step, ...]
    path: Path | None = None
    _index: dict[str, Step] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({s.id: s for s in self.steps})

    def step(self, step_id: str) -> Step:
        return self._index[step_id]

    def position(self, step_id: str) -> int:
        """1-based position of a step in the guide's order."""
        return next(i for i, s in enumerate(self.steps, 1) if s.id == step_id)

    def parts(self) -> tuple[Step, ...]:
        """Steps that have a topic name: the parts listed by "sommaire"."""
        return tuple(s for s in self.steps if s.topics)


BUNDLED_DIR = Path(__file__).parent / "guides"
DEFAULT_GUIDE = BUNDLED_DIR / "ameli-connexion.yaml"
