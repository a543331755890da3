"""A blind person's keyboard walk of the Ameli guide, in a real terminal (a pseudo-terminal).

The dialog tests check every reply of every step in each modality; this one
checks what the real program shows when keys arrive as a person types them:
from the welcome to the end, with help, details, « où suis-je », the sommaire
and the arrows on the way, nothing ever asks to speak or to look.
"""

from __future__ import annotations

import json
import os
import re
import select
import time

from sandbox import CLI_TIMEOUT, Terminal, sandbox

DOWN, ENTER = b"\x1b[B", b"\r"
NEVER = ("dites", "cliquez", "cliquer", "écran", "je vous écoute", "regardez")


def _answer(term: Terminal, keys: bytes, quiet: float = 0.2) -> str:
    """Types ``keys`` and returns what the guide shows in answer, once it has been quiet ``quiet`` s."""
    before = len(term.seen)
    term.type(keys)
    deadline = time.monotonic() + CLI_TIMEOUT
    last = time.monotonic()
    while time.monotonic() - last < quiet or len(term.seen) == before:
        assert time.monotonic() < deadline, term.seen.decode("utf-8", "replace")
        ready, _, _ = select.select([term.master], [], [], 0.05)
        if ready:
            term.seen += os.read(term.master, 4096)
            last = time.monotonic()
    return term.seen[before:].decode("utf-8", "replace")


def _next_keys(shown: str, answered: set[str]) -> bytes:
    """What a person who follows the last reply presses to go on: the first time a yes/no
    question comes, « non » (its branch gets walked too, and leads back to the question), then « oui »."""
    if "touche O pour oui" in shown:
        question = shown.split("?")[0]
        if question in answered:
            return b"o"
        answered.add(question)
        return b"n"
    if "Appuyez sur 1 pour" in shown or "appuyez sur 1 pour" in shown:
        return b"1"
    return ENTER


def test_a_keyboard_walk_from_welcome_to_end_never_asks_to_speak_or_to_look(tmp_path) -> None:
    box = sandbox(tmp_path / "box")
    log = tmp_path / "j.jsonl"
    term = Terminal(box, ["run", "--input", "keyboard", "--tts", "none", "--events", str(log)])
    replies: list[str] = []
    answered: set[str] = set()
    try:
        term.read_until(b"touches.")
        replies.append(term.seen.decode("utf-8", "replace"))
        for extra in (b"h", b"h", b"i", b"e", b"r"):      # help twice, details, where am I, repeat
            replies.append(_answer(term, extra))
        for _ in range(150):
            if "C'est la fin du guide" in replies[-1]:
                break
            replies.append(_answer(term, _next_keys(replies[-1], answered)))
        else:
            raise AssertionError("the end was not reached:\n" + "\n".join(r[:150] for r in replies))
        replies.append(_answer(term, b"m"))                 # the sommaire, then the arrows and Entrée
        replies.append(_answer(term, DOWN))
        replies.append(_answer(term, DOWN))
        replies.append(_answer(term, ENTER))
        replies.append(_answer(term, b"q"))
        assert "quitter le guide ?" in replies[-1]
        term.type(b"o")
        assert term.process.wait(timeout=CLI_TIMEOUT) == 0
    finally:
        term.close()
    shown = re.sub(r"lecteurs? d'écran", "lecteur", "\n".join(replies))   # the software, not a place on the screen
    for word in NEVER:
        assert not re.search(rf"\b{word}\b", shown, re.IGNORECASE), (word, [line for line in shown.splitlines()
                                                                            if word in line.lower()])
    assert "Traceback" not in shown
    assert "appuyez sur Tab" in shown.lower() or "touche Tab" in shown   # the keyboard routes are given
    steps = {json.loads(line).get("step") for line in log.read_text(encoding="utf-8").splitlines()} - {None}
    assert len(steps) >= 25, sorted(steps)
