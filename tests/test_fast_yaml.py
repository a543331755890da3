"""Guides and the vocabulary are read with libyaml when PyYAML has it, and say exactly what PyYAML alone says.

The fast path is libyaml's events under PyYAML's composer (language/fast_yaml.py). Every verdict must be
the pure-Python parser's: the same guide, the same problems at the same lines, on every fixture, on the
texts where the two parsers are known to disagree, and on damaged copies of the Ameli guide.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from voiceguide.errors import UserError
from voiceguide.guide import DEFAULT_GUIDE, check_guide, reading
from voiceguide.language import fast_yaml, vocabulary

pytestmark = pytest.mark.skipif(not fast_yaml.HAS_LIBYAML, reason="PyYAML sans libyaml : un seul chemin de lecture")

FIXTURES = Path(__file__).parent / "fixtures" / "guides"
GUIDES = [DEFAULT_GUIDE, *sorted(FIXTURES.glob("*.yaml")), Path(__file__).parent.parent / "docs" / "modele-de-guide.yaml"]


def pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_yaml, "HAS_LIBYAML", False)


def verdicts(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    """check_guide's answer with libyaml, then with PyYAML alone."""
    fast = check_guide(path)
    with monkeypatch.context() as m:
        pure_python(m)
        slow = check_guide(path)
    return fast, slow


def test_the_bundled_guide_is_read_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pure_python(text: str) -> None:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(reading, "_compose_slowly", no_pure_python)
    guide, problems = check_guide(DEFAULT_GUIDE)
    assert guide is not None and not problems


def test_the_bundled_vocabulary_is_read_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocabulary, "_LineLoader", None)   # the pure-Python loader would fail at once
    assert vocabulary._read_vocabulary(vocabulary.BUNDLED_VOCABULARY).commands


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_every_fixture_gives_the_same_guide_or_problems_either_way(path: Path, monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    fast, slow = verdicts(path, monkeypatch)
    assert fast == slow


def test_a_phrase_on_several_lines_is_placed_on_its_own_line_either_way(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # guide/positions.py reads the document through the marks: libyaml's get it too.
    text = DEFAULT_GUIDE.read_text(encoding="utf-8").replace(
        "    say: >-\n", "    say: >-\n      Le bouton est en haut\n      à droite.\n", 1)
    path = tmp_path / "positions.yaml"
    path.write_text(text, encoding="utf-8")
    fast, slow = verdicts(path, monkeypatch)
    assert fast == slow and any("en haut" in p.message for p in fast[1])


# Texts libyaml reads where PyYAML refuses them (or reads them otherwise): the verdict is PyYAML's.
DISAGREEMENTS = [
    ("        phrases: [par e-mail, courriel]\n", "        phrases: [par e-mail, c'est où?]\n"),
    ("        phrases: [par e-mail, courriel]\n", "        phrases: [par e-mail, cour?riel]\n"),
    ("        phrases: [par courrier, la poste]\n", "        phrases: [par courrier, la:poste]\n"),
    ("    say: Bonjour.\n", "    say: >-#\n      Bonjour.\n"),
    ("    say: Bonjour.\n", "    say: |#\n      Bonjour.\n"),
    ("    say: Bonjour.\n", "\tsay: Bonjour.\n"),
    ("    say: Bonjour.\n", "    say: Bon\ufeffjour.\n"),
    ("    say: Bonjour.\n", "    say: Bonjour.\t# tab\n"),
]


@pytest.mark.parametrize(("old", "new"), DISAGREEMENTS)
def test_where_the_parsers_disagree_pyyaml_decides(old: str, new: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from test_guide_validation import BASE

    assert old in BASE
    path = tmp_path / "guide.yaml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    fast, slow = verdicts(path, monkeypatch)
    assert fast == slow


def test_damaged_copies_of_the_ameli_guide_get_the_same_verdict_either_way(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    lines = DEFAULT_GUIDE.read_text(encoding="utf-8").splitlines(keepends=True)
    pieces = ["?", ":", " ?", ": ", "? ", "- ", "#", " #", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a ", "!t ",
              "|", ">", "\\", "\n  k: v", "\n- x", "%", "@", "`"]
    rng = random.Random(13)
    path = tmp_path / "damaged.yaml"
    for _ in range(25):
        copy = list(lines)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(copy))
            at = rng.randrange(len(copy[i]))
            copy[i] = copy[i][:at] + rng.choice(pieces) + copy[i][at:]
        path.write_text("".join(copy), encoding="utf-8")
        fast, slow = verdicts(path, monkeypatch)
        assert fast == slow, "".join(copy)


@pytest.mark.parametrize("damage", ["  - [un, deux?]\n", "next: [suivant\n", "next:\n\t- suivant\n"])
def test_a_damaged_vocabulary_gets_the_same_message_either_way(damage: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text(vocabulary.BUNDLED_VOCABULARY.read_text(encoding="utf-8") + damage, encoding="utf-8")

    def read() -> str:
        try:
            return repr(vocabulary._read_vocabulary(path))
        except UserError as exc:
            return exc.message

    fast = read()
    with monkeypatch.context() as m:
        pure_python(m)
        assert fast == read()
