"""Audio out: plays mono int16 audio through sounddevice, and stops at once.

One output stream is opened on first use and kept; its callback pulls from a
queue of clips. ``stop()`` empties the queue and aborts the stream, which also
drops what the device had buffered, so speech ends within a block or two
(``BLOCK_FRAMES`` is about 12 ms at 22 kHz) rather than at the end of a clip.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np

from voiceguide.audio import PLAYBACK_RATE, Audio, NoSoundLibrary, import_sounddevice
from voiceguide.speaking.notices import NO_AUDIO_NOTICE, NO_OUTPUT_DEVICE

BLOCK_FRAMES = 256

StreamFactory = Callable[..., Any]


class AudioUnavailable(Exception):
    """No sound can be played here (no device, no PortAudio, or the device failed)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = NO_AUDIO_NOTICE


def output_problem() -> str | None:
    """Why no sound can be played on this machine (French), or None when an output device exists."""
    try:
        sd = import_sounddevice()
    except NoSoundLibrary as exc:
        return exc.message
    try:
        info = sd.query_devices(kind="output")
    except Exception:  # noqa: BLE001 - PortAudioError or ValueError, depending on the version
        return NO_OUTPUT_DEVICE
    if not info or info.get("max_output_channels", 0) < 1:
        return NO_OUTPUT_DEVICE
    return None


class Player:
    """Plays clips one after another; ``stop()`` silences everything at once.

    ``stream_factory`` builds the output stream (``sounddevice.OutputStream``
    by default); tests on a machine without a sound card pass a stand-in.
    """

    def __init__(self, samplerate: int = PLAYBACK_RATE, *,
                 stream_factory: StreamFactory | None = None, blocksize: int = BLOCK_FRAMES) -> None:
        self.samplerate = samplerate
        self._factory = stream_factory
        self._blocksize = blocksize
        self._stream: Any = None
        self._queue: deque[np.ndarray] = deque()
        self._pos = 0
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self.frames_played = 0      # grows while the device pulls audio: a stalled device stops it

    @property
    def playing(self) -> bool:
        """True while queued audio has not all been handed to the device."""
        return not self._idle.is_set()

    def play(self, audio: Audio) -> None:
        """Stops whatever plays and plays ``audio``."""
        self.stop()
        self.append(audio)

    def append(self, audio: Audio) -> None:
        """Plays ``audio`` after what is already queued (at once when nothing is)."""
        samples = self._convert(audio)
        if not len(samples):
            return
        with self._lock:
            self._queue.append(samples)
            self._idle.clear()
        try:
            self._ensure_running()
        except AudioUnavailable:
            with self._lock:
                self._queue.clear()
                self._pos = 0
                self._idle.set()
            raise

    def stop(self) -> None:
        """Silences at once: drops the queue and what the device has buffered."""
        with self._lock:
            self._queue.clear()
            self._pos = 0
            self._idle.set()
        stream = self._stream
        if stream is not None and stream.active:
            try:
                stream.abort()
            except Exception:  # noqa: BLE001 - a failing device must not stop the guide
                self._drop_stream()

    def wait(self, timeout: float | None = None) -> bool:
        """Waits until all queued audio has played; False on time-out."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        self.stop()
        self._drop_stream()

    def _convert(self, audio: Audio) -> np.ndarray:
        if audio.frames == 0:
            return audio.samples
        return audio.resampled(self.samplerate).samples

    def _ensure_running(self) -> None:
        if self._stream is None:
            self._stream = self._open()
        if not self._stream.active:
            try:
                self._stream.start()
            except Exception as exc:  # noqa: BLE001 - PortAudioError: the device went away
                self._drop_stream()
                raise AudioUnavailable(f"le périphérique audio refuse de jouer ({exc})") from None

    def _open(self) -> Any:
        factory = self._factory
        if factory is None:
            try:
                factory = import_sounddevice().OutputStream
            except NoSoundLibrary as exc:
                raise AudioUnavailable(exc.message) from None
        try:
            return factory(samplerate=self.samplerate, channels=1, dtype="int16",
                           blocksize=self._blocksize, latency="low", callback=self._callback)
        except Exception as exc:  # noqa: BLE001 - PortAudioError, ValueError: no usable device
            raise AudioUnavailable(f"aucun périphérique de sortie audio utilisable ({exc})") from None

    def _drop_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.close()
            except Exception:  # noqa: BLE001 - closing a broken device is best effort
                pass

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        """PortAudio's thread: fills one block from the queue, silence when it is empty."""
        out = outdata[:, 0] if outdata.ndim == 2 else outdata
        filled = 0
        with self._lock:
            while filled < frames and self._queue:
                clip = self._queue[0]
                take = min(frames - filled, len(clip) - self._pos)
                out[filled:filled + take] = clip[self._pos:self._pos + take]
                filled += take
                self._pos += take
                if self._pos >= len(clip):
                    self._queue.popleft()
                    self._pos = 0
            if not self._queue:
                self._idle.set()
            self.frames_played += filled
        out[filled:] = 0
