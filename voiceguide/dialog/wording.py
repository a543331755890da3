"""Everything the dialog says, in French, worded for the way the person answers.

The machine (machine.py) decides *what* to say — a reminder, a help, a
question — and asks this module *how*. The same reminder names spoken words
(« dites « suivant » »), typed lines (« tapez « suivant » »), keys
(« appuyez sur Entrée ») or both, and for a recording played on a phone it
names tracks. Each sentence is a ``Line``: a
``str`` that also knows its ``Kind``, so that tests check what was said
without pinning the wording, and a few tests pin the wording itself.

Sentences stay short (at most 25 words) and helps stay brief: the first
« aide » fits in about ten seconds, the full list in about twenty-five.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from voiceguide.dialog.intent import Modality
from voiceguide.guide import INFO, Choice, Step
from voiceguide.language.text import word_count
from voiceguide.language.vocabulary import Command, CommandSpec, Vocabulary


class Kind(enum.Enum):
    """What a sentence is for."""

    NARRATION = "narration"            # the step's own text
    DETAILS = "details"                # « plus de détails »
    REMINDER = "reminder"              # what can be done now (after a narration, a silence, a misunderstanding)
    HELP = "help"                      # « aide »
    NOT_UNDERSTOOD = "not-understood"
    QUESTION = "question"              # a yes/no question the guide waits for
    ACK = "ack"                        # the answer to an answer: « D'accord. »
    PAUSE = "pause"
    RESUME = "resume"
    SETTING = "setting"                # « Comme ceci ? », the limits of the voice's rate and volume
    WHERE = "where"                    # « où suis-je »
    MENU = "menu"                      # the sommaire and its entries
    OPTION = "option"                  # one option read while browsing with the arrow keys
    NOTICE = "notice"                  # nothing to do here: no previous step, no details, ...
    GOODBYE = "goodbye"
    INPUT = "input"                    # the way of answering has changed


class Line(str):
    """One sentence (or a few short ones) the guide says, tagged with what it is for."""

    kind: Kind

    def __new__(cls, text: str, kind: Kind) -> Line:
        line = super().__new__(cls, text)
        line.kind = kind
        return line


# Keys the vocabulary names by a word, and characters that read badly alone.
KEY_NAMES = {
    "enter": "Entrée", "space": "Espace", "escape": "Échap", "tab": "Tabulation",
    "right": "flèche droite", "left": "flèche gauche", "down": "flèche bas", "up": "flèche haut",
    "?": "point d'interrogation", "=": "égal", "+": "plus", "-": "moins",
}

# The commands of the full help, in groups that read as short sentences.
_HELP_GROUPS: tuple[tuple[str, tuple[Command, ...]], ...] = (
    ("Pour avancer et revenir", (Command.NEXT, Command.PREVIOUS, Command.MENU, Command.WHERE)),
    ("Pour réentendre", (Command.REPEAT, Command.DETAILS, Command.PAUSE)),
    ("Pour la voix", (Command.SLOWER, Command.FASTER, Command.LOUDER, Command.SOFTER, Command.NORMAL)),
    ("Et aussi", (Command.RESTART, Command.QUIT)),
)
FIRST_HELP_WORDS = 20   # under ten seconds at the default pace, key names included (tests/test_pace.py)
SHORT_LIST = 4     # up to this many choices are read out in a reminder; more are « dites son nom ou son numéro »
MAX_KEYED = 9      # digit keys: choices 1 to 9; the others by the arrow keys


def key_label(key: str) -> str:
    """How a key is named in a sentence: « Entrée », « la touche P »."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    return f"la touche {key.upper()}" if len(key) == 1 and key.isalpha() else key


def key_short(key: str) -> str:
    """How a key is named in a list: « Entrée », « P »."""
    return KEY_NAMES.get(key, key.upper())


def or_list(items: Sequence[str], last: str = "ou") -> str:
    """« a », « b » ou « c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def clean(text: str) -> str:
    """YAML folded text keeps line breaks and trailing spaces; the ear needs neither."""
    return " ".join(text.split())


def sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def quoted(text: str) -> str:
    return f"« {text} »"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _either(spoken_verb: str, typed_verb: str, spoken: bool, typed: bool) -> str:
    """The verb for words typed, said, or both (« dites ou tapez »); said when neither (a recording)."""
    if typed and spoken:
        return f"{spoken_verb} ou {typed_verb}"
    return typed_verb if typed else spoken_verb


class Wording:
    """The guide's French, for one vocabulary; ``for_(modality)`` words it for a way of answering."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._commands: dict[str, CommandSpec] = {spec.name: spec for spec in vocabulary.commands}
        self._phrasings: dict[Modality, Phrasing] = {}

    def for_(self, modality: Modality) -> Phrasing:
        if modality not in self._phrasings:
            self._phrasings[modality] = Phrasing(self._commands, modality)
        return self._phrasings[modality]


class Phrasing:
    """The sentences of the dialog for one way of answering (words said or typed, keys, or none: a recording)."""

    def __init__(self, commands: Mapping[str, CommandSpec], modality: Modality) -> None:
        self._commands = commands
        self.modality = modality
        spoken, typed = Modality.WORDS in modality, Modality.TYPED in modality
        self.words = spoken or typed   # commands are words, said or typed
        self.keys = Modality.KEYS in modality
        # The verbs that name giving a command in words: « dites », « tapez », or both.
        self.say = _either("dites", "tapez", spoken, typed)
        self.say_again = _either("redites", "retapez", spoken, typed)
        self.to_say = _either("dire", "taper", spoken, typed)
        self.said = "écrit" if typed and not spoken else "dit"

    # ------------------------------------------------------------ building blocks

    def label(self, command: Command) -> str:
        return self._commands[command].label

    def key(self, command: Command) -> str | None:
        keys = self._commands[command].keys
        return key_label(keys[0]) if keys else None

    def short_key(self, command: Command) -> str | None:
        keys = self._commands[command].keys
        return key_short(keys[0]) if keys else None

    def do(self, command: Command) -> str:
        """« dites « suivant » », « appuyez sur Entrée », or both."""
        said = f"{self.say} {quoted(self.label(command))}"
        key = self.key(command)
        if self.keys and key and self.words:
            return f"{said} ou appuyez sur {key}"
        if self.keys and key:
            return f"appuyez sur {key}"
        return said

    def _yes_no(self) -> str:
        yes, no = self.key(Command.YES), self.key(Command.NO)
        if self.keys and not self.words:
            return f"Appuyez sur {yes} pour oui, {no} pour non."
        if self.keys:
            return f"{_capital(self.say)} oui ou non, ou appuyez sur {yes} ou {no}."
        return f"{_capital(self.say)} oui ou non."

    # ------------------------------------------------------------ the step

    def narration(self, step: Step, sees_screen: bool) -> Line:
        text = clean(step.say)
        if sees_screen and step.on_screen:
            text += " " + clean(step.on_screen)
        return Line(text, Kind.NARRATION)

    def details(self, step: Step) -> Line:
        return Line(clean(step.details or ""), Kind.DETAILS)

    def reminder(self, step: Step, tracks: Mapping[str, int] | None = None, compact: bool = False) -> Line:
        """Said after each narration: how to go on from this step (``compact``: choices not listed)."""
        if not self.modality:
            return Line(self._routes(step, tracks or {}), Kind.REMINDER)
        if step.end and not step.choices:
            return self.end_reminder()
        if step.if_yes or step.if_no:
            return Line(self._yes_no_step(step, compact), Kind.REMINDER)
        if step.choices:
            text = self._choose(step.choices, compact)
            if step.next:
                text = text[:-1] + f", ou {self._continue()}."
            return Line(text, Kind.REMINDER)
        if step.next:
            return Line(self._go_on(step), Kind.REMINDER)
        return Line(f"Pour revenir en arrière, {self.do(Command.PREVIOUS)}.", Kind.REMINDER)

    def _go_on(self, step: Step) -> str:
        if step.kind == INFO:
            return f"Pour continuer, {self.do(Command.NEXT)}."
        return f"Quand c'est fait, {self.do(Command.NEXT)}."

    def how_to_get_help(self) -> Line:
        """Said once, after the welcome: the one command worth knowing from the start."""
        help_ = self._commands[Command.HELP]
        key = key_short(help_.keys[0]) if help_.keys else None
        if self.keys and not self.words:
            return Line(f"À tout moment, appuyez sur {key} pour entendre les touches. Elles marchent "
                        "quand la fenêtre du guide est active : revenez-y pour répondre.", Kind.HELP)
        if self.keys:
            return Line(f"À tout moment, {self.say} {quoted(help_.label)} ou appuyez sur {key} "
                        "pour savoir quoi faire.", Kind.HELP)
        return Line(f"À tout moment, {self.say} {quoted(help_.label)} pour savoir quoi faire.", Kind.HELP)

    def end_reminder(self) -> Line:
        quit_, restart = self.short_key(Command.QUIT), self.short_key(Command.RESTART)
        if self.keys and not self.words:
            how = f"appuyez sur {quit_} ; pour recommencer, sur {restart}"
        elif self.keys:
            how = f"{self.say} {quoted(self.label(Command.QUIT))} ou appuyez sur {quit_} ; pour recommencer, {restart}"
        else:
            how = f"{self.say} {quoted(self.label(Command.QUIT))} ; pour recommencer, {quoted(self.label(Command.RESTART))}"
        return Line(f"C'est la fin du guide. Pour le fermer, {how}.", Kind.REMINDER)

    def _continue(self) -> str:
        if self.keys and not self.words:
            return f"{self.key(Command.NEXT)} pour continuer"
        return f"{quoted(self.label(Command.NEXT))} pour continuer"

    def _choose(self, choices: Sequence[Choice], compact: bool = False) -> str:
        labels = [quoted(c.label) for c in choices]
        count = len(choices)
        if count <= SHORT_LIST and not compact:
            if self.keys and not self.words:
                return "Appuyez sur " + ", ".join(f"{i} pour {label}" for i, label in enumerate(labels, 1)) + "."
            if self.keys:
                return f"{_capital(self.say)} {or_list(labels)}, ou appuyez sur {or_list([str(i) for i in range(1, count + 1)])}."
            return f"{_capital(self.say)} {or_list(labels)}."
        if self.keys and not self.words:
            if count > MAX_KEYED:
                return "Appuyez sur le numéro de votre choix, ou parcourez-les avec les flèches."
            return f"Appuyez sur le numéro de votre choix, de 1 à {count}."
        if self.keys:
            return f"{_capital(self.say)} le nom de votre choix ou son numéro, ou parcourez-les avec les flèches."
        return f"{_capital(self.say)} le nom de votre choix, ou son numéro."

    def _yes_no_step(self, step: Step, compact: bool = False) -> str:
        answered = {step.if_yes, step.if_no}
        others = [c for c in step.choices if c.target not in answered]
        named = self.short_key if compact else self.key   # compact: « O ou N » rather than « la touche O … »
        yes, no = named(Command.YES), named(Command.NO)
        if self.keys and not self.words:
            text = f"Appuyez sur {yes} pour oui, {no} pour non"
            if others:
                keyed = [f"{i} pour {quoted(c.label)}" for i, c in enumerate(step.choices, 1) if c in others]
                text += ", ou " + or_list(keyed)
            return text + "."
        text = "Répondez par oui ou par non"
        if self.keys:
            text += f", ou appuyez sur {yes} ou {no}"
        if others:
            text += f". Vous pouvez aussi {self.to_say} {or_list([quoted(c.label) for c in others])}"
        return text + "."

    def _routes(self, step: Step, tracks: Mapping[str, int]) -> str:
        """For a recording: where each way goes, as track numbers."""
        here = tracks.get(step.id, 0)
        routes: list[str] = []
        if step.if_yes in tracks:
            routes.append(f"si c'est oui, passez à la piste {tracks[step.if_yes or '']}")
        if step.if_no in tracks:
            routes.append(f"si c'est non, à la piste {tracks[step.if_no or '']}")
        for choice in step.choices:
            if choice.target in tracks and choice.target not in (step.if_yes, step.if_no):
                routes.append(f"pour {quoted(choice.label)}, à la piste {tracks[choice.target]}")
        if routes:
            first, *rest = routes
            if not first.startswith("si"):
                first = first.replace(", à la piste", ", passez à la piste", 1)
            return sentence(_capital(first) + "".join(f" ; {r}" for r in rest))
        if step.end:
            return "C'est la fin du guide."
        when = "Ensuite" if step.kind == INFO else "Quand c'est fait"
        if step.next in tracks and tracks[step.next or ""] != here + 1:
            return f"{when}, passez à la piste {tracks[step.next or '']}."
        return f"{when}, passez à la piste suivante."

    # ------------------------------------------------------------ silence and misunderstanding

    def typed_here(self) -> Line:
        return Line("Ces touches sont arrivées dans la fenêtre du guide, pas sur le site. Pour taper sur le site, "
                    "revenez d'abord au navigateur.", Kind.NOTICE)

    def not_understood(self) -> Line:
        return Line("Je n'ai pas compris.", Kind.NOT_UNDERSTOOD)

    def checking(self) -> Line:
        """Before a « oui » that would end the guide or erase the place, said with words the guide cannot explain
        (« oui oui, on arrête, je suis fatiguée », or « oui j'arrive » said to someone): it heard a yes, and asks
        again rather than saying it did not understand."""
        return Line("Je préfère vérifier.", Kind.NOT_UNDERSTOOD)

    def nudge(self, step: Step) -> Line:
        """After a long silence on an action step: one short sentence, no more."""
        if step.next and not step.choices:
            return Line(self._go_on(step), Kind.REMINDER)
        return self.reminder(step)

    def ask_help(self) -> Line:
        return Line(f"Pour savoir quoi faire, {self.do(Command.HELP)}.", Kind.REMINDER)

    def pause_after_silence(self) -> Line:
        return Line("Je fais une pause. " + self._how_to_resume(), Kind.PAUSE)

    # ------------------------------------------------------------ help

    def help(self, step: Step, has_previous: bool) -> tuple[Line, ...]:
        """The first « aide »: how to go on here, how to hear it again, how to hear everything.

        It fits in about ten seconds: the useful extras are left out when the
        way on is already long (many choices).
        """
        reminder = self.reminder(step)
        extras = [Command.REPEAT] + ([Command.DETAILS] if step.details else [])
        if not step.choices and has_previous and not step.details:
            extras.append(Command.PREVIOUS)
        if self.keys and not self.words:
            useful = Line("Touches utiles : " + " ; ".join(f"{self.short_key(c)}, {self.label(c)}" for c in extras)
                          + ".", Kind.HELP)
            more = Line(f"{self.short_key(Command.HELP)} encore : toutes les touches.", Kind.HELP)
        else:
            useful = Line(f"{_capital(self.say)} aussi {or_list([quoted(self.label(c)) for c in extras])}.", Kind.HELP)
            more = Line(f"Pour tout entendre, {self.say_again} {quoted(self.label(Command.HELP))}.", Kind.HELP)
        if word_count(reminder) + word_count(useful) + word_count(more) <= FIRST_HELP_WORDS:
            return (reminder, useful, more)
        if word_count(reminder) + word_count(more) > FIRST_HELP_WORDS:
            reminder = self.reminder(step, compact=True)
        return (reminder, more)

    def full_help(self, with_menu: bool, keys_now: bool) -> tuple[Line, ...]:
        """The second « aide » in a row: every command (``keys_now``: their keys)."""
        lines = []
        for title, group in _HELP_GROUPS:
            commands = [c for c in group if with_menu or c != Command.MENU]
            if keys_now:   # no titles: the key names already take time to say
                items = [f"{self.short_key(c)}, {self.label(c)}" for c in commands
                         if self.key(c) and c != Command.NORMAL]
                lines.append(Line(_capital(" ; ".join(items)) + ".", Kind.HELP))
            else:
                lines.append(Line(f"{title} : {or_list([quoted(self.label(c)) for c in commands], 'et')}.",
                                  Kind.HELP))
        if self.keys and self.words and not keys_now:
            lines.append(Line(f"Chaque commande a sa touche : {self.say_again} {quoted(self.label(Command.HELP))} "
                              "pour les entendre.", Kind.HELP))
        return tuple(lines)

    # ------------------------------------------------------------ questions

    def question_quit(self) -> Line:
        return Line(f"Voulez-vous vraiment quitter le guide ? {self._yes_no()}", Kind.QUESTION)

    def question_restart(self) -> Line:
        return Line(f"Voulez-vous vraiment recommencer depuis le début ? {self._yes_no()}", Kind.QUESTION)

    def question_resume(self) -> Line:
        return Line(f"Voulez-vous reprendre où vous en étiez ? {self._yes_no()}", Kind.QUESTION)

    def question_screen_reader(self, reader: str) -> Line:
        return Line(f"{reader} fonctionne sur cet ordinateur. Voulez-vous que le guide écrive seulement, "
                    f"sans parler, et laisser {reader} lire ses lignes ? {self._yes_no()}", Kind.QUESTION)

    def screen_reader_chosen(self, chosen: bool, reader: str) -> Line:
        if chosen:
            return Line(f"D'accord : j'écris seulement, {reader} lit mes lignes.", Kind.ACK)
        return Line("D'accord : je parle de ma propre voix.", Kind.ACK)

    def question_heard(self, label: str) -> Line:
        return Line(f"Vous avez {self.said} {quoted(label)} ? {self._yes_no()}", Kind.QUESTION)

    def question_unsure(self, labels: Sequence[str]) -> Line:
        """Asked instead of acting when the words were not understood surely enough."""
        meant = or_list([quoted(label) for label in labels])
        if len(labels) == 1:
            return Line(f"Voulez-vous dire {meant} ? {self._yes_no()}", Kind.QUESTION)
        return Line(f"Voulez-vous dire {meant} ? {_capital(self.say_again)} celui que vous voulez, "
                    f"ou {self.say} non.", Kind.QUESTION)

    def which_one(self, labels: Sequence[str]) -> Line:
        """« oui » to a question between two meanings: which one?"""
        return Line(f"Lequel ? {_capital(self.say)} {or_list([quoted(label) for label in labels])}, "
                    f"ou {self.say} non.",
                    Kind.QUESTION)

    def question_setting(self) -> Line:
        return Line("Comme ceci ?", Kind.SETTING)

    def waiting_for_answer(self) -> Line:
        return Line("J'attends votre réponse.", Kind.HELP)

    def cancel_hint(self) -> Line:
        return Line(f"Pour laisser la question, {self.do(Command.PREVIOUS)}.", Kind.HELP)

    def other_request_hint(self) -> Line:
        """At « Voulez-vous dire … ? »: another request, said plainly, is taken instead."""
        if not self.words:
            return self.cancel_hint()
        return Line(f"Sinon, {self.say} ce que vous voulez.", Kind.HELP)

    def nothing_to_confirm(self) -> Line:
        return Line("Il n'y a rien à confirmer pour le moment.", Kind.NOTICE)

    def ack(self) -> Line:
        return Line("D'accord.", Kind.ACK)

    def ack_continue(self) -> Line:
        return Line("D'accord, on continue.", Kind.ACK)

    def ack_from_start(self) -> Line:
        return Line("D'accord, on commence au début.", Kind.ACK)

    def setting_kept(self) -> Line:
        return Line("D'accord, je garde ce réglage.", Kind.ACK)

    def setting_how(self) -> Line:
        if self.keys and not self.words:
            return Line(f"D'accord. {self.key(Command.SLOWER)} et {self.key(Command.FASTER)} changent la vitesse, "
                        f"{self.key(Command.LOUDER)} et {self.key(Command.SOFTER)} le volume.", Kind.ACK)
        names = [quoted(self.label(c)) for c in (Command.SLOWER, Command.FASTER, Command.LOUDER, Command.SOFTER)]
        return Line(f"D'accord. {_capital(self.say)} {or_list(names)} jusqu'à ce que ça vous convienne.", Kind.ACK)

    # ------------------------------------------------------------ the sommaire

    def menu_listing(self, parts: Sequence[Choice]) -> tuple[Line, ...]:
        lines = [Line(f"Sommaire, {len(parts)} parties.", Kind.MENU)]
        lines += [Line(f"{i} : {part.label}.", Kind.MENU) for i, part in enumerate(parts, 1)]
        return (*lines, self.menu_reminder(len(parts)))

    def menu_reminder(self, count: int) -> Line:
        back = f"Pour revenir à l'étape en cours, {self.do(Command.NEXT)}."
        if self.keys and not self.words:
            how = "Appuyez sur le numéro d'une partie"
            if count > MAX_KEYED:
                how += ", ou parcourez-les avec les flèches"
            return Line(f"{how}. Flèche droite revient à l'étape en cours.", Kind.REMINDER)
        how = f"{_capital(self.say)} le nom d'une partie ou son numéro"
        if self.keys:
            how += ", ou appuyez sur son numéro"
        return Line(f"{how}. {back}", Kind.REMINDER)

    def menu_short(self) -> Line:
        if self.keys and not self.words:
            return Line("Appuyez sur le numéro d'une partie.", Kind.REMINDER)
        return Line(f"{_capital(self.say)} le nom d'une partie ou son numéro.", Kind.REMINDER)

    def menu_intro(self) -> Line:
        return Line("Vous êtes dans le sommaire.", Kind.HELP)

    def no_menu(self) -> Line:
        return Line("Ce guide n'a pas de sommaire.", Kind.NOTICE)

    def option(self, number: int, choice: Choice, first: bool = False) -> Line:
        """One option read with an arrow key; the first time, how to pick it."""
        return Line(f"{number} : {choice.label}." + (" Entrée pour choisir." if first else ""), Kind.OPTION)

    # ------------------------------------------------------------ moving around

    def where(self, position: int, total: int, title: str, in_menu: bool) -> Line:
        place = f"l'étape {position} sur {total} : {sentence(clean(title))}"
        if in_menu:
            return Line(f"Vous êtes dans le sommaire ; l'étape en cours est {place}", Kind.WHERE)
        return Line(f"Vous êtes à {place}", Kind.WHERE)

    def resumed_at(self, position: int, total: int) -> Line:
        return Line(f"On reprend le guide à l'étape {position} sur {total}.", Kind.NOTICE)

    def last_time(self, position: int, total: int, title: str) -> tuple[Line, ...]:
        return (Line("Bonjour.", Kind.NOTICE),
                Line(f"La dernière fois, vous étiez à l'étape {position} sur {total} : {sentence(clean(title))}",
                     Kind.WHERE))

    def must_choose(self, step: Step) -> tuple[Line, ...]:
        return (Line("Ici, il faut choisir.", Kind.NOTICE), self.reminder(step))

    def no_next(self) -> Line:
        return Line("Il n'y a pas d'étape suivante ici.", Kind.NOTICE)

    def no_previous(self, at_start: bool) -> Line:
        if at_start:
            return Line("Vous êtes au début du guide : il n'y a pas d'étape précédente.", Kind.NOTICE)
        return Line("Il n'y a pas d'étape précédente.", Kind.NOTICE)

    def no_details(self) -> Line:
        return Line("Il n'y a pas d'autre détail pour cette étape.", Kind.NOTICE)

    def restarting(self) -> Line:
        return Line("On recommence depuis le début.", Kind.NOTICE)

    def goodbye(self) -> Line:
        return Line("Au revoir, et à bientôt.", Kind.GOODBYE)

    # ------------------------------------------------------------ pause

    def paused(self) -> Line:
        return Line("Je fais une pause. " + self._how_to_resume(), Kind.PAUSE)

    def _how_to_resume(self) -> str:
        resume = quoted(self.label(Command.RESUME))
        if self.keys and self.words:
            return f"{_capital(self.say)} {resume} ou appuyez sur une touche quand vous voulez reprendre."
        if self.keys:
            return "Appuyez sur une touche quand vous voulez reprendre."
        return f"{_capital(self.say)} {resume} quand vous voulez reprendre."

    def resuming(self) -> Line:
        return Line("On reprend.", Kind.RESUME)

    # ------------------------------------------------------------ the voice

    def setting_at_limit(self, command: Command) -> Line:
        return Line(_LIMITS[command], Kind.SETTING)

    def already_normal(self) -> Line:
        return Line("La voix est déjà au réglage normal.", Kind.SETTING)

    # ------------------------------------------------------------ the way of answering

    def microphone_lost(self) -> Line:
        if self.keys:
            return Line(f"Le microphone ne répond plus : je passe au clavier. Appuyez sur "
                        f"{self.key(Command.HELP)} pour entendre les touches.", Kind.INPUT)
        return Line("Le microphone ne répond plus : je continue avec ce que vous tapez, une commande par ligne.",
                    Kind.INPUT)


_LIMITS = {
    Command.SLOWER: "C'est déjà la vitesse la plus lente.",
    Command.FASTER: "C'est déjà la vitesse la plus rapide.",
    Command.SOFTER: "C'est déjà le volume le plus faible.",
    Command.LOUDER: "C'est déjà le volume le plus fort.",
}
