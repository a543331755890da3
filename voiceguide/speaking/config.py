"""How to speak: the voice, its pace and loudness, earcons, and the speech engine (or none).

Kept apart from the narrator so that building a run's configuration (and the
silent ``--tts none`` runs) loads no audio code at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from voiceguide import speech_levels
from voiceguide.errors import UserError
from voiceguide.speech_levels import MAX_RATE_WPM, MIN_RATE_WPM, Levels, clamp_rate

if TYPE_CHECKING:
    from voiceguide.guide.model import Pronunciation

TTS_ENGINES = ("pyttsx3", "none")   # --tts: the speech engine, or none (text only)
MIN_VOLUME = 0.1          # "moins fort" never mutes the guide entirely


@dataclass(frozen=True)
class NarratorConfig:
    """How to speak: from the options ``--voice``, ``--rate`` (words a minute), ``--volume`` (0..1),
    ``--tts`` and whether earcons play. None means the default of speech_levels.
    ``pronunciation``: the guide's table, applied to what is spoken only."""

    voice: str | None = None
    rate_wpm: int | None = None
    volume: float | None = None
    earcons: bool = True
    tts: str = "pyttsx3"
    pronunciation: Pronunciation = ()

    def __post_init__(self) -> None:
        if self.tts not in TTS_ENGINES:
            raise UserError(f"Moteur de voix inconnu : « {self.tts} ». Choisissez pyttsx3 ou none.")
        if self.rate_wpm is not None and not MIN_RATE_WPM <= self.rate_wpm <= MAX_RATE_WPM:
            raise UserError(f"Débit de parole impossible : {self.rate_wpm} mots par minute. Choisissez "
                            f"entre {MIN_RATE_WPM} et {MAX_RATE_WPM} ({speech_levels.rate_wpm(0)} par défaut).")
        if self.volume is not None and not 0.0 <= self.volume <= 1.0:
            raise UserError(f"Volume impossible : {self.volume}. Donnez un nombre entre 0 et 1, "
                            f"ou un pourcentage entre 0 et 100.")

    @classmethod
    def from_options(cls, voice: str | None = None, rate: str | int | None = None,
                     volume: str | float | None = None, tts: str = "pyttsx3", earcons: bool = True,
                     saved: Levels | None = None) -> NarratorConfig:
        """A config from command-line text ("--rate 200", "--volume 0,7" or "--volume 70%") over the
        carer's ``saved`` levels: an explicit rate or volume wins, otherwise the saved level sets it.

        Raises UserError (exit 2) with a French message for a bad value.
        """
        rate_wpm, loudness = _parse_rate(rate), _parse_volume(volume)
        saved = saved or Levels()
        if rate_wpm is None and saved.rate:
            rate_wpm = speech_levels.rate_wpm(saved.rate)
        if loudness is None and saved.volume:
            loudness = speech_levels.volume(saved.volume)
        return cls(voice=(voice or "").strip() or None, rate_wpm=rate_wpm, volume=loudness, earcons=earcons, tts=tts)

    def rate_for(self, level: int) -> int:
        """Words a minute for a rate level ("plus vite" = +1), relative to the configured rate."""
        base = self.rate_wpm if self.rate_wpm is not None else speech_levels.rate_wpm(0)
        return clamp_rate(base * speech_levels.rate_wpm(level) / speech_levels.rate_wpm(0))

    def volume_for(self, level: int) -> float:
        """Volume (0..1) for a volume level ("plus fort" = +1), relative to the configured volume."""
        base = self.volume if self.volume is not None else speech_levels.volume(0)
        value = base + speech_levels.volume(level) - speech_levels.volume(0)
        return round(max(MIN_VOLUME, min(1.0, value)), 2)


def _parse_rate(value: str | int | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(round(float(str(value).replace(",", "."))))
    except (ValueError, OverflowError):   # OverflowError: "inf", "1e400"
        raise UserError(f"Débit de parole impossible : « {value} ». Donnez un nombre de mots par minute, "
                        f"entre {MIN_RATE_WPM} et {MAX_RATE_WPM}.") from None


def _parse_volume(value: str | float | None) -> float | None:
    if value is None or value == "":
        return None
    text = str(value).strip().replace(",", ".")
    percent = text.endswith("%")
    try:
        number = float(text.rstrip("%").strip())
    except ValueError:
        raise UserError(f"Volume impossible : « {value} ». Donnez un nombre entre 0 et 1, "
                        f"ou un pourcentage entre 0 et 100.") from None
    if percent or number > 1.0:
        number /= 100.0
    return number
