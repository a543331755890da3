"""The universal command vocabulary: French phrasings, keys and help texts, as data.

The words live in ``vocabulary.yaml`` so that a carer can add a synonym
without touching code. This module loads that file, checks it (every command
present, labelled, with a key and a help text; no phrase or key claimed twice;
no digits) and reports problems in French.

It also holds ``fold``, the accent- and punctuation-insensitive form of a text
that decides when two phrases are "the same". It lives here rather than in
``intents`` because validating the vocabulary needs it and ``intents`` builds
on the vocabulary, not the other way round.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from voiceguide.errors import UserError
from voiceguide.language import fast_yaml
from voiceguide.language.text import drop_fillers, fold

BUNDLED_VOCABULARY = Path(__file__).parent / "vocabulary.yaml"



class Command(str, enum.Enum):
    """The universal commands. The engine refers to them by these names; a vocabulary
    lacking one would leave the user without a way out of some state."""

    NEXT = "next"
    PREVIOUS = "previous"
    REPEAT = "repeat"
    HELP = "help"
    MENU = "menu"
    WHERE = "where"
    PAUSE = "pause"
    RESUME = "resume"
    SLOWER = "slower"
    FASTER = "faster"
    LOUDER = "louder"
    SOFTER = "softer"
    NORMAL = "normal"
    DETAILS = "details"
    RESTART = "restart"
    QUIT = "quit"
    YES = "yes"
    NO = "no"

    def __str__(self) -> str:
        return self.value


COMMAND_NAMES: tuple[str, ...] = tuple(c.value for c in Command)
NAMED_KEYS: tuple[str, ...] = ("enter", "space", "escape", "right", "left")



@dataclass(frozen=True)
class CommandSpec:
    """One universal command: how it is said, typed and explained."""

    name: str                 # English id used by the engine: "next"
    label: str                # French name said by help: "suivant"
    phrases: tuple[str, ...]  # French phrasings, label first
    keys: tuple[str, ...]     # single characters, or "enter", "space", "escape"
    help: str                 # short French description for "aide"
    any_key: bool = False     # also triggered by any key (resume, while paused)


@dataclass(frozen=True)
class Vocabulary:
    """All universal commands and the filler words ignored around them."""

    commands: tuple[CommandSpec, ...]
    fillers: tuple[str, ...]

    def command(self, name: str) -> CommandSpec:
        """The command called ``name`` (an English id such as "next")."""
        for spec in self.commands:
            if spec.name == name:
                return spec
        raise KeyError(name)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load and check a vocabulary file (default: the bundled one, read once per process).

    Raises ``UserError`` listing every problem as "FICHIER:LIGNE: message".
    """
    if path is None:
        return _bundled_vocabulary()
    return _read_vocabulary(Path(path))


@lru_cache(maxsize=1)
def _bundled_vocabulary() -> Vocabulary:
    return _read_vocabulary(BUNDLED_VOCABULARY)  # frozen: safe to share


def _read_vocabulary(path: Path) -> Vocabulary:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path} : fichier de vocabulaire introuvable. "
                        "Vérifiez le chemin, ou supprimez-le pour utiliser le vocabulaire fourni.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} : impossible de lire le fichier de vocabulaire ({exc}). "
                        "Enregistrez-le en UTF-8 et vérifiez les droits de lecture.") from None
    if fast_yaml.fast_path_for(text):
        try:
            return _Checker(path).vocabulary(_FastLineLoader(text).get_single_data())
        except (yaml.YAMLError, UserError):
            pass   # said as the pure-Python parser reads the file (as for a guide: guide/reading.py)
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise UserError(f"{where}: le fichier de vocabulaire n'est pas du YAML valide "
                        f"({getattr(exc, 'problem', None) or exc}). Corrigez la ligne indiquée.") from None
    return _Checker(path).vocabulary(data)


class _Text(str):
    """A string that remembers the line it came from."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """Reads every scalar as text with its line: "no", "yes", "=" stay words, not booleans."""


_LineLoader.yaml_implicit_resolvers = {}


def _construct_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> _Text:
    value = _Text(loader.construct_scalar(node))
    value.line = node.start_mark.line + 1
    return value


_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_text)


if fast_yaml.HAS_LIBYAML:
    class _FastLineLoader(fast_yaml.TextLoader):
        """The same over libyaml's events (language/fast_yaml.py)."""

    _FastLineLoader.add_constructor("tag:yaml.org,2002:str", _construct_text)


class _Checker:
    """Collects every problem of a vocabulary file before reporting them together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self.phrase_owner: dict[str, str] = {}
        self.key_owner: dict[str, str] = {}

    def problem(self, node: Any, message: str) -> None:
        line = getattr(node, "line", 0)
        self.problems.append(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")

    def vocabulary(self, data: Any) -> Vocabulary:
        if not isinstance(data, dict):
            raise UserError(f"{self.path}: le fichier de vocabulaire doit contenir « fillers: » et "
                            "« commands: » (voir le fichier fourni avec voiceguide).")
        fillers = self.strings(data.get("fillers", []), data, "fillers")
        commands_data = data.get("commands")
        if not isinstance(commands_data, dict):
            self.problem(data, "la section « commands: » manque ou n'est pas une liste de commandes.")
            commands_data = {}
        commands = [self.command(name, body, fillers) for name, body in commands_data.items()]
        for name in COMMAND_NAMES:
            if name not in commands_data:
                self.problem(data, f"la commande « {name} » manque : ajoutez-la sous « commands: ».")
        if self.problems:
            raise UserError("\n".join(self.problems))
        return Vocabulary(commands=tuple(c for c in commands if c is not None), fillers=tuple(fillers))

    def strings(self, value: Any, owner: Any, what: str) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(owner, f"« {what} » doit être une liste de mots ou d'expressions.")
            return []
        return [v for v in value if v.strip()]

    def command(self, name: str, body: Any, fillers: list[str]) -> CommandSpec | None:
        if name not in COMMAND_NAMES:
            self.problem(name, f"commande inconnue « {name} » ; les commandes possibles sont : "
                               f"{', '.join(COMMAND_NAMES)}.")
            return None
        if not isinstance(body, dict):
            self.problem(name, f"la commande « {name} » doit avoir « label: », « phrases: », "
                               "« keys: » et « help: ».")
            return None
        label = body.get("label")
        if not isinstance(label, str) or not label.strip():
            self.problem(name, f"la commande « {name} » n'a pas de « label: » (son nom dit par l'aide).")
            label = ""
        help_text = body.get("help")
        if not isinstance(help_text, str) or not help_text.strip():
            self.problem(name, f"la commande « {name} » n'a pas de texte d'aide « help: ».")
            help_text = ""
        any_key = str(body.get("any_key", "")).strip().lower() in ("oui", "yes", "true")
        keys = self.strings(body.get("keys", []), name, f"{name}.keys")
        for key in keys:
            self.check_key(key, name)
            owner = self.key_owner.setdefault(key.strip().lower(), name)
            if owner != name:
                self.problem(key, f"la touche « {key} » sert déjà à « {owner} » : choisissez une autre "
                                  f"touche pour « {name} ».")
        if not keys and not any_key:
            self.problem(name, f"la commande « {name} » n'a pas de touche « keys: ».")
        phrases = self.strings(body.get("phrases", []), name, f"{name}.phrases")
        all_phrases: list[str] = []
        for phrase in ([label] if label.strip() else []) + phrases:
            if any(c.isdigit() for c in phrase):
                self.problem(phrase, f"« {phrase} » contient un chiffre : la grammaire des commandes "
                                     "n'en contient jamais. Écrivez le nombre en lettres ou retirez-le.")
                continue
            same = drop_fillers(fold(phrase), fillers)
            if not same:
                self.problem(phrase, f"« {phrase} » ne contient que des mots ignorés (« fillers ») : "
                                     "choisissez une autre expression.")
                continue
            owner = self.phrase_owner.setdefault(same, name)
            if owner != name:
                self.problem(phrase, f"« {phrase} » est déjà une expression de la commande « {owner} » : "
                                     f"une expression ne peut servir qu'à une commande ; retirez-la de "
                                     f"« {name} » ou de « {owner} ».")
            elif phrase.strip() not in all_phrases:
                all_phrases.append(phrase.strip())
        return CommandSpec(name=str(name), label=label.strip(), phrases=tuple(all_phrases),
                           keys=tuple(k.strip() for k in keys), help=help_text.strip(), any_key=any_key)

    def check_key(self, key: str, command: str) -> None:
        key = key.strip()
        if key.isdigit():
            self.problem(key, f"touche « {key} » de « {command} » : les chiffres sont réservés aux choix "
                              "(touche 1 pour le premier choix, etc.).")
        elif len(key) != 1 and key.lower() not in NAMED_KEYS:
            self.problem(key, f"touche « {key} » de « {command} » : une touche est un seul caractère, "
                              "ou « enter », « space », « escape », « right », « left ».")


def normalize(text: str, fillers: Iterable[str] | None = None) -> str:
    """The form in which phrases are compared; two phrases collide when these are equal.

    Lower-case, no accents, typographic apostrophes as ', hyphens and
    punctuation as spaces, filler words dropped (default: the bundled
    vocabulary's), spaces collapsed.
    """
    return drop_fillers(fold(text), load_vocabulary().fillers if fillers is None else fillers)
