"""Run a command on this machine as if some Debian packages had been removed, without removing them.

Other engineers run tests on this machine, so nothing may be uninstalled. A
child process is started instead in a private mount namespace (``unshare
-m``) where every file that the packages put under /usr/bin and /usr/lib
(according to ``dpkg -L``) is covered by a bind mount of /dev/null: the file
is still listed, but empty, so a library does not load ("file too short"),
a program is not executable, and espeak-ng finds no voice data. The
dynamic linker's cache is rebuilt inside the namespace (``ldconfig -X -C``:
no link is touched, the cache goes to a private file mounted over
/etc/ld.so.cache), so a library lookup by name (ctypes.util.find_library,
as sounddevice does it) no longer finds the library either: what the child
meets is what it would meet after ``apt-get remove``. Nothing outside the
child changes, and the mounts vanish with it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

_SCRIPT = """
set -e
cache="$1"; shift
while [ "$1" != "--" ]; do mount --bind /dev/null "$1"; shift; done
shift
ldconfig -X -C "$cache" 2>/dev/null
mount --bind "$cache" /etc/ld.so.cache
exec "$@"
"""


def package_files(packages: Sequence[str]) -> list[str]:
    """The regular files the packages installed under /usr/bin and /usr/lib (what programs load)."""
    found = []
    for package in packages:
        listed = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=False)
        if listed.returncode != 0:
            pytest.skip(f"le paquet {package} n'est pas installé ici : il ne peut pas être caché")
        for name in listed.stdout.splitlines():
            path = Path(name)
            if name.startswith(("/usr/bin/", "/usr/lib/")) and path.is_file() and not path.is_symlink():
                found.append(name)
    return found


def without_packages(packages: Sequence[str], command: Sequence[str], tmp: Path) -> list[str]:
    """``command``, to be run with the files of ``packages`` out of its sight (see the module docstring)."""
    if shutil.which("dpkg") is None or shutil.which("unshare") is None:
        pytest.skip("cacher un paquet demande dpkg et unshare (Debian ou Ubuntu)")
    root = os.geteuid() == 0
    unshare = ["unshare", "--mount", "--propagation", "private", *([] if root else ["--map-root-user"])]
    probe = subprocess.run([*unshare, "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"pas d'espace de noms de montage ici ({probe.stderr.strip()})")
    files = package_files(packages)
    return [*unshare, "sh", "-c", _SCRIPT, "hide", str(tmp / "ld.so.cache"), *files, "--", *command]
