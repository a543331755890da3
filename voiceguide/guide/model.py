"""The guide model: a procedure as data, told for the ear, and the problems a guide file can have."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from voiceguide.errors import UserError

# What a step asks of the person: to act on the website (type, click, wait for
# a page), or to answer the guide (a choice, yes or no). The dialog waits long
# and quietly after an action, briefly after a question.
INFO = "info"            # only tells (a welcome, what a page is): the guide waits for « suivant »
ACTION = "action"
QUESTION = "question"
KINDS = (ACTION, QUESTION, INFO)

# A guide's pronunciation table: (word as written, what the voice should say).
Pronunciation = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Choice:
    """A spoken branch: saying one of ``phrases`` (or pressing key N) goes to ``target``."""

    label: str                 # how help announces it: "par e-mail"
    phrases: tuple[str, ...]   # what can be said: ("par e-mail", "e-mail", "courriel")
    target: str                # step id
    line: int = 0


@dataclass(frozen=True)
class Step:
    """One step of the procedure: one action or one question, told for the ear.

    ``kind`` left empty takes the default of a guide file: a question when
    the step can be answered (choices, ``if_yes`` or ``if_no``), else an action.
    """

    id: str
    title: str
    say: str                          # the narration, complete for a person who sees nothing
    details: str | None = None        # read on request ("plus de détails")
    next: str | None = None           # step id that "suivant" goes to
    choices: tuple[Choice, ...] = ()
    topics: tuple[str, ...] = ()      # shortcut names, usable from anywhere; the first names the part in "sommaire"
    end: bool = False                 # the final step (may have no next)
    kind: str = ""                    # ACTION, QUESTION or INFO
    on_screen: str | None = None      # where things are on the screen, for a person who sees it a little
    if_yes: str | None = None         # step id that « oui » leads to, at a yes/no question
    if_no: str | None = None          # step id that « non » leads to
    line: int = 0

    def __post_init__(self) -> None:
        if not self.kind:
            answered = self.choices or self.if_yes or self.if_no
            object.__setattr__(self, "kind", QUESTION if answered else ACTION)
        elif self.kind not in KINDS:
            raise ValueError(f"unknown step kind {self.kind!r}")

    @property
    def is_question(self) -> bool:
        """A question to the guide (a choice, yes/no), as opposed to an action on the website."""
        return self.kind == QUESTION

    def targets(self) -> tuple[str, ...]:
        """Every step this one leads to: next, choices, then yes and no (duplicates kept out)."""
        found = [self.next] + [c.target for c in self.choices] + [self.if_yes, self.if_no]
        return tuple(dict.fromkeys(t for t in found if t))


@dataclass(frozen=True)
class Guide:
    """A whole guide; ``steps`` keeps the file's order (used for "étape 3 sur 17")."""

    title: str
    language: str
    source: str
    start: str
    steps: tuple[Step, ...]
    path: Path | None = None
    pronunciation: Pronunciation = ()   # applied to speech only, never to printed text
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

    def path_to(self, step_id: str) -> tuple[str, ...]:
        """The shortest way from the start to ``step_id`` through next, choices, yes and no (both ends included).

        Gives "précédent" a natural history when a session resumes in the
        middle of the guide; a step reachable only by a shortcut gives
        (start, step_id).
        """
        came_from: dict[str, str | None] = {self.start: None}
        queue = deque([self.start])
        while queue and step_id not in came_from:
            step = self._index[queue.popleft()]
            for target in step.targets():
                if target in self._index and target not in came_from:
                    came_from[target] = step.id
                    queue.append(target)
        if step_id not in came_from:
            return (self.start, step_id)
        path = [step_id]
        while (previous := came_from[path[-1]]) is not None:
            path.append(previous)
        return tuple(reversed(path))


BUNDLED_DIR = Path(__file__).parent / "guides"
DEFAULT_GUIDE = BUNDLED_DIR / "ameli-connexion.yaml"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a guide file, located so that a carer can fix it."""

    path: str
    line: int
    message: str  # in French: what is wrong and what to do

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class GuideError(UserError):
    """A guide file that cannot be used; ``message`` lists every problem, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)
