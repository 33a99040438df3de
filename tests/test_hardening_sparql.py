"""SPARQL text that would crash or misuse the parser is refused before it is parsed.

Oxigraph's parser and evaluator recurse on a query's shape: thousands of nested brackets or
chained operators overflow a thread stack and kill the process (SIGSEGV). kg checks every
query first (``kg.sparql_guard``) and runs it on a thread with a large stack; these tests
hold both to it, for each kind of nesting, through the API and the command line.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hardening_checks import DEEP
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.errors import QueryError, RefusedQueryError
from kg.rdf.vocab import KG, KGR
from kg.sparql_guard import MAX_NESTING, check_query, estimated_nesting, is_update
from kg.store import KnowledgeGraph, list_queries

KG_BIN = Path(sys.executable).with_name("kg")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sparql") / "store"
    article = KGR["article/00000000000000bb"]
    g = Graph(identifier=article)
    g.add((article, RDF.type, KG.Article))
    for i in range(50):
        g.add((KGR[f"person/p{i}"], RDFS.label, Literal(f"person {i}")))
    with KnowledgeGraph(path) as kg:
        kg.add_article_graph(article, g, "h")
    return path


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_queries_are_refused_before_parsing(store: Path, kind: str) -> None:
    sparql = DEEP[kind](12_000)
    with KnowledgeGraph(store, read_only=True) as kg, pytest.raises(QueryError) as e:
        kg.query(sparql)
    assert "nests too deeply" in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_the_estimate_grows_with_the_nesting(kind: str) -> None:
    assert estimated_nesting(DEEP[kind](100)) < estimated_nesting(DEEP[kind](3_000))
    assert estimated_nesting(DEEP[kind](3_000)) > MAX_NESTING


def _just_under_the_limit(make: Callable[[int], str]) -> str:
    lo, hi = 1, 5_000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if estimated_nesting(make(mid)) <= MAX_NESTING else (lo, mid - 1)
    return make(lo)


_RUN = """
import sys
from kg.errors import KGError
from kg.store import KnowledgeGraph
with KnowledgeGraph(sys.argv[1], read_only=True) as kg:
    try:
        kg.query(sys.stdin.read())
    except KGError as e:
        print(e)
"""


@pytest.mark.parametrize("kind", ["braces", "function calls", "exists", "sums", "binds",
                                  "select expressions", "unclosed braces", "subqueries"])
def test_what_the_check_lets_through_does_not_crash(store: Path, kind: str) -> None:
    sparql = _just_under_the_limit(DEEP[kind])
    check_query(sparql)
    r = subprocess.run([sys.executable, "-c", _RUN, str(store)], input=sparql, text=True,
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr[-500:]  # -11 would be the stack overflow


def test_the_cli_refuses_a_deep_query_file_in_one_line(store: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.rq"
    deep.write_text("SELECT * WHERE { FILTER(" + "(" * 5000 + " }", encoding="utf-8")
    r = subprocess.run([str(KG_BIN), "query", "--store", str(store), "-f", str(deep)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith("Error: query nests too deeply") and r.stderr.count("\n") == 1


def test_named_queries_are_far_below_the_limit() -> None:
    for q in list_queries():
        assert estimated_nesting(q.text) <= 50, q.name


@pytest.mark.parametrize("sparql", [
    'SELECT * WHERE { ?s ?p "((((((((((((((((((((((((((((((" }',
    "SELECT * WHERE { ?s ?p '''{{{{{{{{{{{{{{{{{{{{\n{{{{{{{{{{{''' }",
    "# ((((((((((((((((((((((((((((((((((((((((((\nSELECT * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s <http://x/((((((((((((((((((((((((((((((((> ?o }",
    "SELECT * WHERE { VALUES ?x { " + " ".join(f"-{i}" for i in range(5000)) + " } }",
    "SELECT * WHERE { VALUES (?x ?y) { " + "(1 2) " * 5000 + "} }",
    "SELECT * WHERE { FILTER(?x IN (" + ", ".join(f"<http://x/{i}>" for i in range(5000))
    + ")) }",
])
def test_brackets_in_strings_comments_iris_and_values_do_not_count(sparql: str) -> None:
    assert estimated_nesting(sparql) <= 10


@pytest.mark.parametrize("sparql", ["", "   \n\t", "# only a comment\n", "#a\n#b"])
def test_an_empty_query_is_called_empty_not_an_update(store: Path, sparql: str) -> None:
    assert not is_update(sparql)
    with KnowledgeGraph(store, read_only=True) as kg, pytest.raises(QueryError) as e:
        kg.query(sparql)
    assert not isinstance(e.value, RefusedQueryError)
    assert str(e.value).startswith("empty query")
    code = CliRunner().invoke(main, ["query", "--store", str(store), sparql])
    assert code.exit_code == 1 and "empty query" in code.stderr


def test_an_over_long_query_is_refused(store: Path) -> None:
    with KnowledgeGraph(store, read_only=True) as kg, pytest.raises(QueryError) as e:
        kg.query("SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_000_000)
    assert "the limit is 1,000,000" in str(e.value)


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "select * where { service silent <file:///etc/passwd> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?where { ?s ?p ?o } } }",
])
def test_service_is_refused_where_disabled(store: Path, sparql: str) -> None:
    with KnowledgeGraph(store, read_only=True) as kg:
        with pytest.raises(RefusedQueryError) as e:
            kg.query(sparql, allow_service=False)
        assert "SERVICE" in str(e.value)


@pytest.mark.parametrize("sparql", [
    'SELECT * WHERE { ?s rdfs:label "SERVICE <http://x> {}" }',
    "SELECT ?service WHERE { ?service a <http://x/SERVICE> } # SERVICE",
])
def test_the_word_service_elsewhere_is_fine(store: Path, sparql: str) -> None:
    with KnowledgeGraph(store, read_only=True) as kg:
        assert kg.query(sparql, allow_service=False).rows == []


def test_an_answer_longer_than_max_rows_is_an_error(store: Path) -> None:
    with KnowledgeGraph(store, read_only=True) as kg:
        assert len(kg.query("SELECT * WHERE { ?s rdfs:label ?o }", max_rows=50)) == 50
        with pytest.raises(QueryError) as e:
            kg.query("SELECT * WHERE { ?s ?p ?o }", max_rows=50)
        assert "more than 50 rows" in str(e.value)
        with pytest.raises(QueryError):
            kg.query("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=50)
        # the store is still usable afterwards (the answer was freed on its own thread)
        assert kg.query("ASK { ?s ?p ?o }").boolean is True
