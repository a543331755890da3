"""Speech rate and volume as levels, shared by the dialog (bounds), the settings and the narrator (values).

The dialog only moves integer levels ("plus vite" = +1); the narrator turns
them into words per minute and a pyttsx3 volume. Level 0 suits a first-time
listener: at most 160 words a minute as heard (DESIGN.md). espeak-ng's French
voice says more words than its nominal rate, so level 0 asks it for 140, which
measures about 156 over the rendered Ameli guide (docs/narration.md,
scripts/measure_pace.py). The top level reaches what screen-reader users are
used to (300 and beyond).

The levels a carer saves (``setup``) mean one thing everywhere: the pace and
loudness the guide speaks at before anyone says « plus vite » — the base of
``run`` and ``doctor``, and what ``setup`` plays while the level is chosen
(speaking.config.NarratorConfig.from_options). In a session, « plus vite »
moves from that base.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_RATE_WPM = 140
RATE_STEP = 1.15            # each level multiplies the rate by this
MIN_RATE_LEVEL = -3         # about 92 wpm
MAX_RATE_LEVEL = 6          # about 324 wpm (about 355 as heard)

BASE_VOLUME = 0.8
VOLUME_STEP = 0.1
MIN_VOLUME_LEVEL = -5       # 0.3
MAX_VOLUME_LEVEL = 2        # 1.0


def rate_wpm(level: int) -> int:
    """Words per minute for a rate level (clamped to the allowed range)."""
    level = max(MIN_RATE_LEVEL, min(MAX_RATE_LEVEL, level))
    return round(BASE_RATE_WPM * RATE_STEP**level)


def volume(level: int) -> float:
    """pyttsx3 volume (0..1) for a volume level (clamped to the allowed range)."""
    level = max(MIN_VOLUME_LEVEL, min(MAX_VOLUME_LEVEL, level))
    return round(BASE_VOLUME + VOLUME_STEP * level, 2)

MIN_RATE_WPM, MAX_RATE_WPM = 80, 450   # espeak-ng's range; SAPI5 and macOS map it to theirs


def clamp_rate(rate_wpm: float) -> int:
    """Words per minute within what the speech engines accept."""
    return int(max(MIN_RATE_WPM, min(MAX_RATE_WPM, round(rate_wpm))))


@dataclass(frozen=True)
class Levels:
    """A rate level and a volume level, as a carer saves them."""

    rate: int = 0
    volume: int = 0

def rate_words(level: int) -> str:
    """A rate level as a listener understands it: « normale, environ 140 mots par minute »."""
    if level == 0:
        how = "normale"
    else:
        how = (f"{'un peu' if abs(level) <= 2 else 'nettement'} plus {'rapide' if level > 0 else 'lente'} "
               "que la normale")
    return f"{how}, environ {rate_wpm(level)} mots par minute"


def volume_words(level: int) -> str:
    """A volume level as a listener understands it: « normal (80 %) »."""
    how = "normal" if level == 0 else ("plus fort" if level > 0 else "moins fort") + " que la normale"
    return f"{how} ({round(volume(level) * 100)} %)"
