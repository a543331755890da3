#!/usr/bin/env python3
"""Makes tests/audio/: French recordings of every phrase the guide understands.

Each distinct phrase (universal commands and their synonyms from
voiceguide/language/vocabulary.yaml, topic shortcuts and branch choices of the Ameli
guide) is spoken once by espeak-ng at normal speed, in one of the French voices
(chosen from the phrase itself, so that adding a phrase changes no other file).
A subset (the commands' names and the branch labels) is also spoken
slow and fast, and with noise at about 10 dB SNR; French sentences that are
no command, and silence, complete the set. manifest.json says what each file
says and the command expected ("goto:<step id>" for a shortcut or a choice).

Deterministic: the same espeak-ng gives the same files (the noise is seeded
from the file name). Usage: python scripts/make_samples.py [--out tests/audio]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from pathlib import Path

import numpy as np

from voiceguide.audio import RECOGNIZER_RATE as RATE
from voiceguide.audio import write_wav
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.text import spoken_form
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.spoken import read_turn

VOICES = ("fr", "fr+f3", "fr+m3")
SPEEDS = {"lent": 130, "normal": 175, "rapide": 230}   # words per minute
NOISE_SNR_DB = 10.0
LEAD_S, TAIL_S = 0.1, 0.2       # silence kept around the speech
PEAK = 0.9 * 32767              # speech is normalised to this peak before storage
# 8-bit PCM halves the committed size. After peak normalisation its
# quantisation noise stays about 35 dB below the speech (measured, see
# docs/recognition.md), and read_turn converts it like any WAV.
BITS = 8
ROOT = Path(__file__).resolve().parent.parent

# Everyday French that contains no command word: for false accepts.
NOT_COMMANDS = (
    "il fait très beau aujourd'hui dans le jardin",
    "ma fille vient me voir samedi matin",
    "le chat dort sur le canapé du salon",
    "je voudrais une baguette bien cuite",
    "la réunion a lieu à quatorze heures",
    "nous partons en vacances à la montagne",
    "le facteur a sonné deux fois",
    "elle a acheté des tomates au marché",
    "ce film était vraiment trop long",
    "mon voisin joue du piano le soir",
)


def slug(text: str) -> str:
    """ASCII file-name part for a phrase."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", flat.lower()).strip("-")[:40] or "x"


def speak(text: str, voice: str, wpm: int) -> np.ndarray:
    """espeak-ng's rendering of ``text`` as 16 kHz mono int16, trimmed to the speech plus margins."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "--stdout", text],
                         check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "espeak.wav"
        path.write_bytes(wav)
        audio = read_turn(path).samples
    loud = np.nonzero(np.abs(audio.astype(np.int32)) > 300)[0]
    if len(loud) == 0:
        raise SystemExit(f"espeak-ng n'a rien produit pour « {text} »")
    a = max(0, loud[0] - int(LEAD_S * RATE))
    b = min(len(audio), loud[-1] + int(TAIL_S * RATE))
    audio = audio[a:b].astype(np.float64)
    return np.round(audio * PEAK / np.max(np.abs(audio))).astype(np.int16)


def pink_noise(n: int, rms: float, seed: int) -> np.ndarray:
    """Seeded noise with a 1/f spectrum (closer to a room than white noise), at ``rms``."""
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum), dtype=np.float64), 1.0))
    noise = np.fft.irfft(spectrum, n)
    return noise * rms / np.sqrt(np.mean(noise ** 2))


def add_noise(audio: np.ndarray, snr_db: float, seed: int) -> np.ndarray:
    """Adds noise so that speech power / noise power = ``snr_db`` (speech measured where it is loud)."""
    x = audio.astype(np.float64)
    speech = x[np.abs(x) > 300]
    noise = pink_noise(len(x), np.sqrt(np.mean(speech ** 2)) / (10 ** (snr_db / 20)), seed)
    return np.clip(np.round(x + noise), -32768, 32767).astype(np.int16)


def phrase_list() -> list[dict]:
    """Every distinct spoken phrase with the command it must give (first definition wins)."""
    vocabulary = load_vocabulary()
    guide = load_guide(DEFAULT_GUIDE)
    items: dict[str, dict] = {}

    def add(text: str, expected: str, kind: str, step: str | None, label: bool) -> None:
        key = spoken_form(text)
        if key in items:
            if items[key]["expected"] != expected and items[key]["step"] is None and step is not None:
                # valid at that step only, with another meaning there: keep both readings
                items[key + "@" + step] = dict(text=text, expected=expected, kind=kind, step=step, label=label)
            return
        items[key] = dict(text=text, expected=expected, kind=kind, step=step, label=label)

    for spec in vocabulary.commands:
        for i, phrase in enumerate(spec.phrases):
            add(phrase, spec.name, "command", None, i == 0)
    for step in guide.steps:
        for i, topic in enumerate(step.topics):
            add(topic, f"goto:{step.id}", "topic", None, i == 0)
    for step in guide.steps:
        for choice in step.choices:
            for phrase in (choice.label, *choice.phrases):
                add(phrase, f"goto:{choice.target}", "choice", step.id, phrase == choice.label)
    return list(items.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "audio")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.wav"):
        old.unlink()

    manifest: list[dict] = []
    names: set[str] = set()

    def emit(audio: np.ndarray, text: str, expected: str | None, kind: str, voice: str,
             speed: str, noise: float | None, step: str | None) -> None:
        base = f"{kind}-{slug(text)}-{slug(voice)}-{speed}" + ("-bruit" if noise else "")
        name, n = base + ".wav", 1
        while name in names:
            n += 1
            name = f"{base}-{n}.wav"
        names.add(name)
        if noise is not None:
            audio = add_noise(audio, noise, zlib.crc32(name.encode()))
        write_wav(out / name, audio, bits=BITS)
        manifest.append(dict(file=name, text=text, expected=expected, kind=kind, voice=voice,
                             speed=speed, wpm=SPEEDS.get(speed), noise_snr_db=noise, step=step, bits=BITS))

    phrases = phrase_list()
    for p in phrases:
        # The voice follows from the phrase, not from its place in the list: adding a phrase leaves the
        # other files as they were.
        i = zlib.crc32(spoken_form(p["text"]).encode())
        voice = VOICES[i % len(VOICES)]
        audio = speak(p["text"], voice, SPEEDS["normal"])
        emit(audio, p["text"], p["expected"], p["kind"], voice, "normal", None, p["step"])
        if p["label"] and p["kind"] == "command":
            for j, speed in enumerate(("lent", "rapide")):
                v = VOICES[(i + j + 1) % len(VOICES)]
                emit(speak(p["text"], v, SPEEDS[speed]), p["text"], p["expected"], p["kind"], v,
                     speed, None, p["step"])
        if p["label"] and p["kind"] in ("command", "choice"):
            emit(audio, p["text"], p["expected"], p["kind"], voice, "normal", NOISE_SNR_DB, p["step"])

    for i, sentence in enumerate(NOT_COMMANDS):
        voice = VOICES[i % len(VOICES)]
        audio = speak(sentence, voice, SPEEDS["normal"])
        emit(audio, sentence, None, "autre", voice, "normal", NOISE_SNR_DB if i % 2 else None, None)

    silence = np.zeros(RATE, dtype=np.int16)
    emit(silence, "", None, "silence", "-", "-", None, None)
    quiet = np.round(pink_noise(int(1.5 * RATE), 300.0, 7)).astype(np.int16)
    emit(quiet, "", None, "silence", "-", "-", None, None)   # a quiet room, nobody speaking

    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    size = sum(f.stat().st_size for f in out.glob("*.wav"))
    print(f"{len(manifest)} fichiers, {size / 1e6:.1f} Mo, dans {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
