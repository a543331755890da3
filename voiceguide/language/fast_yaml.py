"""libyaml's speed with PyYAML's verdicts, for the guide and vocabulary readers.

PyYAML's pure-Python parser takes about 25 ms for the Ameli guide, libyaml
(its C parser) about 2 ms, and both come before the first spoken word. The
readers use libyaml's events under PyYAML's own composer (so the same nodes,
lines and refusals), and leave every text libyaml might read differently,
and every problem, to the pure-Python parser, whose English errors are the
ones their French messages are written from. This sits in the lowest
package that reads YAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.error import Mark
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:
    from yaml._yaml import CParser
    HAS_LIBYAML = True
except ImportError:   # PyYAML built without libyaml
    HAS_LIBYAML = False

# Where the two parsers read a text differently (found by feeding both thousands of damaged guides).
# A tab (libyaml accepts some that PyYAML refuses), a byte-order mark inside the text (counted in
# libyaml's columns only) and « # » right after « > » or « | » (a comment for libyaml, an error for
# PyYAML) send the whole text to PyYAML; so does a plain text inside brackets with « ? » or « : »
# (« [c'est où?] »: PyYAML ends the text there and refuses the line, libyaml reads on).
_WHERE_PARSERS_DIFFER = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#")
_ENDS_A_PLAIN_TEXT_IN_BRACKETS = ("?", ":")

_Collection = TypeVar("_Collection", SequenceNode, MappingNode)


class ParsersDiffer(yaml.YAMLError):
    """Raised on the fast path where PyYAML might read the text differently: read it with PyYAML."""


def fast_path_for(text: str) -> bool:
    """Whether libyaml may read ``text`` (it is there, and the text has nothing the parsers disagree on)."""
    return HAS_LIBYAML and not _WHERE_PARSERS_DIFFER.search(text)


if HAS_LIBYAML:
    class FastComposer(Composer, CParser, Resolver):
        """libyaml's events under PyYAML's composer. The marks of texts get the document, as PyYAML's
        have it (guide/positions.py finds a phrase's own line inside a long text with it)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self._text = stream
            self._brackets = 0

        def compose_sequence_node(self, anchor: Any) -> SequenceNode:
            return self._inside(super().compose_sequence_node, anchor)

        def compose_mapping_node(self, anchor: Any) -> MappingNode:
            return self._inside(super().compose_mapping_node, anchor)

        def _inside(self, compose: Callable[[Any], _Collection], anchor: Any) -> _Collection:
            event: Any = self.peek_event()
            flow = 1 if event.flow_style else 0
            self._brackets += flow
            try:
                return compose(anchor)
            finally:
                self._brackets -= flow

        def compose_scalar_node(self, anchor: Any) -> ScalarNode:
            event: Any = self.peek_event()
            if self._brackets and not event.style and any(c in event.value for c in _ENDS_A_PLAIN_TEXT_IN_BRACKETS):
                raise ParsersDiffer("a plain text inside brackets that PyYAML may end sooner")
            node = super().compose_scalar_node(anchor)
            node.start_mark, node.end_mark = self._mark(node.start_mark), self._mark(node.end_mark)
            return node

        def _mark(self, mark: Mark) -> Mark:
            return Mark(mark.name, mark.index, mark.line, mark.column, self._text, mark.index)

    class TextLoader(FastComposer, SafeConstructor):
        """Data whose every scalar is text (« non », « oui », « on » stay words): the vocabulary, the lexicon."""

        yaml_implicit_resolvers: dict = {}

        def __init__(self, stream: str) -> None:
            FastComposer.__init__(self, stream)
            SafeConstructor.__init__(self)


def load_texts(text: str) -> Any:
    """Data whose every scalar is text, with libyaml when it reads the text as PyYAML does (ten times faster);
    PyYAML itself otherwise, and for every problem (its error is the one raised)."""
    if fast_path_for(text):
        try:
            return TextLoader(text).get_single_data()
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=yaml.BaseLoader)
