"""The Mermaid flowchart of a guide: every step and branch present, labels safe for Mermaid.

Mermaid itself (JavaScript) is not available to the tests; they read the chart
back with a small parser of the few line shapes ``guide_to_mermaid`` writes and
compare the result with the guide. (The output was also checked once by hand
with mermaid 11's own parser; see the report of the change.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voiceguide.carer.graph import (
    CHART_MARK,
    END_NODE,
    START_NODE,
    escape_label,
    guide_to_mermaid,
    write_mermaid,
)
from voiceguide.errors import UserError
from voiceguide.guide import DEFAULT_GUIDE, Choice, Guide, Step, load_guide

DOCS = Path(__file__).resolve().parent.parent / "docs"

NODE = re.compile(r'^    (\w+)(\["|\(\(")(.*)("\]|"\)\))$')
PLAIN_EDGE = re.compile(r"^    (\w+) --> (\w+)$")
LABELLED_EDGE = re.compile(r'^    (\w+) -- "(.*)" --> (\w+)$')
CLASS = re.compile(r"^    class ([\w,]+) (\w+)$")


def parse(chart: str) -> tuple[dict[str, str], list[tuple[str, str, str | None]], dict[str, set[str]]]:
    """(node -> label, edges (from, to, label or None), class -> nodes); fails on any other line."""
    lines = chart.splitlines()
    assert lines[0].startswith("%% ") and lines[1] == "flowchart TD"
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str | None]] = []
    classes: dict[str, set[str]] = {}
    for line in lines[2:]:
        if m := NODE.match(line):
            assert m.group(1) not in nodes
            nodes[m.group(1)] = m.group(3)
        elif m := LABELLED_EDGE.match(line):
            edges.append((m.group(1), m.group(3), m.group(2)))
        elif m := PLAIN_EDGE.match(line):
            edges.append((m.group(1), m.group(2), None))
        elif m := CLASS.match(line):
            classes.setdefault(m.group(2), set()).update(m.group(1).split(","))
        else:
            assert line.startswith("    classDef "), line
    for source, target, _ in edges:
        assert source in nodes and target in nodes
    return nodes, edges, classes


def unescape(text: str) -> str:
    for code, char in (("#quot;", '"'), ("#lt;", "<"), ("#gt;", ">"), ("#amp;", "&"), ("#96;", "`"),
                       ("#35;", "#")):
        text = text.replace(code, char)
    return text


@pytest.fixture(scope="module")
def ameli() -> Guide:
    return load_guide(DEFAULT_GUIDE)


def node_of(nodes: dict[str, str], step_id: str) -> str:
    return next(n for n, label in nodes.items() if f"<br/>({step_id})" in label)


def test_every_step_is_a_node_with_its_title(ameli: Guide) -> None:
    nodes, _, _ = parse(guide_to_mermaid(ameli))
    assert len(nodes) == len(ameli.steps) + 2  # plus Début and Fin
    for step in ameli.steps:
        assert unescape(nodes[node_of(nodes, step.id)]).startswith(f"{step.title}<br/>({step.id})")


def test_edges_match_next_choices_yes_and_no(ameli: Guide) -> None:
    nodes, edges, _ = parse(guide_to_mermaid(ameli))
    drawn = {(s, t): label for s, t, label in edges}
    assert len(drawn) == len(edges)  # one arrow per pair of steps
    expected: dict[tuple[str, str], list[str]] = {}
    for step in ameli.steps:
        source = node_of(nodes, step.id)
        answered = step.choices or step.if_yes or step.if_no
        if step.next:
            expected.setdefault((source, node_of(nodes, step.next)), []).extend(["suivant"] if answered else [])
        for choice in step.choices:
            expected.setdefault((source, node_of(nodes, choice.target)), []).append(choice.label)
        for target, answer in ((step.if_yes, "oui"), (step.if_no, "non")):
            if target:
                expected.setdefault((source, node_of(nodes, target)), []).append(answer)
        if step.end:
            expected[(source, END_NODE)] = []
    expected[(START_NODE, node_of(nodes, ameli.start))] = []
    assert {pair: (unescape(label).split(" / ") if label else []) for pair, label in drawn.items()} == expected


def test_both_branches_of_the_forgotten_code_are_drawn(ameli: Guide) -> None:
    nodes, edges, _ = parse(guide_to_mermaid(ameli))
    source = node_of(nodes, "oubli-choix-envoi")
    branches = {label: target for s, target, label in edges if s == source}
    assert branches["par e-mail"] == node_of(nodes, "oubli-email")
    assert branches["par courrier"] == node_of(nodes, "oubli-courrier")


def test_start_end_and_shortcuts_are_marked(ameli: Guide) -> None:
    nodes, _, classes = parse(guide_to_mermaid(ameli))
    assert nodes[START_NODE] == "Début" and nodes[END_NODE] == "Fin"
    assert classes["depart"] == {node_of(nodes, ameli.start)}
    assert classes["arrivee"] == {node_of(nodes, s.id) for s in ameli.steps if s.end}
    assert classes["raccourci"] == {node_of(nodes, s.id) for s in ameli.steps if s.topics}
    paiements = nodes[node_of(nodes, "mes-paiements")]
    assert "raccourci : « mes paiements »" in paiements


def test_yes_and_no_are_labelled_arrows() -> None:
    guide = Guide(title="t", language="fr", source="s", start="q", steps=(
        Step(id="q", title="Un code ?", say="x", if_yes="a", if_no="b"),
        Step(id="a", title="a", say="x", next="b"),
        Step(id="b", title="b", say="x", end=True),
    ))
    _, edges, _ = parse(guide_to_mermaid(guide))
    assert ("s1", "s2", "oui") in edges and ("s1", "s3", "non") in edges


def test_step_ids_that_are_mermaid_words_cannot_break_the_chart() -> None:
    guide = Guide(title="t", language="fr", source="s", start="end", steps=(
        Step(id="end", title="Fin ?", say="x", next="fin"),
        Step(id="fin", title="subgraph", say="x", next="graph"),
        Step(id="graph", title="o", say="x", end=True),
    ))
    nodes, edges, _ = parse(guide_to_mermaid(guide))
    assert set(nodes) == {START_NODE, END_NODE, "s1", "s2", "s3"}
    assert ("s1", "s2", None) in edges      # "next: fin" goes to the step called fin, not to the Fin circle
    assert ("s2", "s3", None) in edges
    assert ("s3", END_NODE, None) in edges


# Characters and words that mean something to Mermaid, mixed with ordinary text.
HOSTILE = st.lists(st.sampled_from(list('ab é"#;<>&`[](){}|%:-\n\t«»') + ["#quot;", "end", "-->", "%%"]),
                   min_size=1, max_size=20).map("".join).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(title=HOSTILE, label=HOSTILE, topic=HOSTILE)
def test_any_text_is_escaped_and_comes_back(title: str, label: str, topic: str) -> None:
    guide = Guide(title=title, language="fr", source="s", start="a", steps=(
        Step(id="a", title=title, say="x", next="b", topics=(topic,),
             choices=(Choice(label=label, phrases=("p",), target="b"),)),
        Step(id="b", title="b", say="x", end=True),
    ))
    nodes, edges, _ = parse(guide_to_mermaid(guide))  # every line still has one of the expected shapes
    for text in [*nodes.values(), *(label for _, _, label in edges if label)]:
        assert not set(text.replace("<br/>", "")) & set('"<>`\n\t'), text
    assert unescape(nodes["s1"]) == (f"{' '.join(title.split())}<br/>(a)"
                                     f"<br/>raccourci : « {' '.join(topic.split())} »")
    assert ("s1", "s2", f"suivant / {' '.join(label.split())}") in [(a, b, unescape(c or "")) for a, b, c in edges]


def test_escape_label_flattens_lines_and_escapes_in_the_right_order() -> None:
    assert escape_label('Le "code" #1\n  <ici> & `là`') == "Le #quot;code#quot; #35;1 #lt;ici#gt; #amp; #96;là#96;"


def test_written_markdown_has_a_mermaid_block(tmp_path: Path, ameli: Guide) -> None:
    target = tmp_path / "plan.md"
    write_mermaid(ameli, target)
    text = target.read_text(encoding="utf-8")
    assert text == f"# {ameli.title}\n\n<!-- {CHART_MARK} -->\n\n```mermaid\n{guide_to_mermaid(ameli)}```\n"
    plain = tmp_path / "plan.mmd"
    write_mermaid(ameli, plain)
    assert plain.read_text(encoding="utf-8") == f"%% {CHART_MARK}\n{guide_to_mermaid(ameli)}"


def test_a_chart_written_here_is_replaced_and_nothing_else_ever_is(tmp_path: Path, ameli: Guide) -> None:
    small = Guide(title="Petit", language="fr", source="Test.", start="a",
                  steps=(Step(id="a", title="A", say="x", end=True),))
    for name in ("plan.md", "plan.mmd", "plan"):
        chart = tmp_path / name
        write_mermaid(small, chart)
        write_mermaid(ameli, chart)   # the chart of the day before, replaced
        assert ameli.title in chart.read_text(encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# Mes notes\n\nflowchart TD\n", encoding="utf-8")
    guide = tmp_path / "mon-guide.yaml"
    guide.write_bytes(DEFAULT_GUIDE.read_bytes())
    for target, why in ((notes, "n'est pas un diagramme écrit par voiceguide"), (guide, "est un nom de guide"),
                        (tmp_path / "nouveau.yml", "est un nom de guide")):
        with pytest.raises(UserError) as caught:
            write_mermaid(ameli, target)
        assert caught.value.code == 2 and why in caught.value.message and "--graph" in caught.value.message
    assert notes.read_text(encoding="utf-8") == "# Mes notes\n\nflowchart TD\n"
    assert guide.read_bytes() == DEFAULT_GUIDE.read_bytes()
    assert not (tmp_path / "nouveau.yml").exists()


def test_unwritable_graph_target_is_a_french_user_error(tmp_path: Path, ameli: Guide) -> None:
    with pytest.raises(UserError) as caught:
        write_mermaid(ameli, tmp_path)
    assert caught.value.code == 2 and "dossier" in caught.value.message
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        write_mermaid(ameli, blocker / "plan.md")  # parent is a file
    assert "Impossible d'écrire le graphe" in caught.value.message


def test_chart_in_the_writing_guide_is_what_the_tool_draws(tmp_path: Path) -> None:
    doc = (DOCS / "ecrire-un-guide.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    shown = re.search(r"```mermaid\n(.*?)```", doc, re.S).group(1)
    path = tmp_path / "exemple.yaml"
    path.write_text(example, encoding="utf-8")
    assert shown == guide_to_mermaid(load_guide(path))
