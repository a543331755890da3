"""Words that place something on the screen (« en haut à droite »), which a person who does not see it cannot use.

The narration of an action step (``say``) must be complete for a person who
sees nothing; where things are on the screen goes to ``on_screen``, said only
to a person who sees it a little. The validator finds these words in ``say``.
"""

from __future__ import annotations

import re

from yaml.nodes import Node

from voiceguide.language.text import fold

# Folded (lower case, no accents, hyphens as spaces): what ``fold`` gives.
POSITION_PHRASES = (
    "en haut", "en bas", "a gauche", "a droite", "au dessus", "au dessous", "en dessous",
    "ci dessus", "ci dessous", "au centre", "au milieu de la page", "de l'ecran",
)
_POSITION = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in POSITION_PHRASES) + r")\b")


def position_phrase(text: str) -> str | None:
    """The first position phrase in ``text`` (folded: « a droite »), or None."""
    found = _POSITION.search(fold(text))
    return found.group(0) if found else None


def line_of(node: Node, phrase: str) -> int:
    """The file line where a folded ``phrase`` appears inside a text node (a phrase split over two lines counts
    at its first); the node's own line when the file text is not at hand."""
    start, end = node.start_mark, node.end_mark
    buffer = getattr(start, "buffer", None)
    if not buffer:
        return start.line + 1
    lines = buffer[start.index:end.index].splitlines()
    pattern = re.compile(rf"\b{re.escape(phrase)}\b")
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if pattern.search(fold(line)) or (pattern.search(fold(f"{line} {following}"))
                                          and not pattern.search(fold(following))):
            return start.line + 1 + number
    return start.line + 1
