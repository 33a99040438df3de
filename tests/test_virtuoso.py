"""kg push into OpenLink Virtuoso (Debian package virtuoso-opensource), started here on
loopback with a temporary database, then every named query asked of Virtuoso and of the
embedded store: the same rows. Skipped when the Virtuoso binaries are not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node
from test_distributed import news_items, write_items
from test_push import free_port
from test_queries import A1, A2, ARTICLE1, ARTICLE2, turtle

import kg.api
from kg.push import push
from kg.remote import remote_named_query, remote_query
from kg.store import KnowledgeGraph, QueryResult, list_queries

INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {db}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""

#: Where the union of the article graphs goes: kg's default graph, each triple once (a
#: query of Virtuoso naming no graph reads every graph, a triple once per graph).
UNION = "http://example.org/kg/union"

#: Every named query, with the parameters test_queries.py gives it.
CASES: list[tuple[str, dict[str, object]]] = [
    ("actor_timeline", {"actor": "austin"}),
    ("actor_timeline", {"actor": "kgr:person/lloyd-austin"}),
    ("actor_timeline", {"actor": "U.S."}),
    ("actor_timeline", {"actor": "Russia"}),
    ("actor_timeline", {"actor": "nobody"}),
    ("articles", {}),
    ("contested_claims", {}),
    ("deployments_with_quantities", {}),
    ("dyads", {"type": "Combat"}),
    ("entities_by_type", {}),
    ("entities_by_type", {"type": "Person"}),
    ("events_by_type", {"type": "Deployment"}),
    ("events_by_type", {"type": "Deployment", "country": "prk"}),
    ("events_by_type", {"type": "Combat", "country": "UKR"}),
    ("events_by_type", {"type": "Meeting"}),
    ("statements_by_speaker", {}),
    ("who_met_whom", {}),
]


def start_virtuoso(tmp: Path) -> Iterator[str]:
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if binary is None or isql is None:
        pytest.skip("OpenLink Virtuoso is not installed (apt-get install virtuoso-opensource)")
    db = tmp / "virtuoso"
    db.mkdir()
    sql, http = free_port(), free_port()
    (db / "virtuoso.ini").write_text(INI.format(db=db, sql=sql, http=http), encoding="utf-8")
    proc = subprocess.Popen([binary, "-c", str(db / "virtuoso.ini"), "+foreground"], cwd=db,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("virtuoso-t exited: see " + str(db / "virtuoso.log"))
                time.sleep(0.1)
        else:
            pytest.fail("virtuoso-t did not start")
        # the anonymous SPARQL user may write through the Graph Store Protocol (loopback,
        # a throw-away database; a real server uses /sparql-graph-crud-auth or a proxy)
        subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba",
                        'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True,
                       capture_output=True, timeout=60)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from start_virtuoso(tmp_path_factory.mktemp("vt"))


@pytest.fixture(scope="module")
def pushed(virtuoso: str, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[KnowledgeGraph]:
    """The queries' test articles and 24 extracted news items, pushed to Virtuoso."""
    items = write_items(tmp_path_factory.mktemp("news") / "news.jsonl", news_items(24))
    with kg.api.memory() as g:
        g.store.add_article_graph(A1, turtle(ARTICLE1), "1")
        g.store.add_article_graph(A2, turtle(ARTICLE2), "2")
        g.ingest(items)
        report = push(g.store, f"{virtuoso}/sparql", union_graph=UNION,
                      graph_store=f"{virtuoso}/sparql-graph-crud")
        assert report.graphs == len(g.articles()) + 2  # the occurrence graph, the union
        yield g.store


def bag(result: QueryResult) -> Counter[tuple[tuple[str, Node], ...]]:
    """The rows as a multiset (unbound variables left out: Virtuoso omits them; the parts
    of a GROUP_CONCAT sorted: SPARQL leaves their order to the store)."""
    def value(v: Node) -> Node:
        if isinstance(v, Literal) and v.datatype is None and "; " in v:
            return Literal("; ".join(sorted(v.split("; "))), lang=v.language)
        return v

    return Counter(tuple(sorted((k, value(v)) for k, v in row.items() if v is not None))
                   for row in result.rows)


def test_every_named_query_is_covered() -> None:
    assert {name for name, _ in CASES} == {q.name for q in list_queries()}


@pytest.mark.parametrize(("name", "params"), CASES,
                         ids=[f"{n}-{'-'.join(map(str, p.values()))}" for n, p in CASES])
def test_virtuoso_answers_named_queries_as_the_embedded_store(
        pushed: KnowledgeGraph, virtuoso: str, name: str, params: dict[str, object]) -> None:
    local = pushed.named_query(name, params)
    remote = remote_named_query(f"{virtuoso}/sparql", name, params, default_graph=UNION)
    assert bag(remote) == bag(local)
    if name not in {"actor_timeline"} or params["actor"] != "nobody":
        assert local.rows, "every case should find something"


def test_virtuoso_holds_every_quad_of_the_article_graphs(pushed: KnowledgeGraph,
                                                         virtuoso: str) -> None:
    rows = remote_query(f"{virtuoso}/sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g "
                        "{ ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(kgr:))) }").rows
    local = sum(1 for g in pushed.articles() for _ in pushed.graph_of(URIRef(g)))
    occurrences = sum(1 for q in pushed.store.quads_for_pattern(None, None, None, None)
                      if getattr(q.graph_name, "value", "").endswith("/occurrences"))
    assert int(str(rows[0]["n"])) == local + occurrences
