"""Where the user stopped in each guide, so that the next start can offer to resume there.

One JSON file in the user's data directory (``progress.json``) holds, per
guide, the step id and when it was saved::

    {"format": 1, "guides": {"bundled:ameli-connexion": {"step": "ecran-connexion",
                                                         "saved_at": "2025-03-01T10:12:00+00:00"}}}

A guide is identified by ``progress_key``: ``bundled:NAME`` for the guides
shipped with voiceguide (stable when the package is reinstalled elsewhere),
and the resolved absolute path for any other file (stable when the carer
edits its title or steps; moving the file starts afresh).

Progress is a comfort, never a reason to stop: a damaged file (or one
too big to be progress) is renamed ``progress.json.bak`` (``.bak.1``, ...)
with a French notice and the guide starts at the beginning; a file that
cannot be written gives a notice.

Several runs at once (two guides, two windows) each change only their own
entry: the file is read, changed and replaced under a lock of its folder
(userdirs.updating), so no run loses another's entry.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from voiceguide.guide import BUNDLED_DIR
from voiceguide.userdirs import FileTooBig, data_dir, read_limited, set_aside, size_text, updating

PROGRESS_FILE_NAME = "progress.json"
FORMAT = 1
# One entry is about 150 bytes (a few hundred with a long path): this is thousands of guides.
MAX_PROGRESS_BYTES = 1024 * 1024

Notify = Callable[[str], None]


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def progress_path() -> Path:
    """The progress file in the user's data directory."""
    return data_dir() / PROGRESS_FILE_NAME


def progress_key(path: Path) -> str:
    """The stable name under which a guide's progress is kept (see the module docstring)."""
    resolved = path.expanduser().resolve()
    try:
        relative = resolved.relative_to(BUNDLED_DIR.resolve())
    except ValueError:
        return str(resolved)
    return "bundled:" + relative.with_suffix("").as_posix()


def load_progress(
    guide_key: str,
    valid_ids: Collection[str] | None = None,
    notify: Notify = _to_stderr,
    file: Path | None = None,
) -> str | None:
    """The step where the user stopped in this guide, or None to start at the beginning.

    With ``valid_ids``, a saved step that the guide no longer has is ignored
    with a notice (the guide was edited since).
    """
    entries = _read(file or progress_path(), notify)
    entry = entries.get(guide_key)
    if entry is None:
        return None
    step = entry.get("step") if isinstance(entry, dict) else None
    if not isinstance(step, str) or not step:
        notify("L'endroit où vous vous étiez arrêté dans ce guide est illisible : le guide commence au début.")
        return None
    if valid_ids is not None and step not in valid_ids:
        notify(
            f"L'étape où vous vous étiez arrêté (« {step} ») n'existe plus dans ce guide, "
            "qui a sans doute été modifié : le guide commence au début."
        )
        return None
    return step


def save_progress(
    guide_key: str,
    step_id: str,
    notify: Notify = _to_stderr,
    file: Path | None = None,
    now: datetime | None = None,
) -> bool:
    """Remember ``step_id`` for this guide; False (with a notice) when it could not be written."""
    saved_at = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")

    def change(entries: dict[str, Any]) -> bool:
        entries[guide_key] = {"step": step_id, "saved_at": saved_at}
        return True

    return _update(file or progress_path(), change, notify, create=True)


def clear_progress(guide_key: str, notify: Notify = _to_stderr, file: Path | None = None) -> bool:
    """Forget this guide's progress (finished, or ``--restart``); False (with a notice) when it could not be written."""
    def change(entries: dict[str, Any]) -> bool:
        return entries.pop(guide_key, None) is not None

    return _update(file or progress_path(), change, notify, create=False)


def _update(target: Path, change: Callable[[dict[str, Any]], bool], notify: Notify, create: bool) -> bool:
    """Read, change and write the entries under the folder's lock, so that runs at the same time merge.

    ``change`` returns False when it changed nothing (nothing is written);
    without ``create`` a missing file is left missing.
    """
    if not create and not target.exists():
        return True
    try:
        with updating(target) as replace:
            entries = _read(target, notify)
            if change(entries):
                replace(json.dumps({"format": FORMAT, "guides": entries}, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        notify(
            f"Impossible d'enregistrer l'endroit où vous en êtes dans « {target} » ({exc.strerror or exc}) : "
            "la prochaine fois, le guide commencera au début."
        )
        return False
    return True


def _read(target: Path, notify: Notify) -> dict[str, Any]:
    """All guides' entries; a damaged file is set aside (with a notice) and counts as empty."""
    if target.is_dir():
        notify(f"« {target} » est un dossier : l'endroit où vous vous étiez arrêté ne peut pas être retrouvé.")
        return {}
    if target.exists() and not target.is_file():  # a FIFO or a device would block or never end
        notify(f"« {target} » n'est pas un fichier ordinaire : l'endroit où vous vous étiez arrêté ne peut "
               "pas être retrouvé, le guide commence au début.")
        return {}
    try:
        raw = read_limited(target, MAX_PROGRESS_BYTES)
    except FileNotFoundError:
        return {}
    except FileTooBig as exc:
        _damaged(target, f"il est bien trop gros ({size_text(exc.size)}) : il ne fait d'habitude que quelques Ko", notify)
        return {}
    except OSError as exc:
        _damaged(target, f"il ne peut pas être lu ({exc.strerror or exc})", notify)
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        _damaged(target, "son contenu est abîmé", notify)
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("guides"), dict):
        _damaged(target, "son contenu n'a pas la forme attendue", notify)
        return {}
    return data["guides"]


def _damaged(target: Path, reason: str, notify: Notify) -> None:
    kept = set_aside(target)
    where = f"Il a été mis de côté sous « {kept} »." if kept else "Il n'a pas pu être renommé."
    notify(
        f"Le fichier qui garde l'endroit où vous vous étiez arrêté (« {target} ») ne peut pas servir : "
        f"{reason}. Le guide commence au début. {where}"
    )
