"""The user's saved settings: a small YAML file that a carer can read and edit.

It lives in the user's configuration directory (``settings.yaml``) unless
``--config FILE`` names another. Command-line options override it.

A damaged file never stops the guide, and is never lost:

* the default file, when it cannot be read as a whole (unreadable, too big,
  not text, not YAML, not a list of ``name: value`` lines), is renamed
  ``settings.yaml.bak`` (or ``.bak.1``, ...; never over another file) and
  every setting takes its default;
* a file named with ``--config`` is never renamed: when it is not a settings
  file at all (the same faults, or none of its names is a setting: a guide
  given by mistake), ``run`` and ``setup`` refuse it (exit 2) and say why;
* the read-only commands (``config show``, ``doctor``: ``read_only``) write
  nothing and refuse nothing: they report the problem and show the defaults;
* in a readable file, a single bad value (wrong type, unknown choice) falls
  back to its default and an unknown name is ignored, each with a notice that
  gives the line; the rest of the file is used and the file is left as it is,
  so that the carer can fix that one line. A number out of range is brought
  back within range.

Notices are French sentences for the person at the console; the caller shows
them.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from voiceguide.errors import UserError
from voiceguide.listening.turns import InputKind
from voiceguide.speech_levels import (
    MAX_RATE_LEVEL,
    MAX_VOLUME_LEVEL,
    MIN_RATE_LEVEL,
    MIN_VOLUME_LEVEL,
    rate_wpm,
    volume,
)
from voiceguide.userdirs import (
    FileTooBig,
    config_dir,
    read_limited,
    set_aside,
    shorten,
    size_text,
    write_atomic,
)

SETTINGS_FILE_NAME = "settings.yaml"
MIN_NOINPUT_TIMEOUT = 0.5
MAX_NOINPUT_TIMEOUT = 600.0
MIN_ACTION_WAIT = 10.0       # seconds left to act on the website before one reminder
MAX_ACTION_WAIT = 3600.0
# A settings file is a few dozen lines (about 1 KB): anything this big is some other file.
MAX_SETTINGS_BYTES = 64 * 1024


@dataclass
class Settings:
    """What a carer sets once for a user; None means "choose automatically"."""

    input: str | None = None               # the value of an InputKind
    microphone: str | int | None = None    # device name (or part of it) or index, as sounddevice takes it
    voice: str | None = None               # pyttsx3 voice id or name
    rate_level: int = 0                    # see speech_levels
    volume_level: int = 0
    noinput_timeout: float = 9.0           # seconds of silence before a re-prompt, at a question
    action_wait: float = 90.0              # seconds left to act on the website before one short reminder
    earcons: bool = True                   # short tones (listening, not understood)
    barge_in: bool = False                 # the voice may interrupt the guide (headset users)
    model: Path | None = None              # vosk model directory
    sees_screen: bool = False              # the person sees the screen a little: positions are said too
    screen_reader: bool | None = None      # print only, for the person's screen reader; None: not asked yet


def _number(value: float) -> str:
    """A number written the French way: 8,5."""
    return f"{value:g}".replace(".", ",")


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Settings))

# French names of the settings, for ``config show``.
_DESCRIPTIONS: dict[str, str] = {
    "input": "Entrée",
    "microphone": "Microphone",
    "voice": "Voix",
    "rate_level": "Vitesse de parole",
    "volume_level": "Volume",
    "noinput_timeout": "Silence avant une relance",
    "action_wait": "Temps laissé pour agir sur le site",
    "earcons": "Petits sons de repère",
    "barge_in": "Interrompre le guide à la voix",
    "model": "Modèle de reconnaissance vocale",
    "sees_screen": "Voit un peu l'écran",
    "screen_reader": "Mode lecteur d'écran",
}

_FILE_COMMENTS: dict[str, str] = {
    "input": "Entrée : micro, keyboard (touches) ou text ; vide = la meilleure entrée disponible.",
    "microphone": "Microphone : nom (ou partie du nom) ou numéro ; vide = celui du système.",
    "voice": "Voix : identifiant ou nom de la voix ; vide = une voix française.",
    "rate_level": f"Vitesse de parole : de {MIN_RATE_LEVEL} (plus lent) à {MAX_RATE_LEVEL} (plus vite) ; "
                  f"0 = environ {rate_wpm(0)} mots par minute.",
    "volume_level": f"Volume : de {MIN_VOLUME_LEVEL} (moins fort) à {MAX_VOLUME_LEVEL} (plus fort).",
    "noinput_timeout": f"Secondes de silence avant une relance quand le guide pose une question, "
                       f"de {_number(MIN_NOINPUT_TIMEOUT)} à {_number(MAX_NOINPUT_TIMEOUT)}.",
    "action_wait": f"Secondes laissées pour agir sur le site (taper, activer un bouton) avant un court rappel, "
                   f"de {_number(MIN_ACTION_WAIT)} à {_number(MAX_ACTION_WAIT)}.",
    "earcons": "Petits sons quand le guide écoute ou n'a pas compris : true (oui) ou false (non).",
    "barge_in": "Couper la parole au guide en parlant (avec un casque) : true (oui) ou false (non).",
    "model": "Dossier du modèle vosk français ; vide = celui installé par défaut.",
    "sees_screen": "La personne voit un peu l'écran : true (le guide dit aussi où sont les éléments) "
                   "ou false (seulement le chemin au clavier).",
    "screen_reader": "Mode lecteur d'écran : true (le guide écrit seulement, le lecteur d'écran lit ses lignes), "
                     "false (le guide parle) ; vide = le guide le propose s'il trouve un lecteur d'écran.",
}

_FRENCH_BOOLEANS = {"oui": True, "vrai": True, "non": False, "faux": False}


def settings_path(explicit: Path | None) -> Path:
    """The file to use: ``--config FILE`` when given, else the one in the user's config directory."""
    if explicit is not None:
        return explicit.expanduser()
    return config_dir() / SETTINGS_FILE_NAME


def load_settings(path: Path | None, *, read_only: bool = False) -> tuple[Settings, list[str]]:
    """Read the settings; return them with French notices to show (empty when all is well).

    ``path`` is ``--config FILE`` (None: the default file). A missing default
    file is normal on first use and gives no notice; a missing ``--config``
    file does, since it is probably a typo. Raises UserError (exit 2) for a
    ``--config`` file that is not settings at all, unless ``read_only``; see
    the module docstring.
    """
    target = settings_path(path)
    explicit = path is not None
    if target.is_dir():
        return _unusable(target, "c'est un dossier", explicit, read_only, movable=False)
    if target.exists() and not target.is_file():  # a FIFO or a device would block or never end
        return _unusable(target, "ce n'est pas un fichier ordinaire", explicit, read_only, movable=False)
    try:
        raw = read_limited(target, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        if not explicit:
            return Settings(), []
        return Settings(), [
            f"Le fichier de réglages « {target} » n'existe pas : les réglages par défaut sont utilisés. "
            "Vérifiez le nom donné à --config."
        ]
    except FileTooBig as exc:
        return _unusable(target, f"il est bien trop gros ({size_text(exc.size)}) : un fichier de réglages ne fait "
                                 "que quelques lignes", explicit, read_only)
    except OSError as exc:
        return _unusable(target, f"impossible de le lire ({exc.strerror or exc})", explicit, read_only)

    data, reason = _parse(raw)
    if reason is not None:
        return _unusable(target, reason, explicit, read_only)
    if explicit and data and not any(_is_setting_name(str(key)) for key in data):
        names = ", ".join(shorten(str(key), 12) for key in list(data)[:4])
        return _unusable(target, f"aucun de ses noms ({names}) n'est un réglage", explicit, read_only,
                         movable=False)
    lines = _key_lines(raw)
    values: dict[str, Any] = {}
    notices: list[str] = []
    for key, value in data.items():
        key = str(key)
        where = f"{target}:{lines.get(key, 1)}"
        if key not in FIELD_NAMES:
            notices.append(
                f"{where}: « {key} » n'est pas un réglage connu ; il est ignoré. "
                f"Réglages possibles : {', '.join(FIELD_NAMES)}."
            )
            continue
        converted, problem = _CONVERTERS[key](value)
        if problem is not None:
            notices.append(f"{where}: réglage « {key} » : {problem}")
        if converted is not _DEFAULT:
            values[key] = converted
    return Settings(**values), notices


def save_settings(settings: Settings, path: Path | None) -> Path:
    """Write the settings (commented, for a carer to read) in one atomic step; return the file written.

    Raises OSError when the file cannot be written; the caller says so in French.
    """
    target = settings_path(path)
    lines = [
        "# Réglages de voiceguide.",
        "# Vous pouvez modifier ce fichier à la main ; « voiceguide config show » affiche les réglages en vigueur.",
        "# Une option de la ligne de commande l'emporte sur ce fichier.",
        "",
    ]
    for name in FIELD_NAMES:
        lines.append(f"# {_FILE_COMMENTS[name]}")
        lines.append(f"{name}:{_yaml_value(getattr(settings, name))}")
    write_atomic(target, "\n".join(lines) + "\n")
    return target


def merge_cli(settings: Settings, overrides: Mapping[str, Any]) -> Settings:
    """Settings with the command-line options applied on top.

    A value of None means "not given on the command line". Keys that are not
    settings are ignored, so ``vars(args)`` can be passed as it is; for that
    to work, boolean flags must default to None, not False.
    """
    given = {k: v for k, v in overrides.items() if k in FIELD_NAMES and v is not None}
    if isinstance(given.get("model"), str):
        given["model"] = Path(given["model"])
    return dataclasses.replace(settings, **given)


def remember(path: Path | None, **changes: Any) -> Path:
    """Change some settings in the file and keep the others as they are written there (not as this
    run's options made them); return the file written. Raises OSError when it cannot be written."""
    settings, _ = load_settings(path, read_only=True)
    return save_settings(dataclasses.replace(settings, **changes), path)


def format_settings(settings: Settings, path: Path) -> str:
    """The settings in French, one per line, for ``voiceguide config show``."""
    if path.is_file():
        origin = f"Fichier de réglages : {path}"
    else:
        origin = f"Fichier de réglages : {path} (absent : réglages par défaut)"
    shown = {
        "input": settings.input or "automatique (la meilleure disponible)",
        "microphone": "celui du système" if settings.microphone is None else str(settings.microphone),
        "voice": settings.voice or "automatique (une voix française)",
        "rate_level": f"{settings.rate_level} (environ {rate_wpm(settings.rate_level)} mots par minute)",
        "volume_level": f"{settings.volume_level} ({round(volume(settings.volume_level) * 100)} %)",
        "noinput_timeout": f"{_number(settings.noinput_timeout)} secondes",
        "action_wait": f"{_number(settings.action_wait)} secondes",
        "sees_screen": "oui" if settings.sees_screen else "non",
        "screen_reader": ("pas encore choisi" if settings.screen_reader is None
                          else "oui" if settings.screen_reader else "non"),
        "earcons": "oui" if settings.earcons else "non",
        "barge_in": "oui" if settings.barge_in else "non",
        "model": str(settings.model) if settings.model else "automatique (celui installé par défaut)",
    }
    width = max(len(_DESCRIPTIONS[name]) + len(name) + 3 for name in FIELD_NAMES)
    lines = [origin]
    for name in FIELD_NAMES:
        label = f"{_DESCRIPTIONS[name]} ({name})"
        lines.append(f"  {label.ljust(width)} : {shown[name]}")
    return "\n".join(lines)


# ── reading ────────────────────────────────────────────────────────────────

_DEFAULT = object()  # a converter's "use the default" answer


def _parse(raw: bytes) -> tuple[dict, str | None]:
    """The file's mapping, or the French reason why the file as a whole cannot be used."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {}, "il ne contient pas de texte lisible (caractères invalides)"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (ligne {mark.line + 1})" if mark is not None else ""
        return {}, f"il n'est pas écrit correctement{at}"
    except Exception:  # noqa: BLE001 - PyYAML's constructors raise ValueError, AttributeError, RecursionError... on garbage
        return {}, "il n'est pas écrit correctement"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "il devrait contenir des lignes « nom: valeur »"
    return data, None


def _is_setting_name(name: str) -> bool:
    """A setting's name, or one misspelt (« rate_levle »): the file is settings, with a typo to report."""
    return name in FIELD_NAMES or bool(difflib.get_close_matches(name, FIELD_NAMES, n=1, cutoff=0.75))


def _key_lines(raw: bytes) -> dict[str, int]:
    """1-based line of each top-level key, for notices (the file is known to parse)."""
    node = yaml.compose(raw.decode("utf-8"))
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}


def _unusable(target: Path, reason: str, explicit: bool, read_only: bool,
             movable: bool = True) -> tuple[Settings, list[str]]:
    """The defaults, and what to tell about a file that cannot be used as a whole (module docstring).

    Only the default file is set aside (``movable``: a file, not a folder or
    a pipe), and only by a command that may write.
    """
    if explicit and not read_only:
        raise UserError(
            f"« {target} » ne peut pas servir de fichier de réglages : {reason}. Il n'a pas été modifié. "
            "Vérifiez le nom donné à --config ; « voiceguide setup --config NOUVEAU-FICHIER » en crée un."
        )
    opening = (f"« {target} » ne peut pas servir de fichier de réglages" if explicit
               else f"Le fichier de réglages « {target} » ne peut pas être utilisé")
    if read_only or not movable:
        where = "Il n'a pas été modifié." if target.is_file() else ""
    else:
        kept = set_aside(target)
        where = (f"Il n'a pas pu être renommé et reste à sa place : « {target} »." if kept is None
                 else f"Il a été mis de côté sous « {kept} ».")
    advice = ("Vérifiez le nom donné à --config." if explicit
              else "Vous pouvez le corriger et le remettre à sa place, ou refaire les réglages.")
    return Settings(), [
        " ".join(part for part in (f"{opening} : {reason}.", "Les réglages par défaut sont utilisés.", where, advice)
                 if part)
    ]


def _shown(value: Any) -> str:
    """A value from the file, quoted as the carer wrote it."""
    return f"« {value if isinstance(value, str) else _yaml_value(value).strip()} »"


def _choice(allowed: tuple[str, ...]) -> Callable[[Any], tuple[Any, str | None]]:
    def convert(value: Any) -> tuple[Any, str | None]:
        if value is None:
            return None, None
        if isinstance(value, str) and value.strip().lower() in allowed:
            return value.strip().lower(), None
        return _DEFAULT, (
            f"{_shown(value)} n'est pas possible ; choisissez parmi {', '.join(allowed)}, "
            "ou laissez vide. La valeur par défaut (automatique) est utilisée."
        )
    return convert


def _text(value: Any) -> tuple[Any, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, str):
        return value.strip(), None
    return _DEFAULT, f"{_shown(value)} devrait être un texte. La valeur par défaut (automatique) est utilisée."


def _microphone(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, None
    return _text(value)


def _path(value: Any) -> tuple[Any, str | None]:
    converted, problem = _text(value)
    if isinstance(converted, str):
        return Path(converted).expanduser(), None
    return converted, problem


def _level(low: int, high: int) -> Callable[[Any], tuple[Any, str | None]]:
    def convert(value: Any) -> tuple[Any, str | None]:
        if isinstance(value, bool) or not isinstance(value, int):
            return _DEFAULT, (
                f"{_shown(value)} devrait être un nombre entier de {low} à {high}. "
                "La valeur par défaut (0) est utilisée."
            )
        if not low <= value <= high:
            bounded = max(low, min(high, value))
            return bounded, f"la valeur {value} est hors des limites ({low} à {high}) ; {bounded} est utilisée."
        return value, None
    return convert


def _seconds(default: float, low: float, high: float) -> Callable[[Any], tuple[Any, str | None]]:
    def convert(value: Any) -> tuple[Any, str | None]:
        return _bounded_seconds(value, default, low, high)
    return convert


def _bounded_seconds(value: Any, default: float, low: float, high: float) -> tuple[Any, str | None]:
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "."))
        except ValueError:
            pass
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return _DEFAULT, (
            f"{_shown(value)} devrait être un nombre de secondes. "
            f"La valeur par défaut ({_number(default)} secondes) est utilisée."
        )
    if not low <= value <= high:
        bounded = max(low, min(high, float(value)))
        return bounded, (
            f"la valeur {_number(value)} est hors des limites ({_number(low)} à "
            f"{_number(high)} secondes) ; {_number(bounded)} est utilisée."
        )
    return float(value), None


def _flag(default: bool | None) -> Callable[[Any], tuple[Any, str | None]]:
    """Oui or non; when ``default`` is None, an empty value means « not chosen yet »."""
    def convert(value: Any) -> tuple[Any, str | None]:
        if isinstance(value, bool) or (value is None and default is None):
            return value, None
        if isinstance(value, str) and value.strip().lower() in _FRENCH_BOOLEANS:
            return _FRENCH_BOOLEANS[value.strip().lower()], None
        answer = "pas encore choisi" if default is None else "oui" if default else "non"
        return _DEFAULT, f"{_shown(value)} devrait être oui ou non. La valeur par défaut ({answer}) est utilisée."
    return convert


_CONVERTERS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "input": _choice(tuple(kind.value for kind in InputKind)),
    "microphone": _microphone,
    "voice": _text,
    "rate_level": _level(MIN_RATE_LEVEL, MAX_RATE_LEVEL),
    "volume_level": _level(MIN_VOLUME_LEVEL, MAX_VOLUME_LEVEL),
    "noinput_timeout": _seconds(Settings.noinput_timeout, MIN_NOINPUT_TIMEOUT, MAX_NOINPUT_TIMEOUT),
    "action_wait": _seconds(Settings.action_wait, MIN_ACTION_WAIT, MAX_ACTION_WAIT),
    "earcons": _flag(Settings.earcons),
    "barge_in": _flag(Settings.barge_in),
    "model": _path,
    "sees_screen": _flag(Settings.sees_screen),
    "screen_reader": _flag(None),
}


def _yaml_value(value: Any) -> str:
    """``value`` as it follows ``name:`` on a line; nothing for None (YAML reads an empty value as null)."""
    if value is None:
        return ""
    if isinstance(value, Path):
        value = str(value)
    # Texts always in double quotes: the one YAML style that escapes every
    # character (line breaks, NEL, BOM...) so that the text comes back as it was.
    style = '"' if isinstance(value, str) else None
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, default_style=style,
                            width=1_000_000)
    return " " + dumped.strip().removesuffix("...").strip()
