"""The first word comes soon: the speech worker starts light and early, and renders without pyttsx3's idle waits.

What is checked here is what makes the start fast and what must stay true while it is fast (the worker
starts before the guide is read and is never left behind; the audio is unchanged). How fast is measured
by scripts/bench.py, not here.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sandbox import read_log, run_in, sandbox
from test_narrator import _gone, wait_until

from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.speaker import SilentSpeaker, open_speaker
from voiceguide.speaking.tts import Synthesizer, TtsWorker, _Channel, _IdleClock, pyttsx3_engine


class EngineAfterFile:
    """pyttsx3's engine, once ``path`` exists: a worker whose engine is slow to start."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self) -> object:
        while not os.path.exists(self.path):
            time.sleep(0.01)
        return pyttsx3_engine()


def test_the_speech_worker_starts_without_numpy_or_the_audio_code(tmp_path: Path) -> None:
    """The real worker, up to "ready" with pyttsx3 + espeak-ng: none of the guide's heavy modules."""
    process = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "voiceguide.speaking.tts"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    channel = _Channel(process.stdout, process.stdin)
    channel.send((list(sys.path), pickle.dumps(pyttsx3_engine), str(tmp_path)))
    assert channel.recv()[0] == "ready"
    channel.send(None)
    _, imported = process.communicate(timeout=30)
    modules = {line.rsplit("|", 1)[-1].strip() for line in imported.decode().splitlines()}
    assert "pyttsx3.drivers._espeak" in modules     # the engine did start
    assert not modules & {"numpy", "voiceguide.audio", "sounddevice", "yaml"}


def test_launch_returns_before_the_engine_is_ready_and_start_waits_for_it(tmp_path: Path) -> None:
    ready = tmp_path / "engine-may-start"
    worker = TtsWorker(EngineAfterFile(str(ready)))
    try:
        worker.launch()                 # returns although the engine cannot start yet
        assert worker.alive and worker.starts == 1
        worker.launch()                 # a second launch keeps the same process
        assert worker.starts == 1
        ready.touch()
        voices = worker.start()
        assert any(v.id == "roa/fr" for v in voices) and worker.starts == 1
    finally:
        worker.close()
    assert not worker.alive


def test_a_launched_worker_is_the_next_narrators_or_is_closed() -> None:
    from sandbox import FakeOutputStream

    from voiceguide.speaking import speaker

    speaker.launch_speech_engine()
    worker = speaker._launched[0]
    narrator = open_speaker(NarratorConfig(), stream_factory=FakeOutputStream)
    try:
        assert not isinstance(narrator, SilentSpeaker)
        assert narrator._synth.worker is worker and worker.starts == 1 and not speaker._launched
    finally:
        narrator.close()
    assert not worker.alive
    speaker.launch_speech_engine()
    unused = speaker._launched[0]
    assert isinstance(open_speaker(NarratorConfig(tts="none")), SilentSpeaker)
    assert not unused.alive and not speaker._launched
    speaker.launch_speech_engine()
    stopped = speaker._launched[0]
    speaker.close_launched_engine()       # the run stopped before it spoke: killed at once, still starting
    assert not stopped.alive and not speaker._launched


def test_rendered_audio_leaves_no_file_behind() -> None:
    synth = Synthesizer()
    try:
        synth.start()
        for text in ("Bonjour.", "Une autre phrase.", "Et une troisième."):
            assert synth.synth(text).frames
        workdir = synth.worker._workdir
        assert workdir is not None and os.listdir(workdir) == []
    finally:
        synth.close()


def test_the_idle_clock_wakes_when_espeak_is_idle_and_never_sleeps_longer_than_asked() -> None:
    answers = [True, True, False]
    polled: list[bool] = []

    def busy() -> bool:
        polled.append(answers[len(polled)])
        return polled[-1]

    clock = _IdleClock(busy)
    clock.sleep(60.0)                    # espeak-ng goes idle after two polls: no minute-long sleep
    assert polled == [True, True, False]
    clock = _IdleClock(lambda: True)     # busy for ever (a hung engine): the time asked, no more
    started = time.monotonic()
    clock.sleep(0.05)
    assert time.monotonic() - started < 30
    assert clock.monotonic is time.monotonic   # the rest of ``time`` is the real one


def test_a_broken_guide_with_speech_stops_at_once_and_leaves_no_worker(tmp_path: Path) -> None:
    """The worker is launched before the guide is read: a guide refused with exit 2 takes it along."""
    box = sandbox(tmp_path / "box", fake_audio=True)
    broken = box.cwd / "cassé.yaml"
    broken.write_text("title: [oups\n", encoding="utf-8")
    result = run_in(box, ["run", "--input", "text", "--guide", str(broken)])
    assert result.code == 2 and "cassé.yaml:1:" in result.stderr and "Traceback" not in result.stderr
    log = read_log(box.log)
    folders = [Path(line.fields[0]) for line in log if line.kind == "create" and "voiceguide-tts-" in line.fields[0]]
    assert folders, "the worker is launched (its work folder made) before the guide is read"
    assert not any(folder.exists() for folder in folders)   # its work folder went with it
    # It may have been killed before its Python even started (and logged itself): any that did is gone too.
    workers = [line.pid for line in log if line.kind == "start" and "speaking.tts" in line.fields[0]]
    assert all(wait_until(lambda pid=pid: _gone(pid), timeout=30) for pid in workers)


@pytest.mark.parametrize("option", [["--tts", "none"], ["--screen-reader"]], ids=["tts-none", "screen-reader"])
def test_runs_without_the_guides_voice_start_no_worker(option: list[str], tmp_path: Path) -> None:
    box = sandbox(tmp_path / "box", fake_audio=True)
    result = run_in(box, ["run", "--input", "text", *option], "quitter\n")
    assert result.code == 0
    assert not [line for line in read_log(box.log) if line.kind == "start" and "speaking.tts" in line.fields[0]]


def test_the_intent_matcher_builds_its_analyses_only_for_the_first_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexicon and the phrase analyses (about 50 ms) wait for the first turn: the welcome does not."""
    from voiceguide.dialog import matcher as matching
    from voiceguide.dialog.machine import Dialog
    from voiceguide.guide import DEFAULT_GUIDE, load_guide
    from voiceguide.language.vocabulary import load_vocabulary

    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    loads: list[int] = []
    real = matching.load_lexicon
    monkeypatch.setattr(matching, "load_lexicon", lambda: loads.append(1) or real())
    matcher = matching.IntentMatcher(vocabulary, guide)
    assert loads == []
    dialog = Dialog(guide, vocabulary)
    state, _ = dialog.start()
    assert matcher.grammar(dialog.options(state)) and loads == [1]
    assert matcher.match("suivant", dialog.options(state)).name == "next" and loads == [1]


def test_the_lexicon_read_with_libyaml_is_the_one_pyyaml_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from voiceguide.language import fast_yaml, lexicon

    if not fast_yaml.HAS_LIBYAML:
        pytest.skip("PyYAML sans libyaml")
    text = lexicon.BUNDLED_LEXICON.read_text(encoding="utf-8")
    monkeypatch.setattr(fast_yaml.yaml, "load", lambda *a, **k: pytest.fail("PyYAML's own parser was used"))
    fast = fast_yaml.load_texts(text)
    monkeypatch.undo()
    assert fast == yaml.load(text, Loader=yaml.BaseLoader)


def test_a_typed_silent_run_loads_neither_the_system_probes_nor_the_speech_worker(tmp_path: Path) -> None:
    probe = ("import sys\nfrom voiceguide.cli.main import main\ncode = main(sys.argv[1:])\n"
             "print('LOADED', [m for m in ('voiceguide.system', 'voiceguide.speaking.tts', 'ctypes') "
             "if m in sys.modules], file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, "run", "--input", "text", "--tts", "none"], input="quitter\noui\n",
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stderr, done.stderr


def test_a_turns_phrases_are_computed_only_when_an_input_reads_them() -> None:
    """Typed lines never need the recogniser's phrases; a recording reads them once the guide is silent."""
    import io

    from voiceguide.dialog.machine import Dialog
    from voiceguide.dialog.matcher import IntentMatcher
    from voiceguide.guide import DEFAULT_GUIDE, load_guide
    from voiceguide.language.vocabulary import load_vocabulary
    from voiceguide.listening.typed import TextInput
    from voiceguide.session.events import EventLog
    from voiceguide.session.session import Session
    from voiceguide.session.turntaking import Inputs, TurnTaking

    guide, vocabulary = load_guide(DEFAULT_GUIDE), load_vocabulary()
    matcher = IntentMatcher(vocabulary, guide)
    asked: list[object] = []
    real = matcher.grammar
    matcher.grammar = lambda options: asked.append(options) or real(options)   # type: ignore[method-assign]

    class Reading(TextInput):
        """Typed lines that read the phrases, as a recogniser does."""

        def next_turn(self, grammar, timeout):  # type: ignore[no-untyped-def]
            assert "suivant" in list(grammar)
            return super().next_turn(grammar, timeout)

    def run(source: TextInput) -> str:
        out = io.StringIO()
        turns = TurnTaking(SilentSpeaker(), Inputs(lines=source))
        Session(Dialog(guide, vocabulary), matcher, turns, out, EventLog(None)).run()
        return out.getvalue()

    assert "ameli.fr" in run(TextInput(io.StringIO("suivant\n"))) and asked == []
    run(Reading(io.StringIO("suivant\nsuivant\n")))
    assert len(asked) == 3   # one per turn read (two lines, then the end of input), each computed once
