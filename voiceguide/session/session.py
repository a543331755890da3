"""A session: wires input, intents, dialog, narrator and the events log, and owns timing.

Everything that decides what to say lives in the dialog; this module only
moves turns in and speech out, keeps the clock (no-input time-outs) and
writes the events log.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Protocol, TextIO

from voiceguide.dialog.intent import Intent, Modality, NoInput, NoMatch
from voiceguide.dialog.machine import Dialog, Reply, State
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.listening.turns import EndOfInput, InputSource, KeyPress, Utterance
from voiceguide.session.events import EventLog

POLL_SECONDS = 0.05  # how often a key is looked for while the guide speaks


class Speaker(Protocol):
    """What the session needs of a narrator (see voiceguide.speaking.narrator.Narrator)."""

    speaking: bool

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...

    def set_levels(self, rate_level: int, volume_level: int) -> None: ...

    def earcon(self, name: str) -> None: ...

    def prepare(self, texts: Iterable[str]) -> None: ...

    def pop_notices(self) -> list[str]: ...


class Session:
    """Runs one guide from the welcome to the end (or end of input)."""

    def __init__(
        self,
        dialog: Dialog,
        matcher: IntentMatcher,
        source: InputSource,
        speaker: Speaker,
        out: TextIO,
        events: EventLog,
        notify: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.dialog = dialog
        self.matcher = matcher
        self.source = source
        self.speaker = speaker
        self.out = out
        self.events = events
        self.notify = notify
        self.state: State | None = None

    def run(self, resume: str | None = None, intro: tuple[str, ...] = (),
            modality: Modality = Modality.WORDS) -> State:
        """Speak, listen, repeat; return the last state (its ``step`` is where the user stopped).

        ``resume``: the step where the user stopped last time (they are asked
        whether to go on there). ``intro``: said before the welcome.
        ``modality``: how the user answers (words, keys or both), for the wording.
        """
        if resume:
            state, reply = self.dialog.offer_resume(resume, modality=modality)
        else:
            state, reply = self.dialog.start(modality=modality)
        if intro:
            reply = dataclasses.replace(reply, say=intro + reply.say)
        self.state = state
        self._deliver(state, reply)
        reason = "done"
        while not reply.done:
            options = self.dialog.options(state)
            try:
                turn = self._await_turn(self.matcher.grammar(options), self.dialog.noinput_timeout(state))
            except EndOfInput:
                reason = "end-of-input"
                break
            state, reply = self.dialog.handle(state, self._interpret(turn, options))
            self.state = state
            self._deliver(state, reply)
        if reason != "done":
            self.events.write({"event": "end", "reason": reason, "step": state.step})
        self.speaker.wait(None)
        return state

    def _await_turn(self, grammar: list[str], timeout: float | None):
        if getattr(self.source, "listens_while_speaking", False):
            return self.source.next_turn(grammar, timeout)  # the source stops the speech itself
        if self.source.can_interrupt:
            while self.speaker.speaking:
                turn = self.source.next_turn(grammar, POLL_SECONDS)
                if turn is not None:
                    self.speaker.stop()
                    return turn
        else:
            self.speaker.wait(None)
        if getattr(self.source, "listening_tone", False):
            self.speaker.earcon("listening")
            self.speaker.wait(None)
        return self.source.next_turn(grammar, timeout)

    def _interpret(self, turn, options):
        if turn is None:
            return NoInput()
        if isinstance(turn, KeyPress):
            intent = self.matcher.match_key(turn.key, options)
            if intent is None:
                return NoMatch()   # a key that is no command here (a code typed in the wrong window) is kept nowhere
            self.events.write({"event": "key", "key": turn.key})
            return intent
        assert isinstance(turn, Utterance)
        self.events.write(
            {"event": "utterance", "text": turn.text, "confidence": round(turn.confidence, 3), "source": turn.source,
             **({"second_pass": True} if turn.second_pass else {})}
        )
        meant = self.matcher.interpret(turn.text, options, phrase=turn.phrase)
        if isinstance(meant, Intent):
            return _with_confidence(meant, meant.confidence * turn.confidence)
        return meant   # Unsure (the dialog asks) or NoMatch

    def _deliver(self, state: State, reply: Reply) -> None:
        self._show_notices()
        for event in reply.events:
            self.events.write(event)
        self.speaker.set_levels(state.rate_level, state.volume_level)
        if reply.earcon:
            self.speaker.earcon(reply.earcon)
        if reply.say:
            text = " ".join(reply.say)
            self.out.write(text + "\n")
            self.out.flush()
            self.speaker.say(text)
            self.speaker.prepare(self._likely_next(state))
        self._show_notices()

    def _show_notices(self) -> None:
        """Problems the narrator met (no sound card, speech engine failed): told once, on the console."""
        for message in self.speaker.pop_notices():
            self.notify(message)

    def _likely_next(self, state: State) -> list[str]:
        """Narrations the user will probably ask for next, so their speech is ready in time."""
        guide = self.dialog.guide
        step = guide.step(state.step)
        targets = ([step.next] if step.next else []) + [c.target for c in step.choices]
        return [guide.step(t).say for t in targets]


def _with_confidence(intent: Intent, confidence: float) -> Intent:
    return dataclasses.replace(intent, confidence=confidence)
