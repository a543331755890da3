"""Appends a helper's batch to the corpus, the phrasings it already holds dropped unread.

The helper's file (scripts/corpus_brief.py) is read as the corpus is read (language/fast_yaml.py): a plain
« yes » stays the word, where PyYAML would make it a boolean (batch 127 lost two answers that way). A phrasing
already in the corpus, in any context, is dropped, compared without case, accents or punctuation; the rest is
appended with its batch number, and the header's list of batches gets its line.

    python scripts/corpus_append.py /work/briefs/batch136.yaml 136      # prints « kept written »
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from voiceguide.language.fast_yaml import load_texts
from voiceguide.language.text import fold

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "phrasings.yaml"
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
_FIRSTS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
           "twelve": "twelfth"}


def key(phrase: str) -> str:
    """A phrasing compared without case, accents or punctuation: the matcher's own folding, apostrophes too."""
    return " ".join(fold(phrase).replace("'", " ").split())


def cardinal(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = "hundred" if hundreds == 1 else f"{_ONES[hundreds]} hundred"
    return head + (f" and {cardinal(rest)}" if rest else "")


def ordinal(n: int) -> str:
    """« hundred and twenty-sixth », as the corpus header spells the batches."""
    words = cardinal(n)
    last = re.search(r"[a-z]+$", words)
    assert last is not None
    word = last.group(0)
    new = _FIRSTS.get(word) or (word[:-1] + "ieth" if word.endswith("y") else word + "th")
    return words[:last.start()] + new


def append(source: Path, batch: str) -> tuple[int, int]:
    text = CORPUS.read_text(encoding="utf-8")
    groups = load_texts(text)
    if any(str(g.get("batch")) == batch for g in groups):
        raise SystemExit(f"le lot {batch} est déjà dans le corpus")
    seen = {key(str(p)) for g in groups for p in g["phrases"]}
    written, out = 0, []
    for g in load_texts(source.read_text(encoding="utf-8")):
        phrases = []
        for p in g["phrases"]:
            written += 1
            k = key(str(p))
            if k and k not in seen:
                seen.add(k)
                phrases.append(str(p).strip())
        if phrases:
            out.append({"context": str(g["context"]), "expected": str(g["expected"]), "kind": str(g["kind"]),
                        "batch": batch, "phrases": phrases})
    previous = int(batch) - 1
    line = f"#             {previous} after the {ordinal(previous - 1)}'s\n"
    if line not in text:
        raise SystemExit(f"la ligne du lot {previous} manque en tête du corpus")
    text = text.replace(line, line[:-1] + f",\n#             {batch} after the {ordinal(previous)}'s\n", 1)
    text += yaml.dump(out, allow_unicode=True, sort_keys=False, width=10000, default_flow_style=False)
    CORPUS.write_text(text, encoding="utf-8")
    kept = sum(len(g["phrases"]) for g in out)
    read_back = [str(p) for g in load_texts(text) if str(g.get("batch")) == batch for p in g["phrases"]]
    if read_back != [p for g in out for p in g["phrases"]]:
        raise SystemExit("le corpus relu ne donne pas les phrases écrites : rien n'est sûr, voir git diff")
    return kept, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the helper's batch file")
    parser.add_argument("batch", help="its batch number")
    args = parser.parse_args(argv)
    kept, written = append(args.source, args.batch)
    print(kept, written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
