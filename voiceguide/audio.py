"""Audio as one type, for what comes in (WAV files, the microphone) and what goes out (speech, tones).

``Audio`` is int16 samples with their rate; one WAV reader (any PCM or float
width, any channel count), one resampler, one loudness measure and one way to
load ``sounddevice`` serve the listening and the speaking side alike.

numpy is imported here, and this module is imported only by the parts that
move sound: typed modes without speech (``--input text --tts none``,
``validate``) never load it.
"""

from __future__ import annotations

import os
import struct
import wave
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from voiceguide.errors import CannotRun, UserError
from voiceguide.resampling import Resampler, resample

RECOGNIZER_RATE = 16_000   # what the recogniser is fed: vosk downsamples higher rates but can abort on lower ones
PLAYBACK_RATE = 22_050     # espeak-ng's own rate: the player's stream runs at it, so speech needs no resampling
MAX_WAV_DATA_BYTES = 96 * 1024 * 1024   # 120 s of 96 kHz stereo 32-bit fits; decoding stays < 1 GB

_MAX_CHANNELS = 32
_MAX_CHUNKS = 1024         # RIFF chunks walked before the file counts as damaged
_MAX_FMT_BYTES = 1024
_FORMAT_PCM = 0x0001
_FORMAT_FLOAT = 0x0003
_FORMAT_EXTENSIBLE = 0xFFFE
# Writers that stream (espeak-ng --stdout, some recorders) put a placeholder
# data size of 0 or about 2-4 GB: then the data runs to the end of the file.
_STREAMED_SIZE = 0x7FFF0000
_GUID_TAIL = b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"


@dataclass(frozen=True, eq=False)
class Audio:
    """int16 samples and their rate: one column per channel, or a flat array for mono (the usual case)."""

    samples: np.ndarray
    rate: int

    def __post_init__(self) -> None:
        if self.samples.dtype != np.int16 or self.samples.ndim not in (1, 2) or self.rate <= 0:
            raise ValueError(f"audio must be int16 samples with a positive rate, not {self.samples.dtype} "
                             f"of shape {self.samples.shape} at {self.rate} Hz")

    @property
    def width(self) -> int:
        """Bytes per sample."""
        return self.samples.dtype.itemsize

    @property
    def channels(self) -> int:
        return 1 if self.samples.ndim == 1 else int(self.samples.shape[1])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def mono(self) -> Audio:
        """The channels mixed into one."""
        if self.samples.ndim == 1:
            return self
        return Audio(to_int16(self.samples.astype(np.float64).mean(axis=1)), self.rate)

    def resampled(self, rate: int) -> Audio:
        """The same sound (mixed to mono) at ``rate``."""
        mono = self.mono()
        if rate == self.rate:
            return mono
        return Audio(to_int16(resample(mono.samples, self.rate, rate)), rate)

    def to_bytes(self) -> bytes:
        """Little-endian PCM, as vosk and WAV files take it."""
        return self.samples.astype("<i2", copy=False).tobytes()

    def pieces(self, frames: int) -> Iterator[Audio]:
        """Consecutive pieces of ``frames`` frames (the last may be shorter)."""
        for start in range(0, self.frames, frames):
            yield Audio(self.samples[start:start + frames], self.rate)

    @staticmethod
    def concat(pieces: Sequence[Audio], rate: int = PLAYBACK_RATE) -> Audio:
        """Pieces joined end to end (all must share one rate; empty pieces are skipped)."""
        kept = [p for p in pieces if p.frames]
        if not kept:
            return Audio(np.zeros(0, dtype=np.int16), rate)
        rates = {p.rate for p in kept}
        if len(rates) != 1:
            raise ValueError(f"cannot join audio of different rates: {sorted(rates)}")
        return Audio(np.concatenate([p.samples for p in kept]), kept[0].rate)

    def trim(self, start: bool = False, end_keep: float | None = None) -> Audio:
        """Without the digital silence (exact zeros) the engine puts at the start, and with at most
        ``end_keep`` seconds of it at the end: espeak-ng adds ~13 ms before and ~330 ms after."""
        nonzero = np.flatnonzero(self.samples)
        if not len(nonzero):
            return self
        first = nonzero[0] if start else 0
        last = self.frames
        if end_keep is not None:
            last = min(last, nonzero[-1] + 1 + int(end_keep * self.rate))
        return Audio(self.samples[first:last], self.rate)

    def save(self, path: Path) -> None:
        """16-bit PCM mono WAV."""
        mono = self.mono()
        write_wav(path, mono.samples, mono.rate)


def rms(samples: np.ndarray) -> float:
    """Loudness: the root mean square of the samples (int16 units); 0 for no samples."""
    if not len(samples):
        return 0.0
    x = np.asarray(samples, dtype=np.float64)
    return float(np.sqrt(np.mean(x * x)))


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in int16 units to int16, clipped rather than wrapped."""
    return np.clip(np.round(samples), -32768, 32767).astype(np.int16)


# --------------------------------------------------------------------------- sound files

def _bad(path: Path, why: str) -> UserError:
    return UserError(f"Fichier audio « {path} » : {why}", spoken=f"Le fichier audio « {path.name} » : {why}")


_BLOCK_BYTES = 1 << 20     # sound read and converted this much at a time


@dataclass(frozen=True)
class WavFile:
    """A WAV file whose header has been checked (``open_wav``): how its sound is coded and where it lies.

    The sound itself is read on demand, once: ``read`` as it is, or
    ``read_resampled`` block by block, so that a long recording at a high
    rate never sits whole in memory as floating-point samples.
    """

    path: Path
    rate: int
    channels: int
    width: int              # bytes per sample
    floating: bool
    offset: int             # where the sound starts in the file
    frames: int

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def read(self) -> Audio:
        """The sound as it is (every channel, its own rate)."""
        blocks = list(self._blocks())
        return Audio(np.concatenate(blocks) if len(blocks) > 1 else blocks[0], self.rate)

    def read_resampled(self, rate: int) -> Audio:
        """The sound mixed to mono at ``rate``: the same samples as ``read().resampled(rate)``."""
        resampler = Resampler(self.rate, rate)
        pieces = [resampler.process(Audio(block, self.rate).mono().samples) for block in self._blocks()]
        pieces.append(resampler.flush())
        return Audio(to_int16(np.concatenate(pieces)), rate)

    def _blocks(self) -> Iterator[np.ndarray]:
        """The sound as int16 blocks (one column per channel, or flat for mono); UserError if the file changed."""
        align = self.channels * self.width
        per_block = max(1, _BLOCK_BYTES // align)
        try:
            with self.path.open("rb") as stream:
                stream.seek(self.offset)
                for start in range(0, self.frames, per_block):
                    count = min(per_block, self.frames - start)
                    raw = stream.read(count * align)
                    if len(raw) < count * align:   # the file shrank since its header was checked
                        raise _bad(self.path, "le fichier WAV est tronqué. Enregistrez-le à nouveau.")
                    x = _decode(raw, self.width, "<", floating=self.floating, signed8=False)
                    if self.floating and not np.isfinite(x).all():
                        raise _bad(self.path, _NOT_NUMBERS)
                    x = x.reshape(count, self.channels)
                    yield to_int16(x[:, 0] if self.channels == 1 else x)
        except OSError as exc:
            raise _bad(self.path, f"lecture impossible ({exc.strerror or exc}). Vérifiez les droits du "
                                  "fichier.") from None


_NOT_NUMBERS = ("des échantillons ne sont pas des nombres (NaN ou infini) : le fichier est abîmé. "
                "Enregistrez-le à nouveau.")


def read_wav(path: Path, max_seconds: float | None = None) -> Audio:
    """Reads a PCM (8 to 32 bits) or float WAV, any rate and channel count, as it is (see ``open_wav``)."""
    return open_wav(path, max_seconds).read()


def open_wav(path: Path, max_seconds: float | None = None) -> WavFile:
    """Checks a WAV file without decoding its sound: PCM (8 to 32 bits) or float, any rate and channel count.

    Written here rather than with the ``wave`` module because that one refuses
    WAVE_FORMAT_EXTENSIBLE, which sox and many recorders write for 24-bit audio.
    The chunk headers are read and the length checked before any sound is
    read, so a file of hours (or a huge file posing as a WAV) is refused at
    once; float samples are scanned (not kept) for NaN and infinities. Any
    problem is a UserError (exit 2) naming the file and saying what to do.
    """
    path = Path(path)
    if not path.exists():
        raise _bad(path, "fichier introuvable. Vérifiez le chemin.")
    if path.is_dir():
        raise _bad(path, "c'est un dossier, pas un fichier WAV.")
    if not path.is_file():
        raise _bad(path, "ce n'est pas un fichier ordinaire. Donnez un enregistrement au format WAV.")
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size == 0:
                raise _bad(path, "le fichier est vide (0 octet). Enregistrez-le à nouveau.")
            wav = _parse_wav(path, stream, size, max_seconds)
    except OSError as exc:
        raise _bad(path, f"lecture impossible ({exc.strerror or exc}). Vérifiez les droits du fichier.") from None
    if wav.floating:   # NaN would become noise (and numpy warnings), infinities full-scale clicks
        for _ in wav._blocks():
            pass
    return wav


def _parse_wav(path: Path, stream: BinaryIO, size: int, max_seconds: float | None) -> WavFile:
    head = stream.read(12)
    if len(head) < 12 or head[:4] not in (b"RIFF", b"RIFX") or head[8:12] != b"WAVE":
        raise _bad(path, "ce n'est pas un fichier WAV. Donnez un enregistrement au format WAV "
                         "(par exemple converti avec « sox fichier.mp3 fichier.wav »).")
    if head[:4] == b"RIFX":
        raise _bad(path, "WAV gros-boutiste (RIFX) non pris en charge : convertissez-le en WAV "
                         "PCM ordinaire avec sox.")
    fmt = None
    payload: tuple[int, int] | None = None   # offset and length of the sound data
    pos = 12
    for _ in range(_MAX_CHUNKS):
        if pos + 8 > size:
            break
        stream.seek(pos)
        cid, csize = struct.unpack("<4sI", stream.read(8))
        if cid == b"fmt ":
            fmt = stream.read(min(csize, _MAX_FMT_BYTES))
        elif cid == b"data":
            available = size - (pos + 8)
            streamed = csize == 0 or csize >= _STREAMED_SIZE
            if not streamed and available < csize:
                raise _bad(path, f"le fichier WAV est tronqué ({available} octets de son sur les "
                                 f"{csize} annoncés). Enregistrez-le à nouveau.")
            payload = (pos + 8, available if streamed else csize)
            if fmt is not None:
                break
        pos += 8 + csize + (csize & 1)
    if fmt is None or len(fmt) < 16 or payload is None:
        raise _bad(path, "le fichier WAV est abîmé ou incomplet (en-tête « fmt » ou « data » "
                         "manquant). Enregistrez-le à nouveau.")
    tag, channels, rate, _, block_align, bits = struct.unpack_from("<HHIIHH", fmt)
    if tag == _FORMAT_EXTENSIBLE and len(fmt) >= 40 and fmt[26:40] == _GUID_TAIL:
        tag = struct.unpack_from("<H", fmt, 24)[0]
    if tag not in (_FORMAT_PCM, _FORMAT_FLOAT):
        raise _bad(path, f"codage audio non pris en charge (code {tag:#06x}). Convertissez-le en "
                         "WAV PCM 16 bits, par exemple « sox entree.wav -b 16 sortie.wav ».")
    width = bits // 8
    if (channels < 1 or channels > _MAX_CHANNELS or rate < 1000 or rate > 384_000 or bits % 8
            or (tag == _FORMAT_PCM and width not in (1, 2, 3, 4))
            or (tag == _FORMAT_FLOAT and width not in (4, 8))
            or block_align != channels * width):
        raise _bad(path, "l'en-tête WAV est incohérent (fichier abîmé ?). Enregistrez-le à nouveau.")
    offset, length = payload
    frames = length // block_align
    if frames == 0:
        raise _bad(path, "le fichier ne contient aucun son. Enregistrez-le à nouveau.")
    if max_seconds is not None and frames / rate > max_seconds:
        raise _bad(path, f"il dure {frames / rate:.0f} s, plus que les {max_seconds:.0f} s "
                         "permises pour une seule réponse. Coupez-le en plusieurs fichiers.")
    if frames * block_align > MAX_WAV_DATA_BYTES:
        raise _bad(path, f"il est trop gros pour une seule réponse ({frames * block_align / 1e6:.0f} Mo de "
                         f"son, {MAX_WAV_DATA_BYTES / 1e6:.0f} Mo au plus). Réduisez-le, par exemple avec "
                         "« sox entree.wav -r 16000 -c 1 -b 16 sortie.wav ».")
    return WavFile(path, rate, channels, width, tag == _FORMAT_FLOAT, offset, frames)


def _decode(raw: bytes, width: int, order: str, *, floating: bool, signed8: bool) -> np.ndarray:
    """PCM or float samples to floats in int16 units (WAV's 8-bit samples are unsigned, AIFF's signed)."""
    if floating:
        return np.frombuffer(raw, dtype=f"{order}f{width}").astype(np.float64) * 32768.0
    usable = raw[:len(raw) // width * width]
    if width == 1:
        if signed8:
            return np.frombuffer(usable, dtype=np.int8).astype(np.float64) * 256.0
        return (np.frombuffer(usable, dtype=np.uint8).astype(np.float64) - 128.0) * 256.0
    if width == 3:
        b = np.frombuffer(usable, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        if order == ">":
            b = b[:, ::-1]
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        return np.where(v >= 1 << 23, v - (1 << 24), v) / 256.0
    if width in (2, 4):
        return np.frombuffer(usable, dtype=f"{order}i{width}").astype(np.float64) / (1 << (8 * (width - 2)))
    raise ValueError(f"{8 * width}-bit audio is not supported")


def read_engine_file(path: str | os.PathLike[str]) -> Audio:
    """Reads what a speech engine wrote, as mono: a WAV (espeak-ng, SAPI5) or an AIFF (macOS writes
    AIFF whatever the file name says)."""
    with open(path, "rb") as f:
        head = f.read(12)
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return _read_aiff(Path(path)).mono()
    return read_wav(Path(path)).mono()


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
    width = (int.from_bytes(comm[6:8], "big") + 7) // 8
    compression = comm[18:22] if len(comm) >= 22 else b"NONE"   # AIFF-C only
    if compression not in (b"NONE", b"twos", b"sowt"):
        raise ValueError(f"compressed AIFF-C ({compression!r}) is not supported")
    order = "<" if compression == b"sowt" else ">"
    x = _decode(ssnd, width, order, floating=False, signed8=True)
    x = x[:len(x) // channels * channels].reshape(-1, channels)
    return Audio(to_int16(x[:, 0] if channels == 1 else x), _extended_to_int(comm[8:18]))


def _extended_to_int(b: bytes) -> int:
    """The 80-bit IEEE extended float AIFF uses for the sample rate."""
    exponent = ((b[0] & 0x7F) << 8 | b[1]) - 16383
    mantissa = int.from_bytes(b[2:10], "big")
    return round(mantissa * 2.0 ** (exponent - 63))


def write_wav(path: Path, samples: np.ndarray, rate: int = RECOGNIZER_RATE, bits: int = 16) -> None:
    """Writes mono int16 samples as a PCM WAV, 16-bit or 8-bit (the sample maker's compact form)."""
    mono = np.asarray(samples, dtype=np.int16)
    if bits == 8:
        frames = (np.clip(np.round(mono / 256.0), -128, 127) + 128).astype(np.uint8).tobytes()
    elif bits == 16:
        frames = mono.astype("<i2").tobytes()
    else:
        raise ValueError("bits must be 8 or 16")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(bits // 8)
        w.setframerate(rate)
        w.writeframes(frames)


# --------------------------------------------------------------------------- the sound card

class NoSoundLibrary(CannotRun):
    """``sounddevice`` cannot be loaded: PortAudio (libportaudio2) is missing, or the package itself."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"La bibliothèque audio PortAudio est absente ({detail}) : installez le paquet "
                         "« libportaudio2 ».")
        self.detail = detail


def import_sounddevice() -> Any:
    """The ``sounddevice`` module, loaded on first use (it loads PortAudio, which the typed modes never need)."""
    try:
        import sounddevice
    except (OSError, ImportError) as exc:   # sounddevice raises OSError when PortAudio is missing
        raise NoSoundLibrary(str(exc)) from None
    return sounddevice
