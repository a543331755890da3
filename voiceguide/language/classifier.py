"""How likely each meaning is, given a sentence's vector: a linear classifier trained on the written phrasings.

The nearest phrasings (language/meaning.py) settle a question only when one phrasing is
very near; a sentence said in words no phrasing has is near none of them. A classifier
trained on all of them together learns which directions of the encoder's space say
« suivant » or « rien pour le guide », and so weighs every phrasing at once. Measured
leaving each batch of the corpus out in turn (docs/understanding.md): where the rules
ask about one meaning, it is right when it is sure, and the sentences for someone else
of tests/test_understanding.py get too little likelihood to move the guide.

Trained by scripts/build_examples.py (a few seconds, numpy only) and stored with the
examples; softmax regression, L2-regularised, fitted by Adam from zero, so that the same
phrasings give the same weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

STEPS = 800
RATE = 0.1
L2 = 1e-4


@dataclass(frozen=True)
class Classifier:
    """Softmax weights: one column per meaning."""

    labels: tuple[str, ...]
    weights: np.ndarray    # (dimensions, len(labels))
    bias: np.ndarray       # (len(labels),)

    def likelihoods(self, vector: np.ndarray, allowed: frozenset[str]) -> dict[str, float]:
        """For each label in ``allowed`` that the classifier knows, how likely ``vector`` means it, among those."""
        import numpy as np

        rows = [i for i, label in enumerate(self.labels) if label in allowed]
        if not rows:
            return {}
        scores = vector @ self.weights[:, rows] + self.bias[rows]
        exp = np.exp(scores - scores.max())
        return {self.labels[i]: float(p) for i, p in zip(rows, exp / exp.sum())}


def train(vectors: np.ndarray, labels: Sequence[str], steps: int = STEPS, rate: float = RATE,
          l2: float = L2) -> Classifier:
    """Fits the classifier to ``vectors`` (one row per phrasing) and their ``labels``."""
    import numpy as np

    names = tuple(sorted(set(labels)))
    index = {name: i for i, name in enumerate(names)}
    x = vectors.astype(np.float32)
    truth = np.zeros((len(x), len(names)), np.float32)
    truth[np.arange(len(x)), [index[label] for label in labels]] = 1.0
    params = [np.zeros((x.shape[1], len(names)), np.float32), np.zeros(len(names), np.float32)]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for t in range(1, steps + 1):
        scores = x @ params[0] + params[1]
        exp = np.exp(scores - scores.max(axis=1, keepdims=True))
        error = (exp / exp.sum(axis=1, keepdims=True) - truth) / len(x)
        grads = [x.T @ error + l2 * params[0], error.sum(axis=0)]
        for p, g, m, v in zip(params, grads, first, second):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= rate * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return Classifier(names, params[0], params[1])
