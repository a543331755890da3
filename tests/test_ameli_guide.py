"""The bundled Ameli guide, read as a blind or low-vision listener meets it.

Each test reads the guide's own texts: every element has its keyboard route
in ``say`` and its place on the screen only in ``on_screen``; steps that
need sight say so and what helps; no spoken sentence is too long; Ameli's
button « Suivant » cannot be taken for the guide's command; the questions
are answerable by oui and non. (The pace, measured on rendered audio, is in
test_pace.py; the pronunciation, checked through espeak-ng, in test_pronounce.py.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from measure_pace import SENTENCE_WORD_LIMIT, spoken_sentences

from voiceguide.dialog.machine import Dialog, DialogSettings
from voiceguide.guide import ACTION, DEFAULT_GUIDE, QUESTION, Step, load_guide
from voiceguide.guide.positions import position_phrase
from voiceguide.language.text import fold
from voiceguide.language.vocabulary import load_vocabulary
from voiceguide.speaking.sentences import sentences

GUIDE = load_guide(DEFAULT_GUIDE)
ACTIONS = [s for s in GUIDE.steps if s.kind == ACTION]
ELEMENT = re.compile(r"\b(bouton|lien|champ|icône|option|case|liste)\b", re.IGNORECASE)
KEYBOARD_ROUTE = re.compile(r"\b(Tab|Entrée|Espace|flèches?|Ctrl\+\w+)\b")
SIGHT_HELP = ("personne de confiance", "loupe", "application qui lit le texte à voix haute")


def texts(step: Step) -> list[str]:
    return [t for t in (step.say, step.on_screen, step.details, step.title) if t] + [c.label for c in step.choices]


def test_no_spoken_sentence_is_longer_than_25_words():
    too_long = [s for s in spoken_sentences(GUIDE) if s.words > SENTENCE_WORD_LIMIT]
    assert not too_long, "\n".join(f"{s.step} ({s.field}, {s.words} mots) : {s.text}" for s in too_long)


def test_every_step_that_acts_on_the_page_has_details():
    assert [s.id for s in GUIDE.steps if not s.details] == ["fin"]


@pytest.mark.parametrize("step", ACTIONS, ids=lambda s: s.id)
def test_an_action_names_the_keyboard_route_of_each_element_it_mentions(step: Step):
    if ELEMENT.search(step.say) or step.on_screen:
        assert KEYBOARD_ROUTE.search(step.say), step.say


@pytest.mark.parametrize("step", ACTIONS, ids=lambda s: s.id)
def test_an_action_says_no_position_no_click_and_no_voice_only_wording(step: Step):
    said = fold(step.say)
    assert position_phrase(step.say) is None
    for word in ("cliquez", "cliquer", "ecran", "dites", "voyez", "regardez"):
        assert not re.search(rf"\b{word}\b", said), (word, step.say)


def test_positions_are_kept_for_a_person_who_sees_a_little():
    located = [s for s in GUIDE.steps if s.on_screen]
    assert len(located) >= 20
    assert all(position_phrase(s.on_screen) or "champ" in s.on_screen or "option" in s.on_screen
               for s in located), [s.on_screen for s in located if not position_phrase(s.on_screen)]
    tracks = {s.id: i for i, s in enumerate(GUIDE.steps, 1)}
    seeing = Dialog(GUIDE, load_vocabulary(), DialogSettings(sees_screen=True)).recording("deconnexion", tracks)[0]
    blind = Dialog(GUIDE, load_vocabulary(), DialogSettings(sees_screen=False)).recording("deconnexion", tracks)[0]
    assert seeing.endswith("À l'écran, cette icône est en haut à droite de la page.")
    assert "écran" not in blind


@pytest.mark.parametrize("step_id", ["saisir-numero", "demande-numero", "oubli-numero",
                                     "demande-ensuite", "oubli-courrier-attente"])
def test_steps_that_need_sight_say_so_and_what_helps(step_id: str):
    say = " ".join(GUIDE.step(step_id).say.split())
    assert re.search(r"il faut la voir|se lit avec les yeux", say), say
    for help_ in SIGHT_HELP:
        assert help_ in say, (help_, say)


def test_the_site_s_suivant_button_cannot_be_taken_for_the_guide_s_command():
    for step in GUIDE.steps:
        assert "suivant" not in fold(step.title), step.title   # « où suis-je » reads titles aloud
        for text in texts(step):
            for sentence in sentences(" ".join(text.split())):
                if "« Suivant »" in sentence and text == step.say:
                    assert "bouton de la page" in sentence and "dites" not in fold(sentence), sentence
    button = " ".join(GUIDE.step("demande-suivant").say.split())
    assert "« Suivant »" in button and "il s'active au clavier, pas à la voix" in button


def test_the_confirmation_code_is_a_question_answered_by_yes_or_no():
    step = GUIDE.step("code-confirmation")
    assert step.kind == QUESTION and step.next is None      # nobody is sent through the e-mail detour by default
    assert (step.if_yes, step.if_no) == ("confirmation-boite-mail", "page-accueil")
    assert {c.target for c in step.choices} == {step.if_yes, step.if_no}
    assert GUIDE.step("valider-connexion").next == step.id


def test_do_you_have_a_code_is_answered_by_yes_or_no():
    step = GUIDE.step("avez-vous-un-code")
    assert step.kind == QUESTION and (step.if_yes, step.if_no) == ("saisir-numero", "pas-de-code-lien")


def test_kind_is_written_where_the_default_would_be_wrong():
    # These steps offer a shortcut (choices) but ask the person to act on the site.
    assert {s.id for s in GUIDE.steps if s.choices and s.kind == ACTION} == {
        "les-categories", "confirmation-boite-mail", "confirmation-taper"}
    assert {s.id for s in GUIDE.steps if s.kind == QUESTION} == {
        "avez-vous-un-code", "code-confirmation", "oubli-choix-envoi", "objet-message"}


def test_the_names_announced_by_a_screen_reader_come_from_the_tutorial():
    said = " ".join(" ".join(s.say.split()) for s in GUIDE.steps)
    for name in ("le champ « Mon numéro de sécurité sociale »", "le champ « Mon code »", "le bouton « Valider »",
                 "le lien « Je n'ai pas de code »", "le lien « J'ai oublié mon code »", "« Première connexion »",
                 "le champ « Nom »", "« Date de naissance »", "« Code postal »", "l'option « Email »",
                 "l'option « Courrier postal »", "« Choix de l'objet »"):
        assert name in said, name
