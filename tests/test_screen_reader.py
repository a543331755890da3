"""Finding a running screen reader by its process, on this Linux machine: real processes, real /proc."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from voiceguide.carer.screen_reader import running_screen_reader

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")


def start_named(tmp_path: Path, name: str, script: bool = False) -> subprocess.Popen:
    """A real process called ``name``: a copy of sleep, or a Python script of that name (as Orca runs)."""
    if script:
        path = tmp_path / name
        path.write_text("import time\ntime.sleep(60)\n")
        proc = subprocess.Popen([sys.executable, str(path)])
    else:
        path = tmp_path / name
        shutil.copy(shutil.which("sleep"), path)
        proc = subprocess.Popen([str(path), "60"])
    time.sleep(0.2)   # let /proc show it (a start, not a timing)
    return proc


def test_no_reader_here() -> None:
    assert running_screen_reader() is None


@pytest.mark.parametrize("name, script, reader", [("orca", True, "Orca"), ("orca", False, "Orca"),
                                                  ("nvda.exe", False, "NVDA")])
def test_a_running_reader_is_found_by_its_process(tmp_path: Path, name: str, script: bool, reader: str) -> None:
    proc = start_named(tmp_path, name, script)
    try:
        assert running_screen_reader() == reader
    finally:
        proc.kill()
        proc.wait()
    assert running_screen_reader() is None


def test_an_unreadable_proc_is_no_reader(tmp_path: Path) -> None:
    assert running_screen_reader(tmp_path / "absent") is None
