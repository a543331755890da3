"""Audio: WAV reading and conversion, bad files, chunking, and the microphone (fake sound card).

WAV files of the various formats are written by sox, a real independent
writer, so the parser is checked against what users' tools produce.
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voiceguide import audio as audio_module
from voiceguide.audio import RECOGNIZER_RATE as RATE
from voiceguide.audio import Audio, read_engine_file, read_wav, rms, write_wav
from voiceguide.errors import EXIT_CANNOT_RUN, EXIT_USAGE, CannotRun, UserError
from voiceguide.listening import spoken
from voiceguide.listening.microphone import Microphone
from voiceguide.listening.spoken import check_wav_files, read_turn
from voiceguide.resampling import Resampler, resample


def chunks(samples: np.ndarray, **kwargs) -> list[bytes]:
    """The recogniser's chunks of 16 kHz samples, as bytes."""
    return [c.to_bytes() for c in spoken.chunks(Audio(samples, RATE), **kwargs)]


def handed_over(mic: Microphone) -> np.ndarray:
    """Everything the microphone handed over, as one array of 16 kHz samples."""
    got = list(mic.chunks(timeout=0))
    assert all(c.rate == RATE and c.channels == 1 for c in got)
    return np.concatenate([c.samples for c in got]) if got else np.zeros(0, dtype=np.int16)


def sox_sine(path: Path, *args: str, freq: int = 440, seconds: float = 0.5) -> Path:
    subprocess.run(["sox", "-n", *args, str(path), "synth", str(seconds), "sine", str(freq),
                    "vol", "0.5"], check=True)
    return path


def dominant_freq(x: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(x.astype(np.float64) * np.hanning(len(x))))
    return float(np.argmax(spectrum) * rate / len(x))


# ------------------------------------------------------------------ conversion

@pytest.mark.parametrize("args", [
    ["-r", "16000", "-c", "1", "-b", "16"],
    ["-r", "8000", "-c", "1", "-b", "16"],
    ["-r", "22050", "-c", "1", "-b", "8"],
    ["-r", "44100", "-c", "2", "-b", "24"],            # sox writes WAVE_FORMAT_EXTENSIBLE here
    ["-r", "48000", "-c", "2", "-b", "16"],
    ["-r", "32000", "-c", "1", "-b", "32"],
    ["-r", "48000", "-c", "1", "-e", "floating-point", "-b", "32"],
    ["-r", "11025", "-c", "6", "-b", "16"],
])
def test_any_pcm_wav_becomes_16k_mono_int16(tmp_path: Path, args: list[str]) -> None:
    wav = sox_sine(tmp_path / "in.wav", *args, freq=440, seconds=0.5)
    audio = read_turn(wav).samples
    assert audio.dtype == np.int16 and audio.ndim == 1
    assert abs(len(audio) - RATE // 2) <= 2
    assert abs(dominant_freq(audio) - 440) < 5
    # sox's "vol 0.5": a sine of peak ~16384 survives the conversion with its level
    rms = np.sqrt(np.mean(audio[800:-800].astype(np.float64) ** 2))
    assert 16384 / np.sqrt(2) * 0.9 < rms < 16384 / np.sqrt(2) * 1.1


def test_16k_mono_16bit_is_read_unchanged(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    samples = rng.integers(-30000, 30000, 4000).astype(np.int16)
    write_wav(tmp_path / "a.wav", samples)
    assert np.array_equal(read_turn(tmp_path / "a.wav").samples, samples)


def test_8bit_round_trip_keeps_the_signal(tmp_path: Path) -> None:
    t = np.arange(RATE) / RATE
    samples = (20000 * np.sin(2 * np.pi * 300 * t)).astype(np.int16)
    write_wav(tmp_path / "a.wav", samples, bits=8)
    back = read_turn(tmp_path / "a.wav").samples.astype(np.float64)
    err = back - samples
    assert 10 * np.log10(np.mean(samples.astype(float) ** 2) / np.mean(err ** 2)) > 35


def test_downsampling_removes_what_16k_cannot_hold(tmp_path: Path) -> None:
    # 11 kHz is above 16 kHz's Nyquist limit: it must vanish, not fold back as 5 kHz.
    t = np.arange(48000) / 48000
    tone = 10000 * np.sin(2 * np.pi * 11000 * t)
    out = resample(tone, 48000, RATE)
    assert np.sqrt(np.mean(out[100:-100] ** 2)) < 100


@settings(max_examples=25, deadline=None)
@given(src=st.sampled_from([8000, 11025, 22050, 44100, 48000]),
       cuts=st.lists(st.integers(1, 3000), min_size=1, max_size=8))
def test_streaming_resampler_equals_whole_conversion(src: int, cuts: list[int]) -> None:
    rng = np.random.default_rng(src)
    x = rng.standard_normal(sum(cuts) + 100) * 1000
    whole = resample(x, src, RATE)
    r = Resampler(src, RATE)
    pieces, pos = [], 0
    for n in cuts + [100]:
        pieces.append(r.process(x[pos:pos + n]))
        pos += n
    pieces.append(r.flush())
    streamed = np.concatenate(pieces)
    assert len(streamed) == len(whole)
    assert np.allclose(streamed, whole, atol=1e-6)


def test_streaming_placeholder_size_is_accepted(tmp_path: Path) -> None:
    # espeak-ng --stdout writes a data size of 0x7ffff000: the data runs to the end.
    samples = np.arange(-500, 500, dtype=np.int16)
    write_wav(tmp_path / "a.wav", samples)
    raw = bytearray((tmp_path / "a.wav").read_bytes())
    pos = raw.index(b"data")
    raw[pos + 4:pos + 8] = struct.pack("<I", 0x7FFFF000)
    (tmp_path / "b.wav").write_bytes(bytes(raw))
    assert np.array_equal(read_turn(tmp_path / "b.wav").samples, samples)


def test_a_wav_is_read_as_it_is_then_converted_once(tmp_path: Path) -> None:
    wav = sox_sine(tmp_path / "stereo.wav", "-r", "48000", "-c", "2", "-b", "24", freq=440, seconds=0.5)
    audio = read_wav(wav)
    assert (audio.rate, audio.channels, audio.width, audio.frames) == (48000, 2, 2, 24000)
    assert read_engine_file(wav).channels == 1
    turn = read_turn(wav)
    assert (turn.rate, turn.channels) == (RATE, 1) and abs(turn.frames - RATE // 2) <= 2


@pytest.mark.parametrize("args", [["-r", "384000", "-c", "1", "-b", "16"], ["-r", "44100", "-c", "2", "-b", "24"],
                                  ["-r", "48000", "-c", "1", "-e", "floating-point", "-b", "32"]])
def test_a_turn_is_converted_block_by_block_to_the_same_samples(tmp_path: Path, args: list[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    wav = sox_sine(tmp_path / "in.wav", *args, freq=440, seconds=0.5)
    whole = read_wav(wav).resampled(RATE)
    monkeypatch.setattr(audio_module, "_BLOCK_BYTES", 4096)   # many blocks, cut anywhere
    assert np.array_equal(read_turn(wav).samples, whole.samples)


@pytest.mark.parametrize("src, dst", [(384000, 16000), (44100, 16000), (48000, 16000), (11025, 16000),
                                      (8000, 16000), (16000, 22050), (352800, 16000)])
def test_the_phase_by_phase_resampler_gives_the_per_sample_result(src: int, dst: int) -> None:
    x = np.random.default_rng(src).standard_normal(src // 2) * 1000
    per_sample = Resampler(src, dst)
    per_sample._phases = None   # weights computed for each output sample: the reference
    reference = np.concatenate([per_sample.process(x), per_sample.flush()])
    for block in (len(x), src // 10):   # whole, and in 100 ms pieces as the microphone hands them
        r = Resampler(src, dst)
        out = np.concatenate([*(r.process(x[i:i + block]) for i in range(0, len(x), block)), r.flush()])
        assert len(out) == len(reference) and np.allclose(out, reference, atol=1e-6)


def test_recordings_are_checked_up_front_and_each_converted_once_at_its_turn(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    wavs = [sox_sine(tmp_path / f"{i}.wav", "-r", "48000", "-c", "1", "-b", "16", seconds=0.3) for i in range(2)]
    converted: list[Path] = []
    real = audio_module.WavFile.read_resampled

    def noted(self, rate: int) -> Audio:
        converted.append(self.path)
        return real(self, rate)

    monkeypatch.setattr(audio_module.WavFile, "read_resampled", noted)
    check_wav_files(wavs)
    assert converted == []   # before anything is said: headers only

    class Loader:   # the recogniser is not what this test is about: it hears nothing
        def result(self):
            return self

        def recognize(self, chunks, grammar, source):
            assert sum(c.frames for c in chunks) > 0
            return None

    source = spoken.AudioFileInput(wavs, Loader(), fast=True)
    assert [source.next_turn([], None), source.next_turn([], None)] == [None, None]
    assert converted == wavs


def test_audio_is_int16_with_its_rate() -> None:
    with pytest.raises(ValueError):
        Audio(np.zeros(10, dtype=np.float64), RATE)
    with pytest.raises(ValueError):
        Audio(np.zeros(10, dtype=np.int16), 0)
    stereo = Audio(np.array([[1000, 3000], [-1000, -3000]], dtype=np.int16), 8000)
    assert stereo.channels == 2 and np.array_equal(stereo.mono().samples, [2000, -2000])
    assert stereo.to_bytes() == np.array([1000, 3000, -1000, -3000], dtype="<i2").tobytes()


def test_loudness_is_the_root_mean_square() -> None:
    t = np.arange(RATE) / RATE
    assert rms((10000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)) == pytest.approx(10000 / np.sqrt(2), rel=1e-3)
    assert rms(np.zeros(0, dtype=np.int16)) == 0.0


# ------------------------------------------------------------------ bad files

def refused(path: Path) -> UserError:
    with pytest.raises(UserError) as info:
        read_turn(path)
    err = info.value
    assert err.code == EXIT_USAGE
    assert str(path) in err.message          # the message names the file
    assert "Traceback" not in err.message
    return err


def test_missing_file(tmp_path: Path) -> None:
    assert "introuvable" in refused(tmp_path / "absent.wav").message


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "vide.wav").write_bytes(b"")
    assert "vide" in refused(tmp_path / "vide.wav").message


def test_directory(tmp_path: Path) -> None:
    assert "dossier" in refused(tmp_path).message


def test_not_a_wav(tmp_path: Path) -> None:
    (tmp_path / "note.wav").write_text("bonjour, ceci est du texte", encoding="utf-8")
    assert "pas un fichier WAV" in refused(tmp_path / "note.wav").message


def test_truncated_wav(tmp_path: Path) -> None:
    write_wav(tmp_path / "a.wav", np.zeros(16000, dtype=np.int16))
    data = (tmp_path / "a.wav").read_bytes()
    (tmp_path / "coupe.wav").write_bytes(data[:len(data) // 2])
    assert "tronqué" in refused(tmp_path / "coupe.wav").message


def test_header_only(tmp_path: Path) -> None:
    write_wav(tmp_path / "a.wav", np.zeros(16000, dtype=np.int16))
    (tmp_path / "entete.wav").write_bytes((tmp_path / "a.wav").read_bytes()[:30])
    assert "abîmé" in refused(tmp_path / "entete.wav").message


def test_inconsistent_header(tmp_path: Path) -> None:
    write_wav(tmp_path / "a.wav", np.zeros(1600, dtype=np.int16))
    raw = bytearray((tmp_path / "a.wav").read_bytes())
    raw[32:34] = struct.pack("<H", 7)   # block align that fits no sample width
    (tmp_path / "bizarre.wav").write_bytes(bytes(raw))
    assert "incohérent" in refused(tmp_path / "bizarre.wav").message


def test_no_samples(tmp_path: Path) -> None:
    write_wav(tmp_path / "rien.wav", np.zeros(0, dtype=np.int16))
    assert "aucun son" in refused(tmp_path / "rien.wav").message


def test_compressed_wav_is_refused_with_a_conversion_hint(tmp_path: Path) -> None:
    wav = sox_sine(tmp_path / "adpcm.wav", "-r", "16000", "-c", "1", "-e", "ms-adpcm", seconds=0.2)
    msg = refused(wav).message
    assert "non pris en charge" in msg and "sox" in msg


def test_too_long(tmp_path: Path) -> None:
    seconds = int(spoken.MAX_TURN_SECONDS) + 5
    write_wav(tmp_path / "long.wav", np.zeros(8000 * seconds, dtype=np.int16), rate=8000, bits=8)
    assert "Coupez-le" in refused(tmp_path / "long.wav").message


def test_check_wav_files_reports_every_bad_file_at_once(tmp_path: Path) -> None:
    write_wav(tmp_path / "bon.wav", np.zeros(1600, dtype=np.int16))
    (tmp_path / "vide.wav").write_bytes(b"")
    check_wav_files([tmp_path / "bon.wav"])   # no error
    with pytest.raises(UserError) as info:
        check_wav_files([tmp_path / "bon.wav", tmp_path / "vide.wav", tmp_path / "absent.wav"])
    lines = info.value.message.splitlines()
    assert info.value.code == EXIT_USAGE
    assert len(lines) == 2
    assert "vide.wav" in lines[0] and "absent.wav" in lines[1]


# ------------------------------------------------------------------ chunks

def test_chunks_cut_the_audio_exactly() -> None:
    audio = np.arange(10_000, dtype=np.int16)
    parts = chunks(audio, chunk_ms=100)
    assert [len(p) for p in parts] == [3200] * 6 + [800]   # 100 ms = 1600 samples, then the rest
    assert b"".join(parts) == audio.astype("<i2").tobytes()


def test_realtime_chunks_are_paced_like_a_microphone() -> None:
    # A fake clock: the pacing logic is checked without timing anything.
    now = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    parts = chunks(np.zeros(RATE, dtype=np.int16), chunk_ms=100, realtime=True, clock=lambda: now[0], sleep=sleep)
    assert len(parts) == 10
    assert len(slept) == 9 and abs(sum(slept) - 0.9) < 1e-9   # the first chunk goes at once


def test_fast_chunks_never_sleep() -> None:
    chunks(np.zeros(RATE, dtype=np.int16), realtime=False, sleep=lambda s: pytest.fail("--fast must not wait"))


# ------------------------------------------------------------------ microphone
# This machine has no sound card: sounddevice is replaced by FakeSoundDevice,
# the only fake here. It hands blocks to the callback as PortAudio would.

class FakeStatus:
    def __init__(self, overflow: bool = False) -> None:
        self.input_overflow = overflow

    def __bool__(self) -> bool:
        return self.input_overflow


class FakeStream:
    def __init__(self, sd: FakeSoundDevice, **kw: object) -> None:
        self.kw = kw
        sd.streams.append(self)
        self.started = self.closed = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def feed(self, block: np.ndarray, overflow: bool = False) -> None:
        self.kw["callback"](block.reshape(-1, 1), len(block), None, FakeStatus(overflow))


class FakeSoundDevice:
    class default:
        device = (1, 0)

    def __init__(self, devices: list[dict], rates: tuple[int, ...] = (16000, 48000)) -> None:
        self.devices = devices
        self.rates = rates
        self.streams: list[FakeStream] = []

    def query_devices(self, index: int | None = None):
        return self.devices if index is None else self.devices[index]

    def check_input_settings(self, device, channels, samplerate, dtype) -> None:
        if samplerate not in self.rates:
            raise ValueError("Invalid sample rate")

    def InputStream(self, **kw: object) -> FakeStream:
        return FakeStream(self, **kw)


DEVICES = [
    {"name": "HDMI sortie", "max_input_channels": 0, "default_samplerate": 48000},
    {"name": "Micro intégré", "max_input_channels": 2, "default_samplerate": 48000},
    {"name": "Casque USB", "max_input_channels": 1, "default_samplerate": 44100},
]


def test_microphone_by_default_index_and_name() -> None:
    assert Microphone(sd=FakeSoundDevice(DEVICES)).device == 1
    assert Microphone(2, sd=FakeSoundDevice(DEVICES)).device == 2
    assert Microphone("2", sd=FakeSoundDevice(DEVICES)).device == 2
    assert Microphone("casque", sd=FakeSoundDevice(DEVICES)).device == 2


@pytest.mark.parametrize("device", [0, "bluetooth"])
def test_wrong_microphone_lists_the_available_ones(device: object) -> None:
    with pytest.raises(CannotRun) as info:
        Microphone(device, sd=FakeSoundDevice(DEVICES))
    assert info.value.code == EXIT_CANNOT_RUN
    assert "Casque USB" in info.value.message and "Micro intégré" in info.value.message


def test_no_microphone_at_all() -> None:
    with pytest.raises(CannotRun) as info:
        Microphone(sd=FakeSoundDevice(DEVICES[:1]))
    assert "Aucun microphone" in info.value.message and "--input keyboard" in info.value.message


def test_microphone_delivers_16k_chunks_and_counts_overflows() -> None:
    sd = FakeSoundDevice(DEVICES, rates=(16000,))
    mic = Microphone(sd=sd).start()
    assert mic.device_rate == RATE and sd.streams[0].kw["samplerate"] == RATE
    block = (np.arange(1600) % 100).astype(np.int16)
    sd.streams[0].feed(block)
    sd.streams[0].feed(block, overflow=True)
    mic.close()
    assert np.array_equal(handed_over(mic), np.concatenate([block, block]))
    assert mic.overflows == 1


def test_microphone_resamples_when_16k_is_refused() -> None:
    sd = FakeSoundDevice(DEVICES, rates=(48000,))
    mic = Microphone(sd=sd).start()
    assert mic.device_rate == 48000
    t = np.arange(48000) / 48000
    tone = (8000 * np.sin(2 * np.pi * 500 * t)).astype(np.int16)
    for i in range(0, 48000, 4800):
        sd.streams[0].feed(tone[i:i + 4800])
    mic.close()
    out = handed_over(mic)
    assert RATE - 1600 <= len(out) <= RATE
    assert abs(dominant_freq(out[400:]) - 500) < 5


def test_half_duplex_drops_audio_while_speaking_and_the_tail() -> None:
    now = [0.0]
    sd = FakeSoundDevice(DEVICES, rates=(16000,))
    mic = Microphone(sd=sd, tail_ms=300, clock=lambda: now[0]).start()
    heard = np.full(1600, 1000, dtype=np.int16)
    echo = np.full(1600, -7, dtype=np.int16)
    sd.streams[0].feed(heard)
    mic.pause()            # the guide speaks: what was queued before is stale too
    sd.streams[0].feed(echo)
    now[0] = 10.0
    mic.resume()
    sd.streams[0].feed(echo)   # within the 300 ms tail
    now[0] = 10.4
    sd.streams[0].feed(heard)
    mic.close()
    out = handed_over(mic)
    assert len(out) == 1600 and np.all(out == 1000)


def test_portaudio_failure_to_open_is_a_french_error() -> None:
    class Broken(FakeSoundDevice):
        def InputStream(self, **kw: object) -> FakeStream:
            raise OSError("Error opening InputStream: Device unavailable")

    with pytest.raises(CannotRun) as info:
        Microphone(sd=Broken(DEVICES)).start()
    assert "Impossible d'ouvrir le microphone" in info.value.message
