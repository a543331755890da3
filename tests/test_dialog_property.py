"""Never stuck: thousands of random events from random states never break the dialog.

Random intents (every command, gotos to any step, unknown names), silences and
misunderstandings, with random confidences, are fed to the real dialog. After
each one the state must be sound, "aide" / "répéter" / "précédent" /
"quitter" must still answer, and the end of the guide must still be reachable
by a short search over plain commands. Derandomized so CI is reproducible.
"""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voiceguide import speech_levels as levels
from voiceguide.dialog.intent import BROWSE, InputsChanged, Intent, Modality, NoInput, NoMatch
from voiceguide.dialog.machine import (
    Dialog,
    Mode,
    Reply,
    State,
)
from voiceguide.guide import DEFAULT_GUIDE, Choice, Guide, Step
from voiceguide.language.vocabulary import COMMAND_NAMES, load_vocabulary

LOG_EVENTS = {"step", "command", "nomatch", "noinput", "confirm", "setting", "end", "input"}
WAYS_OUT = ("help", "repeat", "previous", "quit")
EVENTS_PER_RUN = (50, 100)
RUNS = 30  # about 2,000 events per guide


def loop_guide() -> Guide:
    """Branches that loop back, a step with both next and choices, parts, details, an end."""
    return Guide(title="Boucles", language="fr", source="Essai", start="a", steps=(
        Step(id="a", title="A", say="Étape A.", next="b", topics=("début",)),
        Step(id="b", title="B", say="Étape B.", details="Plus sur B.",
             choices=(Choice("gauche", ("gauche",), "c"), Choice("droite", ("droite",), "d"),
                      Choice("retour", ("retour au départ",), "a"))),
        Step(id="c", title="C", say="Étape C.", next="b", choices=(Choice("raccourci", ("raccourci",), "e"),),
             topics=("partie c",)),
        Step(id="d", title="D", say="Étape D ?", if_yes="e", if_no="b", next="e"),
        Step(id="e", title="E", say="Étape E.", end=True, topics=("fin",)),
    ))


def ameli_guide() -> Guide:
    from voiceguide.guide import load_guide
    return load_guide(DEFAULT_GUIDE)


def load(which: str) -> Guide:
    """The guide under test; a bundled guide that does not load fails the test, it is not skipped."""
    return loop_guide() if which == "boucles" else ameli_guide()


def event_strategy(guide: Guide) -> st.SearchStrategy:
    ids = [s.id for s in guide.steps]
    confidence = st.floats(min_value=0.0, max_value=1.0)
    command = st.builds(lambda n, c: Intent(name=n, confidence=c, heard=n), st.sampled_from(COMMAND_NAMES),
                        confidence)
    jump = st.builds(lambda t, c: Intent(name="goto", target=t, confidence=c, label=t), st.sampled_from(ids),
                     confidence)
    odd = st.sampled_from([Intent(name="inconnu"), Intent(name="goto", target="nulle-part"), Intent(name="goto")])
    browse = st.sampled_from([Intent(name=BROWSE, target="+1"), Intent(name=BROWSE, target="-1")])
    inputs = st.sampled_from([InputsChanged(Modality.KEYS), InputsChanged(Modality.WORDS)])
    return st.one_of(command, command, jump, st.just(NoInput()), st.builds(NoMatch, st.text(max_size=8)), odd,
                     browse, inputs)


class Explorer:
    """Checks every reached state; remembers which situations already proved the end reachable."""

    def __init__(self, dialog: Dialog) -> None:
        self.dialog = dialog
        self.guide = dialog.guide
        self.ids = {s.id for s in self.guide.steps}
        self.reaches_end: set[tuple] = set()

    def check(self, state: State, reply: Reply) -> None:
        for segment in reply.say:
            assert isinstance(segment, str) and segment.strip()
        for event in reply.events:
            assert event["event"] in LOG_EVENTS, event
            if event["event"] == "step":
                assert event["step"] == state.step and event["text"]
        if reply.done:
            assert state.mode == Mode.ENDED and {"event": "end", "reason": "quit"} in reply.events
            return
        assert state.mode in (Mode.STEP, Mode.MENU, Mode.CONFIRM, Mode.PAUSED)
        assert state.step in self.ids and set(state.history) <= self.ids
        assert (state.mode == Mode.CONFIRM) == (state.pending is not None)
        assert state.back_mode in (Mode.STEP, Mode.MENU)
        assert levels.MIN_RATE_LEVEL <= state.rate_level <= levels.MAX_RATE_LEVEL
        assert levels.MIN_VOLUME_LEVEL <= state.volume_level <= levels.MAX_VOLUME_LEVEL
        options = self.dialog.options(state)
        assert {c.target for c in options.choices} <= self.ids
        home = state.back_mode if state.mode == Mode.PAUSED else state.mode
        step = self.guide.step(state.step)
        assert options.yes_no == (home == Mode.CONFIRM or (home == Mode.STEP and bool(step.if_yes or step.if_no)))
        assert options.cursor is None or 0 <= options.cursor < len(options.choices)
        for name in WAYS_OUT:
            after, answer = self.dialog.handle(state, Intent(name=name))
            at_end = step.end and (state.back_mode if state.mode in (Mode.CONFIRM, Mode.PAUSED)
                                   else state.mode) == Mode.STEP   # at the end, « quitter » leaves at once
            asked_to_quit = state.mode == Mode.CONFIRM and state.pending is not None and state.pending.name == "quit"
            leaves = name == "quit" and (at_end or asked_to_quit)     # « quitter » at the end, or said twice
            assert answer.say and (not answer.done or leaves), (state, name)
            assert after.mode != Mode.PAUSED
        assert self.end_reachable(state), state

    def end_reachable(self, state: State) -> bool:
        """Breadth-first over plain commands and the offered choices, at full confidence."""
        seen: set[tuple] = set()
        queue = deque([state])
        while queue and len(seen) < 20 * len(self.ids):
            current = queue.popleft()
            key = (current.step, current.mode, current.back_mode, current.pending)
            if key in self.reaches_end or (current.mode == Mode.STEP and self.guide.step(current.step).end):
                self.reaches_end.add((state.step, state.mode, state.back_mode, state.pending))
                return True
            if key in seen:
                continue
            seen.add(key)
            moves = [Intent(name=n) for n in ("resume", "no", "next")]
            moves += [Intent(name="goto", target=c.target) for c in self.dialog.options(current).choices]
            for move in moves:
                after, reply = self.dialog.handle(current, move)
                if not reply.done:
                    queue.append(after)
        return False


@pytest.mark.parametrize("which", ["boucles", "ameli"])
def test_random_events_never_break_or_strand_the_dialog(which: str) -> None:
    guide = load(which)
    dialog = Dialog(guide, load_vocabulary())
    explorer = Explorer(dialog)
    ids = [s.id for s in guide.steps]

    @settings(max_examples=RUNS, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(start=st.sampled_from(ids),
           events=st.lists(event_strategy(guide), min_size=EVENTS_PER_RUN[0], max_size=EVENTS_PER_RUN[1]))
    def walk(start: str, events: list) -> None:
        state, reply = dialog.start(start)
        explorer.check(state, reply)
        for event in events:
            after, reply = dialog.handle(state, event)
            assert (after, reply) == dialog.handle(state, event)  # pure: same input, same answer
            explorer.check(after, reply)
            if reply.done:
                state, reply = dialog.start()  # the session would end; carry on from a fresh start
                continue
            state = after

    walk()
