"""Written phrasings nearest in meaning to what was said, by a sentence encoder.

The matcher's rules know the words they were written for; people say things no
rule foresaw. A multilingual sentence encoder (language/encoder.py) puts a
sentence near others that mean the same, so « j'ai pas bien entendu tu peux le
redire » lands beside a « répète » written in other words. The phrasings it is
compared with are the project's own: the vocabulary, the guide's choices and
parts, and the tuning half of the phrasings corpus (``examples.npz``, built by
scripts/build_examples.py; the evaluation halves are never in it), and a
classifier trained on them all (language/classifier.py), for a sentence that is
near no phrasing in particular.

The encoder takes about a second to load: ``start`` loads it in the background
while the welcome is spoken (audio modes), else the first question that needs it
waits for it once; numpy is imported only then, so typed modes start as fast as
before. If it cannot be loaded, ``nearest`` and ``likelihoods`` find nothing and the rules alone decide.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from voiceguide.language.classifier import Classifier

if TYPE_CHECKING:
    import numpy as np

EXAMPLES = Path(__file__).with_name("examples.npz")
NONE = "none"          # the label of a phrasing not meant for the guide
WAIT = 15.0            # seconds a first question waits for the encoder still loading


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


@dataclass(frozen=True)
class Neighbour:
    label: str            # a command name, "goto:<step id>", or "none"
    similarity: float     # cosine, -1..1
    phrase: str


@dataclass(frozen=True)
class Examples:
    """Phrasings with what they mean, and their vectors (one row each)."""

    phrases: tuple[str, ...]
    labels: tuple[str, ...]
    vectors: np.ndarray
    guide: str = ""       # the guide whose step ids the "goto:" labels name ("" for none)
    classifier: Classifier | None = None   # trained on these phrasings and that guide's own

    def save(self, path: Path) -> None:
        import numpy as np

        arrays: dict[str, Any] = {"phrases": np.array(self.phrases), "labels": np.array(self.labels),
                                  "vectors": self.vectors.astype(np.float16), "guide": np.array(self.guide)}
        if self.classifier is not None:
            arrays.update(classes=np.array(self.classifier.labels), weights=self.classifier.weights.astype(np.float32),
                          bias=self.classifier.bias.astype(np.float32))
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path = EXAMPLES) -> Examples:
        import numpy as np

        with np.load(path, allow_pickle=False) as z:
            classifier = Classifier(tuple(str(c) for c in z["classes"]), z["weights"], z["bias"]) \
                if "classes" in z.files else None
            return cls(tuple(str(p) for p in z["phrases"]), tuple(str(label) for label in z["labels"]),
                       z["vectors"].astype(np.float32), str(z["guide"]), classifier)

    def for_guide(self, guide: str) -> Examples:
        """Without the parts and branches of another guide than ``guide``, nor the classifier that knows them."""
        if guide == self.guide:
            return self
        keep = [i for i, label in enumerate(self.labels) if not label.startswith("goto:")]
        return Examples(tuple(self.phrases[i] for i in keep), tuple(self.labels[i] for i in keep),
                        self.vectors[keep], guide)


class MeaningIndex:
    """The phrasings nearest to an utterance, among those whose meaning is valid where the guide is."""

    def __init__(self, load_encoder: Callable[[], Encoder], examples: Callable[[], Examples],
                 seeds: Sequence[tuple[str, str]] = (), wait: float = WAIT) -> None:
        self._load_encoder = load_encoder
        self._load_examples = examples
        self._seeds = tuple(seeds)
        self._wait = wait
        self._ready = threading.Event()
        self._started = False
        self._lock = threading.Lock()
        self._encoder: Encoder | None = None
        self._labels: tuple[str, ...] = ()
        self._phrases: tuple[str, ...] = ()
        self._vectors: np.ndarray | None = None
        self._classifier: Classifier | None = None
        self._last: tuple[str, np.ndarray] | None = None   # the last sentence encoded: both opinions read it
        self._rows: dict[frozenset[str], np.ndarray] = {}   # per set of labels allowed: which rows
        self.failure = ""     # why nothing can be found, when it cannot

    def start(self) -> None:
        """Load the encoder and the examples in a background thread (once)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._prepare, name="voiceguide-meaning", daemon=True).start()

    def settle(self, timeout: float = WAIT) -> None:
        """Waits for a loading under way to end: a thread still inside the encoder's compiled code when the
        program exits can abort it (« terminate called without an active exception »), losing its exit code."""
        if self._started:
            self._ready.wait(timeout)

    def _prepare(self) -> None:
        import numpy as np

        try:
            encoder = self._load_encoder()
            examples = self._load_examples()
            known = set(zip(examples.phrases, examples.labels))
            own = [seed for seed in dict.fromkeys(self._seeds) if seed not in known]   # each phrasing one vote
            phrases = examples.phrases + tuple(p for p, _ in own)
            labels = examples.labels + tuple(label for _, label in own)
            seeds = encoder.encode([p for p, _ in own]) if own else np.zeros((0, examples.vectors.shape[1]))
            self._vectors = np.vstack([examples.vectors, seeds]).astype(np.float32)
            self._phrases, self._labels, self._encoder = phrases, labels, encoder
            self._classifier = examples.classifier
        except Exception as exc:  # noqa: BLE001 — any failure leaves the rules alone, and says why
            self.failure = f"{type(exc).__name__}: {exc}"
        finally:
            self._ready.set()

    def __len__(self) -> int:
        """How many written phrasings are compared (0 until loaded)."""
        return len(self._labels)

    @property
    def available(self) -> bool:
        """Loaded and usable (waits for the loading if it is under way)."""
        self.start()
        self._ready.wait(self._wait)
        return self._encoder is not None

    def nearest(self, text: str, allowed: frozenset[str], k: int = 3) -> list[Neighbour]:
        """The ``k`` phrasings nearest to ``text`` whose label is in ``allowed``, nearest first."""
        import numpy as np

        if not self.available or self._encoder is None or self._vectors is None:
            return []
        rows = self._rows.get(allowed)
        if rows is None:
            rows = np.flatnonzero([label in allowed for label in self._labels])
            if len(self._rows) < 256:
                self._rows[allowed] = rows
        if not len(rows):
            return []
        similarities = self._vectors[rows] @ self.encoded(text)
        best = np.argsort(-similarities)[:k]
        return [Neighbour(self._labels[rows[i]], float(similarities[i]), self._phrases[rows[i]]) for i in best]

    def likelihoods(self, text: str, allowed: frozenset[str]) -> dict[str, float]:
        """How likely ``text`` means each label in ``allowed``, by the classifier ({} without one)."""
        if not self.available or self._classifier is None:
            return {}
        return self._classifier.likelihoods(self.encoded(text), allowed)

    def encoded(self, text: str) -> np.ndarray:
        """``text``'s vector (the encoder must be loaded); the last one is kept, both opinions asking for it."""
        assert self._encoder is not None
        if self._last is None or self._last[0] != text:
            self._last = (text, self._encoder.encode([text])[0])
        return self._last[1]
