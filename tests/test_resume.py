"""Picking up where the user stopped: the dialog's question, the way back, and the saved step across runs.

The dialog part is pure; the CLI part runs real sessions in a subprocess
with a temporary home, so no test touches the real user's files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from voiceguide.dialog.intent import Intent, NoMatch
from voiceguide.dialog.machine import RESUME_AT, Dialog, Mode
from voiceguide.guide import DEFAULT_GUIDE, load_guide
from voiceguide.language.vocabulary import load_vocabulary

GUIDE = load_guide(DEFAULT_GUIDE)
DIALOG = Dialog(GUIDE, load_vocabulary())


def test_path_to_follows_next_and_choices_from_the_start():
    assert GUIDE.path_to(GUIDE.start) == (GUIDE.start,)
    way = GUIDE.path_to("oubli-email-boite")
    assert way[0] == GUIDE.start and way[-1] == "oubli-email-boite"
    for here, there in zip(way, way[1:]):
        step = GUIDE.step(here)
        assert there == step.next or there in {c.target for c in step.choices}


def test_offer_resume_asks_yes_or_no_and_yes_enters_the_saved_step_with_a_history():
    state, reply = DIALOG.offer_resume("saisir-code")
    assert state.mode == Mode.CONFIRM and state.pending.name == RESUME_AT
    assert "Voulez-vous reprendre où vous en étiez ?" in " ".join(reply.say)
    assert reply.events[0]["event"] == "confirm" and reply.events[0]["target"] == "saisir-code"
    state, reply = DIALOG.handle(state, Intent("yes"))
    assert (state.step, state.mode) == ("saisir-code", Mode.STEP)
    assert reply.events[-1] == {"event": "step", "step": "saisir-code", "text": reply.events[-1]["text"]}
    state, _ = DIALOG.handle(state, Intent("previous"))
    assert state.step == "saisir-numero"


def test_offer_resume_no_starts_from_the_beginning_with_no_history():
    state, reply = DIALOG.offer_resume("mes-paiements")
    state, reply = DIALOG.handle(state, Intent("no"))
    assert (state.step, state.history, state.mode) == (GUIDE.start, (), Mode.STEP)
    assert reply.say[0] == "D'accord, on commence au début."


def test_offer_resume_answers_help_and_repeat_and_is_never_a_dead_end():
    state, _ = DIALOG.offer_resume("mes-paiements")
    for command in ("help", "repeat", "where"):
        after, reply = DIALOG.handle(state, Intent(command))
        assert reply.say and after.mode == Mode.CONFIRM
    state, reply = DIALOG.handle(state, Intent("pause"))
    state, reply = DIALOG.handle(state, Intent("resume"))
    assert reply.say and DIALOG.options(state) is not None


def test_leaving_or_pausing_at_the_resume_question_keeps_the_saved_step_and_comes_back_to_the_question():
    asked, _ = DIALOG.offer_resume("saisir-code")
    quitting, _ = DIALOG.handle(asked, Intent("quit"))
    ended, reply = DIALOG.handle(quitting, Intent("yes"))
    assert reply.done and ended.saved == "saisir-code"     # the CLI keeps « saisir-code », not the step before it
    stayed, reply = DIALOG.handle(quitting, Intent("no"))
    assert stayed.pending.name == RESUME_AT and reply.say[-1] == "Voulez-vous reprendre où vous en étiez ? Dites oui ou non."
    paused, _ = DIALOG.handle(asked, Intent("pause"))
    for back_with in (Intent("resume"), NoMatch(heard="bon alors")):
        back, reply = DIALOG.handle(paused, back_with)
        assert back.pending.name == RESUME_AT and "étape" in " ".join(reply.say)
        assert (DIALOG.handle(back, Intent("yes"))[0].step, back.saved) == ("saisir-code", "saisir-code")
    entered, _ = DIALOG.handle(asked, Intent("yes"))
    assert entered.saved is None


def test_leaving_at_the_screen_reader_question_keeps_the_saved_step():
    asked, _ = DIALOG.offer_screen_reader("Orca", resume="saisir-code")
    ended, reply = DIALOG.handle(DIALOG.handle(asked, Intent("quit"))[0], Intent("yes"))
    assert reply.done and ended.saved == "saisir-code"


def test_offer_resume_at_the_start_or_an_unknown_step_is_a_plain_start():
    assert DIALOG.offer_resume(GUIDE.start)[0].mode == Mode.STEP
    assert DIALOG.offer_resume("n-existe-pas")[0].step == GUIDE.start


def _run(home: Path, lines: str, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data")}
    return subprocess.run([sys.executable, "-m", "voiceguide", "run", "--input", "text", "--tts", "none", *extra],
                          input=lines, capture_output=True, text=True, env=env, timeout=60, cwd=home)


def test_quitting_in_the_middle_then_starting_again_offers_to_resume_at_the_same_step(tmp_path):
    first = _run(tmp_path, "suivant\nsuivant\nsuivant\nquitter\noui\n")
    assert first.returncode == 0, first.stderr
    saved = json.loads((tmp_path / "data" / "voiceguide" / "progress.json").read_text(encoding="utf-8"))
    assert saved["guides"]["bundled:ameli-connexion"]["step"] == "ecran-connexion"

    second = _run(tmp_path, "oui\n", "--events", str(tmp_path / "e.jsonl"))
    assert second.returncode == 0, second.stderr
    assert "Voulez-vous reprendre où vous en étiez ?" in second.stdout
    steps = [e["step"] for e in map(json.loads, (tmp_path / "e.jsonl").read_text().splitlines())
             if e["event"] == "step"]
    assert steps == ["ecran-connexion"]

    third = _run(tmp_path, "suivant\n", "--restart")
    assert "Voulez-vous reprendre" not in third.stdout
    assert third.stdout.startswith("Bonjour. Je vais vous guider")


def test_an_unanswered_resume_question_keeps_the_saved_step(tmp_path):
    _run(tmp_path, "suivant\nsuivant\nquitter\noui\n")
    _run(tmp_path, "")
    again = _run(tmp_path, "oui\n")
    assert "étape 3 sur" in again.stdout


def test_quitting_at_the_resume_question_keeps_the_saved_step(tmp_path):
    _run(tmp_path, "suivant\nsuivant\nsuivant\nquitter\noui\n")
    left = _run(tmp_path, "quitter\noui\n")
    assert left.stdout.rstrip().endswith("Au revoir, et à bientôt.")
    again = _run(tmp_path, "oui\n")
    assert "étape 4 sur" in again.stdout


def test_a_corrupt_progress_file_means_a_fresh_start_with_a_notice(tmp_path):
    progress = tmp_path / "data" / "voiceguide" / "progress.json"
    progress.parent.mkdir(parents=True)
    progress.write_bytes(b"\x00\xff garbage")
    result = _run(tmp_path, "suivant\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith("Bonjour. Je vais vous guider")
    assert "mis de côté" in result.stderr
    assert list(progress.parent.glob("progress.json.bak*"))


def test_going_on_at_the_resume_question_is_a_yes():
    """« on continue » at « Voulez-vous reprendre où vous en étiez ? »: where one was, not the start."""
    state, _ = DIALOG.offer_resume("saisir-code")
    state, _ = DIALOG.handle(state, Intent("next"))
    assert (state.step, state.mode) == ("saisir-code", Mode.STEP)
