"""The microphones, for doctor and setup: which ones exist, and how loud three seconds of one are.

``find_microphones`` answers with a result type (``MicSearch``) that says
what happened (no sound library, no microphone, the one asked for is not
there, found), so that callers decide on its status, never on the words of a
message. The audio of a level test stays in memory and is never written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import numpy as np

from voiceguide.audio import RECOGNIZER_RATE, rms
from voiceguide.errors import CannotRun

MIC_TEST_SECONDS = 3.0

# Level of the microphone test, in dB relative to full scale.
CLIP_SAMPLE = 32000                       # a sample this loud (97.7 % of full scale) is clipping
CLIP_SHARE = 0.001                        # more than 0.1 % of such samples: "sature"
QUIET_DB = -40.0                          # speech below this is "trop faible" for vosk
LEVEL_FRAME_SECONDS = 0.05
SPEECH_PERCENTILE = 90                    # the loud frames: speech, not the pauses between words


class MicStatus(Enum):
    FOUND = "found"
    NONE = "none"                     # no device can record
    NOT_THERE = "not-there"           # the one asked for (settings, --mic) is not among them
    NO_SOUND_LIBRARY = "no-library"   # PortAudio missing: nothing can be looked for


@dataclass(frozen=True)
class MicSearch:
    """What ``find_microphones`` found; ``message`` (French) says why for NOT_THERE."""

    status: MicStatus
    devices: tuple[tuple[int, str], ...] = ()     # (index, name) of every device that records
    index: int | None = None                      # the one the guide would use (FOUND)
    message: str = ""
    sd: Any = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        return dict(self.devices).get(self.index, "?") if self.index is not None else ""


def input_devices(sd: Any) -> list[tuple[int, str]]:
    """(index, name) of every device that can record."""
    try:
        devices = list(sd.query_devices())
    except Exception:  # noqa: BLE001 - PortAudio's error type varies between versions
        return []
    return [(i, str(d.get("name", "?"))) for i, d in enumerate(devices) if d.get("max_input_channels", 0) > 0]


def find_microphones(wanted: int | str | None) -> MicSearch:
    """The microphones of this machine, and the one the guide would use (``wanted``: index or name)."""
    from voiceguide.audio import NoSoundLibrary, import_sounddevice
    from voiceguide.listening.microphone import find_input_device

    try:
        sd = import_sounddevice()
    except NoSoundLibrary:
        return MicSearch(MicStatus.NO_SOUND_LIBRARY)
    devices = tuple(input_devices(sd))
    if not devices:
        return MicSearch(MicStatus.NONE, sd=sd)
    try:
        index = find_input_device(sd, wanted)
    except CannotRun as exc:   # with devices present, only the one asked for can be missing
        return MicSearch(MicStatus.NOT_THERE, devices, message=exc.message, sd=sd)
    return MicSearch(MicStatus.FOUND, devices, index, sd=sd)


# --------------------------------------------------------------------------- the level

@dataclass(frozen=True)
class MicLevel:
    """How loud three seconds of the microphone were."""

    verdict: str          # "trop faible", "correct" or "sature"
    speech_db: float      # loudness of the loud part (speech), dB full scale
    peak_db: float
    clipped: float        # share of samples at full scale

    def describe(self) -> str:
        head = "le son sature" if self.verdict == "sature" else f"niveau {self.verdict}"
        return f"{head} (parole à {self.speech_db:.0f} dB, crête à {self.peak_db:.0f} dB)"

    def advice(self) -> str:
        """What to do about it (French), or "" when the level is right."""
        if self.verdict == "trop faible":
            return ("rapprochez-vous du micro, parlez plus fort, ou montez son volume d'entrée dans les "
                    "réglages du son de l'ordinateur.")
        if self.verdict == "sature":
            return ("le son grésille : éloignez-vous un peu du micro, ou baissez son volume d'entrée dans "
                    "les réglages du son de l'ordinateur.")
        return ""


def _db(value: float) -> float:
    return 20.0 * float(np.log10(max(value, 1.0) / 32768.0))


def measure_level(samples: np.ndarray, rate: int = RECOGNIZER_RATE) -> MicLevel:
    """Classifies int16 audio: clipping first, then the level (RMS) of its loud frames."""
    x = np.asarray(samples, dtype=np.float64)
    if not len(x):
        return MicLevel("trop faible", _db(0.0), _db(0.0), 0.0)
    clipped = float(np.mean(np.abs(x) >= CLIP_SAMPLE))
    frame = max(1, int(LEVEL_FRAME_SECONDS * rate))
    usable = len(x) // frame * frame or len(x)
    frames = x[:usable].reshape(-1, min(frame, usable))
    speech = float(np.percentile([rms(f) for f in frames], SPEECH_PERCENTILE))
    peak = float(np.max(np.abs(x)))
    if clipped > CLIP_SHARE:
        verdict = "sature"
    elif _db(speech) < QUIET_DB:
        verdict = "trop faible"
    else:
        verdict = "correct"
    return MicLevel(verdict, round(_db(speech), 1), round(_db(peak), 1), clipped)


def record(device: int | str | None, seconds: float = MIC_TEST_SECONDS, *, sd: Any = None) -> np.ndarray:
    """``seconds`` of 16 kHz int16 audio from a microphone, kept in memory only.

    Raises CannotRun (French) when there is no microphone or it sends nothing.
    """
    from voiceguide.listening.microphone import Microphone

    mic = Microphone(device, sd=sd).start()
    wanted = int(seconds * RECOGNIZER_RATE)
    got: list[np.ndarray] = []
    count = 0
    try:
        for chunk in mic.chunks(timeout=2.0):
            block = chunk.samples
            got.append(block)
            count += len(block)
            if count >= wanted:
                break
    finally:
        mic.close()
    if not count:
        raise CannotRun("Le microphone n'envoie aucun son. Vérifiez qu'il est branché et qu'il n'est "
                        "pas coupé dans les réglages du son de l'ordinateur.")
    return np.concatenate(got)[:wanted]
