"""The ports of the orchestration layer: what the session, turn-taking and the setup need of the parts below.

Declared once, here; mypy checks every real part against them where it is
handed over (cli/run.py, carer/setup_wizard.py, the tests). No other module
holds a copy of these methods, and nothing reads an attribute they do not declare.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from voiceguide.listening.turns import KeyPress, Turn, Utterance

if TYPE_CHECKING:   # numpy comes with Audio: typed modes never load it
    from voiceguide.audio import Audio
    from voiceguide.speaking.voices import VoiceChoice


class Speaker(Protocol):
    """Says the guide's sentences aloud (speaking.narrator.Narrator), or nothing (speaking.speaker.SilentSpeaker)."""

    @property
    def speaking(self) -> bool:
        """True while speech or an earcon is still to be heard."""

    @property
    def audible(self) -> bool:
        """True when what is said can be heard (a working speech engine and sound output)."""

    @property
    def failure(self) -> str | None:
        """Why the speech engine failed (French), or None."""

    @property
    def audio_problem(self) -> str | None:
        """Why there is no sound output (French), or None."""

    @property
    def voice(self) -> VoiceChoice | None:
        """The voice it speaks with (None when nothing speaks)."""

    def say(self, sentences: tuple[str, ...]) -> None:
        """Starts saying the sentences of one reply, replacing what is being said; returns at once."""

    def stop(self) -> None:
        """Silences speech and earcons at once."""

    def wait(self, timeout: float | None = None) -> bool:
        """Waits until everything said has been heard; False on time-out."""

    def set_levels(self, rate_level: int, volume_level: int) -> None:
        """The speech_levels rate and volume, from the next sentence on."""

    def earcon(self, name: str) -> None:
        """Plays a short tone ("listening", "nomatch") after what is being said."""

    def prepare(self, texts: Iterable[str]) -> None:
        """Renders in advance what is likely to be said next."""

    def pop_notices(self) -> list[str]:
        """French notices not yet shown (no sound card, speech engine failed), each once."""

    def close(self) -> None:
        """Stops and lets go of the speech engine and the sound card."""


class LineSource(Protocol):
    """Turns read once the guide is silent: typed lines (listening.typed.TextInput) or recordings
    (listening.spoken.AudioFileInput). Raises EndOfInput when there are no more."""

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn:
        """The next utterance, or None for a silence; ``grammar``: the phrases that make sense now."""

    def close(self) -> None: ...


class KeySource(Protocol):
    """Single keys (listening.typed.KeyboardInput), read at any moment: one interrupts the guide."""

    def next_key(self, timeout: float | None) -> KeyPress | None:
        """The next key, or None when none came within ``timeout`` s; raises EndOfInput at the end of a pipe."""

    @property
    def live(self) -> bool:
        """True when keys come from a person at a terminal, as they are typed (not all at once from a pipe)."""

    def close(self) -> None: ...


class SpeechSource(Protocol):
    """Live speech (listening.spoken.MicrophoneInput); turn-taking decides when it listens."""

    def mute(self) -> None:
        """Drops what the microphone hears (the guide is speaking: half-duplex)."""

    def unmute(self) -> None:
        """Hears again, forgetting any half-heard utterance."""

    def chunks(self) -> Iterator[Audio]:
        """The audio of one turn; raises listening.microphone.MicrophoneLost when the device goes away."""

    def voice_started(self, chunk: Audio) -> bool:
        """True when ``chunk`` is part of a voice (not a click or a cough): feed it every chunk of the turn."""

    def recognize(self, audio: Iterable[Audio], grammar: Sequence[str],
                  no_input_s: float | None) -> Utterance | None:
        """What was said in ``audio`` (None: nothing within ``no_input_s`` s of audio)."""

    def close(self) -> None: ...
