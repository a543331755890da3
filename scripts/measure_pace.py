#!/usr/bin/env python3
"""The pace of the rendered guide, as a listener meets it: words heard per minute of audio.

Renders the guide with ``voiceguide render``'s own code (real pyttsx3 +
espeak-ng), measures each WAV's length with sox (``soxi -D``), and counts the
words the voice says (the text after the pronunciation table). Prints the
pace over the whole guide, the fastest and slowest steps, and the longest
spoken sentences, in the Markdown used by docs/narration.md.

Usage: python scripts/measure_pace.py [--guide FILE] [--rate WPM] [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from voiceguide import speech_levels
from voiceguide.carer.render import render_guide
from voiceguide.dialog.machine import Dialog
from voiceguide.guide import DEFAULT_GUIDE, Guide, load_guide
from voiceguide.language.text import word_count
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.pronounce import respell
from voiceguide.speaking.sentences import for_the_ear, sentences, speech_pieces

SENTENCE_WORD_LIMIT = 25


@dataclass(frozen=True)
class Track:
    step: str
    words: int
    seconds: float

    @property
    def wpm(self) -> float:
        return 60.0 * self.words / self.seconds


@dataclass(frozen=True)
class Sentence:
    step: str
    field: str
    words: int
    text: str


def wav_seconds(path: Path) -> float:
    """The length of a WAV as sox reads it."""
    out = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout)


def spoken_words(text: str, guide: Guide) -> int:
    return sum(word_count(piece) for piece in speech_pieces(text, guide.pronunciation))


def measure_tracks(guide: Guide, out_dir: Path, config: NarratorConfig | None = None) -> list[Track]:
    """Renders every step of ``guide`` into ``out_dir`` as ``voiceguide render`` does, and measures each one."""
    dialog = Dialog(guide, load_vocabulary())
    paths = render_guide(dialog, out_dir, config or NarratorConfig())
    tracks = {s.id: i for i, s in enumerate(guide.steps, 1)}
    return [Track(step.id, spoken_words(" ".join(dialog.recording(step.id, tracks)), guide), wav_seconds(path))
            for step, path in zip(guide.steps, paths)]


def overall_wpm(tracks: list[Track]) -> float:
    return 60.0 * sum(t.words for t in tracks) / sum(t.seconds for t in tracks)


def spoken_sentences(guide: Guide) -> list[Sentence]:
    """Every sentence the guide can say (say, on_screen, details, titles, choice labels), as spoken."""
    found = []
    for step in guide.steps:
        fields = [("say", step.say), ("on_screen", step.on_screen), ("details", step.details), ("title", step.title)]
        fields += [("label", choice.label) for choice in step.choices]
        for name, text in fields:
            if text:
                for sentence in sentences(for_the_ear(respell(text, guide.pronunciation))):
                    found.append(Sentence(step.id, name, word_count(sentence), sentence))
    return found


def report(guide: Guide, tracks: list[Track], rate: int) -> str:
    by_pace = sorted(tracks, key=lambda t: t.wpm)
    longest = sorted(spoken_sentences(guide), key=lambda s: s.words, reverse=True)[:5]
    total = sum(t.seconds for t in tracks)
    lines = [
        f"Guide « {guide.title} », {len(tracks)} steps, voice rate {rate} (espeak-ng's words a minute).",
        "",
        f"- **pace over the whole guide: {overall_wpm(tracks):.0f} words a minute** "
        f"({sum(t.words for t in tracks)} words in {total:.0f} s of audio)",
        "- fastest steps: " + ", ".join(f"`{t.step}` {t.wpm:.0f}" for t in reversed(by_pace[-3:])),
        "- slowest steps: " + ", ".join(f"`{t.step}` {t.wpm:.0f}" for t in by_pace[:3]),
        f"- steps above 180 words a minute: {sum(t.wpm > 180 for t in tracks)}, above 190: "
        f"{sum(t.wpm > 190 for t in tracks)}",
        f"- longest spoken sentences (limit {SENTENCE_WORD_LIMIT} words):",
    ]
    lines += [f"  - {s.words} words, `{s.step}` ({s.field}): « {s.text} »" for s in longest]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guide", type=Path, default=DEFAULT_GUIDE)
    parser.add_argument("--rate", type=int, default=None, help="words a minute given to the voice")
    parser.add_argument("--out", type=Path, default=None, help="keep the WAV files in this folder")
    args = parser.parse_args(argv)
    guide = load_guide(args.guide)
    config = NarratorConfig(rate_wpm=args.rate)
    with tempfile.TemporaryDirectory() as scratch:
        tracks = measure_tracks(guide, args.out or Path(scratch), config)
    print(report(guide, tracks, args.rate or speech_levels.rate_wpm(0)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
