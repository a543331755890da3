"""Seals a new batch of the corpus, runs it once, compares the matcher before and after, and unseals it.

The discipline of issue 11 (docs/understanding.md): a batch written by a new helper is appended
(scripts/corpus_append.py) and sealed in one commit; its halves are run once, on a worktree of that commit with
the seal lifted there only; the misses are then taught by rules of their kind, the whole corpus compared from
the seal to the fix, and the batch unsealed with its figures at the run. What is sealed and what each run gave
are kept in tests/corpus/runs.yaml, which this script writes.

    python scripts/corpus_runs.py seal 136            # after corpus_append: sealed, the matcher noted
    python scripts/corpus_runs.py report 136          # on the seal's worktree: the single run, both halves
    python scripts/corpus_runs.py outcomes before.json     # what the matcher does with every phrasing
    python scripts/corpus_runs.py compare before.json after.json   # gained and lost between two
    python scripts/corpus_runs.py unseal 136 --evaluation 73/92 --tuning 64/83
    python scripts/corpus_runs.py floors              # tuning halves now under their floor
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.understanding_corpus import (  # noqa: E402
    EVALUATION,
    OFF_KINDS,
    RUNS,
    TUNING,
    UNDERSTOOD_KINDS,
    Outcome,
    Report,
    Runner,
    Runs,
    load_corpus,
    run_half,
)
from voiceguide.dialog.intent import Intent  # noqa: E402


def floor2(share: float) -> float:
    """A share kept as a floor: rounded down to two places, as every figure of runs.yaml."""
    return math.floor(share * 100 + 1e-9) / 100


def counts(share_of: Report) -> str:
    meant = share_of.of_kinds(UNDERSTOOD_KINDS)
    return f"{sum(o.understood for o in meant)}/{len(meant)}"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def _batches() -> set[str]:
    return {e.batch for e in load_corpus()}


def seal(runs: Runs, batch: str) -> str:
    if batch not in _batches():
        raise SystemExit(f"le lot {batch} n'est pas dans le corpus : ajoutez-le d'abord (scripts/corpus_append.py)")
    if batch in runs.measured or batch in runs.sealed:
        raise SystemExit(f"le lot {batch} est déjà scellé ou déjà passé")
    runs.sealed.append(batch)
    runs.runs[batch] = {"matcher": _git("rev-parse", "--short", "HEAD")}
    return f"lot {batch} scellé ; il sera passé avec le matcher de {runs.runs[batch]['matcher']}"


def unseal(runs: Runs, batch: str, evaluation: str, tuning: str) -> str:
    if batch not in runs.sealed:
        raise SystemExit(f"le lot {batch} n'est pas scellé")
    for name, value in (("--evaluation", evaluation), ("--tuning", tuning)):
        parts = value.split("/")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or int(parts[1]) == 0:
            raise SystemExit(f"{name} attend « compris/total », par exemple 73/92 (reçu : {value!r})")
    understood, meant = (int(n) for n in evaluation.split("/"))
    runs.sealed.remove(batch)
    runs.measured[batch] = floor2(understood / meant)
    runs.held_out = batch
    sealed_in = _git("log", "-1", "--format=%h", "-S", f'sealed: ["{batch}"]', "--", str(RUNS.relative_to(ROOT)))
    record = {**runs.runs.get(batch, {}), "evaluation": evaluation, "tuning": tuning}
    if sealed_in:
        record["sealed_in"] = sealed_in
    runs.runs[batch] = {k: record[k] for k in ("evaluation", "tuning", "matcher", "sealed_in") if k in record}
    return (f"lot {batch} descellé : mesuré {runs.measured[batch]:.2f} à son passage ; reconstruisez les plus proches "
            f"(scripts/build_examples.py), puis fixez son plancher : corpus_runs.py floors --set {batch}")


class _WithoutClassifier:
    """The second opinion with its nearest phrasings only: what the classifier adds is measured apart."""

    def __init__(self, meanings: Any) -> None:
        self._meanings = meanings

    def __getattr__(self, name: str) -> Any:
        return getattr(self._meanings, name)

    def likelihoods(self, text: str, allowed: frozenset[str]) -> dict[str, float]:
        return {}


def report(batch: str) -> str:
    """Both halves of ``batch``, seal lifted: understood by the rules alone, with the nearest phrasings, with the
    classifier too; after a « oui »; what was acted on for someone else; the resumes missed; every miss."""
    runner = Runner()
    full = runner.matcher.meanings
    out = []
    for half in (EVALUATION, TUNING):
        stages = []
        for meanings in (None, _WithoutClassifier(full), full):
            runner.matcher.meanings = meanings
            stages.append(run_half(half, runner, batch, unseal=True))
        r = stages[-1]
        meant = r.of_kinds(UNDERSTOOD_KINDS)
        asked = sum(o.asked for o in meant)
        understood = sum(o.understood for o in meant)
        out.append(f"## lot {batch}, moitié {half} : {counts(r)} ({100 * r.understood_share():.1f} %), "
                   f"après un « oui » {100 * (understood + asked) / len(meant):.1f} %")
        out.append("règles seules → plus proches → classifieur : "
                   + " → ".join(f"{100 * s.understood_share():.1f}" for s in stages))
        off = [o for o in r.of_kinds(OFF_KINDS) if isinstance(o.result, Intent)]
        out.append(f"pour quelqu'un d'autre, agi : {len(off)} ; déplacé : {len(r.off_topic_moves())}")
        out += [f"  {'DÉPLACÉ' if o.moved else 'agi'} {o.entry.context} « {o.entry.phrase} » : {o.got}" for o in off]
        out += [f"  REPRISE MANQUÉE {o.entry.context} « {o.entry.phrase} » : {o.got}" for o in r.resumes_missed()]
        out += [f"  raté {o.entry.context} « {o.entry.phrase} » : {o.entry.expected} -> {o.got}"
                for o in meant if not o.understood]
        out.append("")
    runner.matcher.meanings = full
    return "\n".join(out)


def outcomes() -> dict[str, str]:
    """What the matcher makes of every phrasing of the corpus, sealed batches too, keyed by context and phrase."""
    runner = Runner()
    got: dict[str, str] = {}
    for half in (TUNING, EVALUATION):
        for o in run_half(half, runner, unseal=True).outcomes:
            got[f"{o.entry.context}\t{o.entry.phrase}"] = _verdict(o)
    return got


def _verdict(o: Outcome) -> str:
    right = o.understood if o.entry.kind in UNDERSTOOD_KINDS else not o.moved
    return f"{'+' if right else '-'} {o.entry.batch} {o.entry.kind} {o.entry.expected} -> {o.got}"


def compare(before: dict[str, str], after: dict[str, str]) -> str:
    gained, lost = [], []
    for key, now in after.items():
        then = before.get(key)
        if then is None or then[0] == now[0]:
            continue
        context, phrase = key.split("\t")
        (gained if now[0] == "+" else lost).append(f"  {context} « {phrase} » : {then[2:]}  ⇒  {now[2:]}")
    return "\n".join([f"gagnées : {len(gained)}", *gained, f"perdues : {len(lost)}", *lost])


def floors(runs: Runs, new: str | None = None) -> str:
    """The tuning halves now under their floor; with ``new``, that batch's floor set to its share today."""
    runner = Runner()
    report_all = run_half(TUNING, runner)
    lines = []
    if new is not None:
        if new in runs.sealed or new not in runs.measured:
            raise SystemExit(f"le lot {new} n'a pas encore été passé et descellé")
        runs.tuned_floor[new] = floor2(report_all.of_batches(new).understood_share())
        lines.append(f"lot {new} : plancher {runs.tuned_floor[new]:.2f}")
    for batch, floor in sorted(runs.tuned_floor.items(), key=lambda item: int(item[0])):
        share = report_all.of_batches(batch).understood_share()
        if share < floor:
            lines.append(f"lot {batch} : {100 * share:.1f} % sous son plancher {floor:.2f}")
    return "\n".join(lines) or "aucune moitié de réglage sous son plancher"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("seal", help="sceller un lot ajouté").add_argument("batch")
    sub.add_parser("report", help="passer une fois les deux moitiés d'un lot scellé").add_argument("batch")
    un = sub.add_parser("unseal", help="desceller un lot passé, avec ses chiffres à son passage")
    un.add_argument("batch")
    un.add_argument("--evaluation", required=True, help="compris/total de la moitié d'évaluation à son passage")
    un.add_argument("--tuning", required=True, help="compris/total de la moitié de réglage à son passage")
    sub.add_parser("outcomes", help="ce que le matcher fait de chaque phrase").add_argument("out", type=Path)
    cmp = sub.add_parser("compare", help="phrases gagnées et perdues entre deux relevés")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    fl = sub.add_parser("floors", help="les moitiés de réglage sous leur plancher")
    fl.add_argument("--set", dest="new", metavar="LOT", help="fixer le plancher d'un lot descellé à sa part d'aujourd'hui")
    args = parser.parse_args(argv)
    runs = Runs.load()
    if args.command in ("seal", "unseal"):
        said = seal(runs, args.batch) if args.command == "seal" else unseal(
            runs, args.batch, args.evaluation, args.tuning)
        RUNS.write_text(runs.dump(), encoding="utf-8")
        print(said)
    elif args.command == "report":
        print(report(args.batch))
    elif args.command == "outcomes":
        args.out.write_text(json.dumps(outcomes(), ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"écrit : {args.out}")
    elif args.command == "compare":
        try:
            before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
        except (OSError, ValueError) as err:
            print(f"relevé illisible : {err}", file=sys.stderr)
            return 1
        print(compare(before, after))
    else:
        print(floors(runs, args.new))
        if args.new:
            RUNS.write_text(runs.dump(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
