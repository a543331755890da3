"""Where the user's files live, and how they are replaced and kept aside without loss.

Every directory comes from here so that tests (and carers) can move them all
at once: platformdirs honours XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME on Linux.
Settings and progress are rewritten through a temporary file and
``os.replace``, so a crash or a full disk never leaves a half-written file;
the folder is locked meanwhile, so that runs at the same time take turns
(each reads the others' changes before writing its own) and a writer killed
in the middle leaves at most one hidden ``.NAME.tmp``, replaced by the next
write. A file that cannot be read is renamed ``NAME.bak`` (``.bak.1``, ... if
taken), never overwritten, so that a carer can look at it later. Small files
are read with a size limit, so that a huge one is refused without being read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import platformdirs

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the module or None: the locks check which, mypy only knows the module

APP_NAME = "voiceguide"


# appauthor=False: no "author" level on Windows (...\voiceguide, not ...\voiceguide\voiceguide).
def config_dir() -> Path:
    """The user's configuration directory (settings)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's data directory (progress, own guides, downloaded models)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be made again from the installed packages (the sentence encoder's unpacked table)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_guides_dir() -> Path:
    """Where a carer puts their own guides; ``voiceguide guides`` lists them."""
    return data_dir() / "guides"


def models_dir() -> Path:
    """Where downloaded speech-recognition models are kept."""
    return data_dir() / "models"


# A lock is held for the few milliseconds of a read and a write; one held longer belongs to a process
# that is stopped (Ctrl-Z) or stuck: after this wait the write goes ahead unlocked rather than hang.
LOCK_WAIT_SECONDS = 5.0
_LOCK_POLL_SECONDS = 0.01
WINDOWS_LOCK_NAME = ".voiceguide.lock"  # Windows cannot lock a folder: this file in it stands for it


@contextlib.contextmanager
def updating(path: Path) -> Iterator[Callable[[str], None]]:
    """Lock ``path``'s folder for a read-change-replace; yields the function that replaces ``path``.

    ``with updating(p) as replace: old = p.read_bytes(); replace(new_text)``: another
    process doing the same waits its turn, so neither loses the other's change.
    Creates the folder. Raises OSError (the caller turns it into a French message).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = _lock_folder(path.parent)
    try:
        yield lambda text: _replace(path, text, fixed_temporary=lock is not None)
    finally:
        if lock is not None:
            os.close(lock)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: readers see the old file or the new one, never a mix.

    Creates the parent directory. Raises OSError (the caller turns it into a
    French message).
    """
    with updating(path) as replace:
        replace(text)


def temporary_name(path: Path) -> Path:
    """The hidden file a locked write goes through before it replaces ``path``."""
    return path.with_name(f".{path.name}.tmp")


def _replace(path: Path, text: str, fixed_temporary: bool) -> None:
    if fixed_temporary:
        # Only one writer at a time holds the lock: a fixed name is safe, and one left by a writer
        # that was killed is simply written over.
        tmp = temporary_name(path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
    else:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
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


def _lock_folder(folder: Path) -> int | None:
    """A descriptor holding an exclusive lock on ``folder``, or None when it cannot be had in time.

    Without a lock the write still happens (through a temporary file of its
    own): progress and settings are a comfort, never a reason to stop.
    """
    try:
        if fcntl is not None:
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        else:
            fd = os.open(folder / WINDOWS_LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            _try_lock(fd)
            return fd
        except BlockingIOError:
            pass
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):  # EACCES, EDEADLK: Windows
                break  # a file system without locks (some network shares)
        if time.monotonic() >= deadline:
            break
        time.sleep(_LOCK_POLL_SECONDS)
    os.close(fd)
    return None


def _try_lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # released when the descriptor is closed


def backup_name(path: Path) -> Path:
    """The first free name among ``NAME.bak``, ``NAME.bak.1``, ``NAME.bak.2``, ..."""
    candidate = path.with_name(path.name + ".bak")
    n = 0
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.bak.{n}")
    return candidate


def set_aside(path: Path) -> Path | None:
    """Rename a bad file to its backup name so it is kept, and never put it over another file.

    Returns the new path, or None when the rename failed (read-only
    directory, ...): the file then stays where it is.
    """
    for _ in range(100):   # each turn: a backup name that another process took meanwhile
        target = backup_name(path)
        try:
            # A hard link is never made over an existing file, unlike a rename on POSIX.
            os.link(path, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):   # no hard links here (FAT, some network shares)
            return _rename_if_free(path, target)
        try:
            os.unlink(path)
        except OSError:
            _unlink_quietly(target)
            return None
        return target
    return None


def _rename_if_free(path: Path, target: Path) -> Path | None:
    """For file systems without hard links; Windows' rename never replaces a file."""
    if target.exists() or target.is_symlink():
        return None
    try:
        os.rename(path, target)
    except OSError:
        return None
    return target


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class FileTooBig(Exception):
    """A file holds more than the reader's limit; ``size`` is what was found (bytes)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a file meant to be small; raises FileTooBig (before reading it whole) beyond ``limit``.

    Raises OSError when it cannot be read. The caller has checked that it is
    a regular file (a named pipe would block here).
    """
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise FileTooBig(size)
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew after fstat()
        raise FileTooBig(len(data))
    return data


def size_text(size: int) -> str:
    """A file size the French way: « 12 Ko », « 1,5 Mo », « 2,0 Go »."""
    if size < 1024 * 1024:
        return f"{size // 1024} Ko"
    if size < 1024 ** 3:
        return f"{size / 1024 ** 2:.1f} Mo".replace(".", ",")
    return f"{size / 1024 ** 3:.1f} Go".replace(".", ",")


# ext4, XFS, Btrfs, APFS and NTFS all stop a name at 255; Linux a whole path at 4096 bytes.
NAME_MAX = 255
PATH_MAX = 4096


def path_name_problem(name: str) -> str | None:
    """Why the system would refuse this file name for its length (French), or None.

    Checked before the name is used, so that the person reads which name is
    too long instead of the system's « File name too long ».
    """
    for part in Path(name).parts:
        if len(os.fsencode(part)) > NAME_MAX:
            return (f"le nom « {shorten(part)} » est trop long ({len(part)} caractères) : un nom de fichier "
                    f"ou de dossier a au plus {NAME_MAX} caractères sans accent (un caractère accentué compte "
                    "double) ; raccourcissez-le")
    if len(os.fsencode(name)) > PATH_MAX:
        return (f"le chemin « {shorten(name)} » est trop long ({len(name)} caractères, {PATH_MAX} au plus) : "
                "raccourcissez-le")
    return None


def shorten(text: str, keep: int = 24) -> str:
    """A long name as its start and end, so that a message stays readable."""
    return text if len(text) <= 2 * keep + 1 else f"{text[:keep]}…{text[-keep:]}"
