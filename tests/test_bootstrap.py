"""``make run`` / ``make test`` (voiceguide/bootstrap.py): what is done again on a second launch, and what is not.

The whole path was run as a person would (a fresh clone, ``make run`` in a
terminal, then again offline: see the issue notes). Here the decisions are
checked on their own; pip, which needs the package index, is the stand-in
edge: a recorder stands in for the command runner.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voiceguide import bootstrap


class Recorder:
    def __init__(self, code: int = 0) -> None:
        self.code = code
        self.commands: list[list[str]] = []

    def __call__(self, command, env=None) -> int:
        self.commands.append([str(c) for c in command])
        return self.code


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder()
    monkeypatch.setattr(bootstrap, "_call", rec)
    return rec


def test_voiceguide_is_installed_once_then_only_when_pyproject_changes(tmp_path: Path, recorder: Recorder) -> None:
    venv = tmp_path / "venv"
    venv.mkdir()
    assert bootstrap.ensure_installed(venv, None)
    assert recorder.commands == [[str(bootstrap.venv_python(venv)), "-m", "pip", "install", "--quiet", "-e", "."]]
    assert bootstrap.ensure_installed(venv, None)          # second launch: nothing to do, works offline
    assert len(recorder.commands) == 1
    assert bootstrap.ensure_installed(venv, "test")         # the tests need their extra once
    assert recorder.commands[-1][-1] == ".[test]"
    assert bootstrap.ensure_installed(venv, None) and bootstrap.ensure_installed(venv, "test")
    assert len(recorder.commands) == 2
    pyproject = bootstrap.ROOT / "pyproject.toml"
    later = pyproject.stat().st_mtime + 10
    os.utime(venv / bootstrap.STAMP, (later - 20, later - 20))   # the stamp is now older than pyproject.toml
    assert bootstrap.ensure_installed(venv, None)
    assert len(recorder.commands) == 3


def test_a_failed_install_says_so_and_is_tried_again_next_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(bootstrap, "_call", Recorder(code=1))
    assert not bootstrap.ensure_installed(tmp_path, None)
    assert "il faut Internet" in capsys.readouterr().err
    assert not (tmp_path / bootstrap.STAMP).exists()


def test_run_tries_the_model_automatically_then_starts_the_guide_with_the_options(tmp_path: Path,
                                                                                  recorder: Recorder) -> None:
    assert bootstrap.run(tmp_path, ["--input", "keyboard"]) == 0
    python = str(bootstrap.venv_python(tmp_path))
    assert recorder.commands == [[python, "-m", "voiceguide", "model", "download", "--auto"],
                                 [python, "-m", "voiceguide", "run", "--input", "keyboard"]]


def test_the_command_to_type_again_is_the_one_that_was_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKELEVEL", "1")
    assert bootstrap.again("run") == "make run"
    monkeypatch.delenv("MAKELEVEL")
    assert bootstrap.again("test").endswith(" -m voiceguide.bootstrap test")
