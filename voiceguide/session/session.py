"""A session: wires turn-taking, the intent matcher, the dialog and the events log for one guide.

Everything that decides what to say lives in the dialog, and everything
about who has the floor in turn-taking; this module hands each turn to the
dialog and delivers its reply: printed on stdout, spoken, and logged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TextIO

from voiceguide.dialog.intent import Event, InputsChanged, Intent, NoInput, NoMatch, Options
from voiceguide.dialog.machine import Dialog, Reply, State
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.listening.turns import EndOfInput, KeyPress, Turn
from voiceguide.session.events import EventLog
from voiceguide.session.turntaking import TurnTaking


class Session:
    """Runs one guide from the welcome to the end (or end of input)."""

    def __init__(
        self,
        dialog: Dialog,
        matcher: IntentMatcher,
        turns: TurnTaking,
        out: TextIO,
        events: EventLog,
        notify: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.dialog = dialog
        self.matcher = matcher
        self.turns = turns
        self.speaker = turns.speaker
        self.out = out
        self.events = events
        self.notify = notify
        self.state: State | None = None
        self.started = False   # the inputs were ready: from then on the log is written and progress kept

    def run(self, resume: str | None = None, intro: tuple[str, ...] = ()) -> State:
        """Speak, listen, repeat; return the last state (its ``step`` is where the user stopped).

        ``resume``: the step where the user stopped last time (they are asked
        whether to go on there). ``intro``: said before the welcome.
        """
        modality = self.turns.modality
        if resume:
            state, reply = self.dialog.offer_resume(resume, modality=modality)
        else:
            state, reply = self.dialog.start(modality=modality)
        if intro:
            reply = dataclasses.replace(reply, say=intro + reply.say)
        self.state = state
        self._deliver(state, reply)
        # The model loads while the welcome is said: a run that cannot go further stops here, its
        # events log untouched (EventLog.commit) and the progress as it was (started stays False).
        self.turns.ready()
        self.events.commit()
        self.started = True
        reason = "done"
        while not reply.done:
            options = self.dialog.options(state)
            try:
                turn = self.turns.next_turn(self.matcher.grammar(options), self.dialog.noinput_timeout(state))
            except EndOfInput:
                reason = "end-of-input"
                break
            event = turn if isinstance(turn, InputsChanged) else self._interpret(turn, options)
            state, reply = self.dialog.handle(state, event)
            self.state = state
            self._deliver(state, reply)
        if reason != "done":
            self.events.write({"event": "end", "reason": reason, "step": state.step})
        self.speaker.wait(None)
        return state

    def _interpret(self, turn: Turn, options: Options) -> Event:
        if turn is None:
            return NoInput()
        if isinstance(turn, KeyPress):
            intent = self.matcher.match_key(turn.key, options)
            if intent is None:
                return NoMatch()   # a key that is no command here (a code typed in the wrong window) is kept nowhere
            self.events.write({"event": "key", "key": turn.key})
            return intent
        self.events.write(
            {"event": "utterance", "text": turn.text, "confidence": round(turn.confidence, 3), "source": turn.source}
        )
        intent = self.matcher.match(turn.text, options)
        if intent is None:
            return NoMatch(heard=turn.text)
        return _with_confidence(intent, intent.confidence * turn.confidence)

    def _deliver(self, state: State, reply: Reply) -> None:
        self._show_notices()
        for event in reply.events:
            self.events.write(event)
        self.speaker.set_levels(state.rate_level, state.volume_level)
        if reply.earcon:
            self.speaker.earcon(reply.earcon)
        if reply.say:
            self.out.write(" ".join(reply.say) + "\n")
            self.out.flush()
            self.speaker.say(reply.say)
            self.speaker.prepare(self._likely_next(state))
        self._show_notices()

    def _show_notices(self) -> None:
        """Problems the speaker met (no sound card, speech engine failed): told once, on the console."""
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
