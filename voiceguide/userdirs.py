"""Where the user's files live, and how they are replaced and kept aside without loss.

Every directory comes from here so that tests (and carers) can move them all
at once: platformdirs honours XDG_CONFIG_HOME and XDG_DATA_HOME on Linux.
Settings and progress are rewritten through a temporary file and
``os.replace``, so a crash or a full disk never leaves a half-written file; a
file that cannot be read is renamed ``NAME.bak`` (``.bak.1``, ... if taken),
never overwritten, so that a carer can look at it later.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "voiceguide"


# appauthor=False: no "author" level on Windows (...\voiceguide, not ...\voiceguide\voiceguide).
def config_dir() -> Path:
    """The user's configuration directory (settings)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's data directory (progress, own guides, downloaded models)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_guides_dir() -> Path:
    """Where a carer puts their own guides; ``voiceguide guides`` lists them."""
    return data_dir() / "guides"


def models_dir() -> Path:
    """Where downloaded speech-recognition models are kept."""
    return data_dir() / "models"


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: readers see the old file or the new one, never a mix.

    Creates the parent directory. Raises OSError (the caller turns it into a
    French message).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def backup_name(path: Path) -> Path:
    """The first free name among ``NAME.bak``, ``NAME.bak.1``, ``NAME.bak.2``, ..."""
    candidate = path.with_name(path.name + ".bak")
    n = 0
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.bak.{n}")
    return candidate


def set_aside(path: Path) -> Path | None:
    """Rename a bad file to its backup name so it is kept, not overwritten.

    Returns the new path, or None when the rename failed (read-only
    directory, ...): the file then stays where it is.
    """
    target = backup_name(path)
    try:
        os.rename(path, target)
    except OSError:
        return None
    return target
