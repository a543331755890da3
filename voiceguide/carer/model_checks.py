"""Doctor's checks of the speech-recognition model: found, loaded, and knowing the guide's command words."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from voiceguide.carer.report import FAIL, INFO, OK, Check, decimal_fr
from voiceguide.errors import CannotRun, UserError

MODEL = "Modèle de reconnaissance vocale"
KNOWN_WORDS_WANTED = 0.9                  # below this share of command words, the model is reported


def command_phrases(guide: Any, vocabulary: Any) -> list[str]:
    """Every phrase the guide can listen for: the commands, the topic names and every step's choices."""
    from voiceguide.dialog.intent import Options
    from voiceguide.dialog.matcher import IntentMatcher

    choices = tuple(c for step in guide.steps for c in step.choices)
    return IntentMatcher(vocabulary, guide).grammar(Options(choices=choices))


def check_model(explicit: Path | None, phrases: Sequence[str] | None) -> list[Check]:
    """Finds the model, loads it, and counts the command words it knows."""
    from voiceguide.listening.model_store import (
        ENV_VAR,
        candidate_dirs,
        find_model,
        missing_model_message,
    )

    try:
        model_dir = find_model(explicit)
    except UserError as exc:
        return [Check(FAIL, MODEL, exc.message)]
    if model_dir is None:
        places = " ; ".join(f"« {p} »" for p in candidate_dirs())
        return [Check(FAIL, MODEL, f"{missing_model_message()} Il faut Internet une seule fois (environ 41 Mo). "
                      "Sans modèle, le guide se commande au clavier."),
                Check(INFO, f"Modèle cherché dans : {places} (et --model, la variable {ENV_VAR})")]
    try:
        from voiceguide.listening.recognizer import Recognizer
    except ImportError as exc:
        return [Check(FAIL, MODEL, "le module vosk ne se charge pas ; réinstallez-le avec « pip install vosk ».",
                      detail=str(exc))]
    log = logging.getLogger("voiceguide.listening.recognizer")
    level = log.level
    log.setLevel(logging.ERROR)   # one warning per unknown word would bury the report
    started = time.monotonic()
    try:
        rec = Recognizer(model_dir, endpoints=None)
        seconds = time.monotonic() - started
        checks = [Check(OK, f"Modèle « {model_dir} » chargé en {decimal_fr(seconds)} s")]
        if not rec.uses_grammar:
            checks.append(Check(FAIL, "Grammaire du modèle", "ce modèle (graphe HCLG) ne peut pas se limiter "
                                "aux commandes du guide : il comprendra moins bien. Préférez un petit modèle "
                                "(« voiceguide model download »)."))
        if phrases:
            checks.append(_known_words(rec, phrases))
        return checks
    except CannotRun as exc:
        return [Check(FAIL, MODEL, exc.message)]
    except Exception as exc:  # noqa: BLE001 - libvosk failing in an unforeseen way is still a report line
        return [Check(FAIL, MODEL, "il ne se charge pas ; réinstallez-le avec « voiceguide model download ».",
                      detail=str(exc))]
    finally:
        log.setLevel(level)


def _known_words(rec: Any, phrases: Sequence[str]) -> Check:
    words = {w for p in phrases for w in p.split()}
    rec.usable_phrases(phrases)
    unknown = sorted(rec.dropped_words & words)
    share = 1.0 - len(unknown) / len(words)
    percent = f"{share * 100:.0f} %"
    if share == 0.0:
        try:
            rec.check_language(phrases)
        except CannotRun as exc:
            return Check(FAIL, f"Langue du modèle (0 % des {len(words)} mots de commande connus)", exc.message)
    if share < KNOWN_WORDS_WANTED:
        sample = ", ".join(f"« {w} »" for w in unknown[:6])
        return Check(FAIL, "Mots de commande", f"le modèle n'en connaît que {percent} ({len(words)} mots ; "
                     f"absents : {sample}…) : ces commandes ne seront pas comprises à la voix. Installez le "
                     "modèle français avec « voiceguide model download ».")
    missing = f" ; absents : {', '.join(f'« {w} »' for w in unknown)}" if unknown else ""
    return Check(OK, f"Mots de commande : le modèle en connaît {percent} ({len(words)} mots{missing})")
