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
