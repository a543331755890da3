"""Is a screen reader running? Then the guide can print only and leave the speaking to it.

Most blind users already run NVDA, JAWS, VoiceOver or Orca, which read the
terminal aloud: two voices at once are unusable. This module only *finds* a
running reader, by the name of its process; the choice is the person's
(setup and the first run offer the screen-reader mode, the settings keep it).
Nothing is sent anywhere and no process is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# Process names (lower case, without ".exe") and the name the person knows.
READERS: dict[str, str] = {
    "orca": "Orca",
    "nvda": "NVDA",
    "jfw": "JAWS",
    "voiceover": "VoiceOver",
    "narrator": "le Narrateur de Windows",
}


def running_screen_reader(proc: Path = Path("/proc")) -> str | None:
    """The name of a screen reader that is running, or None (also when it cannot be told)."""
    for name in _process_names(proc):
        reader = READERS.get(name.lower().removesuffix(".exe"))
        if reader is not None:
            return reader
    return None


def _process_names(proc: Path) -> Iterable[str]:
    if sys.platform.startswith("linux"):
        return _linux_names(proc)
    if os.name == "nt":
        return _command_names(["tasklist", "/fo", "csv", "/nh"], first_csv_field=True)
    if sys.platform == "darwin":
        return _command_names(["ps", "-axco", "comm"])
    return ()


def _linux_names(proc: Path) -> Iterable[str]:
    """Names of the user's processes, from /proc/<pid>/comm (a program may also be run as « python3 orca »)."""
    try:
        entries = [p for p in proc.iterdir() if p.name.isdigit()]
    except OSError:
        return
    for entry in entries:
        try:
            yield (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:   # the process ended meanwhile, or is not ours to read
            continue
        for arg in argv[1:2]:     # an interpreter's script: /usr/bin/orca under python3
            yield Path(arg.decode("utf-8", "replace")).name


def _command_names(command: list[str], first_csv_field: bool = False) -> Iterable[str]:
    try:
        listing = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    names = []
    for line in listing.splitlines():
        name = line.split('","')[0].strip('"') if first_csv_field else line.strip()
        names.append(Path(name).name)
    return names
