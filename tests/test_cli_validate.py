"""``voiceguide validate`` through the real command in a subprocess.

The contract (DESIGN.md): exit 0 when the guide is valid; otherwise exit 2
and one line per problem on stderr, ``FILE:LINE: message`` in French, never
a traceback. ``run`` must refuse the same files with the same lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BROKEN_GUIDES, assert_no_traceback, make_broken_guide

from voiceguide.guide import DEFAULT_GUIDE, load_guide

FIXTURES = Path(__file__).parent / "fixtures" / "guides"
# Only a guard against a hang: a pathological file must be refused at once, not after minutes.
QUICK = 20.0


def problem_lines(stderr: str, shown_path: str) -> list[tuple[int, str]]:
    """(line, message) of each problem; every stderr line must be ``FILE:LINE: message``."""
    lines = stderr.splitlines()
    assert lines, "no problem reported"
    found = []
    for text in lines:
        match = re.fullmatch(rf"{re.escape(shown_path)}:(\d+): (\S.*)", text)
        assert match, f"not FILE:LINE: message: {text!r}"
        found.append((int(match.group(1)), match.group(2)))
    assert len(set(lines)) == len(lines), "a problem reported twice"
    return found


def test_the_bundled_guide_is_valid(run_cli) -> None:
    steps = len(load_guide(DEFAULT_GUIDE).steps)
    for args in (["validate"], ["validate", str(DEFAULT_GUIDE)]):
        result = run_cli(args)
        assert result.code == 0, result.stderr
        assert result.stderr == ""
        assert f"guide valide ({steps} étapes)" in result.stdout


def test_a_small_valid_guide_is_valid(run_cli) -> None:
    result = run_cli(["validate", str(FIXTURES / "valid-small.yaml")])
    assert result.code == 0, result.stderr
    assert "guide valide (5 étapes)" in result.stdout


def test_a_choice_said_by_a_command_alone_is_valid_but_the_carer_is_told(run_cli, tmp_path: Path) -> None:
    """« j'attends toujours » is no command phrase (those are refused), but it means « pause » by itself:
    every « attendez, … » at that step would choose it (it did, in the Ameli guide)."""
    text = (FIXTURES / "valid-small.yaml").read_text(encoding="utf-8")
    path = tmp_path / "attente.yaml"
    path.write_text(text.replace("par la poste]", "par la poste, j'attends toujours]"), encoding="utf-8")
    result = run_cli(["validate", str(path)])
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    warning = result.stdout.splitlines()[-1]
    assert warning.startswith(f"{path}:22: attention : à l'étape « choisir », la phrase « j'attends toujours » "
                              "du choix « par courrier » veut dire à elle seule « pause »"), warning
    assert "Ajoutez-lui les mots qui le distinguent" in warning
    assert len(run_cli(["validate"]).stdout.splitlines()) == 1   # the bundled guide: no warning


@pytest.mark.parametrize("kind", BROKEN_GUIDES)
def test_a_broken_guide_gives_one_french_line_per_problem_and_run_says_the_same(
        run_cli, tmp_path: Path, kind: str) -> None:
    path, line, word, count = make_broken_guide(tmp_path, kind)
    result = run_cli(["validate", str(path)], timeout=QUICK)
    assert result.code == 2
    assert result.stdout == ""
    assert_no_traceback(result)
    problems = problem_lines(result.stderr, str(path))
    assert len(problems) == count, result.stderr
    assert problems[0][0] == line and word in problems[0][1], result.stderr

    run = run_cli(["run", "--input", "text", "--tts", "none", "--guide", str(path)], "suivant\n", timeout=QUICK)
    assert (run.code, run.stdout, run.stderr) == (2, "", result.stderr)


def test_every_problem_of_a_guide_is_listed_with_its_line(run_cli) -> None:
    path = FIXTURES / "many-problems.yaml"
    result = run_cli(["validate", str(path)])
    assert result.code == 2
    assert_no_traceback(result)
    problems = problem_lines(result.stderr, str(path))
    expected = {9: "« nxt »", 11: "« title »", 12: "« say » est vide", 13: "« nulle-part »", 14: "en double"}
    for line, piece in expected.items():
        assert any(n == line and piece in message for n, message in problems), (line, piece, result.stderr)
    assert [n for n, _ in problems] == sorted(n for n, _ in problems), "problems not in file order"


def test_a_relative_path_is_shown_as_the_carer_typed_it(run_cli, tmp_path: Path) -> None:
    make_broken_guide(tmp_path, "unknown-target")
    result = run_cli(["validate", "unknown-target.yaml"], cwd=tmp_path)
    assert result.code == 2
    problems = problem_lines(result.stderr, "unknown-target.yaml")
    assert problems[0][0] == 9


def test_a_missing_file_is_refused(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    result = run_cli(["validate", str(path)], timeout=QUICK)
    assert result.code == 2
    assert result.stdout == ""
    assert_no_traceback(result)
    [(line, message)] = problem_lines(result.stderr, str(path))
    assert line == 1 and "introuvable" in message


def test_an_alias_bomb_and_a_huge_file_are_refused_at_once(run_cli, tmp_path: Path) -> None:
    bomb = tmp_path / "bombe.yaml"
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    bomb.write_text("\n".join(levels) + "\n", encoding="utf-8")
    huge = tmp_path / "enorme.yaml"
    huge.write_text("title: Énorme\nsteps:\n" + "  # commentaire qui remplit le fichier\n" * 300_000, encoding="utf-8")
    assert huge.stat().st_size > 10_000_000
    for path in (bomb, huge):
        result = run_cli(["validate", str(path)], timeout=QUICK)
        assert result.code == 2, path
        assert result.stdout == ""
        assert_no_traceback(result)
        problem_lines(result.stderr, str(path))
