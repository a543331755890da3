"""What the nearest written phrasings, and a classifier trained on them, say when the rules ask « Voulez-vous dire … ? ».

Measured leaving each batch of the corpus out in turn, with the sentences for
someone else of tests/test_understanding.py as well (docs/understanding.md):
where the rules ask about one meaning, a nearest phrasing of that meaning is
right far more often than not, if the rules' own reading is not too weak and,
for a meaning that moves the guide, if the next neighbours say the same. Torn
between two meanings, the rules still ask; a phrasing for someone else
(« none ») that is nearest keeps the guide still. Where the rules found nothing,
the neighbours are not asked: a very near phrasing was right there too, but
for three phrases in the corpus against a sentence encoded at a sixth of the
lines (about 3 ms each).

Where the neighbours do not settle it, the classifier (language/classifier.py)
may: measured the same way, leaving each batch out in turn, it acted on about a
third of the right questions the neighbours left, and on none of the wrong ones
nor of the sentences for someone else, when it is at least ``LIKELY`` sure
(``LIKELY_MOVING`` for a meaning that moves the guide).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from voiceguide.dialog.intent import GOTO, Intent, NoMatch, Unsure
from voiceguide.guide import Guide
from voiceguide.language.meaning import NONE, Encoder, Examples, MeaningIndex, Neighbour
from voiceguide.language.vocabulary import Vocabulary

AGREE = 0.75          # nearest phrasing this similar, meaning what the rules ask about: act on it...
AGREE_MOVING = 0.8    # ... this similar if that meaning moves the guide (another step, the end)...
MOVING_VOTES = 1.5    # ... with the three nearest adding up to this much similarity for it
ASKED = 0.45          # and only if the rules' own reading is at least this sure
LIKELY = 0.5          # else the classifier this sure of the meaning asked about: act on it...
LIKELY_MOVING = 0.9   # ... this sure if that meaning moves the guide
NEIGHBOURS = 3
_MOVING = frozenset({"next", "previous", "restart", "quit", "yes", "no"})


def meaning_index(vocabulary: Vocabulary, guide: Guide, examples: Callable[[], Examples] = Examples.load) -> MeaningIndex:
    """The written phrasings of the corpus, the vocabulary and ``guide``'s choices and parts, to be compared
    with what is said; the encoder is loaded only by ``start`` or the first question."""
    name = guide.path.stem if guide.path is not None else ""
    return MeaningIndex(_encoder, lambda: examples().for_guide(name), labelled_phrases(vocabulary, guide))


def labelled_phrases(vocabulary: Vocabulary, guide: Guide) -> list[tuple[str, str]]:
    """Every phrase of the vocabulary and of the guide's parts and choices, with the label of what it means."""
    phrases = [(p, spec.name) for spec in vocabulary.commands for p in spec.phrases]
    phrases += [(t, f"{GOTO}:{step.id}") for step in guide.steps for t in step.topics]
    phrases += [(p, f"{GOTO}:{c.target}") for step in guide.steps for c in step.choices for p in (c.label, *c.phrases)]
    return phrases


def _encoder() -> Encoder:
    from voiceguide.language.encoder import UniversalSentenceEncoder

    return UniversalSentenceEncoder()


def label_of(intent: Intent) -> str:
    return f"{GOTO}:{intent.target}" if intent.name == GOTO else intent.name


def second_opinion(found: Unsure | NoMatch, nearest_to: Callable[[], Sequence[Neighbour]],
                   negated: bool = False, likelihoods: Callable[[], Mapping[str, float]] | None = None,
                   ) -> Intent | Unsure | NoMatch:
    """``found`` turned into an intent when the nearest phrasings, or the classifier trained on them all, are sure
    of what the rules asked; else ``found``.

    ``nearest_to()`` gives the neighbours, nearest first, ``likelihoods()`` how likely each meaning allowed here
    is; they are called only when they may change something (encoding a sentence takes about 3 ms).
    ``negated``: the utterance negates a word of its own. Sentence vectors hardly see a negation (« ne quitte
    pas » is nearest to « quitte »): then the rules' answer stands.
    """
    if negated or not isinstance(found, Unsure) or len(found.candidates) > 1:
        return found   # only a question about one meaning is the second opinion's to settle
    meant = found.candidates[0]
    moving = meant.name in _MOVING or meant.name == GOTO
    sure = _neighbours_agree(meant, nearest_to(), moving) if meant.confidence >= ASKED else None
    if sure is None and likelihoods is not None:
        likely = likelihoods().get(label_of(meant), 0.0)
        sure = likely if likely >= (LIKELY_MOVING if moving else LIKELY) else None
    if sure is None:
        return found
    return Intent(meant.name, round(max(meant.confidence, sure), 3), meant.target, meant.heard, meant.label)


def _neighbours_agree(meant: Intent, neighbours: Sequence[Neighbour], moving: bool) -> float | None:
    """The nearest phrasing's similarity if it and, for a meaning that moves the guide, the next ones mean
    ``meant``; else None. A phrasing for someone else that is nearest keeps the guide still."""
    if not neighbours or neighbours[0].label == NONE or neighbours[0].label != label_of(meant):
        return None
    nearest = neighbours[0]
    votes = sum(n.similarity for n in neighbours[:NEIGHBOURS] if n.label == nearest.label)
    if nearest.similarity < (AGREE_MOVING if moving else AGREE) or (moving and votes < MOVING_VOTES):
        return None
    return nearest.similarity
