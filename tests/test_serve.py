"""kg serve: real HTTP round trips against the read-only SPARQL endpoint.

The endpoint runs as it does under ``kg serve``: the WSGI application on waitress, queries
in worker processes on an on-disk store, everything on 127.0.0.1 and stopped by the test.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode

import pytest
from rdflib import Graph, Literal
from test_queries import A1, A2, ARTICLE1, ARTICLE2, KGR, turtle

from kg.serve import QueryPool, SparqlApp, make_server
from kg.serve.worker import Limits
from kg.store import KnowledgeGraph

SELECT = "SELECT ?l WHERE { ?x a kg:Country ; rdfs:label ?l } ORDER BY ?l"
# slow on any store: a thousand million rows to count
RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?{v} {{ {' '.join(str(i) for i in range(1000))} }}" for v in "abc") + " }")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    with KnowledgeGraph(path) as kg:
        kg.add_article_graph(A1, turtle(ARTICLE1), "1")
    return path


class Endpoint:
    """A running endpoint: its URL, its pool and its port."""

    def __init__(self, store: Path, **options: Any) -> None:
        pool_options = {k: options.pop(k) for k in ("workers", "max_memory", "demote_after")
                        if k in options}
        limits = Limits(max_rows=options.pop("max_rows", 1000),
                        allow_service=options.get("allow_service", False))
        idle = options.pop("idle_timeout", 30.0)
        self.pool = QueryPool(store, limits=limits, **{"workers": 2, **pool_options})
        options.setdefault("max_query_length", 500)
        options.setdefault("timeout", 2.0)
        self.app = SparqlApp(self.pool, **options)
        self.server = make_server(self.app, "127.0.0.1", 0, threads=8,
                                  max_body=3 * options["max_query_length"] + 1024,
                                  idle_timeout=idle)
        self.port = self.server.port
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.stop()
        self.thread.join(10)
        assert not self.thread.is_alive()
        self.pool.close()


@pytest.fixture(scope="module")
def endpoint(store: Path) -> Iterator[Endpoint]:
    ep = Endpoint(store)
    yield ep
    ep.close()


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, Any, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def get(url: str, query: str, accept: str | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, Any, str]:
    return fetch(f"{url}?{urlencode({'query': query})}",
                 headers={**({"Accept": accept} if accept else {}), **(headers or {})})


def raw(port: int, data: bytes, wait: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(data)
        s.settimeout(wait)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except TimeoutError:
            out += b"<still open>"
    return out


# --------------------------------------------------------------------------- the protocol


def test_get_select_defaults_to_sparql_json(endpoint: Endpoint) -> None:
    status, headers, body = get(endpoint.url, SELECT)
    assert status == 200 and headers["Content-Type"].startswith(
        "application/sparql-results+json")
    labels = [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert labels == ["North Korea", "Russia", "Ukraine", "United States"]
    assert "Access-Control-Allow-Origin" not in headers  # no CORS unless asked for


@pytest.mark.parametrize(("accept", "ctype"), [
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
])
def test_content_negotiation(endpoint: Endpoint, accept: str, ctype: str) -> None:
    status, headers, body = get(endpoint.url, SELECT, accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    if ctype == "text/csv":
        assert list(csv.reader(io.StringIO(body)))[1] == ["North Korea"]
    if ctype.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(list(ET.fromstring(body).iter(f"{ns}result"))) == 4


def test_unacceptable_type_is_406(endpoint: Endpoint) -> None:
    assert get(endpoint.url, SELECT, "image/png")[0] == 406


def test_post_form_and_direct(endpoint: Endpoint) -> None:
    form = urlencode({"query": "ASK { ?x a kg:Deployment }"}).encode()
    status, _, body = fetch(endpoint.url, data=form,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    status, headers, body = fetch(endpoint.url, data=b"CONSTRUCT { ?x rdfs:label ?l } WHERE "
                                  b"{ ?x a kg:Person ; rdfs:label ?l }",
                                  headers={"Content-Type": "application/sparql-query",
                                           "Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    assert Literal("Lloyd Austin") in set(g.objects(KGR["person/lloyd-austin"]))


@pytest.mark.parametrize("how", ["query", "update-form", "update-body"])
def test_updates_are_forbidden(endpoint: Endpoint, how: str) -> None:
    update = "DELETE WHERE { ?s ?p ?o }"
    if how == "query":
        status = get(endpoint.url, update)[0]
    elif how == "update-form":
        status = fetch(endpoint.url, data=urlencode({"update": update}).encode())[0]
    else:
        status = fetch(endpoint.url, data=update.encode(),
                       headers={"Content-Type": "application/sparql-update"})[0]
    assert status == 403
    assert get(endpoint.url, "ASK { ?s ?p ?o }")[2] == '{"head": {}, "boolean": true}'


def test_bad_and_empty_queries_are_400(endpoint: Endpoint) -> None:
    status, _, body = get(endpoint.url, "SELECT ?x WHERE {")
    assert status == 400 and body.startswith("invalid SPARQL")
    status, _, body = get(endpoint.url, "  # nothing\n")
    assert status == 400 and body.startswith("empty query")


def test_limits(endpoint: Endpoint) -> None:
    assert get(endpoint.url, "SELECT * WHERE { ?s ?p ?o } #" + "x" * 600)[0] == 413
    assert fetch(endpoint.url.replace("/sparql", "/elsewhere"))[0] == 404
    assert fetch(endpoint.url)[0] == 400  # no query parameter
    status, _, body = get(endpoint.url, "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }")
    assert status == 400 and "more than 1,000 rows" in body


def test_a_deep_query_is_refused_before_any_worker_sees_it(store: Path) -> None:
    ep = Endpoint(store, max_query_length=20_000)
    try:
        for deep in ("SELECT * WHERE { FILTER(" + "(" * 5000 + " }",
                     "SELECT * WHERE " + "{" * 9000):
            status, _, body = fetch(ep.url, data=deep.encode(),
                                    headers={"Content-Type": "application/sparql-query"})
            assert status == 400 and "nests too deeply" in body
        assert get(ep.url, "ASK {}")[0] == 200
    finally:
        ep.close()


# --------------------------------------------------------------------------- who may ask


@pytest.mark.parametrize(("host", "status"), [
    ("evil.example", 403), ("127.0.0.1.nip.io", 403), ("localhost", 200), ("127.0.0.1", 200),
    ("[::1]", 200)])
def test_the_host_header_must_name_this_server(endpoint: Endpoint, host: str,
                                               status: int) -> None:
    got, _, body = get(endpoint.url, "ASK {}", headers={"Host": f"{host}:{endpoint.port}"})
    assert got == status, body
    if status == 403:
        assert "DNS rebinding" in body


def test_other_origins_are_refused_without_cors(endpoint: Endpoint) -> None:
    status, headers, body = get(endpoint.url, "ASK {}", headers={"Origin": "http://evil.example"})
    assert status == 403 and "--cors-origin http://evil.example" in body
    assert "Access-Control-Allow-Origin" not in headers
    same = f"http://127.0.0.1:{endpoint.port}"
    assert get(endpoint.url, "ASK {}", headers={"Origin": same})[0] == 200


def test_cors_only_for_the_origins_given(store: Path) -> None:
    ep = Endpoint(store, cors_origins=["https://app.example"])
    try:
        status, headers, _ = get(ep.url, "ASK {}", headers={"Origin": "https://app.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"
        assert headers["Vary"] == "Origin"
        status, headers, _ = fetch(ep.url, method="OPTIONS", headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        assert get(ep.url, "ASK {}", headers={"Origin": "https://other.example"})[0] == 403
    finally:
        ep.close()
    with pytest.raises(ValueError):
        SparqlApp(ep.pool, cors_origins=["*"])


class _Listener(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.hits.append(self.path)
        body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listener)
    _Listener.hits = []
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/internal", _Listener.hits
    srv.shutdown()
    srv.server_close()


def test_service_is_refused_by_default(endpoint: Endpoint,
                                       listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    status, _, body = get(endpoint.url, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    assert status == 403 and "--allow-service" in body
    status, _, body = get(endpoint.url, "SELECT * WHERE { SERVICE <file:///etc/passwd> "
                                        "{ ?s ?p ?o } }")
    assert status == 403
    assert hits == []


def test_service_runs_when_allowed(store: Path, listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    ep = Endpoint(store, allow_service=True)
    try:
        status, _, body = get(ep.url, f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
        assert status == 200, body
        assert hits
        status, _, body = get(ep.url, "SELECT * WHERE { SERVICE <file:///etc/passwd> "
                                      "{ ?s ?p ?o } }")
        assert status == 400 and "SERVICE request failed" in body
    finally:
        ep.close()


# --------------------------------------------------------------------------- stopping work


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_timed_out_query_is_stopped_and_the_endpoint_goes_on(store: Path) -> None:
    ep = Endpoint(store, timeout=1.0, max_query_length=20_000)
    try:
        before = set(ep.pool.pids())
        t0 = time.monotonic()
        status, _, body = get(ep.url, RUNAWAY)
        took = time.monotonic() - t0
        assert status == 503 and "within 1 s" in body and took < 3
        gone = before - set(ep.pool.pids())
        assert len(gone) == 1 and not _alive(gone.pop())  # killed: no CPU, no memory
        assert get(ep.url, "ASK { ?s ?p ?o }")[0] == 200
    finally:
        ep.close()


def test_runaways_do_not_keep_ordinary_queries_waiting(store: Path) -> None:
    ep = Endpoint(store, timeout=6.0, workers=2, demote_after=0.3, max_query_length=20_000)
    try:
        statuses: list[int] = []
        spoilers = [threading.Thread(target=lambda: statuses.append(get(ep.url, RUNAWAY)[0]))
                    for _ in range(2)]
        for t in spoilers:
            t.start()
        time.sleep(1.5)  # both workers are busy with runaways, now demoted and replaced
        t0 = time.monotonic()
        assert get(ep.url, SELECT)[0] == 200
        assert time.monotonic() - t0 < 2
        for t in spoilers:
            t.join()
        assert statuses == [503, 503]
    finally:
        ep.close()


def test_a_query_over_the_memory_limit_is_stopped(store: Path) -> None:
    ep = Endpoint(store, max_memory=300 << 20, timeout=30.0, max_query_length=20_000)
    try:
        hungry = ("SELECT ?a ?b ?c WHERE { " + " ".join(
            f"VALUES ?{v} {{ {' '.join(str(i) for i in range(400))} }}" for v in "abc")
            + " } ORDER BY DESC(?a) ?b ?c")
        t0 = time.monotonic()
        status, _, body = get(ep.url, hungry)
        assert status == 503 and "more than 300 MiB" in body, body
        assert time.monotonic() - t0 < 20
        assert get(ep.url, "ASK {}")[0] == 200
    finally:
        ep.close()


def test_a_crashed_worker_costs_one_answer(store: Path) -> None:
    ep = Endpoint(store, timeout=10.0, workers=1, max_query_length=20_000)
    try:
        out: list[int] = []
        t = threading.Thread(target=lambda: out.append(get(ep.url, RUNAWAY)[0]))
        t.start()
        time.sleep(0.5)
        (pid,) = ep.pool.pids()
        os.kill(pid, signal.SIGSEGV)
        t.join()
        assert out == [500]
        assert get(ep.url, "ASK {}")[0] == 200
    finally:
        ep.close()


def test_what_is_written_later_is_served(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with KnowledgeGraph(path) as kg:
        kg.add_article_graph(A1, turtle(ARTICLE1), "1")
    ep = Endpoint(path)
    try:
        count = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"
        first = json.loads(get(ep.url, count)[2])["results"]["bindings"][0]["n"]["value"]
        with KnowledgeGraph(path) as kg:  # as kg ingest would, while the endpoint runs
            kg.add_article_graph(A2, turtle(ARTICLE2), "2")
        deadline = time.monotonic() + 10
        while True:
            now = json.loads(get(ep.url, count)[2])["results"]["bindings"][0]["n"]["value"]
            if now != first or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        assert (first, now) == ("1", "2")
    finally:
        ep.close()


# --------------------------------------------------------------------------- HTTP itself


def test_bad_content_lengths_are_refused_unread(endpoint: Endpoint) -> None:
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    assert raw(endpoint.port, head + b"Content-Length: -1\r\n\r\nASK {}").startswith(
        b"HTTP/1.1 400")
    assert raw(endpoint.port, head + b"Content-Length: 300000000\r\n\r\nASK {}").startswith(
        b"HTTP/1.1 413")


def test_idle_connections_are_closed(store: Path) -> None:
    ep = Endpoint(store, idle_timeout=1.0)
    try:
        t0 = time.monotonic()
        assert raw(ep.port, b"", wait=10) == b""  # closed by the server, not by our wait
        assert time.monotonic() - t0 < 5
    finally:
        ep.close()


def test_a_burst_of_connections_is_not_reset(endpoint: Endpoint) -> None:
    statuses: list[int | str] = []

    def one() -> None:
        try:
            statuses.append(get(endpoint.url, "ASK {}")[0])
        except OSError as e:
            statuses.append(type(e).__name__)

    threads = [threading.Thread(target=one) for _ in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * 100


# ----------------------------------------------------------------------- named queries


def named(endpoint: Endpoint, name: str, **params: str) -> tuple[int, Any, str]:
    base = endpoint.url.rsplit("/", 1)[0]
    return fetch(f"{base}/query/{name}?{urlencode(params)}",
                 headers={"Accept": "application/sparql-results+json"})


def test_named_query_with_since_and_until(endpoint: Endpoint) -> None:
    status, _, body = named(endpoint, "events_by_type", type="Deployment")
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    assert rows and all("url" in json.loads(body)["head"]["vars"] for _ in rows)
    assert "since" not in json.loads(body)["head"]["vars"]
    status, _, body = named(endpoint, "events_by_type", type="Deployment", until="1999")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _, body = named(endpoint, "dyads", since="2000-01-01")
    assert status == 200, body


def test_named_query_misspelt_values_are_400_with_suggestions(endpoint: Endpoint) -> None:
    status, _, body = named(endpoint, "events_by_type", type="Deployments")
    assert status == 400 and "did you mean 'Deployment'" in body
    status, _, body = named(endpoint, "events_by_type", type="Deployment", country="PRQ")
    assert status == 400 and "did you mean 'PRK'" in body
    status, _, body = named(endpoint, "events_by_type", type="Deployment", since="last May")
    assert status == 400 and "since" in body
    status, _, body = named(endpoint, "events_by_typ", type="Deployment")
    assert status == 400 and "events_by_type" in body
    status, _, body = named(endpoint, "events_by_type", type="Deployment", colour="red")
    assert status == 400 and "colour" in body
