"""The narrator: says the guide's sentences aloud, in the background, and stops at once.

``say()`` returns immediately: a thread renders the sentences one by one
(voiceguide.speaking.tts, pyttsx3 in a worker process) and queues each on the
player as soon as it is ready, so the first words play while the rest renders.
A new ``say()`` or ``stop()`` silences the current speech at once.

Nothing here ever freezes or ends the guide: when the sound card goes away
or the speech engine fails in the middle of a session, the narrator becomes
silent and leaves a French notice (``pop_notices()``) for the session to show;
the session prints every narration itself, so the guide carries on in text.
A run that cannot speak from the start gets a SilentSpeaker instead
(speaking/speaker.py).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Sequence

from voiceguide.audio import Audio
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.earcons import EARCONS
from voiceguide.speaking.earcons import earcon as make_earcon
from voiceguide.speaking.notices import NO_AUDIO_NOTICE, TEXT_FALLBACK
from voiceguide.speaking.player import AudioUnavailable, Player
from voiceguide.speaking.sentences import speech_pieces
from voiceguide.speaking.tts import Synthesizer, TtsError
from voiceguide.speaking.voices import VoiceChoice

PREFETCH_LIMIT = 64       # sentences waiting to be pre-rendered
END_SILENCE_SECONDS = 0.08   # kept after the last word of a narration (espeak-ng adds ~330 ms)
STALL_SECONDS = 2.0          # a device that pulls no audio for this long is treated as gone


class Narrator:
    """Speaks in the background; see the module docstring. Built by speaking.speaker.open_speaker."""

    def __init__(self, config: NarratorConfig, synth: Synthesizer, player: Player, *,
                 voice: VoiceChoice | None = None, notices: Sequence[str] = ()) -> None:
        self.config = config
        self.voice = voice
        self._synth = synth
        self._player = player
        self._cond = threading.Condition()
        self._generation = 0
        self._job: tuple[int, tuple[str, ...]] | None = None
        self._busy = False                   # a say() is not yet fully rendered
        self._prefetch: deque[str] = deque(maxlen=PREFETCH_LIMIT)
        self._closing = False
        self._last_kind: str | None = None   # what was queued last: "speech" or "earcon"
        self._notices = [n for n in notices if n]
        self._unread = list(self._notices)
        self._audio_problem: str | None = None   # why the sound output was lost (French)
        self._failure: str | None = None
        self._rate = config.rate_for(0)
        self._volume = config.volume_for(0)
        self._tones: dict[tuple[str, float], Audio] = {}
        # Said aloud once, before the first narration: "no French voice, I speak with ...".
        self._preamble = [voice.notice] if voice is not None and voice.spoken and voice.notice else []
        self.stall_seconds = STALL_SECONDS
        self._thread = threading.Thread(target=self._run, name="voiceguide-narrator", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ state

    @property
    def speaking(self) -> bool:
        """True while something is being rendered or played (speech or an earcon)."""
        return self._busy or (self.audio_available and self._player.playing)

    @property
    def audio_available(self) -> bool:
        """False once the sound output has failed."""
        return self._audio_problem is None

    @property
    def audio_problem(self) -> str | None:
        """Why there is no sound output any more (French), or None."""
        return self._audio_problem

    @property
    def audible(self) -> bool:
        """True while speech can be heard (the engine works and the sound output too)."""
        return self._can_speak()

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
        return self.audio_available and not self._closing

    def _can_speak(self) -> bool:
        return self._can_play() and self._failure is None

    # ------------------------------------------------------------------ commands

    def say(self, sentences: tuple[str, ...]) -> None:
        """Starts saying ``sentences`` at once, in the background, replacing any current speech.

        An earcon that is playing is kept: the speech follows it.
        """
        with self._cond:
            if not self._can_speak():
                return
            self._generation += 1
            if not (self._last_kind == "earcon" and self._player.playing):
                self._player.stop()
            self._last_kind = "speech"
            self._job = (self._generation, sentences)
            self._busy = True
            self._cond.notify_all()

    def stop(self) -> None:
        """Silences speech and earcons at once (a key press, "pause", "quitter", barge-in)."""
        with self._cond:
            self._generation += 1
            self._job = None
            self._busy = False
            self._last_kind = None
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
        while self.audio_available:
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
                    self._lose_audio("le périphérique audio ne joue plus le son")
                return True
        return True

    def set_levels(self, rate_level: int, volume_level: int) -> None:
        """Rate and volume levels of speech_levels; they apply from the next sentence."""
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
            except AudioUnavailable as exc:
                self._lose_audio(exc.reason)
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
        self._player.close()
        self._synth.close()
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
                if job is None:
                    piece = self._prefetch.popleft()
                rate, volume = self._rate, self._volume
            if job is None:
                self._render(piece, rate, volume)
                continue
            generation, sentences = job
            self._speak(generation, sentences)
            with self._cond:
                if generation == self._generation:
                    self._busy = False
                    self._cond.notify_all()

    def _speak(self, generation: int, sentences: tuple[str, ...]) -> None:
        with self._cond:
            preamble, self._preamble = self._preamble, []
        table = self.config.pronunciation
        pieces = [p for text in (*preamble, *sentences) for p in speech_pieces(text, table)]
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
                except AudioUnavailable as exc:
                    self._lose_audio(exc.reason)
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
            self._keep_notice(f"{message} {TEXT_FALLBACK}")
            self._busy = False
            self._prefetch.clear()
            self._cond.notify_all()

    def _lose_audio(self, reason: str) -> None:
        """Called with the lock held when the device refuses to play."""
        if self._audio_problem is None:
            self._audio_problem = reason
            self._keep_notice(NO_AUDIO_NOTICE)
        self._busy = False
        self._prefetch.clear()
        self._cond.notify_all()

    def _keep_notice(self, message: str) -> None:
        """Keeps a notice for the session, which tells the person at the console."""
        self._notices.append(message)
        self._unread.append(message)
