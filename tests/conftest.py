"""Shared fixtures: the real ``voiceguide`` command in a subprocess, in a throw-away home.

Before any test, the machine is checked (``pytest_sessionstart``). Every run
gets its own HOME and XDG directories under pytest's tmp_path, so
that no test reads or writes the real user's settings, progress or models,
and no run sees what an earlier run saved (progress would change where the
guide starts). Test modules import the plain helpers (``read_events``,
``assert_no_traceback``, ``BROKEN_GUIDES``) from here.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import NamedTuple

import pytest

# Each pytest-xdist worker has a core: OpenBLAS's own threads, one per core in every worker, fought over them
# (busy-waiting) and the corpus halves took four times as long. A lone process (the guide, the benchmark) keeps them.
# Read when numpy loads OpenBLAS, which no worker has done yet here (a speech worker the tests start may have).
if "PYTEST_XDIST_WORKER" in os.environ:
    for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(_threads, "1")

# A guard against a hung child, not a performance assertion: a healthy run takes well under a second.
CLI_TIMEOUT = 60.0
MISSING_SYSTEM_EXIT = pytest.ExitCode.USAGE_ERROR   # the machine cannot run the suite: no test is run


def pytest_sessionstart(session: pytest.Session) -> None:
    """The machine first: a system package the tests need (espeak-ng, libportaudio2, sox, strace) that
    does not work stops the whole run here, with one message naming it and the command to type, rather
    than scattered failures or skips later (voiceguide.system, the checks ``make test`` runs)."""
    from voiceguide.system import TEST, find_missing, missing_message

    missing = find_missing(TEST)
    if missing:
        pytest.exit(missing_message(missing, "make test"), returncode=MISSING_SYSTEM_EXIT)
    os.environ["XDG_CACHE_HOME"] = str(SHARED_CACHE)


# The one user directory every test of a run shares (and scripts/bench.py's runs): what is in it is made
# again from the installed packages (the sentence encoder's unpacked table, 65 MB: unpacked once per run,
# not once per test), never the user's, and never the real user's own cache.
SHARED_CACHE = Path(tempfile.mkdtemp(prefix="voiceguide-tests-cache-"))
atexit.register(shutil.rmtree, SHARED_CACHE, True)

# DESIGN.md's event kinds, plus "key" (a key press, logged like an utterance) and "input" (the
# microphone was lost: keys or typed lines from then on).
EVENT_KINDS = frozenset(
    {"step", "utterance", "command", "nomatch", "noinput", "confirm", "setting", "end", "key", "input"}
)
_SCALARS = (str, int, float, bool, type(None))


class CliResult(NamedTuple):
    """What one ``voiceguide`` process did."""

    code: int
    stdout: str
    stderr: str


@dataclass
class GuideRun:
    """A ``voiceguide run`` with its events log read back and checked against the contract."""

    code: int
    stdout: str
    stderr: str
    events: list[dict] = field(default_factory=list)

    def steps(self) -> list[str]:
        """The step ids entered, in order (the path through the guide)."""
        return [e["step"] for e in self.events if e["event"] == "step"]


def isolated_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a child: this one, with every user directory moved under ``home`` (the cache, which
    holds nothing of the user's, to the run's shared one)."""
    env = dict(os.environ)
    env.pop("VOICEGUIDE_MODEL", None)  # the real user's model must not leak into a test
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(SHARED_CACHE),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
    )
    if extra:
        env.update(extra)
    return env


# A test of the screen-reader mode runs a real process called « orca » for a few seconds; any guide started meanwhile,
# by another test on another worker, would find it and ask about it. Such a test holds this lock alone; every guide a
# test starts holds it shared (not within the screen-reader test itself, which starts its own guide).
_READER_LOCK = Path(tempfile.gettempdir()) / f"voiceguide-tests-{os.getuid()}-screen-reader.lock"
_running_a_reader = False


@contextmanager
def _reader_lock(kind: int) -> Iterator[None]:
    if _running_a_reader:
        yield
        return
    with open(_READER_LOCK, "a") as handle:
        fcntl.flock(handle, kind)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def no_screen_reader_running() -> contextlib.AbstractContextManager[None]:
    """While a guide a test started runs: no test's « orca » process runs."""
    return _reader_lock(fcntl.LOCK_SH)


@contextmanager
def a_screen_reader_running() -> Iterator[None]:
    """While a test runs a process named as a screen reader: no other test's guide runs."""
    global _running_a_reader
    with _reader_lock(fcntl.LOCK_EX):
        _running_a_reader = True
        try:
            yield
        finally:
            _running_a_reader = False


def run_command(command: Sequence[str], stdin: str | bytes = "", env: dict[str, str] | None = None,
                cwd: Path | None = None, timeout: float = CLI_TIMEOUT) -> CliResult:
    """Run ``command`` to its end; stdout and stderr must be UTF-8 (the user reads them)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    with no_screen_reader_running():
        done = subprocess.run(list(command), input=data, capture_output=True, env=env, cwd=cwd,
                              timeout=timeout, check=False)
    return CliResult(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def read_events(path: Path) -> list[dict]:
    """The events log, each line checked against DESIGN.md's contract (JSON Lines, ``t``, ``event``...)."""
    raw = path.read_bytes()
    assert b"\x00" not in raw, "the events log holds binary data"
    text = raw.decode("utf-8")
    assert text == "" or text.endswith("\n"), "the last event line is not terminated"
    events: list[dict] = []
    last_t = 0.0
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{path.name}:{number}: {line[:200]}"
        event = json.loads(line)
        assert isinstance(event, dict), where
        t = event.get("t")
        assert isinstance(t, (int, float)) and not isinstance(t, bool), where
        assert t >= last_t, f"{where}: t goes backwards"
        last_t = t
        kind = event.get("event")
        assert kind in EVENT_KINDS, f"{where}: unknown event kind"
        for key, value in event.items():
            assert isinstance(value, _SCALARS), f"{where}: {key} is not a plain value"
            if isinstance(value, str):
                control = any(unicodedata.category(c) == "Cc" for c in value)
                assert not control, f"{where}: {key} holds control characters"
        _check_fields(event, where)
        events.append(event)
    ends = [i for i, e in enumerate(events) if e["event"] == "end"]
    assert len(ends) <= 1, f"{path.name}: more than one end event"
    assert not ends or ends[0] == len(events) - 1, f"{path.name}: events after the end event"
    return events


def _check_fields(event: dict, where: str) -> None:
    kind = event["event"]
    if kind == "step":
        assert isinstance(event.get("step"), str) and event["step"], where
        assert isinstance(event.get("text"), str) and event["text"].strip(), where
    elif kind == "utterance":
        assert isinstance(event.get("text"), str), where
        confidence = event.get("confidence")
        assert isinstance(confidence, (int, float)) and 0.0 <= confidence <= 1.0, where
        assert isinstance(event.get("source"), str) and event["source"], where
    elif kind in ("command", "setting", "confirm"):
        assert isinstance(event.get("name"), str) and event["name"], where
    elif kind == "key":
        assert isinstance(event.get("key"), str) and event["key"], where
    elif kind == "end":
        assert isinstance(event.get("reason"), str) and event["reason"], where


# Guides that cannot be run: name -> (file content, or None for a folder; the line of the first
# problem; a piece of its French message; how many problems ``validate`` reports).
BROKEN_GUIDES: dict[str, tuple[str | bytes | None, int, str, int]] = {
    "yaml-syntax": ("title: Essai\nlanguage: fr\nsteps: [\n  - id: a\n", 4, "crochets", 1),  # the stray "-"
    "unknown-target": (
        "title: Essai\nlanguage: fr\nsource: Test.\nstart: debut\nsteps:\n"
        "  - id: debut\n    title: Début\n    say: Bonjour.\n    next: nulle-part\n"
        "  - id: fin\n    title: Fin\n    say: Au revoir.\n    end: true\n",
        9, "étape inconnue « nulle-part »", 2),  # and "fin" can no longer be reached
    "empty": ("", 1, "vide", 1),
    "binary": (bytes(range(256)) * 4, 1, "binaire", 1),
    "directory": (None, 1, "dossier", 1),
}


def make_broken_guide(folder: Path, kind: str) -> tuple[Path, int, str, int]:
    """Write the broken guide ``kind`` into ``folder``: its path, line, message piece and problem count."""
    content, line, word, problems = BROKEN_GUIDES[kind]
    path = folder / f"{kind}.yaml"
    if content is None:
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path, line, word, problems


def assert_no_traceback(result: CliResult | GuideRun) -> None:
    """A user never sees Python's insides."""
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream
        assert 'File "' not in stream, stream


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., CliResult]:
    """``run_cli(args, stdin="", env=None, cwd=None, home=None)``: ``python -m voiceguide ARGS``.

    Each call gets a fresh home and working folder under tmp_path unless
    ``home`` / ``cwd`` are given; ``command`` replaces ``python -m voiceguide``
    (for the console script); ``timeout`` (seconds) only guards against a hang.
    """
    numbers = count(1)

    def run(args: Sequence[str], stdin: str | bytes = "", env: dict[str, str] | None = None,
            cwd: Path | None = None, home: Path | None = None,
            command: Sequence[str] | None = None, timeout: float = CLI_TIMEOUT) -> CliResult:
        n = next(numbers)
        home = home or tmp_path / f"home-{n}"
        home.mkdir(parents=True, exist_ok=True)
        workdir = cwd or tmp_path / f"cwd-{n}"
        workdir.mkdir(parents=True, exist_ok=True)
        program = list(command) if command else [sys.executable, "-m", "voiceguide"]
        return run_command([*program, *args], stdin, isolated_env(home, env), workdir, timeout)

    return run


@pytest.fixture
def run_guide(run_cli: Callable[..., CliResult], tmp_path: Path) -> Callable[..., GuideRun]:
    """``run_guide(lines, input="text", args=())``: a whole session with --tts none and an events log.

    ``lines`` is what is typed: a list of lines for text input, a string of
    characters for keyboard input. The log is checked against the contract;
    the process must not show a traceback.
    """
    numbers = count(1)

    def run(lines: Sequence[str] | str, input: str = "text", args: Sequence[str] = ()) -> GuideRun:
        log = tmp_path / f"events-{next(numbers)}.jsonl"
        stdin = lines if isinstance(lines, str) else "".join(f"{line}\n" for line in lines)
        result = run_cli(["run", "--input", input, "--tts", "none", "--events", str(log), *args], stdin)
        assert_no_traceback(result)
        events = read_events(log) if log.exists() else []
        return GuideRun(result.code, result.stdout, result.stderr, events)

    return run


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary home for in-process tests: no test reads or writes the real user's files."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def home_without_model(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary home, and no French model anywhere (not in the checkout, not in the environment)."""
    from voiceguide.listening import model_store

    monkeypatch.delenv(model_store.ENV_VAR, raising=False)
    monkeypatch.setattr(model_store, "SOURCE_MODELS_DIR", home / "checkout" / "models")
    monkeypatch.chdir(home)
    return home

