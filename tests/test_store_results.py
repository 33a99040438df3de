"""Query answers written straight from the store (KnowledgeGraph.serialize_query): the
bytes QueryResult writes, by Oxigraph's own serialiser where its bytes are the same."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from test_queries import A1, A2, ARTICLE1, ARTICLE2, turtle

from kg.errors import QueryError
from kg.rdf.vocab import PREFIXES
from kg.store import KnowledgeGraph, list_queries

#: SELECTs with IRIs, plain, typed and language-tagged literals, blank nodes, unbound
#: variables, text that needs quoting; an ASK; a CONSTRUCT; every named query's text.
QUERIES = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    'SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a,b \\"c\\"\\nd" 1.5) ("x"@en UNDEF) '
    '(UNDEF "2024-10-30"^^xsd:date) ("é\\t" 12000) } }',
    "SELECT ?b ?l WHERE { BIND(BNODE() AS ?b) ?x rdfs:label ?l } ORDER BY ?l",
    "SELECT ?e (COUNT(*) AS ?n) WHERE { ?e a ?t } GROUP BY ?e ORDER BY DESC(?n) ?e",
    "ASK { ?x a kg:Country }",
    "CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x a kg:Country ; rdfs:label ?l }",
    *(q.text for q in list_queries()),
]
FORMATS = ["csv", "tsv", "json", "xml", "table"]


@pytest.fixture(scope="module")
def kg() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph() as k:
        k.add_article_graph(A1, turtle(ARTICLE1), "1")
        k.add_article_graph(A2, turtle(ARTICLE2), "2")
        yield k


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("n", range(len(QUERIES)))
def test_serialize_query_writes_the_bytes_query_results_write(kg: KnowledgeGraph, n: int,
                                                              fmt: str) -> None:
    sparql = QUERIES[n]
    want = getattr(kg.query(sparql), f"to_{fmt}")().encode("utf-8")
    if "BNODE()" in sparql:  # fresh blank nodes each run: compare the shape
        got = kg.serialize_query(sparql, fmt=fmt)
        assert got.count(b"_:") == want.count(b"_:") and len(got.splitlines()) == len(
            want.splitlines())
        return
    assert kg.serialize_query(sparql, fmt=fmt) == want


@pytest.mark.parametrize("n", range(len(QUERIES)))
def test_csv_of_a_select_is_oxigraphs_own(kg: KnowledgeGraph, n: int) -> None:
    sparql = QUERIES[n]
    answer = kg.store.query(sparql, prefixes=PREFIXES)
    if not isinstance(answer, ox.QuerySolutions) or "BNODE()" in sparql:
        return
    ours = kg.query(sparql).to_csv().encode("utf-8")
    assert answer.serialize(format=ox.QueryResultsFormat.CSV) == ours
    assert kg.serialize_query(sparql, fmt="csv") == ours


def test_where_oxigraphs_bytes_differ_ours_are_kept(kg: KnowledgeGraph) -> None:
    """The reasons kg.store.results.serialize_answer gives, checked: if one of these
    became equal, Oxigraph's serialiser could be used for that format too."""
    sparql = "SELECT ?n WHERE { VALUES ?n { 12000 } }"
    theirs = {f: kg.store.query(sparql).serialize(format=getattr(ox.QueryResultsFormat, f))
              for f in ("JSON", "TSV", "XML")}
    r = kg.query(sparql)
    assert theirs["JSON"] != r.to_json().encode() and b'": {' in r.to_json().encode()
    assert theirs["TSV"] == b"?n\n12000\n" != r.to_tsv().encode()
    assert theirs["XML"].count(b"\n") < r.to_xml().count("\n")
    ask = kg.store.query("ASK { ?x a kg:Country }", prefixes=PREFIXES)
    assert ask.serialize(format=ox.QueryResultsFormat.CSV) != kg.query(
        "ASK { ?x a kg:Country }").to_csv().encode()


def test_serialize_query_checks_like_query(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="unknown result format"):
        kg.serialize_query("SELECT * WHERE { ?s ?p ?o }", fmt="xlsx")
    with pytest.raises(QueryError, match="read-only"):
        kg.serialize_query("DELETE WHERE { ?s ?p ?o }", fmt="csv")
    assert kg.serialize_query("SELECT ?l WHERE { ?x rdfs:label ?l }",
                              {"l": "Kursk"}, fmt="csv") == b"l\r\nKursk\r\n"
