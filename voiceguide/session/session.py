"""A session: wires turn-taking, the intent matcher, the dialog and the events log for one guide.

Everything that decides what to say lives in the dialog, and everything
about who has the floor in turn-taking; this module hands each turn to the
dialog and delivers its reply: printed on stdout, spoken, and logged.

In screen-reader mode the guide's own voice stays silent and each reply is
one plain line for the person's screen reader (NVDA, JAWS, VoiceOver, Orca)
to read in the voice and at the pace they chose: one voice at a time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TextIO

from voiceguide.dialog.intent import Event, InputsChanged, Intent, NoInput, NoMatch, Options
from voiceguide.dialog.machine import SCREEN_READER, Dialog, Reply, State
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.listening.turns import EndOfInput, KeyPress, Turn
from voiceguide.session.events import EventLog
from voiceguide.session.turntaking import TurnTaking
from voiceguide.speaking.sentences import for_the_ear


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
        screen_reader: bool = False,
    ) -> None:
        self.dialog = dialog
        self.matcher = matcher
        self.turns = turns
        self.speaker = turns.speaker
        self.out = out
        self.events = events
        self.notify = notify
        self.screen_reader = screen_reader   # print only: the person's screen reader speaks
        self.screen_reader_chosen: bool | None = None   # the answer to the dialog's question, to keep
        self.state: State | None = None
        self.started = False   # the inputs were ready: from then on the log is written and progress kept

    def run(self, resume: str | None = None, intro: tuple[str, ...] = (), ask_screen_reader: str | None = None
            ) -> State:
        """Speak, listen, repeat; return the last state (its ``step`` is where the user stopped).

        ``resume``: the step where the user stopped last time (they are asked
        whether to go on there). ``intro``: said before the welcome.
        ``ask_screen_reader``: the name of a running screen reader; the guide
        first asks whether to print only (the answer is in ``screen_reader_chosen``).
        """
        modality = self.turns.modality
        if ask_screen_reader:
            state, reply = self.dialog.offer_screen_reader(ask_screen_reader, resume, modality=modality)
        elif resume:
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
            if intent is None:   # a key that is no command here (a code typed in the wrong window) is kept nowhere
                return NoMatch(typing=self.turns.swallow_typing() > 0)
            self.events.write({"event": "key", "key": turn.key})
            return intent
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
            if event.get("event") == "setting" and event.get("name") == SCREEN_READER:
                self.screen_reader = self.screen_reader_chosen = bool(event["value"])
        self.speaker.set_levels(state.rate_level, state.volume_level)
        if reply.earcon and not self.screen_reader:
            self.speaker.earcon(reply.earcon)
        if reply.say:
            line = " ".join(reply.say)
            self.out.write((for_the_ear(line) if self.screen_reader else line) + "\n")
            self.out.flush()
            if not self.screen_reader:
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
