"""The recorded French samples (tests/audio/), through the real recogniser and the intent matcher.

The manifest checks run everywhere. The recognition checks need the French
vosk model and skip without it, saying how to get it.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from voiceguide.dialog.intent import Options
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.text import spoken_form
from voiceguide.language.vocabulary import COMMAND_NAMES, load_vocabulary
from voiceguide.listening.model_store import find_model, missing_model_message
from voiceguide.listening.recognizer import Recognizer
from voiceguide.listening.spoken import chunks, read_turn

AUDIO = Path(__file__).parent / "audio"
MANIFEST = json.loads((AUDIO / "manifest.json").read_text(encoding="utf-8"))
GUIDE = load_guide(DEFAULT_GUIDE)
VOCABULARY = load_vocabulary()
# Below this recogniser confidence the session asks "Vous avez dit ... ?"
# before changing branch, so a non-command is a false accept only above it.
ACCEPT_CONFIDENCE = 0.5


def options_for(entry: dict) -> Options:
    choices = GUIDE.step(entry["step"]).choices if entry["step"] else ()
    return Options(choices=choices, yes_no=entry["expected"] in ("yes", "no"))


def expected_of(intent: object) -> str | None:
    if intent is None:
        return None
    return intent.name if intent.name != "goto" else f"goto:{intent.target}"


# ------------------------------------------------------------------ the set itself

def test_every_file_is_a_short_16k_mono_wav() -> None:
    files = sorted(p.name for p in AUDIO.glob("*.wav"))
    assert files == sorted(e["file"] for e in MANIFEST)
    for name in files:
        head = (AUDIO / name).read_bytes()[:36]
        channels, rate = struct.unpack_from("<HI", head, 22)
        assert (channels, rate) == (1, 16000), name
    total = sum((AUDIO / n).stat().st_size for n in files)
    assert total < 8_000_000, f"{total / 1e6:.1f} Mo : gardez le jeu d'échantillons petit"


def test_every_phrase_of_the_vocabulary_and_the_guide_has_a_sample() -> None:
    # Fails when a synonym or a branch is added without re-running scripts/make_samples.py.
    recorded = {spoken_form(e["text"]) for e in MANIFEST}
    wanted = {spoken_form(p) for c in VOCABULARY.commands for p in c.phrases}
    wanted |= {spoken_form(t) for s in GUIDE.steps for t in s.topics}
    wanted |= {spoken_form(p) for s in GUIDE.steps for c in s.choices for p in (c.label, *c.phrases)}
    missing = sorted(wanted - recorded)
    assert not missing, f"relancez python scripts/make_samples.py ; sans échantillon : {missing}"


def test_expected_commands_are_real() -> None:
    steps = {s.id for s in GUIDE.steps}
    for e in MANIFEST:
        exp = e["expected"]
        if exp is None:
            assert e["kind"] in ("autre", "silence")
        elif exp.startswith("goto:"):
            assert exp[5:] in steps, e
        else:
            assert exp in COMMAND_NAMES, e


def test_the_set_has_speeds_voices_noise_and_non_commands() -> None:
    assert {e["speed"] for e in MANIFEST} >= {"lent", "normal", "rapide"}
    assert {e["voice"] for e in MANIFEST} >= {"fr", "fr+f3", "fr+m3"}
    assert any(e["noise_snr_db"] for e in MANIFEST)
    assert sum(e["kind"] == "autre" for e in MANIFEST) >= 8
    assert sum(e["kind"] == "silence" for e in MANIFEST) >= 2


# ------------------------------------------------------------------ with the French model

@pytest.fixture(scope="module")
def french() -> Iterator[tuple[Recognizer, IntentMatcher]]:
    model = find_model(env=os.environ)
    if model is None:
        pytest.skip("Pas de modèle français : " + missing_model_message())
    phrases = [p for c in VOCABULARY.commands for p in c.phrases]
    yield Recognizer(model, check_phrases=phrases), IntentMatcher(VOCABULARY, GUIDE)


def hear(rec: Recognizer, matcher: IntentMatcher, entry: dict):
    options = options_for(entry)
    utt = rec.recognize(chunks(read_turn(AUDIO / entry["file"])), matcher.grammar(options))
    intent = matcher.match(utt.text, options) if utt is not None and utt.text else None
    return utt, intent


@pytest.mark.parametrize("kind", ["command", "topic", "choice"])
def test_every_sample_gives_its_command(french: tuple[Recognizer, IntentMatcher], kind: str) -> None:
    rec, matcher = french
    wrong = []
    entries = [e for e in MANIFEST if e["kind"] == kind]
    for e in entries:
        utt, intent = hear(rec, matcher, e)
        if expected_of(intent) != e["expected"]:
            wrong.append(f"{e['file']}: « {e['text']} » entendu « {utt.text if utt else ''} » "
                         f"-> {expected_of(intent)} au lieu de {e['expected']}")
    assert not wrong, f"{len(wrong)}/{len(entries)} mal reconnus :\n" + "\n".join(wrong)


def test_non_commands_are_rarely_accepted(french: tuple[Recognizer, IntentMatcher]) -> None:
    rec, matcher = french
    others = [e for e in MANIFEST if e["kind"] == "autre"]
    accepted = []
    for e in others:
        utt, intent = hear(rec, matcher, e)
        if intent is not None and utt.confidence >= ACCEPT_CONFIDENCE:
            accepted.append(f"{e['text']} -> {utt.text} ({utt.confidence})")
    assert len(accepted) <= len(others) // 5, "fausses acceptations :\n" + "\n".join(accepted)


def test_silence_gives_nothing(french: tuple[Recognizer, IntentMatcher]) -> None:
    rec, matcher = french
    for e in (e for e in MANIFEST if e["kind"] == "silence"):
        utt, intent = hear(rec, matcher, e)
        assert intent is None and (utt is None or utt.confidence < ACCEPT_CONFIDENCE), e["file"]
