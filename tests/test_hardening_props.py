"""Property tests over the whole extraction: arbitrary text → read_text → extract → RDF.

Whatever the text (any unicode, control characters, right-to-left scripts, emoji, huge
tokens, endless sentences without punctuation, thousands of numbers, runs of quotes,
unbalanced brackets), the reader either refuses it with a :class:`~kg.errors.KGError` or
the article extracts without any error (an error in extraction fails); every mention's
``kg:anchorOf`` is exactly the body between its offsets; the graph has no blank nodes; and
a sample of the graphs conforms to ``ontology/shapes.ttl``.

The default run is small (``KG_HYPOTHESIS_EXAMPLES``, default 12 examples per property);
``-m slow`` runs a deeper pass (``KG_HYPOTHESIS_DEEP``, default 300).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hardening_checks import (
    ANY_TEXT,
    ARTICLE_TEXTS,
    CONTROL,
    EMOJI,
    NEWSY,
    PUNCT,
    RTL,
    run_one,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import Graph
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "ontology" / "shapes.ttl"
EXAMPLES = int(os.environ.get("KG_HYPOTHESIS_EXAMPLES", "12"))
DEEP_EXAMPLES = int(os.environ.get("KG_HYPOTHESIS_DEEP", "300"))

# --------------------------------------------------------------------------- the check


def conforms(graph: Graph) -> tuple[bool, str]:
    ok, _, text = validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    return bool(ok), str(text)


_SETTINGS = dict(deadline=None, derandomize=False,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
@given(text=ARTICLE_TEXTS, title=st.sampled_from(["", "Title"]))
def test_any_text_extracts_with_exact_anchors_and_no_blank_nodes(text: str, title: str,
                                                                  nlp: Language) -> None:
    run_one(text, nlp, title)


@settings(max_examples=max(EXAMPLES // 3, 5), **_SETTINGS)  # type: ignore[arg-type]
@given(text=st.lists(st.one_of(NEWSY, NEWSY, RTL, EMOJI, PUNCT, CONTROL, ANY_TEXT),
                     min_size=3, max_size=25).map("".join))
def test_sampled_graphs_conform_to_the_shapes(text: str, nlp: Language) -> None:
    graph = run_one(text, nlp, title="Sample")
    if graph is not None:
        ok, report = conforms(graph)
        assert ok, report


@pytest.mark.parametrize("text", [
    "President “Biden met Putin in Geneva.",                    # unbalanced quotes
    "((([[[ Russia sent troops to Ukraine {{{ on Monday",       # unbalanced brackets
    '"' * 300 + "North Korea" + "'" * 300,                       # runs of quotes
    " ".join(str(i) for i in range(1500)),                      # a thousand numbers and more
    "troops of Russia and the army moved " * 400,               # no punctuation at all
    "x" * 20_000 + " met " + "y" * 20_000,                      # huge tokens
    "مرحبا \u202eRussia\u202c sent 😀 troops to 🇺🇦 Ukraine \x00\x07.",  # RTL, emoji, controls
    "\r\n\r\n  \u2028Talks\u2029 in Paris\x85 ended.\x0c",      # odd line breaks
])
def test_hand_picked_hostile_texts(text: str, nlp: Language) -> None:
    graph = run_one(text, nlp, title="Hostile")
    assert graph is not None  # every one of these has a non-empty body
    ok, report = conforms(graph)
    assert ok, report


@pytest.mark.slow
@settings(max_examples=DEEP_EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
@given(text=ARTICLE_TEXTS, title=st.sampled_from(["", "Title"]))
def test_deep_any_text(text: str, title: str, nlp: Language) -> None:
    run_one(text, nlp, title)
