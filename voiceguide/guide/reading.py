"""Reading a guide file down to PyYAML's composed nodes, refusing what cannot be a guide.

The file is never constructed into Python objects by PyYAML, so every value
keeps its line; aliases, huge files and deep nesting are refused before they
cost anything.
"""

from __future__ import annotations

import stat
from pathlib import Path

import yaml
from yaml.nodes import Node

# A real guide is a few tens of kB. The limit keeps the pure-Python parser
# well under a second on a slow machine, and refuses a wrong file at once.
MAX_GUIDE_BYTES = 128 * 1024
MAX_GUIDE_SIZE_TEXT = "128 Ko"
# A guide nests 7 levels deep (guide > steps > step > choices > choice >
# phrases > phrase); anything much deeper is not a guide, and deep nesting
# would otherwise exhaust Python's recursion in the composer.
MAX_DEPTH = 20

Located = tuple[int, str]  # (line, French message)


def read_text(path: Path) -> tuple[str, Located | None]:
    """The file's text, or the reason it cannot be a guide (size, encoding, kind)."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return "", (1, "fichier introuvable : vérifiez le chemin et le nom du fichier")
    except PermissionError:
        return "", (1, "accès refusé à ce fichier : vérifiez ses droits de lecture")
    except OSError as exc:
        return "", (1, f"fichier illisible (erreur système {exc.errno}) : vérifiez le chemin")
    if stat.S_ISDIR(info.st_mode):
        return "", (1, "c'est un dossier, pas un fichier : indiquez le fichier .yaml du guide")
    if not stat.S_ISREG(info.st_mode):
        return "", (1, "ce n'est pas un fichier ordinaire : indiquez le fichier .yaml du guide")
    if info.st_size > MAX_GUIDE_BYTES:
        return "", (1, _too_big(info.st_size))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_GUIDE_BYTES + 1)
    except PermissionError:
        return "", (1, "lecture refusée : vérifiez les droits de lecture du fichier")
    except OSError as exc:
        return "", (1, f"lecture impossible (erreur système {exc.errno}) : vérifiez le fichier")
    if len(data) > MAX_GUIDE_BYTES:  # the file grew after stat()
        return "", (1, _too_big(len(data)))
    return _decode(data)


def _too_big(size: int) -> str:
    shown = (f"{size // 1024} Ko" if size < 1024 * 1024
             else f"{size / (1024 * 1024):.1f} Mo".replace(".", ","))
    return (f"fichier trop gros ({shown}) : un guide ne dépasse pas {MAX_GUIDE_SIZE_TEXT} ; "
            "vérifiez que c'est bien le fichier .yaml du guide")


def _decode(data: bytes) -> tuple[str, Located | None]:
    """UTF-8 text (a leading BOM is allowed); binary and other encodings are refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", (1, "fichier encodé en UTF-16 : enregistrez-le en UTF-8 depuis votre éditeur")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return "", (line, "fichier binaire (octet nul) : un guide est un fichier texte YAML "
                          "en UTF-8 ; vérifiez que c'est le bon fichier")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return "", (line, "texte qui n'est pas en UTF-8 (caractère illisible) : "
                          "enregistrez le fichier en UTF-8 depuis votre éditeur")
    return text, None


class _Refused(Exception):
    """Raised while composing: something a guide must not contain."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _GuideLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases, and deep nesting, while composing.

    Refusing them before the node graph is built is what defuses an alias
    bomb ("billion laughs"): guides never need to share a value.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, f"alias YAML « *{event.anchor} » refusé : les ancres (&) et "
                                 "les alias (*) ne sont pas acceptés dans un guide ; "
                                 "écrivez chaque valeur en entier")
        if getattr(event, "anchor", None) is not None:
            raise _Refused(line, f"ancre YAML « &{event.anchor} » refusée : les ancres (&) et "
                                 "les alias (*) ne sont pas acceptés dans un guide ; "
                                 "écrivez chaque valeur en entier")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(line, f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux) : "
                                     "un guide n'a que des étapes, des choix et des phrases")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str) -> tuple[Node | None, Located | None]:
    """The YAML node tree, or the located reason it cannot be read."""
    loader: _GuideLoader | None = None
    try:
        loader = _GuideLoader(text)  # checks for forbidden characters at once
        root = loader.get_single_node()
    except _Refused as exc:
        return None, (exc.line, exc.message)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        return None, (line, f"caractère interdit (U+{exc.character:04X}) : retirez-le du fichier"
                      if isinstance(exc.character, int) else
                      "caractère interdit : retirez-le du fichier")
    except yaml.MarkedYAMLError as exc:
        return None, _yaml_syntax(exc)
    except yaml.YAMLError as exc:
        return None, (1, f"erreur de syntaxe YAML ({exc}) : vérifiez le fichier")
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None, (1, "le fichier est vide : un guide commence par « title: », « language: fr », "
                         "« source: », « start: » et « steps: »")
    return root, None


# (part of PyYAML's context or problem text, French message, use the context's line)
_SYNTAX_MESSAGES: tuple[tuple[str, str, bool], ...] = (
    ("while scanning a quoted scalar",
     "guillemet jamais fermé : fermez le texte avec le même guillemet", True),
    ("while scanning a double-quoted scalar",
     "séquence « \\ » inconnue entre guillemets doubles : écrivez « \\\\ » ou utilisez des "
     "guillemets simples", False),
    ("while scanning a simple key",
     "« : » manquant : une ligne de dictionnaire s'écrit « clé: valeur » (ou la ligne "
     "précédente continue à tort)", True),
    ("found character '\\t'",
     "tabulation interdite : indentez avec des espaces", False),
    ("that cannot start any token",
     "caractère interdit en début de valeur : mettez le texte entre guillemets", False),
    ("mapping values are not allowed here",
     "« : » inattendu : si le texte contient « : », mettez-le entre guillemets ; sinon "
     "vérifiez l'indentation", False),
    ("expected ',' or ']'",
     "liste entre crochets mal écrite : séparez les éléments par des virgules et fermez "
     "avec « ] »", True),
    ("expected ',' or '}'",
     "dictionnaire entre accolades mal écrit : séparez par des virgules et fermez avec « } »",
     True),
    ("expected a single document",
     "un seul document attendu : retirez les séparateurs « --- » en trop", False),
    ("expected <block end>",
     "indentation incorrecte ou élément en trop : alignez cette ligne sur ses voisines", False),
    ("did not find expected '-' indicator",
     "indentation incorrecte dans une liste : alignez les « - » les uns sous les autres", False),
    ("did not find expected key",
     "indentation incorrecte : alignez cette ligne sur les clés voisines", False),
    ("found undefined tag handle",
     "étiquette « ! » inconnue : mettez le texte entre guillemets", False),
    ("while parsing a tag",
     "étiquette « ! » mal écrite : mettez le texte entre guillemets", False),
    ("while scanning an anchor",
     "texte commençant par « & » : mettez-le entre guillemets", False),
    ("while scanning an alias",
     "texte commençant par « * » : mettez-le entre guillemets", False),
    ("while scanning a block scalar",
     "texte mal commencé après « > » ou « | » : passez à la ligne pour écrire le texte, indenté",
     False),
    ("while parsing a flow node",
     "élément vide ou caractère inattendu entre crochets ou accolades : mettez les textes "
     "qui contiennent « , », « [ » ou « - » entre guillemets", False),
    ("expected the node content",
     "valeur manquante ou caractère inattendu : mettez le texte entre guillemets", False),
    ("sequence entries are not allowed here",
     "« - » inattendu : un élément de liste se place sous la clé de sa liste, aligné sur les "
     "autres « - »", False),
    ("mapping keys are not allowed here",
     "« ? » ou clé inattendue : vérifiez l'indentation, ou mettez le texte entre guillemets", False),
    ("expected '<document start>'",
     "ligne inattendue en tête de fichier (« % ») : retirez-la", False),
)


def _yaml_syntax(exc: yaml.MarkedYAMLError) -> Located:
    """A French message for PyYAML's English syntax errors, at the most useful line."""
    mark = exc.problem_mark or exc.context_mark
    found = f"{exc.context or ''} {exc.problem or ''}"
    for needle, french, at_context in _SYNTAX_MESSAGES:
        if needle in found:
            message = french
            if at_context and exc.context_mark is not None:
                mark = exc.context_mark
            break
    else:
        problem = (exc.problem or exc.context or "").strip()
        message = (f"erreur de syntaxe YAML ({problem}) : vérifiez l'indentation, les « : » "
                   "et les guillemets autour de cette ligne")
    line = mark.line + 1 if mark is not None else 1
    # Reported where the quote or bracket opened; where PyYAML noticed helps too.
    if mark is exc.context_mark and exc.problem_mark is not None \
            and exc.problem_mark.line + 1 != line:
        message += f" (remarqué à la ligne {exc.problem_mark.line + 1})"
    return line, message
