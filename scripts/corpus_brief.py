"""Writes the brief a new helper reads before writing a batch of phrasings, and the summary of the guide beside it.

The helpers who write the corpus (tests/corpus/phrasings.yaml) read only these two files: the summary is made
here from the guide and the vocabulary alone (each command's name and effect, each step, its choices and topics),
never from the corpus, so that no phrasing of the corpus leads them. Kept in the repository since stop 47: the
machine that held the earlier ones was replaced twice (docs/understanding.md, items 45 and 152).

    python scripts/corpus_brief.py 127 /work/briefs      # brief127.md and guide-summary.md
    python scripts/corpus_brief.py --check /work/briefs/batch127.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.fast_yaml import load_texts
from voiceguide.language.vocabulary import load_vocabulary

BRIEF = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "brief.md"
KINDS = ("commande", "réponse", "branche", "numéro", "reprise", "hors-sujet", "autre-personne")


def summary() -> str:
    """The guide as a person writing phrasings needs it: what can be said, where, and where it leads."""
    guide = load_guide(DEFAULT_GUIDE)
    vocabulary = load_vocabulary()
    out = [f"# Le guide « {guide.title} » : résumé pour écrire des phrases", "",
           "## Les commandes (nom anglais à mettre dans « expected », nom dit par l'aide, effet)", ""]
    out += [f"- `{c.name}` — « {c.label} » : {c.help}" for c in vocabulary.commands]
    out += ["", "Réponses à une question oui/non (contexte `oui-non`, « Voulez-vous vraiment quitter ? ») : "
            "`yes`, `no`.", "", "## Les parties du sommaire (contexte `menu` : le sommaire est en train d'être lu)", ""]
    out += [f"- `goto:{s.id}` — {s.topics[0]}" for s in guide.parts()]
    out += ["", "## Les étapes, dans l'ordre (contexte `step:<id>` ou `pause:<id>`)", ""]
    for number, s in enumerate(guide.steps, 1):
        sentences = s.say.split(". ")
        first = sentences[0] if len(sentences[0].split()) > 3 else ". ".join(sentences[:2])
        out.append(f"{number}. `{s.id}` — **{s.title}** ({s.kind}) : « {first.rstrip('.')}. »")
        if s.next:
            out.append(f"   - « suivant » mène à `{s.next}`")
        out += [f"   - choix {i} « {c.label} » → `goto:{c.target}`" for i, c in enumerate(s.choices, 1)]
        if s.if_yes or s.if_no:
            out.append(f"   - « oui » → `goto:{s.if_yes}`, « non » → `goto:{s.if_no}`")
        if s.topics:
            out.append(f"   - sujets (on peut y aller de n'importe où) : {', '.join(s.topics)}")
    return "\n".join(out) + "\n"


def check(path: Path) -> list[str]:
    """What is wrong in a helper's file, in French, so that the helper can mend it alone."""
    guide = load_guide(DEFAULT_GUIDE)
    steps = {s.id for s in guide.steps}
    names = {c.name for c in load_vocabulary().commands} | {"yes", "no", "none"}
    try:
        groups = load_texts(path.read_text(encoding="utf-8"))
    except Exception as error:   # noqa: BLE001 - any unreadable file is reported the same way
        return [f"fichier illisible : {error}"]
    if not isinstance(groups, list):
        return ["le fichier doit être une liste de groupes (- context: …)"]
    problems = []
    for n, g in enumerate(groups, 1):
        if not isinstance(g, dict) or set(g) != {"context", "expected", "kind", "phrases"}:
            problems.append(f"groupe {n} : il faut exactement context, expected, kind, phrases")
            continue
        kind, _, step = str(g["context"]).partition(":")
        if not ((kind in ("step", "pause") and step in steps) or (kind in ("menu", "oui-non") and not step)):
            problems.append(f"groupe {n} : contexte inconnu {g['context']!r}")
        expected = str(g["expected"])
        if not (expected in names or (expected.startswith("goto:") and expected[5:] in steps)):
            problems.append(f"groupe {n} : expected inconnu {expected!r}")
        if g["kind"] not in KINDS:
            problems.append(f"groupe {n} : kind inconnu {g['kind']!r} (permis : {', '.join(KINDS)})")
        if not isinstance(g["phrases"], list) or not all(isinstance(p, str) and p.strip() for p in g["phrases"]):
            problems.append(f"groupe {n} : phrases doit être une liste de phrases non vides")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", nargs="?", help="the batch's number, for the brief")
    parser.add_argument("folder", nargs="?", type=Path, help="where to write the brief and the summary")
    parser.add_argument("--check", type=Path, help="check a helper's file instead")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.check)
        groups = [] if problems else load_texts(args.check.read_text(encoding="utf-8"))
        for p in problems:
            print(p)
        counts = {k: sum(len(g["phrases"]) for g in groups if g["kind"] == k) for k in KINDS}
        print("problèmes : aucun" if not problems else f"problèmes : {len(problems)}")
        print(", ".join(f"{k} {n}" for k, n in counts.items()), f"; en tout {sum(counts.values())}")
        return 1 if problems else 0
    if not (args.batch and args.folder):
        parser.error("il faut le numéro du lot et le dossier, ou --check FICHIER")
    args.folder.mkdir(parents=True, exist_ok=True)
    brief = BRIEF.read_text(encoding="utf-8").replace("{N}", args.batch).replace("{FOLDER}", str(args.folder))
    (args.folder / f"brief{args.batch}.md").write_text(brief, encoding="utf-8")
    (args.folder / "guide-summary.md").write_text(summary(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
