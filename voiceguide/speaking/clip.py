"""A clip of rendered speech (mono int16 samples and their rate), and reading what engines write.

Kept apart from the speech worker because the player, the earcons and the
render command handle clips too, without any engine.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voiceguide.listening.audio_in import write_wav

DEFAULT_SAMPLE_RATE = 22050        # espeak-ng's rate; the player opens its stream at this rate


@dataclass(frozen=True, eq=False)
class Audio:
    """Mono int16 samples and their rate: what the worker returns and the player plays."""

    samples: np.ndarray
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    @staticmethod
    def concat(pieces: Sequence[Audio], rate: int = DEFAULT_SAMPLE_RATE) -> Audio:
        """Pieces joined end to end (all must share one rate; empty pieces are skipped)."""
        pieces = [p for p in pieces if len(p.samples)]
        if not pieces:
            return Audio(np.zeros(0, dtype=np.int16), rate)
        rates = {p.rate for p in pieces}
        if len(rates) != 1:
            raise ValueError(f"cannot join audio of different rates: {sorted(rates)}")
        return Audio(np.concatenate([p.samples for p in pieces]), pieces[0].rate)

    def trim(self, start: bool = False, end_keep: float | None = None) -> Audio:
        """Without the digital silence (exact zeros) the engine puts at the start, and with at most
        ``end_keep`` seconds of it at the end: espeak-ng adds ~13 ms before and ~330 ms after."""
        nonzero = np.flatnonzero(self.samples)
        if not len(nonzero):
            return self
        first = nonzero[0] if start else 0
        last = len(self.samples)
        if end_keep is not None:
            last = min(last, nonzero[-1] + 1 + int(end_keep * self.rate))
        return Audio(self.samples[first:last], self.rate)

    def save(self, path: Path) -> None:
        """16-bit PCM mono WAV."""
        write_wav(path, self.samples, self.rate)


def read_audio_file(path: str | os.PathLike) -> Audio:
    """Reads what an engine wrote: a PCM WAV (espeak-ng, SAPI5) or an AIFF (macOS writes AIFF
    whatever the file name says), as mono int16."""
    with open(path, "rb") as f:
        head = f.read(12)
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return _read_aiff(Path(path))
    with wave.open(str(path), "rb") as w:
        width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
        raw = w.readframes(w.getnframes())
    return Audio(_to_mono_int16(raw, width, channels, "<", signed8=False), rate)


def _read_aiff(path: Path) -> Audio:
    data = path.read_bytes()
    pos, comm, ssnd = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "big")
        body = data[pos + 8:pos + 8 + size]
        if cid == b"COMM":
            comm = body
        elif cid == b"SSND":
            offset = int.from_bytes(body[0:4], "big")
            ssnd = body[8 + offset:]
        pos += 8 + size + (size & 1)
    if comm is None or ssnd is None or len(comm) < 18:
        raise ValueError("AIFF file without COMM or SSND chunk")
    channels = int.from_bytes(comm[0:2], "big")
    bits = int.from_bytes(comm[6:8], "big")
    compression = comm[18:22] if len(comm) >= 22 else b"NONE"   # AIFF-C only
    if compression not in (b"NONE", b"twos", b"sowt"):
        raise ValueError(f"compressed AIFF-C ({compression!r}) is not supported")
    order = "<" if compression == b"sowt" else ">"
    return Audio(_to_mono_int16(ssnd, (bits + 7) // 8, channels, order, signed8=True),
                 _extended_to_int(comm[8:18]))


def _extended_to_int(b: bytes) -> int:
    """The 80-bit IEEE extended float AIFF uses for the sample rate."""
    exponent = ((b[0] & 0x7F) << 8 | b[1]) - 16383
    mantissa = int.from_bytes(b[2:10], "big")
    return round(mantissa * 2.0 ** (exponent - 63))


def _to_mono_int16(raw: bytes, width: int, channels: int, order: str, signed8: bool) -> np.ndarray:
    if width == 1:   # WAV's 8-bit samples are unsigned, AIFF's signed
        x = np.frombuffer(raw, dtype=np.int8 if signed8 else np.uint8).astype(np.int32)
        x = x * 256 if signed8 else (x - 128) * 256
    elif width == 2:
        x = np.frombuffer(raw[:len(raw) // 2 * 2], dtype=order + "i2").astype(np.int32)
    elif width == 4:
        x = np.frombuffer(raw[:len(raw) // 4 * 4], dtype=order + "i4").astype(np.int64) // 65536
    else:
        raise ValueError(f"{8 * width}-bit audio is not supported")
    if channels > 1:
        x = x[:len(x) // channels * channels].reshape(-1, channels).mean(axis=1)
    return np.clip(x, -32768, 32767).astype(np.int16)
