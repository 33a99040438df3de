"""kg push: article graphs PUT into a real Oxigraph server, then checked with SPARQL."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph, Literal
from test_queries import A1, A2, ARTICLE1, ARTICLE2, turtle

from kg.errors import PushError
from kg.push import push
from kg.store import KnowledgeGraph

OXIGRAPH = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "oxigraph"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_oxigraph(tmp: Path, *args: str) -> Iterator[str]:
    binary = str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed")
    port = free_port()
    proc = subprocess.Popen([binary, *args, "--location", str(tmp / "remote"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    yield from start_oxigraph(tmp_path, "serve")


@pytest.fixture
def kg() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph() as k:
        k.add_article_graph(A1, turtle(ARTICLE1), "1")
        k.add_article_graph(A2, turtle(ARTICLE2), "2")
        yield k


def remote_select(base: str, query: str) -> list[dict[str, dict[str, str]]]:
    req = urllib.request.Request(f"{base}/query?{urlencode({'query': query})}",
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        rows: list[dict[str, dict[str, str]]] = json.loads(r.read())["results"]["bindings"]
        return rows


def test_push_puts_every_article_graph(oxigraph: str, kg: KnowledgeGraph) -> None:
    report = push(kg, f"{oxigraph}/query")
    assert (report.graphs, report.graph_store) == (2, f"{oxigraph}/store")
    assert report.triples == len(kg.graph_of(A1)) + len(kg.graph_of(A2))
    rows = remote_select(oxigraph, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
                                   " GROUP BY ?g ORDER BY ?g")
    assert [(r["g"]["value"], int(r["n"]["value"])) for r in rows] == [
        (str(A1), len(kg.graph_of(A1))), (str(A2), len(kg.graph_of(A2)))]
    labels = remote_select(oxigraph, "SELECT ?l WHERE { GRAPH ?g { "
                                     "?x a <https://w3id.org/geokg/ontology#Person> ; "
                                     "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
    assert {r["l"]["value"] for r in labels} == {"Lloyd Austin", "Kim Yong-hyun",
                                                 "Sergiy Kyslytsya"}


def test_pushing_again_replaces_not_duplicates(oxigraph: str, kg: KnowledgeGraph) -> None:
    push(kg, f"{oxigraph}/query")
    g = Graph()
    g.add((A1, A1, Literal("only this")))
    kg.add_article_graph(A1, g, "changed")
    push(kg, f"{oxigraph}/query", graph_store=f"{oxigraph}/store")
    rows = remote_select(oxigraph, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{A1}> "
                                   "{ ?s ?p ?o } }")
    assert int(rows[0]["n"]["value"]) == 1


def test_refusal_is_a_clear_push_error(tmp_path: Path, kg: KnowledgeGraph) -> None:
    KnowledgeGraph(tmp_path / "remote").close()  # a read-only server needs a store to open
    for base in start_oxigraph(tmp_path, "serve-read-only"):
        with pytest.raises(PushError, match=r"refused PUT graph .*HTTP 4\d\d"):
            push(kg, f"{base}/query")


def test_unreachable_server(kg: KnowledgeGraph) -> None:
    with pytest.raises(PushError, match="cannot reach the server"):
        push(kg, f"http://127.0.0.1:{free_port()}/query", timeout=2)
