"""The guides on this machine: those shipped with voiceguide and the carer's own.

A guide's name is its file name without ``.yaml``. The carer's guides live in
the user data directory (``voiceguide guides`` prints where); one of them with
the same name as a bundled guide replaces it, so a carer can adapt a guide by
copying it there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from voiceguide.errors import UserError
from voiceguide.guide import BUNDLED_DIR, check_guide
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.userdirs import user_guides_dir

GUIDE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class GuideEntry:
    """One guide file as ``voiceguide guides`` shows it."""

    name: str
    title: str | None            # None when the file is not a valid guide
    path: Path
    bundled: bool
    valid: bool
    problems: tuple[str, ...] = ()   # "FILE:LINE: message", as ``voiceguide validate`` prints them
    replaced: bool = False           # a bundled guide hidden by the carer's guide of the same name


def list_guides(user_dir: Path | None = None) -> list[GuideEntry]:
    """Every guide, bundled first, each checked (a broken one is listed, marked invalid)."""
    vocabulary = load_vocabulary()
    own_names = {name for name, _ in _guide_files(user_dir or user_guides_dir())}
    entries = []
    for directory, bundled in ((BUNDLED_DIR, True), (user_dir or user_guides_dir(), False)):
        for name, path in _guide_files(directory):
            guide, problems = check_guide(path, vocabulary)
            entries.append(GuideEntry(
                name=name,
                title=guide.title if guide is not None else None,
                path=path,
                bundled=bundled,
                valid=guide is not None,
                problems=tuple(str(p) for p in problems),
                replaced=bundled and name in own_names,
            ))
    return entries


def resolve_guide(name_or_path: str, user_dir: Path | None = None) -> Path:
    """The file meant by ``--guide``: an existing path, else a guide name (the carer's first).

    Raises UserError (exit 2) in French, listing the available names, when
    neither matches.
    """
    text = name_or_path.strip()
    candidate = Path(text).expanduser()
    has_separator = any(sep in text for sep in {"/", os.sep, os.altsep or "/"})
    looks_like_file = candidate.suffix.lower() in GUIDE_SUFFIXES
    # A bare name is a file only if such a file exists (not a folder of that name).
    if text and (candidate.is_file() or (candidate.exists() and (has_separator or looks_like_file))):
        return candidate
    named = _names(user_dir or user_guides_dir())
    wanted = candidate.stem if looks_like_file and not has_separator else text
    if wanted in named:
        return named[wanted]
    for name, path in named.items():
        if name.casefold() == wanted.casefold():
            return path
    available = ", ".join(sorted(named)) or "aucun"
    if has_separator or looks_like_file:
        problem = f"Le fichier de guide « {text} » est introuvable : vérifiez le chemin et le nom du fichier."
    elif not text:
        problem = "Aucun guide indiqué après --guide."
    elif candidate.is_dir():
        problem = f"« {text} » est un dossier, et il n'y a pas de guide nommé ainsi."
    else:
        problem = f"Il n'y a pas de guide nommé « {text} »."
    raise UserError(
        f"{problem} Guides disponibles : {available}. "
        "Donnez l'un de ces noms ou le chemin d'un fichier .yaml ; « voiceguide guides » les décrit."
    )


def format_guides(entries: list[GuideEntry], user_dir: Path | None = None) -> str:
    """The listing printed by ``voiceguide guides``, in French."""
    user_dir = user_dir or user_guides_dir()
    bundled = [e for e in entries if e.bundled]
    own = [e for e in entries if not e.bundled]
    lines = ["Guides fournis avec voiceguide :"]
    lines += [_entry_line(e) for e in bundled] or ["  (aucun)"]
    lines += ["", f"Vos guides (dossier {user_dir}) :"]
    if own:
        lines += [_entry_line(e) for e in own]
    else:
        lines.append("  (aucun pour l'instant : déposez vos fichiers .yaml dans ce dossier)")
    lines += ["", "Pour lancer un guide : voiceguide run --guide NOM"]
    return "\n".join(lines)


def _entry_line(entry: GuideEntry) -> str:
    if entry.valid:
        line = f"  {entry.name} : {entry.title}"
    else:
        count = len(entry.problems)
        line = (f"  {entry.name} : à corriger ({count} problème{'s' if count > 1 else ''}) ; "
                f"voir « voiceguide validate {entry.path} »")
    if entry.replaced:
        line += " (remplacé par votre guide du même nom)"
    return line


def _guide_files(directory: Path) -> list[tuple[str, Path]]:
    """(name, path) of the guide files directly in ``directory``, sorted by name; none if it is missing."""
    try:
        children = list(directory.iterdir())
    except OSError:
        return []
    files = [p for p in children
             if p.suffix.lower() in GUIDE_SUFFIXES and not p.name.startswith(".") and p.is_file()]
    return sorted(((p.stem, p) for p in files), key=lambda item: (item[0], item[1].name))


def _names(user_dir: Path) -> dict[str, Path]:
    """Guide names to files, the carer's guides first so that they win over bundled ones."""
    named: dict[str, Path] = {}
    for directory in (user_dir, BUNDLED_DIR):
        for name, path in _guide_files(directory):
            named.setdefault(name, path)
    return named
