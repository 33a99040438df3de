"""kg serve: a real HTTP round trip against the read-only SPARQL endpoint."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from rdflib import Graph, Literal
from test_queries import A1, ARTICLE1, KGR, turtle

from kg.serve import SparqlApp, make_server_for
from kg.store import KnowledgeGraph, QueryResult

SELECT = "SELECT ?l WHERE { ?x a kg:Country ; rdfs:label ?l } ORDER BY ?l"


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with KnowledgeGraph() as kg:
        kg.add_article_graph(A1, turtle(ARTICLE1), "1")

        def slow_or_real(q: str) -> QueryResult:
            if "#slow" in q:
                time.sleep(1.5)
            return kg.query(q)

        app = SparqlApp(slow_or_real, max_query_length=500, timeout=0.5)
        server = make_server_for(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}/sparql"
        server.shutdown()
        server.server_close()
        app.close()


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
          ) -> tuple[int, str, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers["Content-Type"], r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode()


def get(endpoint: str, query: str, accept: str | None = None) -> tuple[int, str, str]:
    return fetch(f"{endpoint}?{urlencode({'query': query})}",
                 headers={"Accept": accept} if accept else None)


def test_get_select_defaults_to_sparql_json(endpoint: str) -> None:
    status, ctype, body = get(endpoint, SELECT)
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    labels = [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert labels == ["North Korea", "Russia", "Ukraine", "United States"]


@pytest.mark.parametrize(("accept", "ctype"), [
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
])
def test_content_negotiation(endpoint: str, accept: str, ctype: str) -> None:
    status, got, body = get(endpoint, SELECT, accept)
    assert status == 200 and got.startswith(ctype)
    if ctype == "text/csv":
        assert list(csv.reader(io.StringIO(body)))[1] == ["North Korea"]
    if ctype.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(list(ET.fromstring(body).iter(f"{ns}result"))) == 4


def test_unacceptable_type_is_406(endpoint: str) -> None:
    assert get(endpoint, SELECT, "image/png")[0] == 406


def test_post_form_and_direct(endpoint: str) -> None:
    form = urlencode({"query": "ASK { ?x a kg:Deployment }"}).encode()
    status, _, body = fetch(endpoint, data=form,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    status, ctype, body = fetch(endpoint, data=b"CONSTRUCT { ?x rdfs:label ?l } WHERE "
                                b"{ ?x a kg:Person ; rdfs:label ?l }",
                                headers={"Content-Type": "application/sparql-query",
                                         "Accept": "text/turtle"})
    assert status == 200 and ctype.startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    assert Literal("Lloyd Austin") in set(g.objects(KGR["person/lloyd-austin"]))


@pytest.mark.parametrize("how", ["query", "update-form", "update-body"])
def test_updates_are_forbidden(endpoint: str, how: str) -> None:
    update = "DELETE WHERE { ?s ?p ?o }"
    if how == "query":
        status = get(endpoint, update)[0]
    elif how == "update-form":
        status = fetch(endpoint, data=urlencode({"update": update}).encode())[0]
    else:
        status = fetch(endpoint, data=update.encode(),
                       headers={"Content-Type": "application/sparql-update"})[0]
    assert status == 403
    assert get(endpoint, "ASK { ?s ?p ?o }")[2] == '{"head": {}, "boolean": true}'


def test_bad_query_is_400_with_the_parser_message(endpoint: str) -> None:
    status, _, body = get(endpoint, "SELECT ?x WHERE {")
    assert status == 400 and body.startswith("invalid SPARQL")


def test_limits(endpoint: str) -> None:
    assert get(endpoint, "SELECT * WHERE { ?s ?p ?o } #" + "x" * 600)[0] == 413
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p ?o } #slow")
    assert status == 503 and "within 0.5 s" in body
    assert fetch(endpoint.replace("/sparql", "/elsewhere"))[0] == 404
    assert fetch(endpoint)[0] == 400  # no query parameter
