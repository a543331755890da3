"""A guide's pronunciation table applied to what the voice says, never to what is printed.

espeak-ng reads « Ameli » as « amli » and « e-mail » half in English; a guide
can say how such words should sound (``pronunciation:`` in its file). Entries
match whole words, whatever their case, the longest first, so that
« ameli.fr » wins over « Ameli » and « touche E » never touches « e-mail ».
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the guide package is not imported at run time: the speech worker loads this module
    from voiceguide.guide.model import Pronunciation


def respell(text: str, table: Pronunciation) -> str:
    """``text`` with every entry of ``table`` replaced by how it should sound."""
    if not table:
        return text
    pattern, spoken = _compiled(table)
    return pattern.sub(lambda found: spoken.get(_key(found.group(0)), found.group(0)), text)


def _key(written: str) -> str:
    return " ".join(written.split()).lower()


@lru_cache(maxsize=16)
def _compiled(table: Pronunciation) -> tuple[re.Pattern[str], dict[str, str]]:
    spoken: dict[str, str] = {}
    for written, said in table:
        spoken.setdefault(_key(written), said)
    # Longest first: the regex takes the first alternative that matches.
    words = sorted(spoken, key=len, reverse=True)
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    # A word boundary that also holds next to "." or "-" at the ends of an entry ("C.M.U.C.").
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return pattern, spoken
