"""A guide's flow as a Mermaid flowchart, so that a carer can see its branches at a glance.

Paste the text into any Mermaid viewer (mermaid.live, a Markdown preview in
an editor, GitLab or GitHub); a ``.md`` file gets it inside a fenced
``mermaid`` block, which those previews draw directly.

Reading the chart: one box per step (title, then id), plain arrows for
"suivant", labelled arrows for spoken choices and for « oui » / « non », a round "Début" pointing at
the start step and a round "Fin" after each final step. Steps reachable from
anywhere by a topic shortcut have a dashed border and list their topics.

The file written starts with a mark (``CHART_MARK``): only a file that holds
it is ever replaced, so a forgotten chart name (``validate --graph
mon-guide.yaml``) can never write over the guide or any other file.
"""

from __future__ import annotations

from pathlib import Path

from voiceguide.errors import UserError
from voiceguide.guide import Guide, Step
from voiceguide.userdirs import write_atomic

# Mermaid reads these as syntax even inside a quoted label; its entity codes
# (#quot;, #35; ...) stand for them. '#' goes first: it starts those codes.
_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
}

CHART_MARK = "Diagramme écrit par « voiceguide validate --graph », qui le remplace à chaque fois."
_MARK_WITHIN = 8 * 1024   # bytes at the head of a file where the mark is looked for
GUIDE_SUFFIXES = (".yaml", ".yml")

START_NODE = "debut"
END_NODE = "fin"
_TO_END = "#end"  # not a possible step id, so a step named "fin" cannot be mistaken for the end


def escape_label(text: str) -> str:
    """``text`` on one line, safe inside a double-quoted Mermaid label."""
    return "".join(_ENTITIES.get(ch, ch) for ch in " ".join(text.split()))


def guide_to_mermaid(guide: Guide) -> str:
    """The guide as a ``flowchart TD``; node ids are generated (s1, s2, ...) so no step id can clash with Mermaid words."""
    node = {step.id: f"s{i}" for i, step in enumerate(guide.steps, 1)}
    lines = [f"%% {escape_label(guide.title)}", "flowchart TD", f'    {START_NODE}(("Début"))']
    for step in guide.steps:
        label = f"{escape_label(step.title)}<br/>({escape_label(step.id)})"
        if step.topics:
            topics = ", ".join(f"« {escape_label(t)} »" for t in step.topics)
            label += f"<br/>raccourci : {topics}"
        lines.append(f'    {node[step.id]}["{label}"]')
    if any(step.end for step in guide.steps):
        lines.append(f'    {END_NODE}(("Fin"))')

    if guide.start in node:
        lines.append(f"    {START_NODE} --> {node[guide.start]}")
    for step in guide.steps:
        for target, labels in _edges(step).items():
            if target == _TO_END:
                lines.append(f"    {node[step.id]} --> {END_NODE}")
            elif target in node and labels:
                text = " / ".join(escape_label(label) for label in labels)
                lines.append(f'    {node[step.id]} -- "{text}" --> {node[target]}')
            elif target in node:
                lines.append(f"    {node[step.id]} --> {node[target]}")

    lines += [
        "    classDef depart stroke-width:3px",
        "    classDef arrivee stroke-width:3px",
        "    classDef raccourci stroke-dasharray:5 5",
    ]
    lines += _class_line("depart", [node[guide.start]] if guide.start in node else [])
    lines += _class_line("arrivee", [node[s.id] for s in guide.steps if s.end])
    lines += _class_line("raccourci", [node[s.id] for s in guide.steps if s.topics])
    return "\n".join(lines) + "\n"


def write_mermaid(guide: Guide, path: Path) -> None:
    """Write the chart to ``path`` (inside a ```` ```mermaid ```` block for a ``.md`` file).

    Raises UserError (exit 2) in French when the file cannot be written, or
    when it exists and is not a chart written here (``check_graph_target``).
    """
    chart = guide_to_mermaid(guide)
    if path.suffix.lower() in (".md", ".markdown"):
        chart = f"# {guide.title}\n\n<!-- {CHART_MARK} -->\n\n```mermaid\n{chart}```\n"
    else:
        chart = f"%% {CHART_MARK}\n{chart}"
    check_graph_target(path)
    try:
        write_atomic(path, chart)
    except OSError as exc:
        raise UserError(
            f"Impossible d'écrire le graphe dans « {path} » ({exc.strerror or exc}) : "
            "choisissez un autre emplacement pour --graph."
        ) from None


def check_graph_target(path: Path) -> None:
    """Refuses (UserError, exit 2) a ``--graph`` file that would replace anything but a chart written here."""
    another_name = "Donnez à --graph le nom d'un nouveau fichier, par exemple « guide.md »"
    if path.suffix.lower() in GUIDE_SUFFIXES:
        raise UserError(f"« {path} » est un nom de guide (.yaml), pas de diagramme : il n'est pas touché. "
                        f"{another_name} (« voiceguide validate GUIDE.yaml --graph guide.md »).")
    if path.is_dir():
        raise UserError(f"« {path} » est un dossier : donnez un nom de fichier à --graph (par exemple guide.md).")
    if not (path.exists() or path.is_symlink()):
        return
    if not path.is_file() or not _holds_mark(path):
        raise UserError(f"« {path} » existe déjà et n'est pas un diagramme écrit par voiceguide : il n'est pas "
                        f"remplacé. {another_name}.")


def _holds_mark(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_MARK_WITHIN)
    except OSError:
        return False
    return CHART_MARK.encode("utf-8") in head


def _edges(step: Step) -> dict[str, list[str]]:
    """Target step id (or _TO_END) -> the labels leading there, one arrow per target.

    "suivant" is written only when the step also has choices or yes/no; a
    choice (or « oui », « non ») that goes where "suivant" goes shares its arrow.
    """
    edges: dict[str, list[str]] = {}
    answered = step.choices or step.if_yes or step.if_no
    if step.next is not None:
        edges[step.next] = ["suivant"] if answered else []
    for choice in step.choices:
        edges.setdefault(choice.target, []).append(choice.label)
    for target, answer in ((step.if_yes, "oui"), (step.if_no, "non")):
        if target is not None:
            edges.setdefault(target, []).append(answer)
    if step.end:
        edges.setdefault(_TO_END, [])
    return edges


def _class_line(name: str, nodes: list[str]) -> list[str]:
    return [f"    class {','.join(nodes)} {name}"] if nodes else []
