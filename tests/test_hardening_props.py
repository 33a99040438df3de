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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import BNode, Graph, Literal
from spacy.language import Language

from kg.articles import read_text
from kg.errors import KGError
from kg.model import Article
from kg.pipeline import extract_articles
from kg.rdf.mapping import extraction_graph
from kg.rdf.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "ontology" / "shapes.ttl"
EXAMPLES = int(os.environ.get("KG_HYPOTHESIS_EXAMPLES", "12"))
DEEP_EXAMPLES = int(os.environ.get("KG_HYPOTHESIS_DEEP", "300"))

# --------------------------------------------------------------------------- strategies

NEWSY = st.sampled_from([
    "North Korea sent 12,000 troops to Russia, officials said on Monday.",
    "U.S. Defense Secretary Lloyd Austin met South Korean Defense Minister Kim Yong-hyun "
    "in Washington.", "WASHINGTON (AP) — ", "The United Nations condemned the attack.",
    "“We will respond,” he said.", "According to Reuters, 3 soldiers were killed in Kyiv.",
    "Russia's armed forces", "NATO", "in 2019", "on 4 January 2019", "$1.5 billion",
    "up to 1,000", "said", "warned", "Mr.", "e.g.", "...", "\n", "\n\n", " ", "\t",
])
RTL = st.sampled_from(["مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c", "\u200f", "\u061c",
                       "بغداد", "تل أبيب", "\u200d", "\u2066x\u2069"])
EMOJI = st.sampled_from(["😀", "🇺🇸", "👩‍👩‍👧", "🏳️‍🌈", "\U0001f4a9", "🇰🇵🇷🇺", "a\u0301",
                         "\ufeff", "\ufffd", "𝔘𝔑"])
CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f",
                           "\x85", "\u2028", "\u2029", "\r", "\r\n"])
PUNCT = st.sampled_from(['"', "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "{",
                         "}", "<", ">", "—", "-", ".", ",", ";", ":", "!", "?", "&", "#",
                         "\\", "%", "@"])
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@st.composite
def huge_token(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["a", "x9", "ب", "-", "😀", "Ab"])) * draw(
        st.integers(500, 6000))


@st.composite
def endless_sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(
        ["troops", "Russia", "and", "the", "army", "moved", "to", "Paris", "talks", "of",
         "President", "Biden", "met", "12"]), min_size=50, max_size=120))
    return " ".join(words * draw(st.integers(1, 5)))


@st.composite
def many_numbers(draw: st.DrawFn) -> str:
    n = draw(st.integers(100, 1500))
    sep = draw(st.sampled_from([" ", ", ", " troops ", "% ", "\n"]))
    return sep.join(str(i * draw(st.integers(1, 97))) for i in range(n))


@st.composite
def repeated(draw: st.DrawFn) -> str:
    return draw(PUNCT) * draw(st.integers(2, 400))


PIECE = st.one_of(NEWSY, NEWSY, NEWSY, RTL, EMOJI, CONTROL, PUNCT, ANY_TEXT,
                  huge_token(), endless_sentence(), many_numbers(), repeated())
ARTICLE_TEXTS = st.lists(PIECE, min_size=1, max_size=12).map("".join)


# --------------------------------------------------------------------------- the check


def run_one(text: str, nlp: Language, title: str = "") -> Graph | None:
    """The graph of ``text`` (None when the reader refuses it), checked for the invariants.

    Raises AssertionError on a broken invariant, or whatever error extraction raises.
    """
    try:
        article = read_text(text, title=title)
    except KGError:
        return None
    return run_article(article, nlp)


def run_article(article: Article, nlp: Language) -> Graph:
    """The checked graph of one article. An article the reader accepted must extract and
    map: any error here, a KGError included, fails the property."""
    (ex,) = list(extract_articles([article], nlp=nlp))
    graph = extraction_graph(ex)
    body = article.body
    anchors = 0
    for m, anchor in graph.subject_objects(KG.anchorOf):
        begin = graph.value(m, KG.beginIndex)
        end = graph.value(m, KG.endIndex)
        assert isinstance(begin, Literal) and isinstance(end, Literal), m
        b, e = int(begin.toPython()), int(end.toPython())
        assert 0 <= b < e <= len(body), (m, b, e, len(body))
        assert str(anchor) == body[b:e], (m, str(anchor), body[b:e])
        anchors += 1
    for t in graph:
        assert not any(isinstance(x, BNode) for x in t), t
    assert anchors >= len(ex.events)  # each event has at least its trigger mention
    return graph


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
