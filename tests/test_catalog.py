"""The guide catalogue (bundled and the carer's own), name resolution, and the guide-writing docs."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from voiceguide.errors import UserError
from voiceguide.guide import DEFAULT_GUIDE, check_guide
from voiceguide.guide.catalog import format_guides, list_guides, resolve_guide
from voiceguide.userdirs import user_guides_dir

DOCS = Path(__file__).resolve().parent.parent / "docs"
TEMPLATE = DOCS / "modele-de-guide.yaml"
BROKEN = "title: Cassé\nlanguage: fr\nsource: x\nstart: a\nsteps:\n  - id: a\n    title: A\n    say: A.\n    nxt: b\n"


@pytest.fixture
def own(home: Path) -> Path:
    """The carer's guides directory with a valid guide, a broken one and files to ignore."""
    folder = user_guides_dir()
    folder.mkdir(parents=True)
    shutil.copy(TEMPLATE, folder / "mon-modele.yaml")
    (folder / "casse.yml").write_text(BROKEN, encoding="utf-8")
    (folder / ".brouillon.yaml").write_text(BROKEN, encoding="utf-8")   # editor's hidden file
    (folder / "notes.txt").write_text("pas un guide", encoding="utf-8")
    (folder / "dossier.yaml").mkdir()
    return folder


def test_user_guides_live_in_the_data_directory(home: Path) -> None:
    assert user_guides_dir() == home / "data" / "voiceguide" / "guides"


def test_bundled_guides_are_listed_without_a_user_directory(home: Path) -> None:
    entries = list_guides()
    ameli = next(e for e in entries if e.name == "ameli-connexion")
    assert ameli.bundled and ameli.valid and ameli.path == DEFAULT_GUIDE
    assert ameli.title == "Se connecter à son compte Ameli"
    assert all(e.bundled for e in entries)


def test_carer_guides_are_listed_and_checked(own: Path) -> None:
    entries = {e.name: e for e in list_guides()}
    assert set(entries) >= {"ameli-connexion", "mon-modele", "casse"}
    assert ".brouillon" not in entries and "notes" not in entries and "dossier" not in entries
    mine = entries["mon-modele"]
    assert not mine.bundled and mine.valid and mine.title == "Titre de votre guide"
    broken = entries["casse"]
    assert not broken.valid and broken.title is None
    assert broken.problems and all(p.startswith(f"{own / 'casse.yml'}:") for p in broken.problems)
    assert any("nxt" in p for p in broken.problems)


def test_listing_text_for_voiceguide_guides(own: Path) -> None:
    text = format_guides(list_guides())
    assert "Guides fournis avec voiceguide :" in text
    assert "  ameli-connexion : Se connecter à son compte Ameli" in text
    assert f"Vos guides (dossier {own}) :" in text
    assert "  mon-modele : Titre de votre guide" in text
    assert re.search(r"  casse : à corriger \(\d+ problèmes?\) ; voir « voiceguide validate .*casse\.yml »", text)
    assert "voiceguide run --guide NOM" in text


def test_listing_says_where_to_put_guides_when_there_are_none(home: Path) -> None:
    text = format_guides(list_guides())
    assert str(user_guides_dir()) in text
    assert "aucun pour l'instant" in text


def test_carer_guide_replaces_a_bundled_one_of_the_same_name(own: Path) -> None:
    mine = own / "ameli-connexion.yaml"
    shutil.copy(TEMPLATE, mine)
    assert resolve_guide("ameli-connexion") == mine
    entries = list_guides()
    bundled = next(e for e in entries if e.bundled and e.name == "ameli-connexion")
    assert bundled.replaced
    assert "remplacé par votre guide" in format_guides(entries)


def test_resolve_by_name(own: Path) -> None:
    assert resolve_guide("ameli-connexion") == DEFAULT_GUIDE
    assert resolve_guide("mon-modele") == own / "mon-modele.yaml"
    assert resolve_guide("Mon-Modele") == own / "mon-modele.yaml"
    assert resolve_guide(" mon-modele.yaml ") == own / "mon-modele.yaml"
    assert resolve_guide("casse") == own / "casse.yml"  # broken guides resolve; loading reports them


def test_resolve_existing_paths(own: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(own.parent)
    assert resolve_guide("guides/mon-modele.yaml") == Path("guides/mon-modele.yaml")
    assert resolve_guide(str(TEMPLATE)) == TEMPLATE
    assert resolve_guide("~/data/voiceguide/guides/casse.yml") == own / "casse.yml"


def test_unknown_name_lists_the_available_ones(own: Path) -> None:
    with pytest.raises(UserError) as caught:
        resolve_guide("ameli-connection")
    assert caught.value.code == 2
    message = caught.value.message
    assert "« ameli-connection »" in message
    assert "ameli-connexion, casse, mon-modele" in message
    assert "voiceguide guides" in message


def test_missing_path_is_reported_as_a_missing_file(own: Path) -> None:
    with pytest.raises(UserError) as caught:
        resolve_guide("ailleurs/mon-guide.yaml")
    assert caught.value.code == 2
    assert "introuvable" in caught.value.message and "ailleurs/mon-guide.yaml" in caught.value.message


def test_empty_name_is_reported(home: Path) -> None:
    with pytest.raises(UserError) as caught:
        resolve_guide("  ")
    assert "Aucun guide" in caught.value.message


# ── the guide-writing documents ────────────────────────────────────────────

def test_template_guide_is_valid_and_uses_every_feature() -> None:
    guide, problems = check_guide(TEMPLATE)
    assert problems == []
    steps = guide.steps
    assert any(s.details for s in steps) and any(s.topics for s in steps)
    assert any(s.choices and s.next for s in steps) and any(s.end for s in steps)


def test_example_in_the_writing_guide_is_valid(tmp_path: Path) -> None:
    doc = (DOCS / "ecrire-un-guide.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    path = tmp_path / "exemple.yaml"
    path.write_text(example, encoding="utf-8")
    guide, problems = check_guide(path)
    assert problems == []
    assert any(s.choices for s in guide.steps)


def test_writing_guide_covers_what_carers_need() -> None:
    doc = (DOCS / "ecrire-un-guide.md").read_text(encoding="utf-8")
    for needed in ("voiceguide validate", "--graph", "voiceguide run --guide", "voiceguide guides",
                   "à voix haute", "seule action par étape", "`details`", "`topics`", "`end`", "`source`"):
        assert needed in doc, needed


def test_a_folder_named_like_a_guide_does_not_hide_it(own: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (own.parent / "mon-modele").mkdir()
    monkeypatch.chdir(own.parent)
    assert resolve_guide("mon-modele") == own / "mon-modele.yaml"
    assert resolve_guide("guides/") == Path("guides")  # a path to a folder: loading will say it is a folder
    with pytest.raises(UserError):
        resolve_guide("guides")  # a bare word is a guide name


def test_a_folder_in_the_current_directory_does_not_hide_a_guide_name_on_the_command_line(
        run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    work = tmp_path / "travail"
    (work / "ameli-connexion").mkdir(parents=True)   # what « voiceguide render --out ameli-connexion » leaves
    (work / "rendu").mkdir()
    ran = run_cli(["run", "--guide", "ameli-connexion", "--input", "text", "--tts", "none"], "quitter\noui\n", cwd=work)
    assert ran.code == 0, ran.stderr
    assert "Ameli" in ran.stdout
    checked = run_cli(["validate", "ameli-connexion"], cwd=work)
    assert checked.code == 0 and str(DEFAULT_GUIDE) in checked.stdout
    unknown = run_cli(["run", "--guide", "rendu", "--input", "text", "--tts", "none"], cwd=work)
    assert unknown.code == 2
    assert "« rendu » est un dossier, et il n'y a pas de guide nommé ainsi" in unknown.stderr
    assert "ameli-connexion" in unknown.stderr   # the names that exist
