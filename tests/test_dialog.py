"""The dialog engine: every command from every kind of state, escalation, confirmation, events.

Pure functions of (state, event): no audio, no clock, so nothing here is faked.
A small guide built in code covers branches, topics, details and the end;
the bundled Ameli guide is exercised too.
"""

from __future__ import annotations

import dataclasses

import pytest

from voiceguide import speech_levels as levels
from voiceguide.dialog.intent import Intent, NoInput, NoMatch, Options
from voiceguide.dialog.machine import (
    CONFIRM,
    ENDED,
    MENU,
    PAUSED,
    STEP,
    Dialog,
    DialogSettings,
    Reply,
    State,
)
from voiceguide.dialog.matcher import IntentMatcher
from voiceguide.errors import UserError
from voiceguide.guide import DEFAULT_GUIDE, Choice, Guide, Step, load_guide
from voiceguide.language.vocabulary import Vocabulary, load_vocabulary

PAUSE_TEXT = "Je fais une pause. Parlez ou appuyez sur une touche quand vous voulez reprendre."


def make_guide(extra_topics: int = 0) -> Guide:
    """accueil -> connexion -(e-mail | courrier)-> ... -> fin; "oubli" only by its topic."""
    steps = [
        Step(id="accueil", title="Bienvenue", say="Bonjour, je vais vous guider.\n", next="connexion",
             topics=("début",)),
        Step(id="connexion", title="Se connecter", say="Choisissez comment recevoir le code.",
             details="Le code arrive en quelques minutes.",
             choices=(Choice("par e-mail", ("par e-mail", "e-mail", "courriel"), "email"),
                      Choice("par courrier", ("par courrier", "courrier"), "courrier")),
             topics=("se connecter",)),
        Step(id="email", title="Code par e-mail", say="Ouvrez votre messagerie.", next="fin",
             details="Regardez aussi les indésirables."),
        Step(id="courrier", title="Code par courrier", say="Attendez la lettre.", next="fin",
             choices=(Choice("par e-mail finalement", ("par e-mail finalement",), "email"),)),
        Step(id="oubli", title="Code oublié", say="Pas de panique.", next="connexion",
             topics=("j'ai oublié mon code", "code oublié")),
        Step(id="fin", title="C'est terminé", say="Bravo, c'est terminé.", end=True),
    ]
    steps += [Step(id=f"partie-{i}", title=f"Partie {i}", say=f"Partie {i}.", next="fin", topics=(f"partie {i}",))
              for i in range(extra_topics)]
    return Guide(title="Guide d'essai", language="fr", source="Essai", start="accueil", steps=tuple(steps))


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="module")
def guide() -> Guide:
    return make_guide()


@pytest.fixture(scope="module")
def dialog(guide: Guide, vocabulary: Vocabulary) -> Dialog:
    return Dialog(guide, vocabulary)


@pytest.fixture(scope="module")
def matcher(guide: Guide, vocabulary: Vocabulary) -> IntentMatcher:
    return IntentMatcher(vocabulary, guide)


def cmd(name: str, confidence: float = 1.0) -> Intent:
    return Intent(name=name, confidence=confidence, heard=name)


def goto(target: str, confidence: float = 1.0, label: str = "") -> Intent:
    return Intent(name="goto", target=target, confidence=confidence, label=label, heard=label)


def run(dialog: Dialog, state: State, *events) -> tuple[State, Reply]:
    reply = Reply()
    for event in events:
        state, reply = dialog.handle(state, event)
    return state, reply


def at(dialog: Dialog, step: str) -> State:
    """A fresh state on ``step``, reached from the start (history: just the start)."""
    state, _ = dialog.start()
    if step == state.step:
        return state
    state, _ = dialog.handle(state, goto(step))
    return state


def text(reply: Reply) -> str:
    return " ".join(reply.say)


def names(reply: Reply) -> list[str]:
    return [e["event"] for e in reply.events]


# ------------------------------------------------------------------ start


def test_start_says_the_welcome_then_what_to_say(dialog: Dialog) -> None:
    state, reply = dialog.start()
    assert reply.say == ("Bonjour, je vais vous guider.", "Dites « suivant » pour continuer.")
    assert (state.step, state.mode, state.history) == ("accueil", STEP, ())
    assert (state.rate_level, state.volume_level) == (0, 0)
    assert reply.events == ({"event": "step", "step": "accueil",
                             "text": "Bonjour, je vais vous guider. Dites « suivant » pour continuer."},)
    assert not reply.done and reply.earcon is None


def test_start_at_a_step_resumes_there_and_says_where(dialog: Dialog) -> None:
    state, reply = dialog.start("email")
    assert state.step == "email" and state.history == ()
    assert reply.say[0] == "On reprend le guide à l'étape 3 sur 6."
    assert reply.say[1] == "Ouvrez votre messagerie."
    assert reply.events[0]["step"] == "email"


def test_start_at_an_unknown_step_is_a_french_user_error(dialog: Dialog) -> None:
    with pytest.raises(UserError, match="L'étape « nulle-part » n'existe pas"):
        dialog.start("nulle-part")


def test_a_vocabulary_missing_a_command_is_refused_in_french(guide: Guide, vocabulary: Vocabulary) -> None:
    partial = Vocabulary(commands=tuple(c for c in vocabulary.commands if c.name != "where"),
                         fillers=vocabulary.fillers)
    with pytest.raises(UserError, match="ne définit pas la commande « where »"):
        Dialog(guide, partial)


@pytest.mark.parametrize("kwargs, message", [
    ({"max_escalation": 0}, "relances"),
    ({"confirm_threshold": 1.5}, "seuil"),
    ({"noinput_timeout": 0}, "délai"),
])
def test_bad_settings_are_french_user_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(UserError, match=message):
        DialogSettings(**kwargs)


# -------------------------------------------------------------- reminders


def test_each_kind_of_step_ends_with_what_can_be_said(dialog: Dialog) -> None:
    reminders = {step: dialog.handle(at(dialog, "accueil"), goto(step))[1].say[-1]
                 for step in ("connexion", "email", "courrier", "fin")}
    assert reminders["connexion"] == "Dites « par e-mail » ou « par courrier ». Ou dites « aide »."
    assert reminders["email"] == "Dites « suivant » pour continuer."
    assert reminders["courrier"] == ("Dites « par e-mail finalement », ou « suivant » pour continuer. "
                                     "Ou dites « aide ».")
    assert reminders["fin"] == "C'est la fin du guide. Dites « recommencer » ou « quitter »."


def test_narration_is_cleaned_of_yaml_line_breaks(dialog: Dialog) -> None:
    _, reply = dialog.start()
    assert "\n" not in text(reply) and not reply.say[0].endswith(" ")


# ------------------------------------------------------------------- next


def test_next_follows_next_and_pushes_history(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "accueil"), cmd("next"))
    assert state.step == "connexion" and state.history == ("accueil",)
    assert reply.events[0] == {"event": "command", "name": "next"}
    assert reply.events[1]["event"] == "step" and reply.events[1]["step"] == "connexion"
    assert reply.events[1]["text"] == text(reply)


def test_next_on_a_choice_step_without_next_asks_for_a_choice(dialog: Dialog) -> None:
    before = at(dialog, "connexion")
    state, reply = dialog.handle(before, cmd("next"))
    assert state.step == "connexion" and state.history == before.history
    assert reply.say == ("Ici, il faut choisir : dites « par e-mail » ou « par courrier ».",)
    assert names(reply) == ["command"]


def test_next_on_a_step_with_both_follows_next(dialog: Dialog) -> None:
    state, _ = dialog.handle(at(dialog, "courrier"), cmd("next"))
    assert state.step == "fin"


def test_next_on_the_end_step_says_it_is_the_end(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "fin"), cmd("next"))
    assert state.step == "fin" and state.mode == STEP
    assert reply.say == ("C'est la fin du guide. Dites « recommencer » ou « quitter ».",)
    assert not reply.done


# --------------------------------------------------------------- previous


def test_previous_at_the_start_says_so_and_stays(dialog: Dialog) -> None:
    start, _ = dialog.start()
    state, reply = dialog.handle(start, cmd("previous"))
    assert state.step == "accueil"
    assert reply.say == ("Vous êtes au début du guide : il n'y a pas d'étape précédente.",
                         "Dites « suivant » pour continuer.")


def test_previous_after_resuming_elsewhere_has_nowhere_to_go(dialog: Dialog) -> None:
    state, _ = dialog.start("email")
    state, reply = dialog.handle(state, cmd("previous"))
    assert state.step == "email"
    assert reply.say[0] == "Il n'y a pas d'étape précédente."


def test_previous_walks_back_the_branch_actually_taken(dialog: Dialog) -> None:
    state, _ = dialog.start()
    state, _ = run(dialog, state, cmd("next"), goto("courrier", label="par courrier"), cmd("next"))
    assert state.step == "fin" and state.history == ("accueil", "connexion", "courrier")
    visited = []
    for _ in range(3):
        state, reply = dialog.handle(state, cmd("previous"))
        visited.append(state.step)
        assert reply.events[1] == {"event": "step", "step": state.step, "text": text(reply)}
    assert visited == ["courrier", "connexion", "accueil"]
    assert state.history == ()


def test_previous_after_a_topic_jump_returns_where_the_user_came_from(dialog: Dialog) -> None:
    state = at(dialog, "email")
    state, _ = dialog.handle(state, goto("oubli", label="j'ai oublié mon code"))
    state, _ = dialog.handle(state, cmd("previous"))
    assert state.step == "email"  # not "courrier", the step before "oubli" in the file


# ----------------------------------------------------------------- repeat


def test_repeat_says_the_step_again_without_a_new_step_event(dialog: Dialog) -> None:
    state, entered = dialog.handle(at(dialog, "accueil"), cmd("next"))
    again, reply = dialog.handle(state, cmd("repeat"))
    assert reply.say == entered.say
    assert reply.events == ({"event": "command", "name": "repeat"},)
    assert again.step == state.step and again.history == state.history


def test_repeat_after_details_repeats_the_details(dialog: Dialog) -> None:
    state, details = dialog.handle(at(dialog, "email"), cmd("details"))
    _, reply = dialog.handle(state, cmd("repeat"))
    assert reply.say == details.say and reply.say[0] == "Regardez aussi les indésirables."


def test_resume_outside_a_pause_repeats_the_step(dialog: Dialog) -> None:
    state = at(dialog, "email")
    assert dialog.handle(state, cmd("resume"))[1].say == dialog.handle(state, cmd("repeat"))[1].say


# ------------------------------------------------------------------- help


def test_help_on_a_plain_step_lists_the_useful_commands_with_keys(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "email"), cmd("help"))
    assert reply.say[0] == "Dites « suivant » pour passer à l'étape suivante, touche Entrée, Espace ou flèche droite."
    assert "Dites « précédent » pour revenir à l'étape précédente, touche P ou flèche gauche." in reply.say
    assert "Dites « quitter » pour arrêter le guide, touche Q ou Échap." in reply.say
    assert any(s.startswith("Dites « plus de détails »") for s in reply.say)
    assert not any(s.startswith("Dites « plus vite »") for s in reply.say)  # the short help stays short
    assert reply.say[-1] == "Pour entendre toutes les commandes, redites « aide »."
    assert state.step == "email"


def test_help_on_a_choice_step_gives_the_choices_first(dialog: Dialog) -> None:
    _, reply = dialog.handle(at(dialog, "connexion"), cmd("help"))
    assert reply.say[0] == "Pour choisir : « par e-mail », touche 1 ; « par courrier », touche 2."
    assert not any(s.startswith("Dites « suivant »") for s in reply.say)  # no next here


def test_help_at_the_start_does_not_offer_previous(dialog: Dialog) -> None:
    start, _ = dialog.start()
    _, reply = dialog.handle(start, cmd("help"))
    assert not any(s.startswith("Dites « précédent »") for s in reply.say)


def test_help_on_the_end_step_offers_restart_and_quit(dialog: Dialog) -> None:
    _, reply = dialog.handle(at(dialog, "fin"), cmd("help"))
    assert any(s.startswith("Dites « recommencer »") for s in reply.say)
    assert any(s.startswith("Dites « quitter »") for s in reply.say)


def test_a_second_help_in_a_row_gives_the_full_list(dialog: Dialog, vocabulary: Vocabulary) -> None:
    state, first = dialog.handle(at(dialog, "email"), cmd("help"))
    state, second = dialog.handle(state, cmd("help"))
    assert len(second.say) > len(first.say)
    for name in ("next", "previous", "repeat", "details", "menu", "where", "pause", "resume", "slower",
                 "faster", "louder", "softer", "normal", "restart", "help", "quit"):
        assert any(s.startswith(f"Dites « {vocabulary.command(name).label} »") for s in second.say), name
    assert ("Dites « parle normalement » pour revenir à la vitesse et au volume habituels, touche égal."
            in second.say)
    assert "Dites « aide » pour savoir ce qu'on peut dire ici, touche H ou point d'interrogation." in second.say
    # Anything else in between starts again from the short help.
    state, _ = dialog.handle(state, cmd("where"))
    _, third = dialog.handle(state, cmd("help"))
    assert third.say == first.say


# ---------------------------------------------------------------- details


def test_details_reads_the_details_then_the_reminder(dialog: Dialog) -> None:
    _, reply = dialog.handle(at(dialog, "connexion"), cmd("details"))
    assert reply.say == ("Le code arrive en quelques minutes.",
                         "Dites « par e-mail » ou « par courrier ». Ou dites « aide ».")


def test_details_without_details_says_there_are_none(dialog: Dialog) -> None:
    _, reply = dialog.handle(at(dialog, "fin"), cmd("details"))
    assert reply.say[0] == "Il n'y a pas d'autre détail pour cette étape."


# ------------------------------------------------------------------ where


def test_where_gives_position_count_and_title(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "connexion"), cmd("where"))
    assert reply.say == ("Vous êtes à l'étape 2 sur 6 : Se connecter.",)
    _, reply = dialog.handle(at(dialog, "fin"), cmd("where"))
    assert reply.say == ("Vous êtes à l'étape 6 sur 6 : C'est terminé.",)


# ------------------------------------------------------------------- menu


def menu_state(dialog: Dialog, step: str = "email") -> State:
    state, _ = dialog.handle(at(dialog, step), cmd("menu"))
    assert state.mode == MENU
    return state


def test_menu_lists_the_parts_by_number_and_offers_them_as_choices(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "email"), cmd("menu"))
    assert state.mode == MENU and state.step == "email"
    assert reply.say == ("Sommaire. Dites le nom d'une partie, ou appuyez sur son numéro.",
                         "1 : début.", "2 : se connecter.", "3 : j'ai oublié mon code.",
                         "Pour revenir à l'étape en cours, dites « suivant ».")
    options = dialog.options(state)
    assert [c.target for c in options.choices] == ["accueil", "connexion", "oubli"]
    assert options.choices[2].phrases == ("j'ai oublié mon code", "code oublié")
    assert not options.yes_no


def test_menu_part_key_jumps_there_through_the_matcher(dialog: Dialog, matcher: IntentMatcher) -> None:
    state = menu_state(dialog)
    intent = matcher.match_key("3", dialog.options(state))
    state, reply = dialog.handle(state, intent)
    assert state.step == "oubli" and state.mode == STEP
    assert state.history[-1] == "email"
    assert reply.events[0] == {"event": "command", "name": "goto", "target": "oubli"}


def test_menu_part_name_jumps_there_through_the_matcher(dialog: Dialog, matcher: IntentMatcher) -> None:
    state = menu_state(dialog)
    state, _ = dialog.handle(state, matcher.match("se connecter", dialog.options(state)))
    assert state.step == "connexion" and state.mode == STEP


@pytest.mark.parametrize("name", ["next", "previous", "resume"])
def test_next_previous_resume_leave_the_menu_back_to_the_current_step(dialog: Dialog, name: str) -> None:
    before = at(dialog, "email")
    state, reply = run(dialog, before, cmd("menu"), cmd(name))
    assert state.mode == STEP and state.step == "email" and state.history == before.history
    assert reply.say == ("Ouvrez votre messagerie.", "Dites « suivant » pour continuer.")
    assert "step" not in names(reply)


def test_repeat_help_where_in_the_menu_stay_in_the_menu(dialog: Dialog) -> None:
    state = menu_state(dialog)
    state, reply = dialog.handle(state, cmd("repeat"))
    assert state.mode == MENU and reply.say[0].startswith("Sommaire.")
    state, reply = dialog.handle(state, cmd("help"))
    assert state.mode == MENU and reply.say[0].startswith("Vous êtes dans le sommaire.")
    assert "2 : se connecter." in reply.say and reply.say[-1] == "Pour quitter le guide, dites « quitter »."
    state, reply = dialog.handle(state, cmd("where"))
    assert state.mode == MENU
    assert reply.say[0] == "Vous êtes dans le sommaire ; l'étape en cours est l'étape 3 sur 6 : Code par e-mail."


def test_details_in_the_menu_leaves_it_with_the_step_details(dialog: Dialog) -> None:
    state, reply = dialog.handle(menu_state(dialog), cmd("details"))
    assert state.mode == STEP and reply.say[0] == "Regardez aussi les indésirables."


def test_quit_from_the_menu_and_no_returns_to_the_menu(dialog: Dialog) -> None:
    state, _ = dialog.handle(menu_state(dialog), cmd("quit"))
    assert state.mode == CONFIRM
    state, reply = dialog.handle(state, cmd("no"))
    assert state.mode == MENU
    assert reply.say == ("D'accord, on continue.", "Dites le nom d'une partie, ou appuyez sur son numéro. "
                         "Pour revenir à l'étape en cours, dites « suivant ».")


def test_restart_settings_pause_work_in_the_menu(dialog: Dialog) -> None:
    state, reply = dialog.handle(menu_state(dialog), cmd("faster"))
    assert state.mode == MENU and state.rate_level == 1 and reply.say == ("Comme ceci ?",)
    state, reply = dialog.handle(state, cmd("pause"))
    assert state.mode == PAUSED
    state, reply = dialog.handle(state, cmd("resume"))
    assert state.mode == MENU and reply.say[:2] == ("On reprend.", "Sommaire. Dites le nom d'une partie, "
                                                     "ou appuyez sur son numéro.")
    state, _ = dialog.handle(state, cmd("restart"))
    assert state.mode == STEP and state.step == "accueil" and state.history == ()


def test_yes_no_in_the_menu_have_nothing_to_confirm(dialog: Dialog) -> None:
    state, reply = dialog.handle(menu_state(dialog), cmd("yes"))
    assert state.mode == MENU and reply.say[0] == "Il n'y a rien à confirmer pour le moment."


def test_menu_without_parts_says_so(vocabulary: Vocabulary) -> None:
    plain = Guide(title="t", language="fr", source="s", start="a",
                  steps=(Step(id="a", title="A", say="a", next="b"), Step(id="b", title="B", say="b", end=True)))
    dialog = Dialog(plain, vocabulary)
    state, _ = dialog.start()
    state, reply = dialog.handle(state, cmd("menu"))
    assert state.mode == STEP
    assert reply.say == ("Ce guide n'a pas de sommaire.", "Dites « suivant » pour continuer.")
    _, reply = run(dialog, state, cmd("help"), cmd("help"))
    assert not any(s.startswith("Dites « sommaire »") for s in reply.say)


def test_menu_numbers_only_the_parts_that_have_a_key(vocabulary: Vocabulary) -> None:
    dialog = Dialog(make_guide(extra_topics=8), vocabulary)  # 3 + 8 = 11 parts
    state, _ = dialog.start()
    _, reply = dialog.handle(state, cmd("menu"))
    assert "9 : partie 5." in reply.say
    assert "Et aussi : partie 6 et partie 7." in reply.say
    assert not any(s.startswith("10") for s in reply.say)


# ------------------------------------------------------------------ pause


def test_pause_waits_silently_and_resume_says_the_step_again(dialog: Dialog) -> None:
    before = at(dialog, "email")
    state, reply = dialog.handle(before, cmd("pause"))
    assert state.mode == PAUSED
    assert reply.say == ("Je fais une pause. Dites « reprendre » ou appuyez sur une touche.",)
    assert dialog.options(state) == dialog.options(before)
    for _ in range(5):
        quiet, reply = dialog.handle(state, NoInput())
        assert quiet == state and reply == Reply()
    state, reply = dialog.handle(state, cmd("resume"))
    assert state.mode == STEP and state.step == "email"
    assert reply.say == ("On reprend.", "Ouvrez votre messagerie.", "Dites « suivant » pour continuer.")
    assert reply.events == ({"event": "command", "name": "resume"},)


def test_any_command_while_paused_resumes_and_acts(dialog: Dialog) -> None:
    paused, _ = dialog.handle(at(dialog, "email"), cmd("pause"))
    state, reply = dialog.handle(paused, cmd("next"))
    assert state.mode == STEP and state.step == "fin"
    state, reply = dialog.handle(paused, cmd("help"))
    assert state.mode == STEP and reply.say[0].startswith("Dites « suivant » pour passer")
    state, reply = dialog.handle(paused, cmd("quit"))
    assert state.mode == CONFIRM
    state, reply = dialog.handle(paused, cmd("previous"))
    assert state.mode == STEP and state.step == "accueil"
    state, reply = dialog.handle(paused, cmd("repeat"))
    assert state.mode == STEP and reply.say == ("Ouvrez votre messagerie.", "Dites « suivant » pour continuer.")


def test_something_not_understood_or_an_unknown_key_resumes_a_pause(dialog: Dialog) -> None:
    paused, _ = dialog.handle(at(dialog, "email"), cmd("pause"))
    state, reply = dialog.handle(paused, NoMatch(heard="x"))
    assert state.mode == STEP
    assert reply.say[0] == "On reprend." and reply.earcon is None
    assert reply.events == ({"event": "command", "name": "resume", "heard": "x"},)


# --------------------------------------------------------------- settings


@pytest.mark.parametrize("name, field, delta, bound, message", [
    ("faster", "rate_level", 1, levels.MAX_RATE_LEVEL, "C'est déjà la vitesse la plus rapide."),
    ("slower", "rate_level", -1, levels.MIN_RATE_LEVEL, "C'est déjà la vitesse la plus lente."),
    ("louder", "volume_level", 1, levels.MAX_VOLUME_LEVEL, "C'est déjà le volume le plus fort."),
    ("softer", "volume_level", -1, levels.MIN_VOLUME_LEVEL, "C'est déjà le volume le plus faible."),
])
def test_settings_move_one_level_up_to_the_bound(dialog: Dialog, name: str, field: str, delta: int,
                                                 bound: int, message: str) -> None:
    state = at(dialog, "email")
    kind = "rate" if field == "rate_level" else "volume"
    for expected in range(delta, bound + delta, delta):
        state, reply = dialog.handle(state, cmd(name))
        assert getattr(state, field) == expected
        assert reply.say == ("Comme ceci ?",)
        assert reply.events[1] == {"event": "setting", "name": kind, "level": expected}
    state, reply = dialog.handle(state, cmd(name))
    assert getattr(state, field) == bound
    assert reply.say == (message,) and names(reply) == ["command"]
    assert state.step == "email" and state.mode == STEP


def test_normal_resets_both_levels_and_logs_each_change(dialog: Dialog) -> None:
    state, _ = run(dialog, at(dialog, "email"), cmd("faster"), cmd("softer"), cmd("softer"))
    state, reply = dialog.handle(state, cmd("normal"))
    assert (state.rate_level, state.volume_level) == (0, 0)
    assert reply.events[1:] == ({"event": "setting", "name": "rate", "level": 0},
                                {"event": "setting", "name": "volume", "level": 0})
    state, reply = run(dialog, state, cmd("louder"), cmd("normal"))
    assert reply.events[1:] == ({"event": "setting", "name": "volume", "level": 0},)
    state, reply = dialog.handle(state, cmd("normal"))
    assert reply.say == ("La voix est déjà au réglage normal.",) and names(reply) == ["command"]


def test_settings_persist_across_steps(dialog: Dialog) -> None:
    state, _ = run(dialog, at(dialog, "accueil"), cmd("slower"), cmd("next"), cmd("next"))
    assert state.rate_level == -1


# ---------------------------------------------------------------- restart


def test_restart_goes_back_to_the_start_and_clears_history(dialog: Dialog) -> None:
    state, _ = run(dialog, at(dialog, "accueil"), cmd("next"), goto("email"), cmd("next"))
    state, reply = dialog.handle(state, cmd("restart"))
    assert state.step == "accueil" and state.history == ()
    assert reply.say[0] == "On recommence depuis le début."
    assert names(reply) == ["command", "step"]


def test_low_confidence_restart_is_confirmed(dialog: Dialog) -> None:
    before = at(dialog, "email")
    state, reply = dialog.handle(before, cmd("restart", confidence=0.3))
    assert state.mode == CONFIRM and state.step == "email"
    assert reply.say == ("Vous avez dit « recommencer » ? Dites oui ou non.",)
    assert reply.events[1] == {"event": "confirm", "name": "restart", "label": "recommencer"}
    yes, reply = dialog.handle(state, cmd("yes"))
    assert yes.step == "accueil" and yes.history == () and yes.mode == STEP
    no, reply = dialog.handle(state, cmd("no"))
    assert no.step == "email" and no.mode == STEP and no.history == before.history
    assert reply.say == ("D'accord.", "Dites « suivant » pour continuer.")


# ------------------------------------------------------------------- quit


def test_quit_asks_and_yes_ends(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "email"), cmd("quit"))
    assert state.mode == CONFIRM
    assert reply.say == ("Voulez-vous vraiment quitter le guide ? Dites oui ou non.",)
    assert reply.events == ({"event": "command", "name": "quit"},
                            {"event": "confirm", "name": "quit", "label": "quitter"})
    assert dialog.options(state) == Options(yes_no=True)
    state, reply = dialog.handle(state, cmd("yes"))
    assert reply.done and state.mode == ENDED
    assert reply.say == ("Au revoir, et à bientôt.",)
    assert reply.events == ({"event": "command", "name": "yes"}, {"event": "end", "reason": "quit"})
    for event in (cmd("next"), NoInput(), NoMatch("x")):
        assert dialog.handle(state, event) == (state, Reply(done=True))


def test_quit_then_no_carries_on(dialog: Dialog) -> None:
    state, reply = run(dialog, at(dialog, "connexion"), cmd("quit"), cmd("no"))
    assert state.mode == STEP and state.step == "connexion" and state.pending is None
    assert reply.say == ("D'accord, on continue.", "Dites « par e-mail » ou « par courrier ». Ou dites « aide ».")


def test_quit_from_the_end_step(dialog: Dialog) -> None:
    _, reply = run(dialog, at(dialog, "fin"), cmd("quit"), cmd("yes"))
    assert reply.done


def test_quit_again_while_asked_to_quit_asks_again(dialog: Dialog) -> None:
    state, reply = run(dialog, at(dialog, "email"), cmd("quit"), cmd("quit"))
    assert state.mode == CONFIRM and state.nomatch_count == 0
    assert reply.say == ("Voulez-vous vraiment quitter le guide ? Dites oui ou non.",)


# ------------------------------------------------------- goto, confirmation


def test_a_choice_goes_to_its_step(dialog: Dialog) -> None:
    state, reply = dialog.handle(at(dialog, "connexion"), goto("courrier", 0.9, "par courrier"))
    assert state.step == "courrier" and state.history == ("accueil", "connexion")
    assert reply.events[0] == {"event": "command", "name": "goto", "target": "courrier"}


def test_a_topic_works_from_anywhere(dialog: Dialog, matcher: IntentMatcher) -> None:
    state = at(dialog, "email")
    intent = matcher.match("j'ai oublié mon code", dialog.options(state))
    state, _ = dialog.handle(state, intent)
    assert state.step == "oubli"


def test_low_confidence_change_of_branch_is_confirmed_then_done_on_yes(dialog: Dialog) -> None:
    before = at(dialog, "email")
    state, reply = dialog.handle(before, goto("oubli", 0.4, "j'ai oublié mon code"))
    assert state.mode == CONFIRM and state.step == "email"
    assert reply.say == ("Vous avez dit « j'ai oublié mon code » ? Dites oui ou non.",)
    assert reply.events == ({"event": "command", "name": "goto", "target": "oubli"},
                            {"event": "confirm", "name": "goto", "target": "oubli",
                             "label": "j'ai oublié mon code"})
    state, reply = dialog.handle(state, cmd("yes"))
    assert state.step == "oubli" and state.mode == STEP and state.history == before.history + ("email",)
    assert names(reply) == ["command", "step"]


def test_low_confidence_change_of_branch_then_no_stays(dialog: Dialog) -> None:
    before = at(dialog, "email")
    state, reply = run(dialog, before, goto("oubli", 0.4, "j'ai oublié mon code"), cmd("no"))
    assert state == dataclasses.replace(before, help_count=0)
    assert reply.say == ("D'accord.", "Dites « suivant » pour continuer.")


def test_confirmation_label_falls_back_to_the_step_title(dialog: Dialog) -> None:
    _, reply = dialog.handle(at(dialog, "email"), goto("oubli", 0.1))
    assert reply.say == ("Vous avez dit « Code oublié » ? Dites oui ou non.",)


def test_low_confidence_goto_to_the_steps_own_next_is_not_confirmed(dialog: Dialog) -> None:
    state, _ = dialog.handle(at(dialog, "email"), goto("fin", 0.1))
    assert state.step == "fin" and state.mode == STEP


def test_goto_to_the_current_step_says_it_again_without_growing_history(dialog: Dialog) -> None:
    before = at(dialog, "email")
    state, reply = dialog.handle(before, goto("email", 0.1))
    assert state.step == "email" and state.history == before.history and state.mode == STEP
    assert names(reply) == ["command", "step"]


def test_the_threshold_is_a_setting(guide: Guide, vocabulary: Vocabulary) -> None:
    trusting = Dialog(guide, vocabulary, DialogSettings(confirm_threshold=0.0))
    state, _ = trusting.handle(at(trusting, "email"), goto("oubli", 0.01))
    assert state.step == "oubli"


def test_cheap_commands_are_never_confirmed(dialog: Dialog) -> None:
    for name in ("next", "previous", "repeat", "help", "where", "details", "faster", "softer", "menu"):
        state, _ = dialog.handle(at(dialog, "email"), cmd(name, confidence=0.01))
        assert state.mode != CONFIRM, name


@pytest.mark.parametrize("said, expected_step", [
    ("oui c'est ça", "oubli"), ("oui", "oubli"), ("d'accord", "oubli"),
    ("non merci", "email"), ("non", "email"),
])
def test_confirmation_answers_through_the_matcher(dialog: Dialog, matcher: IntentMatcher, said: str,
                                                  expected_step: str) -> None:
    asking, _ = dialog.handle(at(dialog, "email"), goto("oubli", 0.4, "j'ai oublié mon code"))
    intent = matcher.match(said, dialog.options(asking))
    assert intent is not None
    state, _ = dialog.handle(asking, intent)
    assert state.mode == STEP and state.step == expected_step


@pytest.mark.parametrize("key, expected_step", [("o", "oubli"), ("n", "email")])
def test_confirmation_answers_by_key(dialog: Dialog, matcher: IntentMatcher, key: str, expected_step: str) -> None:
    asking, _ = dialog.handle(at(dialog, "email"), goto("oubli", 0.4, "j'ai oublié mon code"))
    state, _ = dialog.handle(asking, matcher.match_key(key, dialog.options(asking)))
    assert state.step == expected_step


def test_yes_or_no_with_nothing_to_confirm(dialog: Dialog) -> None:
    for name in ("yes", "no"):
        state, reply = dialog.handle(at(dialog, "email"), cmd(name))
        assert state.mode == STEP and state.step == "email"
        assert reply.say == ("Il n'y a rien à confirmer pour le moment.", "Dites « suivant » pour continuer.")


def confirming(dialog: Dialog) -> State:
    state, _ = dialog.handle(at(dialog, "email"), goto("oubli", 0.4, "j'ai oublié mon code"))
    assert state.mode == CONFIRM
    return state


def test_help_repeat_where_in_a_confirmation_answer_and_ask_again(dialog: Dialog) -> None:
    question = "Vous avez dit « j'ai oublié mon code » ? Dites oui ou non."
    state, reply = dialog.handle(confirming(dialog), cmd("help"))
    assert state.mode == CONFIRM
    assert reply.say[0] == ("J'attends votre réponse : dites « oui » ou « non », "
                            "ou appuyez sur O pour oui, N pour non.")
    assert reply.say[1] == question
    state, reply = dialog.handle(state, cmd("repeat"))
    assert state.mode == CONFIRM and reply.say == (question,)
    state, reply = dialog.handle(state, cmd("where"))
    assert state.mode == CONFIRM and reply.say == ("Vous êtes à l'étape 3 sur 6 : Code par e-mail.", question)
    state, reply = dialog.handle(state, cmd("louder"))
    assert state.mode == CONFIRM and state.volume_level == 1
    assert reply.say == ("Comme ceci ?", question) and reply.events[1]["event"] == "setting"


def test_previous_quit_pause_cancel_a_confirmation_and_act(dialog: Dialog) -> None:
    state, _ = dialog.handle(confirming(dialog), cmd("previous"))
    assert state.mode == STEP and state.step == "accueil" and state.pending is None
    state, reply = dialog.handle(confirming(dialog), cmd("quit"))
    assert state.mode == CONFIRM and state.pending.name == "quit"
    assert reply.say == ("Voulez-vous vraiment quitter le guide ? Dites oui ou non.",)
    state, _ = dialog.handle(confirming(dialog), cmd("pause"))
    assert state.mode == PAUSED and state.pending is None


def test_anything_else_in_a_confirmation_escalates_like_a_misunderstanding(dialog: Dialog) -> None:
    state, reply = dialog.handle(confirming(dialog), cmd("next"))
    assert state.mode == CONFIRM and state.step == "email"
    assert reply.say == ("Je n'ai pas compris.", "Vous avez dit « j'ai oublié mon code » ? Dites oui ou non.")
    assert reply.earcon == "nomatch"
    assert reply.events == ({"event": "command", "name": "next"},
                            {"event": "nomatch", "heard": "next", "count": 1})
    state, reply = dialog.handle(state, goto("connexion"))
    assert state.mode == CONFIRM and reply.say[1].startswith("J'attends votre réponse")
    state, reply = dialog.handle(state, cmd("menu"))
    assert state.mode == PAUSED and state.pending is None
    assert reply.say == ("Je n'ai pas compris.", PAUSE_TEXT)
    # The question lapsed with the pause: "oui" now resumes, with nothing to confirm.
    state, reply = dialog.handle(state, cmd("yes"))
    assert state.mode == STEP and state.step == "email"
    assert reply.say[0] == "Il n'y a rien à confirmer pour le moment."


# ---------------------------------------------------------------- no input


def test_noinput_escalates_reprompt_help_pause(dialog: Dialog) -> None:
    state = at(dialog, "email")
    _, help_reply = dialog.handle(state, cmd("help"))
    state, reply = dialog.handle(state, NoInput())
    assert reply.say == ("Je vous écoute.", "Dites « suivant » pour continuer, ou « aide ».")
    assert reply.events == ({"event": "noinput", "count": 1},) and reply.earcon is None
    state, reply = dialog.handle(state, NoInput())
    assert reply.say == help_reply.say and reply.events == ({"event": "noinput", "count": 2},)
    state, reply = dialog.handle(state, NoInput())
    assert state.mode == PAUSED and reply.say == (PAUSE_TEXT,)
    assert reply.events == ({"event": "noinput", "count": 3},)
    state, reply = dialog.handle(state, NoInput())
    assert state.mode == PAUSED and reply == Reply()


@pytest.mark.parametrize("step, prompt", [
    ("connexion", "Dites « par e-mail » ou « par courrier », ou « aide »."),
    ("courrier", "Dites « par e-mail finalement », « suivant » pour continuer, ou « aide »."),
    ("fin", "Dites « recommencer » ou « quitter », ou « aide »."),
])
def test_the_first_reprompt_names_the_options_of_the_step(dialog: Dialog, step: str, prompt: str) -> None:
    _, reply = dialog.handle(at(dialog, step), NoInput())
    assert reply.say == ("Je vous écoute.", prompt)


def test_noinput_in_the_menu_and_in_a_confirmation(dialog: Dialog) -> None:
    state, reply = dialog.handle(menu_state(dialog), NoInput())
    assert reply.say == ("Je vous écoute.", "Dites le nom d'une partie ou son numéro, ou « aide ».")
    state, reply = dialog.handle(state, NoInput())
    assert reply.say[0].startswith("Vous êtes dans le sommaire.")
    state, _ = dialog.handle(state, NoInput())
    assert state.mode == PAUSED
    state, reply = dialog.handle(state, cmd("resume"))
    assert state.mode == MENU
    _, reply = dialog.handle(confirming(dialog), NoInput())
    assert reply.say == ("Je vous écoute.", "Vous avez dit « j'ai oublié mon code » ? Dites oui ou non.")


def test_counters_reset_after_a_successful_command(dialog: Dialog) -> None:
    state, _ = run(dialog, at(dialog, "email"), NoInput(), NoInput(), NoMatch("a"), NoMatch("b"))
    assert (state.noinput_count, state.nomatch_count) == (2, 2)
    state, _ = dialog.handle(state, cmd("repeat"))
    assert (state.noinput_count, state.nomatch_count) == (0, 0)
    _, reply = dialog.handle(state, NoInput())
    assert reply.events == ({"event": "noinput", "count": 1},)


def test_escalation_depth_is_a_setting(guide: Guide, vocabulary: Vocabulary) -> None:
    impatient = Dialog(guide, vocabulary, DialogSettings(max_escalation=1))
    state, reply = impatient.handle(at(impatient, "email"), NoInput())
    assert state.mode == PAUSED and reply.say == (PAUSE_TEXT,)
    patient = Dialog(guide, vocabulary, DialogSettings(max_escalation=5))
    state = at(patient, "email")
    modes = []
    for _ in range(5):
        state, reply = patient.handle(state, NoMatch("zz"))
        modes.append(state.mode)
        assert reply.earcon == "nomatch"
    assert modes == [STEP, STEP, STEP, STEP, PAUSED]


# ---------------------------------------------------------------- no match


def test_nomatch_escalates_with_the_low_tone(dialog: Dialog) -> None:
    state = at(dialog, "connexion")
    state, reply = dialog.handle(state, NoMatch(heard="banane"))
    assert reply.say == ("Je n'ai pas compris.", "Dites « par e-mail » ou « par courrier », ou « aide ».")
    assert reply.events == ({"event": "nomatch", "heard": "banane", "count": 1},)
    assert reply.earcon == "nomatch"
    state, reply = dialog.handle(state, NoMatch(heard="banane"))
    assert reply.say[0] == "Je n'ai pas compris." and reply.say[1].startswith("Pour choisir :")
    assert reply.events[0]["count"] == 2
    state, reply = dialog.handle(state, NoMatch(heard="banane"))
    assert state.mode == PAUSED and reply.say == ("Je n'ai pas compris.", PAUSE_TEXT)
    state, reply = dialog.handle(state, goto("email", label="par e-mail"))
    assert state.mode == STEP and state.step == "email" and state.nomatch_count == 0


def test_unknown_intents_are_misunderstandings_not_crashes(dialog: Dialog) -> None:
    state = at(dialog, "email")
    for intent in (Intent(name="danser", heard="danse"), Intent(name="goto", target="nulle-part"),
                   Intent(name="goto")):
        after, reply = dialog.handle(state, intent)
        assert after.step == "email" and reply.earcon == "nomatch" and names(reply) == ["nomatch"]


# ------------------------------------------------------------- invariants


def test_handle_is_pure(dialog: Dialog) -> None:
    state = at(dialog, "connexion")
    for event in (cmd("next"), goto("oubli", 0.2), NoInput(), NoMatch("x"), cmd("help"), cmd("quit")):
        assert dialog.handle(state, event) == dialog.handle(state, event)
    assert state == at(dialog, "connexion")


def test_help_repeat_previous_quit_always_work(dialog: Dialog) -> None:
    paused, _ = dialog.handle(at(dialog, "email"), cmd("pause"))
    for state in (at(dialog, "accueil"), at(dialog, "connexion"), at(dialog, "fin"), menu_state(dialog),
                  confirming(dialog), paused):
        for name in ("help", "repeat", "previous", "quit"):
            after, reply = dialog.handle(state, cmd(name))
            assert reply.say and all(reply.say), (state.mode, name)
            assert not reply.done and after.mode != PAUSED, (state.mode, name)


# ---------------------------------------------------------- the real guide


@pytest.fixture(scope="module")
def ameli(vocabulary: Vocabulary) -> Guide:
    # A bundled guide that does not load is a failure here, never a skip.
    return load_guide(DEFAULT_GUIDE, vocabulary)


def test_every_ameli_step_can_be_entered_helped_and_left(ameli: Guide, vocabulary: Vocabulary) -> None:
    dialog = Dialog(ameli, vocabulary)
    start, _ = dialog.start()
    for step in ameli.steps:
        state, reply = dialog.handle(start, goto(step.id))
        assert state.step == step.id and reply.say[-1].startswith(("Dites", "C'est la fin"))
        assert dialog.options(state).choices == step.choices
        for name in ("help", "repeat", "details", "where", "next", "previous"):
            _, reply = dialog.handle(state, cmd(name))
            assert reply.say and all(reply.say), (step.id, name)


def test_ameli_walkthrough_by_voice(ameli: Guide, vocabulary: Vocabulary) -> None:
    """From the welcome to the end by the phrases a user would say, through the matcher."""
    dialog = Dialog(ameli, vocabulary)
    matcher = IntentMatcher(vocabulary, ameli)
    state, _ = dialog.start()
    seen = [state.step]
    for _ in range(len(ameli.steps) * 2):
        step = ameli.step(state.step)
        if step.end:
            break
        said = "suivant" if step.next else step.choices[0].label
        intent = matcher.match(said, dialog.options(state))
        assert intent is not None, said
        state, reply = dialog.handle(state, intent)
        assert state.mode == STEP, (said, reply.say)
        seen.append(state.step)
    assert ameli.step(state.step).end
    back = state
    for expected in reversed(seen[:-1]):  # "précédent" retraces the path exactly
        back, _ = dialog.handle(back, matcher.match("précédent", dialog.options(back)))
        assert back.step == expected
    state, reply = dialog.handle(state, matcher.match("quitter", dialog.options(state)))
    state, reply = dialog.handle(state, matcher.match("oui c'est ça", dialog.options(state)))
    assert reply.done


def test_ameli_menu_reaches_every_part(ameli: Guide, vocabulary: Vocabulary) -> None:
    dialog = Dialog(ameli, vocabulary)
    matcher = IntentMatcher(vocabulary, ameli)
    start, _ = dialog.start()
    menu, reply = dialog.handle(start, cmd("menu"))
    assert len(reply.say) >= 3
    for part in ameli.parts():
        intent = matcher.match(part.topics[0], dialog.options(menu))
        assert intent is not None and intent.target == part.id, part.topics[0]
        state, _ = dialog.handle(menu, intent)
        assert state.step == part.id and state.mode == STEP
