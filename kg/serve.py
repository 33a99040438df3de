"""A read-only SPARQL 1.1 Protocol endpoint over a store (standard library only).

``GET /sparql?query=...``, ``POST /sparql`` with ``application/x-www-form-urlencoded``
(``query=...``) or ``application/sparql-query``. Answers are negotiated from the ``Accept``
header: SELECT / ASK as SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT / DESCRIBE as
Turtle (default), N-Triples, RDF/XML or JSON-LD. Updates are refused with 403, queries
longer than ``max_query_length`` with 413, and a query still running after ``timeout``
seconds is answered with 503 (its evaluation is abandoned, not interrupted).
"""

from __future__ import annotations

import concurrent.futures
import socketserver
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from kg.errors import QueryError, StoreError
from kg.store import QueryResult

__all__ = ["SparqlApp", "make_server_for", "serve"]

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]

_SELECT_TYPES = {
    "application/sparql-results+json": ("to_json", "application/sparql-results+json"),
    "application/json": ("to_json", "application/sparql-results+json"),
    "application/sparql-results+xml": ("to_xml", "application/sparql-results+xml"),
    "application/xml": ("to_xml", "application/sparql-results+xml"),
    "text/csv": ("to_csv", "text/csv"),
    "text/tab-separated-values": ("to_tsv", "text/tab-separated-values"),
}
_GRAPH_TYPES = {
    "text/turtle": ("turtle", "text/turtle"),
    "application/n-triples": ("nt", "application/n-triples"),
    "application/rdf+xml": ("xml", "application/rdf+xml"),
    "application/ld+json": ("json-ld", "application/ld+json"),
}
_STATUS = {200: "200 OK", 400: "400 Bad Request", 403: "403 Forbidden",
           404: "404 Not Found", 405: "405 Method Not Allowed",
           406: "406 Not Acceptable", 413: "413 Payload Too Large",
           415: "415 Unsupported Media Type", 500: "500 Internal Server Error",
           503: "503 Service Unavailable"}


class _Refusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class SparqlApp:
    """The WSGI application; ``query`` is any callable ``sparql -> QueryResult``
    (normally :meth:`kg.store.KnowledgeGraph.query` of a read-only store)."""

    def __init__(self, query: Callable[[str], QueryResult], *, max_query_length: int = 20_000,
                 timeout: float = 10.0, workers: int = 4) -> None:
        self.query = query
        self.max_query_length = max_query_length
        self.timeout = timeout
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers,
                                                           thread_name_prefix="kg-sparql")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        try:
            status, ctype, body = self._handle(environ)
        except _Refusal as r:
            status, ctype, body = r.status, "text/plain; charset=utf-8", (str(r) + "\n").encode()
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))),
                   ("Access-Control-Allow-Origin", "*")]
        start_response(_STATUS[status], headers)
        return [body]

    # -- request handling --------------------------------------------------------------

    def _handle(self, environ: Environ) -> tuple[int, str, bytes]:
        path = environ.get("PATH_INFO", "/")
        if path in ("", "/"):
            return 200, "text/plain; charset=utf-8", (
                b"kg SPARQL endpoint (read-only). Send queries to /sparql "
                b"(GET ?query=... or POST).\n")
        if path not in ("/sparql", "/query"):
            raise _Refusal(404, f"no such resource {path}; the endpoint is /sparql")
        sparql = self._read_query(environ)
        if len(sparql) > self.max_query_length:
            raise _Refusal(413, f"query is {len(sparql)} characters; the limit is "
                                f"{self.max_query_length}")
        future = self._pool.submit(self.query, sparql)
        try:
            result = future.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError as e:
            future.cancel()
            raise _Refusal(503, f"query did not finish within {self.timeout:g} s") from e
        except QueryError as e:
            if "is an update" in str(e):
                raise _Refusal(403, f"{e}; this endpoint does not accept updates") from e
            raise _Refusal(400, str(e)) from e
        except StoreError as e:
            raise _Refusal(500, str(e)) from e
        return _render(result, environ.get("HTTP_ACCEPT", ""))

    def _read_query(self, environ: Environ) -> str:
        method = environ.get("REQUEST_METHOD", "GET")
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method == "GET":
            pass
        elif method == "POST":
            ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            body = self._read_body(environ)
            if ctype == "application/sparql-update":
                raise _Refusal(403, "SPARQL updates are not accepted; the endpoint is read-only")
            if ctype == "application/sparql-query":
                return body.decode("utf-8", errors="replace")
            if ctype in ("application/x-www-form-urlencoded", ""):
                params.update(parse_qs(body.decode("utf-8", errors="replace"),
                                       keep_blank_values=True))
            else:
                raise _Refusal(415, f"unsupported content type {ctype!r}; send "
                                    "application/sparql-query or a form")
        else:
            raise _Refusal(405, f"method {method} not allowed; use GET or POST")
        if "update" in params:
            raise _Refusal(403, "SPARQL updates are not accepted; the endpoint is read-only")
        queries = params.get("query", [])
        if len(queries) != 1:
            raise _Refusal(400, "give exactly one 'query' parameter")
        return str(queries[0])

    def _read_body(self, environ: Environ) -> bytes:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError as e:
            raise _Refusal(400, "bad Content-Length") from e
        # a form-encoded query grows up to 3x; anything much larger is refused unread
        if length > 3 * self.max_query_length + 1024:
            raise _Refusal(413, f"request body is {length} bytes; the query limit is "
                                f"{self.max_query_length} characters")
        data: bytes = environ["wsgi.input"].read(length) if length else b""
        return data


def _render(result: QueryResult, accept: str) -> tuple[int, str, bytes]:
    wanted = _accepted(accept)
    if result.kind == "graph":
        assert result.graph is not None
        for mt in wanted:
            if mt in _GRAPH_TYPES or mt in ("*/*", "text/*", "application/*"):
                fmt, ctype = _GRAPH_TYPES.get(mt, ("turtle", "text/turtle"))
                return 200, ctype, result.graph.serialize(format=fmt).encode("utf-8")
        raise _Refusal(406, "graph results are available as " + ", ".join(_GRAPH_TYPES))
    for mt in wanted:
        if mt in _SELECT_TYPES or mt in ("*/*", "application/*", "text/*"):
            method, ctype = _SELECT_TYPES.get(
                mt, ("to_csv", "text/csv") if mt == "text/*"
                else ("to_json", "application/sparql-results+json"))
            if result.kind == "ask" and method in ("to_csv", "to_tsv"):
                continue
            text: str = getattr(result, method)()
            return 200, f"{ctype}; charset=utf-8", text.encode("utf-8")
    raise _Refusal(406, "results are available as " + ", ".join(_SELECT_TYPES))


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (``*/*`` when none is given)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [mt for _, _, mt in sorted(ranked)] or ["*/*"]


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_server_for(app: SparqlApp, host: str = "127.0.0.1", port: int = 7878,
                    *, quiet: bool = True) -> WSGIServer:
    """A threading WSGI server for ``app`` (port 0 picks a free port)."""
    try:
        return make_server(host, port, app, server_class=_ThreadingServer,
                           handler_class=_QuietHandler if quiet else WSGIRequestHandler)
    except OSError as e:
        raise StoreError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e


def serve(store_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, *,
          max_query_length: int = 20_000, timeout: float = 10.0,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the store read-only until interrupted."""
    from kg.store import KnowledgeGraph

    with KnowledgeGraph(store_dir, read_only=True) as kg:
        app = SparqlApp(kg.query, max_query_length=max_query_length, timeout=timeout)
        server = make_server_for(app, host, port, quiet=False)
        if on_ready is not None:
            on_ready(f"http://{host}:{server.server_port}/sparql")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
            app.close()
