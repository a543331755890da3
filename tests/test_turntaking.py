"""Turn-taking: when the guide speaks, when it listens, what stops it, and which input is live.

The narrator is the real one (pyttsx3 + espeak-ng) playing into ``FakeOutputStream``, and the keys
come from a real pseudo-terminal through the real KeyboardInput. The microphone is the real
Microphone on the ``FakeSoundDevice`` of test_audio_in (no sound card here), except where a test
needs to see the order of events: there ``Recorded`` stands for it and notes what was asked of it.
"""

from __future__ import annotations

import io
import json
import os
import pty
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pytest
from sandbox import FakeOutputStream, ko_model
from test_audio_in import DEVICES, FakeSoundDevice
from test_narrator import wait_until

from voiceguide.audio import RECOGNIZER_RATE, Audio
from voiceguide.dialog.intent import InputsChanged, Modality
from voiceguide.dialog.machine import Dialog
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.microphone import Microphone, MicrophoneLost
from voiceguide.listening.recognizer import RecognizerLoader
from voiceguide.listening.spoken import AudioFileInput, MicrophoneInput
from voiceguide.listening.turns import EndOfInput, KeyPress, Utterance
from voiceguide.listening.typed import KeyboardInput, TextInput
from voiceguide.session.events import EventLog
from voiceguide.session.session import Session
from voiceguide.session.turntaking import Inputs, TurnTaking
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.narrator import Narrator
from voiceguide.speaking.speaker import SilentSpeaker, open_speaker

LONG = ("Sur la page d'Ameli, activez le bouton Première connexion. L'écran de connexion s'ouvre alors, "
        "avec deux champs et un bouton Valider. Prenez votre temps : je reste là.")


class RealTime(FakeOutputStream):
    speed = 1.0   # the narration lasts as long as it would be heard


@pytest.fixture
def narrator():
    FakeOutputStream.last = None
    speaker = open_speaker(NarratorConfig(), stream_factory=RealTime)
    assert isinstance(speaker, Narrator)
    yield speaker
    speaker.close()


@pytest.fixture
def terminal():
    """A keyboard on a pseudo-terminal: (what the person types into, the KeyboardInput reading it)."""
    master, slave = pty.openpty()
    keys = KeyboardInput(os.fdopen(slave, "r", encoding="utf-8"))
    yield master, keys
    keys.close()
    os.close(master)


def unloaded() -> RecognizerLoader:
    """A loader never started: listening would fail loudly if turn-taking let the microphone hear."""
    return RecognizerLoader(ko_model())


# --------------------------------------------------------------------------- keys interrupt in every mode

def test_a_key_stops_the_narration_while_the_microphone_listens_too(narrator: Narrator, terminal) -> None:
    master, keys = terminal
    sd = FakeSoundDevice(DEVICES, rates=(16000,))
    microphone = Microphone(sd=sd)
    turns = TurnTaking(narrator, Inputs(microphone=MicrophoneInput(microphone, unloaded()), keys=keys))
    narrator.say((LONG,))
    assert wait_until(lambda: FakeOutputStream.last is not None and FakeOutputStream.last.sound().size > 0)
    os.write(master, b"r")
    assert turns.next_turn(["répéter"], 10.0) == KeyPress("r")
    assert not narrator.speaking                          # stopped by the key, long before the end
    assert FakeOutputStream.last.sound().size < narrator._synth.synth(LONG).samples.size
    assert microphone._paused                             # half-duplex: it never listened meanwhile
    turns.close()


def test_a_key_pressed_while_the_model_loads_stops_the_narration_and_is_the_first_turn(narrator: Narrator,
                                                                                      terminal) -> None:
    """The session waits for the inputs (the model loads while the welcome is said) before its first turn:
    a key must still stop the guide at once meanwhile. The model's loading is an Event set by the test."""
    master, keys = terminal
    loaded = threading.Event()
    microphone = MicrophoneInput(Microphone(sd=FakeSoundDevice(DEVICES, rates=(16000,))), unloaded())
    turns = TurnTaking(narrator, Inputs(microphone=microphone, keys=keys, ready=loaded.wait))
    narrator.say((LONG,))
    assert wait_until(lambda: FakeOutputStream.last is not None and FakeOutputStream.last.sound().size > 0)
    waiting = threading.Thread(target=turns.ready, daemon=True)
    waiting.start()
    os.write(master, b"r")
    assert wait_until(lambda: not narrator.speaking, timeout=10), "the key waited for the model"
    assert waiting.is_alive()             # the model is still loading
    loaded.set()
    waiting.join(10)
    assert not waiting.is_alive()
    assert turns.next_turn(["répéter"], 10.0) == KeyPress("r")
    turns.close()


def test_a_key_stops_the_narration_in_keyboard_mode(narrator: Narrator, terminal) -> None:
    master, keys = terminal
    turns = TurnTaking(narrator, Inputs(keys=keys))
    narrator.say((LONG,))
    assert wait_until(lambda: FakeOutputStream.last is not None and FakeOutputStream.last.sound().size > 0)
    os.write(master, b" ")
    assert turns.next_turn([], 10.0) == KeyPress("space")
    assert not narrator.speaking


def test_typed_lines_wait_for_the_end_of_the_narration(narrator: Narrator) -> None:
    turns = TurnTaking(narrator, Inputs(lines=TextInput(io.StringIO("suivant\n"))))
    narrator.say(("Une phrase courte.",))
    assert turns.next_turn([], None) == Utterance("suivant")
    assert not narrator.speaking           # the whole sentence was heard first
    rendered = narrator._synth.synth("Une phrase courte.").samples
    assert FakeOutputStream.last.sound().size == np.flatnonzero(rendered)[-1] - np.flatnonzero(rendered)[0] + 1


# --------------------------------------------------------------------------- the microphone's turn

class Recorded:
    """Stands for the microphone and notes, in order, what turn-taking asked of it and of the speaker."""

    def __init__(self, log: list[str], chunks: int = 3, lost: bool = False) -> None:
        self.log, self.count, self.lost = log, chunks, lost

    def mute(self) -> None:
        self.log.append("mute")

    def unmute(self) -> None:
        self.log.append("unmute")

    def chunks(self) -> Iterator[Audio]:
        self.log.append("listen")
        if self.lost:
            raise MicrophoneLost()
        for _ in range(self.count):
            yield Audio(np.zeros(RECOGNIZER_RATE // 10, dtype=np.int16), RECOGNIZER_RATE)

    def voice_started(self, chunk: Audio) -> bool:
        return False

    def recognize(self, audio: Iterable[Audio], grammar, no_input_s):
        self.log.append(f"recognize {len(list(audio))} chunks, no input after {no_input_s} s")
        return Utterance("suivant", source="micro")

    def close(self) -> None:
        self.log.append("close")


class Noted(SilentSpeaker):
    """A speaker that is speaking until waited for, noting what is asked of it."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log
        self._speaking = True

    @property
    def speaking(self) -> bool:
        return self._speaking

    def wait(self, timeout: float | None = None) -> bool:
        self.log.append("wait for the speech")
        self._speaking = False
        return True

    def earcon(self, name: str) -> None:
        self.log.append(f"tone {name}")
        self._speaking = True


def test_half_duplex_the_guide_finishes_then_the_tone_then_the_microphone_listens() -> None:
    log: list[str] = []
    turns = TurnTaking(Noted(log), Inputs(microphone=Recorded(log)))
    assert turns.next_turn(["suivant"], 9.0) == Utterance("suivant", source="micro")
    assert log == ["mute", "wait for the speech", "tone listening", "wait for the speech", "unmute", "listen",
                   "recognize 3 chunks, no input after 9.0 s", "mute"]


@pytest.mark.parametrize("with_keys", [True, False], ids=["terminal: keys", "no terminal: typed lines"])
def test_a_lost_microphone_hands_over_and_is_reported(with_keys: bool, terminal) -> None:
    master, keys = terminal
    log: list[str] = []
    inputs = Inputs(microphone=Recorded(log, lost=True), keys=keys if with_keys else None,
                    fallback=lambda: TextInput(io.StringIO("aide\n")))
    turns = TurnTaking(SilentSpeaker(), inputs)
    assert turns.modality == (Modality.WORDS | Modality.KEYS if with_keys else Modality.WORDS)
    changed = turns.next_turn([], 9.0)
    assert changed == InputsChanged(Modality.KEYS if with_keys else Modality.TYPED)   # typed lines: « tapez »
    assert log[-1] == "close" and inputs.microphone is None
    os.write(master, b"h")
    assert turns.next_turn([], 9.0) == (KeyPress("h") if with_keys else Utterance("aide"))


def test_a_lost_microphone_with_nothing_to_take_over_stops_the_run() -> None:
    turns = TurnTaking(SilentSpeaker(), Inputs(microphone=Recorded([], lost=True)))
    with pytest.raises(MicrophoneLost):
        turns.next_turn([], 9.0)


# --------------------------------------------------------------------------- what the session asks of it

class Lines:
    """Typed lines that note the no-input wait of each turn."""

    def __init__(self, lines: list[str]) -> None:
        self.source = TextInput(io.StringIO("".join(f"{line}\n" for line in lines)))
        self.waits: list[float | None] = []

    def next_turn(self, grammar, timeout):
        self.waits.append(timeout)
        return self.source.next_turn(grammar, timeout)

    def close(self) -> None:
        pass


class Said(SilentSpeaker):
    def __init__(self) -> None:
        super().__init__()
        self.replies: list[tuple[str, ...]] = []

    def say(self, sentences: tuple[str, ...]) -> None:
        self.replies.append(sentences)


@pytest.mark.parametrize("inputs, modality", [
    (lambda: Inputs(lines=TextInput(io.StringIO(""))), Modality.TYPED),
    (lambda: Inputs(keys=KeyboardInput(io.StringIO(""))), Modality.KEYS),
    (lambda: Inputs(lines=AudioFileInput([], None, fast=True)), Modality.WORDS),   # recordings of a voice: « dites »
], ids=["typed lines", "keys", "recordings"])
def test_the_dialog_starts_with_the_way_of_answering_of_the_input(inputs, modality: Modality) -> None:
    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide),
                      TurnTaking(SilentSpeaker(), inputs()), io.StringIO(), EventLog(None))
    assert session.run().modality == modality


def test_the_wait_of_each_turn_is_the_dialogs_and_replies_are_said_as_they_are(tmp_path: Path) -> None:
    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    dialog = Dialog(guide, vocabulary)
    lines, speaker, log = Lines(["pause", "", "reprendre"]), Said(), io.StringIO()
    session = Session(dialog, IntentMatcher(vocabulary, guide), TurnTaking(speaker, Inputs(lines=lines)),
                      io.StringIO(), EventLog(log))
    session.run()
    at_welcome = dialog.noinput_timeout(dialog.start()[0])
    assert lines.waits == [at_welcome, None, None, at_welcome]   # paused: the guide waits as long as it takes
    welcome = dialog.start()[1].say
    assert speaker.replies[0] == welcome and len(welcome) > 1   # the reply's sentences, not joined
    assert [json.loads(line)["event"] for line in log.getvalue().splitlines()][-1] == "end"


class ClockedKeys:
    """Keys pressed at set times on a fake clock. What is faked is time alone, so that ten minutes of a
    person working on the website take no time here; the keyboard itself is tested on a real pty above."""

    live = False

    def __init__(self, presses: list[tuple[float, str]]) -> None:
        self.now = 0.0
        self.presses = presses

    def next_key(self, timeout: float | None) -> KeyPress | None:
        if self.presses and (timeout is None or self.presses[0][0] <= self.now + timeout):
            at, key = self.presses.pop(0)
            self.now = max(self.now, at)
            return KeyPress(key)
        if timeout is None:
            raise EndOfInput
        self.now += timeout
        return None

    def close(self) -> None:
        pass


def test_reminders_come_at_the_dialogs_times_an_action_once_after_a_long_wait_a_question_soon() -> None:
    """After an action on the website: one short sentence after 90 s, then silence however long it takes.
    At a question: a re-prompt after 9 s, the options after 18, a pause after 27, then silence."""
    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    dialog = Dialog(guide, vocabulary)
    keys = ClockedKeys([(1, "enter"), (600, "enter"), (601, "enter"), (602, "enter")])
    said: list[tuple[float, tuple[str, ...]]] = []

    class Timed(SilentSpeaker):
        def say(self, sentences: tuple[str, ...]) -> None:
            said.append((keys.now, sentences))

    log = io.StringIO()
    session = Session(dialog, IntentMatcher(vocabulary, guide), TurnTaking(Timed(), Inputs(keys=keys)),
                      io.StringIO(), EventLog(log))
    state = session.run()
    steps = [e["step"] for e in map(json.loads, log.getvalue().splitlines()) if e["event"] == "step"]
    assert steps[:2] == [guide.start, "ouvrir-ameli"] and steps[-1] == state.step == "avez-vous-un-code"
    assert guide.step("ouvrir-ameli").kind == "action" and guide.step("avez-vous-un-code").is_question
    times = [t for t, _ in said]
    assert times == [0, 1, 91, 600, 601, 602, 611, 620, 629], said
    assert said[2][1] == ("Quand c'est fait, appuyez sur Entrée.",)          # the one reminder: short
    assert "pause" in " ".join(said[-1][1]).lower()


def test_a_burst_of_keys_typed_in_the_guides_window_gets_one_answer_on_a_real_terminal(tmp_path) -> None:
    """A social-security number typed in the wrong window: said once, nothing moves, nothing is logged."""
    import json

    from sandbox import Terminal, sandbox

    box = sandbox(tmp_path / "box")
    log = tmp_path / "j.jsonl"
    term = Terminal(box, ["run", "--input", "keyboard", "--tts", "none", "--events", str(log)])
    try:
        term.read_until(b"touches.")
        term.type(b"1850175123456\r", pause=0.05)          # typed as a person types, Entrée at the end
        term.read_until("arrivées dans la fenêtre du guide".encode())
        term.type(b"q")
        term.read_until(b"quitter le guide ?")
        term.type(b"o")
        assert term.process.wait(timeout=30) == 0
    finally:
        term.close()
    shown = term.seen.decode("utf-8", "replace")
    assert shown.count("arrivées dans la fenêtre du guide") == 1
    assert "Je n'ai pas compris" not in shown and "Pour commencer" not in shown   # no move, no escalation
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [e["event"] for e in events if e["event"] in ("step", "nomatch")] == ["step", "nomatch"]
    assert not any(ch.isdigit() for e in events for v in e.values() if isinstance(v, str) for ch in v)
