"""The one sample-rate converter: windowed sinc, band-limited, that can be fed in pieces.

Used for recordings (``audio.WavFile.read_resampled``, ``Audio.resampled``)
and for the microphone's stream, whatever the device's rate.
"""

from __future__ import annotations

import math

import numpy as np

_MAX_PHASE_TAPS = 1 << 16   # weights kept per phase up to this many (512 KB); beyond, computed per sample
_MIN_PER_PHASE = 32         # outputs per phase that make the phase-by-phase loop pay

class Resampler:
    """Band-limited (windowed-sinc) sample-rate converter that can be fed in pieces.

    Streaming matters for the microphone: converting each block on its own
    would click at every block edge. The same object converts whole signals.
    """

    def __init__(self, src_rate: int, dst_rate: int, zeros: int = 12) -> None:
        if src_rate <= 0 or dst_rate <= 0:
            raise ValueError("sample rates must be positive")
        self.src_rate = int(src_rate)
        self.dst_rate = int(dst_rate)
        self._cutoff = min(1.0, self.dst_rate / self.src_rate) * 0.95
        self._half = int(np.ceil(zeros / self._cutoff))   # taps each side, in input samples
        self._buf = np.zeros(self._half, dtype=np.float64)   # left context: silence
        self._offset = -self._half    # absolute input index of _buf[0]
        self._produced = 0            # output samples emitted so far
        self._received = 0            # input samples received so far
        # Output n falls at input n*q/p: its weights depend only on the phase (n*q) mod p. With few
        # phases they are computed once (``_phases``) rather than for every output sample.
        common = math.gcd(self.src_rate, self.dst_rate)
        self._p, self._q = self.dst_rate // common, self.src_rate // common
        self._taps = np.arange(-self._half + 1, self._half + 1)
        self._phases: np.ndarray | None = None
        if self._p * len(self._taps) <= _MAX_PHASE_TAPS:
            self._phases = self._weights(np.arange(self._p)[:, None] / self._p - self._taps[None, :])

    def _weights(self, dist: np.ndarray) -> np.ndarray:
        """The windowed-sinc weight of an input sample ``dist`` input samples before the output's position."""
        window = 0.5 + 0.5 * np.cos(np.pi * np.clip(dist / self._half, -1.0, 1.0))
        return self._cutoff * np.sinc(self._cutoff * dist) * window

    def process(self, samples: np.ndarray) -> np.ndarray:
        """Converts the next piece; returns every output sample that is now complete."""
        if self.src_rate == self.dst_rate:
            return np.asarray(samples, dtype=np.float64)
        samples = np.asarray(samples, dtype=np.float64)
        self._received += len(samples)
        self._buf = np.concatenate([self._buf, samples])
        return self._emit(final=False)

    def flush(self) -> np.ndarray:
        """Emits the last output samples (the input is over)."""
        if self.src_rate == self.dst_rate:
            return np.zeros(0)
        self._buf = np.concatenate([self._buf, np.zeros(self._half + 1)])
        return self._emit(final=True)

    def _emit(self, final: bool) -> np.ndarray:
        if final:
            total = -(-self._received * self.dst_rate // self.src_rate)   # ceil
        else:
            # output n needs input up to floor(n*src/dst) + half
            last_input = self._offset + len(self._buf) - 1 - self._half
            total = (last_input * self.dst_rate) // self.src_rate + 1 if last_input >= 0 else 0
        pieces = []
        if self._phases is not None and not final and total - self._produced >= _MIN_PER_PHASE * self._p:
            pieces.append(self._by_phase(total, self._phases))
        else:
            for start in range(self._produced, total, 4096):
                n = np.arange(start, min(total, start + 4096))
                pos = n * self.src_rate / self.dst_rate - self._offset
                base = np.floor(pos).astype(np.int64)
                idx = base[:, None] + self._taps[None, :]
                weights = self._weights(pos[:, None] - idx)
                pieces.append(np.sum(self._buf[np.clip(idx, 0, len(self._buf) - 1)] * weights, axis=1))
        self._produced = max(self._produced, total)
        keep_from = (self._produced * self.src_rate) // self.dst_rate - self._offset - self._half
        if keep_from > 0:
            self._buf = self._buf[keep_from:]
            self._offset += keep_from
        return np.concatenate(pieces) if pieces else np.zeros(0)

    def _by_phase(self, total: int, phases: np.ndarray) -> np.ndarray:
        """Outputs ``_produced`` to ``total``, phase by phase: for each phase and tap, one strided slice of the
        input times one weight (no per-sample weights, no gathered copies): a 384 kHz file converts in seconds."""
        out = np.empty(total - self._produced)
        q = self._q
        for r in range(min(self._p, len(out))):
            n0 = self._produced + r
            count = len(out[r::self._p])
            first = n0 * q // self._p - self._offset + self._taps[0]   # the first tap of output n0, in _buf
            acc = np.zeros(count)
            for weight, start in zip(phases[n0 * q % self._p], range(first, first + len(self._taps))):
                acc += weight * self._buf[start:start + (count - 1) * q + 1:q]
            out[r::self._p] = acc
        return out


def resample(samples: np.ndarray, src_rate: int, dst_rate: int) -> np.ndarray:
    """Converts a whole signal (float) from ``src_rate`` to ``dst_rate``."""
    if src_rate == dst_rate:
        return np.asarray(samples, dtype=np.float64)
    r = Resampler(src_rate, dst_rate)
    return np.concatenate([r.process(samples), r.flush()])
