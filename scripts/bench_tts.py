"""Narration figures: time to first audio of a step, stop latency, whole-guide render speed.

Usage: python scripts/bench_tts.py [--guide FILE] [--runs N]

Speech is real (pyttsx3 + espeak-ng in the worker process). A machine without
a sound card (like CI) cannot time a device, so the output stream is a
stand-in that PortAudio-style calls the player's callback once per block at
the real-time pace: the figures include everything up to the audio callback,
not the device's own output latency (typically 5-20 ms with latency="low").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sandbox import FakeOutputStream

from voiceguide.carer.render import render_guide
from voiceguide.dialog.machine import Dialog
from voiceguide.guide import DEFAULT_GUIDE, Guide, Step, load_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.narrator import Narrator
from voiceguide.speaking.sentences import speech_pieces
from voiceguide.speaking.speaker import open_speaker
from voiceguide.speaking.tts import Synthesizer


class TimingStream(FakeOutputStream):
    """The tests' stand-in for sounddevice.OutputStream, at the real-time pace: its ``first_sound``
    is when the first non-silent block is delivered."""

    speed = 1.0


def summary(values: list[float], unit: float = 1000.0) -> str:
    v = sorted(x * unit for x in values)
    p90 = v[min(len(v) - 1, int(round(0.9 * (len(v) - 1))))]
    return f"{statistics.median(v):.1f} (min {v[0]:.1f}, p90 {p90:.1f}, max {v[-1]:.1f}, n={len(v)})"


def first_audio(narrator, text: str, settle: float = 0.0) -> float:
    """Seconds from say() to the first non-silent block in the output callback.

    ``settle``: seconds to let the previous narration finish rendering first
    (as when the user listens, then answers); 0 interrupts it at once.
    """
    time.sleep(settle)
    stream = TimingStream.last
    if stream is not None:
        stream.first_sound = None
    start = time.perf_counter()
    narrator.say((text,))
    while True:
        stream = TimingStream.last
        if stream is not None and stream.first_sound is not None and stream.first_sound >= start:
            took = stream.first_sound - start
            narrator.stop()
            return took
        if narrator.tts_failed:
            raise SystemExit(f"TTS failed: {narrator.failure}")
        time.sleep(0.0005)


def open_narrator(config: NarratorConfig, **kwargs) -> Narrator:
    narrator = open_speaker(config, **kwargs)
    if not isinstance(narrator, Narrator):
        raise SystemExit(f"no speech here: {narrator.pop_notices()}")
    return narrator


def bench_first_audio(steps: list[Step]) -> tuple[list[float], list[float], list[float], list[float]]:
    narrator = open_narrator(NarratorConfig(), stream_factory=TimingStream)
    try:
        narrator.say(("Bonjour.",))            # warm the engine: the session's welcome does the same
        narrator.wait(10)
        cold = [first_audio(narrator, s.say, settle=0.2) for s in steps]
        narrator._synth.clear_cache()
        interrupting = [first_audio(narrator, s.say) for s in steps]
        narrator.prepare(s.say for s in steps[:10])
        deadline = time.monotonic() + 30
        while not all(narrator._synth.cached(p) for s in steps[:10] for p in speech_pieces(s.say)):
            if time.monotonic() > deadline:
                raise SystemExit("prepare() did not finish")
            time.sleep(0.01)
        warm = [first_audio(narrator, s.say) for s in steps[:10]]
        stops = []
        for s in steps[:10]:
            narrator.say((s.say,))
            while TimingStream.last is None or not TimingStream.last.active:
                time.sleep(0.001)
            time.sleep(0.1)
            start = time.perf_counter()
            narrator.stop()
            stops.append(time.perf_counter() - start)
        return cold, interrupting, warm, stops
    finally:
        narrator.close()


def bench_start(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        narrator = open_narrator(NarratorConfig(), stream_factory=TimingStream)
        times.append(time.perf_counter() - start)
        narrator.close()
    return times


def bench_sentences(steps: list[Step]) -> list[float]:
    synth = Synthesizer()
    synth.start()
    synth.synth("Bonjour.")
    try:
        times = []
        pieces = dict.fromkeys(p for step in steps for p in speech_pieces(step.say))   # no cache hits
        for piece in pieces:
            start = time.perf_counter()
            synth.synth(piece)
            times.append(time.perf_counter() - start)
        return times
    finally:
        synth.close()


def bench_render(guide: Guide, runs: int) -> tuple[list[float], float, int]:
    times, seconds, files = [], 0.0, 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            paths = render_guide(Dialog(guide, load_vocabulary()), Path(tmp), NarratorConfig())
            times.append(time.perf_counter() - start)
            wavs = [p for p in paths if p.suffix == ".wav"]
            seconds = sum((p.stat().st_size - 44) / 2 / 22050 for p in wavs)
            files = len(wavs)
    return times, seconds, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guide", type=Path, default=DEFAULT_GUIDE)
    parser.add_argument("--runs", type=int, default=3, help="runs of the whole-guide render and of start-up")
    args = parser.parse_args()
    guide = load_guide(args.guide)
    steps = list(guide.steps)

    starts = bench_start(args.runs * 2)
    sentences = bench_sentences(steps)
    cold, interrupting, warm, stops = bench_first_audio(steps)
    renders, audio_seconds, files = bench_render(guide, args.runs)

    print(f"Guide: {guide.title} ({len(steps)} steps, {files} files rendered)")
    print("| what | median ms (min, p90, max, runs) |")
    print("|---|---|")
    print(f"| open_speaker (worker start, voice choice) | {summary(starts)} |")
    print(f"| render one sentence (uncached) | {summary(sentences)} |")
    print(f"| say() → first audio of a step, not pre-rendered | {summary(cold)} |")
    print(f"| same, interrupting a narration still rendering | {summary(interrupting)} |")
    print(f"| say() → first audio of a step, pre-rendered by prepare() | {summary(warm)} |")
    print(f"| stop() → output silenced (stream aborted) | {summary(stops)} |")
    print(f"| whole-guide render (render_guide) | {summary(renders)} |")
    median_render = statistics.median(renders)
    print(f"\nAudio rendered: {audio_seconds:.0f} s in {median_render:.2f} s "
          f"= {audio_seconds / median_render:.0f} audio seconds per render second")


if __name__ == "__main__":
    main()
