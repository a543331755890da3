"""The licence: Apache-2.0 in the package metadata (PEP 639), the standard text, and the tutorial credited."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from voiceguide.guide import DEFAULT_GUIDE, load_guide

REPO = Path(__file__).resolve().parent.parent


def test_the_metadata_names_the_licence_as_an_spdx_expression_with_its_file() -> None:
    meta = importlib.metadata.metadata("voiceguide")
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert meta["License"] is None          # not the deprecated free-text field


def test_the_licence_file_is_the_standard_text() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License\n                           Version 2.0, January 2004" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert "END OF TERMS AND CONDITIONS" in text and len(text.split()) > 1500
    assert "Apache-2.0" in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_guide_credits_the_tutorial_in_its_own_words() -> None:
    source = load_guide(DEFAULT_GUIDE).source
    assert "Cahiers Delta" in source and "réécrit" in source
