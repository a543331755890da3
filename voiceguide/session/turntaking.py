"""Turn-taking: who has the floor, the guide or the person, and what takes it from the guide.

The one place that decides, for every turn of ``voiceguide run`` and ``voiceguide setup``:

* while the guide speaks, keys are read (in every mode that has them) and
  a key stops the speech at once and is the turn; with barge-in the
  microphone listens too, and when it reports a voice the speech stops;
  otherwise the microphone is muted (half-duplex), so the guide never hears
  itself;
* once the guide is silent: the listening tone (microphone, half-duplex),
  then the turn itself, until the person answers or the no-input wait passes;
* a microphone that goes away mid-session: keys (on a terminal) or typed
  lines take over, and the change is handed back as ``InputsChanged`` for
  the dialog to tell the person.

Only this module stops the speech or mutes the microphone; the sources only
report what they read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voiceguide.dialog.intent import InputsChanged, Modality
from voiceguide.listening.turns import KeyPress, Turn
from voiceguide.listening.typed import TextInput
from voiceguide.session.ports import KeySource, LineSource, Speaker, SpeechSource

if TYPE_CHECKING:
    from voiceguide.audio import Audio

POLL_SECONDS = 0.05  # how often a key is looked for while the guide speaks
TYPING_GAP = 0.6     # keys closer together than this are typing, not commands to the guide


@dataclass
class Inputs:
    """The sources of one run (session.sources.open_inputs builds them).

    ``lines``: typed lines or recordings; ``keys``: single keys (keyboard
    mode, or beside the microphone on a terminal); ``microphone``: live
    speech; ``fallback``: typed lines to go on with when the microphone is
    lost and there are no keys; ``barge_in``: the microphone listens while
    the guide speaks (headset users); ``ready(timeout)``: waits up to ``timeout`` s (None: as long as
    it takes) for the sources to be able to hand out turns (the model has loaded), True once they
    can; raises CannotRun when they never will.
    """

    lines: LineSource | None = None
    keys: KeySource | None = None
    microphone: SpeechSource | None = None
    fallback: Callable[[], LineSource] | None = None
    barge_in: bool = False
    ready: Callable[[float | None], bool] | None = None

    @property
    def typed(self) -> bool:
        """The lines are typed by the person (text mode, or after the microphone is lost), not recordings."""
        return isinstance(self.lines, TextInput)

    @property
    def modality(self) -> Modality:
        """How the person answers with these sources: words said or typed, keys, or both."""
        modality = Modality.NONE
        if self.microphone is not None or (self.lines is not None and not self.typed):
            modality |= Modality.WORDS
        if self.typed:
            modality |= Modality.TYPED
        if self.keys is not None:
            modality |= Modality.KEYS
        return modality

    def close(self) -> None:
        for source in (self.microphone, self.keys, self.lines):
            if source is not None:
                source.close()


class TurnTaking:
    """Hands out the person's turns, deciding when the guide stops and when the microphone hears."""

    def __init__(self, speaker: Speaker, inputs: Inputs, *, poll_seconds: float = POLL_SECONDS) -> None:
        if inputs.lines is None and inputs.keys is None and inputs.microphone is None:
            raise ValueError("turn-taking needs at least one input source")
        self.speaker = speaker
        self.inputs = inputs
        self._poll = poll_seconds
        self._held: KeyPress | None = None   # a key pressed while waiting for the inputs to be ready
        if inputs.microphone is not None and not inputs.barge_in:
            inputs.microphone.mute()

    @property
    def modality(self) -> Modality:
        return self.inputs.modality

    def next_turn(self, grammar: Sequence[str], timeout: float | None) -> Turn | InputsChanged:
        """The person's next turn (None: silence for ``timeout`` s), or the news that the inputs changed.

        Raises EndOfInput when no more input will come.
        """
        held, self._held = self._held, None
        if held is not None:   # pressed while the model was loading
            return held
        from_microphone = self.inputs.microphone
        if from_microphone is not None:
            from voiceguide.listening.microphone import MicrophoneLost

            try:
                return self._hear(from_microphone, grammar, timeout)
            except MicrophoneLost:
                if self.inputs.keys is None and self.inputs.fallback is None:
                    raise
                return self._without_microphone(from_microphone)
        key = self._while_speaking()
        if key is not None:
            return key
        if self.inputs.keys is not None:
            return self.inputs.keys.next_key(timeout)
        assert self.inputs.lines is not None
        return self.inputs.lines.next_turn(grammar, timeout)

    def ready(self) -> None:
        """Returns once the inputs can hand out turns (the model has loaded); CannotRun if they never will.

        Meanwhile a key still stops the guide at once, and is the next turn.
        """
        ready, keys = self.inputs.ready, self.inputs.keys
        if ready is None:
            return
        while keys is not None and self._held is None and self.speaker.speaking and not ready(0):
            self._held = keys.next_key(self._poll)
            if self._held is not None:
                self.speaker.stop()
        ready(None)

    def swallow_typing(self) -> int:
        """After a key that is no command: the keys that follow it closely are typing (a code meant for the
        website, typed in the guide's window), not commands; they are read and dropped until the typing
        stops, so that nothing is said while keys are pressed. Returns how many were dropped."""
        keys = self.inputs.keys
        if keys is None or not keys.live:
            return 0
        dropped = 0
        while keys.next_key(TYPING_GAP) is not None:
            dropped += 1
        return dropped

    def close(self) -> None:
        self.inputs.close()

    # ------------------------------------------------------------------ the guide has the floor

    def _while_speaking(self) -> KeyPress | None:
        """Waits until the guide is silent; a key pressed meanwhile stops it and is the turn."""
        keys = self.inputs.keys
        if keys is None:
            self.speaker.wait(None)
            return None
        while self.speaker.speaking:
            key = keys.next_key(self._poll)
            if key is not None:
                self.speaker.stop()
                return key
        return None

    # ------------------------------------------------------------------ the microphone

    def _hear(self, microphone: SpeechSource, grammar: Sequence[str], timeout: float | None) -> Turn:
        if self.inputs.barge_in:
            watch = _Watch(self, microphone, timeout)
            heard = microphone.recognize(watch.audio(microphone.chunks()), grammar, None)
            return watch.key or heard
        key = self._while_speaking()
        if key is None:
            self.speaker.earcon("listening")   # half-duplex: "speak now"
            key = self._while_speaking()
        if key is not None:
            return key
        microphone.unmute()
        try:
            watch = _Watch(self, microphone, None)
            heard = microphone.recognize(watch.audio(microphone.chunks()), grammar, timeout)
        finally:
            microphone.mute()
        return watch.key or heard

    def _without_microphone(self, microphone: SpeechSource) -> InputsChanged:
        """The microphone is gone: keys, or typed lines, from now on (the dialog tells the person)."""
        microphone.close()
        self.inputs.microphone = None
        if self.inputs.keys is None and self.inputs.fallback is not None:
            self.inputs.lines = self.inputs.fallback()
        return InputsChanged(self.modality)


class _Watch:
    """The microphone's audio on its way to the recogniser, watched between chunks.

    A key ends the turn (and stops the guide). With ``timeout`` (barge-in),
    the voice the microphone reports stops the guide, and the turn ends after
    ``timeout`` seconds of audio with the guide silent and no voice heard, as
    the recogniser's own no-input wait does in half-duplex mode.
    """

    def __init__(self, turns: TurnTaking, microphone: SpeechSource, timeout: float | None) -> None:
        self._speaker = turns.speaker
        self._keys = turns.inputs.keys
        self._microphone = microphone
        self._barge_in = turns.inputs.barge_in
        self._timeout = timeout
        self.key: KeyPress | None = None

    def audio(self, chunks: Iterable[Audio]) -> Iterator[Audio]:
        voice_heard = False
        quiet_seconds = 0.0
        for chunk in chunks:
            if self._keys is not None:
                self.key = self._keys.next_key(0)
                if self.key is not None:
                    if self._speaker.speaking:
                        self._speaker.stop()
                    return
            if self._barge_in:
                if self._microphone.voice_started(chunk):
                    voice_heard = True
                    if self._speaker.speaking:
                        self._speaker.stop()
                if self._speaker.speaking or voice_heard:
                    quiet_seconds = 0.0
                else:
                    quiet_seconds += chunk.seconds
                    if self._timeout is not None and quiet_seconds >= self._timeout:
                        return
            yield chunk
