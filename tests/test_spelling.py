"""Near spellings (voiceguide/language/spelling.py): the known word a misspelt one is, found as difflib finds it.

No sound and no subprocess: the known words are the real analyzer's, from the bundled vocabulary and guide.
"""

from __future__ import annotations

import difflib
import itertools
import random

from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.analysis import CORRECT_MIN, CORRECT_RATIO
from voiceguide.language.spelling import NearSpellings
from voiceguide.language.vocabulary import load_vocabulary


def _known_words() -> list[str]:
    analyzer = IntentMatcher(load_vocabulary(), load_guide(DEFAULT_GUIDE)).analyzer
    return sorted(w for w in analyzer._words if len(w) >= CORRECT_MIN)


def _slow_closest(words: list[str], word: str) -> str | None:
    """The search as it was, difflib against every known word two lengths either way: what the masks must not change."""
    close = sorted(((difflib.SequenceMatcher(None, word, w).ratio(), w) for w in words
                    if abs(len(w) - len(word)) <= 2), reverse=True)
    close = [c for c in close if c[0] >= CORRECT_RATIO]
    if not close or (len(close) > 1 and close[1][0] == close[0][0]):
        return None
    return close[0][1]


def test_a_near_spelling_is_the_known_word_and_a_far_one_or_a_tie_is_none() -> None:
    near = NearSpellings(["identifiant", "suivante", "connexion", "partager", "parquets"], CORRECT_RATIO)
    assert near.closest("identifians") == "identifiant"
    assert near.closest("suivantte") == "suivante"
    assert near.closest("conexion") == "connexion"
    assert near.closest("boulangerie") is None
    assert near.closest("parqager") == "partager"   # 0.875 against 0.625 for « parquets »
    tie = NearSpellings(["abcdefgh", "abcdefgj"], CORRECT_RATIO)
    assert tie.closest("abcdefgx") is None   # as close to both: no guess


def test_the_letter_masks_give_difflibs_quick_ratio_exactly() -> None:
    words = _known_words()
    near = NearSpellings(words, CORRECT_RATIO)
    odd = ["zzzzzzzzzzzz", "ééééééé", "ααβγδεζ", "aaaaaaaaaaaaaaaaaaab", "x"]
    # one side is always a known word, as in closest(): a letter said more often than any known word has it counts
    # as many times as the most of them, which is all difflib can share with a known word
    pairs = list(itertools.product(random.Random(7).sample(words, 60) + odd, random.Random(8).sample(words, 60)))
    for a, b in pairs:
        shared = (near._mask(a) & near._mask(b)).bit_count()
        assert 2.0 * shared / (len(a) + len(b)) == difflib.SequenceMatcher(None, a, b).quick_ratio(), (a, b)


def test_the_masks_change_no_correction() -> None:
    words = _known_words()
    near = NearSpellings(words, CORRECT_RATIO)
    rng = random.Random(11)
    typed = []
    for w in rng.sample(words, 40):
        k = rng.randrange(len(w))
        typed += [w[:k] + w[k + 1:], w[:k] + rng.choice("aeiostu") + w[k:], w[:k] + rng.choice("éèàç") + w[k + 1:]]
    typed += ["boulangeries", "abracadabra", "téléphonique", "deconnexion", "moteperdu"]
    assert sum(near.closest(t) is not None for t in typed) > 60   # most one-letter slips are found
    for t in typed:
        assert near.closest(t) == _slow_closest(words, t), t
