"""``voiceguide setup``: driven by text lines and by keys through to the saved settings file.

The questions, the intent matcher, pyttsx3 + espeak-ng, the narrator and
the settings code are real. The only fake is the sound card and the
microphones (``FakeSoundDevice`` from test_doctor stands in for the
``sounddevice`` module), used where a test needs one because this machine
has neither. The model download is tried against a closed port on
127.0.0.1 (offline), never the Internet. Every test runs in a temporary home.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from test_doctor import (
    FakeSoundDevice,
    install_fake_sounddevice,
    shouting,
    speech,
    whisper,
)

from voiceguide.carer.setup_answers import (
    KEEP,
    KEEP_CHOICE,
    NO_GUIDE,
    SILENCE,
    THIS,
    interpret,
    microphone_choices,
    next_microphone,
    next_rate,
    next_volume,
)
from voiceguide.carer.setup_wizard import RATE_SAMPLE, run_setup
from voiceguide.dialog.intent import Options
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.errors import EXIT_INTERRUPTED, EXIT_OK, CannotRun
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.listening.turns import InputKind, KeyPress, Utterance
from voiceguide.speaking.player import output_problem
from voiceguide.speech_levels import MAX_RATE_LEVEL, MAX_VOLUME_LEVEL, MIN_RATE_LEVEL

OFFLINE = "http://127.0.0.1:9/model-list.json"     # the discard port: connection refused at once


@pytest.fixture
def home(home_without_model: Path) -> Path:
    return home_without_model


def settings_file(home: Path) -> Path:
    return home / "config" / "voiceguide" / "settings.yaml"


def setup(answers: str | io.StringIO, *, input: str = "text", tts: str = "pyttsx3",
          config: Path | None = None, screen: str | None = None) -> tuple[int, list[str]]:
    """Runs the setup with these answers, after ``screen``: the first step's two answers (the person does
    not see the screen, and has no screen reader, unless the test says otherwise)."""
    if screen is None:
        screen = "nn" if input == "keyboard" else "non\nnon\n"
    stdin = answers if isinstance(answers, io.StringIO) else io.StringIO(screen + answers)
    out = io.StringIO()
    code = run_setup(config=config, input_kind=InputKind(input), tts=tts, stdin=stdin, out=out,
                     model_list_url=OFFLINE)
    return code, out.getvalue().splitlines()


def no_sound_card_here() -> None:
    if output_problem() is None:
        pytest.skip("cette machine a une carte son")


# --------------------------------------------------------------------------- through to the saved file

def test_without_sound_card_or_microphone_every_step_says_why_and_settings_are_saved(home: Path) -> None:
    no_sound_card_here()
    code, lines = setup("\n\naide\nje ne sais pas\noui\n")
    assert code == EXIT_OK
    text = "\n".join(lines)
    assert "Étape 2 sur 5 : le microphone." in lines
    assert "Je ne trouve aucun microphone sur cet ordinateur : étape passée." in text
    # The real cause of the silence, with its fix, once at the start; the steps it stops refer to it.
    assert lines[0] == ("Le guide ne peut pas parler : aucun haut-parleur ni casque n'est trouvé ; branchez des "
                        "haut-parleurs ou un casque, vérifiez que le son de l'ordinateur n'est pas coupé, puis "
                        "relancez. Je continue en texte.")
    assert sum("branchez des haut-parleurs" in line for line in lines) == 1
    assert ("Je ne peux pas faire entendre la voix : aucun haut-parleur ni casque n'est trouvé (voir plus haut). "
            "Étape passée.") in lines
    assert ("La vitesse se règle à l'oreille, mais aucun haut-parleur ni casque n'est trouvé (voir plus haut) : "
            "étape passée. La vitesse reste normale, environ 140 mots par minute.") in lines
    # The model question: help, a misunderstanding, then yes; offline, it says so and goes on.
    assert "Répondez « oui » (touche O) ou « non » (touche N). Pour arrêter sans rien enregistrer" in text
    assert "Je n'ai pas compris. Répondez « oui » (touche O) ou « non » (touche N)." in lines
    # Two silences then « aide »: the help is said for the first silence and for « aide » only.
    assert sum(line.startswith("Répondez « oui » (touche O)") for line in lines) == 2
    failed = next(line for line in lines if line.startswith("Impossible de joindre le site des modèles vosk"))
    assert "hors ligne" in failed and "voiceguide model download" in failed and "Errno" not in failed
    # No microphone was found: none is saved, and the summary does not pretend one will be used.
    assert ("Écran : ne voit pas l'écran ; microphone : aucun trouvé (le guide se commandera au clavier) ; vitesse "
            "de la voix : normale, environ 140 mots par minute ; volume : normal (80 %).") in lines
    assert not any("vitesse : 0" in line or "celui du système" in line for line in lines)
    assert lines[-1] == (f"Réglages enregistrés dans « {settings_file(home)} ». « voiceguide config show » les "
                         "affiche, et « voiceguide run » lance le guide avec eux.")
    saved = yaml.safe_load(settings_file(home).read_text(encoding="utf-8"))
    assert saved["rate_level"] == 0 and saved["volume_level"] == 0 and saved["microphone"] is None
    assert not list(home.rglob("vosk-model-small-fr-0.22*"))      # nothing half-downloaded left


def test_rate_set_by_ear_plus_vite_twice_then_cest_bien(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Fake sound card (sounddevice edge only): the sample is rendered by espeak-ng each time.
    fake = install_fake_sounddevice(monkeypatch, FakeSoundDevice(output="Haut-parleurs de test"))
    code, lines = setup("oui\nplus vite\nplus vite\nc'est bien\nnon\n")
    assert code == EXIT_OK
    assert "Entendez-vous la voix ? Oui ou non." in lines
    assert "Très bien, le haut-parleur fonctionne." in lines
    assert "Plus vite : environ 161 mots par minute." in lines
    assert "Plus vite : environ 185 mots par minute." in lines
    assert "Vitesse gardée : un peu plus rapide que la normale, environ 185 mots par minute." in lines
    saved = yaml.safe_load(settings_file(home).read_text(encoding="utf-8"))
    assert saved["rate_level"] == 2
    # The rate changed audibly: each sample played shorter than the one before.
    runs = fake.outputs[0].runs
    assert len(runs) == len(lines)                    # every printed line was also spoken
    samples = [runs[i] for i, line in enumerate(lines) if line == RATE_SAMPLE]
    assert len(samples) == 3
    assert samples[0] > samples[1] > samples[2] > 0, samples


def test_by_keyboard_alone(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_sounddevice(monkeypatch, FakeSoundDevice(output="Haut-parleurs de test"))
    # o: I hear it; f: louder, then o; l: slower; 1: « c'est bien »; n: no download.
    code, lines = setup("fo" + "l1" + "n", input="keyboard")
    assert code == EXIT_OK
    saved = yaml.safe_load(settings_file(home).read_text(encoding="utf-8"))
    assert saved["volume_level"] == 1 and saved["rate_level"] == -1
    assert "Volume : plus fort que la normale (90 %)." in lines


def test_microphones_are_tried_in_turn_and_kept_with_celui_ci(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Fake microphones (sounddevice edge only); no output device, so speech steps are skipped.
    fake = install_fake_sounddevice(monkeypatch, FakeSoundDevice({"Micro de la webcam": whisper,
                                                                  "Casque USB": speech}))
    code, lines = setup("suivant\ncelui-ci\nnon\n", tts="none")
    assert code == EXIT_OK
    text = "\n".join(lines)
    assert "Je trouve 2 microphones : 1, « Micro de la webcam » ; 2, « Casque USB »." in text
    assert fake.opened_inputs == [0, 1]
    first = lines.index(next(line for line in lines if line.startswith("Micro 1 : « Micro de la webcam »")))
    assert lines[first + 1].startswith("Niveau trop faible (") and "rapprochez-vous" in lines[first + 1]
    second = lines.index(next(line for line in lines if line.startswith("Micro 2 : « Casque USB »")))
    assert lines[second + 1].startswith("Niveau correct (")
    assert "Micro gardé : « Casque USB »." in lines
    assert any(line.startswith("Écran : ne voit pas l'écran ; microphone : « Casque USB » ; vitesse de la voix : "
                               "normale") for line in lines)
    assert "la voix est désactivée (--tts none)" in text
    assert yaml.safe_load(settings_file(home).read_text(encoding="utf-8"))["microphone"] == "Casque USB"


def test_a_microphone_is_chosen_by_its_number(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = install_fake_sounddevice(monkeypatch, FakeSoundDevice({"Micro interne": shouting,
                                                                  "Casque USB": speech}))
    code, lines = setup("2\nnon\n", tts="none")
    assert code == EXIT_OK
    assert fake.opened_inputs == [0]                    # chosen without trying the second
    assert any(line.startswith("Le son sature (") for line in lines)
    assert yaml.safe_load(settings_file(home).read_text(encoding="utf-8"))["microphone"] == "Casque USB"


def test_the_screen_step_sets_sight_and_the_screen_reader_and_skips_the_voice(home: Path) -> None:
    code, lines = setup("non\n", tts="none", screen="oui\noui\n")
    assert code == EXIT_OK
    assert "Étape 1 sur 5 : l'écran." in lines
    assert "D'accord : le guide dira aussi où sont les éléments." in lines
    assert "Étapes 3 et 4 sur 5, la voix du guide : passées, votre lecteur d'écran parle." in lines
    assert not any(line.startswith("Étape 3 sur 5") for line in lines)
    saved = yaml.safe_load(settings_file(home).read_text(encoding="utf-8"))
    assert saved["sees_screen"] is True and saved["screen_reader"] is True
    assert any(line.startswith("Écran : voit un peu l'écran, et le lecteur d'écran parle") for line in lines)


# --------------------------------------------------------------------------- leaving early saves nothing

def test_end_of_input_in_the_middle_saves_nothing(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_sounddevice(monkeypatch, FakeSoundDevice(output="Haut-parleurs de test"))
    code, lines = setup("oui\nplus vite\n")
    assert code == EXIT_OK
    assert lines[-1] == "Fin de l'entrée : réglage abandonné, rien n'est enregistré."
    assert not settings_file(home).exists()


def test_quitter_confirmed_saves_nothing_and_quitter_denied_goes_on(home: Path) -> None:
    code, lines = setup("quitter\nnon\nquitter\noui\n", tts="none", screen="")
    assert code == EXIT_OK
    assert lines.count("Voulez-vous arrêter le réglage sans rien enregistrer ? Oui ou non.") == 2
    assert "D'accord, on continue." in lines
    assert lines[-1] == "Réglage abandonné : rien n'est enregistré."
    assert not settings_file(home).exists()


class CtrlC(io.StringIO):
    """stdin on which the user presses Ctrl-C while the setup waits for an answer."""

    def readline(self, *args) -> str:
        raise KeyboardInterrupt


def test_ctrl_c_saves_nothing_and_exits_130(home: Path) -> None:
    code, lines = setup(CtrlC(), tts="none")
    assert code == EXIT_INTERRUPTED
    assert lines[-1] == "Réglage interrompu : rien n'est enregistré."
    assert not settings_file(home).exists()


# --------------------------------------------------------------------------- existing settings

def test_a_garbage_settings_file_is_kept_aside_and_replaced(home: Path) -> None:
    path = settings_file(home)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe pas du yaml : [")
    code, lines = setup("non\n", tts="none")
    assert code == EXIT_OK
    assert (path.parent / "settings.yaml.bak").read_bytes() == b"\xff\xfe pas du yaml : ["
    assert lines[0].startswith(f"Le fichier de réglages « {path} » ne peut pas être utilisé")
    assert "settings.yaml.bak" in lines[0]
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["rate_level"] == 0


def test_existing_settings_are_kept_and_a_new_config_file_is_created_without_warning(
        home: Path, capsys: pytest.CaptureFixture) -> None:
    path = home / "pour-maman.yaml"
    code, lines = setup("non\n", tts="none", config=path)
    assert code == EXIT_OK
    assert "n'existe pas" not in capsys.readouterr().err
    assert f"Réglages enregistrés dans « {path} »." in lines[-1]
    text = path.read_text(encoding="utf-8").replace("rate_level: 0", "rate_level: 3").replace(
        "earcons: true", "earcons: false")
    path.write_text(text, encoding="utf-8")
    setup("non\n", tts="none", config=path)
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert saved["rate_level"] == 3 and saved["earcons"] is False     # what setup does not ask is kept


def test_a_microphone_saved_before_but_not_found_now_is_not_saved_again(home: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_sounddevice(monkeypatch, FakeSoundDevice())     # a sound system with no microphone at all
    path = settings_file(home)
    path.parent.mkdir(parents=True)
    path.write_text("microphone: Casque USB\n", encoding="utf-8")
    code, lines = setup("non\n", tts="none")
    assert code == EXIT_OK
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["microphone"] is None
    assert any("microphone : aucun trouvé (le guide se commandera au clavier)" in line for line in lines)


def test_a_model_folder_in_the_settings_that_is_gone_is_forgotten(home: Path) -> None:
    path = settings_file(home)
    path.parent.mkdir(parents=True)
    path.write_text(f"model: {home / 'disparu'}\n", encoding="utf-8")
    code, lines = setup("non\n", tts="none")
    assert code == EXIT_OK
    gone = next(line for line in lines if str(home / "disparu") in line)
    assert gone.endswith("Ce réglage est oublié.")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["model"] is None


def test_voice_input_without_a_microphone_is_refused_in_french(home: Path) -> None:
    try:
        import sounddevice

        if any(d.get("max_input_channels", 0) > 0 for d in sounddevice.query_devices()):
            pytest.skip("cette machine a un microphone")
    except OSError:
        pass
    with pytest.raises(CannotRun) as refused:
        setup("oui\n", input="micro", tts="none")
    assert "Aucun microphone n'a été trouvé" in refused.value.message
    assert "--input keyboard" in refused.value.message
    assert not settings_file(home).exists()


# --------------------------------------------------------------------------- pure decisions

@pytest.fixture(scope="module")
def matcher() -> IntentMatcher:
    return IntentMatcher(load_vocabulary(), NO_GUIDE)


def test_answers_are_read_with_the_guides_own_words(matcher: IntentMatcher) -> None:
    rate = Options(choices=(KEEP_CHOICE,))
    assert interpret(Utterance("plus vite"), matcher, rate) == "faster"
    assert interpret(Utterance("euh, accélère s'il vous plaît"), matcher, rate) == "faster"
    assert interpret(Utterance("Plus lentement"), matcher, rate) == "slower"
    assert interpret(Utterance("c'est bien"), matcher, rate) == KEEP
    assert interpret(Utterance("ça me va"), matcher, rate) == KEEP
    assert interpret(Utterance("1"), matcher, rate) == KEEP             # a typed key
    assert interpret(KeyPress("v"), matcher, rate) == "faster"
    assert interpret(KeyPress("1"), matcher, rate) == KEEP
    assert interpret(None, matcher, rate) == SILENCE
    assert interpret(Utterance("", source="micro"), matcher, rate) is None     # speech, but no phrase
    assert interpret(Utterance("le chat est sur la table"), matcher, rate) is None
    mics = Options(choices=microphone_choices(["Micro interne", "Casque USB"]))
    assert interpret(Utterance("celui-ci"), matcher, mics) == THIS
    assert interpret(Utterance("le deuxième"), matcher, mics) == "mic:1"
    assert interpret(KeyPress("2"), matcher, mics) == "mic:1"
    assert interpret(Utterance("suivant"), matcher, mics) == "next"
    assert interpret(Utterance("oui c'est ça"), matcher, Options(yes_no=True)) == "yes"
    assert interpret(KeyPress("n"), matcher, Options(yes_no=True)) == "no"


def test_rate_decisions_stay_within_bounds() -> None:
    assert next_rate(0, "faster")[:2] == (1, "Plus vite : environ 161 mots par minute.")
    assert next_rate(0, "slower")[0] == -1
    assert next_rate(2, KEEP) == (2, "Vitesse gardée : un peu plus rapide que la normale, environ 185 mots par minute.",
                                  True)
    assert next_rate(-3, KEEP)[1] == "Vitesse gardée : nettement plus lente que la normale, environ 92 mots par minute."
    assert next_rate(0, KEEP)[1] == "Vitesse gardée : normale, environ 140 mots par minute."
    assert next_rate(2, "yes")[2] is True
    assert next_rate(MAX_RATE_LEVEL, "faster") == (MAX_RATE_LEVEL, "C'est déjà la vitesse la plus rapide.", False)
    assert next_rate(MIN_RATE_LEVEL, "slower")[0] == MIN_RATE_LEVEL
    with pytest.raises(ValueError):
        next_rate(0, "louder")


def test_volume_and_microphone_decisions() -> None:
    assert next_volume(0, "louder") == (1, "Volume : plus fort que la normale (90 %).")
    assert next_volume(MAX_VOLUME_LEVEL, "louder")[0] == MAX_VOLUME_LEVEL
    assert next_volume(0, "softer")[0] == -1
    assert next_microphone(0, 3, "next") == ("test", 1)
    assert next_microphone(2, 3, "next") == ("test", 0)          # wraps round to the first
    assert next_microphone(0, 3, "previous") == ("test", 2)
    assert next_microphone(1, 3, "repeat") == ("test", 1)
    assert next_microphone(1, 3, THIS) == ("chosen", 1)
    assert next_microphone(1, 3, "yes") == ("chosen", 1)
    assert next_microphone(0, 3, "mic:2") == ("chosen", 2)


def test_a_running_screen_reader_is_named_in_the_question() -> None:
    from voiceguide.carer.settings import Settings
    from voiceguide.carer.setup_screen import screen_step

    said: list[str] = []
    asked: list[str] = []
    answers = iter(["no", "yes"])

    def ask(text: str) -> str:
        asked.append(text)
        return next(answers)

    chosen = screen_step(Settings(), said.append, ask, "NVDA")
    assert "NVDA fonctionne sur cet ordinateur" in asked[1] and "laisse NVDA lire ses lignes" in asked[1]
    assert chosen.sees_screen is False and chosen.screen_reader is True
