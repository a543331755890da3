"""Audio coming in: WAV files (one turn of the user each) and the microphone.

Everything leaves this module as 16 kHz mono int16, the only format the
recogniser is fed: vosk downsamples higher rates itself but can abort on lower
ones, so conversion happens here, once, for every source.
"""

from __future__ import annotations

import os
import queue
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from voiceguide.errors import CannotRun, UserError

RATE = 16_000
MAX_TURN_SECONDS = 120.0   # one WAV is one answer of the user, not a recording session
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


# --------------------------------------------------------------------------- resampling

class Resampler:
    """Band-limited (windowed-sinc) sample-rate converter that can be fed in pieces.

    Streaming matters for the microphone: converting each block on its own
    would click at every block edge. The same object converts whole files.
    """

    def __init__(self, src_rate: int, dst_rate: int = RATE, zeros: int = 12) -> None:
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
        taps = np.arange(-self._half + 1, self._half + 1)
        for start in range(self._produced, total, 4096):
            n = np.arange(start, min(total, start + 4096))
            pos = n * self.src_rate / self.dst_rate - self._offset
            base = np.floor(pos).astype(np.int64)
            idx = base[:, None] + taps[None, :]
            dist = pos[:, None] - idx
            window = 0.5 + 0.5 * np.cos(np.pi * np.clip(dist / self._half, -1.0, 1.0))
            weights = self._cutoff * np.sinc(self._cutoff * dist) * window
            pieces.append(np.sum(self._buf[np.clip(idx, 0, len(self._buf) - 1)] * weights, axis=1))
        self._produced = max(self._produced, total)
        keep_from = (self._produced * self.src_rate) // self.dst_rate - self._offset - self._half
        if keep_from > 0:
            self._buf = self._buf[keep_from:]
            self._offset += keep_from
        return np.concatenate(pieces) if pieces else np.zeros(0)


def resample(samples: np.ndarray, src_rate: int, dst_rate: int = RATE) -> np.ndarray:
    """Converts a whole signal (float) from ``src_rate`` to ``dst_rate``."""
    if src_rate == dst_rate:
        return np.asarray(samples, dtype=np.float64)
    r = Resampler(src_rate, dst_rate)
    return np.concatenate([r.process(samples), r.flush()])


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in int16 units to int16, clipped rather than wrapped."""
    return np.clip(np.round(samples), -32768, 32767).astype(np.int16)


# --------------------------------------------------------------------------- WAV files

def _bad(path: Path, why: str) -> UserError:
    return UserError(f"Fichier audio « {path} » : {why}")


def _parse_wav(path: Path, stream: BinaryIO, size: int) -> tuple[np.ndarray, int]:
    """RIFF/WAVE parser: returns (float samples in int16 units, mono) and the rate.

    Written here rather than with the ``wave`` module because that one refuses
    WAVE_FORMAT_EXTENSIBLE, which sox and many recorders write for 24-bit audio.
    The chunk headers are read first and the length checked before any sound
    is read, so a file of hours (or a huge file posing as a WAV) is refused
    at once instead of being loaded into memory.
    """
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
    if frames / rate > MAX_TURN_SECONDS:
        raise _bad(path, f"il dure {frames / rate:.0f} s, plus que les {MAX_TURN_SECONDS:.0f} s "
                         "permises pour une seule réponse. Coupez-le en plusieurs fichiers.")
    if frames * block_align > MAX_WAV_DATA_BYTES:
        raise _bad(path, f"il est trop gros pour une seule réponse ({frames * block_align / 1e6:.0f} Mo de "
                         f"son, {MAX_WAV_DATA_BYTES / 1e6:.0f} Mo au plus). Réduisez-le, par exemple avec "
                         "« sox entree.wav -r 16000 -c 1 -b 16 sortie.wav ».")
    stream.seek(offset)
    raw = stream.read(frames * block_align)
    if len(raw) < frames * block_align:   # the file shrank while being read
        raise _bad(path, "le fichier WAV est tronqué. Enregistrez-le à nouveau.")
    if tag == _FORMAT_FLOAT:
        x = np.frombuffer(raw, dtype="<f4" if width == 4 else "<f8").astype(np.float64) * 32768.0
    elif width == 1:
        x = (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128.0) * 256.0
    elif width == 2:
        x = np.frombuffer(raw, dtype="<i2").astype(np.float64)
    elif width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        x = (np.where(v >= 1 << 23, v - (1 << 24), v) / 256.0)
    else:
        x = np.frombuffer(raw, dtype="<i4").astype(np.float64) / 65536.0
    x = x.reshape(frames, channels).mean(axis=1)
    return x, rate


def read_wav(path: Path) -> np.ndarray:
    """Reads a PCM (or float) WAV of any rate, width and channel count as 16 kHz mono int16.

    Any problem is a UserError (exit 2) naming the file and saying what to do.
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
            samples, rate = _parse_wav(path, stream, size)
    except OSError as exc:
        raise _bad(path, f"lecture impossible ({exc.strerror or exc}). Vérifiez les droits du fichier.") from None
    return to_int16(resample(samples, rate, RATE))


def check_wav_files(paths: Sequence[Path]) -> None:
    """Validates every WAV up front (before the model is loaded), reporting all bad ones at once."""
    problems = []
    for p in paths:
        try:
            read_wav(Path(p))
        except UserError as exc:
            problems.append(exc.message)
    if problems:
        raise UserError("\n".join(problems))


def write_wav(path: Path, audio: np.ndarray, rate: int = RATE, bits: int = 16) -> None:
    """Writes mono int16 samples as a PCM WAV, 16-bit or 8-bit (the sample maker's compact form)."""
    import wave

    samples = np.asarray(audio, dtype=np.int16)
    if bits == 8:
        frames = (np.clip(np.round(samples / 256.0), -128, 127) + 128).astype(np.uint8).tobytes()
    elif bits == 16:
        frames = samples.astype("<i2").tobytes()
    else:
        raise ValueError("bits must be 8 or 16")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(bits // 8)
        w.setframerate(rate)
        w.writeframes(frames)


def chunks(audio: np.ndarray, chunk_ms: int = 100, realtime: bool = False,
           *, clock: Callable[[], float] = time.monotonic,
           sleep: Callable[[float], None] = time.sleep) -> Iterator[bytes]:
    """Cuts 16 kHz int16 audio into chunks of raw bytes for the recogniser.

    ``realtime`` paces them as a microphone would (so timings seen by the
    session are those of a live user); otherwise they come as fast as possible
    (``--fast``).
    """
    step = RATE * chunk_ms // 1000
    data = np.asarray(audio, dtype="<i2")
    start = clock()
    for i, pos in enumerate(range(0, len(data), step)):
        if realtime:
            due = start + i * chunk_ms / 1000.0
            wait = due - clock()
            if wait > 0:
                sleep(wait)
        yield data[pos:pos + step].tobytes()


# --------------------------------------------------------------------------- microphone

def import_sounddevice() -> Any:
    try:
        import sounddevice
    except OSError:   # PortAudio missing: sounddevice raises at import
        raise CannotRun("La bibliothèque audio PortAudio est absente : installez le paquet "
                        "« libportaudio2 », ou utilisez le clavier (--input keyboard).") from None
    return sounddevice


def find_input_device(sd: Any, device: int | str | None) -> int:
    """Index of the input device chosen by index, by (part of its) name, or the default."""
    try:
        devices = list(sd.query_devices())
    except Exception:  # noqa: BLE001 - PortAudio's own error type varies between versions
        devices = []
    inputs = [i for i, d in enumerate(devices) if d.get("max_input_channels", 0) > 0]
    if not inputs:
        raise CannotRun("Aucun microphone n'a été trouvé : branchez un micro, ou utilisez le "
                        "clavier (--input keyboard).")
    if device is None or device == "":
        try:
            default = sd.default.device[0]
        except (AttributeError, IndexError, TypeError):
            default = -1
        return default if default in inputs else inputs[0]
    if isinstance(device, int) or str(device).isdigit():
        index = int(device)
        if index in inputs:
            return index
        raise CannotRun(f"Le périphérique audio n° {index} n'est pas un microphone. "
                        f"Microphones disponibles : {_list_inputs(devices, inputs)}.")
    wanted = str(device).lower()
    matches = [i for i in inputs if wanted in str(devices[i].get("name", "")).lower()]
    if not matches:
        raise CannotRun(f"Aucun microphone ne s'appelle « {device} ». "
                        f"Microphones disponibles : {_list_inputs(devices, inputs)}.")
    return matches[0]


def _list_inputs(devices: list, inputs: list[int]) -> str:
    return ", ".join(f"{i} « {devices[i].get('name', '?')} »" for i in inputs)


MIC_STALL_SECONDS = 2.0   # a live microphone hands over a block every chunk_ms: this long without one, it is gone
_STALL_POLL_SECONDS = 0.25
_LOST = object()          # queued by PortAudio's finished callback when the stream ends on its own

MICROPHONE_LOST = ("Le microphone ne répond plus (débranché ?). Rebranchez-le et relancez le guide, "
                   "ou utilisez le clavier (--input keyboard).")


class MicrophoneLost(CannotRun):
    """The microphone stopped delivering audio in the middle of a session (unplugged, driver error)."""

    def __init__(self) -> None:
        super().__init__(MICROPHONE_LOST)


class Microphone:
    """Live 16 kHz mono int16 chunks from a sound card, half-duplex.

    While the guide speaks (``pause()``), captured audio is dropped, and for a
    short tail after ``resume()`` too: the speakers' echo must never reach the
    recogniser as if the user had said it. A microphone that disappears
    (its stream ends, or no block comes for ``stall_seconds``) makes
    ``chunks()`` raise MicrophoneLost instead of waiting for ever.
    """

    def __init__(self, device: int | str | None = None, *, chunk_ms: int = 100,
                 tail_ms: int = 300, sd: Any = None,
                 clock: Callable[[], float] = time.monotonic,
                 stall_seconds: float = MIC_STALL_SECONDS) -> None:
        self._sd = sd if sd is not None else import_sounddevice()
        self.device = find_input_device(self._sd, device)
        self.chunk_ms = chunk_ms
        self.tail_s = tail_ms / 1000.0
        self.stall_seconds = stall_seconds
        self._clock = clock
        self.overflows = 0
        self._queue: queue.Queue[Any] = queue.Queue()
        self._lock = threading.Lock()
        self._paused = False
        self._drop_until = 0.0
        self._stream: Any = None
        self._closing = False
        self._last_block = time.monotonic()   # real time, whatever ``clock`` is: the device's heartbeat
        self.device_rate = self._pick_rate()
        self._resampler = Resampler(self.device_rate, RATE)
        self._pending = np.zeros(0, dtype=np.float64)

    def _pick_rate(self) -> int:
        try:
            self._sd.check_input_settings(device=self.device, channels=1,
                                          samplerate=RATE, dtype="int16")
            return RATE
        except Exception:  # noqa: BLE001 - the device refuses 16 kHz: capture at its own rate, resample here
            info = self._sd.query_devices(self.device)
            return int(info.get("default_samplerate") or 48_000)

    def start(self) -> Microphone:
        """Opens the input stream."""
        blocksize = self.device_rate * self.chunk_ms // 1000
        self._closing = False
        self._last_block = time.monotonic()
        try:
            self._stream = self._sd.InputStream(device=self.device, channels=1,
                                                samplerate=self.device_rate, dtype="int16",
                                                blocksize=blocksize, callback=self._callback,
                                                finished_callback=self._finished)
            self._stream.start()
        except Exception as exc:  # noqa: BLE001 - PortAudioError and friends
            raise CannotRun(f"Impossible d'ouvrir le microphone ({exc}). Vérifiez qu'il est "
                            "branché et libre, ou utilisez le clavier (--input keyboard).") from None
        return self

    def close(self) -> None:
        """Stops capturing; a waiting ``chunks()`` ends."""
        self._closing = True
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            finally:
                self._stream = None
                self._queue.put(None)
        else:
            self._queue.put(None)

    def __enter__(self) -> Microphone:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        # Runs on PortAudio's thread: keep it short, never raise.
        self._last_block = time.monotonic()
        if status and getattr(status, "input_overflow", False):
            self.overflows += 1
        with self._lock:
            if self._paused or self._clock() < self._drop_until:
                return
        self._queue.put(np.array(indata, dtype=np.int16).reshape(-1))

    def _finished(self) -> None:
        # PortAudio's thread, when the stream has ended: by close(), or by itself (device gone).
        if not self._closing:
            self._queue.put(_LOST)

    def pause(self) -> None:
        """The guide starts speaking: stop listening."""
        with self._lock:
            self._paused = True
        self._drain()

    def resume(self) -> None:
        """The guide stopped speaking: listen again after the tail."""
        with self._lock:
            self._paused = False
            self._drop_until = self._clock() + self.tail_s
        self._drain()

    def _drain(self) -> None:
        while True:
            try:
                block = self._queue.get_nowait()
            except queue.Empty:
                break
            if block is None or block is _LOST:   # an end is kept for the next reader
                self._queue.put(block)
                break
        self._resampler = Resampler(self.device_rate, RATE)
        self._pending = np.zeros(0, dtype=np.float64)

    def _check_alive(self) -> None:
        stream = self._stream
        if stream is None or self._closing:
            return
        if not getattr(stream, "active", True) or time.monotonic() - self._last_block > self.stall_seconds:
            raise MicrophoneLost()

    def chunks(self, timeout: float | None = None) -> Iterator[bytes]:
        """Yields chunks of ``chunk_ms`` (16 kHz int16 bytes) until closed or ``timeout`` passes without audio.

        Raises MicrophoneLost when the device stops delivering audio.
        """
        step = RATE * self.chunk_ms // 1000
        waited = 0.0
        while True:
            wait = _STALL_POLL_SECONDS if timeout is None else min(_STALL_POLL_SECONDS, max(0.0, timeout - waited))
            try:
                block = self._queue.get(timeout=wait)
            except queue.Empty:
                waited += wait
                if timeout is not None and waited >= timeout:
                    return
                self._check_alive()
                continue
            waited = 0.0
            if block is None:
                return
            if block is _LOST:
                raise MicrophoneLost()
            self._pending = np.concatenate([self._pending, self._resampler.process(block)])
            while len(self._pending) >= step:
                out, self._pending = self._pending[:step], self._pending[step:]
                yield to_int16(out).tobytes()


def iter_files(paths: Iterable[Path], chunk_ms: int = 100, realtime: bool = False) -> Iterator[Iterator[bytes]]:
    """One chunk iterator per WAV file: each file is one turn of the user."""
    for p in paths:
        yield chunks(read_wav(Path(p)), chunk_ms, realtime)
