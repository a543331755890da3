"""``voiceguide doctor``: checks this machine, one line per check, and says what to do.

Each line is "OK    <what>", "ÉCHEC <what> : <what to do>" or "INFO  <what>"
(see voiceguide.carer.report), in words a carer understands; ``--details``
adds the technical details (library errors, module versions) as INFO lines
at the end. Every line but those details is also spoken when speech works
here (a voice and a sound output), so a blind user can run it alone.

The exit code is 0 when the essentials work, 1 otherwise. The essentials are:

* Python 3.10 or newer, and the Python modules the guide needs;
* the bundled guide and the command vocabulary load;
* the guide can be heard: the speech engine speaks French text and a sound
  output exists (unless ``--tts none``: then the guide is only read).

Everything else (microphone, speech-recognition model, a French voice, the
settings file, disk space) is reported as ÉCHEC with what to do, but does not
fail the run: without them the guide still works by keyboard.

``--mic-test`` records three seconds and reports the level ("trop faible",
"correct", "sature"); the audio stays in memory and is never written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from voiceguide.carer.install_checks import (
    check_disk,
    check_guide,
    check_locations,
    check_packages,
    check_python,
    check_settings,
)
from voiceguide.carer.model_checks import check_model, command_phrases
from voiceguide.carer.report import FAIL, OK, Announcer, Check, details, exit_code, summary
from voiceguide.carer.sound_checks import check_audio_output, check_microphones, check_voice, mic_test
from voiceguide.session.ports import Speaker


def _open_speaker(settings: Any, tts: str) -> Speaker | None:
    """The guide's voice when this machine can speak aloud, else None (the report is only printed)."""
    from voiceguide.speaking.config import NarratorConfig
    from voiceguide.speaking.speaker import open_speaker
    from voiceguide.speech_levels import Levels

    saved = Levels(settings.rate_level, settings.volume_level)
    speaker = open_speaker(NarratorConfig.from_options(voice=settings.voice, tts=tts, earcons=False, saved=saved))
    if speaker.audible:
        return speaker
    speaker.close()
    return None


def run_doctor(*, test_microphone: bool = False, show_details: bool = False, config: Path | None = None,
               model: Path | None = None, tts: str = "pyttsx3", microphone: str | None = None,
               out: TextIO | None = None, engine_factory: Callable[[], Any] | None = None) -> int:
    """``voiceguide doctor [--mic-test] [--details] [--config FILE] [--model DIR] [--tts pyttsx3|none] [--mic MICRO]``.

    Prints (and says) one line per check; returns 0 when the essentials work, else 1.
    ``engine_factory`` replaces pyttsx3 (tests of a broken speech engine).
    """
    from voiceguide.carer.settings import merge_cli

    out = out if out is not None else sys.stdout

    # The first checks run silently: whether speech works is only known after them.
    checks: list[Check] = [check_python()]
    checks += check_packages(tts=tts)
    guide_checks, guide, vocabulary = check_guide()
    checks += guide_checks
    settings_checks, settings = check_settings(config)
    checks += settings_checks
    settings = merge_cli(settings, {"model": model, "microphone": microphone})
    voice_checks = check_voice(settings.voice, tts, engine_factory)
    checks += voice_checks
    audio = check_audio_output(essential=tts != "none")
    checks.append(audio)

    speaker = None
    if audio.status == OK and not any(c.status == FAIL and c.hearing for c in voice_checks) and tts != "none":
        speaker = _open_speaker(settings, tts)
    announcer = Announcer(out, speaker)
    try:
        for check in checks:
            announcer.say(check.line(), check.spoken())

        def emit(new: Check | list[Check]) -> None:
            for check in new if isinstance(new, list) else [new]:
                checks.append(check)
                announcer.say(check.line(), check.spoken())

        emit(check_microphones(settings.microphone))
        phrases = command_phrases(guide, vocabulary) if guide is not None else None
        model_checks = check_model(settings.model, phrases)
        emit(model_checks)
        emit(check_disk(model_missing=model_checks[0].status == FAIL))
        emit(check_locations())
        if test_microphone:
            emit(mic_test(settings.microphone, announcer))
        final = summary(checks, voice=tts != "none")
        announcer.say(final.line(), final.spoken())
        announcer.finish()
        if show_details:
            for line in details(checks):
                announcer.print(line.line())
        elif details(c for c in checks if c.status == FAIL):
            announcer.print("INFO  Pour les détails techniques : « voiceguide doctor --details ».")
    finally:
        if speaker is not None:
            speaker.close()
    return exit_code(checks)
