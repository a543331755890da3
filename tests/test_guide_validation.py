"""Guide loading and validation: every problem as FILE:LINE: message, in French.

Most tests start from BASE, a small valid guide, change one line and mark the
line where the problem must be reported with "# ICI": the expected line number
is read from the marker, so each test shows its YAML next to its assertion.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voiceguide.errors import EXIT_USAGE, UserError
from voiceguide.guide import (
    ACTION,
    DEFAULT_GUIDE,
    MAX_GUIDE_BYTES,
    MAX_GUIDE_SIZE_TEXT,
    QUESTION,
    Choice,
    Guide,
    GuideError,
    Problem,
    Step,
    check_guide,
    load_guide,
)
from voiceguide.language.vocabulary import CommandSpec, Vocabulary

FIXTURES = Path(__file__).parent / "fixtures" / "guides"

BASE = """\
title: Guide d'essai
language: fr
source: Écrit pour les tests de voiceguide.
start: debut
steps:
  - id: debut
    title: Début
    say: Bonjour.
    next: choisir
    topics: [accueil]
  - id: choisir
    title: Choisir
    say: Par e-mail ou par courrier ?
    choices:
      - label: par e-mail
        phrases: [par e-mail, courriel]
        go: par-email
      - label: par courrier
        phrases: [par courrier, la poste]
        go: fin
  - id: par-email
    title: Par e-mail
    say: Le code arrive par e-mail.
    next: fin
  - id: fin
    title: Fin
    say: Au revoir.
    end: true
"""


def check_text(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "guide.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    guide, problems = check_guide(path)
    assert (guide is None) == bool(problems)
    for problem in problems:
        assert problem.path == str(path)
    return problems


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def marked(text: str) -> int:
    """The line number of the only line holding the "# ICI" marker."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "# ICI" in line]
    assert len(lines) == 1
    return lines[0]


def assert_problem(problems: list[Problem], line: int, *parts: str) -> None:
    found = [p for p in problems if p.line == line and all(part in p.message for part in parts)]
    listing = "\n".join(map(str, problems)) or "(aucun problème)"
    assert found, f"expected at line {line}: {parts}; got:\n{listing}"


def check_marked(tmp_path: Path, text: str, *parts: str) -> list[Problem]:
    problems = check_text(tmp_path, text)
    assert_problem(problems, marked(text), *parts)
    return problems


def test_base_guide_is_valid(tmp_path):
    assert check_text(tmp_path, BASE) == []


# --- the valid guide and the model ------------------------------------------

def test_valid_fixture_loads_into_the_dataclasses_with_fields_and_lines():
    path = FIXTURES / "valid-small.yaml"
    guide = load_guide(path)
    assert isinstance(guide, Guide)
    assert (guide.title, guide.language, guide.start, guide.path) == (
        "Petit guide d'essai", "fr", "bienvenue", path)
    assert guide.source == "Écrit pour les tests de voiceguide."
    assert [s.id for s in guide.steps] == ["bienvenue", "choisir", "par-email", "par-courrier", "fin"]
    assert guide.steps[0] == Step(
        id="bienvenue", title="Bienvenue",
        say="Bonjour. Ce petit guide sert aux essais. Dites « suivant » pour continuer.",
        details="Ceci est le détail de la bienvenue.", next="choisir",
        topics=("début", "accueil"), line=7)
    choisir = guide.step("choisir")
    assert choisir.line == 15 and choisir.next is None and not choisir.end
    assert choisir.choices == (
        Choice(label="par e-mail", phrases=("par e-mail", "e-mail", "courriel"), target="par-email", line=19),
        Choice(label="par courrier", phrases=("par courrier", "courrier", "par la poste"),
               target="par-courrier", line=22),
    )
    fin = guide.step("fin")
    assert fin.end and fin.line == 34 and fin.next is None and fin.details is None


def test_position_and_parts_follow_the_file_order():
    guide = load_guide(FIXTURES / "valid-small.yaml")
    assert [guide.position(s) for s in ("bienvenue", "choisir", "fin")] == [1, 2, 5]
    assert [s.id for s in guide.parts()] == ["bienvenue", "par-courrier"]
    assert guide.parts()[1].topics[0] == "courrier postal"


def test_bundled_ameli_guide_has_no_problem():
    guide, problems = check_guide(DEFAULT_GUIDE)
    assert problems == [], "\n".join(map(str, problems))
    assert guide is not None and guide.language == "fr" and guide.parts()


def test_a_utf8_bom_is_accepted(tmp_path):
    assert check_text(tmp_path, b"\xef\xbb\xbf" + BASE.encode("utf-8")) == []


# --- reporting ---------------------------------------------------------------

def test_problem_prints_as_file_line_message():
    assert str(Problem("g.yaml", 12, "« say » est vide")) == "g.yaml:12: « say » est vide"


def test_load_guide_raises_a_user_error_with_every_problem_one_per_line(tmp_path):
    path = FIXTURES / "many-problems.yaml"
    with pytest.raises(GuideError) as raised:
        load_guide(path)
    error = raised.value
    assert isinstance(error, UserError) and error.code == EXIT_USAGE == 2
    assert error.message.splitlines() == [str(p) for p in error.problems]
    assert all(line.startswith(f"{path}:") for line in error.message.splitlines())


def test_every_problem_of_a_file_is_reported_in_line_order():
    guide, problems = check_guide(FIXTURES / "many-problems.yaml")
    assert guide is None
    found = [(p.line, p.message.split(" : ")[0]) for p in problems]
    assert found == [
        (5, "aucune étape finale"),
        (6, "l'étape « debut » est une impasse"),
        (9, "clé inconnue « nxt » (étape « debut »)"),
        (10, "l'étape « milieu » n'est jamais atteinte depuis le début (« start »)"),
        (11, "« title » doit être un texte, pas un nombre (étape « milieu »)"),
        (12, "« say » est vide (étape « milieu »)"),
        (13, "étape inconnue « nulle-part » dans « next » (étape « milieu »)"),
        (14, "identifiant « debut » en double (première étape « debut » à la ligne 6)"),
    ]


# --- the file itself: each case gives one clean French line, quickly ---------

def check_file_quickly(path: Path) -> Problem:
    """One problem for a file that cannot be a guide; 2 s is a generous sanity bound."""
    started = time.perf_counter()
    guide, problems = check_guide(path)
    elapsed = time.perf_counter() - started
    assert guide is None and len(problems) == 1, problems
    assert elapsed < 2.0
    return problems[0]


def test_missing_file(tmp_path):
    problem = check_file_quickly(tmp_path / "absent.yaml")
    assert problem.line == 1 and "fichier introuvable" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'absent.yaml'}:1: ")


def test_directory(tmp_path):
    problem = check_file_quickly(tmp_path)
    assert "c'est un dossier, pas un fichier" in problem.message


def test_not_a_regular_file():
    problem = check_file_quickly(Path("/dev/null"))
    assert "pas un fichier ordinaire" in problem.message


@pytest.mark.parametrize("content", ["", "\n\n", "# seulement un commentaire\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "vide.yaml"
    path.write_text(content)
    problem = check_file_quickly(path)
    assert problem.line == 1 and "le fichier est vide" in problem.message


def test_binary_file_reports_the_line_of_the_first_nul_byte(tmp_path):
    path = tmp_path / "image.yaml"
    path.write_bytes(b"title: x\nlanguage: fr\n\x89PNG\x00\x01\x02\xff")
    problem = check_file_quickly(path)
    assert problem.line == 3 and "fichier binaire" in problem.message


def test_text_not_in_utf8_reports_its_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: x\nsay: Réponse\n".encode("latin-1"))
    problem = check_file_quickly(path)
    assert problem.line == 2 and "pas en UTF-8" in problem.message and "enregistrez" in problem.message


def test_utf16_file_is_named(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(BASE.encode("utf-16"))
    assert "encodé en UTF-16" in check_file_quickly(path).message


def test_control_character_is_refused_at_its_line(tmp_path):
    path = tmp_path / "controle.yaml"
    path.write_text("title: x\nsay: a\x07b\n")
    problem = check_file_quickly(path)
    assert problem.line == 2 and "caractère interdit (U+0007)" in problem.message


def test_ten_megabyte_file_is_refused_before_parsing_saying_the_limit(tmp_path):
    path = tmp_path / "enorme.yaml"
    path.write_bytes(b"title: texte\n" * (10 * 1024 * 1024 // 13 + 1))
    problem = check_file_quickly(path)
    assert "fichier trop gros (10,0 Mo)" in problem.message
    assert f"un guide ne dépasse pas {MAX_GUIDE_SIZE_TEXT}" in problem.message


def test_size_limit_boundary(tmp_path):
    line = b"# commentaire de remplissage\n"
    body = line * (MAX_GUIDE_BYTES // len(line))
    at_limit = body + b"#" * (MAX_GUIDE_BYTES - len(body))
    assert len(at_limit) == MAX_GUIDE_BYTES
    assert "le fichier est vide" in check_text(tmp_path, at_limit)[0].message
    assert "fichier trop gros" in check_text(tmp_path, at_limit + b"#")[0].message


def test_alias_bomb_is_refused_at_the_first_anchor(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        previous, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    path = tmp_path / "bombe.yaml"
    path.write_text("\n".join(lines) + "\n")
    problem = check_file_quickly(path)
    assert problem.line == 1 and "ancre YAML « &a » refusée" in problem.message
    assert "écrivez chaque valeur en entier" in problem.message


def test_alias_alone_is_refused(tmp_path):
    text = edit("    next: fin\n", "    next: *fin  # ICI\n")
    problems = check_marked(tmp_path, text, "alias YAML « *fin » refusé")
    assert len(problems) == 1


def test_anchor_inside_a_guide_is_refused_at_its_line(tmp_path):
    text = edit("    say: Au revoir.\n", "    say: &adieu Au revoir.  # ICI\n")
    check_marked(tmp_path, text, "ancre YAML « &adieu » refusée")


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "profond.yaml"
    path.write_text("a: " + "[" * 50_000 + "]" * 50_000 + "\n")
    problem = check_file_quickly(path)
    assert "imbrication trop profonde" in problem.message


@pytest.mark.parametrize("text, kind", [
    ("- title: x\n- say: y\n", "pas une liste"),
    ("Bonjour tout le monde\n", "pas un texte"),
    ("42\n", "pas un nombre"),
])
def test_a_file_that_is_not_a_mapping(tmp_path, text, kind):
    path = tmp_path / "guide.yaml"
    path.write_text(text)
    problem = check_file_quickly(path)
    assert problem.line == 1 and f"le fichier doit décrire un guide, {kind}" in problem.message


def test_a_dense_file_just_under_the_limit_gives_problems_not_a_traceback(tmp_path):
    text = "steps: [" + ", ".join(["x"] * (MAX_GUIDE_BYTES // 3 - 10)) + "]\n"
    assert len(text) < MAX_GUIDE_BYTES
    problems = check_text(tmp_path, text)
    assert_problem(problems, 1, "l'étape n° 1 doit être un dictionnaire, pas un texte")


# --- YAML syntax: French message at the line of the mark ---------------------

@pytest.mark.parametrize("old, new, part", [
    ("    say: Bonjour.\n", "\tsay: Bonjour.  # ICI\n", "tabulation interdite"),
    ("    say: Bonjour.\n", "    say: 'Bonjour.  # ICI\n", "guillemet jamais fermé"),
    ("    say: Bonjour.\n", "    say: Bonjour : voici.  # ICI\n", "« : » inattendu"),
    ("    title: Début\n", "    title: Début\n    say  # ICI\n    say: x\n", "« : » manquant"),
    ("    topics: [accueil]\n", "    topics: [accueil  # ICI\n", "liste entre crochets mal écrite"),
    ("    say: Au revoir.\n", "    say: Au revoir.\n---  # ICI\n", "un seul document attendu"),
    ("    title: Fin\n", "    title: Fin\n   say: Au revoir.  # ICI\n", "indentation incorrecte"),
    ("    say: Au revoir.\n", '    say: "Au \\q revoir."  # ICI\n', "séquence « \\ » inconnue"),
    ("    say: Au revoir.\n", "    say: @revoir  # ICI\n", "caractère interdit en début de valeur"),
])
def test_yaml_syntax_errors(tmp_path, old, new, part):
    text = edit(old, new)
    problems = check_marked(tmp_path, text, part)
    assert len(problems) == 1


def test_unclosed_bracket_is_reported_where_it_opened(tmp_path):
    text = edit("    topics: [accueil]\n", "    topics: [accueil  # ICI\n")
    problems = check_marked(tmp_path, text, "liste entre crochets mal écrite", "(remarqué à la ligne 11)")
    assert len(problems) == 1


# --- types, keys and values --------------------------------------------------

def test_text_field_with_a_number(tmp_path):
    text = edit("    title: Début\n", "    title: 42  # ICI\n")
    check_marked(tmp_path, text, "« title » doit être un texte, pas un nombre (étape « debut »)",
                 "guillemets")


def test_text_field_with_a_list(tmp_path):
    text = edit("source: Écrit pour les tests de voiceguide.\n", "source: [a, b]  # ICI\n")
    check_marked(tmp_path, text, "« source » doit être un texte, pas une liste")


def test_text_field_with_a_boolean_or_a_date(tmp_path):
    text = edit("    title: Fin\n", "    title: yes  # ICI\n")
    check_marked(tmp_path, text, "« title » doit être un texte, pas un booléen")
    text = edit("    title: Fin\n", "    title: 2024-01-31  # ICI\n")
    check_marked(tmp_path, text, "« title » doit être un texte, pas une date")


def test_choices_must_be_a_list(tmp_path):
    text = edit("    next: fin\n", "    next: fin\n    choices: par e-mail  # ICI\n")
    check_marked(tmp_path, text, "« choices » doit être une liste, pas un texte (étape « par-email »)")


def test_choices_empty_list(tmp_path):
    text = edit("    next: fin\n", "    next: fin\n    choices: []  # ICI\n")
    check_marked(tmp_path, text, "« choices » est une liste vide")


def test_steps_must_be_a_list(tmp_path):
    text = "title: t\nlanguage: fr\nsource: s\nstart: a\nsteps: une seule  # ICI\n"
    check_marked(tmp_path, text, "« steps » doit être une liste d'étapes, pas un texte")


def test_steps_empty(tmp_path):
    text = "title: t\nlanguage: fr\nsource: s\nstart: a\nsteps: []  # ICI\n"
    problems = check_marked(tmp_path, text, "« steps » est une liste vide")
    assert len(problems) == 1


def test_step_must_be_a_mapping(tmp_path):
    text = edit("  - id: par-email\n", "  - juste un texte  # ICI\n  - id: par-email\n")
    check_marked(tmp_path, text, "l'étape n° 3 doit être un dictionnaire, pas un texte")


def test_choice_must_be_a_mapping(tmp_path):
    text = edit("      - label: par courrier\n", "      - courrier  # ICI\n      - label: par courrier\n")
    check_marked(tmp_path, text, "le choix n° 2 de l'étape « choisir » doit être un dictionnaire")


def test_phrases_must_be_a_non_empty_list_of_texts(tmp_path):
    text = edit("        phrases: [par e-mail, courriel]\n", "        phrases: courriel  # ICI\n")
    check_marked(tmp_path, text, "« phrases » doit être une liste, pas un texte",
                 "« phrases: [premier, second] »")
    text = edit("        phrases: [par e-mail, courriel]\n", "        phrases: []  # ICI\n")
    check_marked(tmp_path, text, "« phrases » est une liste vide (choix n° 1 de l'étape « choisir »)")
    text = edit("        phrases: [par e-mail, courriel]\n",
                "        phrases:\n          - par e-mail\n          - 12  # ICI\n")
    check_marked(tmp_path, text, "chaque élément de « phrases » doit être un texte, pas un nombre")
    text = edit("        phrases: [par e-mail, courriel]\n",
                "        phrases:\n          - par e-mail\n          -  # ICI\n")
    check_marked(tmp_path, text, "élément vide dans « phrases »")


def test_topics_must_be_a_list(tmp_path):
    text = edit("    topics: [accueil]\n", "    topics: accueil  # ICI\n")
    check_marked(tmp_path, text, "« topics » doit être une liste, pas un texte (étape « debut »)")


def test_end_must_be_a_boolean(tmp_path):
    text = edit("    end: true\n", "    end: oui  # ICI\n")
    check_marked(tmp_path, text, "« end » doit valoir true ou false, pas un texte (étape « fin »)")


@pytest.mark.parametrize("key", ["title", "language", "source", "start", "steps"])
def test_missing_guide_key_is_reported_at_line_one(tmp_path, key):
    if key == "steps":
        text = BASE[:BASE.index("steps:")]
    else:
        text = "".join(line for line in BASE.splitlines(keepends=True) if not line.startswith(key))
    problems = check_text(tmp_path, text)
    assert_problem(problems, 1, f"clé « {key} » manquante", f"ajoutez « {key}: »")


@pytest.mark.parametrize("key", ["title", "say"])
def test_missing_step_key_is_reported_at_the_step(tmp_path, key):
    text = edit("    title: Fin\n    say: Au revoir.\n",
                "    title: Fin\n" if key == "say" else "    say: Au revoir.\n")
    text = edit("  - id: fin\n", "  - id: fin  # ICI\n", text)
    check_marked(tmp_path, text, f"clé « {key} » manquante (étape « fin »)")


def test_missing_step_id(tmp_path):
    text = edit("  - id: fin\n    title: Fin\n", "  - title: Fin  # ICI\n")
    problems = check_marked(tmp_path, text, "clé « id » manquante (étape n° 4)")
    assert_problem(problems, 24, "étape inconnue « fin » dans « next » (étape « par-email »)")


def test_say_with_only_a_comment_is_reported_as_missing_narration(tmp_path):
    text = edit("    say: Au revoir.\n", "    say:  # ICI\n")
    check_marked(tmp_path, text, "« say » est vide (étape « fin »)",
                 "écrivez la narration, le texte lu à voix haute")


@pytest.mark.parametrize("say", ['    say: ""  # ICI\n', "    say: '   '  # ICI\n", "    say: >  # ICI\n\n"])
def test_empty_narration(tmp_path, say):
    text = edit("    say: Au revoir.\n", say)
    check_marked(tmp_path, text, "« say » est vide (étape « fin »)")


@pytest.mark.parametrize("key, choice", [
    ("label", "      - phrases: [par courrier, la poste]  # ICI\n        go: fin\n"),
    ("phrases", "      - label: par courrier  # ICI\n        go: fin\n"),
    ("go", "      - label: par courrier  # ICI\n        phrases: [par courrier, la poste]\n"),
])
def test_missing_choice_key_is_reported_at_the_choice(tmp_path, key, choice):
    text = edit("      - label: par courrier\n        phrases: [par courrier, la poste]\n        go: fin\n",
                choice)
    check_marked(tmp_path, text, f"clé « {key} » manquante (choix n° 2 de l'étape « choisir »)")


def test_unknown_key_in_a_step_suggests_the_right_one(tmp_path):
    text = edit("    next: fin\n", "    nxt: fin  # ICI\n")
    check_marked(tmp_path, text, "clé inconnue « nxt » (étape « par-email ») : clés possibles : id, title, say,",
                 "(vouliez-vous dire « next » ?)")


def test_unknown_key_at_top_and_in_a_choice(tmp_path):
    text = edit("language: fr\n", "language: fr\nauteur: moi  # ICI\n")
    check_marked(tmp_path, text, "clé inconnue « auteur » : clés possibles : title, language, source, start, steps")
    text = edit("        go: fin\n", "        go: fin\n        goto: fin  # ICI\n")
    check_marked(tmp_path, text, "clé inconnue « goto » (choix n° 2 de l'étape « choisir »)",
                 "label, phrases, go", "« go »")


def test_duplicate_key_cites_the_first(tmp_path):
    text = edit("    say: Au revoir.\n", "    say: Au revoir.\n    say: Adieu.  # ICI\n")
    check_marked(tmp_path, text, "clé « say » en double (étape « fin »), déjà à la ligne 27")


def test_key_that_is_not_a_word(tmp_path):
    text = edit("    end: true\n", "    end: true\n    12: x  # ICI\n")
    check_marked(tmp_path, text, "clé « 12 » invalide (étape « fin »)")


def test_language_must_be_french(tmp_path):
    text = edit("language: fr\n", "language: en  # ICI\n")
    check_marked(tmp_path, text, "langue « en » non prise en charge", "« language: fr »")


@pytest.mark.parametrize("bad_id", ["Fin", "étape", "la-fin-", "fin_2", "la fin", "-fin", "fin--2"])
def test_bad_id_characters(tmp_path, bad_id):
    text = edit("  - id: fin\n", f"  - id: {bad_id}  # ICI\n")
    text = text.replace("go: fin\n", f"go: {bad_id}\n").replace("next: fin\n", f"next: {bad_id}\n")
    problems = check_marked(tmp_path, text, f"identifiant « {bad_id} » invalide",
                            "lettres minuscules sans accent, des chiffres et des tirets")
    assert len(problems) == 1


@pytest.mark.parametrize("char, name", [
    ("\u200b", "U+200B"),   # zero-width space
    ("\u202e", "U+202E"),   # right-to-left override: the rest of the line is shown backwards
    ("\u200f", "U+200F"),   # right-to-left mark
    ("\ufeff", "U+FEFF"),   # a byte-order mark in the middle
    ("\u00ad", "U+00AD"),   # soft hyphen
    ("\u2028", "U+2028"),   # line separator: would split the message
])
def test_an_invisible_character_in_an_id_is_shown(tmp_path, char, name):
    # Pasted as it is; U+2028 only as a YAML escape, since YAML reads the raw character as a line break.
    bad_id = f"f{char}in" if char != "\u2028" else "f\\u2028in"
    text = edit("  - id: fin\n", f'  - id: "{bad_id}"  # ICI\n')
    text = text.replace("go: fin\n", f'go: "{bad_id}"\n').replace("next: fin\n", f'next: "{bad_id}"\n')
    problems = check_marked(tmp_path, text, f"identifiant « f<{name}>in » invalide",
                            f"caractère invisible ({name})", "retirez-le")
    assert len(problems) == 1
    assert all(char not in str(p) and "\n" not in str(p) for p in problems)


def test_an_invisible_character_in_a_link_is_shown(tmp_path):
    text = edit("    next: fin\n", '    next: "fin\u200b"  # ICI\n')
    check_marked(tmp_path, text, "étape inconnue « fin<U+200B> » dans « next »")


def test_duplicate_id_cites_the_line_of_the_first(tmp_path):
    text = edit("  - id: fin\n", "  - id: par-email  # ICI\n")
    check_marked(tmp_path, text, "identifiant « par-email » en double", "à la ligne 21")


# --- links between steps -----------------------------------------------------

def test_unknown_next_suggests_a_close_id(tmp_path):
    text = edit("    next: fin\n", "    next: fim  # ICI\n")
    check_marked(tmp_path, text, "étape inconnue « fim » dans « next » (étape « par-email »)",
                 "(vouliez-vous dire « fin » ?)")


def test_unknown_go(tmp_path):
    text = edit("        go: par-email\n", "        go: par-mail  # ICI\n")
    check_marked(tmp_path, text, "étape inconnue « par-mail » dans « go » (étape « choisir »)")


def test_unknown_start(tmp_path):
    text = edit("start: debut\n", "start: depart  # ICI\n")
    problems = check_marked(tmp_path, text, "étape inconnue « depart » dans « start »")
    assert len(problems) == 1  # reachability is not judged from an unknown start


def test_next_to_itself(tmp_path):
    text = edit("    next: fin\n", "    next: par-email  # ICI\n")
    check_marked(tmp_path, text, "« next » de l'étape « par-email » renvoie vers elle-même")


def test_unreachable_step(tmp_path):
    text = edit("        go: par-email\n", "        go: fin\n")
    text = edit("  - id: par-email\n", "  - id: par-email  # ICI\n", text)
    problems = check_marked(tmp_path, text, "l'étape « par-email » n'est jamais atteinte")
    assert len(problems) == 1


def test_a_step_with_a_topic_is_reachable_from_anywhere(tmp_path):
    text = edit("        go: par-email\n", "        go: fin\n")
    text = edit("    next: fin\n", "    next: fin\n    topics: [recevoir par e-mail]\n", text)
    assert check_text(tmp_path, text) == []


def test_dead_end(tmp_path):
    text = edit("    next: fin\n", "")
    text = edit("  - id: par-email\n", "  - id: par-email  # ICI\n", text)
    problems = check_marked(tmp_path, text, "l'étape « par-email » est une impasse",
                            "ajoutez « next », des « choices », ou « end: true »")
    assert len(problems) == 1


def test_no_final_step(tmp_path):
    text = edit("    end: true\n", "    next: debut\n")
    text = edit("steps:\n", "steps:  # ICI\n", text)
    problems = check_marked(tmp_path, text, "aucune étape finale", "« end: true »")
    assert len(problems) == 1


def test_loop_with_no_way_to_the_end(tmp_path):
    text = edit("    next: fin\n", "    next: choisir\n")
    text = edit("        go: fin\n", "        go: par-email\n", text)
    text = edit("  - id: fin\n", "  - id: fin\n    topics: [la fin]\n", text)
    problems = check_text(tmp_path, text)
    for step, line in (("debut", 6), ("choisir", 11), ("par-email", 21)):
        assert_problem(problems, line, f"depuis l'étape « {step} », aucun « next » ni choix ne mène "
                                       "à une étape finale")
    assert len(problems) == 3


# --- what can be said --------------------------------------------------------

def test_choice_phrase_colliding_with_a_universal_command(tmp_path):
    text = edit("        phrases: [par courrier, la poste]\n",
                "        phrases: [par courrier, Retour !]  # ICI\n")
    check_marked(tmp_path, text, "la phrase « Retour ! » se confond avec la commande « précédent »")


def test_collision_ignores_accents_case_apostrophes_and_fillers(tmp_path):
    text = edit("        phrases: [par courrier, la poste]\n",
                "        phrases: [par courrier, euh A L’AIDE]  # ICI\n")
    check_marked(tmp_path, text, "« euh A L’AIDE » se confond avec la commande « aide »")


def test_topic_colliding_with_a_universal_command(tmp_path):
    text = edit("    topics: [accueil]\n", "    topics: [accueil, Sommaire]  # ICI\n")
    check_marked(tmp_path, text, "le sujet « Sommaire » se confond avec la commande « sommaire »")


def test_label_colliding_with_a_universal_command(tmp_path):
    text = edit("      - label: par courrier\n", "      - label: suivant  # ICI\n")
    check_marked(tmp_path, text, "le libellé « suivant » se confond avec la commande « suivant »")


def test_yes_and_no_are_commands_too(tmp_path):
    text = edit("        phrases: [par e-mail, courriel]\n", "        phrases: [par e-mail, oui]  # ICI\n")
    check_marked(tmp_path, text, "la phrase « oui » se confond avec la commande « oui »")


def test_the_vocabulary_can_be_given(tmp_path):
    mine = Vocabulary(commands=(CommandSpec(name="next", label="courriel", phrases=("courriel",),
                                            keys=("n",), help="suite"),), fillers=())
    path = tmp_path / "guide.yaml"
    path.write_text(BASE)
    guide, problems = check_guide(path, mine)
    assert guide is None
    assert_problem(problems, 16, "la phrase « courriel » se confond avec la commande « courriel »")


def test_phrase_with_a_digit(tmp_path):
    text = edit("        phrases: [par courrier, la poste]\n", "        phrases: [par courrier, option 2]  # ICI\n")
    check_marked(tmp_path, text, "la phrase « option 2 » contient un chiffre", "en lettres")


def test_topic_with_a_digit(tmp_path):
    text = edit("    topics: [accueil]\n", "    topics: [étape 1]  # ICI\n")
    check_marked(tmp_path, text, "le sujet « étape 1 » contient un chiffre")


def test_label_may_hold_a_digit_it_is_only_read_aloud(tmp_path):
    text = edit("      - label: par courrier\n", "      - label: par courrier (2 à 5 jours)\n")
    assert check_text(tmp_path, text) == []


def test_phrase_made_of_fillers_only(tmp_path):
    text = edit("        phrases: [par courrier, la poste]\n", "        phrases: [par courrier, euh]  # ICI\n")
    check_marked(tmp_path, text, "la phrase « euh » ne contient que des mots ignorés")


def test_same_phrase_for_two_choices_of_a_step_is_ambiguous(tmp_path):
    text = edit("        phrases: [par courrier, la poste]\n",
                "        phrases: [par courrier, Courriel]  # ICI\n")
    check_marked(tmp_path, text, "la phrase « Courriel » prête à confusion",
                 "mènent déjà à l'étape « par-email » (ligne 16)")


def test_same_topic_on_two_steps_is_ambiguous(tmp_path):
    text = edit("    end: true\n", "    end: true\n    topics: [Accueil]  # ICI\n")
    check_marked(tmp_path, text, "le sujet « Accueil » prête à confusion",
                 "l'étape « debut » (ligne 10)")


def test_choice_phrase_equal_to_a_topic_elsewhere_is_ambiguous(tmp_path):
    text = edit("        phrases: [par courrier, la poste]\n",
                "        phrases: [par courrier, accueil]  # ICI\n")
    check_marked(tmp_path, text, "la phrase « accueil » prête à confusion", "l'étape « debut » (ligne 10)")


def test_same_words_leading_to_the_same_step_are_fine(tmp_path):
    # a choice may name the part it goes to; other steps may reuse a phrase
    text = edit("    end: true\n", "    end: true\n    topics: [la fin]\n")
    text = edit("        phrases: [par courrier, la poste]\n", "        phrases: [par courrier, la fin]\n", text)
    text = edit("    next: fin\n", "    choices:\n      - label: la poste\n        phrases: [la poste]\n"
                                   "        go: fin\n", text)
    assert check_text(tmp_path, text) == []


# --- kinds of steps, yes and no, on_screen, pronunciation ---------------------

FULL = """\
title: Guide complet
language: fr
source: Écrit pour les tests de voiceguide.
start: debut
pronunciation:
  Ameli: Améli
  e-mail: imèl
steps:
  - id: debut
    title: Début
    say: Appuyez sur Tab jusqu'au bouton « Valider », puis sur Entrée.
    on_screen: À l'écran, le bouton est en haut à droite.
    details: La touche B passe de bouton en bouton.
    next: question
  - id: question
    title: Un code ?
    say: Ameli vous demande-t-elle un code ?
    if_yes: code
    if_no: fin
  - id: code
    title: Le code
    kind: action
    say: Ouvrez votre messagerie.
    choices:
      - label: rien reçu
        phrases: [rien reçu]
        go: fin
    next: fin
  - id: fin
    title: Fin
    say: Au revoir.
    end: true
"""


def test_new_fields_load_into_the_model(tmp_path):
    assert check_text(tmp_path, FULL) == []
    path = tmp_path / "guide.yaml"
    guide = load_guide(path)
    assert guide.pronunciation == (("Ameli", "Améli"), ("e-mail", "imèl"))
    debut, question, code, fin = guide.steps
    assert (debut.kind, question.kind, code.kind, fin.kind) == (ACTION, QUESTION, ACTION, ACTION)
    assert debut.on_screen == "À l'écran, le bouton est en haut à droite." and question.on_screen is None
    assert (question.if_yes, question.if_no) == ("code", "fin") and debut.if_yes is debut.if_no is None
    assert question.targets() == ("code", "fin") and code.targets() == ("fin",)
    assert guide.path_to("fin") == ("debut", "question", "fin")   # through « non »


@pytest.mark.parametrize("fields, kind", [
    ({}, ACTION),
    ({"choices": (Choice("x", ("x",), "b"),)}, QUESTION),
    ({"if_yes": "b", "if_no": "c"}, QUESTION),
    ({"choices": (Choice("x", ("x",), "b"),), "kind": ACTION}, ACTION),
    ({"kind": QUESTION, "if_yes": "b", "if_no": "c"}, QUESTION),
])
def test_the_kind_of_a_step_defaults_to_question_when_it_can_be_answered(fields, kind):
    assert Step(id="a", title="A", say="x", next="b", **fields).kind == kind


def test_an_unknown_kind_is_a_programming_error_in_code():
    with pytest.raises(ValueError):
        Step(id="a", title="A", say="x", kind="clic")


def test_a_step_answered_only_by_yes_and_no_is_neither_a_dead_end_nor_unreachable_targets(tmp_path):
    text = edit("    next: choisir\n", "    next: question\n")
    text = edit("  - id: choisir\n", "  - id: question\n    title: Question\n    say: Un code ?\n"
                                     "    if_yes: choisir\n    if_no: fin\n  - id: choisir\n", text)
    assert check_text(tmp_path, text) == []


# (line of FULL to change, what to write there with "# ICI" on the reported line, parts of the message)
NEW_FIELD_PROBLEMS = [
    pytest.param("    kind: action\n", "    kind: clic  # ICI\n",
                 ("« kind » vaut « action », « question » ou « info », pas « clic » (étape « code »)",
                  "« action » pour agir sur le site"), id="kind-unknown"),
    pytest.param("    kind: action\n", "    kind: [action]  # ICI\n",
                 ("« kind » doit être un texte, pas une liste (étape « code »)",), id="kind-list"),
    pytest.param("    kind: action\n", "    kind:  # ICI\n",
                 ("« kind » est vide (étape « code ») : écrivez « action », « question » ou « info » ou retirez la clé",),
                 id="kind-empty"),
    pytest.param("    details: La touche B passe de bouton en bouton.\n",
                 "    details: La touche B passe de bouton en bouton.\n    kind: question  # ICI\n",
                 ("l'étape « debut » est une question sans réponse possible",
                  "ajoutez « if_yes » et « if_no »", "ou des « choices »"), id="question-without-answer"),
    pytest.param("    kind: action\n", "    kind: action\n    if_yes: fin  # ICI\n    if_no: debut\n",
                 ("« if_yes » n'a de sens qu'à une question, or l'étape « code » est marquée « kind: action »",
                  "écrivez « kind: question », ou retirez « if_yes »"), id="yes-on-an-action"),
    pytest.param("    if_yes: code\n    if_no: fin\n", "    if_yes: code  # ICI\n",
                 ("« if_yes » sans « if_no » (étape « question »)",
                  "ajoutez « if_no: » avec l'identifiant de l'étape où mène « non »"), id="yes-without-no"),
    pytest.param("    if_yes: code\n    if_no: fin\n", "    if_no: fin  # ICI\n",
                 ("« if_no » sans « if_yes » (étape « question »)",
                  "ajoutez « if_yes: » avec l'identifiant de l'étape où mène « oui »"), id="no-without-yes"),
    pytest.param("    if_yes: code\n", "    if_yes: cod  # ICI\n",
                 ("étape inconnue « cod » dans « if_yes » (étape « question »)",
                  "(vouliez-vous dire « code » ?)"), id="yes-unknown-target"),
    pytest.param("    if_no: fin\n", "    if_no: question  # ICI\n",
                 ("« if_no » de l'étape « question » renvoie vers elle-même",
                  "indiquez l'étape où mène « non »"), id="no-to-itself"),
    pytest.param("    if_yes: code\n", "    if_yes:  # ICI\n",
                 ("« if_yes » est vide (étape « question ») : écrivez l'identifiant de l'étape où mène « oui »",),
                 id="yes-empty"),
    pytest.param("    if_yes: code\n", "    yes: code  # ICI\n",
                 ("clé « yes » invalide (étape « question »)", "(vouliez-vous dire « if_yes » ?)"),
                 id="yes-read-as-a-boolean"),
    pytest.param("    on_screen: À l'écran, le bouton est en haut à droite.\n", "    on_screen: 12  # ICI\n",
                 ("« on_screen » doit être un texte, pas un nombre (étape « debut »)",), id="on-screen-number"),
    pytest.param("    on_screen: À l'écran, le bouton est en haut à droite.\n", "    on_screen: ''  # ICI\n",
                 ("« on_screen » est vide (étape « debut »)", "ou retirez la clé"), id="on-screen-empty"),
    pytest.param("    say: Appuyez sur Tab jusqu'au bouton « Valider », puis sur Entrée.\n",
                 "    say: Cliquez sur le bouton en haut à droite.  # ICI\n",
                 ("« say » indique une position à l'écran (« en haut ») (étape « debut »)",
                  "une personne qui ne voit pas l'écran ne peut pas s'en servir",
                  "déplacez cette indication dans « on_screen »", "comment atteindre l'élément au clavier"),
                 id="position-in-say"),
    pytest.param("    say: Ouvrez votre messagerie.\n", "    say: Ouvrez l'icône À DROITE.  # ICI\n",
                 ("« say » indique une position à l'écran (« a droite ») (étape « code »)",),
                 id="position-in-an-action-with-choices"),
    pytest.param("pronunciation:\n  Ameli: Améli\n  e-mail: imèl\n", "pronunciation: [Ameli]  # ICI\n",
                 ("« pronunciation » doit être un dictionnaire, pas une liste",
                  "« mot écrit: ce que la voix doit dire »", "« Ameli: Améli »"), id="pronunciation-list"),
    pytest.param("  e-mail: imèl\n", "  e-mail:  # ICI\n",
                 ("la prononciation de « e-mail » est vide ou n'est pas un texte", "ce que la voix doit dire"),
                 id="pronunciation-empty"),
    pytest.param("  e-mail: imèl\n", "  e-mail: [i, mèl]  # ICI\n",
                 ("la prononciation de « e-mail » est vide ou n'est pas un texte",), id="pronunciation-list-value"),
    pytest.param("  e-mail: imèl\n", "  e-mail: '…'  # ICI\n",
                 ("la prononciation de « e-mail » est vide ou n'est pas un texte",), id="pronunciation-no-word"),
    pytest.param("  e-mail: imèl\n", "  yes: oui  # ICI\n",
                 ("« yes » dans « pronunciation » doit être un texte, pas un booléen", "entre guillemets"),
                 id="pronunciation-boolean-word"),
    pytest.param("  e-mail: imèl\n", "  '/': ou  # ICI\n",
                 ("« / » dans « pronunciation » n'est pas un mot",), id="pronunciation-not-a-word"),
    pytest.param("  e-mail: imèl\n", "  AMELI: Amélie  # ICI\n",
                 ("« AMELI » est en double dans « pronunciation », déjà à la ligne 6",
                  "gardez une seule prononciation"), id="pronunciation-twice"),
]


@pytest.mark.parametrize("old, new, parts", NEW_FIELD_PROBLEMS)
def test_new_fields_are_checked(tmp_path, old, new, parts):
    check_marked(tmp_path, edit(old, new, FULL), *parts)


@pytest.mark.parametrize("old, new", [
    pytest.param("    say: Ameli vous demande-t-elle un code ?\n",
                 "    say: Voyez-vous le bouton en haut à droite ?\n", id="position-in-a-question"),
    pytest.param("    on_screen: À l'écran, le bouton est en haut à droite.\n",
                 "    on_screen: Au-dessus, à gauche, en bas de l'écran.\n", id="positions-in-on-screen"),
    pytest.param("    say: Ouvrez votre messagerie.\n",
                 "    say: Tapez le code sans le dire à voix haute, sous huit jours.\n", id="words-that-are-no-position"),
])
def test_what_is_not_a_position_problem(tmp_path, old, new):
    assert check_text(tmp_path, edit(old, new, FULL)) == []


@pytest.mark.parametrize("said", ["en haut", "EN BAS", "à gauche", "a droite", "au-dessus", "au dessous", "en dessous",
                                  "ci-dessous", "au centre", "au milieu de la page", "le coin de l'écran"])
def test_every_position_phrase_is_refused_in_an_action(tmp_path, said):
    text = edit("    say: Ouvrez votre messagerie.\n", f"    say: Ouvrez l'icône {said}.  # ICI\n", FULL)
    check_marked(tmp_path, text, "« say » indique une position à l'écran")


def test_a_position_split_over_two_lines_is_reported_where_it_starts(tmp_path):
    # A "# ICI" inside a folded text would be part of the text: the line is found by its words.
    text = edit("    say: Appuyez sur Tab jusqu'au bouton « Valider », puis sur Entrée.\n",
                "    say: >-\n      Appuyez sur Tab jusqu'au bouton\n      « Valider », qui est en\n"
                "      bas de l'écran.\n", FULL)
    line = next(n for n, line in enumerate(text.splitlines(), 1) if line.endswith("qui est en"))
    assert_problem(check_text(tmp_path, text), line, "(« en bas »)")


def test_tests_of_the_bundled_guide_fail_rather_than_skip_when_it_does_not_load():
    """issue 9 item 7: a skip hid a broken guide."""
    for name in ("test_dialog.py", "test_dialog_property.py", "test_guide_validation.py"):
        source = (Path(__file__).parent / name).read_text(encoding="utf-8")
        assert "pytest." + "skip(" not in source, name


# --- never a traceback -------------------------------------------------------

_LINES = BASE.splitlines(keepends=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(0, len(_LINES) - 1),
    insert=st.text(alphabet=st.sampled_from(list(" -:[]{}&*!#'\"\t\nabé1?|>%@,")), max_size=12),
    drop=st.booleans(),
)
def test_any_damaged_guide_gives_located_french_problems_not_a_traceback(tmp_path, cut, insert, drop):
    lines = list(_LINES)
    lines[cut] = insert + ("\n" if drop else lines[cut])
    text = "".join(lines)
    path = tmp_path / "abime.yaml"
    path.write_text(text, encoding="utf-8")
    guide, problems = check_guide(path)
    assert (guide is None) == bool(problems)
    for problem in problems:
        assert 1 <= problem.line <= text.count("\n") + 2
        assert problem.message and " : " in problem.message


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_any_bytes_give_problems_not_a_traceback(tmp_path, data):
    path = tmp_path / "octets.yaml"
    path.write_bytes(data)
    guide, problems = check_guide(path)
    assert guide is None and problems
