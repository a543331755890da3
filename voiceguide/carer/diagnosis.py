"""Why the guide cannot be heard: one diagnosis for ``run``, ``doctor`` and ``setup``.

A silent guide has different causes that call for different fixes, and a
carer must be told the right one, not « pas de sortie audio » for all:

* the speech engine is not installed (on Linux: the espeak-ng package), or it
  is there but does not start;
* the sound library PortAudio is missing (on Linux: libportaudio2): the
  laptop may well have speakers;
* there is no sound output at all (no speakers, no headphones, no sound card);
* no French voice is installed: the guide speaks, with a foreign accent.

Each is a ``Finding``: its ``Cause``, what is wrong and what to do in a
carer's words, and the technical detail kept apart (``doctor --details``).
Missing system pieces are recognised by the checks of voiceguide.system, the
same that ``make run`` uses.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum

from voiceguide.session.ports import Speaker
from voiceguide.speaking.notices import NO_AUDIO_NOTICE, NO_OUTPUT_DEVICE, TEXT_FALLBACK
from voiceguide.speaking.voices import VoiceChoice, engine_hint, french_voice_hint


class Cause(Enum):
    NO_SPEECH_ENGINE = "no-speech-engine"          # espeak-ng not installed (Linux)
    SPEECH_ENGINE_FAILS = "speech-engine-fails"    # an engine is there but does not speak
    NO_SOUND_LIBRARY = "no-sound-library"          # PortAudio missing
    NO_SOUND_OUTPUT = "no-sound-output"            # no speakers, headphones or sound card
    NO_FRENCH_VOICE = "no-french-voice"            # it speaks, but with a foreign voice


@dataclass(frozen=True)
class Finding:
    """One cause, said for a carer: ``problem`` and ``fix`` are French clauses, ``detail`` technical."""

    cause: Cause
    problem: str
    fix: str
    detail: str = ""

    @property
    def silences(self) -> bool:
        """True when the guide cannot be heard at all because of it."""
        return self.cause is not Cause.NO_FRENCH_VOICE

    def sentence(self) -> str:
        """« Le moteur de voix espeak-ng n'est pas installé ; tapez « … », puis relancez. »"""
        return f"{self.problem[0].upper()}{self.problem[1:]} ; {self.fix}."


def _linux() -> bool:
    return sys.platform.startswith("linux")


def missing_speech_engine(failure: str = "") -> Finding | None:
    """On Linux, the espeak-ng library that pyttsx3 speaks with, when it is missing or broken."""
    if not _linux():
        return None
    from voiceguide import system  # probes the system: only when speech did not start

    missing = system.probe_espeak_library()
    if missing is None:
        return None
    return Finding(Cause.NO_SPEECH_ENGINE, "le moteur de voix espeak-ng n'est pas installé",
                   f"tapez « {system.install_hint('espeak-library')} », puis relancez",
                   detail=" ; ".join(d for d in (failure, missing) if d))


def speech_engine_failure(failure: str) -> Finding:
    """Why the speech engine failed (``failure``: what it reported): espeak-ng missing, or another fault."""
    missing = missing_speech_engine(failure)
    if missing is not None:
        return missing
    fix = ("réinstallez le paquet espeak-ng, puis relancez « voiceguide doctor »" if _linux()
           else engine_hint().rstrip(".").replace("Vérifiez", "vérifiez", 1))
    return Finding(Cause.SPEECH_ENGINE_FAILS, "la voix de l'ordinateur ne démarre pas", fix, detail=failure)


def sound_output() -> Finding | None:
    """Why no sound can be played here, or None when an output device exists."""
    from voiceguide.speaking.player import output_problem  # loads the sound stack: only when asked

    problem = output_problem()
    if problem is None:
        return None
    if problem == NO_OUTPUT_DEVICE:
        return Finding(Cause.NO_SOUND_OUTPUT, "aucun haut-parleur ni casque n'est trouvé",
                       "branchez des haut-parleurs ou un casque, vérifiez que le son de l'ordinateur n'est pas "
                       "coupé, puis relancez")
    from voiceguide import system  # probes the system: only when there is no sound output

    detail = (system.probe_portaudio() if _linux() else None) or problem
    if _linux():
        fix = f"tapez « {system.install_hint('portaudio')} », puis relancez"
    else:
        fix = "réinstallez voiceguide (PortAudio vient avec son module sounddevice), puis relancez"
    return Finding(Cause.NO_SOUND_LIBRARY, "la bibliothèque du son PortAudio n'est pas installée", fix, detail)


def french_voice(choice: VoiceChoice | None) -> Finding | None:
    """A finding when the voice picked is not French (the guide speaks, with a foreign accent)."""
    if choice is None or choice.french:
        return None
    name = choice.voice.name if choice.voice else "par défaut"
    hint = french_voice_hint().rstrip(".")
    return Finding(Cause.NO_FRENCH_VOICE, f"aucune voix française n'est installée : le guide parle avec la "
                   f"voix « {name} », avec un accent étranger", hint[0].lower() + hint[1:])


def why_silent(narrator: Speaker) -> list[Finding]:
    """Every cause, once each, that keeps this speaker from being heard (and a foreign voice).

    Costs nothing when the narrator speaks: the probes run only for a silent one. A speaker
    silent with neither a failure nor an audio problem was asked to be (``--tts none``).
    """
    findings: list[Finding] = []
    if narrator.failure is not None:     # the sound output was found; the engine then failed
        findings.append(speech_engine_failure(narrator.failure))
    elif narrator.audio_problem is not None:   # no sound output, so the engine was not even started
        engine = missing_speech_engine()
        if engine is not None:
            findings.append(engine)
        findings.append(sound_output() or Finding(
            Cause.NO_SOUND_OUTPUT, "la sortie son ne joue rien",
            "vérifiez que les haut-parleurs ou le casque sont branchés et allumés, puis relancez",
            detail=narrator.audio_problem or ""))
    voice = french_voice(narrator.voice)
    if voice is not None:
        findings.append(voice)
    return findings


def startup_notices(narrator: Speaker, silencing: list[Finding] | None = None) -> list[str]:
    """What to tell the person at start about the voice: the real cause of a silence, with its fix,
    in place of the narrator's general notice (« pas de sortie audio »), which it takes.

    For ``run`` and ``setup``: each line is printed; the narrator says its own notices (a foreign
    voice) when it can speak. ``silencing``: the silencing findings, when already known.
    """
    if silencing is None:
        silencing = [f for f in why_silent(narrator) if f.silences]
    if not silencing:
        return []
    failure = narrator.failure
    kept = [n for n in narrator.pop_notices()
            if n != NO_AUDIO_NOTICE and not (failure is not None and n.startswith(failure))]
    lines = [f.sentence() for f in silencing]
    lines[0] = f"Le guide ne peut pas parler : {lines[0][0].lower()}{lines[0][1:]}"
    lines[-1] += f" {TEXT_FALLBACK}"
    return lines + kept
