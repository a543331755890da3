"""Text and keyboard input sources, and the events log."""

import io
import json

import pytest

from voiceguide.errors import UserError
from voiceguide.listening.turns import EndOfInput, KeyPress, Utterance
from voiceguide.listening.typed import KeyboardInput, TextInput, key_name
from voiceguide.session.events import EventLog


def test_text_input_gives_one_utterance_per_line_and_silence_for_empty_lines():
    source = TextInput(io.StringIO("suivant\n\n  répéter  \n"))
    assert source.next_turn([], None) == Utterance(text="suivant", source="text")
    assert source.next_turn([], None) is None
    assert source.next_turn([], None) == Utterance(text="répéter", source="text")
    with pytest.raises(EndOfInput):
        source.next_turn([], None)


def test_keyboard_from_a_pipe_reads_one_key_per_character():
    source = KeyboardInput(io.StringIO("r \nQ"))
    keys = [source.next_key(0.1) for _ in range(4)]
    assert keys == [KeyPress("r"), KeyPress("space"), KeyPress("enter"), KeyPress("q")]
    with pytest.raises(EndOfInput):
        source.next_key(0.1)


@pytest.mark.parametrize(
    "char, name",
    [("\n", "enter"), ("\r", "enter"), (" ", "space"), ("\x1b", "escape"), ("P", "p"), ("?", "?"), ("\x1b[C", "right")],
)
def test_key_names(char, name):
    assert key_name(char) == name


def test_events_log_writes_json_lines_with_time_and_keeps_accents(tmp_path):
    ticks = iter([10.0, 10.5, 12.25])
    log = EventLog.open(tmp_path / "events.jsonl", clock=lambda: next(ticks))
    log.write({"event": "step", "step": "bienvenue", "text": "Je répète"})
    log.write({"event": "end"})
    log.close()
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"t": 0.5, "event": "step", "step": "bienvenue", "text": "Je répète"},
        {"t": 2.25, "event": "end"},
    ]
    assert "répète" in lines[0]


def test_events_log_refuses_a_directory_and_an_unwritable_path(tmp_path):
    with pytest.raises(UserError) as err:
        EventLog.open(tmp_path)
    assert err.value.code == 2 and "dossier" in err.value.message
    with pytest.raises(UserError) as err:
        EventLog.open(tmp_path / "absent" / "events.jsonl")
    assert err.value.code == 2 and "--events" in err.value.message


def test_no_events_path_writes_nothing(tmp_path):
    log = EventLog.open(None)
    log.write({"event": "step"})
    log.close()
    assert list(tmp_path.iterdir()) == []
