"""Spoken input sources: recorded WAV files and the microphone, both through the vosk recogniser.

They hand the session the same turns as the typed sources (see inputs.py).
The model loads in the background while the welcome is spoken; the first
turn waits for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from voiceguide.listening.audio_in import (
    RATE,
    Microphone,
    MicrophoneLost,
    chunks,
    read_wav,
)
from voiceguide.listening.recognizer import RecognizerLoader
from voiceguide.listening.turns import EndOfInput, InputSource, KeyPress, Turn
from voiceguide.listening.typed import KeyboardInput


class AudioFileInput:
    """Each WAV file is one turn of the user; after the last file the session ends."""

    name = "audio"
    can_interrupt = False

    def __init__(self, paths: Sequence[Path], loader: RecognizerLoader, fast: bool) -> None:
        self._paths = list(paths)
        self._loader = loader
        self._fast = fast

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        if not self._paths:
            raise EndOfInput
        recognizer = self._loader.result()
        audio = read_wav(self._paths.pop(0))
        return recognizer.recognize(chunks(audio, realtime=not self._fast), list(grammar), source="audio")

    def close(self) -> None:
        pass


class MicrophoneInput:
    """Live speech through the microphone.

    Half-duplex by default: the microphone only listens between narrations,
    so the guide never hears its own voice. With ``barge_in`` (for headset
    users, whose microphone does not hear the speakers) it listens all the
    time and the user's voice stops the narration. Keys always work too (on
    a terminal): a key pressed while listening ends the turn as that key.
    """

    name = "micro"
    can_interrupt = False

    def __init__(self, microphone: Microphone, loader: RecognizerLoader, keys: KeyboardInput | None,
                 speaker: Interruptible | None = None) -> None:
        self._mic = microphone.start()
        self._loader = loader
        self._keys = keys
        self._key: KeyPress | None = None
        self._speaker = speaker  # set: barge-in
        self.listens_while_speaking = speaker is not None
        self.listening_tone = speaker is None
        if speaker is None:
            self._mic.pause()

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        recognizer = self._loader.result()
        self._key = None
        if self._speaker is None:
            recognizer.reset()
            self._mic.resume()
            try:
                heard = recognizer.recognize(self._audio_or_key(self._mic.chunks()), list(grammar),
                                             source="micro", no_input_s=timeout)
            finally:
                self._mic.pause()
        else:
            audio = _BargeIn(self._speaker, timeout).watch(self._mic.chunks())
            heard = recognizer.recognize(self._audio_or_key(audio), list(grammar), source="micro")
        return self._key or heard

    def _audio_or_key(self, audio: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in audio:
            if self._keys is not None:
                key = self._keys.next_turn((), 0)
                if key is not None:
                    if self._speaker is not None:
                        self._speaker.stop()
                    self._key = key
                    return
            yield chunk

    @property
    def keys(self) -> KeyboardInput | None:
        """The keyboard read alongside the microphone (on a terminal), if any."""
        return self._keys

    def close_microphone(self) -> None:
        """Lets go of the microphone only (it is gone); the keyboard stays as it is."""
        try:
            self._mic.close()
        except Exception:  # noqa: BLE001 - PortAudio may refuse to stop a vanished device: nothing to keep
            pass

    def close(self) -> None:
        self.close_microphone()
        if self._keys is not None:
            self._keys.close()


KEYBOARD_FALLBACK = ("Le microphone ne répond plus : je passe au clavier. "
                     "Appuyez sur h pour entendre les touches.")
TEXT_FALLBACK = ("Le microphone ne répond plus : je continue avec ce que vous tapez, "
                 "une commande par ligne.")


class MicrophoneOrKeys:
    """The microphone while it works; when it disappears mid-session, the keyboard, said aloud.

    A blind user must never be left talking to a dead microphone: the
    session goes on from the same step with keys (or typed lines when there
    is no terminal), and ``announce`` tells the user why.
    """

    def __init__(self, microphone: MicrophoneInput, fallback: Callable[[], InputSource],
                 announce: Callable[[str], None]) -> None:
        self._current: InputSource = microphone
        self._microphone: MicrophoneInput | None = microphone
        self._fallback = fallback
        self._announce = announce

    @property
    def name(self) -> str:
        return self._current.name

    @property
    def can_interrupt(self) -> bool:
        return self._current.can_interrupt

    @property
    def listening_tone(self) -> bool:
        return getattr(self._current, "listening_tone", False)

    @property
    def listens_while_speaking(self) -> bool:
        return getattr(self._current, "listens_while_speaking", False)

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        if self._microphone is not None:
            try:
                return self._microphone.next_turn(grammar, timeout)
            except MicrophoneLost:
                self._switch()
        return self._current.next_turn(grammar, timeout)

    def _switch(self) -> None:
        microphone, self._microphone = self._microphone, None
        microphone.close_microphone()
        self._current = microphone.keys or self._fallback()
        self._announce(KEYBOARD_FALLBACK if isinstance(self._current, KeyboardInput) else TEXT_FALLBACK)

    def close(self) -> None:
        if self._microphone is not None:
            self._microphone.close()
        else:
            self._current.close()


class Interruptible(Protocol):
    speaking: bool

    def stop(self) -> None: ...


VOICE_CHUNKS = 2          # 200 ms of voice in a row stop the narration (a cough or a click does not)
VOICE_OVER_FLOOR = 4.0    # voice: this many times the quietest chunk heard so far ...
VOICE_MIN_RMS = 300.0     # ... and at least this loud (int16), so a silent line never "speaks"


class _BargeIn:
    """Passes the microphone's audio on; stops the narration when the user's voice starts.

    The no-input time-out counts from the end of the narration, as in
    half-duplex mode: the audio ends after ``timeout`` seconds with the guide
    silent and no voice heard.
    """

    def __init__(self, speaker: Interruptible, timeout: float | None) -> None:
        self._speaker = speaker
        self._timeout = timeout

    def watch(self, audio: Iterable[bytes]) -> Iterator[bytes]:
        floor = math.inf
        loud_run = 0
        voice_heard = False
        quiet_seconds = 0.0
        for chunk in audio:
            samples = np.frombuffer(chunk, dtype="<i2").astype(np.float64)
            rms = float(np.sqrt(np.mean(samples ** 2))) if len(samples) else 0.0
            floor = min(floor, max(rms, 1.0))
            loud = rms >= max(VOICE_MIN_RMS, floor * VOICE_OVER_FLOOR)
            loud_run = loud_run + 1 if loud else 0
            if loud_run >= VOICE_CHUNKS:
                voice_heard = True
                if self._speaker.speaking:
                    self._speaker.stop()
            if self._speaker.speaking or voice_heard:
                quiet_seconds = 0.0
            else:
                quiet_seconds += len(samples) / RATE
                if self._timeout is not None and quiet_seconds >= self._timeout:
                    return
            yield chunk
