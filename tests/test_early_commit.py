"""When the recogniser takes a turn before vosk's end of speech: the quiet it waits for depends on what was heard.

``_EarlyCommit`` is fed, chunk by chunk (100 ms of audio), the partial result and when the audio went quiet
(None while it is loud), as Recognizer.recognize does; these turns are written out so that each rule shows.
tests/test_recognizer.py runs the same rules on real vosk.
"""

from __future__ import annotations

from collections.abc import Sequence

from voiceguide.listening.recognizer import UNDECIDED_QUIET_S, _EarlyCommit

PHRASES = ["menu", "oui", "oui c'est ça", "j' ai oublié mon code", "aide"]
QUIET = 0.2   # Recognizer's default stable_ms


def first_commit(turn: Sequence[tuple[str, bool]]) -> float | None:
    """Audio time of the first chunk at which the turn is taken; ``turn``: (partial, loud) per 100 ms chunk."""
    commit = _EarlyCommit(PHRASES, QUIET)
    quiet_since: float | None = None
    for index, (partial, loud) in enumerate(turn):
        now = round((index + 1) * 0.1, 3)
        if loud:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = round(now - 0.1, 3)
        if commit.now(partial, now, quiet_since):
            return now
    return None


SPEECH = [("", True)] * 4    # 0.0-0.4 s: someone speaks


def test_one_phrase_and_nothing_else_is_taken_after_the_quiet_without_waiting_for_it_to_hold() -> None:
    # The partial result lags: « menu » shows only once the audio is quiet (at 0.6 s), and is taken at once
    # when 0.2 s of quiet have passed, not 0.2 s after it showed.
    turn = [*SPEECH, ("", False), ("menu", False), ("menu", False), ("menu", False)]
    assert first_commit(turn) == 0.6


def test_a_phrase_that_begins_a_longer_one_waits_twice_as_long_unchanged() -> None:
    # « oui » shows at 0.5 s: 0.4 s of quiet and of « oui » unchanged, not 0.2 (« oui c'est ça » may follow).
    turn = [*SPEECH, *[("oui", False)] * 6]
    assert first_commit(turn) == 0.9


def test_a_phrase_that_took_over_from_other_words_waits_for_the_undecided_quiet() -> None:
    turn = [("", True), ("aide", True), ("aide", True), ("menu", True),
            ("menu", False), ("menu", False), ("menu", False), ("menu", False)]
    assert first_commit(turn) == round(0.4 + UNDECIDED_QUIET_S, 3)


def test_speech_with_nothing_decoded_yet_is_decided_after_the_undecided_quiet() -> None:
    turn = [*SPEECH, *[("", False)] * 5]
    assert first_commit(turn) == round(0.4 + UNDECIDED_QUIET_S, 3)


def test_the_start_of_a_phrase_and_other_speech_are_left_to_vosk() -> None:
    # A slow « j'ai oublié ... mon code »: the pause after « oublié » must not end the turn.
    assert first_commit([*SPEECH, *[("j' ai oublié", False)] * 10]) is None
    assert first_commit([*SPEECH, *[("[unk]", False)] * 10]) is None
    assert first_commit([*SPEECH, *[("[unk] menu", False)] * 10]) is None


def test_quiet_before_any_speech_takes_nothing() -> None:
    # A partial result during the leading silence (a decoder still settling) is no reason to commit.
    assert first_commit([("", False), ("menu", False), ("menu", False), ("menu", False)]) is None


def test_speech_that_resumes_starts_the_quiet_again() -> None:
    turn = [*SPEECH, ("menu", False), ("menu", True), ("menu", False), ("menu", False), ("menu", False)]
    assert first_commit(turn) == 0.8


def test_an_empty_end_of_speech_forgets_what_was_heard() -> None:
    commit = _EarlyCommit(PHRASES, QUIET)
    commit.now("aide", 0.1, None)
    commit.now("menu", 0.2, None)     # « menu » took over from « aide »
    commit.restart()                  # vosk ended an utterance with nothing in it (noise)
    assert not commit.now("menu", 0.3, None)
    assert commit.now("menu", 0.5, 0.3)   # now one phrase and nothing else: the short quiet
