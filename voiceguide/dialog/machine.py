"""The dialog: a pure state machine, (state, event) -> (new state, reply).

Everything the guide says in answer to the person is decided here and nothing
else happens here: no I/O, no clock, no randomness. The session feeds events
(intents, silences, misunderstandings, a change of input) and speaks what
comes back, so every turn of the conversation can be tested in microseconds.
What is said is worded by ``wording.Phrasing`` for the way the person answers
(words, keys or both); this module holds the rules only.

Modes of a ``State``:
- ``STEP``: a step was read. An *action* step (type, click, wait for a page)
  then waits quietly for a long time, says one short sentence, and waits
  again; a *question* step (a choice, yes/no) re-prompts after a short
  silence, then gives the options, then pauses.
- ``MENU``: the parts of the guide (« sommaire ») were listed; a part's name
  or number goes there; « suivant », « précédent » or « reprendre » go back.
- ``CONFIRM``: a yes/no answer is awaited (quitting, restarting, resuming,
  a low-confidence change of branch, « Voulez-vous dire … ? » when the
  matcher was unsure, or « Comme ceci ? » after a change of the voice — that
  last one is a light question: any other command just acts).
- ``PAUSED``: the guide waits, silent, for as long as it takes; anything heard
  or pressed resumes.
- ``ENDED``: the person left; every event answers ``done``.

« répéter » says the step's instruction again (never the details heard
since). Only entering a step logs a ``step`` event; every intent logs one
``command`` event (a ``goto`` with its ``target``), before the events it causes.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace

from voiceguide import speech_levels as levels
from voiceguide.dialog.intent import (
    BROWSE,
    GOTO,
    Event,
    InputsChanged,
    Intent,
    Modality,
    NoInput,
    Options,
    Unsure,
)
from voiceguide.dialog.wording import Line, Phrasing, Wording
from voiceguide.errors import UserError
from voiceguide.guide import Choice, Guide, Step
from voiceguide.language.vocabulary import COMMAND_NAMES, Command, Vocabulary


class Mode(enum.Enum):
    STEP = "step"
    MENU = "menu"
    CONFIRM = "confirm"
    PAUSED = "paused"
    ENDED = "ended"


HISTORY_LIMIT = 200  # older steps are forgotten; « précédent » this far back is never needed
RESUME_AT = "resume-at"  # the pending intent of the question asked at start when progress was saved
SCREEN_READER = "screen-reader"  # the question asked first when a screen reader is running and nothing was chosen
SETTING = "setting"      # the pending intent of « Comme ceci ? »: a light question

_VOICE = frozenset({Command.SLOWER, Command.FASTER, Command.LOUDER, Command.SOFTER, Command.NORMAL})
# Going on with the guide, said at a question: the answer it means (« on continue » at « quitter ? »: no)
_GOING_ON = {Command.QUIT: Command.NO, Command.RESTART: Command.NO, RESUME_AT: Command.YES}
# command: (setting, step, lowest, highest)
_LEVELS = {
    Command.SLOWER: ("rate", -1, levels.MIN_RATE_LEVEL, levels.MAX_RATE_LEVEL),
    Command.FASTER: ("rate", 1, levels.MIN_RATE_LEVEL, levels.MAX_RATE_LEVEL),
    Command.SOFTER: ("volume", -1, levels.MIN_VOLUME_LEVEL, levels.MAX_VOLUME_LEVEL),
    Command.LOUDER: ("volume", 1, levels.MIN_VOLUME_LEVEL, levels.MAX_VOLUME_LEVEL),
}


@dataclass(frozen=True)
class Reply:
    """What the session must do after an event.

    ``say``: sentences (``wording.Line``), spoken and printed in order.
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
    """Tunable behaviour (shared/notes/voice-ux.md; DESIGN.md « Two kinds of steps »)."""

    noinput_timeout: float = 9.0        # seconds of silence before a re-prompt at a question
    action_wait: float = 90.0           # seconds left to the person to act on the website before one reminder
    confirm_threshold: float = 0.6      # a change of branch below this confidence is confirmed by yes/no
    final_yes_threshold: float = 0.75   # a yes that ends the guide or erases the place: no words left unexplained
    max_escalation: int = 3             # re-prompt, then the options, then a pause
    sees_screen: bool = False           # the person sees the screen a little: positions are said too

    def __post_init__(self) -> None:
        if not self.noinput_timeout > 0 or not self.action_wait > 0:
            raise UserError("Le délai de silence doit être un nombre de secondes supérieur à zéro.")
        if not (0.0 <= self.confirm_threshold <= 1.0 and 0.0 <= self.final_yes_threshold <= 1.0):
            raise UserError("Le seuil de confirmation doit être compris entre 0 et 1.")
        if self.max_escalation < 1:
            raise UserError("Le nombre de relances doit être au moins 1.")


@dataclass(frozen=True)
class State:
    """Where the conversation is; immutable, so a test can keep and replay any state."""

    step: str
    history: tuple[str, ...] = ()        # steps entered before, most recent last (« précédent » pops it)
    mode: Mode = Mode.STEP
    rate_level: int = 0                  # read by the session to configure the narrator
    volume_level: int = 0
    noinput_count: int = 0               # silences in a row
    nomatch_count: int = 0               # misunderstandings in a row
    help_count: int = 0                  # « aide » in a row: the second lists every command
    pending: Intent | None = None        # what « oui » would do, in confirm mode
    back_mode: Mode = Mode.STEP          # where confirm and paused return: step or menu
    modality: Modality = Modality.WORDS  # how the person answers now: prompts name words, keys or both
    cursor: int | None = None            # the option last read with the arrow keys (Entrée picks it)
    unsure: tuple[Intent, ...] = ()      # the meanings asked about by « Voulez-vous dire … ? » (pending first)
    saved: str | None = None             # the step kept from last time, until a step is entered: leaving keeps it


class Dialog:
    """The conversation rules for one guide and one command vocabulary."""

    def __init__(self, guide: Guide, vocabulary: Vocabulary, settings: DialogSettings | None = None) -> None:
        self.guide = guide
        self.settings = settings or DialogSettings()
        self._step_ids = frozenset(s.id for s in guide.steps)
        known = {spec.name for spec in vocabulary.commands}
        for name in COMMAND_NAMES:
            if name not in known:
                raise UserError(f"Le vocabulaire ne définit pas la commande « {name} » : complétez-le.")
        self.wording = Wording(vocabulary)
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
        state = State(step=target, modality=modality)
        words = self._words(state)
        if target != self.guide.start:
            prefix = (words.resumed_at(self.guide.position(target), len(self.guide.steps)),)
            return self._enter(state, target, push=False, prefix=prefix)
        state, reply = self._enter(state, target, push=False)
        return state, replace(reply, say=(*reply.say, words.how_to_get_help()))

    def offer_resume(self, step: str, modality: Modality = Modality.WORDS) -> tuple[State, Reply]:
        """The welcome when progress was saved: ask whether to go on at ``step``, yes or no.

        Yes enters ``step``; no starts the guide from the beginning.
        """
        if not self._exists(step) or step == self.guide.start:
            return self.start(modality=modality)
        title = self.guide.step(step).title
        pending = Intent(name=RESUME_AT, target=step, label=title)
        # Stand just before ``step`` on the way from the start, so that « oui »
        # enters it with a history that « précédent » can walk back.
        way = self.guide.path_to(step)
        state = State(step=way[-2], history=way[:-2], mode=Mode.CONFIRM, pending=pending, modality=modality,
                      saved=step)
        words = self._words(state)
        event = {"event": "confirm", "name": RESUME_AT, "target": step, "label": title}
        said = words.last_time(self.guide.position(step), len(self.guide.steps), title) + (words.question_resume(),)
        return state, Reply(say=said, events=(event,))

    def offer_screen_reader(self, reader: str, resume: str | None = None,
                            modality: Modality = Modality.WORDS) -> tuple[State, Reply]:
        """Before the welcome, when ``reader`` (« Orca ») is running and nothing was chosen yet: should the
        guide only print, and leave the speaking to the person's screen reader? Yes or no.

        The answer is logged as a ``setting`` event (``screen-reader``, ``value``); then the guide starts,
        or asks whether to resume at ``resume``.
        """
        pending = Intent(name=SCREEN_READER, target=resume, label=reader)
        state = State(step=self.guide.start, mode=Mode.CONFIRM, pending=pending, modality=modality, saved=resume)
        event = {"event": "confirm", "name": SCREEN_READER, "label": reader}
        return state, Reply(say=(self._question(state, pending),), events=(event,))

    def recording(self, step_id: str, tracks: Mapping[str, int]) -> tuple[str, ...]:
        """What a step says in a recording for a phone or an MP3 player: its narration, then
        where to go, as track numbers (``tracks`` maps step ids to them). Nobody can answer there."""
        step = self.guide.step(step_id)
        words = self.wording.for_(Modality.NONE)
        return (words.narration(step, self.settings.sees_screen), words.reminder(step, tracks))

    def options(self, state: State) -> Options:
        """What can be said now besides the universal commands (for the matcher and the grammar)."""
        paused = state.mode == Mode.PAUSED
        mode = state.back_mode if paused else state.mode
        if mode == Mode.MENU:
            return Options(choices=self._parts, cursor=state.cursor, paused=paused)
        if mode == Mode.CONFIRM:
            asked = tuple(Choice(c.label, (c.label,), c.target or "") for c in state.unsure if c.name == GOTO)
            return Options(choices=asked, yes_no=True)
        if mode == Mode.ENDED:
            return Options()
        step = self._step(state)
        return Options(choices=step.choices, yes_no=bool(step.if_yes or step.if_no), cursor=state.cursor,
                       paused=paused, step=step.id)

    def noinput_timeout(self, state: State) -> float | None:
        """Seconds of silence before a ``NoInput`` event in ``state``; None: wait as long as it takes.

        An action step leaves the person a long time to work on the website,
        says one short sentence, and then waits for ever; a question re-prompts
        after a short silence until the guide pauses.
        """
        if state.mode in (Mode.PAUSED, Mode.ENDED):
            return None
        if state.mode == Mode.STEP and not self._step(state).is_question:
            return self.settings.action_wait if state.noinput_count == 0 else None
        return self.settings.noinput_timeout

    def handle(self, state: State, event: Event) -> tuple[State, Reply]:
        """The next state and what to say: pure, so the same input always gives the same answer."""
        if state.mode == Mode.ENDED:
            return state, Reply(done=True)
        if isinstance(event, InputsChanged):
            return self._inputs_changed(state, event)
        if not (isinstance(event, Intent) and event.name == BROWSE):
            state = replace(state, cursor=None)
        if isinstance(event, Intent):
            return self._intent(state, event)
        if isinstance(event, Unsure):
            return self._unsure(state, event)
        if isinstance(event, NoInput):
            return self._noinput(state)
        if event.typing:   # keys meant for the website: say where they went, no misunderstanding to count
            logged = {"event": "nomatch", "heard": "", "count": 0, "typing": True}   # count: not a misunderstanding
            return state, Reply(say=(self._words(state).typed_here(),), events=(logged,))
        return self._nomatch(state, event.heard)

    # ------------------------------------------------------------ dispatch

    def _intent(self, state: State, intent: Intent) -> tuple[State, Reply]:
        if intent.name not in COMMAND_NAMES and intent.name not in (GOTO, BROWSE):
            return self._nomatch(state, intent.heard or intent.name)
        if intent.name == GOTO and not (intent.target and self._exists(intent.target)):
            return self._nomatch(state, intent.heard or intent.label)
        logged = (_command_event(intent),)
        state = replace(state, help_count=state.help_count + 1 if intent.name == Command.HELP else 0)
        if state.mode == Mode.PAUSED:
            state = replace(state, mode=state.back_mode, noinput_count=0, nomatch_count=0)
            if intent.name == Command.RESUME:
                new, reply = self._back_from_pause(state)
                return new, _with(reply, logged)
        if state.mode == Mode.CONFIRM:
            new, reply = self._in_confirm(state, intent)
            return new, _with(reply, logged)
        state = replace(state, noinput_count=0, nomatch_count=0)
        if state.mode == Mode.MENU:
            new, reply = self._in_menu(state, intent)
        else:
            new, reply = self._in_step(state, intent)
        return new, _with(reply, logged)

    def _unsure(self, state: State, event: Unsure) -> tuple[State, Reply]:
        """Understood, but not surely enough to act: ask « Voulez-vous dire … ? » instead."""
        candidates = tuple(c for c in event.candidates if self._can_act(state, c))
        if state.mode == Mode.CONFIRM or not candidates:
            return self._escalate(state, "nomatch", event.heard)
        if state.mode == Mode.PAUSED and candidates[0].name == Command.RESUME:
            return self._intent(state, candidates[0])   # anything heard resumes: « reprendre ? » would ask for nothing
        if state.mode == Mode.PAUSED:
            state = replace(state, mode=state.back_mode)
        state = replace(state, noinput_count=0, nomatch_count=0, help_count=0)
        first = candidates[0]
        if len(candidates) == 1 and first.name in (Command.QUIT, Command.RESTART) and not (
                state.mode == Mode.STEP and self._step(state).end):
            return self._intent(state, first)   # these ask first, in their own words (at the end they act: asked here)
        asked = tuple(replace(c, label=self._label(c)) for c in candidates)
        new = replace(state, mode=Mode.CONFIRM, pending=asked[0], unsure=asked, back_mode=self._home_mode(state))
        event_: dict = {"event": "confirm", "name": str(asked[0].name), "label": asked[0].label, "unsure": True,
                        "heard": event.heard}
        if asked[0].name == GOTO:
            event_["target"] = asked[0].target
        return new, Reply(say=(self._question(new, asked[0]),), events=(event_,))

    def _can_act(self, state: State, intent: Intent) -> bool:
        """An intent worth asking about here: a known command, a real step; « oui » only at a question."""
        if intent.name == GOTO:
            return bool(intent.target and self._exists(intent.target))
        if intent.name in (Command.YES, Command.NO):
            mode = state.back_mode if state.mode == Mode.PAUSED else state.mode
            return mode == Mode.STEP and bool(self._step(state).if_yes or self._step(state).if_no)
        return intent.name in COMMAND_NAMES

    def _in_step(self, state: State, intent: Intent) -> tuple[State, Reply]:
        name, step, words = intent.name, self._step(state), self._words(state)
        if name == GOTO:
            return self._goto(state, intent)
        if name == BROWSE:
            return self._browse(state, intent, step.choices)
        if name == Command.NEXT:
            return self._next(state)
        if name == Command.PREVIOUS:
            return self._previous(state)
        if name in (Command.REPEAT, Command.RESUME):
            return state, Reply(say=self._narration(state, step))
        if name == Command.HELP:
            return self._help(state)
        if name == Command.DETAILS:
            return self._details(state)
        if name == Command.WHERE:
            return state, Reply(say=(self._where(state),))
        if name in (Command.YES, Command.NO):
            target = step.if_yes if name == Command.YES else step.if_no
            if target and self._exists(target):
                return self._enter(state, target, push=True)
            return state, Reply(say=(words.nothing_to_confirm(), words.reminder(step)))
        return self._common(state, intent)

    def _in_menu(self, state: State, intent: Intent) -> tuple[State, Reply]:
        name, words = intent.name, self._words(state)
        if name in (Command.NEXT, Command.PREVIOUS, Command.RESUME):
            back = replace(state, mode=Mode.STEP)
            return back, Reply(say=self._narration(back, self._step(back)))
        if name == Command.DETAILS:
            return self._details(replace(state, mode=Mode.STEP))
        if name in (Command.REPEAT, Command.MENU):
            return state, Reply(say=words.menu_listing(self._parts))
        if name == Command.HELP:
            return state, Reply(say=(words.menu_intro(), words.menu_reminder(len(self._parts))))
        if name == Command.WHERE:
            return state, Reply(say=(self._where(state), words.menu_reminder(len(self._parts))))
        if name in (Command.YES, Command.NO):
            return state, Reply(say=(words.nothing_to_confirm(), words.menu_reminder(len(self._parts))))
        if name == GOTO:
            return self._goto(state, intent)
        if name == BROWSE:
            return self._browse(state, intent, self._parts)
        return self._common(state, intent)

    def _in_confirm(self, state: State, intent: Intent) -> tuple[State, Reply]:
        name, words = intent.name, self._words(state)
        pending = state.pending
        back = replace(state, mode=state.back_mode, pending=None, unsure=(), noinput_count=0, nomatch_count=0)
        if pending is not None and pending.name == SETTING:
            return self._after_setting(state, back, intent)
        if pending is not None and pending.name == SCREEN_READER and name in (Command.YES, Command.NO):
            chosen = {"event": "setting", "name": SCREEN_READER, "value": name == Command.YES}
            new, reply = (self.offer_resume(pending.target, modality=state.modality) if pending.target
                          else self.start(modality=state.modality))
            new = replace(new, rate_level=state.rate_level, volume_level=state.volume_level)
            said = words.screen_reader_chosen(name == Command.YES, pending.label or "")
            return new, replace(reply, say=(said, *reply.say), events=(chosen, *reply.events))
        if name == Command.NEXT and pending is not None and pending.name in _GOING_ON:
            name = _GOING_ON[pending.name]   # « je veux continuer » at « Voulez-vous vraiment quitter ? »: no
        meant = next((c for c in state.unsure if (c.name, c.target) == (name, intent.target)), None)
        if meant is not None:     # « Voulez-vous dire « suivant » ou « précédent » ? » — « précédent »
            return self._execute(back, meant)
        if name == Command.YES and len(state.unsure) > 1:
            asked = replace(state, noinput_count=0, nomatch_count=0)
            return asked, Reply(say=(words.which_one([c.label for c in state.unsure]),))
        if (name == Command.YES and pending is not None and pending.name in (Command.QUIT, Command.RESTART)
                and intent.confidence < self.settings.final_yes_threshold):
            # « oui j'arrive », said to someone in the room: a yes with words it does not explain asks again
            return self._escalate(state, "nomatch", intent.heard or self._label(intent), checking=True)
        if name == Command.YES and pending is not None:
            return self._execute(back, pending)
        if name == Command.NO and pending is not None and pending.name == RESUME_AT:
            return self._enter(replace(back, history=()), self.guide.start, push=False,
                               prefix=(words.ack_from_start(),))
        if name == Command.NO and pending is not None and pending.name == Command.QUIT and state.saved:
            new, _ = self._resume_question_again(state, state.saved)   # the question quit interrupted
            return new, Reply(say=(words.ack_continue(), words.question_resume()))
        if name == Command.NO or pending is None:
            ack = words.ack_continue() if pending is None or pending.name == Command.QUIT else words.ack()
            return back, Reply(say=(ack, self._reminder(back)))
        answered = replace(state, noinput_count=0, nomatch_count=0)
        if name in (Command.REPEAT, Command.RESUME):
            return answered, Reply(say=(self._question(answered, pending),))
        if name == Command.HELP:
            return answered, Reply(say=self._confirm_help(answered, pending))
        if name == Command.WHERE:
            return answered, Reply(say=(self._where(back), self._question(answered, pending)))
        if name in _VOICE:
            new, reply = self._setting(answered, Command(name), ask=False)
            return new, _with(reply, (), say=(self._question(new, pending),))
        if name == Command.QUIT and pending.name == Command.QUIT:   # « quitter » again, « au revoir »: that is a yes
            return self._execute(back, pending)
        if name in (Command.PREVIOUS, Command.QUIT, Command.PAUSE) or state.unsure:
            # « Voulez-vous dire « précédent » ? » — « le sommaire »: another request, understood surely, instead
            return self._intent_after_cancel(back, intent)
        return self._escalate(state, "nomatch", intent.heard or self._label(intent))

    def _after_setting(self, state: State, back: State, intent: Intent) -> tuple[State, Reply]:
        """« Comme ceci ? »: oui keeps, non tells how to change again, another change asks again,
        anything else leaves the question and acts."""
        words = self._words(state)
        if intent.name == Command.YES:
            return back, Reply(say=(words.setting_kept(),))
        if intent.name == Command.NO:
            return back, Reply(say=(words.setting_how(),))
        if intent.name in _VOICE:
            return self._setting(back, Command(intent.name))
        return self._intent_after_cancel(back, intent)

    def _intent_after_cancel(self, state: State, intent: Intent) -> tuple[State, Reply]:
        """The question is dropped and the command acts in the mode the question came from."""
        if state.mode == Mode.MENU:
            return self._in_menu(state, intent)
        return self._in_step(state, intent)

    def _common(self, state: State, intent: Intent) -> tuple[State, Reply]:
        """Commands that behave the same in the step and in the menu."""
        name = intent.name
        at_end = state.mode == Mode.STEP and self._step(state).end
        if name == Command.MENU:
            return self._menu(state)
        if name == Command.PAUSE:
            return self._pause(state)
        if name in _VOICE:
            return self._setting(state, Command(name))
        if name == Command.RESTART:
            if at_end:     # nothing left to lose: the place is no longer kept at the end
                return self._restart(state)
            return self._ask(state, Intent(Command.RESTART, label=self._words(state).label(Command.RESTART)))
        if name == Command.QUIT:
            if at_end:
                return self._execute(state, Intent(Command.QUIT))
            return self._ask(state, Intent(Command.QUIT, label=self._words(state).label(Command.QUIT)))
        return self._nomatch(state, intent.heard or name)  # unreachable while every command is handled above

    # ------------------------------------------------------------- actions

    def _enter(self, state: State, target: str, push: bool, prefix: tuple[str, ...] = ()) -> tuple[State, Reply]:
        """Go to a step: its narration, then how to go on from there."""
        history = state.history
        if push and target != state.step:
            history = (history + (state.step,))[-HISTORY_LIMIT:]
        new = replace(state, step=target, history=history, mode=Mode.STEP, pending=None, back_mode=Mode.STEP,
                      noinput_count=0, nomatch_count=0, saved=None)
        narration = self._narration(new, self.guide.step(target))
        event = {"event": "step", "step": target, "text": " ".join(narration)}
        return new, Reply(say=prefix + narration, events=(event,))

    def _next(self, state: State) -> tuple[State, Reply]:
        step, words = self._step(state), self._words(state)
        if step.next:
            return self._enter(state, step.next, push=True)
        if step.choices or step.if_yes or step.if_no:
            return state, Reply(say=words.must_choose(step))
        if step.end:
            return state, Reply(say=(words.end_reminder(),))
        return state, Reply(say=(words.no_next(), self._reminder(state)))

    def _previous(self, state: State) -> tuple[State, Reply]:
        if not state.history:
            said = self._words(state).no_previous(at_start=state.step == self.guide.start)
            return state, Reply(say=(said, self._reminder(state)))
        back = replace(state, history=state.history[:-1])
        return self._enter(back, state.history[-1], push=False)

    def _goto(self, state: State, intent: Intent) -> tuple[State, Reply]:
        target = intent.target or state.step
        changes_branch = target not in (self._step(state).next, state.step)
        if changes_branch and intent.confidence < self.settings.confirm_threshold:
            return self._ask(state, intent)
        return self._enter(state, target, push=True)

    def _browse(self, state: State, intent: Intent, choices: tuple[Choice, ...]) -> tuple[State, Reply]:
        """The arrow keys read the options one by one; Entrée then picks the one last read."""
        if not choices:
            return self._nomatch(state, intent.heard)
        step = 1 if intent.target != "-1" else -1
        if state.cursor is None:
            cursor = 0 if step == 1 else len(choices) - 1
        else:
            cursor = (state.cursor + step) % len(choices)
        said = self._words(state).option(cursor + 1, choices[cursor], first=state.cursor is None)
        return replace(state, cursor=cursor), Reply(say=(said,))

    def _restart(self, state: State) -> tuple[State, Reply]:
        return self._enter(replace(state, history=()), self.guide.start, push=False,
                           prefix=(self._words(state).restarting(),))

    def _ask(self, state: State, intent: Intent) -> tuple[State, Reply]:
        """Hold ``intent`` until the person says yes or no."""
        pending = replace(intent, label=self._label(intent))
        new = replace(state, mode=Mode.CONFIRM, pending=pending, unsure=(), back_mode=self._home_mode(state))
        event: dict = {"event": "confirm", "name": str(pending.name), "label": pending.label}
        if pending.name == GOTO:
            event["target"] = pending.target
        return new, Reply(say=(self._question(new, pending),), events=(event,))

    def _execute(self, state: State, pending: Intent) -> tuple[State, Reply]:
        """Carry out a confirmed intent (``state`` is already back in the mode it came from)."""
        if pending.name == Command.QUIT:
            ended = replace(state, mode=Mode.ENDED)
            return ended, Reply(say=(self._words(state).goodbye(),), events=({"event": "end", "reason": "quit"},),
                                done=True)
        if pending.name == Command.RESTART:
            return self._restart(state)
        if pending.name in COMMAND_NAMES:   # a command asked about by « Voulez-vous dire … ? »
            return self._intent_after_cancel(state, replace(pending, confidence=1.0))
        return self._enter(state, pending.target or state.step, push=True)

    def _details(self, state: State) -> tuple[State, Reply]:
        step, words = self._step(state), self._words(state)
        if not step.details:
            return state, Reply(say=(words.no_details(), words.reminder(step)))
        return state, Reply(say=(words.details(step), words.reminder(step)))

    def _help(self, state: State) -> tuple[State, Reply]:
        words = self._words(state)
        if state.help_count >= 2:
            keys_now = words.keys and (not words.words or state.help_count >= 3)
            return state, Reply(say=words.full_help(bool(self._parts), keys_now))
        return state, Reply(say=words.help(self._step(state), bool(state.history)))

    def _menu(self, state: State) -> tuple[State, Reply]:
        words = self._words(state)
        if not self._parts:
            return state, Reply(say=(words.no_menu(), self._reminder(state)))
        return replace(state, mode=Mode.MENU), Reply(say=words.menu_listing(self._parts))

    def _pause(self, state: State) -> tuple[State, Reply]:
        new = replace(state, mode=Mode.PAUSED, back_mode=self._home_mode(state), pending=None)
        return new, Reply(say=(self._words(state).paused(),))

    def _back_from_pause(self, state: State) -> tuple[State, Reply]:
        """Out of a pause (``state`` is already out of it); a pause taken at the question « reprendre où
        vous en étiez ? » comes back to that question, not to the step before the saved one."""
        if state.saved is None:
            return state, self._resume_reply(state)
        new, reply = self._resume_question_again(state, state.saved)
        return new, Reply(say=(self._words(state).resuming(), *reply.say[1:]), events=reply.events)  # not « Bonjour. »

    def _resume_question_again(self, state: State, saved: str) -> tuple[State, Reply]:
        """« Voulez-vous reprendre où vous en étiez ? » asked again, the voice kept as the person set it."""
        new, reply = self.offer_resume(saved, modality=state.modality)
        return replace(new, rate_level=state.rate_level, volume_level=state.volume_level), reply

    def _resume_reply(self, state: State) -> Reply:
        """Back from a pause: say again what was being said (``state`` is already out of the pause)."""
        words = self._words(state)
        if state.mode == Mode.MENU:
            return Reply(say=(words.resuming(), *words.menu_listing(self._parts)))
        return Reply(say=(words.resuming(), *self._narration(state, self._step(state))))

    def _setting(self, state: State, command: Command, ask: bool = True) -> tuple[State, Reply]:
        """Move the speech rate or volume one level; the reply is spoken at the new level.

        ``ask``: end with « Comme ceci ? », a light question (oui keeps, anything else acts).
        """
        words = self._words(state)
        if command == Command.NORMAL:
            if state.rate_level == 0 and state.volume_level == 0:
                return state, Reply(say=(words.already_normal(),))
            changed = tuple(
                {"event": "setting", "name": kind, "level": 0}
                for kind, level in (("rate", state.rate_level), ("volume", state.volume_level))
                if level != 0
            )
            new = replace(state, rate_level=0, volume_level=0)
        else:
            kind, delta, low, high = _LEVELS[command]
            current = state.rate_level if kind == "rate" else state.volume_level
            level = max(low, min(high, current + delta))
            if level == current:
                return state, Reply(say=(words.setting_at_limit(command),))
            new = replace(state, rate_level=level) if kind == "rate" else replace(state, volume_level=level)
            changed = ({"event": "setting", "name": kind, "level": level},)
        if not ask:
            return new, Reply(events=changed)
        asked = replace(new, mode=Mode.CONFIRM, pending=Intent(SETTING), back_mode=self._home_mode(state))
        return asked, Reply(say=(words.question_setting(),), events=changed)

    def _inputs_changed(self, state: State, event: InputsChanged) -> tuple[State, Reply]:
        """The microphone is gone: say how to go on, in the way that works now."""
        new = replace(state, modality=event.modality)
        logged = {"event": "input", "reason": event.reason.value,
                  "modality": "keys" if Modality.KEYS in event.modality
                  else "typed" if Modality.TYPED in event.modality else "words"}
        return new, Reply(say=(self._words(new).microphone_lost(),), events=(logged,))

    # ------------------------------------------------ silence, not understood

    def _noinput(self, state: State) -> tuple[State, Reply]:
        if state.mode == Mode.PAUSED:
            return state, Reply()  # a pause is a resting state: silence is expected there
        if state.mode == Mode.CONFIRM and state.pending is not None and state.pending.name == SETTING:
            return replace(state, mode=state.back_mode, pending=None), Reply()  # silence keeps the new voice
        if state.mode == Mode.STEP and not self._step(state).is_question:
            # One short sentence after the long wait, then silence: the person is busy on the website.
            new = replace(state, noinput_count=state.noinput_count + 1, help_count=0)
            event = {"event": "noinput", "count": new.noinput_count}
            said = (self._words(state).nudge(self._step(state)),) if state.noinput_count == 0 else ()
            return new, Reply(say=said, events=(event,))
        return self._escalate(state, "noinput", "")

    def _nomatch(self, state: State, heard: str) -> tuple[State, Reply]:
        if state.mode == Mode.PAUSED:
            back = replace(state, mode=state.back_mode, noinput_count=0, nomatch_count=0, help_count=0)
            event = {"event": "command", "name": "resume", "heard": heard}
            new, reply = self._back_from_pause(back)
            return new, _with(reply, (event,))
        return self._escalate(state, "nomatch", heard)

    def _escalate(self, state: State, kind: str, heard: str, checking: bool = False) -> tuple[State, Reply]:
        """Tapered prompts: a short re-prompt, then the options, then a pause (VoiceXML's event counts).
        ``checking``: a yes was heard, too unsure to end anything; it is asked again, not « not understood »."""
        words = self._words(state)
        event: dict
        opening: tuple[str, ...]
        if kind == "noinput":
            count = state.noinput_count + 1
            state = replace(state, noinput_count=count, help_count=0)
            event, opening, earcon = {"event": "noinput", "count": count}, (), None
        else:
            count = state.nomatch_count + 1
            state = replace(state, nomatch_count=count, help_count=0)
            event, opening, earcon = ({"event": "nomatch", "heard": heard, "count": count},
                                      (words.checking() if checking else words.not_understood(),), "nomatch")
        level = min(count, self.settings.max_escalation)
        if level == self.settings.max_escalation:
            paused = replace(state, mode=Mode.PAUSED, back_mode=self._home_mode(state), pending=None)
            return paused, Reply(say=opening + (words.pause_after_silence(),), events=(event,), earcon=earcon)
        if level == 1:
            say = opening + self._short_prompt(state)
        else:
            say = opening + self._options_help(state)
        return state, Reply(say=say, events=(event,), earcon=earcon)

    # ------------------------------------------------------------ phrasing

    def _words(self, state: State) -> Phrasing:
        return self.wording.for_(state.modality)

    def _narration(self, state: State, step: Step) -> tuple[Line, ...]:
        words = self._words(state)
        return (words.narration(step, self.settings.sees_screen), words.reminder(step))

    def _reminder(self, state: State) -> str:
        """What can be said now, in the mode ``state`` is in."""
        words = self._words(state)
        if state.mode == Mode.MENU:
            return words.menu_reminder(len(self._parts))
        if state.mode == Mode.CONFIRM and state.pending is not None:
            return self._question(state, state.pending)
        return words.reminder(self._step(state))

    def _short_prompt(self, state: State) -> tuple[str, ...]:
        """The first re-prompt after a silence or a misunderstanding."""
        words = self._words(state)
        if state.mode == Mode.CONFIRM and state.pending is not None:
            return (self._question(state, state.pending),)
        if state.mode == Mode.MENU:
            return (words.menu_short(),)
        step = self._step(state)
        if step.is_question:
            return (words.reminder(step),)
        return (words.nudge(step), words.ask_help())

    def _options_help(self, state: State) -> tuple[str, ...]:
        """The second re-prompt: the options here, with their keys."""
        words = self._words(state)
        if state.mode == Mode.MENU:
            return (words.menu_intro(), words.menu_reminder(len(self._parts)))
        if state.mode == Mode.CONFIRM and state.pending is not None:
            return self._confirm_help(state, state.pending)
        return words.help(self._step(state), bool(state.history))

    def _question(self, state: State, pending: Intent) -> str:
        words = self._words(state)
        if state.unsure and pending == state.unsure[0]:
            return words.question_unsure([c.label for c in state.unsure])
        if pending.name == Command.QUIT:
            return words.question_quit()
        if pending.name == Command.RESTART:
            return words.question_restart()
        if pending.name == RESUME_AT:
            return words.question_resume()
        if pending.name == SCREEN_READER:
            return words.question_screen_reader(pending.label)
        if pending.name == SETTING:
            return words.question_setting()
        return words.question_heard(pending.label)

    def _confirm_help(self, state: State, pending: Intent) -> tuple[str, ...]:
        words = self._words(state)
        said: tuple[str, ...] = (words.waiting_for_answer(), self._question(state, pending))
        if state.unsure:
            said += (words.other_request_hint(),)
        elif pending.name not in (Command.QUIT, RESUME_AT, SCREEN_READER):
            said += (words.cancel_hint(),)
        return said

    def _where(self, state: State) -> str:
        step = self._step(state)
        return self._words(state).where(self.guide.position(state.step), len(self.guide.steps), step.title,
                                        in_menu=state.mode == Mode.MENU)

    def _label(self, intent: Intent) -> str:
        """How « Vous avez dit « ... » ? » names an intent."""
        if intent.label:
            return intent.label
        if intent.name == GOTO and intent.target and self._exists(intent.target):
            return self.guide.step(intent.target).title
        if intent.name in COMMAND_NAMES:
            return self.wording.for_(Modality.WORDS).label(Command(intent.name))
        return intent.name

    # ------------------------------------------------------------- helpers

    def _step(self, state: State) -> Step:
        return self.guide.step(state.step)

    def _exists(self, step_id: str) -> bool:
        return step_id in self._step_ids

    @staticmethod
    def _home_mode(state: State) -> Mode:
        """The mode a question or a pause returns to: the menu or the step."""
        if state.mode in (Mode.CONFIRM, Mode.PAUSED):
            return state.back_mode
        return Mode.MENU if state.mode == Mode.MENU else Mode.STEP


def _command_event(intent: Intent) -> dict:
    event: dict = {"event": "command", "name": str(intent.name)}
    if intent.name == GOTO:
        event["target"] = intent.target
    return event


def _with(reply: Reply, events: tuple[dict, ...], say: tuple[str, ...] = ()) -> Reply:
    """``reply`` with ``events`` logged first and ``say`` spoken after."""
    return replace(reply, events=events + reply.events, say=reply.say + say)
