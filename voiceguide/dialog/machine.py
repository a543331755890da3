"""The dialog: a pure state machine, (state, event) -> (new state, reply).

Everything the guide says in answer to the user is decided here and nothing
else happens here: no I/O, no clock, no randomness. The session feeds events
(intents, silences, misunderstandings) and speaks what comes back, so every
turn of the conversation can be tested in microseconds.

Modes of a ``State``:
- ``step``: a step of the guide was read; its choices and the universal
  commands are valid.
- ``menu``: the parts of the guide ("sommaire") were listed; saying a part
  name or pressing its number goes there; "suivant", "précédent" or
  "reprendre" go back to the current step.
- ``confirm``: a yes/no answer is awaited (quitting, or a low-confidence
  change of branch). "aide", "répéter", "où suis-je" and the voice settings
  answer and ask again; "précédent", "quitter" and "pause" cancel the
  question and act; any other command is not an answer and escalates like a
  misunderstanding.
- ``paused``: the guide waits, silent. Silence changes nothing; anything
  heard or pressed resumes. "reprendre" (or something not understood, or an
  unknown key) resumes by saying again what was being said; any other
  command resumes and acts at once ("suivant" after a pause goes to the next
  step).
- ``ended``: the user confirmed "quitter"; every event answers ``done``.

"répéter" says the last narration of the step again: its text and
reminder, or its details when they were asked for since; in the menu it
lists the parts again, in a confirmation it asks the question again. Only
entering a step logs a ``step`` event; every intent logs one ``command``
event (a ``goto`` with its ``target``), before the events it causes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from voiceguide import speech_levels as levels
from voiceguide.dialog.intent import Event, InputsChanged, Intent, Modality, NoInput, NoMatch, Options
from voiceguide.errors import UserError
from voiceguide.guide import Choice, Guide, Step
from voiceguide.language.vocabulary import COMMAND_NAMES, CommandSpec, Vocabulary

STEP, MENU, CONFIRM, PAUSED, ENDED = "step", "menu", "confirm", "paused", "ended"

MAX_KEYED = 9  # keys are single characters: choices 1 to 9 have one
HISTORY_LIMIT = 200  # older steps are forgotten; "précédent" this far back is never needed

# Commands listed by a second "aide" in a row, the most useful first.
FULL_HELP = (
    "next", "previous", "repeat", "details", "menu", "where", "pause", "resume",
    "slower", "faster", "louder", "softer", "normal", "restart", "help", "quit",
)
# Keys the vocabulary names by a word, and characters that read badly alone.
KEY_NAMES = {
    "enter": "Entrée", "space": "Espace", "escape": "Échap", "tab": "Tabulation",
    "right": "flèche droite", "left": "flèche gauche",
    "?": "point d'interrogation", "=": "égal", "+": "plus", "-": "moins",
}

PAUSE_AFTER_SILENCE = "Je fais une pause. Parlez ou appuyez sur une touche quand vous voulez reprendre."
NOT_UNDERSTOOD = "Je n'ai pas compris."
KEYBOARD_FALLBACK = ("Le microphone ne répond plus : je passe au clavier. "
                     "Appuyez sur h pour entendre les touches.")
TEXT_FALLBACK = ("Le microphone ne répond plus : je continue avec ce que vous tapez, "
                 "une commande par ligne.")
RESUME_AT = "resume-at"  # the pending intent of the question asked at start when progress was saved


@dataclass(frozen=True)
class Reply:
    """What the session must do after an event.

    ``say``: narration segments, spoken (and printed) in order.
    ``events``: objects for the events log, without ``t`` (the session adds it).
    ``earcon``: "nomatch" when the low tone should play, else None.
    ``done``: the session ends after saying ``say``.
    """

    say: tuple[str, ...] = ()
    events: tuple[dict, ...] = ()
    earcon: str | None = None
    done: bool = False


@dataclass(frozen=True)
class DialogSettings:
    """Tunable behaviour; the defaults follow shared/notes/voice-ux.md."""

    noinput_timeout: float = 8.0        # seconds; the session owns the clock, the dialog only stores it
    confirm_threshold: float = 0.6      # a change of branch below this confidence is confirmed by yes/no
    max_escalation: int = 3             # noinput/nomatch levels: 1 short re-prompt, 2 full help, last: pause

    def __post_init__(self) -> None:
        if not self.noinput_timeout > 0:
            raise UserError("Le délai de silence doit être un nombre de secondes supérieur à zéro.")
        if not 0.0 <= self.confirm_threshold <= 1.0:
            raise UserError("Le seuil de confirmation doit être compris entre 0 et 1.")
        if self.max_escalation < 1:
            raise UserError("Le nombre de relances doit être au moins 1.")


@dataclass(frozen=True)
class State:
    """Where the conversation is; immutable, so a test can keep and replay any state."""

    step: str
    history: tuple[str, ...] = ()        # steps entered before, most recent last ("précédent" pops it)
    mode: str = STEP
    rate_level: int = 0                  # read by the session to configure the narrator
    volume_level: int = 0
    noinput_count: int = 0               # silences in a row
    nomatch_count: int = 0               # misunderstandings in a row
    help_count: int = 0                  # "aide" in a row: the second lists every command
    pending: Intent | None = None        # what "oui" would do, in confirm mode
    back_mode: str = STEP                # where confirm and paused return: step or menu
    last_prompt: tuple[str, ...] = ()    # what "répéter" says in step mode
    modality: Modality = Modality.WORDS  # how the user answers now: prompts name words, keys or both


class Dialog:
    """The conversation rules for one guide and one command vocabulary."""

    def __init__(self, guide: Guide, vocabulary: Vocabulary, settings: DialogSettings = DialogSettings()) -> None:
        self.guide = guide
        self.settings = settings
        self._step_ids = frozenset(s.id for s in guide.steps)
        self._commands: dict[str, CommandSpec] = {}
        for name in COMMAND_NAMES:
            try:
                self._commands[name] = vocabulary.command(name)
            except KeyError:
                raise UserError(f"Le vocabulaire ne définit pas la commande « {name} » : complétez-le.") from None
        self._parts = tuple(Choice(label=s.topics[0], phrases=s.topics, target=s.id) for s in guide.parts())

    # ----------------------------------------------------------------- API

    def start(self, step: str | None = None, modality: Modality = Modality.WORDS) -> tuple[State, Reply]:
        """The welcome: the start step's narration, or the narration of ``step`` when resuming there."""
        target = self.guide.start if step is None else step
        if not self._exists(target):
            raise UserError(
                f"L'étape « {target} » n'existe pas dans le guide « {self.guide.title} » : "
                "vérifiez son identifiant dans le fichier du guide."
            )
        prefix: tuple[str, ...] = ()
        if target != self.guide.start:
            prefix = (f"On reprend le guide à l'étape {self.guide.position(target)} sur {len(self.guide.steps)}.",)
        return self._enter(State(step=target, modality=modality), target, push=False, prefix=prefix)

    def offer_resume(self, step: str, modality: Modality = Modality.WORDS) -> tuple[State, Reply]:
        """The welcome when progress was saved: ask whether to go on at ``step``, yes or no.

        Yes enters ``step``; no starts the guide from the beginning.
        """
        if not self._exists(step) or step == self.guide.start:
            return self.start(modality=modality)
        title = _sentence(_clean(self.guide.step(step).title))
        pending = Intent(name=RESUME_AT, target=step, label=title)
        # Stand just before ``step`` on the way from the start, so that "oui"
        # enters it with a history that "précédent" can walk back.
        way = self.guide.path_to(step)
        state = State(step=way[-2], history=way[:-2], mode=CONFIRM, pending=pending, back_mode=STEP,
                      modality=modality)
        where = f"La dernière fois, vous étiez à l'étape {self.guide.position(step)} sur {len(self.guide.steps)} : {title}"
        event = {"event": "confirm", "name": RESUME_AT, "target": step, "label": title}
        return state, Reply(say=("Bonjour.", where, self._question(pending)), events=(event,))

    def standard_prompts(self) -> dict[str, str]:
        """What the guide says for help, a silence, a misunderstanding and goodbye, at the start step.

        For recordings of the guide (``voiceguide render``): the texts come
        from the same rules as in a live session.
        """
        start, _ = self.start()

        def said(*events: Event) -> str:
            state, reply = start, Reply()
            for event in events:
                state, reply = self.handle(state, event)
            return " ".join(reply.say)

        return {
            "aide": said(Intent("help"), Intent("help")),
            "relance": said(NoInput()),
            "pas-compris": said(NoMatch()),
            "au-revoir": said(Intent("quit"), Intent("yes")),
        }

    def options(self, state: State) -> Options:
        """What can be said now besides the universal commands (for the matcher and the grammar)."""
        mode = state.back_mode if state.mode == PAUSED else state.mode
        if mode == MENU:
            return Options(choices=self._parts)
        if mode == CONFIRM:
            return Options(yes_no=True)
        if mode == ENDED:
            return Options()
        return Options(choices=self._step(state).choices)

    def noinput_timeout(self, state: State) -> float | None:
        """Seconds of silence before a ``NoInput`` event in ``state``; None: wait as long as it takes."""
        if state.mode in (PAUSED, ENDED):
            return None
        return self.settings.noinput_timeout

    def handle(self, state: State, event: Event) -> tuple[State, Reply]:
        """The next state and what to say: pure, so the same input always gives the same answer."""
        if state.mode == ENDED:
            return state, Reply(done=True)
        if isinstance(event, Intent):
            return self._intent(state, event)
        if isinstance(event, NoInput):
            return self._noinput(state)
        if isinstance(event, InputsChanged):
            return self._inputs_changed(state, event)
        heard = event.heard if isinstance(event, NoMatch) else ""
        return self._nomatch(state, heard)

    # ------------------------------------------------------------ dispatch

    def _intent(self, state: State, intent: Intent) -> tuple[State, Reply]:
        if intent.name not in self._commands and intent.name != "goto":
            return self._nomatch(state, intent.heard or intent.name)
        if intent.name == "goto" and not (intent.target and self._exists(intent.target)):
            return self._nomatch(state, intent.heard or intent.label)
        logged = (_command_event(intent),)
        help_count = state.help_count + 1 if intent.name == "help" else 0
        state = replace(state, help_count=help_count)
        if state.mode == PAUSED:
            state = replace(state, mode=state.back_mode, noinput_count=0, nomatch_count=0)
            if intent.name == "resume":
                return state, _with(self._resume_reply(state), logged)
        if state.mode == CONFIRM:
            new, reply = self._in_confirm(state, intent)
            return new, _with(reply, logged)
        state = replace(state, noinput_count=0, nomatch_count=0)
        if state.mode == MENU:
            new, reply = self._in_menu(state, intent)
        else:
            new, reply = self._in_step(state, intent)
        return new, _with(reply, logged)

    def _in_step(self, state: State, intent: Intent) -> tuple[State, Reply]:
        name = intent.name
        if name == "goto":
            return self._goto(state, intent)
        if name == "next":
            return self._next(state)
        if name == "previous":
            return self._previous(state)
        if name in ("repeat", "resume"):
            return state, Reply(say=state.last_prompt or self._narration(self._step(state)))
        if name == "help":
            return self._help(state)
        if name == "details":
            return self._details(state)
        if name == "where":
            return state, Reply(say=(self._where(state),))
        if name in ("yes", "no"):
            return state, Reply(say=("Il n'y a rien à confirmer pour le moment.", self._reminder(state)))
        return self._common(state, intent)

    def _in_menu(self, state: State, intent: Intent) -> tuple[State, Reply]:
        name = intent.name
        if name in ("next", "previous", "resume"):
            narration = self._narration(self._step(state))
            return replace(state, mode=STEP, last_prompt=narration), Reply(say=narration)
        if name == "details":
            return self._details(replace(state, mode=STEP))
        if name in ("repeat", "menu"):
            return state, Reply(say=self._menu_listing())
        if name == "help":
            return state, Reply(say=self._menu_help())
        if name == "where":
            return state, Reply(say=(self._where(state), self._menu_reminder()))
        if name in ("yes", "no"):
            return state, Reply(say=("Il n'y a rien à confirmer pour le moment.", self._menu_reminder()))
        if name == "goto":
            return self._goto(state, intent)
        return self._common(state, intent)

    def _in_confirm(self, state: State, intent: Intent) -> tuple[State, Reply]:
        name = intent.name
        pending = state.pending
        back = replace(state, mode=state.back_mode, pending=None, noinput_count=0, nomatch_count=0)
        if name == "yes" and pending is not None:
            return self._execute(back, pending)
        if name == "no" and pending is not None and pending.name == RESUME_AT:
            return self._enter(replace(back, history=()), self.guide.start, push=False,
                               prefix=("D'accord, on commence au début.",))
        if name == "no" or pending is None:
            ack = "D'accord, on continue." if pending is None or pending.name == "quit" else "D'accord."
            return back, Reply(say=(ack, self._reminder(back)))
        answered = replace(state, noinput_count=0, nomatch_count=0)
        if name in ("repeat", "resume"):
            return answered, Reply(say=(self._question(pending),))
        if name == "help":
            return answered, Reply(say=self._confirm_help(pending))
        if name == "where":
            return answered, Reply(say=(self._where(back), self._question(pending)))
        if name in ("slower", "faster", "louder", "softer", "normal"):
            new, reply = self._setting(answered, name)
            return new, _with(reply, (), say=(self._question(pending),))
        if name == "quit" and pending.name == "quit":
            return answered, Reply(say=(self._question(pending),))
        if name in ("previous", "quit", "pause"):
            return self._intent_after_cancel(back, intent)
        return self._escalate(state, "nomatch", intent.heard or self._label(intent))

    def _intent_after_cancel(self, state: State, intent: Intent) -> tuple[State, Reply]:
        """The question is dropped and the command acts in the mode the question came from."""
        if state.mode == MENU:
            return self._in_menu(state, intent)
        return self._in_step(state, intent)

    def _common(self, state: State, intent: Intent) -> tuple[State, Reply]:
        """Commands that behave the same in the step and in the menu."""
        name = intent.name
        if name == "menu":
            return self._menu(state)
        if name == "pause":
            return self._pause(state)
        if name in ("slower", "faster", "louder", "softer", "normal"):
            return self._setting(state, name)
        if name == "restart":
            if intent.confidence < self.settings.confirm_threshold:
                return self._ask(state, intent)
            return self._restart(state)
        if name == "quit":
            return self._ask(state, Intent("quit", label=self._commands["quit"].label))
        return self._nomatch(state, intent.heard or name)  # unreachable while every command is handled above

    # ------------------------------------------------------------- actions

    def _enter(self, state: State, target: str, push: bool, prefix: tuple[str, ...] = ()) -> tuple[State, Reply]:
        """Go to a step: its narration, then what can be said there."""
        history = state.history
        if push and target != state.step:
            history = (history + (state.step,))[-HISTORY_LIMIT:]
        step = self.guide.step(target)
        narration = self._narration(step)
        new = replace(state, step=target, history=history, mode=STEP, pending=None, back_mode=STEP,
                      last_prompt=narration)
        event = {"event": "step", "step": target, "text": " ".join(narration)}
        return new, Reply(say=prefix + narration, events=(event,))

    def _next(self, state: State) -> tuple[State, Reply]:
        step = self._step(state)
        if step.next:
            return self._enter(state, step.next, push=True)
        if step.choices:
            return state, Reply(say=(f"Ici, il faut choisir : dites {self._choice_list(step.choices)}.",))
        if step.end:
            return state, Reply(say=(self._end_reminder(),))
        return state, Reply(say=("Il n'y a pas d'étape suivante ici.", self._reminder(state)))

    def _previous(self, state: State) -> tuple[State, Reply]:
        if not state.history:
            if state.step == self.guide.start:
                said = "Vous êtes au début du guide : il n'y a pas d'étape précédente."
            else:
                said = "Il n'y a pas d'étape précédente."
            return state, Reply(say=(said, self._reminder(state)))
        back = replace(state, history=state.history[:-1])
        return self._enter(back, state.history[-1], push=False)

    def _goto(self, state: State, intent: Intent) -> tuple[State, Reply]:
        target = intent.target or state.step
        changes_branch = target not in (self._step(state).next, state.step)
        if changes_branch and intent.confidence < self.settings.confirm_threshold:
            return self._ask(state, intent)
        return self._enter(state, target, push=True)

    def _restart(self, state: State) -> tuple[State, Reply]:
        return self._enter(replace(state, history=()), self.guide.start, push=False,
                           prefix=("On recommence depuis le début.",))

    def _ask(self, state: State, intent: Intent) -> tuple[State, Reply]:
        """Hold ``intent`` until the user says yes or no."""
        pending = replace(intent, label=self._label(intent))
        new = replace(state, mode=CONFIRM, pending=pending, back_mode=self._home_mode(state))
        event: dict = {"event": "confirm", "name": pending.name, "label": pending.label}
        if pending.name == "goto":
            event["target"] = pending.target
        return new, Reply(say=(self._question(pending),), events=(event,))

    def _execute(self, state: State, pending: Intent) -> tuple[State, Reply]:
        """Carry out a confirmed intent (``state`` is already back in the mode it came from)."""
        if pending.name == "quit":
            ended = replace(state, mode=ENDED)
            return ended, Reply(say=("Au revoir, et à bientôt.",), events=({"event": "end", "reason": "quit"},),
                                done=True)
        if pending.name == "restart":
            return self._restart(state)
        return self._enter(state, pending.target or state.step, push=True)

    def _details(self, state: State) -> tuple[State, Reply]:
        step = self._step(state)
        if not step.details:
            return state, Reply(say=("Il n'y a pas d'autre détail pour cette étape.", self._reminder(state)))
        said = (_clean(step.details), self._reminder(state))
        return replace(state, last_prompt=said), Reply(say=said)

    def _help(self, state: State) -> tuple[State, Reply]:
        return state, Reply(say=self._step_help(state, full=state.help_count >= 2))

    def _menu(self, state: State) -> tuple[State, Reply]:
        if not self._parts:
            return state, Reply(say=("Ce guide n'a pas de sommaire.", self._reminder(state)))
        return replace(state, mode=MENU), Reply(say=self._menu_listing())

    def _pause(self, state: State) -> tuple[State, Reply]:
        new = replace(state, mode=PAUSED, back_mode=self._home_mode(state), pending=None)
        resume = self._commands["resume"].label
        return new, Reply(say=(f"Je fais une pause. Dites « {resume} » ou appuyez sur une touche.",))

    def _resume_reply(self, state: State) -> Reply:
        """Back from a pause: say again what was being said (``state`` is already out of the pause)."""
        if state.mode == MENU:
            return Reply(say=("On reprend.",) + self._menu_listing())
        return Reply(say=("On reprend.",) + (state.last_prompt or self._narration(self._step(state))))

    def _setting(self, state: State, name: str) -> tuple[State, Reply]:
        """Move the speech rate or volume one level; the reply is spoken at the new level."""
        if name == "normal":
            if state.rate_level == 0 and state.volume_level == 0:
                return state, Reply(say=("La voix est déjà au réglage normal.",))
            changed = tuple(
                {"event": "setting", "name": kind, "level": 0}
                for kind, level in (("rate", state.rate_level), ("volume", state.volume_level))
                if level != 0
            )
            return replace(state, rate_level=0, volume_level=0), Reply(say=("Comme ceci ?",), events=changed)
        kind, delta, low, high, at_bound = _SETTINGS[name]
        current = state.rate_level if kind == "rate" else state.volume_level
        level = max(low, min(high, current + delta))
        if level == current:
            return state, Reply(say=(at_bound,))
        new = replace(state, rate_level=level) if kind == "rate" else replace(state, volume_level=level)
        return new, Reply(say=("Comme ceci ?",), events=({"event": "setting", "name": kind, "level": level},))

    def _inputs_changed(self, state: State, event: InputsChanged) -> tuple[State, Reply]:
        """The microphone is gone: say how to go on, in the way that works now."""
        if Modality.KEYS in event.modality:
            said = KEYBOARD_FALLBACK
        else:
            said = TEXT_FALLBACK
        logged = {"event": "input", "reason": event.reason.value,
                  "modality": "keys" if Modality.KEYS in event.modality else "words"}
        return replace(state, modality=event.modality), Reply(say=(said,), events=(logged,))

    # ------------------------------------------------ silence, not understood

    def _noinput(self, state: State) -> tuple[State, Reply]:
        if state.mode == PAUSED:
            return state, Reply()  # a pause is a resting state: silence is expected there
        return self._escalate(state, "noinput", "")

    def _nomatch(self, state: State, heard: str) -> tuple[State, Reply]:
        if state.mode == PAUSED:
            back = replace(state, mode=state.back_mode, noinput_count=0, nomatch_count=0, help_count=0)
            event = {"event": "command", "name": "resume", "heard": heard}
            return back, _with(self._resume_reply(back), (event,))
        return self._escalate(state, "nomatch", heard)

    def _escalate(self, state: State, kind: str, heard: str) -> tuple[State, Reply]:
        """Tapered prompts: short re-prompt, then full help, then a pause (VoiceXML's event counts)."""
        if kind == "noinput":
            count = state.noinput_count + 1
            state = replace(state, noinput_count=count, help_count=0)
            event: dict = {"event": "noinput", "count": count}
            opening, earcon = "Je vous écoute.", None
        else:
            count = state.nomatch_count + 1
            state = replace(state, nomatch_count=count, help_count=0)
            event = {"event": "nomatch", "heard": heard, "count": count}
            opening, earcon = NOT_UNDERSTOOD, "nomatch"
        level = min(count, self.settings.max_escalation)
        if level == self.settings.max_escalation:
            paused = replace(state, mode=PAUSED, back_mode=self._home_mode(state), pending=None)
            say = (PAUSE_AFTER_SILENCE,) if kind == "noinput" else (NOT_UNDERSTOOD, PAUSE_AFTER_SILENCE)
            return paused, Reply(say=say, events=(event,), earcon=earcon)
        if level == 1:
            say = (opening, self._short_prompt(state))
        else:
            say = ((NOT_UNDERSTOOD,) if kind == "nomatch" else ()) + self._context_help(state)
        return state, Reply(say=say, events=(event,), earcon=earcon)

    # ------------------------------------------------------------ phrasing

    def _narration(self, step: Step) -> tuple[str, ...]:
        return (_clean(step.say), self._step_reminder(step))

    def _step_reminder(self, step: Step) -> str:
        """Said after each narration: what can be said on this step."""
        help_ = self._quoted("help")
        if step.choices and step.next:
            return (f"Dites {self._choice_list(step.choices)}, ou {self._quoted('next')} pour continuer. "
                    f"Ou dites {help_}.")
        if step.choices:
            return f"Dites {self._choice_list(step.choices)}. Ou dites {help_}."
        if step.next:
            return f"Dites {self._quoted('next')} pour continuer."
        if step.end:
            return self._end_reminder()
        return f"Dites {self._quoted('previous')} pour revenir en arrière, ou {help_}."

    def _end_reminder(self) -> str:
        return f"C'est la fin du guide. Dites {self._quoted('restart')} ou {self._quoted('quit')}."

    def _reminder(self, state: State) -> str:
        """What can be said now, in the mode ``state`` is in."""
        if state.mode == MENU:
            return self._menu_reminder()
        if state.mode == CONFIRM and state.pending is not None:
            return self._question(state.pending)
        return self._step_reminder(self._step(state))

    def _short_prompt(self, state: State) -> str:
        """The first re-prompt after a silence or a misunderstanding: the options, then "aide"."""
        help_ = self._quoted("help")
        if state.mode == CONFIRM and state.pending is not None:
            return self._question(state.pending)
        if state.mode == MENU:
            return f"Dites le nom d'une partie ou son numéro, ou {help_}."
        step = self._step(state)
        next_ = f"{self._quoted('next')} pour continuer"
        if step.choices and step.next:
            return f"Dites {self._choice_list(step.choices)}, {next_}, ou {help_}."
        if step.choices:
            return f"Dites {self._choice_list(step.choices)}, ou {help_}."
        if step.next:
            return f"Dites {next_}, ou {help_}."
        if step.end:
            return f"Dites {self._quoted('restart')} ou {self._quoted('quit')}, ou {help_}."
        return f"Dites {self._quoted('previous')} ou {help_}."

    def _context_help(self, state: State) -> tuple[str, ...]:
        if state.mode == MENU:
            return self._menu_help()
        if state.mode == CONFIRM and state.pending is not None:
            return self._confirm_help(state.pending)
        return self._step_help(state, full=False)

    def _step_help(self, state: State, full: bool) -> tuple[str, ...]:
        """The choices first, then the commands with their keys; the most useful first."""
        step = self._step(state)
        say: list[str] = []
        if step.choices:
            keyed = " ; ".join(
                f"« {c.label} »" + (f", touche {i}" if i <= MAX_KEYED else "") for i, c in enumerate(step.choices, 1)
            )
            say.append(f"Pour choisir : {keyed}.")
        if full:
            names = [n for n in FULL_HELP if n != "menu" or self._parts]
        else:
            names = []
            if step.next:
                names.append("next")
            elif step.end and not step.choices:
                names.append("restart")
            if state.history:
                names.append("previous")
            names.append("repeat")
            if step.details:
                names.append("details")
            if self._parts:
                names.append("menu")
            names.append("quit")
        say.extend(self._command_line(name) for name in names)
        if not full:
            say.append(f"Pour entendre toutes les commandes, redites {self._quoted('help')}.")
        return tuple(say)

    def _command_line(self, name: str) -> str:
        spec = self._commands[name]
        line = f"Dites « {spec.label} » pour {spec.help}"
        if spec.keys:
            line += ", touche " + or_list([key_label(k) for k in spec.keys])
        return line + "."

    def _menu_lines(self) -> tuple[str, ...]:
        """Parts 1 to 9 with their key; the others (no key for them) by name only."""
        lines = tuple(f"{i} : {part.label}." for i, part in enumerate(self._parts[:MAX_KEYED], 1))
        rest = [part.label for part in self._parts[MAX_KEYED:]]
        if rest:
            lines += ("Et aussi : " + or_list(rest, "et") + ".",)
        return lines

    def _menu_back(self) -> str:
        return f"Pour revenir à l'étape en cours, dites {self._quoted('next')}."

    def _menu_listing(self) -> tuple[str, ...]:
        return ("Sommaire. Dites le nom d'une partie, ou appuyez sur son numéro.",) + self._menu_lines() + (
            self._menu_back(),
        )

    def _menu_reminder(self) -> str:
        return f"Dites le nom d'une partie, ou appuyez sur son numéro. {self._menu_back()}"

    def _menu_help(self) -> tuple[str, ...]:
        return (
            ("Vous êtes dans le sommaire. Dites le nom d'une partie, ou appuyez sur son numéro :",)
            + self._menu_lines()
            + (self._menu_back(), f"Pour quitter le guide, dites {self._quoted('quit')}.")
        )

    def _question(self, pending: Intent) -> str:
        answer = f"Dites {self._commands['yes'].label} ou {self._commands['no'].label}."
        if pending.name == "quit":
            return f"Voulez-vous vraiment quitter le guide ? {answer}"
        if pending.name == RESUME_AT:
            return f"Voulez-vous reprendre où vous en étiez ? {answer}"
        return f"Vous avez dit « {pending.label} » ? {answer}"

    def _confirm_help(self, pending: Intent) -> tuple[str, ...]:
        yes, no = self._commands["yes"], self._commands["no"]
        keys = ""
        if yes.keys and no.keys:
            keys = (f", ou appuyez sur {key_label(yes.keys[0])} pour {yes.label}, "
                    f"{key_label(no.keys[0])} pour {no.label}")
        say = (f"J'attends votre réponse : dites « {yes.label} » ou « {no.label} »{keys}.",
               self._question(pending))
        if pending.name != "quit":
            say += (f"Vous pouvez aussi dire {self._quoted('previous')} pour revenir en arrière, "
                    f"ou {self._quoted('quit')}.",)
        return say

    def _where(self, state: State) -> str:
        position = f"l'étape {self.guide.position(state.step)} sur {len(self.guide.steps)}"
        title = _sentence(_clean(self._step(state).title))
        if state.mode == MENU:
            return f"Vous êtes dans le sommaire ; l'étape en cours est {position} : {title}"
        return f"Vous êtes à {position} : {title}"

    def _choice_list(self, choices: tuple[Choice, ...]) -> str:
        return or_list([f"« {c.label} »" for c in choices])

    def _quoted(self, name: str) -> str:
        return f"« {self._commands[name].label} »"

    def _label(self, intent: Intent) -> str:
        """How "Vous avez dit « ... » ?" names an intent."""
        if intent.label:
            return intent.label
        if intent.name == "goto" and intent.target and self._exists(intent.target):
            return self.guide.step(intent.target).title
        return self._commands[intent.name].label if intent.name in self._commands else intent.name

    # ------------------------------------------------------------- helpers

    def _step(self, state: State) -> Step:
        return self.guide.step(state.step)

    def _exists(self, step_id: str) -> bool:
        return step_id in self._step_ids

    @staticmethod
    def _home_mode(state: State) -> str:
        """The mode a question or a pause returns to: the menu or the step."""
        if state.mode in (CONFIRM, PAUSED):
            return state.back_mode
        return MENU if state.mode == MENU else STEP


_RATE = (levels.MIN_RATE_LEVEL, levels.MAX_RATE_LEVEL)
_VOLUME = (levels.MIN_VOLUME_LEVEL, levels.MAX_VOLUME_LEVEL)
# command: (setting, step, lowest, highest, what is said at the bound)
_SETTINGS = {
    "slower": ("rate", -1, *_RATE, "C'est déjà la vitesse la plus lente."),
    "faster": ("rate", 1, *_RATE, "C'est déjà la vitesse la plus rapide."),
    "softer": ("volume", -1, *_VOLUME, "C'est déjà le volume le plus faible."),
    "louder": ("volume", 1, *_VOLUME, "C'est déjà le volume le plus fort."),
}


def _command_event(intent: Intent) -> dict:
    event = {"event": "command", "name": intent.name}
    if intent.name == "goto":
        event["target"] = intent.target
    return event


def _with(reply: Reply, events: tuple[dict, ...], say: tuple[str, ...] = ()) -> Reply:
    """``reply`` with ``events`` logged first and ``say`` spoken after."""
    return replace(reply, events=events + reply.events, say=reply.say + say)


def _clean(text: str) -> str:
    """YAML folded text keeps line breaks and trailing spaces; the ear needs neither."""
    return " ".join(text.split())


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def or_list(items: list[str], last: str = "ou") -> str:
    """« a », « b » ou « c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def key_label(key: str) -> str:
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    return key.upper() if len(key) == 1 and key.isalpha() else key
