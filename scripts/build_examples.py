#!/usr/bin/env python3
"""Builds voiceguide/language/examples.npz: the corpus's tuning halves, with what each phrase means and its vector.

The matcher compares what it could not decide with these (language/meaning.py). Only
tuning halves go in, and none of a batch whose evaluation half is still sealed: an
evaluation half must stay unseen by the program it measures. Phrases that choose by
number are left out (« la deuxième » means another thing at each step).

Usage: python scripts/build_examples.py   (about ten seconds; run again after adding phrasings)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.understanding_corpus import example_entries
from voiceguide.guide import DEFAULT_GUIDE
from voiceguide.language.encoder import UniversalSentenceEncoder
from voiceguide.language.meaning import EXAMPLES, Examples


def main() -> None:
    entries = example_entries()
    vectors = UniversalSentenceEncoder().encode([e.phrase for e in entries])
    Examples(tuple(e.phrase for e in entries), tuple(e.expected for e in entries), vectors,
             DEFAULT_GUIDE.stem).save(EXAMPLES)
    print(f"{len(entries)} phrasings → {EXAMPLES} ({EXAMPLES.stat().st_size // 1024} Kio)")


if __name__ == "__main__":
    main()
