"""The voice of a run: the narrator when speech can be heard here, else a silent speaker that says why.

Which one is decided once, at start: ``--tts none`` (nothing of the speech
engine or the sound card is even loaded), no sound output on this machine, or
a speech engine that does not start. Either way the guide goes on in text:
the session prints every narration.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.notices import NO_AUDIO_NOTICE, TEXT_FALLBACK

if TYPE_CHECKING:   # the narrator loads numpy and the speech engine: only when speech is possible
    from voiceguide.speaking.narrator import Narrator
    from voiceguide.speaking.player import StreamFactory
    from voiceguide.speaking.tts import EngineFactory, TtsWorker
    from voiceguide.speaking.voices import VoiceChoice


class SilentSpeaker:
    """Says nothing, at once; keeps why (no sound output, a speech engine that failed) for doctor and setup."""

    def __init__(self, *, audio_problem: str | None = None, failure: str | None = None,
                 notices: Iterable[str] = ()) -> None:
        self.audio_problem = audio_problem   # why there is no sound output (French)
        self.failure = failure               # why the speech engine did not start (French)
        self.voice: VoiceChoice | None = None
        self._notices = [n for n in notices if n]
        self._unread = list(self._notices)

    speaking = False
    audible = False

    @property
    def notices(self) -> list[str]:
        return list(self._notices)

    def pop_notices(self) -> list[str]:
        unread, self._unread = self._unread, []
        return unread

    def say(self, sentences: tuple[str, ...]) -> None:
        pass

    def stop(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def set_levels(self, rate_level: int, volume_level: int) -> None:
        pass

    def earcon(self, name: str) -> None:
        pass

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def close(self) -> None:
        pass


# The worker launch_speech_engine() started, until open_speaker() takes it (one run per process).
_launched: list[TtsWorker] = []


def launch_speech_engine() -> None:
    """Starts pyttsx3's worker process now: it gets ready (about 60 ms) while the guide and the settings are
    read, and the next open_speaker() takes it instead of starting one then."""
    from voiceguide.speaking.tts import TtsError, TtsWorker

    close_launched_engine()
    worker = TtsWorker()
    try:
        worker.launch()
    except TtsError:
        pass   # open_speaker tries again, and says why speech cannot start
    _launched.append(worker)


def close_launched_engine() -> None:
    """Ends the worker launch_speech_engine() started if no open_speaker() took it (the run stopped first)."""
    while _launched:
        _launched.pop().close()


def open_speaker(config: NarratorConfig, *, engine_factory: EngineFactory | None = None,
                 stream_factory: StreamFactory | None = None,
                 start_timeout: float | None = None) -> Narrator | SilentSpeaker:
    """The best voice this machine allows: pyttsx3 + sounddevice, else a silent speaker with a notice.

    Starts the speech engine's worker (or takes the one launch_speech_engine
    started) and picks the voice before returning, so ``notices`` is
    complete: no sound card, no French voice, or no working speech engine.
    ``engine_factory`` and ``stream_factory`` replace pyttsx3 and the sound
    card (tests, benchmarks).
    """
    launched = _launched.pop() if _launched else None
    if launched is not None and (config.tts == "none" or engine_factory is not None):
        launched.close()
        launched = None
    if config.tts == "none":
        return SilentSpeaker()
    from voiceguide.speaking.narrator import Narrator
    from voiceguide.speaking.player import Player, output_problem
    from voiceguide.speaking.tts import START_TIMEOUT, Synthesizer, TtsError, pyttsx3_engine

    if stream_factory is None:
        problem = output_problem()
        if problem is not None:
            if launched is not None:
                launched.close()
            return SilentSpeaker(audio_problem=problem, notices=[NO_AUDIO_NOTICE])
    synth = Synthesizer(config.voice, config.rate_for(0), config.volume_for(0),
                        engine_factory=engine_factory or pyttsx3_engine,
                        start_timeout=START_TIMEOUT if start_timeout is None else start_timeout, worker=launched)
    try:
        choice = synth.start()
    except TtsError as exc:
        synth.close()
        return SilentSpeaker(failure=exc.message, notices=[f"{exc.message} {TEXT_FALLBACK}"])
    player = Player(stream_factory=stream_factory)
    return Narrator(config, synth, player, voice=choice, notices=[choice.notice] if choice.notice else [])
