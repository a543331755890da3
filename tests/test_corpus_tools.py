"""The tools that bring a helper's batch into the corpus (scripts/corpus_brief.py, scripts/corpus_append.py) and run it
once (scripts/corpus_runs.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import corpus_append
import corpus_brief
import corpus_runs

from tests.understanding_corpus import RUNS, Runs


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


def test_the_runs_file_is_written_as_it_is_read() -> None:
    """runs.yaml is only ever written by Runs.dump: what is on disk is what dump gives for what load read."""
    assert Runs.load().dump() == RUNS.read_text(encoding="utf-8")



def test_a_batch_is_sealed_then_unsealed_with_its_figures_at_the_run() -> None:
    runs = Runs("134", [], {"134": 0.91}, {"134": 0.93}, {})
    assert "sera passé avec le matcher de" in corpus_runs.seal(runs, "135")
    assert runs.sealed == ["135"] and set(runs.runs["135"]) == {"matcher"}
    said = corpus_runs.unseal(runs, "135", "73/92", "64/83")
    assert "mesuré 0.79" in said and "floors --set 135" in said
    assert (runs.held_out, runs.sealed, runs.measured["135"]) == ("135", [], 0.79)
    assert runs.runs["135"]["evaluation"] == "73/92" and runs.runs["135"]["tuning"] == "64/83"


@pytest.mark.parametrize("batch, evaluation, message", [
    ("999", "1/2", "le lot 999 n'est pas dans le corpus"),
    ("134", "1/2", "le lot 134 est déjà scellé ou déjà passé"),
])
def test_sealing_what_cannot_be_sealed_is_refused_in_french(batch: str, evaluation: str, message: str) -> None:
    runs = Runs("134", [], {"134": 0.91}, {"134": 0.93}, {})
    with pytest.raises(SystemExit, match=message):
        corpus_runs.seal(runs, batch)


@pytest.mark.parametrize("evaluation", ["73", "73/0", "soixante/92"])
def test_unsealing_with_figures_that_are_not_counts_is_refused_in_french(evaluation: str) -> None:
    runs = Runs("134", ["135"], {"134": 0.91}, {"134": 0.93}, {})
    with pytest.raises(SystemExit, match="--evaluation attend « compris/total »"):
        corpus_runs.unseal(runs, "135", evaluation, "64/83")
    assert runs.sealed == ["135"]   # nothing changed


def test_shares_kept_as_floors_are_rounded_down() -> None:
    assert [corpus_runs.floor2(n / d) for n, d in ((73, 92), (58, 64), (19, 20), (7, 7))] == [0.79, 0.90, 0.95, 1.0]


def test_compare_tells_what_was_gained_and_lost() -> None:
    before = {"step:a\tsuivant": "- 1 commande next -> none", "step:a\tfaut fermer": "+ 1 hors-sujet none -> none"}
    after = {"step:a\tsuivant": "+ 1 commande next -> next", "step:a\tfaut fermer": "- 1 hors-sujet none -> quit"}
    said = corpus_runs.compare(before, after).splitlines()
    assert said[0] == "gagnées : 1" and "« suivant »" in said[1]
    assert said[2] == "perdues : 1" and "none -> quit" in said[3]
