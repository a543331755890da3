"""Checking a guide's node tree: every problem located, in French, and the ``Guide`` when there are none."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from voiceguide.guide.model import ACTION, INFO, KINDS, QUESTION, Choice, Guide, Problem, Pronunciation, Step
from voiceguide.guide.positions import line_of, position_phrase
from voiceguide.language.vocabulary import Vocabulary, load_vocabulary, normalize

LANGUAGES = ("fr",)
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

GUIDE_KEYS = ("title", "language", "source", "start", "steps", "pronunciation")
STEP_KEYS = ("id", "title", "say", "on_screen", "details", "kind", "next", "choices", "if_yes", "if_no",
             "topics", "end")
ANSWER_KEYS = {"if_yes": "oui", "if_no": "non"}
CHOICE_KEYS = ("label", "phrases", "go")

# What a key holds, to say what to write when it is missing or empty.
_WHAT = {
    "title": "un titre court",
    "language": "« fr »",
    "source": "la référence du document d'origine",
    "start": "l'identifiant de la première étape",
    "steps": "la liste des étapes",
    "id": "un identifiant unique (lettres minuscules, chiffres, tirets)",
    "say": "la narration, le texte lu à voix haute",
    "on_screen": "où se trouve l'élément à l'écran, pour une personne qui voit un peu",
    "kind": "« action », « question » ou « info »",
    "if_yes": "l'identifiant de l'étape où mène « oui »",
    "if_no": "l'identifiant de l'étape où mène « non »",
    "details": "le texte lu quand on demande plus de détails",
    "next": "l'identifiant de l'étape suivante",
    "label": "le libellé que l'aide annonce",
    "phrases": "la liste des phrases que l'on peut dire",
    "go": "l'identifiant de l'étape où mène ce choix",
}


_TAG = "tag:yaml.org,2002:"
_FOUND = {
    _TAG + "int": "un nombre", _TAG + "float": "un nombre", _TAG + "bool": "un booléen",
    _TAG + "null": "une valeur vide", _TAG + "timestamp": "une date", _TAG + "str": "un texte",
    _TAG + "seq": "une liste", _TAG + "map": "un dictionnaire",
}
_BOOLEANS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _found(node: Node) -> str:
    """How to name what the user wrote, in an error message."""
    if node.tag in _FOUND:
        return _FOUND[node.tag]
    return f"une valeur d'étiquette « {node.tag} »"


def _is_text(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _TAG + "str"


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _TAG + "null"


@dataclass
class _RawChoice:
    label: str | None
    label_line: int
    phrases: list[tuple[str, int]]  # (phrase, line)
    target: str | None
    target_line: int
    line: int


@dataclass
class _RawStep:
    """What was read of a step, even when parts of it are wrong."""

    id: str | None
    title: str | None
    say: str | None
    details: str | None
    next: str | None
    next_line: int
    choices: list[_RawChoice]
    topics: list[tuple[str, int]]
    end: bool
    line: int
    index: int  # 1-based position in the file, to name a step that has no valid id
    has_next_key: bool = False
    has_choices_key: bool = False
    kind: str | None = None       # as written; None when absent or wrong
    kind_line: int = 0
    on_screen: str | None = None
    # "if_yes" / "if_no" -> (target, line), for each key written
    answers: dict[str, tuple[str | None, int]] = field(default_factory=dict)

    def asks(self) -> bool:
        """Whether the step is a question: as written, else the default (it can be answered)."""
        if self.kind is not None:
            return self.kind == QUESTION
        return self.has_choices_key or bool(self.answers)

    def name(self) -> str:
        """How messages refer to the step: "l'étape « id »" (with its number when the id is bad)."""
        return f"l'étape « {self.id} »" if self.id else f"l'étape n° {self.index}"

    def where(self) -> str:
        """The step, as the end of a message: " (étape « id »)"."""
        return f" (étape « {self.id} »)" if self.id else f" (étape n° {self.index})"


class GuideChecker:
    """Walks the node tree once, collecting problems and the guide's content."""

    def __init__(self, path: str, vocabulary: Vocabulary | None) -> None:
        self.path = path
        self.vocabulary = vocabulary
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        # What the guide holds is quoted in the messages: an invisible character in it is written out.
        self.problems.append(Problem(self.path, line, show_invisible(message)))

    # -- generic readers: each reports what is wrong and returns None then --

    def fields(self, node: MappingNode, allowed: tuple[str, ...], where: str
               ) -> dict[str, tuple[Node, Node]]:
        """The mapping's known keys -> (key node, value node); reports bad, duplicate, unknown keys."""
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not _is_text(key):
                shown = key.value if isinstance(key, ScalarNode) else "…"
                # YAML 1.1 reads yes/no as booleans: the author meant if_yes/if_no.
                hint = f" (vouliez-vous dire « if_{shown.lower()} » ?)" if (
                    f"if_{str(shown).lower()}" in allowed) else ""
                self.add(_line(key), f"clé « {shown} » invalide{where} : une clé est un mot ; "
                                     f"clés possibles : {', '.join(allowed)}{hint}")
                continue
            name = key.value
            if name in found:
                self.add(_line(key), f"clé « {name} » en double{where}, déjà à la ligne "
                                     f"{_line(found[name][0])} : gardez-en une seule")
                continue
            if name not in allowed:
                self.add(_line(key), f"clé inconnue « {name} »{where} : clés possibles : "
                                     f"{', '.join(allowed)}{_did_you_mean(name, list(allowed))}")
                continue
            found[name] = (key, value)
        return found

    def required(self, fields: dict[str, tuple[Node, Node]], key: str, owner: Node, where: str
                 ) -> Node | None:
        """The value of a required key; reports it missing (at the line of its owner)."""
        if key not in fields:
            self.add(_line(owner), f"clé « {key} » manquante{where} : ajoutez « {key}: » avec "
                                   f"{_WHAT[key]}")
            return None
        return fields[key][1]

    def text(self, node: Node | None, key: str, where: str, required: bool = True) -> str | None:
        """A non-empty text value, surrounding spaces removed; None (reported) otherwise."""
        if node is None:
            return None
        if _is_null(node) or (_is_text(node) and not node.value.strip()):
            fix = f"écrivez {_WHAT[key]}" + ("" if required else " ou retirez la clé")
            self.add(_line(node), f"« {key} » est vide{where} : {fix}")
            return None
        if not _is_text(node):
            hint = ("mettez la valeur entre guillemets" if isinstance(node, ScalarNode)
                    else "écrivez un seul texte")
            self.add(_line(node), f"« {key} » doit être un texte, pas {_found(node)}{where} : {hint}")
            return None
        return node.value.strip()

    def texts(self, node: Node | None, key: str, where: str, required: bool
              ) -> list[tuple[str, int]]:
        """A list of non-empty texts, each with its line; what is wrong is reported and left out."""
        if node is None:
            return []
        if not isinstance(node, SequenceNode) or node.tag != _TAG + "seq":
            self.add(_line(node), f"« {key} » doit être une liste, pas {_found(node)}{where} : "
                                  f"écrivez par exemple « {key}: [premier, second] »")
            return []
        if required and not node.value:
            self.add(_line(node), f"« {key} » est une liste vide{where} : écrivez au moins une phrase")
            return []
        items = []
        for item in node.value:
            if _is_null(item) or (_is_text(item) and not item.value.strip()):
                self.add(_line(item), f"élément vide dans « {key} »{where} : écrivez-le ou retirez-le")
            elif not _is_text(item):
                self.add(_line(item), f"chaque élément de « {key} » doit être un texte, pas "
                                      f"{_found(item)}{where} : mettez-le entre guillemets")
            else:
                items.append((item.value.strip(), _line(item)))
        return items

    # -- the guide ---------------------------------------------------------

    def check(self, root: Node, path: Path) -> Guide | None:
        if not isinstance(root, MappingNode) or root.tag != _TAG + "map":
            self.add(_line(root), f"le fichier doit décrire un guide, pas {_found(root)} : "
                                  "il commence par les clés « title », « language », « source », "
                                  "« start » et « steps »")
            return None
        where = ""
        fields = self.fields(root, GUIDE_KEYS, where)
        title = self.text(self.required(fields, "title", root, where), "title", where)
        language = self.text(self.required(fields, "language", root, where), "language", where)
        if language is not None and language not in LANGUAGES:
            self.add(_line(fields["language"][1]),
                     f"langue « {language} » non prise en charge : écrivez « language: fr » "
                     "(seul le français est disponible pour l'instant)")
            language = None
        source = self.text(self.required(fields, "source", root, where), "source", where)
        start_node = self.required(fields, "start", root, where)
        start = self.text(start_node, "start", where)
        steps_node = self.required(fields, "steps", root, where)
        steps = self.steps(steps_node)
        pronunciation = self.pronunciation(fields["pronunciation"][1]) if "pronunciation" in fields else ()
        if steps:
            self.links(steps, start, start_node, fields["steps"][0])
            self.phrases(steps, load_vocabulary() if self.vocabulary is None else self.vocabulary)
        if self.problems or title is None or language is None or source is None or start is None or not steps:
            return None
        return Guide(
            title=title, language=language, source=source, start=start,
            steps=tuple(_build_step(s) for s in steps), path=path, pronunciation=pronunciation,
        )

    def steps(self, node: Node | None) -> list[_RawStep]:
        if node is None:
            return []
        if not isinstance(node, SequenceNode) or node.tag != _TAG + "seq":
            self.add(_line(node), f"« steps » doit être une liste d'étapes, pas {_found(node)} : "
                                  "chaque étape commence par « - id: »")
            return []
        if not node.value:
            self.add(_line(node), "« steps » est une liste vide : ajoutez au moins une étape")
            return []
        steps = []
        for index, item in enumerate(node.value, 1):
            step = self.step(item, index)
            if step is not None:
                steps.append(step)
        return steps

    def step(self, node: Node, index: int) -> _RawStep | None:
        if not isinstance(node, MappingNode) or node.tag != _TAG + "map":
            self.add(_line(node), f"l'étape n° {index} doit être un dictionnaire, pas {_found(node)} : "
                                  "écrivez « - id: … » puis « title: » et « say: » alignés en dessous")
            return None
        named = next((v.value for k, v in node.value
                      if _is_text(k) and k.value == "id" and _is_text(v) and v.value.strip()), None)
        where = f" (étape « {named.strip()} »)" if named else f" (étape n° {index})"
        fields = self.fields(node, STEP_KEYS, where)
        id_node = self.required(fields, "id", node, where)
        step_id = self.text(id_node, "id", where)
        if id_node is not None and step_id is not None and not ID_PATTERN.fullmatch(step_id):
            hidden = sorted({f"U+{ord(c):04X}" for c in step_id if _is_invisible(c)})
            why = (f"il contient un caractère invisible ({', '.join(hidden)}), souvent venu d'un copier-coller : "
                   "retirez-le ; " if hidden else "")
            self.add(_line(id_node),
                     f"identifiant « {step_id} » invalide : {why}utilisez seulement des lettres minuscules "
                     "sans accent, des chiffres et des tirets, par exemple « premiere-connexion »")
        raw = _RawStep(id=step_id, title=None, say=None, details=None, next=None, next_line=0,
                       choices=[], topics=[], end=False, line=_line(node), index=index)
        where = raw.where()
        raw.title = self.text(self.required(fields, "title", node, where), "title", where)
        say_node = self.required(fields, "say", node, where)
        raw.say = self.text(say_node, "say", where)
        if "on_screen" in fields:
            raw.on_screen = self.text(fields["on_screen"][1], "on_screen", where, required=False)
        if "details" in fields:
            raw.details = self.text(fields["details"][1], "details", where, required=False)
        if "kind" in fields:
            raw.kind = self.kind(fields["kind"][1], where)
            raw.kind_line = _line(fields["kind"][1])
        for key in ANSWER_KEYS:
            if key in fields:
                value = fields[key][1]
                raw.answers[key] = (self.text(value, key, where, required=False), _line(value))
        if "next" in fields:
            raw.has_next_key = True
            raw.next = self.text(fields["next"][1], "next", where, required=False)
            raw.next_line = _line(fields["next"][1])
        if "topics" in fields:
            raw.topics = self.texts(fields["topics"][1], "topics", where, required=False)
        if "end" in fields:
            raw.end = self.boolean(fields["end"][1], "end", where)
        if "choices" in fields:
            raw.has_choices_key = True
            raw.choices = self.choices(fields["choices"][1], raw)
        self.answerable(raw)
        if raw.say is not None and say_node is not None and not raw.asks():
            self.positions(say_node, raw)
        return raw

    def kind(self, node: Node, where: str) -> str | None:
        value = self.text(node, "kind", where, required=False)
        if value is not None and value not in KINDS:
            self.add(_line(node), f"« kind » vaut « {ACTION} », « {QUESTION} » ou « {INFO} », pas « {value} »{where} : "
                                  f"« {ACTION} » pour agir sur le site (taper, activer un bouton, attendre une "
                                  f"page), « {QUESTION} » pour répondre au guide (un choix, oui ou non), "
                                  f"« {INFO} » pour une étape qui explique seulement")
            return None
        return value

    def answerable(self, step: _RawStep) -> None:
        """Yes and no go together, only at a question; a question has a way to be answered."""
        where = step.where()
        for key, (_, line) in step.answers.items():
            if step.kind in (ACTION, INFO):
                self.add(line, f"« {key} » n'a de sens qu'à une question, or {step.name()} est marquée "
                               f"« kind: {step.kind} » : écrivez « kind: {QUESTION} », ou retirez « {key} »")
        given = [key for key in ANSWER_KEYS if key in step.answers]
        if len(given) == 1:
            missing = next(key for key in ANSWER_KEYS if key not in step.answers)
            self.add(step.answers[given[0]][1],
                     f"« {given[0]} » sans « {missing} »{where} : ajoutez « {missing}: » avec l'identifiant "
                     f"de l'étape où mène « {ANSWER_KEYS[missing]} »")
        if step.kind == QUESTION and not (step.has_choices_key or step.answers):
            self.add(step.kind_line, f"{step.name()} est une question sans réponse possible : ajoutez "
                                     "« if_yes » et « if_no » (les étapes où mènent « oui » et « non »), "
                                     "ou des « choices »")

    def positions(self, say: Node, step: _RawStep) -> None:
        """An action's narration says how to reach things, not where they are on the screen."""
        phrase = position_phrase(step.say or "")
        if phrase is not None:
            self.add(line_of(say, phrase),
                     f"« say » indique une position à l'écran (« {phrase} »){step.where()} : une personne qui "
                     "ne voit pas l'écran ne peut pas s'en servir ; déplacez cette indication dans « on_screen » "
                     "et dites dans « say » comment atteindre l'élément au clavier")

    def pronunciation(self, node: Node) -> Pronunciation:
        """The guide's table « word as written: what the voice says »; wrong entries reported and left out."""
        if not isinstance(node, MappingNode) or node.tag != _TAG + "map":
            self.add(_line(node), f"« pronunciation » doit être un dictionnaire, pas {_found(node)} : écrivez "
                                  "une ligne par mot, « mot écrit: ce que la voix doit dire », par exemple "
                                  "« Ameli: Améli »")
            return ()
        entries: list[tuple[str, str]] = []
        seen: dict[str, int] = {}
        for key, value in node.value:
            if not _is_text(key):
                shown = key.value if isinstance(key, ScalarNode) else "…"
                self.add(_line(key), f"« {shown} » dans « pronunciation » doit être un texte, pas {_found(key)} : "
                                     "mettez le mot entre guillemets")
                continue
            written = key.value.strip()
            if not any(ch.isalnum() for ch in written):
                self.add(_line(key), f"« {written} » dans « pronunciation » n'est pas un mot : écrivez le mot "
                                     "tel qu'il apparaît dans le guide")
                continue
            said = _spoken(value)
            if said is None:
                self.add(_line(value), f"la prononciation de « {written} » est vide ou n'est pas un texte : "
                                       "écrivez ce que la voix doit dire, par exemple « Améli » pour « Ameli »")
                continue
            if written.lower() in seen:
                self.add(_line(key), f"« {written} » est en double dans « pronunciation », déjà à la ligne "
                                     f"{seen[written.lower()]} : gardez une seule prononciation")
                continue
            seen[written.lower()] = _line(key)
            entries.append((written, said))
        return tuple(entries)

    def boolean(self, node: Node, key: str, where: str) -> bool:
        if isinstance(node, ScalarNode) and node.tag == _TAG + "bool":
            return _BOOLEANS[node.value.lower()]
        self.add(_line(node), f"« {key} » doit valoir true ou false, pas {_found(node)}{where} : "
                              f"écrivez « {key}: true » pour la dernière étape, sinon retirez la clé")
        return False

    def choices(self, node: Node, step: _RawStep) -> list[_RawChoice]:
        where = step.where()
        if not isinstance(node, SequenceNode) or node.tag != _TAG + "seq":
            self.add(_line(node), f"« choices » doit être une liste, pas {_found(node)}{where} : "
                                  "chaque choix commence par « - label: »")
            return []
        if not node.value:
            self.add(_line(node), f"« choices » est une liste vide{where} : ajoutez des choix "
                                  "ou retirez la clé")
            return []
        choices = []
        for index, item in enumerate(node.value, 1):
            inner = f" (choix n° {index} de {step.name()})"
            if not isinstance(item, MappingNode) or item.tag != _TAG + "map":
                self.add(_line(item), f"le choix n° {index} de {step.name()} doit être un "
                                      f"dictionnaire, pas {_found(item)} : écrivez « - label: … » "
                                      "puis « phrases: » et « go: » alignés en dessous")
                continue
            fields = self.fields(item, CHOICE_KEYS, inner)
            label_node = self.required(fields, "label", item, inner)
            phrases_node = self.required(fields, "phrases", item, inner)
            go_node = self.required(fields, "go", item, inner)
            choices.append(_RawChoice(
                label=self.text(label_node, "label", inner),
                label_line=_line(label_node or item),
                phrases=self.texts(phrases_node, "phrases", inner, required=True),
                target=self.text(go_node, "go", inner),
                target_line=_line(go_node or item),
                line=_line(item),
            ))
        return choices

    # -- links between steps -----------------------------------------------

    def links(self, steps: list[_RawStep], start: str | None, start_node: Node | None,
              steps_key: Node) -> None:
        """Ids unique, targets known, every step reachable, no dead end, a way to the end."""
        index: dict[str, _RawStep] = {}
        for step in steps:
            if step.id is None:
                continue
            if step.id in index:
                self.add(step.line, f"identifiant « {step.id} » en double (première étape "
                                    f"« {step.id} » à la ligne {index[step.id].line}) : "
                                    "donnez à chaque étape un identifiant différent")
                continue
            index[step.id] = step
        ids = list(index)

        def known(target: str | None, line: int, key: str, where: str = "") -> bool:
            if target is None:
                return False
            if target in index:
                return True
            self.add(line, f"étape inconnue « {target} » dans « {key} »{where} : indiquez "
                           f"l'identifiant (« id ») d'une étape du guide{_did_you_mean(target, ids)}")
            return False

        start_ok = start_node is not None and known(start, _line(start_node), "start")
        edges: dict[str, list[str]] = {step_id: [] for step_id in index}
        # Steps with a link already reported as wrong: judged again once fixed.
        broken: set[str] = set()
        for step in steps:
            first = step.id in index and index[step.id] is step
            if step.has_next_key:
                linked = False
                if step.next is not None and step.next == step.id:
                    self.add(step.next_line, f"« next » de l'étape « {step.id} » renvoie vers "
                                             "elle-même : indiquez l'étape suivante")
                elif known(step.next, step.next_line, "next", step.where()):
                    linked = True
                    if first and step.id is not None and step.next is not None:
                        edges[step.id].append(step.next)
                if not linked:
                    broken.add(step.id or "")
            if step.has_choices_key and not step.choices:
                broken.add(step.id or "")
            for choice in step.choices:
                if known(choice.target, choice.target_line, "go", step.where()):
                    if first and step.id is not None and choice.target is not None:
                        edges[step.id].append(choice.target)
                else:
                    broken.add(step.id or "")
            for key, (target, line) in step.answers.items():
                if target is not None and target == step.id:
                    self.add(line, f"« {key} » de l'étape « {step.id} » renvoie vers elle-même : indiquez "
                                   f"l'étape où mène « {ANSWER_KEYS[key]} »")
                    broken.add(step.id or "")
                elif known(target, line, key, step.where()):
                    if first and step.id is not None and target is not None:
                        edges[step.id].append(target)
                else:
                    broken.add(step.id or "")
            if not (step.end or step.has_next_key or step.has_choices_key or step.answers):
                broken.add(step.id or "")
                self.add(step.line, f"{step.name()} est une impasse : ajoutez « next », des "
                                    "« choices », ou « end: true » si c'est la fin du guide")

        ends = [step_id for step_id, s in index.items() if s.end]
        if not ends:
            self.add(_line(steps_key), "aucune étape finale : ajoutez « end: true » à la dernière "
                                       "étape du guide")
        reachable = set(index) if not start_ok or start is None else _reach(
            [start] + [step_id for step_id, s in index.items() if s.topics], lambda s: edges[s])
        for step_id, step in index.items():
            if step_id not in reachable:
                self.add(step.line, f"l'étape « {step_id} » n'est jamais atteinte depuis le début "
                                    "(« start ») : faites-y mener un « next » ou un choix, ou "
                                    "donnez-lui des « topics »")
        if ends:
            back: dict[str, list[str]] = {step_id: [] for step_id in index}
            for source, targets in edges.items():
                for target in targets:
                    back[target].append(source)
            finishing = _reach(ends + sorted(broken & set(index)), lambda s: back[s])
            for step_id, step in index.items():
                if step_id in reachable and step_id not in finishing:
                    self.add(step.line, f"depuis l'étape « {step_id} », aucun « next » ni choix ne "
                                        "mène à une étape finale (le guide tourne en rond) : "
                                        "ajoutez un chemin vers une étape « end: true »")

    # -- spoken phrases ----------------------------------------------------

    def phrases(self, steps: list[_RawStep], vocabulary: Vocabulary) -> None:
        """What can be said: no digits, not only fillers, not a universal command, not ambiguous.

        Choice labels are checked too (help tells the user to say them), but
        may hold digits: they are read aloud, not put in the grammar.
        """
        commands: dict[str, str] = {}
        for command in vocabulary.commands:
            for phrase in command.phrases:
                commands.setdefault(normalize(phrase, vocabulary.fillers), command.label)

        def sayable(text: str, line: int, what: str, digits_allowed: bool = False) -> str | None:
            if not digits_allowed and any(c.isdigit() for c in text):
                self.add(line, f"{what} « {text} » contient un chiffre : la reconnaissance vocale "
                               "n'en comprend pas ; écrivez le nombre en lettres")
                return None
            key = normalize(text, vocabulary.fillers)
            if not key:
                self.add(line, f"{what} « {text} » ne contient que des mots ignorés (comme « euh » "
                               "ou « merci ») : choisissez d'autres mots")
                return None
            if key in commands:
                self.add(line, f"{what} « {text} » se confond avec la commande « {commands[key]} », "
                               "valable partout : choisissez d'autres mots")
                return None
            return key

        # Topics are valid from every step: one meaning each across the guide.
        topics: dict[str, tuple[str, int]] = {}
        for step in steps:
            for topic, line in step.topics:
                key = sayable(topic, line, "le sujet")
                if key is None or step.id is None:
                    continue
                first = topics.setdefault(key, (step.id, line))
                if first[0] != step.id:
                    self.add(line, _ambiguous("le sujet", topic, first))
        for step in steps:
            said: dict[str, tuple[str, int]] = {}
            for choice in step.choices:
                sayings = [(p, line, "la phrase", False) for p, line in choice.phrases]
                if choice.label is not None:
                    sayings.insert(0, (choice.label, choice.label_line, "le libellé", True))
                for text, line, what, digits_allowed in sayings:
                    key = sayable(text, line, what, digits_allowed)
                    if key is None or choice.target is None:
                        continue
                    first = said.setdefault(key, (choice.target, line))
                    if first[0] == choice.target and key in topics:
                        first = topics[key]
                    if first[0] != choice.target:
                        self.add(line, _ambiguous(what, text, first))


def _ambiguous(what: str, text: str, first: tuple[str, int]) -> str:
    return (f"{what} « {text} » prête à confusion : ces mots mènent déjà à l'étape "
            f"« {first[0]} » (ligne {first[1]}) ; réservez-les à un seul choix ou sujet (« topics »)")


# Control, format (zero-width, bidirectional overrides, BOM, soft hyphen), private-use, unassigned
# and line-separator characters: nothing or something misleading shows where they are.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES


def show_invisible(text: str) -> str:
    """``text`` with each invisible character written as ``<U+200B>``, so that a message shows it (and stays one line)."""
    return "".join(f"<U+{ord(c):04X}>" if _is_invisible(c) else c for c in text)


def _reach(roots: list[str], neighbours: Callable[[str], list[str]]) -> set[str]:
    seen = set(roots)
    queue = deque(roots)
    while queue:
        for nxt in neighbours(queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


_MAX_SUGGESTION_CANDIDATES = 300  # difflib is quadratic; huge guides get no hint


def _did_you_mean(word: str, candidates: list[str]) -> str:
    if len(candidates) > _MAX_SUGGESTION_CANDIDATES:
        return ""
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (vouliez-vous dire « {close[0]} » ?)" if close else ""


def _spoken(node: Node) -> str | None:
    """A pronunciation: a text with something to say in it."""
    if not _is_text(node) or not any(ch.isalnum() for ch in node.value):
        return None
    return " ".join(node.value.split())


def _build_step(raw: _RawStep) -> Step:
    """Only for a guide with no problem left: every required text was read."""
    assert raw.id is not None and raw.title is not None and raw.say is not None
    return Step(
        id=raw.id, title=raw.title, say=raw.say, details=raw.details, next=raw.next,
        choices=tuple(_build_choice(c) for c in raw.choices),
        topics=tuple(t for t, _ in raw.topics), end=raw.end, kind=raw.kind or "",
        on_screen=raw.on_screen, if_yes=raw.answers.get("if_yes", (None, 0))[0],
        if_no=raw.answers.get("if_no", (None, 0))[0], line=raw.line,
    )


def _build_choice(raw: _RawChoice) -> Choice:
    assert raw.label is not None and raw.target is not None
    return Choice(label=raw.label, phrases=tuple(p for p, _ in raw.phrases), target=raw.target, line=raw.line)
