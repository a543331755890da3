"""Doctor's checks of what can be heard and said: the voice, the sound output, the microphones.

Why the guide would be silent comes from voiceguide.carer.diagnosis, the
same diagnosis that ``run`` and ``setup`` give; without a voice or a sound
output the person cannot hear the guide, so those checks are essential
(unless ``--tts none`` was asked for).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from voiceguide.carer import diagnosis
from voiceguide.carer.microphone import MIC_TEST_SECONDS, MicStatus, find_microphones, measure_level, record
from voiceguide.carer.report import FAIL, INFO, OK, Announcer, Check, decimal_fr
from voiceguide.errors import CannotRun

VOICE = "Voix du guide"
OUTPUT = "Sortie son"
NO_MICROPHONE = ("aucun microphone trouvé ; branchez un micro (ou un casque avec micro). "
                 "Sans micro, le guide se commande au clavier (--input keyboard).")
NEEDS_SOUND_LIBRARY = f"pas vérifié : il faut d'abord la bibliothèque du son (voir la ligne « {OUTPUT} »)."


def _failed(what: str, finding: diagnosis.Finding, essential: bool) -> Check:
    return Check(FAIL, what, f"{finding.problem} ; {finding.fix}.", essential=essential, detail=finding.detail,
                 hearing=finding.silences)


def check_voice(voice: str | None, tts: str, engine_factory: Callable[[], Any] | None = None) -> list[Check]:
    """Starts the speech engine, picks the voice as the guide would, and renders one sentence."""
    from voiceguide.speaking.tts import Synthesizer, TtsError, pyttsx3_engine

    if tts == "none":
        return [Check(INFO, "Voix : désactivée (--tts none) ; le guide s'affiche en texte seulement")]
    synth = Synthesizer(voice, engine_factory=engine_factory or pyttsx3_engine)
    try:
        choice = synth.start()
        audio = synth.synth("Bonjour, je suis la voix du guide.")
    except TtsError as exc:
        return [_failed(VOICE, diagnosis.speech_engine_failure(exc.message), essential=True)]
    finally:
        synth.close()
    if not np.any(audio.samples):
        return [_failed(VOICE, diagnosis.speech_engine_failure("elle ne produit que du silence"), essential=True)]
    checks = [Check(OK, f"{VOICE} : elle fonctionne (essai : {decimal_fr(audio.seconds)} s de parole)")]
    foreign = diagnosis.french_voice(choice)
    name = choice.voice.name if choice.voice else "par défaut"
    if foreign is not None:
        checks.append(_failed("Voix française", foreign, essential=False))
    elif voice and choice.notice:
        checks.append(Check(FAIL, f"Voix « {voice} » des réglages", f"elle n'existe pas sur cet ordinateur ; "
                            f"la voix française « {name} » est prise à la place. Corrigez le réglage "
                            "« voice », ou refaites « voiceguide setup »."))
    else:
        checks.append(Check(OK, f"Voix française : « {name} »"))
    return checks


def check_audio_output(essential: bool = True) -> Check:
    """Whether a sound output can play the guide's voice (``essential``: the voice is wanted)."""
    finding = diagnosis.sound_output()
    if finding is not None:
        return _failed(OUTPUT, finding, essential)
    from voiceguide.audio import import_sounddevice

    name = "?"
    try:
        name = str(import_sounddevice().query_devices(kind="output").get("name", "?"))
    except Exception:  # noqa: BLE001 - the name is only shown
        pass
    return Check(OK, f"{OUTPUT} : « {name} »")


def check_microphones(wanted: int | str | None) -> Check:
    """The microphones found, and the one the guide would use."""
    found = find_microphones(wanted)
    if found.status is MicStatus.NO_SOUND_LIBRARY:
        return Check(FAIL, "Microphone", NEEDS_SOUND_LIBRARY)
    if found.status is MicStatus.NONE:
        return Check(FAIL, "Microphone", NO_MICROPHONE)
    if found.status is MicStatus.NOT_THERE:
        return Check(FAIL, "Microphone des réglages", f"{found.message} Corrigez le réglage « microphone », "
                     "ou refaites « voiceguide setup ».")
    count = "1 microphone trouvé" if len(found.devices) == 1 else f"{len(found.devices)} microphones trouvés"
    return Check(OK, f"Microphone : {count} ; celui utilisé : « {found.name} » (n° {found.index})")


def mic_test(wanted: int | str | None, announcer: Announcer) -> Check:
    """Asks the user to speak, records three seconds, and reports the level."""
    found = find_microphones(wanted)
    if found.status is MicStatus.NO_SOUND_LIBRARY:
        return Check(FAIL, "Test du micro", NEEDS_SOUND_LIBRARY)
    if found.status is MicStatus.NONE:
        return Check(FAIL, "Test du micro", "aucun microphone trouvé ; branchez un micro, puis relancez "
                     "« voiceguide doctor --mic-test ».")
    if found.status is MicStatus.NOT_THERE:
        return Check(FAIL, "Test du micro", found.message)
    announcer.say(f"{INFO.ljust(5)} Test du micro : parlez normalement pendant trois secondes, "
                  "par exemple « suivant, répéter, aide ».",
                  "Test du micro : parlez normalement pendant trois secondes, après ce message.")
    announcer.finish()   # half-duplex: the guide's own voice must not be measured
    try:
        level = measure_level(record(found.index, MIC_TEST_SECONDS, sd=found.sd))
    except CannotRun as exc:
        return Check(FAIL, "Test du micro", exc.message)
    if level.verdict == "correct":
        return Check(OK, f"Test du micro : {level.describe()}")
    return Check(FAIL, "Test du micro", f"{level.describe()} ; {level.advice()}")
