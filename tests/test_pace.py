"""The default pace of the narration, measured on the rendered guide (real espeak-ng WAVs, lengths read by sox)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from measure_pace import measure_tracks, overall_wpm, report

from voiceguide import speech_levels
from voiceguide.guide import DEFAULT_GUIDE, load_guide

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None or shutil.which("soxi") is None,
                                reason="espeak-ng et sox nécessaires (apt-get install espeak-ng sox)")

FIRST_TIME_LISTENER_MAX_WPM = 160   # DESIGN.md


def test_the_default_pace_over_the_rendered_guide_suits_a_first_time_listener(tmp_path):
    guide = load_guide(DEFAULT_GUIDE)
    tracks = measure_tracks(guide, tmp_path)
    pace = overall_wpm(tracks)
    print(report(guide, tracks, speech_levels.rate_wpm(0)))
    assert pace <= FIRST_TIME_LISTENER_MAX_WPM
    assert pace >= 120            # and not so slow that it drags (voice-ux.md: slower does not help)
    assert all(track.words > 0 and track.seconds > 0.5 for track in tracks)


def test_every_first_help_lasts_under_ten_seconds_and_every_full_help_under_twenty_five() -> None:
    """DESIGN.md: first help under 10 s, full help under 25 s — every help the guide can give, in every way
    of answering, rendered by the real espeak-ng at the default pace, with the guide's pronunciation."""
    from voiceguide.dialog.intent import Intent, Modality
    from voiceguide.dialog.machine import Dialog
    from voiceguide.language.vocabulary import load_vocabulary
    from voiceguide.speaking.sentences import speech_pieces
    from voiceguide.speaking.tts import Synthesizer

    guide = load_guide(DEFAULT_GUIDE)
    dialog = Dialog(guide, load_vocabulary())
    helps: dict[str, str] = {}     # text -> "first" or "full" (about thirty different texts)
    for modality in (Modality.WORDS, Modality.KEYS, Modality.WORDS | Modality.KEYS, Modality.TYPED):
        for step in guide.steps:
            state, _ = dialog.start(step.id, modality=modality)
            state, reply = dialog.handle(state, Intent("help"))
            helps[" ".join(reply.say)] = "first"
            for _ in range(2):
                state, reply = dialog.handle(state, Intent("help"))
                helps.setdefault(" ".join(reply.say), "full")
    synth = Synthesizer(None, speech_levels.rate_wpm(0), speech_levels.volume(0))
    try:
        synth.start()
        for text, which in helps.items():
            seconds = sum(synth.synth(piece).seconds for piece in speech_pieces(text, guide.pronunciation))
            assert seconds < (10 if which == "first" else 25), (which, round(seconds, 1), text)
    finally:
        synth.close()
