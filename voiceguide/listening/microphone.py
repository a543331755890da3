"""The microphone: live 16 kHz mono chunks from a sound card, muted while the guide speaks.

The device is picked by index, by (part of) its name, or as the system's
default; a device that refuses 16 kHz is captured at its own rate and
resampled here, once, so everything the recogniser gets is 16 kHz mono int16.
A microphone that disappears mid-session raises MicrophoneLost instead of
leaving the guide waiting for ever.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from voiceguide.audio import RECOGNIZER_RATE, Audio, NoSoundLibrary, import_sounddevice, to_int16
from voiceguide.errors import CannotRun
from voiceguide.resampling import Resampler


def input_sounddevice() -> Any:
    """``sounddevice`` for listening; without PortAudio, says that the keyboard still works."""
    try:
        return import_sounddevice()
    except NoSoundLibrary as exc:
        raise CannotRun(f"{exc.message} Sinon, utilisez le clavier (--input keyboard).") from None


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
    """Live 16 kHz mono chunks from a sound card, half-duplex.

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
        self._sd = sd if sd is not None else input_sounddevice()
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
        self._resampler = Resampler(self.device_rate, RECOGNIZER_RATE)
        self._pending = np.zeros(0, dtype=np.float64)

    def _pick_rate(self) -> int:
        try:
            self._sd.check_input_settings(device=self.device, channels=1,
                                          samplerate=RECOGNIZER_RATE, dtype="int16")
            return RECOGNIZER_RATE
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
        self._resampler = Resampler(self.device_rate, RECOGNIZER_RATE)
        self._pending = np.zeros(0, dtype=np.float64)

    def _check_alive(self) -> None:
        stream = self._stream
        if stream is None or self._closing:
            return
        if not getattr(stream, "active", True) or time.monotonic() - self._last_block > self.stall_seconds:
            raise MicrophoneLost()

    def chunks(self, timeout: float | None = None) -> Iterator[Audio]:
        """Yields chunks of ``chunk_ms`` (16 kHz) until closed or ``timeout`` passes without audio.

        Raises MicrophoneLost when the device stops delivering audio.
        """
        step = RECOGNIZER_RATE * self.chunk_ms // 1000
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
                yield Audio(to_int16(out), RECOGNIZER_RATE)
