"""Checks shared by the hardening tests (tests/test_hardening_*.py) and
benchmarks/bench_hardening.py, which runs them at scale: generated article texts and the
invariants every extraction keeps, SHACL validation of a corpus ingest, and the kinds of
SPARQL nesting that would crash the parser.

Plain functions that raise AssertionError on a broken invariant; the tests and the
benchmark import them from here (the benchmark imports no test module).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st
from pyshacl import validate
from rdflib import BNode, Graph, Literal
from spacy.language import Language

from kg.articles import read_articles_lenient, read_text
from kg.errors import InputError, KGError
from kg.model import Article
from kg.pipeline import extract_articles
from kg.rdf.mapping import extraction_graph
from kg.rdf.vocab import KG
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "ontology" / "shapes.ttl"
CORPUS = ROOT.parent / "shared" / "corpus"
WIKINEWS = sorted((CORPUS / "wikinews").glob("*.csv"))
WP_ITEMS = CORPUS / "wp-current-events" / "items.jsonl"

# --------------------------------------------------------------------------- article texts

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


# --------------------------------------------------------------------------- extraction


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


# --------------------------------------------------------------------------- SHACL


@dataclass
class ShaclReport:
    articles: int = 0
    triples: int = 0
    crashes: list[str] = field(default_factory=list)   # non-KGError exceptions
    refused: list[str] = field(default_factory=list)   # KGErrors (reader or ingest)
    invalid: list[str] = field(default_factory=list)   # article IRIs with violations
    messages: list[str] = field(default_factory=list)


def corpus_articles(wp_items: int | None) -> Iterator[Article | InputError]:
    """The Wikinews articles, then the first ``wp_items`` wp-current-events items
    (None: all of them); an item the reader refuses is its InputError."""
    yield from read_articles_lenient(WIKINEWS)
    if wp_items != 0 and WP_ITEMS.is_file():
        yield from itertools.islice(read_articles_lenient([WP_ITEMS]), wp_items)


def _conforms(graph: Graph, shapes: Graph) -> tuple[bool, str]:
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    return bool(ok), str(text)


def validate_corpus(items: Iterable[Article | InputError], nlp: Language | None = None,
                    chunk: int = 40, batch_size: int = 32) -> ShaclReport:
    """Ingest ``items`` into an in-memory store and validate every article graph."""
    shapes = Graph().parse(SHAPES)
    rep = ShaclReport()
    articles: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            rep.refused.append(str(item))
        else:
            articles.append(item)
    with KnowledgeGraph() as kg:
        try:
            result = kg.ingest(extract_articles(articles, nlp=nlp, batch_size=batch_size),
                               skip_unchanged=False)
        except KGError as e:
            rep.refused.append(str(e))
            return rep
        except Exception as e:  # a crash: counted, not hidden
            rep.crashes.append(f"{type(e).__name__}: {e}")
            return rep
        rep.refused += [f"{k}: {r}" for k, r in result.failed]
        iris = kg.articles()
        rep.articles = len(iris)
        for start in range(0, len(iris), chunk):
            part = iris[start:start + chunk]
            graphs = {iri: kg.graph_of(iri) for iri in part}
            union = Graph()
            for g in graphs.values():
                for t in g:
                    union.add(t)
            rep.triples += sum(len(g) for g in graphs.values())
            ok, _ = _conforms(union, shapes)
            if ok:
                continue
            for iri, g in graphs.items():
                ok, text = _conforms(g, shapes)
                if not ok:
                    rep.invalid.append(str(iri))
                    rep.messages.append(text[:2000])
            if not any(str(i) in rep.invalid for i in part):
                # only the union fails: an entity described differently by two articles
                rep.invalid.append(f"union of chunk {start // chunk}")
    return rep


# --------------------------------------------------------------------------- SPARQL

P = "<http://x/p>"

#: Each way of making the parser (or the evaluator) recurse: n → query text.
DEEP: dict[str, Callable[[int], str]] = {
    "parentheses": lambda n: "SELECT * WHERE { FILTER(" + "(" * n + "1" + ")" * n + ") }",
    "unclosed parentheses": lambda n: "SELECT * WHERE { FILTER(" + "(" * n + " }",
    "braces": lambda n: "SELECT * WHERE " + "{" * n + "}" * n,
    "unclosed braces": lambda n: "SELECT * WHERE " + "{" * n,
    "function calls": lambda n: "SELECT * WHERE { FILTER(" + "STR(" * n + "1" + ")" * n + ") }",
    "negations": lambda n: "SELECT * WHERE { FILTER(" + "!" * n + "true) }",
    "sums": lambda n: "SELECT * WHERE { FILTER(1" + "+1" * n + ") }",
    "disjunctions": lambda n: "SELECT * WHERE { FILTER(true" + "||true" * n + ") }",
    "unions": lambda n: "SELECT * WHERE { {}" + " UNION {}" * n + " }",
    "binds": lambda n: "SELECT * WHERE { " + " ".join(f"BIND(1 AS ?v{i})" for i in range(n)) + " }",
    "filters": lambda n: "SELECT * WHERE { ?s ?p ?o " + " FILTER(true)" * n + " }",
    "minus": lambda n: "SELECT * WHERE { ?s ?p ?o " + " MINUS { ?s ?p ?o }" * n + " }",
    "subqueries": lambda n: "SELECT * WHERE { " + "{ SELECT * WHERE " * n + "{}" + " }" * n
    + " }",
    "exists": lambda n: "SELECT * WHERE { " + "FILTER EXISTS { " * n + " }" * n + " }",
    "select expressions": lambda n: "SELECT " + " ".join(f"(1 AS ?v{i})" for i in range(n))
    + " WHERE {}",
    "path alternatives": lambda n: "SELECT * WHERE { ?s " + "|".join([P] * n) + " ?o }",
    "nested paths": lambda n: "SELECT * WHERE { ?s " + "(" * n + P + ")" * n + " ?o }",
    "blank node lists": lambda n: "SELECT * WHERE { ?s " + P + " " + ("[ " + P + " ") * n + "1"
    + " ]" * n + " }",
    "a chain hidden in a long fake IRI": lambda n: "SELECT * WHERE { FILTER(?a<" + "1+" * n
    + "1>?b) }",
}
