"""Where the vosk model lives, and its one-time download.

Lookup order (first match wins), documented in docs/recognition.md:
1. ``--model DIR`` (``explicit``);
2. the environment variable ``VOICEGUIDE_MODEL``;
3. ``models/<name>`` in the source checkout, then in the current directory;
4. ``<user data dir>/voiceguide/models/<name>``.
An explicit choice (1 or 2) that does not exist is an error, never silently
skipped: the user would not know which model is in use.

The download is the only network access of voiceguide. The archive is
checked against vosk's published size and MD5 and against the zip's own
CRCs, unpacked into a temporary directory beside the destination and moved
into place in one rename, so an interrupted download leaves nothing behind.

Being offline is normal: when the site cannot be reached, the person is told
in one sentence, and the day is remembered (``UNREACHABLE_FILE`` in the
user's data folder) so that the automatic attempt of ``make run``
(``voiceguide model download --auto``) does not try again on every launch;
``make model`` and ``voiceguide model download`` always try.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from voiceguide.errors import CannotRun, UserError
from voiceguide.userdirs import data_dir, write_atomic
from voiceguide.userdirs import models_dir as user_models_dir

DEFAULT_MODEL_NAME = "vosk-model-small-fr-0.22"
MODEL_LIST_URL = "https://alphacephei.com/vosk/models/model-list.json"
ENV_VAR = "VOICEGUIDE_MODEL"
SOURCE_MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
UNREACHABLE_FILE = "model-site-unreachable"   # in the data folder: the day the site could not be reached

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- lookup

def is_vosk_model(path: Path) -> bool:
    """True when ``path`` has the layout vosk needs (acoustic model, features, decoding graph)."""
    p = Path(path)
    graph = (p / "graph" / "HCLG.fst").is_file() or (
        (p / "graph" / "HCLr.fst").is_file() and (p / "graph" / "Gr.fst").is_file())
    return (p / "am" / "final.mdl").is_file() and (p / "conf" / "mfcc.conf").is_file() and graph


def candidate_dirs(name: str = DEFAULT_MODEL_NAME, cwd: Path | None = None) -> list[Path]:
    """The implicit places searched, in order (for ``doctor`` and the docs)."""
    cwd = Path.cwd() if cwd is None else Path(cwd)
    places = [SOURCE_MODELS_DIR / name, cwd / "models" / name, user_models_dir() / name]
    seen: list[Path] = []
    for p in places:
        if p not in seen:
            seen.append(p)
    return seen


ARCHIVE_SUFFIXES = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar")


def _resolve_explicit(path: Path, name: str, origin: str) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        raise UserError(f"Le dossier de modèle indiqué par {origin} n'existe pas : {p}. "
                        "Corrigez le chemin, ou installez le modèle avec « voiceguide model download ».")
    if not p.is_dir():
        raise UserError(_not_a_folder(p, origin))
    if not is_vosk_model(p) and is_vosk_model(p / name):
        return p / name   # the user named the folder that holds the model
    return p


def _not_a_folder(p: Path, origin: str) -> str:
    """Why a file cannot be the model folder, in French: an archive still to unpack, or the wrong path."""
    if p.is_file() and (p.suffix.lower() in ARCHIVE_SUFFIXES or zipfile.is_zipfile(p)):
        return (f"« {p} », indiqué par {origin}, est une archive, pas le dossier du modèle : décompressez-la "
                f"(par exemple « unzip {p.name} ») puis indiquez le dossier obtenu ; ou installez le modèle "
                "avec « voiceguide model download », qui le décompresse.")
    kind = "un fichier" if p.is_file() else "un fichier spécial"
    return (f"« {p} », indiqué par {origin}, est {kind}, pas le dossier du modèle : vérifiez le chemin, "
            "ou installez le modèle avec « voiceguide model download ».")


def find_model(explicit: Path | None = None, *, name: str = DEFAULT_MODEL_NAME,
               env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path | None:
    """The model directory to use, or None when no model is installed anywhere.

    An explicit choice is returned even when it is not a valid model, so that
    loading it reports what is wrong with *that* folder.
    """
    env = os.environ if env is None else env
    if explicit is not None:
        return _resolve_explicit(explicit, name, "--model")
    if env.get(ENV_VAR):
        return _resolve_explicit(Path(env[ENV_VAR]), name, f"la variable {ENV_VAR}")
    for p in candidate_dirs(name, cwd):
        if is_vosk_model(p):
            return p
    return None


def default_download_root() -> Path:
    """Where ``voiceguide model download`` installs: the checkout's models/ if writable, else the user dir."""
    if (SOURCE_MODELS_DIR.parent / "pyproject.toml").is_file() and os.access(SOURCE_MODELS_DIR.parent, os.W_OK):
        return SOURCE_MODELS_DIR
    return user_models_dir()


def missing_model_message(name: str = DEFAULT_MODEL_NAME) -> str:
    """What to tell a user who has no model (French)."""
    return (f"Aucun modèle de reconnaissance vocale n'est installé ({name}). Installez-le avec "
            f"« voiceguide model download » (ou « make model »), ou indiquez un dossier avec "
            f"--model DIR ou la variable {ENV_VAR}.")


# --------------------------------------------------------------------------- download

@dataclass(frozen=True)
class ModelEntry:
    """One model of vosk's published list (only the fields voiceguide checks)."""

    name: str
    url: str
    size: int
    md5: str
    lang: str = ""
    version: str = ""
    obsolete: bool = False


class SiteUnreachable(CannotRun):
    """The model site could not be reached (offline, no name resolution, refused, timed out)."""


def _offline(dest_root: Path) -> SiteUnreachable:
    # One sentence, no error number: being offline is a normal state, not a fault to debug.
    return SiteUnreachable("Impossible de joindre le site des modèles vosk : cet ordinateur semble hors ligne ; "
                           "réessayez avec « voiceguide model download » une fois connecté à Internet, ou copiez "
                           f"le modèle dans « {dest_root} ».")


def parse_model_list(text: str | bytes, name: str) -> ModelEntry:
    """Finds ``name`` in the JSON model list and checks the fields the download relies on."""
    try:
        items = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise CannotRun("La liste des modèles vosk reçue est illisible (pas du JSON). "
                        "Réessayez plus tard.") from None
    if not isinstance(items, list):
        raise CannotRun("La liste des modèles vosk reçue n'a pas la forme attendue. Réessayez plus tard.")
    for item in items:
        if isinstance(item, dict) and item.get("name") == name:
            try:
                size = int(item["size"])
                md5 = str(item["md5"]).lower()
                url = str(item["url"])
            except (KeyError, TypeError, ValueError):
                break
            if size <= 0 or len(md5) != 32 or not url:
                break
            return ModelEntry(name=name, url=url, size=size, md5=md5,
                              lang=str(item.get("lang", "")), version=str(item.get("version", "")),
                              obsolete=str(item.get("obsolete", "false")).lower() == "true")
        # fall through: keep looking
    else:
        raise CannotRun(f"Le modèle {name} ne figure pas dans la liste des modèles vosk. "
                        "Vérifiez son nom.")
    raise CannotRun(f"La liste des modèles vosk donne pour {name} une taille, une somme MD5 ou une "
                    "adresse invalide. Réessayez plus tard.")


class ProgressBar:
    """Download progress on stderr, in French; a bar on a terminal, a line every 10 % otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        pct = int(done * 100 / total) if total else 0
        step = pct if self.tty else pct // 10 * 10
        if step == self._last:
            return
        self._last = step
        mb = f"{done / 1e6:.1f} Mo sur {total / 1e6:.1f} Mo".replace(".", ",")
        if self.tty:
            bar = "#" * (pct // 4) + "-" * (25 - pct // 4)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r{self.label} [{bar}] {pct:3d} % ({mb}){end}")
        else:
            self.stream.write(f"{self.label} : {pct} % ({mb})\n")
        self.stream.flush()


def _fetch(url: str, timeout: float, dest_root: Path) -> http.client.HTTPResponse:
    try:
        return urllib.request.urlopen(url, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise CannotRun(f"Le site des modèles vosk a répondu « {exc.code} {exc.reason} » pour "
                        f"{url}. Réessayez plus tard, ou copiez le modèle dans {dest_root}.") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException):
        raise _offline(dest_root) from None


def _download_to(entry: ModelEntry, target: Path, progress: Progress | None,
                 timeout: float, dest_root: Path) -> None:
    digest = hashlib.md5()
    done = 0
    response = _fetch(entry.url, timeout, dest_root)
    try:
        with response, open(target, "wb") as out:
            while True:
                try:
                    block = response.read(64 * 1024)
                except (OSError, http.client.HTTPException) as exc:
                    raise CannotRun(f"Le téléchargement de {entry.name} s'est interrompu après "
                                    f"{done} octets ({exc}). Relancez « voiceguide model download ».") from None
                if not block:
                    break
                out.write(block)
                digest.update(block)
                done += len(block)
                if done > entry.size:
                    raise CannotRun(f"Le fichier reçu pour {entry.name} est plus gros que prévu "
                                    f"({entry.size} octets) : téléchargement refusé. Réessayez plus tard.")
                if progress:
                    progress(done, entry.size)
    except TimeoutError:
        raise _offline(dest_root) from None
    if done != entry.size:
        raise CannotRun(f"Le téléchargement de {entry.name} est incomplet ({done} octets reçus sur "
                        f"{entry.size}). Relancez « voiceguide model download ».")
    if digest.hexdigest() != entry.md5:
        raise CannotRun(f"Le fichier téléchargé pour {entry.name} est abîmé (somme MD5 différente de "
                        "celle publiée). Relancez « voiceguide model download ».")


def _unpack(archive: Path, into: Path, name: str) -> Path:
    """Unzips after checking every CRC; returns the model directory inside ``into``."""
    try:
        with zipfile.ZipFile(archive) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise CannotRun(f"L'archive du modèle {name} est abîmée ({bad}). "
                                "Relancez « voiceguide model download ».")
            for member in zf.namelist():
                parts = Path(member).parts
                if member.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
                    raise CannotRun(f"L'archive du modèle {name} contient un chemin dangereux "
                                    f"({member}) : installation refusée.")
            zf.extractall(into)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise CannotRun(f"L'archive du modèle {name} est illisible ({exc}). "
                        "Relancez « voiceguide model download ».") from None
    if is_vosk_model(into / name):
        return into / name
    tops = [p for p in into.iterdir() if p.is_dir()]
    if len(tops) == 1 and is_vosk_model(tops[0]):
        return tops[0]
    if is_vosk_model(into):
        return into
    raise CannotRun(f"L'archive téléchargée ne contient pas de modèle vosk complet ({name}). "
                    "Réessayez plus tard.")


def download_model(dest_root: Path, *, list_url: str = MODEL_LIST_URL,
                   name: str = DEFAULT_MODEL_NAME, progress: Progress | None = None,
                   timeout: float = 30.0) -> Path:
    """Installs model ``name`` as ``dest_root/name`` and returns that path.

    Already installed: returns at once, without the network. Any failure
    raises CannotRun (French message) and leaves ``dest_root`` as it was.
    """
    dest_root = Path(dest_root)
    final = dest_root / name
    if is_vosk_model(final):
        return final
    if final.exists():
        raise CannotRun(f"{final} existe mais n'est pas un modèle vosk complet : supprimez ce "
                        "dossier puis relancez « voiceguide model download ».")
    try:
        dest_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CannotRun(f"Impossible de créer le dossier des modèles {dest_root} "
                        f"({exc.strerror or exc}).") from None

    response = _fetch(list_url, timeout, dest_root)
    try:
        with response:
            listing = response.read()
    except (OSError, http.client.HTTPException):
        raise _offline(dest_root) from None
    entry = parse_model_list(listing, name)

    work = Path(tempfile.mkdtemp(prefix=f".{name}.part-", dir=dest_root))
    try:
        archive = work / f"{name}.zip"
        _download_to(entry, archive, progress, timeout, dest_root)
        unpacked = work / "unpacked"
        unpacked.mkdir()
        model_dir = _unpack(archive, unpacked, name)
        try:
            os.replace(model_dir, final)   # same filesystem: atomic
        except OSError as exc:
            raise CannotRun(f"Impossible d'installer le modèle dans {final} "
                            f"({exc.strerror or exc}).") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final


def unreachable_since() -> str | None:
    """The day (YYYY-MM-DD) the site could not be reached, when that is the last thing known."""
    try:
        return (data_dir() / UNREACHABLE_FILE).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def _remember_unreachable(unreachable: bool) -> None:
    path = data_dir() / UNREACHABLE_FILE
    try:
        if unreachable:
            write_atomic(path, time.strftime("%Y-%m-%d") + "\n")
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass   # only a convenience: the next automatic attempt will simply try again


def fetch_model(dest_root: Path, *, list_url: str = MODEL_LIST_URL, name: str = DEFAULT_MODEL_NAME,
                progress: Progress | None = None) -> Path:
    """``download_model``, remembering whether the site could be reached (see the module docstring)."""
    try:
        path = download_model(dest_root, list_url=list_url, name=name, progress=progress)
    except SiteUnreachable:
        _remember_unreachable(True)
        raise
    _remember_unreachable(False)
    return path


def main_download(dest_root: Path | None = None, *, name: str = DEFAULT_MODEL_NAME,
                  list_url: str = MODEL_LIST_URL, stream: TextIO | None = None, auto: bool = False) -> int:
    """``voiceguide model download [--auto]``: installs the French model, prints where; returns the exit code.

    ``auto`` (``make run``): when an earlier attempt found the site unreachable, says so in one line
    and does not try again. Errors are raised as UserError/CannotRun for the CLI to print.
    """
    stream = stream if stream is not None else sys.stderr
    root = Path(dest_root) if dest_root is not None else default_download_root()
    existing = root / name
    if is_vosk_model(existing):
        stream.write(f"Le modèle {name} est déjà installé dans {existing}.\n")
        return 0
    since = unreachable_since() if auto else None
    if since is not None:
        day = "/".join(reversed(since.split("-")))
        stream.write(f"Modèle de reconnaissance vocale pas encore installé : le site était injoignable le {day}. "
                     "« make model » (ou « voiceguide model download ») réessaie.\n")
        return 0
    started = time.monotonic()
    stream.write(f"Téléchargement du modèle {name} vers {root}…\n")
    path = fetch_model(root, list_url=list_url, name=name, progress=ProgressBar(f"Téléchargement de {name}", stream))
    stream.write(f"Modèle installé dans {path} ({time.monotonic() - started:.0f} s).\n")
    return 0
