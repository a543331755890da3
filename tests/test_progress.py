"""Progress: where the user stopped, per guide; a damaged file means a fresh start, never a crash."""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voiceguide import userdirs
from voiceguide.carer.progress import (
    clear_progress,
    load_progress,
    progress_key,
    progress_path,
    save_progress,
)
from voiceguide.guide import DEFAULT_GUIDE

KEY = "bundled:ameli-connexion"


@pytest.fixture
def notices() -> list[str]:
    return []


def test_fresh_start_has_no_progress(home: Path, notices: list[str]) -> None:
    assert load_progress(KEY, notify=notices.append) is None
    assert notices == []
    assert progress_path() == home / "data" / "voiceguide" / "progress.json"


def test_saved_step_comes_back_with_its_time(home: Path, notices: list[str]) -> None:
    moment = datetime(2025, 3, 1, 10, 12, tzinfo=timezone.utc)
    assert save_progress(KEY, "ecran-connexion", notify=notices.append, now=moment)
    assert load_progress(KEY, notify=notices.append) == "ecran-connexion"
    data = json.loads(progress_path().read_text(encoding="utf-8"))
    assert data["guides"][KEY] == {"step": "ecran-connexion", "saved_at": "2025-03-01T10:12:00+00:00"}
    assert notices == []


def test_each_guide_keeps_its_own_place(home: Path, notices: list[str]) -> None:
    save_progress(KEY, "mes-paiements", notify=notices.append)
    save_progress("/home/aidant/guides/email.yaml", "joindre", notify=notices.append)
    save_progress(KEY, "messages", notify=notices.append)
    assert load_progress(KEY, notify=notices.append) == "messages"
    assert load_progress("/home/aidant/guides/email.yaml", notify=notices.append) == "joindre"
    assert clear_progress(KEY, notify=notices.append)
    assert load_progress(KEY, notify=notices.append) is None
    assert load_progress("/home/aidant/guides/email.yaml", notify=notices.append) == "joindre"
    assert notices == []


def test_clearing_nothing_writes_nothing(home: Path, notices: list[str]) -> None:
    assert clear_progress(KEY, notify=notices.append)
    assert not progress_path().exists()


def test_step_no_longer_in_the_guide_is_ignored_with_a_notice(home: Path, notices: list[str]) -> None:
    save_progress(KEY, "etape-supprimee", notify=notices.append)
    assert load_progress(KEY, valid_ids={"bienvenue", "fin"}, notify=notices.append) is None
    assert len(notices) == 1 and "etape-supprimee" in notices[0] and "début" in notices[0]
    assert load_progress(KEY, valid_ids={"etape-supprimee"}, notify=notices.append) == "etape-supprimee"


def _write_raw(content: bytes) -> Path:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("content", [
    b"\x00\xff\xfe\x80 not json at all",
    b'{"format": 1, "guides": {"a": ',          # cut short
    b"[1, 2, 3]",                                # JSON, but not the expected shape
    b'{"format": 1, "guides": "ecran-connexion"}',
])
def test_damaged_file_means_fresh_start_and_is_kept(home: Path, notices: list[str], content: bytes) -> None:
    path = _write_raw(content)
    assert load_progress(KEY, notify=notices.append) is None
    kept = path.with_name("progress.json.bak")
    assert kept.read_bytes() == content
    assert not path.exists()
    assert len(notices) == 1 and str(kept) in notices[0] and "au début" in notices[0]
    assert save_progress(KEY, "bienvenue", notify=notices.append)  # and the next save starts afresh
    assert load_progress(KEY, notify=notices.append) == "bienvenue"
    assert len(notices) == 1


def test_saving_over_a_damaged_file_keeps_it_aside(home: Path, notices: list[str]) -> None:
    path = _write_raw(b"{{{")
    path.with_name("progress.json.bak").write_bytes(b"older")
    assert save_progress(KEY, "fin", notify=notices.append)
    assert path.with_name("progress.json.bak").read_bytes() == b"older"
    assert path.with_name("progress.json.bak.1").read_bytes() == b"{{{"
    assert load_progress(KEY, notify=notices.append) == "fin"
    assert len(notices) == 1


def test_one_bad_entry_does_not_spoil_the_others(home: Path, notices: list[str]) -> None:
    _write_raw(json.dumps({"format": 1, "guides": {KEY: {"step": 7}, "autre": {"step": "fin"}}}).encode())
    assert load_progress(KEY, notify=notices.append) is None
    assert len(notices) == 1 and "illisible" in notices[0]
    assert load_progress("autre", notify=notices.append) == "fin"
    assert not progress_path().with_name("progress.json.bak").exists()


def test_unreadable_file_symlink_loop(home: Path, notices: list[str]) -> None:
    # A symlink to itself cannot be read even by root (ELOOP).
    path = progress_path()
    path.parent.mkdir(parents=True)
    path.symlink_to(path)
    assert load_progress(KEY, notify=notices.append) is None
    assert "ne peut pas servir" in notices[0]
    assert path.with_name("progress.json.bak").is_symlink()


def test_unwritable_place_gives_a_notice_not_a_crash(home: Path, notices: list[str]) -> None:
    progress_path().mkdir(parents=True)  # a directory where the file should be
    assert save_progress(KEY, "fin", notify=notices.append) is False
    assert any("Impossible d'enregistrer" in n for n in notices)
    assert load_progress(KEY, notify=notices.append) is None


def test_notices_go_to_stderr_by_default(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_raw(b"garbage")
    assert load_progress(KEY) is None
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "progress.json.bak" in captured.err


def test_save_replaces_the_file_in_one_step(home: Path, notices: list[str]) -> None:
    save_progress(KEY, "bienvenue", notify=notices.append)
    with progress_path().open("rb") as old_reader:
        save_progress(KEY, "fin", notify=notices.append)
        assert b"bienvenue" in old_reader.read()  # the old file was replaced, not rewritten in place
    assert sorted(p.name for p in progress_path().parent.iterdir()) == ["progress.json"]


def test_bundled_guides_are_keyed_by_name(home: Path) -> None:
    assert progress_key(DEFAULT_GUIDE) == "bundled:ameli-connexion"


def test_other_guides_are_keyed_by_resolved_path(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    guide = home / "guides" / "email.yaml"
    guide.parent.mkdir()
    guide.write_text("title: x\n", encoding="utf-8")
    monkeypatch.chdir(home)
    assert progress_key(Path("guides/email.yaml")) == str(guide.resolve())
    assert progress_key(Path("guides/../guides/email.yaml")) == progress_key(guide)
    assert progress_key(Path("~/guides/email.yaml")) == progress_key(guide)


def test_absurdly_deep_json_is_kept_aside(home: Path, notices: list[str]) -> None:
    _write_raw(b"[" * 100_000)
    assert load_progress(KEY, notify=notices.append) is None
    assert progress_path().with_name("progress.json.bak").exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8")),
                         st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                                      lambda inner: st.lists(inner, max_size=3)
                                      | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                                      max_leaves=10).map(lambda v: json.dumps({"guides": {KEY: v}}).encode())))
def test_any_file_content_gives_a_step_or_none_never_an_exception(home: Path, content: bytes) -> None:
    _write_raw(content)
    found: list[str] = []
    step = load_progress(KEY, notify=found.append)
    assert step is None or isinstance(step, str)
    assert save_progress(KEY, "fin", notify=found.append)
    assert load_progress(KEY, notify=found.append) == "fin"
    for leftover in progress_path().parent.iterdir():
        leftover.unlink()


# --------------------------------------------------------------------------- runs at the same time

WORKER = """
import sys, time
from pathlib import Path
from voiceguide.carer.progress import save_progress

file, key, start = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
while time.time() < start:   # every worker starts saving at the same moment
    time.sleep(0.001)
for n in range(25):
    assert save_progress(key, f"etape-{n}", notify=print, file=file)
"""


def test_runs_at_the_same_time_never_lose_each_others_entries(tmp_path: Path) -> None:
    # Twelve processes (twelve guides) each save their own entry 25 times, all at once: read, change,
    # replace without a lock kept only some of the twelve entries.
    file = tmp_path / "data" / "progress.json"
    start = time.time() + 1.5
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(file), f"guide-{i}", str(start)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i in range(12)]
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0 and out == "" and err == "", out + err
    guides = json.loads(file.read_text(encoding="utf-8"))["guides"]
    assert {key: entry["step"] for key, entry in guides.items()} == {f"guide-{i}": "etape-24" for i in range(12)}
    assert sorted(p.name for p in file.parent.iterdir()) == ["progress.json"]   # no temporary file left


def test_saves_killed_midway_leave_at_most_one_hidden_file_replaced_by_the_next_save(tmp_path: Path) -> None:
    file = tmp_path / "progress.json"
    # A big file (2,000 guides): the write takes long enough for the kills to land in it.
    entries = {f"/guides/g{i:04}.yaml": {"step": "etape", "saved_at": "2025-03-01T10:12:00+00:00"}
               for i in range(2000)}
    file.write_text(json.dumps({"format": 1, "guides": entries}), encoding="utf-8")
    rng = random.Random(12)
    most = 0
    for _ in range(50):
        pid = os.fork()
        if pid == 0:   # the child saves over and over until it is killed
            try:
                while True:
                    save_progress(KEY, "ecran-connexion", notify=lambda message: None, file=file)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.005, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        most = max(most, len(list(tmp_path.glob(".progress.json*tmp"))))
    assert most <= 1, f"{most} temporary files left by killed saves"
    assert save_progress(KEY, "messages", file=file)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]
    assert load_progress(KEY, file=file) == "messages"
    assert len(json.loads(file.read_text(encoding="utf-8"))["guides"]) == 2001


def test_a_lock_held_too_long_delays_the_save_but_never_hangs_it(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Another run stopped with Ctrl-Z in the middle of its save keeps the lock: this one waits a
    # little, then saves anyway rather than hang at its end.
    monkeypatch.setattr(userdirs, "LOCK_WAIT_SECONDS", 0.3)
    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        began = time.monotonic()
        assert save_progress(KEY, "messages", file=tmp_path / "progress.json")
        assert time.monotonic() - began >= 0.3
    finally:
        os.close(holder)
    assert load_progress(KEY, file=tmp_path / "progress.json") == "messages"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]
