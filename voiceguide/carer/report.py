"""The carer's report (``voiceguide doctor``): its lines, its verdict, and saying each line aloud.

Each line is "OK    <what>", "ÉCHEC <what> : <what to do>" or "INFO  <what>",
in words a carer understands; the technical detail of a line (an error
message from a library) is kept apart and shown only by ``doctor --details``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from voiceguide.errors import EXIT_CANNOT_RUN, EXIT_OK
from voiceguide.session.ports import Speaker

OK, FAIL, INFO = "OK", "ÉCHEC", "INFO"


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    status: str               # OK, FAIL or INFO
    what: str
    todo: str = ""            # for FAIL: what is wrong and what to do
    essential: bool = False   # a FAIL here makes doctor exit 1
    detail: str = ""          # technical: for ``--details`` only
    hearing: bool = False     # without this, the person cannot hear the guide

    def line(self) -> str:
        if self.status == FAIL and self.todo:
            return f"{FAIL} {self.what} : {sentence_tail(self.todo)}"
        return f"{self.status.ljust(5)} {self.what}"

    def spoken(self) -> str:
        """The line for the ear: the status word said as a word, then a pause."""
        word = {OK: "OK", FAIL: "Échec", INFO: "Information"}[self.status]
        rest = f"{self.what} : {sentence_tail(self.todo)}" if self.status == FAIL and self.todo else self.what
        return f"{word}. {rest}"

    @property
    def failed_essential(self) -> bool:
        return self.status == FAIL and self.essential


def sentence_tail(text: str) -> str:
    """A message from elsewhere ("Aucun modèle…") continued after a colon: "aucun modèle…".

    Names and acronyms keep their capital ("PortAudio", "USB").
    """
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return text[0].lower() + text[1:]
    return text


def decimal_fr(x: float) -> str:
    """One decimal, written the French way: 1,4."""
    return f"{x:.1f}".replace(".", ",")


def exit_code(checks: Iterable[Check]) -> int:
    """0 when no essential check failed, 1 otherwise."""
    return EXIT_CANNOT_RUN if any(c.failed_essential for c in checks) else EXIT_OK


def _names(checks: Iterable[Check]) -> str:
    return ", ".join(dict.fromkeys(sentence_tail(c.what) for c in checks))


def summary(checks: Sequence[Check], voice: bool = True) -> Check:
    """The last line: whether the guide can be used, and what is missing (``voice``: speech was checked).

    A guide that cannot be heard is said to be so first: a blind person cannot use it at all.
    """
    unheard = [c for c in checks if c.failed_essential and c.hearing]
    broken = [c for c in checks if c.failed_essential and not c.hearing]
    if unheard or broken:
        parts = []
        if unheard:
            parts.append(f"la personne ne pourra pas entendre le guide ({_names(unheard)})")
        if broken:
            parts.append(f"l'essentiel ne fonctionne pas ({_names(broken)})")
        return Check(FAIL, "Bilan", " et ".join(parts) + " : corrigez les lignes ÉCHEC ci-dessus, puis relancez "
                     "« voiceguide doctor ».", essential=True)
    missing = [c for c in checks if c.status == FAIL]
    works = "le guide s'affiche et parle" if voice else "le guide s'affiche (sans voix : --tts none)"
    if missing:
        return Check(OK, f"Bilan : l'essentiel fonctionne ({works}). À corriger pour en profiter pleinement : "
                         f"{_names(missing)}.")
    return Check(OK, f"Bilan : tout fonctionne ({works}).")


def details(checks: Iterable[Check]) -> list[Check]:
    """The technical details of the report, as INFO lines for the end (``doctor --details``)."""
    return [Check(INFO, f"Détail, {sentence_tail(c.what.split(' : ')[0])} : {c.detail}") for c in checks if c.detail]


# --------------------------------------------------------------------------- printed and said

class Announcer:
    """Prints each line and says it; the previous line is allowed to finish first."""

    def __init__(self, out: TextIO, speaker: Speaker | None = None) -> None:
        self.out = out
        self.speaker = speaker

    def say(self, text: str, spoken: str | None = None) -> None:
        self.finish()
        self.print(text)
        if self.speaker is not None:
            self.speaker.say((spoken or text,))

    def print(self, text: str) -> None:
        """Printed only: technical lines, which a voice would only read as noise."""
        self.out.write(text + "\n")
        self.out.flush()

    def finish(self) -> None:
        """Waits until everything said has been heard (before listening, or at the end)."""
        if self.speaker is not None:
            self.speaker.wait(None)
