"""Text and keyboard input sources, and the events log."""

import io
import json
import os
import threading

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


def test_control_characters_of_a_line_read_as_spaces():
    source = TextInput(io.StringIO("j'ai\toublié\x01mon\x9bcode\x1b[A\n\x00\x7f\n"))
    assert source.next_turn([], None) == Utterance(text="j'ai oublié mon code [A", source="text")
    assert source.next_turn([], None) is None


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
    log.commit()   # held until the session really runs, then written
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


@pytest.mark.parametrize("existed", [True, False], ids=["an earlier log", "a new file"])
def test_a_log_never_committed_leaves_the_file_as_it_was(tmp_path, existed):
    path = tmp_path / "j.jsonl"
    if existed:
        path.write_bytes(b'{"t": 0, "event": "end", "reason": "hier"}\n')
        path.chmod(0o640)
    log = EventLog.open(path)
    log.write({"event": "step", "step": "bienvenue", "text": "Bonjour."})
    log.close()   # the run stopped before its session started (the model would not load)
    if existed:
        assert path.read_bytes() == b'{"t": 0, "event": "end", "reason": "hier"}\n'
        assert path.stat().st_mode & 0o777 == 0o640
    else:
        assert not path.exists()


def test_a_committed_log_replaces_an_earlier_one(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text("une ligne bien plus longue que le nouveau journal\n" * 10, encoding="utf-8")
    log = EventLog.open(path, clock=iter([0.0, 1.0, 2.0]).__next__)
    log.write({"event": "step", "step": "a", "text": "A."})
    log.commit()
    log.write({"event": "end", "reason": "done"})
    log.close()
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == [
        {"t": 1.0, "event": "step", "step": "a", "text": "A."}, {"t": 2.0, "event": "end", "reason": "done"}]


def test_a_named_pipe_nobody_reads_is_refused_at_once_and_one_being_read_gets_the_events(tmp_path):
    pipe = tmp_path / "tube"
    os.mkfifo(pipe)
    refused: list[UserError] = []

    def try_to_open() -> None:
        try:
            EventLog.open(pipe)
        except UserError as exc:
            refused.append(exc)

    opening = threading.Thread(target=try_to_open, daemon=True)
    opening.start()
    opening.join(30)   # a hang guard: before the fix, open() waited for ever for a reader
    assert not opening.is_alive(), "opening a named pipe nobody reads hangs"
    assert refused[0].code == 2 and "tube nommé que personne ne lit" in refused[0].message
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    for _ in range(500):   # the reader's open() may take a moment
        try:
            log = EventLog.open(pipe)
            break
        except UserError:
            threading.Event().wait(0.01)
    log.write({"event": "end", "reason": "done"})
    log.commit()
    log.close()
    reader.join(10)
    assert json.loads(received[0])["reason"] == "done"
