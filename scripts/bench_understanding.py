#!/usr/bin/env python3
"""Measures the matcher: the phrasings corpus (understood, asked, false accepts) and its speed.

The corpus is tests/corpus/phrasings.yaml, split in a tuning half and an
evaluation half by a hash (tests/understanding_corpus.py); the real matcher
and dialog answer each phrase in its context. Speed: microseconds per typed
line over the whole corpus, first with nothing cached (a new matcher), then
as in a session (the words seen before are known), and the time to refuse a
line of 1 MB.

The corpus has batches, each written after the evaluation halves of
the ones before it had been run; each half of each batch is reported, but a
sealed batch (not run yet: both its halves) only with --unseal.

Usage: python scripts/bench_understanding.py [--half evaluation|tuning|both|none] [--unseal]
Prints Markdown, to paste into docs/understanding.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.understanding_corpus import (
    EVALUATION,
    OFF_KINDS,
    SEALED,
    TUNING,
    UNDERSTOOD_KINDS,
    Report,
    Runner,
    load_corpus,
    run_half,
)
from voiceguide.dialog.intent import Intent
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.dialog.second_opinion import meaning_index
from voiceguide.language.vocabulary import load_vocabulary


def pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.1f} %)" if total else "–"


def report(name: str, r: Report) -> None:
    meant = r.of_kinds(UNDERSTOOD_KINDS)
    understood = sum(o.understood for o in meant)
    asked = sum(o.asked for o in meant)
    print(f"### Moitié {name} ({len(r.outcomes)} phrases)\n")
    print(f"- commandes, réponses, branches et numéros compris (le guide agit juste) : {pct(understood, len(meant))}")
    print(f"- le guide demande « Voulez-vous dire … ? » avec le bon sens en premier : {pct(asked, len(meant))} "
          f"(compris après un « oui » : {pct(understood + asked, len(meant))})")
    off = r.of_kinds(OFF_KINDS)
    acted = [o for o in off if isinstance(o.result, Intent)]
    print(f"- phrases pour quelqu'un d'autre ou hors sujet : {len(off)} ; le guide agit sur "
          f"{len(acted)} ({', '.join(f'« {o.entry.phrase} » → {o.got}' for o in acted) or 'aucune'}) ; "
          f"le guide change d'étape ou s'arrête : {len(r.off_topic_moves())}")
    resumes = r.of_kinds(("reprise",))
    in_place = len(resumes) - len(r.resumes_missed())
    print(f"- « continue » et semblables pendant une pause : reprise sur place {pct(in_place, len(resumes))}")
    print("\n| attendu | phrases | compris | demandé | pris à tort pour cette commande |")
    print("|---|---|---|---|---|")
    wrong = r.false_accepts()
    for expected, outcomes in sorted(r.by_expected.items()):
        ok = sum(o.understood for o in outcomes)
        q = sum(o.asked for o in outcomes)
        print(f"| {expected} | {len(outcomes)} | {ok} | {q} | {wrong.get(expected, 0)} |")
    extra = {k: v for k, v in wrong.items() if k not in r.by_expected}
    if extra:
        print(f"\nPris à tort pour une commande absente du tableau : {dict(extra)}")
    misses = [o for o in r.outcomes if not o.understood]
    print(f"\nNon compris ou mal compris ({len(misses)}) :\n")
    for o in misses:
        print(f"- {o.entry.context} « {o.entry.phrase} » : attendu {o.entry.expected}, obtenu {o.got}")
    print()


def speed(runner: Runner) -> None:
    entries = load_corpus()
    options = {e.context: runner.dialog.options(runner.state(e.context)) for e in entries}
    cold = []
    for _ in range(3):
        matcher = IntentMatcher(load_vocabulary(), runner.guide)
        t = time.perf_counter()
        for e in entries:
            matcher.interpret(e.phrase, options[e.context])
        cold.append((time.perf_counter() - t) / len(entries))
    warm, lines = [], []
    for _ in range(3):
        matcher.analyzer.analyse.cache_clear()   # lines are analysed again; known words stay known
        t = time.perf_counter()
        for e in entries:
            matcher.interpret(e.phrase, options[e.context])
        warm.append((time.perf_counter() - t) / len(entries))
    matcher.analyzer.analyse.cache_clear()
    for e in entries:
        t = time.perf_counter()
        matcher.interpret(e.phrase, options[e.context])
        lines.append(time.perf_counter() - t)
    lines.sort()
    words = Counter(len(e.phrase.split()) for e in entries)
    huge = "suivant " * 131_072     # 1 MB
    t = time.perf_counter()
    matcher.interpret(huge, options["step:saisir-code"])
    refused = time.perf_counter() - t
    print("### Vitesse du matcher\n")
    print(f"- {len(entries)} lignes du corpus (1 à {max(words)} mots, médiane "
          f"{statistics.median(len(e.phrase.split()) for e in entries):.0f}), un cœur :")
    print(f"  - matcher neuf, rien en cache : {statistics.median(cold) * 1e6:.0f} µs par ligne (médiane de 3)")
    print(f"  - comme en session (mots déjà vus connus, lignes analysées à nouveau) : "
          f"{statistics.median(warm) * 1e6:.0f} µs par ligne en moyenne ; ligne par ligne : médiane "
          f"{statistics.median(lines) * 1e6:.0f} µs, 95 % sous {lines[int(0.95 * len(lines))] * 1e6:.0f} µs, "
          f"la plus lente {lines[-1] * 1e6:.0f} µs")
    print(f"- une ligne de 1 Mo : refusée en {refused * 1e3:.2f} ms")
    second_opinion(runner, entries, options, lines)


def second_opinion(runner: Runner, entries: list, options: dict, alone: list[float]) -> None:
    """The same lines with the nearest phrasings and the classifier asked where the rules cannot decide
    (language/meaning.py)."""
    vocabulary = load_vocabulary()
    t = time.perf_counter()
    index = meaning_index(vocabulary, runner.guide)
    if not index.available:
        print(f"- phrases les plus proches : indisponibles ({index.failure})")
        return
    loaded = time.perf_counter() - t
    matcher = IntentMatcher(vocabulary, runner.guide, meanings=index)
    asked, last = 0, ""
    encoded = index.encoded

    def counted(text: str) -> object:   # the neighbours and the classifier read one encoding of a line
        nonlocal asked, last
        asked += text != last
        last = text
        return encoded(text)

    index.encoded = counted   # type: ignore[method-assign]
    for e in entries:
        matcher.interpret(e.phrase, options[e.context])   # the words known, as in a session
    matcher.analyzer.analyse.cache_clear()
    asked, last, lines = 0, "", []
    for e in entries:
        t = time.perf_counter()
        matcher.interpret(e.phrase, options[e.context])
        lines.append(time.perf_counter() - t)
    lines.sort()
    mean, mean_alone = statistics.mean(lines), statistics.mean(alone)
    print(f"- avec le second avis des phrases les plus proches et du classifieur (encodeur USE multilingue, un cœur) : chargé en "
          f"{loaded:.2f} s (encodeur et {len(index)} phrases) ; consulté pour {asked} lignes sur "
          f"{len(entries)} ({100 * asked / len(entries):.0f} %) ; {mean * 1e6:.0f} µs par ligne en moyenne "
          f"({mean / mean_alone:.2f}× les règles seules) ; médiane {statistics.median(lines) * 1e6:.0f} µs, 95 % "
          f"sous {lines[int(0.95 * len(lines))] * 1e6:.0f} µs, la plus lente {lines[-1] * 1e3:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("evaluation", "tuning", "both", "none"), default="both",
                        help="the halves to report; none: the speed alone")
    parser.add_argument("--unseal", action="store_true",
                        help="run the sealed batches too (once, at the end of a round of tuning)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core, as the other benchmarks
    runner = Runner()
    halves = {"evaluation": [EVALUATION], "tuning": [TUNING], "both": [TUNING, EVALUATION], "none": []}[args.half]
    for batch in sorted({e.batch for e in load_corpus()}, key=int):
        for half in halves:
            name = {TUNING: "de réglage", EVALUATION: "d'évaluation"}[half]
            if batch in SEALED and not args.unseal:
                print(f"### Moitié {name}, lot {batch} : scellée (pas encore passée)\n")
                continue
            report(f"{name}, lot {batch}", run_half(half, runner, batch, unseal=args.unseal))
    speed(runner)
    return 0


if __name__ == "__main__":
    sys.exit(main())
