"""The narrator: says the guide's text aloud, in the background, and stops at once.

``say()`` returns immediately: a thread renders the text sentence by sentence
(voiceguide.speaking.tts, pyttsx3 in a worker process) and queues each sentence on the
player as soon as it is ready, so the first words play while the rest renders.
A new ``say()`` or ``stop()`` silences the current speech at once.

Nothing here ever freezes or ends the guide: without a sound card, or when the
speech engine fails, the narrator becomes silent and leaves a French notice
(``pop_notices()``) for the session to show; the session prints every
narration itself, so the guide carries on in text.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voiceguide import speech_levels
from voiceguide.errors import UserError
from voiceguide.speaking.clip import Audio
from voiceguide.speaking.earcons import EARCONS
from voiceguide.speaking.earcons import earcon as make_earcon
from voiceguide.speaking.player import (
    NO_AUDIO_NOTICE,
    AudioUnavailable,
    Player,
    StreamFactory,
    output_problem,
)
from voiceguide.speaking.sentences import speech_pieces
from voiceguide.speaking.tts import (
    MAX_RATE_WPM,
    MIN_RATE_WPM,
    START_TIMEOUT,
    EngineFactory,
    Synthesizer,
    TtsError,
    clamp_rate,
    pyttsx3_engine,
)
from voiceguide.speaking.voices import VoiceChoice

if TYPE_CHECKING:
    from voiceguide.guide.model import Pronunciation

TTS_CHOICES = ("pyttsx3", "none")
MIN_VOLUME = 0.1          # "moins fort" never mutes the guide entirely
PREFETCH_LIMIT = 64       # sentences waiting to be pre-rendered
TEXT_FALLBACK = "Je continue en texte."
END_SILENCE_SECONDS = 0.08   # kept after the last word of a narration (espeak-ng adds ~330 ms)
STALL_SECONDS = 2.0          # a device that pulls no audio for this long is treated as gone


@dataclass(frozen=True)
class NarratorConfig:
    """How to speak: from the options ``--voice``, ``--rate`` (words a minute), ``--volume`` (0..1),
    ``--tts`` and whether earcons play. None means the default of speech_levels.
    ``pronunciation``: the guide's table, applied to what is spoken only."""

    voice: str | None = None
    rate_wpm: int | None = None
    volume: float | None = None
    earcons: bool = True
    tts: str = "pyttsx3"
    pronunciation: Pronunciation = ()

    def __post_init__(self) -> None:
        if self.tts not in TTS_CHOICES:
            raise UserError(f"Moteur de voix inconnu : « {self.tts} ». Choisissez pyttsx3 ou none.")
        if self.rate_wpm is not None and not MIN_RATE_WPM <= self.rate_wpm <= MAX_RATE_WPM:
            raise UserError(f"Débit de parole impossible : {self.rate_wpm} mots par minute. Choisissez "
                            f"entre {MIN_RATE_WPM} et {MAX_RATE_WPM} ({speech_levels.rate_wpm(0)} par défaut).")
        if self.volume is not None and not 0.0 <= self.volume <= 1.0:
            raise UserError(f"Volume impossible : {self.volume}. Donnez un nombre entre 0 et 1, "
                            f"ou un pourcentage entre 0 et 100.")

    @classmethod
    def from_options(cls, voice: str | None = None, rate: str | int | None = None,
                     volume: str | float | None = None, tts: str = "pyttsx3", earcons: bool = True
                     ) -> NarratorConfig:
        """A config from command-line text: "--rate 200", "--volume 0,7" or "--volume 70%".

        Raises UserError (exit 2) with a French message for a bad value.
        """
        return cls(voice=(voice or "").strip() or None, rate_wpm=_parse_rate(rate),
                   volume=_parse_volume(volume), earcons=earcons, tts=tts)

    def rate_for(self, level: int) -> int:
        """Words a minute for a rate level ("plus vite" = +1), relative to the configured rate."""
        base = self.rate_wpm if self.rate_wpm is not None else speech_levels.rate_wpm(0)
        return clamp_rate(base * speech_levels.rate_wpm(level) / speech_levels.rate_wpm(0))

    def volume_for(self, level: int) -> float:
        """Volume (0..1) for a volume level ("plus fort" = +1), relative to the configured volume."""
        base = self.volume if self.volume is not None else speech_levels.volume(0)
        value = base + speech_levels.volume(level) - speech_levels.volume(0)
        return round(max(MIN_VOLUME, min(1.0, value)), 2)


def _parse_rate(value: str | int | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(round(float(str(value).replace(",", "."))))
    except (ValueError, OverflowError):   # OverflowError: "inf", "1e400"
        raise UserError(f"Débit de parole impossible : « {value} ». Donnez un nombre de mots par minute, "
                        f"entre {MIN_RATE_WPM} et {MAX_RATE_WPM}.") from None


def _parse_volume(value: str | float | None) -> float | None:
    if value is None or value == "":
        return None
    text = str(value).strip().replace(",", ".")
    percent = text.endswith("%")
    try:
        number = float(text.rstrip("%").strip())
    except ValueError:
        raise UserError(f"Volume impossible : « {value} ». Donnez un nombre entre 0 et 1, "
                        f"ou un pourcentage entre 0 et 100.") from None
    if percent or number > 1.0:
        number /= 100.0
    return number


class Narrator:
    """Speaks in the background; see the module docstring.

    Built by ``open_narrator``. Without a synthesizer and a player it is
    silent (``--tts none``, no sound card, or a speech engine that failed).
    """

    def __init__(self, config: NarratorConfig, synth: Synthesizer | None = None,
                 player: Player | None = None, *, voice: VoiceChoice | None = None,
                 notices: Sequence[str] = (), audio_available: bool = True,
                 audio_problem: str | None = None, failure: str | None = None) -> None:
        self.config = config
        self.voice = voice
        self.audio_problem = audio_problem   # why there is no sound output (French), for "doctor"
        self._synth = synth
        self._player = player
        self._cond = threading.Condition()
        self._generation = 0
        self._job: tuple[int, str] | None = None
        self._busy = False                   # a say() is not yet fully rendered
        self._prefetch: deque[str] = deque(maxlen=PREFETCH_LIMIT)
        self._closing = False
        self._last_kind: str | None = None   # what was queued last: "speech" or "earcon"
        self._notices = [n for n in notices if n]
        self._unread = list(self._notices)
        self._audio_available = audio_available and player is not None
        self._failure = failure
        self._rate = config.rate_for(0)
        self._volume = config.volume_for(0)
        self._tones: dict[tuple[str, float], Audio] = {}
        # Said aloud once, before the first narration: "no French voice, I speak with ...".
        self._preamble = [voice.notice] if voice is not None and voice.spoken and voice.notice else []
        self.stall_seconds = STALL_SECONDS
        self._thread: threading.Thread | None = None
        if self._can_speak():
            self._thread = threading.Thread(target=self._run, name="voiceguide-narrator", daemon=True)
            self._thread.start()

    # ------------------------------------------------------------------ state

    @property
    def speaking(self) -> bool:
        """True while something is being rendered or played (speech or an earcon)."""
        return self._busy or (self._player is not None and self._audio_available and self._player.playing)

    @property
    def audio_available(self) -> bool:
        """False when there is no sound output (from the start, or since the device failed)."""
        return self._audio_available

    @property
    def tts_failed(self) -> bool:
        return self._failure is not None

    @property
    def failure(self) -> str | None:
        """Why speech failed (French), or None."""
        return self._failure

    @property
    def notices(self) -> list[str]:
        """Every French notice so far (no audio, no French voice, speech failure)."""
        return list(self._notices)

    def pop_notices(self) -> list[str]:
        """The notices not yet taken, for the session to print once each."""
        with self._cond:
            unread, self._unread = self._unread, []
        return unread

    def _can_play(self) -> bool:
        return self._player is not None and self._audio_available and not self._closing

    def _can_speak(self) -> bool:
        return self._can_play() and self._synth is not None and self._failure is None

    # ------------------------------------------------------------------ commands

    def say(self, text: str) -> None:
        """Starts saying ``text`` at once, in the background, replacing any current speech.

        An earcon that is playing is kept: the speech follows it.
        """
        with self._cond:
            if not self._can_speak():
                return
            self._generation += 1
            if not (self._last_kind == "earcon" and self._player.playing):
                self._player.stop()
            self._last_kind = "speech"
            self._job = (self._generation, text)
            self._busy = True
            self._cond.notify_all()

    def stop(self) -> None:
        """Silences speech and earcons at once (a key press, "pause", "quitter", barge-in)."""
        with self._cond:
            self._generation += 1
            self._job = None
            self._busy = False
            self._last_kind = None
            if self._player is not None:
                self._player.stop()
            self._cond.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Waits until everything said has been played; False on time-out."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._busy:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return self._wait_for_player(deadline)

    def _wait_for_player(self, deadline: float | None) -> bool:
        """Waits for the player; a device that stops pulling audio (unplugged headset) counts as
        no audio output, so that waiting never freezes the guide."""
        last_frames, last_progress = -1, time.monotonic()
        while self._player is not None and self._audio_available:
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return False
            step = 0.1 if deadline is None else min(0.1, deadline - now)
            if self._player.wait(step):
                return True
            frames = self._player.frames_played
            if frames != last_frames:
                last_frames, last_progress = frames, time.monotonic()
            elif time.monotonic() - last_progress > self.stall_seconds:
                with self._cond:
                    self._player.stop()
                    self._lose_audio()
                return True
        return True

    def set_levels(self, rate_level: int, volume_level: int) -> None:
        """Rate and volume levels of speech_settings; they apply from the next sentence."""
        with self._cond:
            self._rate = self.config.rate_for(rate_level)
            self._volume = self.config.volume_for(volume_level)

    @property
    def rate_wpm(self) -> int:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    def earcon(self, name: str) -> None:
        """Plays the tone ``name`` ("listening", "nomatch") after what is queued, unless earcons are off."""
        if name not in EARCONS:
            raise ValueError(f"unknown earcon {name!r}; known: {', '.join(EARCONS)}")
        with self._cond:
            if not self.config.earcons or not self._can_play():
                return
            key = (name, self._volume)
            if key not in self._tones:
                self._tones[key] = make_earcon(name, self._volume, self._player.samplerate)
            try:
                self._player.append(self._tones[key])
            except AudioUnavailable:
                self._lose_audio()
                return
            self._last_kind = "earcon"

    def prepare(self, texts: Iterable[str]) -> None:
        """Pre-renders texts likely to be said next (the next steps), when the engine is idle."""
        with self._cond:
            if not self._can_speak():
                return
            for text in texts:
                for piece in speech_pieces(text, self.config.pronunciation):
                    if piece not in self._prefetch and not self._synth.cached(piece, self._rate, self._volume):
                        self._prefetch.append(piece)
            self._cond.notify_all()

    def close(self) -> None:
        """Stops speaking and ends the engine's worker process."""
        with self._cond:
            self._closing = True
            self._generation += 1
            self._job = None
            self._busy = False
            self._prefetch.clear()
            self._cond.notify_all()
        if self._player is not None:
            self._player.close()
        if self._synth is not None:
            self._synth.close()
        if self._thread is not None:
            self._thread.join(5.0)

    def __enter__(self) -> Narrator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ background thread

    def _run(self) -> None:
        try:
            self._serve()
        except Exception as exc:  # noqa: BLE001 - a bug here must not leave wait() blocked for ever
            self._fail(f"La synthèse vocale s'est arrêtée sur une erreur inattendue ({exc}).")

    def _serve(self) -> None:
        while True:
            with self._cond:
                while not self._closing and self._job is None and not self._prefetch:
                    self._cond.wait()
                if self._closing or self._failure is not None:
                    return
                job, self._job = self._job, None
                piece = self._prefetch.popleft() if job is None else None
                rate, volume = self._rate, self._volume
            if job is None:
                self._render(piece, rate, volume)
                continue
            generation, text = job
            self._speak(generation, text)
            with self._cond:
                if generation == self._generation:
                    self._busy = False
                    self._cond.notify_all()

    def _speak(self, generation: int, text: str) -> None:
        with self._cond:
            preamble, self._preamble = self._preamble, []
        table = self.config.pronunciation
        pieces = [p for notice in preamble for p in speech_pieces(notice, table)] + speech_pieces(text, table)
        for index, piece in enumerate(pieces):
            with self._cond:
                if generation != self._generation:
                    return
                rate, volume = self._rate, self._volume
            audio = self._render(piece, rate, volume)
            with self._cond:
                if audio is None or generation != self._generation or not self._can_play():
                    return
                # Sound at once, and the turn to the user soon after the last word.
                audio = audio.trim(start=index == 0,
                                   end_keep=END_SILENCE_SECONDS if index == len(pieces) - 1 else None)
                try:
                    self._player.append(audio)
                except AudioUnavailable:
                    self._lose_audio()
                    return

    def _render(self, piece: str, rate: int, volume: float) -> Audio | None:
        try:
            return self._synth.synth(piece, rate, volume)
        except TtsError as exc:
            self._fail(exc.message)
            return None

    def _fail(self, message: str) -> None:
        self._synth.close()    # first, so no worker is left behind once the failure shows
        with self._cond:
            if self._failure is not None:
                return
            self._failure = message
            self._notify(f"{message} {TEXT_FALLBACK}")
            self._busy = False
            self._prefetch.clear()
            self._cond.notify_all()

    def _lose_audio(self) -> None:
        """Called with the lock held when the device refuses to play."""
        if self._audio_available:
            self._audio_available = False
            self._notify(NO_AUDIO_NOTICE)
        self._busy = False
        self._prefetch.clear()
        self._cond.notify_all()

    def _notify(self, message: str) -> None:
        self._notices.append(message)
        self._unread.append(message)


def open_narrator(config: NarratorConfig, *, engine_factory: EngineFactory | None = None,
                  stream_factory: StreamFactory | None = None,
                  start_timeout: float = START_TIMEOUT) -> Narrator:
    """The best narrator this machine allows: pyttsx3 + sounddevice, else a silent one with a notice.

    Starts the speech engine's worker and picks the voice before returning
    (about 0.2 s here), so ``notices`` is complete: no sound card, no French
    voice, or no working speech engine. ``engine_factory`` and
    ``stream_factory`` replace pyttsx3 and the sound card (tests, benchmarks).
    """
    if config.tts == "none":
        return Narrator(config)
    if stream_factory is None:
        problem = output_problem()
        if problem is not None:
            return Narrator(config, audio_available=False, audio_problem=problem, notices=[NO_AUDIO_NOTICE])
    synth = Synthesizer(config.voice, config.rate_for(0), config.volume_for(0),
                        engine_factory=engine_factory or pyttsx3_engine, start_timeout=start_timeout)
    try:
        choice = synth.start()
    except TtsError as exc:
        synth.close()
        return Narrator(config, failure=exc.message, notices=[f"{exc.message} {TEXT_FALLBACK}"])
    player = Player(stream_factory=stream_factory)
    return Narrator(config, synth, player, voice=choice, notices=[choice.notice] if choice.notice else [])
