"""The bundled command vocabulary, its loader's checks, and text folding."""

from __future__ import annotations

from pathlib import Path

import pytest

from voiceguide.errors import EXIT_USAGE, UserError
from voiceguide.language.text import drop_fillers, fold, spoken_form
from voiceguide.language.vocabulary import (
    BUNDLED_VOCABULARY,
    COMMAND_NAMES,
    CommandSpec,
    Vocabulary,
    load_vocabulary,
    normalize,
)

# The key map agreed with the dialog (it is read out by "aide").
AGREED_KEYS = {
    "next": ("enter", "space", "right"), "previous": ("p", "left"), "repeat": ("r",), "help": ("h", "?"),
    "menu": ("m",), "where": ("e",), "pause": ("s",), "resume": (), "slower": ("l",),
    "faster": ("v",), "louder": ("f",), "softer": ("d",), "normal": ("=",), "details": ("i",),
    "restart": ("c",), "quit": ("q", "escape"), "yes": ("o",), "no": ("n",),
}
AGREED_LABELS = {
    "next": "suivant", "previous": "précédent", "repeat": "répéter", "help": "aide",
    "menu": "sommaire", "where": "où suis-je", "pause": "pause", "resume": "reprendre",
    "slower": "plus lentement", "faster": "plus vite", "louder": "plus fort",
    "softer": "moins fort", "normal": "parle normalement", "details": "plus de détails",
    "restart": "recommencer", "quit": "quitter", "yes": "oui", "no": "non",
}


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


# -- the bundled file --------------------------------------------------------

def test_bundled_vocabulary_has_every_command_once(vocabulary: Vocabulary) -> None:
    assert [c.name for c in vocabulary.commands] == list(COMMAND_NAMES)


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_command_has_label_first_keys_and_help(vocabulary: Vocabulary, name: str) -> None:
    spec = vocabulary.command(name)
    assert spec.label == AGREED_LABELS[name]
    assert spec.phrases[0] == spec.label
    assert len(spec.phrases) >= 5, "each command needs synonyms: small models miss single words"
    assert spec.keys == AGREED_KEYS[name]
    assert spec.keys or spec.any_key
    assert spec.help and spec.help == spec.help.strip()


def test_only_resume_is_triggered_by_any_key(vocabulary: Vocabulary) -> None:
    assert [c.name for c in vocabulary.commands if c.any_key] == ["resume"]


def test_unknown_command_name_raises_key_error(vocabulary: Vocabulary) -> None:
    with pytest.raises(KeyError):
        vocabulary.command("suivant")


def test_no_phrase_is_claimed_by_two_commands(vocabulary: Vocabulary) -> None:
    owner: dict[str, str] = {}
    for spec in vocabulary.commands:
        for phrase in spec.phrases:
            key = normalize(phrase)
            assert owner.setdefault(key, spec.name) == spec.name, phrase


def test_bundled_phrases_hold_no_digits_and_survive_filler_removal(vocabulary: Vocabulary) -> None:
    for spec in vocabulary.commands:
        for phrase in spec.phrases:
            assert not any(c.isdigit() for c in phrase), phrase
            assert normalize(phrase), phrase


def test_no_key_is_shared(vocabulary: Vocabulary) -> None:
    keys = [k for c in vocabulary.commands for k in c.keys]
    assert len(keys) == len(set(keys))
    assert not any(k.isdigit() for k in keys), "digits select choices"


def test_agreed_synonyms_are_present(vocabulary: Vocabulary) -> None:
    said = {c.name: {normalize(p) for p in c.phrases} for c in vocabulary.commands}
    for name, phrase in [("menu", "menu"), ("resume", "reprendre"), ("yes", "oui c'est ça"),
                         ("yes", "d'accord"), ("yes", "exactement"), ("no", "pas du tout"),
                         ("no", "non merci"), ("next", "continuer"), ("next", "étape suivante")]:
        assert normalize(phrase) in said[name], (name, phrase)


def test_agreed_fillers_are_present(vocabulary: Vocabulary) -> None:
    for filler in ("euh", "hum", "alors", "bon", "ben", "s'il vous plaît", "s'il te plaît",
                   "merci", "voilà", "donc"):
        assert filler in vocabulary.fillers


# -- folding and normalize -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Suivant", "suivant"),
    ("RÉPÉTER", "repeter"),
    ("précédent", "precedent"),
    ("Où suis-je ?", "ou suis je"),
    ("j’ai oublié mon code", "j'ai oublie mon code"),
    ("j‘ai oublié mon code", "j'ai oublie mon code"),
    ("j`ai oublié mon code", "j'ai oublie mon code"),
    ("Euh… suivant, s'il vous plaît !", "suivant"),
    ("  plus   de\tdétails  ", "plus de details"),
    ("non merci", "non"),
    ("merci", ""),
    ("bon alors donc", ""),
    ("e-mail", "e mail"),
    ("« répète »", "repete"),
    ("'suivant'", "suivant"),
    ("tais-toi", "tais toi"),
    ("eh bien suivant", "suivant"),
    ("bien sûr", "bien sur"),         # "bien" alone is no filler, only "eh bien"
    ("Ça", "ca"),
    ("ÇA VA", "ca va"),
])
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_spoken_form_keeps_accents_and_apostrophes() -> None:
    assert spoken_form("Où suis-je ?") == "où suis je"
    assert spoken_form("J’ai oublié mon code.") == "j'ai oublié mon code"


def test_fold_is_spoken_form_without_accents() -> None:
    assert fold("Étape précédente") == "etape precedente"


def test_drop_fillers_removes_whole_sequences_only() -> None:
    fillers = ("s'il vous plaît", "euh")
    assert drop_fillers("s'il vous plait suivant", fillers) == "suivant"
    assert drop_fillers("s'il suivant vous plait", fillers) == "s'il suivant vous plait"
    assert drop_fillers("euhh suivant", fillers) == "euhh suivant"


def test_normalize_accepts_explicit_fillers() -> None:
    assert normalize("euh suivant", fillers=()) == "euh suivant"
    assert normalize("truc suivant", fillers=("truc",)) == "suivant"


# -- loading errors, with temporary files --------------------------------------

MINIMAL_COMMAND = """\
  {quoted}:
    label: {label}
    keys: [{key}]
    help: aide pour {name}
    phrases: [{label} deux]
"""


def minimal_yaml(**overrides: str) -> str:
    """A valid vocabulary text where a command's block can be replaced."""
    keys = "abcdfgjkmpqrstuvwxyz"
    blocks = []
    for i, name in enumerate(COMMAND_NAMES):
        block = MINIMAL_COMMAND.format(quoted=f'"{name}"', name=name, label=f"mot{chr(97 + i)}", key=keys[i])
        blocks.append(overrides.get(name, block))
    return "fillers: [euh]\ncommands:\n" + "".join(blocks)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vocabulaire.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> UserError:
    with pytest.raises(UserError) as info:
        load_vocabulary(write(tmp_path, text))
    assert info.value.code == EXIT_USAGE
    assert "Traceback" not in info.value.message
    return info.value


def test_minimal_vocabulary_loads(tmp_path: Path) -> None:
    vocabulary = load_vocabulary(write(tmp_path, minimal_yaml()))
    assert vocabulary.command("next") == CommandSpec(
        name="next", label="mota", phrases=("mota", "mota deux"), keys=("a",), help="aide pour next")
    assert vocabulary.fillers == ("euh",)


def test_yes_no_and_equals_need_no_quotes(tmp_path: Path) -> None:
    text = minimal_yaml().replace('"yes"', "yes").replace('"no"', "no").replace("[a]", "[=]")
    vocabulary = load_vocabulary(write(tmp_path, text))
    assert vocabulary.command("yes").name == "yes"
    assert vocabulary.command("next").keys == ("=",)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, "fillers: [euh\ncommands:\n  next: {label: suivant\n")
    assert "vocabulaire.yaml:" in error.message
    assert "n'est pas du YAML valide" in error.message


def test_phrase_claimed_by_two_commands_is_refused(tmp_path: Path) -> None:
    block = '  "previous":\n    label: motb\n    keys: [b]\n    help: retour\n    phrases: [Mota]\n'
    error = load_error(tmp_path, minimal_yaml(previous=block))
    assert "« Mota » est déjà une expression de la commande « next »" in error.message
    # The line of the duplicate phrase, so that the carer finds it.
    line = minimal_yaml(previous=block).splitlines().index("    phrases: [Mota]") + 1
    assert f"vocabulaire.yaml:{line}:" in error.message


def test_phrases_equal_after_folding_collide(tmp_path: Path) -> None:
    block = '  "previous":\n    label: motb\n    keys: [b]\n    help: retour\n    phrases: ["euh, MOTÀ !"]\n'
    error = load_error(tmp_path, minimal_yaml(previous=block))
    assert "déjà une expression de la commande « next »" in error.message


@pytest.mark.parametrize("block, message", [
    ('  "next":\n    keys: [a]\n    help: x\n    phrases: [suivant]\n', "n'a pas de « label: »"),
    ('  "next":\n    label: mota\n    keys: [a]\n    phrases: [suivant]\n', "n'a pas de texte d'aide"),
    ('  "next":\n    label: mota\n    help: x\n', "n'a pas de touche"),
    ('  "next":\n    label: mota\n    keys: [b]\n    help: x\n', "la touche « b » sert déjà à « next »"),
    ('  "next":\n    label: mota\n    keys: ["1"]\n    help: x\n', "les chiffres sont réservés aux choix"),
    ('  "next":\n    label: mota\n    keys: [entrée]\n    help: x\n', "une touche est un seul caractère"),
    ('  "next":\n    label: mota\n    keys: [a]\n    help: x\n    phrases: [étape 2]\n', "contient un chiffre"),
    ('  "next":\n    label: mota\n    keys: [a]\n    help: x\n    phrases: [euh]\n', "ne contient que des mots ignorés"),
    ('  "next":\n    label: mota\n    keys: [a]\n    help: x\n    phrases: {a: b}\n', "doit être une liste"),
    ('  "next": suivant\n', "doit avoir « label: »"),
    ('  "suivre":\n    label: x\n    keys: [a]\n    help: x\n', "commande inconnue « suivre »"),
    ("", "la commande « next » manque"),
])
def test_broken_command_is_refused_in_french(tmp_path: Path, block: str, message: str) -> None:
    error = load_error(tmp_path, minimal_yaml(next=block))  # "previous" has key b
    assert message in error.message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = minimal_yaml(next='  "next":\n    keys: [a]\n', quit="")
    lines = load_error(tmp_path, text).message.splitlines()
    assert len(lines) == 3  # no label, no help, quit missing
    assert all(line.startswith(str(tmp_path / "vocabulaire.yaml")) for line in lines)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    error = load_error(tmp_path, "- suivant\n- précédent\n")
    assert "doit contenir « fillers: » et « commands: »" in error.message


def test_missing_commands_section(tmp_path: Path) -> None:
    error = load_error(tmp_path, "fillers: [euh]\n")
    assert "la section « commands: » manque" in error.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        load_vocabulary(tmp_path / "absent.yaml")
    assert "fichier de vocabulaire introuvable" in info.value.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "vocabulaire.yaml"
    path.write_bytes("fillers: [répéter]\n".encode("latin-1"))
    with pytest.raises(UserError) as info:
        load_vocabulary(path)
    assert "UTF-8" in info.value.message


def test_default_path_is_the_bundled_file() -> None:
    assert BUNDLED_VOCABULARY.name == "vocabulary.yaml"
    assert load_vocabulary() == load_vocabulary(BUNDLED_VOCABULARY)
