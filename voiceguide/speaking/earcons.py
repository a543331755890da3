"""Earcons: short tones made in code (no sound files) that mark what the guide does.

"listening": a short rising tone when the guide starts listening (half-duplex:
speak after it). "nomatch": a short low tone when it did not understand.
Both have soft edges so they do not click.
"""

from __future__ import annotations

import numpy as np

from voiceguide.audio import PLAYBACK_RATE, Audio

EARCONS = ("listening", "nomatch")
PEAK = 0.4          # of full scale at volume 1.0: clearly audible, below speech loudness
FADE_SECONDS = 0.01


def _sweep(start_hz: float, end_hz: float, seconds: float, rate: int) -> np.ndarray:
    """A sine gliding from start_hz to end_hz (phase-continuous), with raised-cosine fades."""
    n = int(round(seconds * rate))
    freq = np.linspace(start_hz, end_hz, n)
    wave = np.sin(2 * np.pi * np.cumsum(freq) / rate)
    fade = min(int(FADE_SECONDS * rate), n // 2)
    ramp = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, fade))
    envelope = np.ones(n)
    envelope[:fade] = ramp
    envelope[n - fade:] = ramp[::-1]
    return wave * envelope


def earcon(name: str, volume: float = 1.0, rate: int = PLAYBACK_RATE) -> Audio:
    """The tone called ``name`` ("listening" or "nomatch") at ``volume`` (0..1)."""
    if name == "listening":
        signal = _sweep(660.0, 990.0, 0.15, rate)           # up a fifth: "your turn"
    elif name == "nomatch":
        gap = np.zeros(int(0.05 * rate))
        low = _sweep(330.0, 247.0, 0.12, rate)               # two falling low notes: "again?"
        signal = np.concatenate([low, gap, _sweep(247.0, 196.0, 0.14, rate)])
    else:
        raise ValueError(f"unknown earcon {name!r}; known: {', '.join(EARCONS)}")
    level = PEAK * max(0.0, min(1.0, volume)) * 32767
    return Audio(np.round(signal * level).astype(np.int16), rate)
