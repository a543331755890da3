"""Spoken input: recorded WAV files and the microphone, both through the vosk recogniser.

They hand over the same turns as the typed sources (typed.py). The model
loads in the background while the welcome is spoken; the first turn waits
for it. Neither source decides when to listen or stops the guide's speech:
turn-taking (voiceguide.session.turntaking) does, and the microphone only
reports when a voice starts.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from voiceguide.audio import RECOGNIZER_RATE, Audio, open_wav, rms
from voiceguide.errors import UserError
from voiceguide.listening.microphone import Microphone
from voiceguide.listening.recognizer import RecognizerLoader
from voiceguide.listening.turns import EndOfInput, Turn, Utterance

MAX_TURN_SECONDS = 120.0  # one WAV is one answer of the user, not a recording session


def read_turn(path: Path) -> Audio:
    """One recorded answer, as the recogniser takes it (16 kHz mono); UserError (exit 2) for a bad file."""
    return open_wav(path, max_seconds=MAX_TURN_SECONDS).read_resampled(RECOGNIZER_RATE)


def check_wav_files(paths: Sequence[Path]) -> None:
    """Checks every WAV up front (before anything is said), reporting all bad ones at once.

    Only what refuses a file is done here (headers, lengths, float samples
    scanned for NaN); each file is converted at its turn, once.
    """
    problems: list[UserError] = []
    for p in paths:
        try:
            open_wav(Path(p), max_seconds=MAX_TURN_SECONDS)
        except UserError as exc:
            problems.append(exc)
    if problems:
        raise UserError("\n".join(e.message for e in problems), spoken=" ".join(e.spoken for e in problems))


def chunks(audio: Audio, chunk_ms: int = 100, realtime: bool = False,
           *, clock: Callable[[], float] = time.monotonic,
           sleep: Callable[[float], None] = time.sleep) -> Iterator[Audio]:
    """Cuts audio into the chunks the recogniser is fed.

    ``realtime`` paces them as a microphone would (so timings seen by the
    session are those of a live user); otherwise they come as fast as possible
    (``--fast``).
    """
    start = clock()
    for i, piece in enumerate(audio.pieces(audio.rate * chunk_ms // 1000)):
        if realtime:
            wait = start + i * chunk_ms / 1000.0 - clock()
            if wait > 0:
                sleep(wait)
        yield piece


class AudioFileInput:
    """Each WAV file is one turn of the user; after the last file the session ends."""

    def __init__(self, paths: Sequence[Path], loader: RecognizerLoader, fast: bool) -> None:
        self._paths = list(paths)
        self._loader = loader
        self._fast = fast

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        if not self._paths:
            raise EndOfInput
        recognizer = self._loader.result()
        audio = read_turn(self._paths.pop(0))
        return recognizer.recognize(chunks(audio, realtime=not self._fast), list(grammar), source="audio")

    def close(self) -> None:
        pass


VOICE_CHUNKS = 2          # 200 ms of voice in a row is a voice (a cough or a click is not)
VOICE_OVER_FLOOR = 4.0    # voice: this many times the quietest chunk heard so far ...
VOICE_MIN_RMS = 300.0     # ... and at least this loud (int16), so a silent line never "speaks"


class VoiceDetector:
    """Tells when a voice starts in a stream of chunks, relative to the quietest chunk heard so far."""

    def __init__(self) -> None:
        self._floor = math.inf
        self._loud_run = 0

    def voice(self, chunk: Audio) -> bool:
        """True while the last ``VOICE_CHUNKS`` chunks (this one included) were all loud enough."""
        level = rms(chunk.samples)
        self._floor = min(self._floor, max(level, 1.0))
        loud = level >= max(VOICE_MIN_RMS, self._floor * VOICE_OVER_FLOOR)
        self._loud_run = self._loud_run + 1 if loud else 0
        return self._loud_run >= VOICE_CHUNKS


class MicrophoneInput:
    """Live speech: the microphone's chunks, the voice it hears, and what the recogniser makes of them.

    Turn-taking mutes it while the guide speaks (half-duplex), or lets it
    listen all the time (barge-in, for headset users) and stops the guide when
    ``voice_started`` says so.
    """

    def __init__(self, microphone: Microphone, loader: RecognizerLoader) -> None:
        self._mic = microphone.start()
        self._loader = loader
        self._voice = VoiceDetector()

    def mute(self) -> None:
        """Drops what the microphone hears (the guide is speaking)."""
        self._mic.pause()

    def unmute(self) -> None:
        """Listens again once the model is ready, forgetting any half-heard utterance."""
        self._loader.result().reset()
        self._mic.resume()

    def chunks(self) -> Iterator[Audio]:
        """The audio of one turn (raises MicrophoneLost when the device goes away)."""
        self._voice = VoiceDetector()
        return self._mic.chunks()

    def voice_started(self, chunk: Audio) -> bool:
        """True when ``chunk`` is part of a voice (not a click or a cough), judged within this turn."""
        return self._voice.voice(chunk)

    def recognize(self, audio: Iterable[Audio], grammar: Sequence[str], no_input_s: float | None) -> Utterance | None:
        return self._loader.result().recognize(audio, list(grammar), source="micro", no_input_s=no_input_s)

    def close(self) -> None:
        """Lets go of the microphone (also when it is gone: PortAudio may refuse to stop it then)."""
        try:
            self._mic.close()
        except Exception:  # noqa: BLE001 - PortAudio may refuse to stop a vanished device: nothing to keep
            pass
