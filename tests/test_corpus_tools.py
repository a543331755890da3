"""The tools that bring a helper's batch into the corpus (scripts/corpus_brief.py, scripts/corpus_append.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import corpus_append
import corpus_brief


def test_the_summary_names_every_step_and_command_but_no_phrasing_of_the_corpus() -> None:
    summary = corpus_brief.summary()
    assert "`avez-vous-un-code`" in summary and "choix 3 « j'ai oublié mon code » → `goto:oubli-lien`" in summary
    assert "`next` — « suivant »" in summary
    assert "Bon ben je laisse tomber, on ferme." not in summary   # a phrasing of batch 126


def test_check_tells_in_french_what_a_helpers_file_gets_wrong(tmp_path: Path) -> None:
    bad = tmp_path / "batch.yaml"
    bad.write_text("- context: step:nulle\n  expected: avance\n  kind: commande\n  phrases:\n  - \"x\"\n", encoding="utf-8")
    assert corpus_brief.check(bad) == ["groupe 1 : contexte inconnu 'step:nulle'", "groupe 1 : expected inconnu 'avance'"]
    good = tmp_path / "good.yaml"
    good.write_text("- context: oui-non\n  expected: yes\n  kind: réponse\n  phrases:\n  - \"Oui, on arrête.\"\n",
                    encoding="utf-8")
    assert corpus_brief.check(good) == []   # « yes » is the word, not YAML's boolean
    assert corpus_brief.main(["--check", str(bad)]) == 1


@pytest.mark.parametrize("n, spelt", [(1, "first"), (2, "second"), (21, "twenty-first"), (100, "hundredth"),
                                      (112, "hundred and twelfth"), (126, "hundred and twenty-sixth"),
                                      (130, "hundred and thirtieth")])
def test_batches_are_spelt_as_the_corpus_header_spells_them(n: int, spelt: str) -> None:
    assert corpus_append.ordinal(n) == spelt


def test_a_phrasing_is_the_same_without_case_accents_or_punctuation() -> None:
    assert corpus_append.key("Ça, c'est BON !") == corpus_append.key("ca c est bon")
    assert corpus_append.key("répète") != corpus_append.key("répété ça")
