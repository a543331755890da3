"""Narration text for the ear: sentences that keep abbreviations whole, slashes said « ou », no double pauses.

The sound checks render with the real espeak-ng and measure with sox
(``soxi -D``), or read espeak-ng's phonemes (``-x``).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from voiceguide.language.text import word_count
from voiceguide.speaking.sentences import for_the_ear, sentences, speech_pieces, split_sentences

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None or shutil.which("soxi") is None,
                                  reason="espeak-ng et sox nécessaires (apt-get install espeak-ng sox)")


@pytest.mark.parametrize("text, expected", [
    # issue 10: the cut after « C.M.U.C. » put a half-second gap before « », la couverture… »
    ("Dans la liste, sélectionnez « C.M.U.C. », la couverture maladie universelle complémentaire. Elle a changé.",
     ["Dans la liste, sélectionnez « C.M.U.C. », la couverture maladie universelle complémentaire.", "Elle a changé."]),
    ("Choisissez C.M.U.C. Puis attendez.", ["Choisissez C.M.U.C. Puis attendez."]),
    ("Une phrase. une suite en minuscules.", ["Une phrase. une suite en minuscules."]),
    ("Il a dit « Bonjour. » Puis il est parti.", ["Il a dit « Bonjour. »", "Puis il est parti."]),
    ("Premier paragraphe sans point\n\nSecond paragraphe", ["Premier paragraphe sans point", "Second paragraphe"]),
    ("Fin ? Oui ! Voilà… Bien.", ["Fin ?", "Oui !", "Voilà…", "Bien."]),
])
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_split_sentences_keeps_the_abbreviation_inside_one_piece():
    text = "Dans la liste, sélectionnez « C.M.U.C. », la couverture maladie. Elle a été remplacée depuis."
    assert split_sentences(text)[0].endswith("la couverture maladie.")


@pytest.mark.parametrize("text, expected", [
    ("Accident du travail / Maladie professionnelle", "Accident du travail ou Maladie professionnelle"),
    ("Tab/Maj+Tab", "Tab ou Maj+Tab"),
    ("le 12/03/2024", "le 12/03/2024"),                                  # a date keeps its slashes
    ("Activez le bouton « Valider », puis Entrée.", "Activez le bouton Valider, puis Entrée."),
    ("l'option « Email ».", "l'option Email."),
    ("« Je n'ai pas de code » et « J'ai oublié mon code »", "Je n'ai pas de code et J'ai oublié mon code"),
    ('le lien "Aide" (« Valider »)', "le lien Aide (Valider)"),
])
def test_for_the_ear(text, expected):
    assert for_the_ear(text) == expected


@pytest.mark.parametrize("text, count", [
    ("Appuyez sur Tab, puis sur Entrée.", 6),
    ("« C.M.U.C. » : Maj+Tab / Échap", 3),
    ("l'écran d'Ameli", 2),
    ("  ", 0),
])
def test_word_count(text, count):
    assert word_count(text) == count


def seconds(text: str, tmp_path) -> float:
    wav = tmp_path / "phrase.wav"
    subprocess.run(["espeak-ng", "-v", "fr", "-s", "165", "-w", str(wav), text], check=True)
    return float(subprocess.run(["soxi", "-D", str(wav)], capture_output=True, text=True, check=True).stdout)


@needs_espeak
@pytest.mark.parametrize("text", [
    "Activez le bouton « Valider », puis appuyez sur Entrée.",
    "Sélectionnez l'option « Email ».",
])
def test_guillemets_add_no_pause_once_prepared_for_the_ear(text, tmp_path):
    raw = seconds(text, tmp_path)
    prepared = seconds(" ".join(speech_pieces(text)), tmp_path)
    plain = seconds(text.replace("« ", "").replace(" »", ""), tmp_path)
    assert prepared == plain             # the same words, the same length: nothing added
    assert raw - prepared >= 0.05        # espeak-ng's extra pause next to « », or ». (about 0.12 s here)


@needs_espeak
def test_the_slash_is_heard_as_ou():
    def phonemes(text: str) -> list[str]:
        out = subprocess.run(["espeak-ng", "-v", "fr", "-x", "-q", text], capture_output=True, text=True, check=True)
        return out.stdout.replace("_!", " ").split()

    text = "Accident du travail / Maladie professionnelle"
    assert "u" not in phonemes(text)
    assert "u" in phonemes(" ".join(speech_pieces(text)))
