"""Spoken input sources: recorded WAV files and the microphone, both through the vosk recogniser.

They hand the session the same turns as the typed sources (see inputs.py).
The model loads in the background while the welcome is spoken; the first
turn waits for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from voiceguide.audio_in import Microphone, chunks, read_wav
from voiceguide.inputs import EndOfInput, KeyboardInput, Turn
from voiceguide.recognizer import RecognizerLoader
from voiceguide.utterance import KeyPress


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
    """Live speech, half-duplex: the microphone only listens between narrations.

    Keys always work too (on a terminal): a key pressed while listening ends
    the turn as that key.
    """

    name = "micro"
    can_interrupt = False
    listening_tone = True

    def __init__(self, microphone: Microphone, loader: RecognizerLoader, keys: KeyboardInput | None) -> None:
        self._mic = microphone.start()
        self._mic.pause()
        self._loader = loader
        self._keys = keys
        self._key: KeyPress | None = None

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        recognizer = self._loader.result()
        recognizer.reset()
        self._key = None
        self._mic.resume()
        try:
            heard = recognizer.recognize(self._audio_or_key(), list(grammar), source="micro", no_input_s=timeout)
        finally:
            self._mic.pause()
        return self._key or heard

    def _audio_or_key(self) -> Iterator[bytes]:
        for chunk in self._mic.chunks():
            if self._keys is not None:
                key = self._keys.next_turn((), 0)
                if key is not None:
                    self._key = key
                    return
            yield chunk

    def close(self) -> None:
        self._mic.close()
        if self._keys is not None:
            self._keys.close()
