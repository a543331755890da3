"""argparse speaking French: its usage lines, help headings and error messages.

argparse looks its messages up through gettext at call time, so installing a
French catalogue on the module is enough; anything not listed stays English
rather than failing.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

_FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    "unrecognized arguments: %s": "option ou argument inconnu : %s (voir --help)",
    "the following arguments are required: %s": "il manque : %s",
    "expected one argument": "une valeur est attendue après cette option",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "ignored explicit argument %r": "valeur %r ignorée",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix impossible : %(value)r (possibles : %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur incorrecte : %(value)r",
    "argument %(argument_name)s: %(message)s": "option %(argument_name)s : %(message)s",
    "not allowed with argument %s": "impossible avec l'option %s",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner %(matches)s",
    "one of the arguments %s is required": "il faut l'une de ces options : %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "invalid choice: %(value)r, maybe you meant %(closest)r?": "choix impossible : %(value)r ; vouliez-vous dire %(closest)r ?",
}


def _gettext(message: str) -> str:
    return _FRENCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "%s valeur attendue" if n == 1 else "%s valeurs attendues"
    return singular if n == 1 else plural


# argparse looks its messages up through these two module globals, which its type stubs do not
# declare (they are private): replacing them is the only way to have its own errors in French.
argparse._ = _gettext  # type: ignore[attr-defined]
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors end with a hint to --help, in French, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\nPour l'aide : {self.prog} --help\n")
