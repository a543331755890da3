"""A guide: the procedure as data (YAML), its model, loading and validation.

The engine knows nothing about Ameli: everything it says about a procedure
comes from a guide file. This package turns such a file into a ``Guide``
(model.py) and reports every problem as ``FILE:LINE: message`` (in French)
so that a carer can fix it: reading.py reads the file down to YAML nodes
that keep their lines, checks.py checks them.
"""

from __future__ import annotations

from pathlib import Path

from voiceguide.guide.checks import GuideChecker
from voiceguide.guide.model import (
    ACTION,
    BUNDLED_DIR,
    DEFAULT_GUIDE,
    INFO,
    QUESTION,
    Choice,
    Guide,
    GuideError,
    Problem,
    Pronunciation,
    Step,
)
from voiceguide.guide.reading import (
    MAX_GUIDE_BYTES,
    MAX_GUIDE_SIZE_TEXT,
    compose,
    read_text,
)
from voiceguide.language.vocabulary import Vocabulary

__all__ = [
    "ACTION", "INFO", "QUESTION", "Pronunciation",
    "BUNDLED_DIR", "DEFAULT_GUIDE", "MAX_GUIDE_BYTES", "MAX_GUIDE_SIZE_TEXT",
    "Choice", "Guide", "GuideError", "Problem", "Step", "check_guide", "load_guide",
]


def load_guide(path: Path, vocabulary: Vocabulary | None = None) -> Guide:
    """Load a guide, or raise ``GuideError`` listing every problem (exit code 2)."""
    guide, problems = check_guide(path, vocabulary)
    if problems or guide is None:
        raise GuideError(problems)
    return guide


def check_guide(path: Path, vocabulary: Vocabulary | None = None
                ) -> tuple[Guide | None, list[Problem]]:
    """Read and validate a guide file; never raises for a bad guide.

    Returns ``(guide, [])`` when the file is valid, ``(None, problems)``
    otherwise, with every problem found (not just the first). Phrases are
    checked against ``vocabulary`` (default: the bundled one, whose own
    problems raise ``UserError`` from ``load_vocabulary``).
    """
    path = Path(path)
    name = str(path)
    text, problem = read_text(path)
    if problem is not None:
        return None, [Problem(name, problem[0], problem[1])]
    root, problem = compose(text)
    if problem is not None:
        return None, [Problem(name, problem[0], problem[1])]
    assert root is not None   # compose gives the tree or the problem
    checker = GuideChecker(name, vocabulary)
    guide = checker.check(root, path)
    problems = sorted(checker.problems, key=lambda p: p.line)
    return (None if problems else guide), problems
