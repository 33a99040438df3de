"""Read paths refuse SPARQL updates and treat bound parameters as data — end to end.

The same on-disk store is attacked through ``kg query`` (CLI), the Python API
(``KnowledgeGraph(path, read_only=True).query`` and a writable store's ``query``) and a
real ``kg serve`` process over HTTP. After every attack the store is byte-for-byte the
same set of quads. The endpoint listens on 127.0.0.1 only, refuses oversized queries and
answers a runaway cross-product query with 503 within its ``--timeout``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.errors import QueryError
from kg.rdf.vocab import KG, KGR
from kg.store import KnowledgeGraph

KG_BIN = Path(sys.executable).with_name("kg")
ARTICLE = KGR["article/00000000000000aa"]

#: Labels an attacker could put in an article (and then in a --param / bindings value).
HOSTILE_LABELS = [
    'He said "no"',
    '"}',
    '" } ; DROP ALL ; { "',
    "} ; DROP ALL ; {",
    "line one\nline two\r\nthree",
    "?x rdfs:label ?y . FILTER(true) #",
    "'''",
    '\\" . } INSERT DATA { <http://evil> <http://evil> <http://evil> } #',
    "<b>bold</b>",
    "<x> } ; DROP ALL ; { <y>",
    "SELECT * WHERE { ?s ?p ?o }",
    "Ünïcødé 😀 \u202eRTL\u202c",
]

UPDATES = [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "insert data { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "delete where { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH kgr:meta DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "load silent <http://example.org/data.ttl> into graph <http://g>",
    "CLEAR ALL",
    "clear default",
    "DROP ALL",
    "drop graph kgr:meta",
    "CREATE GRAPH <http://g>",
    "ADD DEFAULT TO <http://g>",
    "COPY kgr:meta TO DEFAULT",
    "MOVE kgr:meta TO <http://g>",
    "# just a comment\nDROP ALL",
    "# SELECT * WHERE { ?s ?p ?o }\n  \n\tDELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://ex/>\n# comment\nINSERT DATA { ex:a ex:b ex:c }",
    "BASE <http://ex/> PREFIX : <http://ex/> DELETE DATA { :a :b :c }",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "DROP ALL ; SELECT * WHERE { ?s ?p ?o }",
    "INSERT DATA { <http://a> <http://b> \"x\" } ; CLEAR ALL",
]

#: Queries that mention update words only inside strings, IRIs or comments: allowed.
SAFE_QUERIES = [
    'SELECT ?x WHERE { ?x rdfs:label "INSERT DATA { <a> <b> <c> }" }',
    "SELECT ?x WHERE { ?x rdfs:label 'DROP ALL' }",
    'SELECT ?x WHERE { ?x rdfs:label """DELETE WHERE { ?s ?p ?o }""" }',
    "SELECT ?x WHERE { ?x rdfs:label ?l FILTER(CONTAINS(?l, \"CLEAR\")) }",
    "# DROP ALL\nSELECT ?x WHERE { ?x a <http://ex/DROP> }",
    "ASK { ?x rdfs:label \"LOAD <http://x>\" }",
]


def hostile_graph() -> Graph:
    g = Graph(identifier=ARTICLE)
    g.add((ARTICLE, RDF.type, KG.Article))
    for i, label in enumerate(HOSTILE_LABELS):
        node = KGR[f"person/hostile-{i}"]
        g.add((node, RDF.type, KG.Person))
        g.add((node, RDFS.label, Literal(label)))
    # a few thousand triples so a cross product runs away
    for i in range(3000):
        g.add((KGR[f"place/p{i}"], RDFS.label, Literal(f"place {i}")))
    return g


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ro") / "store"
    with KnowledgeGraph(path) as kg:
        kg.add_article_graph(ARTICLE, hostile_graph(), "hash-1")
    return path


def quads(store: Path) -> frozenset[str]:
    with KnowledgeGraph(store, read_only=True) as kg:
        return frozenset(str(q) for q in kg.store)


@pytest.fixture(scope="module")
def snapshot(store: Path) -> frozenset[str]:
    return quads(store)


# --------------------------------------------------------------------------- updates


def cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("update", UPDATES)
def test_cli_query_refuses_updates(store: Path, snapshot: frozenset[str], update: str) -> None:
    code, out, err = cli("query", "--store", str(store), update)
    assert (code, out) == (1, "")
    assert err.startswith("Error: ") and err.count("\n") == 1
    assert "update" in err or "invalid SPARQL" in err
    assert quads(store) == snapshot


@pytest.mark.parametrize("update", UPDATES)
def test_api_refuses_updates(store: Path, snapshot: frozenset[str], update: str) -> None:
    with KnowledgeGraph(store, read_only=True) as kg, pytest.raises(QueryError):
        kg.query(update)
    assert quads(store) == snapshot


@pytest.mark.parametrize("update", UPDATES[:6] + UPDATES[-7:])
def test_writable_store_query_refuses_updates_too(tmp_path: Path, update: str) -> None:
    with KnowledgeGraph(tmp_path / "s") as kg:
        kg.add_article_graph(ARTICLE, hostile_graph(), "h")
        before = {str(q) for q in kg.store}
        with pytest.raises(QueryError):
            kg.query(update)
        assert {str(q) for q in kg.store} == before


@pytest.mark.parametrize("sparql", SAFE_QUERIES)
def test_update_words_in_strings_and_comments_are_still_queries(store: Path,
                                                                sparql: str) -> None:
    code, _, err = cli("query", "--store", str(store), sparql, "--format", "json")
    assert (code, err) == (0, "")


# --------------------------------------------------------------------------- bound parameters


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_bindings_are_data(store: Path, snapshot: frozenset[str], label: str) -> None:
    i = HOSTILE_LABELS.index(label)
    with KnowledgeGraph(store, read_only=True) as kg:
        r = kg.query("SELECT ?x ?name WHERE { ?x a kg:Person ; rdfs:label ?name }",
                     {"name": label})
    assert [row["x"] for row in r.rows] == [KGR[f"person/hostile-{i}"]]
    assert quads(store) == snapshot


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_cli_params_are_data(store: Path, snapshot: frozenset[str], label: str) -> None:
    i = HOSTILE_LABELS.index(label)
    code, out, err = cli("query", "--store", str(store), "--format", "csv",
                         "SELECT ?x ?name WHERE { ?x a kg:Person ; rdfs:label ?name }",
                         "--param", f"name={label}")
    assert (code, err) == (0, ""), err
    rows = out.splitlines()
    assert rows[0] == "x,name"
    assert f"{KGR}person/hostile-{i}," in rows[1]
    assert sum(1 for r in rows[1:] if r.startswith(str(KGR))) == 1
    assert quads(store) == snapshot


def test_named_query_entity_param_is_data(store: Path) -> None:
    for label in HOSTILE_LABELS:
        code, _, err = cli("query", "--store", str(store), "--name", "actor_timeline",
                           "--param", f"actor={label}")
        assert code in (0, 1) and "Traceback" not in err
        if code:
            assert err.startswith("Error: ") and err.count("\n") == 1


# --------------------------------------------------------------------------- kg serve over HTTP


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    proc = subprocess.Popen([str(KG_BIN), "serve", "--store", str(store), "--port", "0",
                             "--timeout", "1", "--max-query-length", "2000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"serving (http://[\d.]+:(\d+)/sparql)", line)
        assert m, line
        yield m.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          timeout: float = 30) -> tuple[int, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def get(url: str, query: str, **kw: object) -> tuple[int, str]:
    return fetch(f"{url}?{urlencode({'query': query})}", **kw)  # type: ignore[arg-type]


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) listening on ``port``."""
    out = []
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for ln in lines:
            fields = ln.split()
            addr, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # LISTEN
                out.append(addr)
    return out


def test_serve_binds_loopback_by_default(server: str) -> None:
    assert server.startswith("http://127.0.0.1:")
    port = int(server.rsplit(":", 1)[1].split("/")[0])
    if Path("/proc/net/tcp").exists():
        assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing else


@pytest.mark.parametrize("update", UPDATES)
def test_serve_refuses_updates(server: str, store: Path, snapshot: frozenset[str],
                               update: str) -> None:
    assert get(server, update)[0] in (400, 403)
    assert fetch(server, data=urlencode({"query": update}).encode())[0] in (400, 403)
    assert fetch(server, data=urlencode({"update": update}).encode())[0] == 403
    assert fetch(server, data=update.encode(),
                 headers={"Content-Type": "application/sparql-update"})[0] == 403
    assert quads(store) == snapshot


def test_serve_refuses_plain_updates_with_403(server: str) -> None:
    for update in ("INSERT DATA { <http://a> <http://b> <http://c> }", "drop all",
                   "# c\nPREFIX ex: <http://ex/>\nCLEAR ALL", "load <http://x/y.ttl>"):
        status, body = get(server, update)
        assert status == 403, (update, body)


@pytest.mark.parametrize("sparql", SAFE_QUERIES)
def test_serve_answers_queries_with_update_words_in_strings(server: str, sparql: str) -> None:
    assert get(server, sparql)[0] == 200


def test_serve_refuses_oversized_queries(server: str) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5000
    assert get(server, big)[0] in (400, 413, 414)
    assert fetch(server, data=big.encode(),
                 headers={"Content-Type": "application/sparql-query"})[0] == 413
    huge = urlencode({"query": "SELECT * WHERE { ?s ?p ?o } #" + "y" * 200_000}).encode()
    assert fetch(server, data=huge)[0] == 413
    assert get(server, "ASK { ?s ?p ?o }") == (200, '{"head": {}, "boolean": true}')


def test_serve_times_out_a_runaway_query(server: str) -> None:
    runaway = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
               "FILTER(STR(?c) != STR(?i)) }")
    t0 = time.monotonic()
    status, body = get(server, runaway, timeout=20)
    took = time.monotonic() - t0
    assert status == 503 and "within 1 s" in body
    assert took < 5
    assert get(server, "ASK { ?s ?p ?o }")[0] == 200  # still serving


def test_serve_bad_requests_are_clean(server: str) -> None:
    assert fetch(server)[0] == 400
    assert get(server, "SELECT ?x WHERE {")[0] == 400
    assert fetch(server, data=b"\xff\xfe\x00garbage",
                 headers={"Content-Type": "application/sparql-query"})[0] == 400
    assert fetch(server, data=b"x", headers={"Content-Type": "text/html"})[0] == 415


def test_an_invalid_iri_binding_is_a_query_error(store: Path) -> None:
    with KnowledgeGraph(store, read_only=True) as kg, pytest.raises(QueryError) as e:
        kg.query("SELECT ?x WHERE { ?x a kg:Person }", {"x": URIRef("a> } ; DROP ALL ; {<b")})
    assert "\n" not in str(e.value)
