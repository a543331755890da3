#!/usr/bin/env python3
"""Builds voiceguide/language/examples.npz: the corpus's tuning halves, with what each phrase means and its vector,
and the classifier trained on them and on the vocabulary's and the bundled guide's own phrases.

The matcher compares what it could not decide with these (language/meaning.py). Only
tuning halves go in, and none of a batch whose evaluation half is still sealed: an
evaluation half must stay unseen by the program it measures. Phrases that choose by
number are left out (« la deuxième » means another thing at each step).

Usage: python scripts/build_examples.py   (about half a minute; run again after adding phrasings or changing
the vocabulary or the bundled guide)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.understanding_corpus import example_entries
from voiceguide.dialog.second_opinion import labelled_phrases
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.classifier import train
from voiceguide.language.encoder import UniversalSentenceEncoder
from voiceguide.language.meaning import EXAMPLES, Examples
from voiceguide.language.vocabulary import load_vocabulary


def main() -> None:
    import numpy as np

    entries = example_entries()
    encoder = UniversalSentenceEncoder()
    vectors = encoder.encode([e.phrase for e in entries])
    seeds = labelled_phrases(load_vocabulary(), load_guide(DEFAULT_GUIDE))
    classifier = train(np.vstack([vectors, encoder.encode([p for p, _ in seeds])]),
                       [e.expected for e in entries] + [label for _, label in seeds])
    Examples(tuple(e.phrase for e in entries), tuple(e.expected for e in entries), vectors,
             DEFAULT_GUIDE.stem, classifier).save(EXAMPLES)
    print(f"{len(entries)} phrasings, {len(seeds)} of the vocabulary and guide, {len(classifier.labels)} meanings "
          f"→ {EXAMPLES} ({EXAMPLES.stat().st_size // 1024} Kio)")


if __name__ == "__main__":
    main()
