"""Choosing the voice to speak with among those the engine lists: the best French one.

Pure data and rules (no engine here), so that the choice can be tested with
any list of voices, and the carer told in French what to install.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class VoiceInfo:
    """A voice as the engine lists it; ``languages`` are normalised tags ("fr-fr", "en-gb")."""

    id: str
    name: str
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class VoiceChoice:
    """The voice picked, whether it is French, and what to tell the user about it (or None)."""

    voice: VoiceInfo | None
    french: bool
    notice: str | None = None
    spoken: bool = False      # the notice is also said aloud, with the voice we have


# Preferred French voices when several exist: Windows (SAPI5) and macOS names.
PREFERRED_NAMES = ("hortense", "julie", "paul", "thomas", "audrey", "aurelie", "amelie")


def normalize_language(code: object) -> str:
    """A language tag as "fr-fr" whatever the engine gave ("fr_FR", b"\\x05fr-fr", "French")."""
    if isinstance(code, bytes):
        code = code.decode("utf-8", errors="ignore")
    text = "".join(ch for ch in str(code) if ch.isprintable()).strip().lower()
    return text.replace("_", "-")


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def french_rank(voice: VoiceInfo) -> int | None:
    """How French a voice is: 0 France, 1 generic French, 2 another French (Canada, Belgium...),
    3 French only by its name; None when it is not French."""
    ranks = []
    for lang in voice.languages:
        if lang in ("fr-fr", "fr-fra"):
            ranks.append(0)
        elif lang == "fr":
            ranks.append(1)
        elif lang.startswith("fr-"):
            ranks.append(2)
    if ranks:
        return min(ranks)
    name = _plain(voice.name)
    if "french" in name or "francais" in name:
        return 3
    return None


def _preference(voice: VoiceInfo) -> tuple[int, bool, bool]:
    """Sort key among candidate voices: most French, not MBROLA (its data is often missing), a
    known good name first."""
    rank = french_rank(voice)
    mbrola = voice.id.startswith(("mb/", "mb-"))
    return (9 if rank is None else rank), mbrola, not any(n in _plain(voice.name) for n in PREFERRED_NAMES)


def choose_voice(voices: Sequence[VoiceInfo], wanted: str | None = None) -> VoiceChoice:
    """The voice to speak with: the one asked for (id, name, part of a name, or a language tag
    such as "fr-ca"), else the best French one.

    When no French voice exists, the engine's first voice is kept and the
    notice says so (the guide goes on, with a foreign accent).
    """
    notices = []
    if wanted:
        key = _plain(wanted).strip()
        exact = [v for v in voices if key in (_plain(v.id), _plain(v.name))]
        by_language = [v for v in voices if any(lang == key or lang.startswith(key + "-") for lang in v.languages)]
        partial = [v for v in voices if key in _plain(v.id) or key in _plain(v.name)]
        candidates = exact or by_language or partial
        if candidates:
            found = min(candidates, key=_preference)
            return VoiceChoice(found, french_rank(found) is not None)
        notices.append(f"La voix « {wanted} » n'existe pas sur cet ordinateur.")
    french = [v for v in voices if french_rank(v) is not None]
    if french:
        best = min(french, key=_preference)
        if notices:
            notices.append(f"Je prends la voix française « {best.name} ».")
        return VoiceChoice(best, True, " ".join(notices) or None)
    fallback = voices[0] if voices else None
    heard = f"je parle avec la voix « {fallback.name} »" if fallback else "je parle avec la voix par défaut"
    notices.append(f"Aucune voix française n'est installée : {heard}, avec un accent étranger. "
                   f"{french_voice_hint()}")
    return VoiceChoice(fallback, False, " ".join(notices), spoken=True)


def french_voice_hint(platform: str | None = None) -> str:
    """Where to get a French voice on this system (French, for the carer)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return ("Pour une voix française, ajoutez-la dans Paramètres, Heure et langue, Voix "
                "(par exemple Microsoft Hortense).")
    if platform == "darwin":
        return ("Pour une voix française, ajoutez-en une dans Réglages Système, Accessibilité, "
                "Contenu énoncé (par exemple Thomas ou Amélie).")
    return "Pour une voix française, installez le paquet espeak-ng (sudo apt install espeak-ng)."


def engine_hint(platform: str | None = None) -> str:
    """What to install when the engine cannot start (French, for the carer)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "Vérifiez qu'une voix Windows est installée (Paramètres, Heure et langue, Voix)."
    if platform == "darwin":
        return "Vérifiez les voix dans Réglages Système, Accessibilité, Contenu énoncé."
    return "Installez le paquet espeak-ng (sudo apt install espeak-ng), puis relancez."
