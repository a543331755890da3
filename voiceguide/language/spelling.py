"""Near spellings: which known word a mistyped or misheard word is (« suivan », « identifians »).

Closeness is difflib's ratio. Most known words are ruled out before difflib builds its tables for them: the
letters two words share, counted with one bit mask per word, give the same bound as difflib's quick_ratio,
exactly, for a fraction of its cost (a line with an unknown word took milliseconds, most of them here).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable


class NearSpellings:
    """The known words of at least a few letters, by length, each with the mask of its letters."""

    def __init__(self, words: Iterable[str], ratio: float) -> None:
        self.ratio = ratio
        known = sorted(set(words))
        letters = sorted({c for w in known for c in w})
        self._slot = {c: k for k, c in enumerate(letters)}
        self._width = max((n for w in known for n in Counter(w).values()), default=1)   # bits per letter
        self._by_length: dict[int, list[tuple[str, int]]] = {}
        for w in known:
            self._by_length.setdefault(len(w), []).append((w, self._mask(w)))

    def _mask(self, word: str) -> int:
        """Each letter's count in unary, in its own slot: the shared letters are the bits two masks share."""
        mask = 0
        for c, n in Counter(word).items():
            slot = self._slot.get(c)
            if slot is not None:   # a letter no known word has shares nothing
                mask |= ((1 << min(n, self._width)) - 1) << (slot * self._width)
        return mask

    def closest(self, word: str) -> str | None:
        """The one known word closest to ``word`` (two lengths either way), or None: none close enough, or two
        as close (no guess)."""
        mask, size, ratio = self._mask(word), len(word), self.ratio
        close: list[tuple[float, str]] = []
        for length in range(size - 2, size + 3):
            for known, known_mask in self._by_length.get(length, ()):
                if 2.0 * (mask & known_mask).bit_count() / (size + length) < ratio:
                    continue   # difflib's quick_ratio, without its tables
                matcher = difflib.SequenceMatcher(None, word, known)
                if matcher.real_quick_ratio() >= ratio and matcher.quick_ratio() >= ratio:
                    found = matcher.ratio()
                    if found >= ratio:
                        close.append((found, known))
        if not close:
            return None
        close.sort(reverse=True)
        if len(close) > 1 and close[1][0] == close[0][0]:
            return None
        return close[0][1]
