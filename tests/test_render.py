"""``render_guide``: one audible WAV per step and a playlist in guide order, worded for a player.

Rendered by the real pyttsx3 + espeak-ng; the failure test injects an engine
that cannot start into the worker process.
"""

from __future__ import annotations

import wave

import numpy as np
import pytest

from voiceguide.carer.render import render_guide, slug
from voiceguide.dialog.machine import Dialog
from voiceguide.errors import CannotRun, UserError
from voiceguide.guide import Choice, Guide, Step
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.speaking.config import NarratorConfig


def small_guide() -> Guide:
    return Guide(
        title="Petit guide d'essai",
        language="fr",
        source="test",
        start="accueil",
        steps=(
            Step("accueil", "Accueil", "Bonjour. Ce petit guide a trois étapes.", next="choix"),
            Step("choix", "Un choix", "Avez-vous votre code ?",
                 choices=(Choice("oui", ("oui",), "fin"), Choice("non", ("non",), "aide-code"))),
            Step("aide-code", "Sans code", "Demandez un code sur le site.", next="fin"),
            Step("fin", "Fin", "C'est terminé. Au revoir.", end=True),
        ),
    )


def small_dialog() -> Dialog:
    return Dialog(small_guide(), load_vocabulary())


def read(path):
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getcomptype()) == (1, 2, "NONE")
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
        return samples, w.getframerate()


def test_one_audible_wav_per_step_and_a_playlist_in_guide_order(tmp_path):
    out = tmp_path / "lecteur mp3"
    paths = render_guide(small_dialog(), out, NarratorConfig())
    names = [p.name for p in paths]
    assert names == ["01-accueil.wav", "02-choix.wav", "03-aide-code.wav", "04-fin.wav", "petit-guide-d-essai.m3u"]
    for path in paths[:-1]:
        samples, rate = read(path)
        seconds = len(samples) / rate
        assert np.sqrt(np.mean(samples.astype(float) ** 2)) > 1000      # speech, not silence
        assert 0.3 < seconds < 15
    playlist = paths[-1].read_text(encoding="utf-8").splitlines()
    assert playlist[0] == "#EXTM3U"
    assert [line for line in playlist if not line.startswith("#")] == names[:-1]
    assert "#EXTINF:" in playlist[2] and playlist[2].endswith(",Accueil")


def test_a_slower_rate_renders_longer_files(tmp_path):
    slow = render_guide(small_dialog(), tmp_path / "lent", NarratorConfig(rate_wpm=110))
    fast = render_guide(small_dialog(), tmp_path / "vite", NarratorConfig(rate_wpm=300))
    assert len(read(slow[0])[0]) > 1.5 * len(read(fast[0])[0])


def test_each_file_says_where_to_go_as_tracks_not_keys_or_words_to_say():
    dialog = small_dialog()
    tracks = {s.id: i for i, s in enumerate(dialog.guide.steps, 1)}
    assert " ".join(dialog.recording("choix", tracks)) == (
        "Avez-vous votre code ? Pour « oui », passez à la piste 4 ; pour « non », à la piste 3.")
    assert dialog.recording("aide-code", tracks)[1] == "Quand c'est fait, passez à la piste suivante."
    assert dialog.recording("accueil", tracks)[1] == "Quand c'est fait, passez à la piste suivante."


def test_an_output_path_that_is_a_file_is_a_french_usage_error(tmp_path):
    blocker = tmp_path / "fichier.txt"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        render_guide(small_dialog(), blocker, NarratorConfig())
    assert err.value.code == 2 and "n'est pas un dossier" in err.value.message and "--out" in err.value.message
    with pytest.raises(UserError) as err:
        render_guide(small_dialog(), blocker / "sous-dossier", NarratorConfig())
    assert err.value.code == 2 and "Impossible de créer le dossier" in err.value.message


class NoEngine:
    """An engine that cannot start, like pyttsx3 on a machine without espeak-ng."""

    def __init__(self) -> None:
        raise OSError("libespeak-ng.so.1: cannot open shared object file")


def test_a_speech_engine_that_cannot_start_is_a_french_cannot_run(tmp_path):
    with pytest.raises(CannotRun) as err:
        render_guide(small_dialog(), tmp_path / "out", NarratorConfig(), engine_factory=NoEngine)
    assert err.value.code == 1
    assert "La synthèse vocale n'a pas pu démarrer" in err.value.message
    assert "espeak-ng" in err.value.message and "Aucun fichier audio n'a été écrit." in err.value.message
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("text, name", [("Première connexion", "premiere-connexion"), ("a/b c", "a-b-c"), ("«»", "piste")])
def test_file_names_are_safe(text, name):
    assert slug(text) == name
