"""The first step of ``voiceguide setup``: how the person reads the screen.

Two choices that change how the guide talks: whether the person sees the
screen a little (the guide then also says where things are on the page), and
whether their own screen reader should do the speaking (the guide then only
prints, one plain line per reply). A screen reader found running is named.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from voiceguide.carer.settings import Settings


def screen_step(settings: Settings, say: Callable[[str], None], ask_yes_no: Callable[[str], str],
                running_reader: str | None) -> Settings:
    """Asks both questions; returns the settings with ``sees_screen`` and ``screen_reader`` set."""
    sees = ask_yes_no("La personne qui utilisera le guide voit-elle un peu l'écran ? Si oui, le guide dira "
                      "aussi où se trouvent les éléments sur la page. Oui ou non.") == "yes"
    say("D'accord : le guide dira aussi où sont les éléments." if sees
        else "D'accord : le guide donnera seulement le chemin au clavier.")
    if running_reader:
        question = (f"{running_reader} fonctionne sur cet ordinateur. Voulez-vous que le guide écrive "
                    f"seulement, sans parler, et laisse {running_reader} lire ses lignes ? Oui ou non.")
    else:
        question = ("La personne utilise-t-elle un lecteur d'écran, comme NVDA, JAWS, VoiceOver ou Orca ? "
                    "Si oui, le guide peut écrire seulement, sans parler, et laisser le lecteur d'écran "
                    "lire ses lignes. Oui ou non.")
    reader = ask_yes_no(question) == "yes"
    say("D'accord : le guide écrira seulement, sans parler." if reader
        else "D'accord : le guide parlera de sa propre voix.")
    return dataclasses.replace(settings, sees_screen=sees, screen_reader=reader)
