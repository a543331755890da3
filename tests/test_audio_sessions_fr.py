"""The end-to-end sessions of test_cli_run, spoken: recorded French samples through ``--input audio``.

Each typed turn of a whole path through the guide is replaced by the
recorded sample of the same phrase (tests/audio/, made by espeak-ng), and the
real recogniser must lead the session along exactly the same steps. This
needs the French vosk model; without it the tests skip and say how to get it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.test_cli_run import GOODBYE, PATHS
from voiceguide.language.text import spoken_form
from voiceguide.listening.model_store import find_model, missing_model_message

AUDIO = Path(__file__).parent / "audio"
MANIFEST = json.loads((AUDIO / "manifest.json").read_text(encoding="utf-8"))
MODEL = find_model(env=os.environ)
pytestmark = pytest.mark.skipif(MODEL is None, reason="Pas de modèle français : " + missing_model_message())


def sample_for(text: str) -> Path:
    """The clean, normal-speed recording of ``text`` (the plainest one)."""
    wanted = spoken_form(text.replace("’", "'"))
    found = [e for e in MANIFEST if spoken_form(e["text"]) == wanted]
    found.sort(key=lambda e: (e["noise_snr_db"] is not None, e["speed"] != "normal"))
    if not found:
        pytest.fail(f"aucun échantillon de « {text} » : relancez python scripts/make_samples.py")
    return AUDIO / found[0]["file"]


@pytest.mark.parametrize("name", ["no-code", "forgot-by-email"])
def test_a_whole_spoken_path_goes_through_the_same_steps_as_typed(run_cli, tmp_path: Path, name: str) -> None:
    script = PATHS[name] + GOODBYE
    files = [str(sample_for(said)) for said, _, _ in script]
    log = tmp_path / "events.jsonl"
    result = run_cli(["run", "--input", "audio", "--fast", "--tts", "none", "--model", str(MODEL),
                      "--events", str(log), "--audio-in", *files], timeout=600)
    assert result.code == 0, result.stderr
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    steps = [e["step"] for e in events if e["event"] == "step"]
    assert steps == ["bienvenue"] + [caused[-1].split(":", 1)[1] for _, caused, _ in PATHS[name]]
    assert events[-1] == {**events[-1], "event": "end", "reason": "quit"}
    assert all(e["source"] == "audio" for e in events if e["event"] == "utterance")
