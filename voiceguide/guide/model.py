"""The guide model: a procedure as data, told for the ear, and the problems a guide file can have."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from voiceguide.errors import UserError

ACTION = "action"        # type, click, wait for a page: the guide waits quietly while it is done
QUESTION = "question"    # a choice or a yes/no answer, asked of the person


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
    kind: str = ""                    # ACTION or QUESTION; "" = by default (QUESTION when it can be answered)
    on_screen: str | None = None      # where the element is on the screen, for a person who sees a little
    if_yes: str | None = None         # where « oui » leads, at a yes/no question
    if_no: str | None = None          # where « non » leads

    @property
    def is_question(self) -> bool:
        """A question to the guide (a choice, yes/no), as opposed to an action on the website."""
        if self.kind:
            return self.kind == QUESTION
        return bool(self.choices or self.if_yes or self.if_no)


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

    def path_to(self, step_id: str) -> tuple[str, ...]:
        """The shortest way from the start to ``step_id`` through next and choices (both ends included).

        Gives "précédent" a natural history when a session resumes in the
        middle of the guide; a step reachable only by a shortcut gives
        (start, step_id).
        """
        came_from: dict[str, str | None] = {self.start: None}
        queue = deque([self.start])
        while queue and step_id not in came_from:
            step = self._index[queue.popleft()]
            for target in ([step.next] if step.next else []) + [c.target for c in step.choices]:
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
