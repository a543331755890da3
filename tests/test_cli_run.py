"""``voiceguide run`` end to end: the real command in a subprocess, text and keyboard input, ``--tts none``.

Each test types a script into stdin and reads back the events log (JSON
Lines, checked against DESIGN.md's contract by conftest.read_events) and
the narration printed on stdout. A script is a list of turns: what is typed,
the events that turn must log (after its own ``utterance`` / ``key`` event),
and a piece of what must be said, in order. No sound card is needed: with
``--tts none`` the narration is only printed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import (
    BROKEN_GUIDES,
    EVENT_KINDS,
    GuideRun,
    assert_no_traceback,
    isolated_env,
    make_broken_guide,
    read_events,
)

import voiceguide
from voiceguide.guide import DEFAULT_GUIDE, Guide, load_guide
from voiceguide.session.events import mask_digits

# (typed, events logged by that turn, piece of the narration it prints ("" when not checked)).
# ``None`` as the events: the turn leaves no trace in the log (a silence while paused).
Turn = tuple[str, "list[str] | None", str]


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(DEFAULT_GUIDE)


# ---------------------------------------------------------------- helpers


def brief(event: dict) -> str:
    """An event in a few characters, so that expected logs read like the conversation."""
    kind = event["event"]
    if kind == "step":
        return f"step:{event['step']}"
    if kind == "command":
        return f"command:{event['name']}" + (f">{event['target']}" if event.get("target") else "")
    if kind == "utterance":
        return f"heard:{event['text']}"
    if kind == "key":
        return f"key:{event['key']}"
    if kind in ("noinput", "nomatch"):
        return f"{kind}:{event['count']}"
    if kind == "confirm":
        return f"confirm:{event['name']}"
    if kind == "setting":
        return f"setting:{event['name']}={event['level']}"
    if kind == "end":
        return f"end:{event['reason']}"
    return kind


def split_turns(events: list[dict]) -> list[list[str]]:
    """The log cut at each thing the user did (a line, a key, a silence); the first part is the welcome."""
    turns: list[list[str]] = [[]]
    for event in events:
        if event["event"] in ("utterance", "key", "noinput"):
            turns.append([])
        turns[-1].append(brief(event))
    return turns


# Keys of the scripts below that are no command: the log never holds them (DESIGN.md, events).
NO_COMMAND_KEYS = {"x"}


def trigger(typed: str, keyboard: bool) -> list[str] | None:
    """How the log shows what the user did; None: nothing shows it (a key that is no command)."""
    if keyboard:
        if typed in NO_COMMAND_KEYS:
            return None
        # A digit pressed to pick a choice is logged as « # », like every digit typed (events.py).
        return [f"key:{mask_digits(key_name(typed))}"]
    return [f"heard:{typed.strip()}"] if typed.strip() else []


def key_name(char: str) -> str:
    return {"\n": "enter", " ": "space"}.get(char, char)


def typed_input(script: Sequence[Turn], keyboard: bool) -> str:
    if keyboard:
        return "".join(typed for typed, _, _ in script)
    return "".join(f"{typed}\n" for typed, _, _ in script)


def play(run_guide, script: Sequence[Turn], keyboard: bool = False, args: Sequence[str] = ()) -> GuideRun:
    """Type ``script`` and check every turn's events and, in order, what was said."""
    run = run_guide(typed_input(script, keyboard), input="keyboard" if keyboard else "text", args=args)
    assert run.code == 0, run.stderr
    turns = split_turns(run.events)
    if turns[-1] and turns[-1][-1] == "end:end-of-input":
        turns[-1].pop()
    expected: list[list[str]] = []
    for typed, caused, _ in script:
        if caused is None:
            continue
        cause = trigger(typed, keyboard)
        if cause is None:   # no event starts this turn in the log: its events follow the previous turn's
            expected[-1] = expected[-1] + caused
        else:
            expected.append(cause + caused)
    assert turns[0][0] == "step:bienvenue", turns[0]
    for number, (got, want) in enumerate(zip(turns[1:], expected), 1):
        assert got == want, f"turn {number}: {got} != {want}"
    assert len(turns) - 1 == len(expected), turns[len(expected) + 1:]
    assert_said_in_order(run.stdout, [said for _, _, said in script if said])
    return run


def assert_said_in_order(stdout: str, pieces: Sequence[str]) -> None:
    position = 0
    for piece in pieces:
        found = stdout.find(piece, position)
        assert found >= 0, f"not said (after position {position}): {piece!r}\n--- stdout:\n{stdout}"
        position = found + len(piece)


def assert_narrated(run: GuideRun, guide: Guide) -> None:
    """Every step entered was printed, and its narration is the guide's own text."""
    for event in run.events:
        if event["event"] == "step":
            assert event["text"] in run.stdout, event["step"]
            say = " ".join(guide.step(event["step"]).say.split())
            assert say in event["text"], event["step"]


def moves(*pairs: tuple[str, str]) -> list[Turn]:
    """Turns that each enter a step: "suivant" (a next) or a spoken choice or topic (a goto)."""
    script: list[Turn] = []
    for said, step in pairs:
        command = "command:next" if said == "suivant" else f"command:goto>{step}"
        script.append((said, [command, f"step:{step}"], ""))
    return script


def suivant(*steps: str) -> list[Turn]:
    return moves(*(("suivant", step) for step in steps))


def where(guide: Guide, step: str) -> str:
    return f"l'étape {guide.position(step)} sur {len(guide.steps)}"


START = ("ouvrir-ameli", "premiere-connexion", "ecran-connexion", "avez-vous-un-code")
LOGIN = ("saisir-numero", "saisir-code", "valider-connexion", "code-confirmation")
ACCOUNT = ("page-accueil", "ouvrir-rubriques", "les-categories")
RUBRICS = ("mes-paiements", "mes-demarches", "mes-informations", "borne-medecin", "messages",
           "ecrire-message", "objet-message")
CLOSING = ("message-rediger", "message-envoyer", "deconnexion", "fin")
# At the end: "suivant" only reminds what can be said; "quitter" leaves at once (nothing is lost there).
GOODBYE: list[Turn] = [
    ("suivant", ["command:next"], "C'est la fin du guide."),
    ("quitter", ["command:quit", "end:quit"], "Au revoir"),
]

PATHS: dict[str, list[Turn]] = {
    # "suivant" everywhere but at the question about a confirmation code, which has no default answer.
    "suivant-only": [
        *suivant(*START, *LOGIN),
        *moves(("je suis sur mon compte", "page-accueil")),
        *suivant(*ACCOUNT[1:], *RUBRICS, *CLOSING),
    ],
    "no-code": [
        *suivant(*START),
        *moves(("je n'ai pas de code", "pas-de-code-lien")),
        *suivant("demande-page", "demande-nom", "demande-numero", "demande-naissance",
                 "demande-code-postal", "demande-suivant", "demande-ensuite", "ecran-connexion",
                 "avez-vous-un-code"),
        *moves(("j'ai mon code", "saisir-numero")),
        *suivant(*LOGIN[1:]),
        *moves(("Ameli demande un code", "confirmation-boite-mail"),
               ("le message n'arrive pas", "confirmation-pas-recu")),
        *suivant("confirmation-taper", *ACCOUNT),
        *moves(("mes paiements", "mes-paiements")),
        *suivant(*RUBRICS[1:]),
        *moves(("carte vitale", "objet-carte-vitale")),
        *suivant(*CLOSING),
    ],
    "forgot-by-email": [
        *suivant(*START),
        *moves(("j'ai oublié mon code", "oubli-lien")),
        *suivant("oubli-numero", "oubli-naissance", "oubli-choix-envoi"),
        *moves(("par e-mail", "oubli-email")),
        *suivant("oubli-email-valider", "oubli-email-boite", "ecran-connexion", "avez-vous-un-code", *LOGIN),
        *moves(("je suis sur mon compte", "page-accueil")),
        *suivant(*ACCOUNT[1:]),
        *moves(("mes informations", "mes-informations")),
        *suivant(*RUBRICS[3:]),
        *moves(("service social", "objet-service-social")),
        *suivant(*CLOSING),
    ],
    "forgot-by-post": [
        *suivant(*START),
        # Typed with a typographic apostrophe and capitals, as a phone keyboard writes it.
        *moves(("J’ai oublié mon code", "oubli-lien")),
        *suivant("oubli-numero", "oubli-naissance", "oubli-choix-envoi"),
        *moves(("par courrier", "oubli-courrier")),
        *suivant("oubli-courrier-valider", "oubli-courrier-attente", "ecran-connexion", "avez-vous-un-code",
                 *LOGIN),
        *moves(("Ameli demande un code", "confirmation-boite-mail")),
        *suivant("confirmation-taper", *ACCOUNT),
        *moves(("mes démarches", "mes-demarches")),
        *suivant(*RUBRICS[2:]),
        *moves(("euh remboursement des soins s'il vous plaît", "objet-remboursement")),
        *suivant(*CLOSING),
    ],
}


# ------------------------------------------------------ 1. whole paths


@pytest.mark.parametrize("name", PATHS)
def test_a_whole_path_through_the_guide_to_the_end(run_guide, guide: Guide, name: str) -> None:
    script = PATHS[name] + GOODBYE
    run = play(run_guide, script)
    expected_path = ["bienvenue"] + [caused[-1].split(":", 1)[1] for _, caused, _ in PATHS[name]]
    assert run.steps() == expected_path
    assert set(expected_path) <= {s.id for s in guide.steps}
    assert run.steps()[-1] == "fin" and guide.step("fin").end
    assert run.events[-1]["event"] == "end" and run.events[-1]["reason"] == "quit"
    assert_narrated(run, guide)
    heard = [e for e in run.events if e["event"] == "utterance"]
    assert [e["text"] for e in heard] == [typed for typed, _, _ in script]
    assert {(e["source"], e["confidence"]) for e in heard} == {("text", 1.0)}  # text mode cannot be unsure
    assert run.stderr.strip() == ""


def test_the_two_code_branches_and_both_ways_of_sending_are_all_covered(guide: Guide) -> None:
    """Between them, the paths above enter every step of the guide (and four of the eleven subjects)."""
    entered = {caused[-1].split(":", 1)[1] for script in PATHS.values() for _, caused, _ in script}
    subjects = {c.target for c in guide.step("objet-message").choices}
    missing = {s.id for s in guide.steps} - entered - subjects - {"bienvenue"}
    assert missing == set()


# ---------------------------------------- 2. end of input, silence, no match


def test_end_of_input_ends_the_session_with_exit_0(run_guide) -> None:
    run = run_guide(["suivant", "suivant"])
    assert run.code == 0
    assert run.steps() == ["bienvenue", "ouvrir-ameli", "premiere-connexion"]
    end = run.events[-1]
    assert (end["event"], end["reason"]) == ("end", "end-of-input")
    assert end.get("step", "premiere-connexion") == "premiere-connexion"  # where it stopped, if logged


def test_empty_input_says_the_welcome_and_ends(run_guide, guide: Guide) -> None:
    run = run_guide([])
    assert run.code == 0
    assert [brief(e) for e in run.events] == ["step:bienvenue", "end:end-of-input"]
    assert_narrated(run, guide)


def test_silence_after_an_action_is_one_short_sentence_and_at_a_question_escalates(run_guide) -> None:
    run = play(run_guide, [
        ("", ["noinput:1"], "Quand c'est fait, tapez « suivant »."),   # an action step: one sentence ...
        ("", ["noinput:2"], ""),                                        # ... then quiet: the person is busy
        *suivant(*START),                                               # avez-vous-un-code: a question
        ("", ["noinput:1"], "Répondez par oui ou par non. Vous pouvez aussi taper « j'ai oublié mon code »."),
        ("", ["noinput:2"], "Pour tout entendre, retapez « aide »."),
        ("", ["noinput:3"], "Je fais une pause."),
        ("", None, ""),  # paused: silence is expected, nothing is said or logged
        ("", None, ""),
        ("reprendre", ["command:resume"], "On reprend. Avez-vous déjà votre code"),
        ("", ["noinput:1"], "Répondez par oui ou par non."),  # a command starts the count again
    ])
    # One printed line per reply: the welcome, one reminder, four steps, three re-prompts, the resume, a
    # re-prompt. The second silence on the action step and the two during the pause said nothing.
    assert len(run.stdout.splitlines()) == 11, run.stdout


def test_not_understood_escalates_and_the_next_command_acts_at_once(run_guide) -> None:
    run = play(run_guide, [
        ("zorglub blabla", ["nomatch:1"], "Je n'ai pas compris."),
        ("grumpf", ["nomatch:2"], "Pour tout entendre, retapez « aide »."),
        ("xyzzy", ["nomatch:3"], "Je fais une pause."),
        *suivant("ouvrir-ameli"),  # the pause ends and "suivant" goes on
        ("je ne veux pas continuer", ["nomatch:1"], "Je n'ai pas compris."),
    ])
    nomatch = [e for e in run.events if e["event"] == "nomatch"]
    assert [e.get("heard") for e in nomatch] == ["zorglub blabla", "grumpf", "xyzzy", "je ne veux pas continuer"]


def test_previous_after_a_branch_walks_the_history_back_to_the_start(run_guide) -> None:
    play(run_guide, [
        *suivant(*START),
        *moves(("j'ai oublié mon code", "oubli-lien")),
        *suivant("oubli-numero", "oubli-naissance", "oubli-choix-envoi"),
        *moves(("par courrier", "oubli-courrier")),
        *[("précédent", ["command:previous", f"step:{step}"], "")
          for step in ("oubli-choix-envoi", "oubli-naissance", "oubli-numero", "oubli-lien",
                       "avez-vous-un-code", "ecran-connexion", "premiere-connexion", "ouvrir-ameli", "bienvenue")],
        ("précédent", ["command:previous"], "Vous êtes au début du guide"),
    ])


def test_topic_shortcuts_go_there_from_anywhere_and_back(run_guide) -> None:
    play(run_guide, [
        *moves(("déconnexion", "deconnexion"),
               ("j'ai oublié mon code", "oubli-lien")),
        *suivant("oubli-numero", "oubli-naissance", "oubli-choix-envoi"),
        *moves(("mes paiements", "mes-paiements"),  # from a step with choices
               ("envoyer un message", "ecrire-message"),
               ("je n'ai pas de code", "pas-de-code-lien"),
               ("code de confirmation", "code-confirmation"),
               ("se connecter", "ecran-connexion")),
        ("pause", ["command:pause"], "Je fais une pause."),
        *moves(("mes messages", "messages")),  # from a pause: resumes and goes
        ("sommaire", ["command:menu"], "Sommaire,"),
        *moves(("déconnexion", "deconnexion")),  # from the menu
        ("précédent", ["command:previous", "step:messages"], ""),
        ("précédent", ["command:previous", "step:ecran-connexion"], ""),
    ])


def test_menu_lists_the_parts_and_a_part_name_goes_there(run_guide, guide: Guide) -> None:
    parts = [s for s in guide.steps if s.topics]
    run = play(run_guide, [
        ("sommaire", ["command:menu"], f"Sommaire, {len(parts)} parties."),
        *moves(("lire mes messages", "messages")),
        ("menu", ["command:menu"], "Sommaire,"),
        *moves(("les rubriques", "ouvrir-rubriques")),
    ])
    for number, part in enumerate(parts, 1):
        assert f"{number} : {part.topics[0]}." in run.stdout


def test_where_am_i_says_the_step_number_out_of_all(run_guide, guide: Guide) -> None:
    play(run_guide, [
        ("où suis-je", ["command:where"], f"Vous êtes à {where(guide, 'bienvenue')} : Bienvenue."),
        *suivant("ouvrir-ameli"),
        ("où en suis-je", ["command:where"], f"{where(guide, 'ouvrir-ameli')} : Ouvrir Ameli."),
        *moves(("déconnexion", "deconnexion")),
        *suivant("fin"),
        ("Où suis-je ?", ["command:where"], f"{where(guide, 'fin')} : C'est terminé."),
    ])
    assert where(guide, "fin") == f"l'étape {len(guide.steps)} sur {len(guide.steps)}"


def test_voice_settings_log_setting_events_and_stop_at_their_bounds(run_guide) -> None:
    play(run_guide, [
        ("plus lentement", ["command:slower", "setting:rate=-1"], "Comme ceci ?"),
        ("moins vite", ["command:slower", "setting:rate=-2"], "Comme ceci ?"),
        ("plus vite", ["command:faster", "setting:rate=-1"], "Comme ceci ?"),
        ("plus fort", ["command:louder", "setting:volume=1"], "Comme ceci ?"),
        ("plus fort", ["command:louder", "setting:volume=2"], "Comme ceci ?"),
        ("plus fort", ["command:louder"], "C'est déjà le volume le plus fort."),
        ("moins fort", ["command:softer", "setting:volume=1"], "Comme ceci ?"),
        ("parle normalement", ["command:normal", "setting:rate=0", "setting:volume=0"], "Comme ceci ?"),
        ("parle normalement", ["command:normal"], "La voix est déjà au réglage normal."),
    ])


# ------------------------------------------------------------ 3. keyboard

KEYBOARD_PATH: list[Turn] = [
    ("\n", ["command:next", "step:ouvrir-ameli"], ""),
    (" ", ["command:next", "step:premiere-connexion"], ""),
    ("r", ["command:repeat"], "Sur la page d'Ameli, appuyez sur Tab"),
    ("p", ["command:previous", "step:ouvrir-ameli"], ""),
    *[("\n", ["command:next", f"step:{s}"], "") for s in START[1:]],
    ("h", ["command:help"], "Appuyez sur la touche O pour oui, la touche N pour non, ou 3 pour « j'ai oublié mon code »."),
    ("h", ["command:help"], "E, où suis-je"),
    ("3", ["command:goto>oubli-lien", "step:oubli-lien"], ""),
    *[("\n", ["command:next", f"step:{s}"], "") for s in ("oubli-numero", "oubli-naissance", "oubli-choix-envoi")],
    ("2", ["command:goto>oubli-courrier", "step:oubli-courrier"], ""),
    *[("\n", ["command:next", f"step:{s}"], "")
      for s in ("oubli-courrier-valider", "oubli-courrier-attente", "ecran-connexion", "avez-vous-un-code")],
    ("1", ["command:goto>saisir-numero", "step:saisir-numero"], ""),
    *[("\n", ["command:next", f"step:{s}"], "") for s in LOGIN[1:]],
    ("2", ["command:goto>page-accueil", "step:page-accueil"], ""),
    ("e", ["command:where"], "Vous êtes à l'étape"),
    ("q", ["command:quit", "confirm:quit"], "Voulez-vous vraiment quitter le guide ? Appuyez sur la touche O"),
    ("n", ["command:no"], "D'accord, on continue."),
    ("m", ["command:menu"], "Sommaire,"),
    ("9", ["command:goto>mes-paiements", "step:mes-paiements"], ""),
    ("s", ["command:pause"], "Je fais une pause."),
    ("x", ["command:resume"], "On reprend."),  # any key ends a pause
    *[("\n", ["command:next", f"step:{s}"], "") for s in RUBRICS[1:]],
    ("3", ["command:goto>objet-carte-vitale", "step:objet-carte-vitale"], ""),
    *[("\n", ["command:next", f"step:{s}"], "") for s in CLOSING],
    ("q", ["command:quit", "end:quit"], "Au revoir"),   # at the end, one key leaves
]
# The same conversation, said instead of pressed.
SPOKEN_EQUIVALENT = {"\n": "suivant", " ": "suivant", "r": "répéter", "p": "précédent", "h": "aide",
                     "e": "où suis-je", "m": "sommaire", "s": "pause", "x": "zorglub", "q": "quitter",
                     "n": "non", "o": "oui"}
SPOKEN_CHOICES = {"oubli-lien": "j'ai oublié mon code", "oubli-courrier": "par courrier",
                  "saisir-numero": "j'ai mon code", "page-accueil": "je suis sur mon compte",
                  "mes-paiements": "mes paiements", "objet-carte-vitale": "carte vitale"}


def test_keyboard_from_a_pipe_drives_the_same_path_as_speech(run_guide, guide: Guide) -> None:
    keys = play(run_guide, KEYBOARD_PATH, keyboard=True)
    assert keys.steps()[-1] == "fin"
    assert keys.events[-1]["reason"] == "quit"
    assert_narrated(keys, guide)
    help_text = keys.stdout
    for listed in ("Entrée, suivant", "R, répéter", "P, précédent", "M, sommaire", "Q, quitter",
                   "3 pour « j'ai oublié mon code »"):
        assert listed in help_text
    own_text = [" ".join(text.split()) for step in guide.steps for text in (step.say, step.details or "")]
    for line in help_text.splitlines():   # keyboard mode speaks of keys, never of words to say
        for text in own_text:             # (the guide's own narration is its author's words)
            line = line.replace(text, "") if text else line
        assert "dites" not in line.lower(), line

    spoken = []
    for typed, caused, _ in KEYBOARD_PATH:
        target = caused[0].split(">", 1)[1] if ">" in caused[0] else None
        spoken.append(SPOKEN_CHOICES[target] if target else SPOKEN_EQUIVALENT[typed])
    words = run_guide(spoken)
    assert words.code == 0
    assert words.steps() == keys.steps()
    commands = [brief(e) for e in words.events if e["event"] in ("command", "step", "confirm", "setting", "end")]
    assert commands == [brief(e) for e in keys.events if e["event"] in ("command", "step", "confirm", "setting", "end")]
    assert {e["event"] for e in keys.events} >= {"key"} and "utterance" not in {e["event"] for e in keys.events}


# --------------------------------- 4. every universal command, every kind of step

# The five voice settings, from level 0 and back to it (said the same way in every context).
VOICE: list[Turn] = [
    ("plus lentement", ["command:slower", "setting:rate=-1"], "Comme ceci ?"),
    ("plus vite", ["command:faster", "setting:rate=0"], "Comme ceci ?"),
    ("plus fort", ["command:louder", "setting:volume=1"], "Comme ceci ?"),
    ("moins fort", ["command:softer", "setting:volume=0"], "Comme ceci ?"),
    ("parle normalement", ["command:normal"], "La voix est déjà au réglage normal."),
]

# Reached by "suivant": an ordinary step (it has details, a next and a history).
PLAIN_STEP: list[Turn] = [
    *suivant("ouvrir-ameli"),
    ("répéter", ["command:repeat"], "Pour commencer, ouvrez le site"),
    ("aide", ["command:help"], "Quand c'est fait, tapez « suivant ». Tapez aussi « répéter » ou « plus de détails »."),
    ("aide", ["command:help"], "Pour la voix : « plus lentement »"),
    ("où suis-je", ["command:where"], "Vous êtes à l'étape 2 sur"),
    ("plus de détails", ["command:details"], "Ctrl+L marche dans Firefox"),
    ("répéter", ["command:repeat"], "Pour commencer, ouvrez le site"),  # the instruction, not the details
    *VOICE,
    ("oui", ["command:yes"], "Il n'y a rien à confirmer pour le moment."),
    ("non", ["command:no"], "Il n'y a rien à confirmer pour le moment."),
    ("sommaire", ["command:menu"], "Sommaire,"),
    ("suivant", ["command:next"], "Pour commencer, ouvrez le site"),  # leaves the menu, stays on the step
    ("pause", ["command:pause"], "Je fais une pause."),
    ("reprendre", ["command:resume"], "On reprend. Pour commencer, ouvrez le site"),
    ("reprendre", ["command:resume"], "Pour commencer, ouvrez le site"),
    *suivant("premiere-connexion"),
    ("précédent", ["command:previous", "step:ouvrir-ameli"], ""),
    ("précédent", ["command:previous", "step:bienvenue"], ""),
    *suivant("ouvrir-ameli"),
    ("recommencer", ["command:restart", "confirm:restart"], "Voulez-vous vraiment recommencer depuis le début ?"),
    ("non", ["command:no"], "D'accord."),      # the place is kept
    ("recommencer", ["command:restart", "confirm:restart"], ""),
    ("oui", ["command:yes", "step:bienvenue"], "On recommence depuis le début."),
    ("précédent", ["command:previous"], "Vous êtes au début du guide"),  # restarting forgets the history
    *suivant("ouvrir-ameli"),
    ("quitter", ["command:quit", "confirm:quit"], "Voulez-vous vraiment quitter le guide ?"),
    ("non", ["command:no"], "D'accord, on continue."),
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("oui", ["command:yes", "end:quit"], "Au revoir"),
]

# oubli-choix-envoi: choices and no "next"; "suivant" cannot guess the branch.
CHOICE_STEP: list[Turn] = [
    *moves(("j'ai oublié mon code", "oubli-lien")),
    *suivant("oubli-numero", "oubli-naissance", "oubli-choix-envoi"),
    ("suivant", ["command:next"], "Ici, il faut choisir. Tapez « par e-mail » ou « par courrier »."),
    ("aide", ["command:help"], "Tapez « par e-mail » ou « par courrier ». Tapez aussi « répéter » ou « plus de détails »."),
    ("aide", ["command:help"], "Et aussi : « recommencer » et « quitter »."),
    ("répéter", ["command:repeat"], "Comment voulez-vous le recevoir ?"),
    ("où suis-je", ["command:where"], "Code oublié, mode d'envoi."),
    ("plus de détails", ["command:details"], "l'e-mail est plus simple"),
    *VOICE,
    ("oui", ["command:yes"], "Il n'y a rien à confirmer"),
    ("sommaire", ["command:menu"], "Sommaire,"),
    ("précédent", ["command:previous"], "Comment voulez-vous le recevoir ?"),  # leaves the menu only
    ("pause", ["command:pause"], "Je fais une pause."),
    ("reprendre", ["command:resume"], "On reprend."),
    ("pause", ["command:pause"], "Je fais une pause."),
    *moves(("par courrier", "oubli-courrier")),  # a choice ends the pause and is taken
    ("précédent", ["command:previous", "step:oubli-choix-envoi"], ""),
    *moves(("courriel", "oubli-email")),  # a synonym of a choice
    ("précédent", ["command:previous", "step:oubli-choix-envoi"], ""),
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("non merci", ["command:no"], "D'accord, on continue. Tapez « par e-mail » ou « par courrier »."),
    ("recommencer", ["command:restart", "confirm:restart"], ""),
    ("oui", ["command:yes", "step:bienvenue"], "On recommence depuis le début."),
]

# fin: the end step.
END_STEP: list[Turn] = [
    *moves(("déconnexion", "deconnexion")),
    *suivant("fin"),
    ("suivant", ["command:next"], "C'est la fin du guide. Pour le fermer, tapez « quitter »"),
    ("aide", ["command:help"], "C'est la fin du guide. Pour le fermer, tapez « quitter »"),
    ("répéter", ["command:repeat"], "Ce guide est terminé."),
    ("où suis-je", ["command:where"], "C'est terminé."),
    ("plus de détails", ["command:details"], "Il n'y a pas d'autre détail pour cette étape."),
    *VOICE,
    ("non", ["command:no"], "Il n'y a rien à confirmer"),
    ("sommaire", ["command:menu"], "Sommaire,"),
    ("reprendre", ["command:resume"], "Ce guide est terminé."),
    ("pause", ["command:pause"], "Je fais une pause."),
    ("répéter", ["command:repeat"], "Ce guide est terminé."),
    ("précédent", ["command:previous", "step:deconnexion"], ""),
    *suivant("fin"),
    ("recommencer", ["command:restart", "step:bienvenue"], "On recommence depuis le début."),  # at once
    *moves(("se déconnecter", "deconnexion")),
    *suivant("fin"),
    ("quitter", ["command:quit", "end:quit"], "Au revoir"),   # at once: nothing to lose at the end
]

# The menu ("sommaire"), opened from ouvrir-ameli.
MENU: list[Turn] = [
    *suivant("ouvrir-ameli"),
    ("sommaire", ["command:menu"], "Sommaire, 15 parties. 1 : présentation du guide."),
    ("sommaire", ["command:menu"], "Sommaire,"),
    ("répéter", ["command:repeat"], "Sommaire,"),
    ("aide", ["command:help"], "Vous êtes dans le sommaire."),
    ("où suis-je", ["command:where"], "Vous êtes dans le sommaire ; l'étape en cours est l'étape 2 sur"),
    ("oui", ["command:yes"], "Il n'y a rien à confirmer pour le moment. Tapez le nom d'une partie"),
    *VOICE,
    ("répéter", ["command:repeat"], "Sommaire,"),  # the settings did not leave the menu
    ("pause", ["command:pause"], "Je fais une pause."),
    ("reprendre", ["command:resume"], "On reprend. Sommaire,"),
    ("zorglub", ["nomatch:1"], "Je n'ai pas compris. Tapez le nom d'une partie ou son numéro"),
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("non", ["command:no"], "D'accord, on continue. Tapez le nom d'une partie"),  # back in the menu
    ("plus de détails", ["command:details"], "Ctrl+L marche dans Firefox"),  # the current step's details
    ("sommaire", ["command:menu"], ""),
    ("précédent", ["command:previous"], "Pour commencer, ouvrez le site"),  # back to the step, not before it
    ("sommaire", ["command:menu"], ""),
    ("reprendre", ["command:resume"], "Pour commencer, ouvrez le site"),
    ("sommaire", ["command:menu"], ""),
    ("suivant", ["command:next"], "Pour commencer, ouvrez le site"),
    ("sommaire", ["command:menu"], ""),
    ("recommencer", ["command:restart", "confirm:restart"], ""),
    ("oui", ["command:yes", "step:bienvenue"], "On recommence depuis le début."),
    ("sommaire", ["command:menu"], ""),
    *moves(("mes messages", "messages")),
    ("sommaire", ["command:menu"], ""),
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("oui", ["command:yes", "end:quit"], "Au revoir"),
]

# A yes/no question (quitting), asked on ouvrir-ameli.
CONFIRM: list[Turn] = [
    *suivant("ouvrir-ameli"),
    ("quitter", ["command:quit", "confirm:quit"], "Voulez-vous vraiment quitter le guide ? Tapez oui ou non."),
    ("répéter", ["command:repeat"], "Voulez-vous vraiment quitter le guide ?"),
    ("aide", ["command:help"], "J'attends votre réponse. Voulez-vous vraiment quitter le guide ?"),
    ("où suis-je", ["command:where"], "Vous êtes à l'étape 2 sur"),
    ("plus fort", ["command:louder", "setting:volume=1"], "Voulez-vous vraiment quitter"),  # no « Comme ceci ? »
    ("parle normalement", ["command:normal", "setting:volume=0"], "Voulez-vous vraiment quitter"),
    *[(said, caused, "Voulez-vous vraiment quitter") for said, caused, _ in VOICE],
    ("reprendre", ["command:resume"], "Voulez-vous vraiment quitter"),
    ("suivant", ["command:next"], "D'accord, on continue."),   # going on with the guide: a « non »
    ("quitter", ["command:quit", "confirm:quit"], "Voulez-vous vraiment quitter"),
    ("répéter", ["command:repeat"], ""),
    ("sommaire", ["command:menu", "nomatch:1"], "Je n'ai pas compris."),
    ("plus de détails", ["command:details", "nomatch:2"], "J'attends votre réponse"),
    ("recommencer", ["command:restart", "nomatch:3"], "Je fais une pause."),  # the question is dropped
    ("quitter", ["command:quit", "confirm:quit"], "Voulez-vous vraiment quitter"),
    ("non merci", ["command:no"], "D'accord, on continue."),
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("précédent", ["command:previous", "step:bienvenue"], ""),  # cancels the question and goes back
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("pause", ["command:pause"], "Je fais une pause."),
    ("reprendre", ["command:resume"], "On reprend. Bonjour."),
    ("quitter", ["command:quit", "confirm:quit"], ""),
    ("oui c'est ça", ["command:yes", "end:quit"], "Au revoir"),
]

# A pause, taken on ouvrir-ameli: anything said resumes, and a command also acts.
PAUSED: list[Turn] = [
    *suivant("ouvrir-ameli"),
    ("pause", ["command:pause"], "Je fais une pause. Tapez « reprendre » quand vous voulez reprendre."),
    ("", None, ""),
    ("reprendre", ["command:resume"], "On reprend. Pour commencer, ouvrez le site"),
    ("pause", ["command:pause"], ""),
    ("répéter", ["command:repeat"], "Pour commencer, ouvrez le site"),
    ("stop", ["command:pause"], "Je fais une pause."),
    ("aide", ["command:help"], "Quand c'est fait, tapez « suivant »."),
    ("pause", ["command:pause"], ""),
    ("où suis-je", ["command:where"], "Vous êtes à l'étape 2 sur"),
    ("pause", ["command:pause"], ""),
    ("plus de détails", ["command:details"], "Ctrl+L marche dans Firefox"),
    *[turn for setting in VOICE for turn in (("pause", ["command:pause"], ""), setting)],
    ("pause", ["command:pause"], ""),
    ("zorglub", ["command:resume"], "On reprend."),  # not understood: resume, say it again
    ("pause", ["command:pause"], ""),
    ("oui", ["command:yes"], "Il n'y a rien à confirmer"),
    ("pause", ["command:pause"], ""),
    ("pause", ["command:pause"], "Je fais une pause."),
    ("", None, ""),
    ("pause", ["command:pause"], ""),
    ("sommaire", ["command:menu"], "Sommaire,"),
    ("pause", ["command:pause"], "Je fais une pause."),  # a pause in the menu resumes in the menu
    ("reprendre", ["command:resume"], "On reprend. Sommaire,"),
    ("suivant", ["command:next"], "Pour commencer, ouvrez le site"),
    ("pause", ["command:pause"], ""),
    *suivant("premiere-connexion"),
    ("pause", ["command:pause"], ""),
    ("précédent", ["command:previous", "step:ouvrir-ameli"], ""),
    ("pause", ["command:pause"], ""),
    ("recommencer", ["command:restart", "confirm:restart"], "Voulez-vous vraiment recommencer"),
    ("oui", ["command:yes", "step:bienvenue"], "On recommence depuis le début."),
    ("pause", ["command:pause"], ""),
    ("quitter", ["command:quit", "confirm:quit"], "Voulez-vous vraiment quitter"),
    ("oui", ["command:yes", "end:quit"], "Au revoir"),
]

CONTEXTS = {"plain-step": PLAIN_STEP, "step-with-choices": CHOICE_STEP, "end-step": END_STEP,
            "menu": MENU, "confirm": CONFIRM, "paused": PAUSED}
UNIVERSAL = {"next", "previous", "repeat", "help", "menu", "where", "pause", "resume", "slower", "faster",
             "louder", "softer", "normal", "details", "restart", "quit"}


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_universal_command_from_each_kind_of_step(run_guide, guide: Guide, context: str) -> None:
    run = play(run_guide, CONTEXTS[context])
    assert_narrated(run, guide)


def test_each_context_script_tries_every_universal_command() -> None:
    """Guards the scripts above: a command dropped from one of them would silently go untested there."""
    for context, script in CONTEXTS.items():
        logged = [event for _, caused, _ in script for event in caused or ()]
        tried = {event.split(":")[1].split(">")[0] for event in logged if event.startswith("command:")}
        assert tried >= UNIVERSAL, (context, UNIVERSAL - tried)


# ---------------------------------------------------- 5. a broken guide


@pytest.mark.parametrize("kind", BROKEN_GUIDES)
def test_run_refuses_a_broken_guide_before_saying_anything(run_cli, tmp_path: Path, kind: str) -> None:
    path, line, word, _ = make_broken_guide(tmp_path, kind)
    log = tmp_path / "events.jsonl"
    result = run_cli(["run", "--input", "text", "--tts", "none", "--guide", str(path), "--events", str(log)],
                     "suivant\nsuivant\n", timeout=20)  # a hang guard: a broken file is refused at once
    assert result.code == 2
    assert result.stdout == ""  # nothing was said
    assert_no_traceback(result)
    problems = result.stderr.strip().splitlines()
    assert problems, "no message"
    assert f"{path}:{line}: " in result.stderr and word in result.stderr, result.stderr
    assert not log.exists() or read_events(log) == []


def test_run_refuses_a_missing_guide_file(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    result = run_cli(["run", "--input", "text", "--tts", "none", "--guide", str(path)], "suivant\n")
    assert result.code == 2
    assert result.stdout == ""
    assert_no_traceback(result)
    assert str(path) in result.stderr and "introuvable" in result.stderr


# ---------------------------------------------------------- 6. bad usage


def test_bad_options_of_run_are_refused_in_french_before_anything_is_said(run_cli, tmp_path: Path) -> None:
    a_file = tmp_path / "fichier.txt"
    a_file.write_text("x", encoding="utf-8")
    wav = tmp_path / "phrase.wav"
    wav.write_bytes(b"RIFF")
    cases = {
        "unknown option": (["run", "--input", "text", "--frobnicate"], "inconnu"),
        "bad --input": (["run", "--input", "telepathie"], "choix impossible"),
        "--audio-in with text": (["run", "--input", "text", "--audio-in", str(wav)], "--audio-in"),
        "--audio-in with keys": (["run", "--input", "keyboard", "--audio-in", str(wav)], "--audio-in"),
        "audio input without files": (["run", "--input", "audio"], "--audio-in"),
        "--events is a folder": (["run", "--input", "text", "--events", str(tmp_path)], "dossier"),
        "--events cannot be written": (["run", "--input", "text", "--events", str(a_file / "e.jsonl")],
                                       "Impossible d'écrire"),
    }
    for name, (args, word) in cases.items():
        result = run_cli([*args, "--tts", "none"], "suivant\n")
        assert result.code == 2, name
        assert result.stdout == "", name
        assert_no_traceback(result)
        assert word in result.stderr, f"{name}: {result.stderr}"


def test_bad_usage_outside_run_exits_2_with_a_french_hint(run_cli) -> None:
    for args in (["frobnicate"], ["--frobnicate"], ["validate", "a.yaml", "b.yaml"]):
        result = run_cli(args)
        assert result.code == 2, args
        assert_no_traceback(result)
        assert "erreur" in result.stderr and "--help" in result.stderr, (args, result.stderr)


def test_no_command_exits_2_and_says_what_to_do_on_stderr(run_cli) -> None:
    result = run_cli([])
    assert result.code == 2
    assert_no_traceback(result)
    assert "run" in result.stderr and "utilisation" in result.stderr, result.stderr


def test_help_is_in_french(run_cli) -> None:
    result = run_cli(["--help"])
    assert result.code == 0
    assert "utilisation : voiceguide" in result.stdout and "affiche cette aide et quitte" in result.stdout
    run_help = run_cli(["run", "--help"])
    assert run_help.code == 0
    assert "--input" in run_help.stdout and "--guide" in run_help.stdout and "le guide" in run_help.stdout
    validate_help = run_cli(["validate", "--help"])
    assert validate_help.code == 0 and "FICHIER:LIGNE: message" in validate_help.stdout
    for english in ("usage:", "show this help", "show program's version", "positional arguments", "default:"):
        assert english not in result.stdout + run_help.stdout + validate_help.stdout, english


def test_version_and_the_console_script(run_cli) -> None:
    version = run_cli(["--version"])
    assert version.code == 0
    assert version.stdout.strip() == f"voiceguide {voiceguide.__version__}"
    script = console_script()
    if script is None:
        pytest.skip("the voiceguide console script is not installed next to this Python nor on PATH")
    assert run_cli(["--version"], command=[str(script)]) == version
    module = run_cli(["run", "--input", "text", "--tts", "none"], "suivant\n")
    console = run_cli(["run", "--input", "text", "--tts", "none"], "suivant\n", command=[str(script)])
    assert module.code == console.code == 0
    assert console.stdout == module.stdout and "Pour commencer, ouvrez le site" in console.stdout


def console_script() -> Path | None:
    """The script pip installed for the Python running the tests (a venv's bin is often not on PATH)."""
    beside = Path(sys.executable).parent / ("voiceguide.exe" if sys.platform == "win32" else "voiceguide")
    if beside.exists():
        return beside
    found = shutil.which("voiceguide")
    return Path(found) if found else None


# ------------------------------------------------------ 7. privacy


def test_the_events_log_holds_only_the_event_kinds_of_the_design(run_guide) -> None:
    text = run_guide(["suivant", "j'ai oublié mon code", "", "zorglub", "plus fort", "quitter", "non"])
    keys = run_guide("\n\n3hmq", input="keyboard")
    for run in (text, keys):
        assert run.code == 0
        assert {e["event"] for e in run.events} <= EVENT_KINDS  # read_events checked each line's fields too
        for event in run.events:
            assert not {"audio", "samples", "wav", "pcm", "data"} & set(event), event
    assert {"step", "utterance", "command", "nomatch", "noinput", "confirm", "setting", "end"} <= {
        e["event"] for e in text.events}
    assert {"key", "command", "step", "confirm", "end"} <= {e["event"] for e in keys.events}


def test_without_events_nothing_is_written_in_the_home_or_the_working_folder(run_cli, tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    (cwd / "mes-notes.txt").write_text("à garder", encoding="utf-8")
    before_cwd, before_home = listing(cwd), listing(home)
    secret_words = "zorglub confidentiel"
    lines = "suivant\nsuivant\n" + secret_words + "\nj'ai oublié mon code\nsuivant\n"
    for args, stdin in ((["run", "--input", "text"], lines), (["run", "--input", "keyboard"], "\n\nrhm3")):
        result = run_cli([*args, "--tts", "none"], stdin, cwd=cwd, home=home)
        assert result.code == 0, result.stderr
        assert_no_traceback(result)
    assert listing(cwd) == before_cwd
    new_in_home = listing(home) - before_home
    # Only the documented progress file (where the user stopped) may appear; never a transcript.
    allowed = {Path(".local/share/voiceguide/progress.json"), Path(".local/share/voiceguide"),
               Path(".local/share"), Path(".local")}
    assert new_in_home <= allowed, new_in_home
    for relative in new_in_home:
        path = home / relative
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            assert "zorglub" not in content and "oublié" not in content
            json.loads(content)


def listing(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*")}


def test_a_reader_that_goes_away_ends_the_session_quietly(tmp_path: Path) -> None:
    """``voiceguide run ... | head -1``: no « Broken pipe » error, no traceback, exit 0."""
    done = subprocess.run(
        # The pause lets head exit after the welcome, so the next narration meets a closed pipe.
        f"(sleep 0.5; printf 'suivant\\nquitter\\noui\\n') | {sys.executable} -m voiceguide run --input text "
        "--tts none | head -c 10; echo \"exit=${PIPESTATUS[1]}\" >&2",
        shell=True, capture_output=True, text=True, env=isolated_env(tmp_path), timeout=60,
        executable="/bin/bash")
    assert done.stdout == "Bonjour. J"
    assert done.stderr == "exit=0\n"
