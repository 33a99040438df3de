"""The WSGI application of ``kg serve``: a read-only SPARQL 1.1 Protocol endpoint.

``GET /sparql?query=...``, ``POST /sparql`` with ``application/x-www-form-urlencoded``
(``query=...``) or ``application/sparql-query``; ``/query`` is the same. ``GET
/query/NAME?since=2019&type=Sanction`` runs a named query (``kg query --list``) with its
parameters, through :meth:`kg.api.GeoKG.named_query`: a misspelt value is a 400 whose
text suggests close ones. The application
only reads and checks requests; queries are answered by a runner (normally a
:class:`kg.serve.pool.QueryPool` of worker processes).

Refused before any query runs:

- a ``Host`` header that does not name this server (403: a web page must not reach the
  endpoint by DNS rebinding); the bind address, and for a loopback address ``localhost``,
  ``127.0.0.1`` and ``::1``, are this server, and so is any IP address when it listens on
  every interface; more names with ``allowed_hosts``;
- a request from a web page of another origin (an ``Origin`` header) unless that origin is
  in ``cors_origins``, which also get CORS headers (there are none otherwise);
- updates (403), ``SERVICE`` unless ``allow_service`` (403), queries over
  ``max_query_length`` characters (413) or nested too deeply for the parser (400).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError, RefusedQueryError
from kg.serve.render import Reply, plain
from kg.sparql_guard import check_query, is_update

__all__ = ["Runner", "SparqlApp", "check_origin"]

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]

_REASONS = {200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden",
            404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
            413: "Payload Too Large", 415: "Unsupported Media Type",
            500: "Internal Server Error", 503: "Service Unavailable"}
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


class Runner(Protocol):
    """What answers the queries: ``run(sparql, accept, timeout) -> (status, type, body)``."""

    def run(self, sparql: str, accept: str, timeout: float) -> Reply: ...

    def run_named(self, name: str, params: dict[str, str], accept: str,
                  timeout: float) -> Reply: ...


class _Refusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_origin(origin: str) -> str:
    """``origin`` as a CORS origin (``scheme://host[:port]``), or ValueError.

    >>> check_origin("https://example.org:8443")
    'https://example.org:8443'
    """
    parts = urlsplit(origin)
    if (parts.scheme not in ("http", "https") or not parts.hostname
            or parts.path or parts.query or parts.fragment or origin.endswith("/")):
        raise ValueError(f"{origin!r} is not an origin such as https://example.org (a scheme, "
                         "a host, an optional port; '*' is not accepted)")
    return origin


class SparqlApp:
    """The WSGI application (see the module docstring)."""

    def __init__(self, runner: Runner, *, host: str = "127.0.0.1",
                 max_query_length: int = 20_000, timeout: float = 10.0,
                 allow_service: bool = False, cors_origins: Sequence[str] = (),
                 allowed_hosts: Sequence[str] = ()) -> None:
        self.runner = runner
        self.max_query_length = max_query_length
        self.timeout = timeout
        self.allow_service = allow_service
        self.cors_origins = frozenset(check_origin(o) for o in cors_origins)
        self._hosts = {_bare(host).lower(), *(h.lower() for h in allowed_hosts)}
        if self._hosts & _LOOPBACK_NAMES or _is_loopback(host):
            self._hosts |= _LOOPBACK_NAMES
        self._any_ip = _bare(host) in ("", "0.0.0.0", "::")

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        headers: list[tuple[str, str]] = []
        try:
            self._check_host(environ)
            origin = self._check_origin(environ, headers)
            if environ.get("REQUEST_METHOD") == "OPTIONS":
                status, ctype, body = self._preflight(origin, headers)
            else:
                status, ctype, body = self._handle(environ)
        except _Refusal as r:
            status, ctype, body = plain(r.status, str(r))
        headers += [("Content-Type", ctype), ("Content-Length", str(len(body))),
                    ("X-Content-Type-Options", "nosniff")]
        start_response(f"{status} {_REASONS.get(status, '')}".rstrip(), headers)
        return [body]

    # -- who may ask ------------------------------------------------------------------

    def _check_host(self, environ: Environ) -> None:
        host = environ.get("HTTP_HOST")
        if not host:  # HTTP/1.0 without Host: not a browser
            return
        name = _host_name(host)
        if name in self._hosts or (self._any_ip and _is_ip(name)):
            return
        raise _Refusal(403, f"Host {host!r} is not this server (a web page may be trying to "
                            "reach it by DNS rebinding); if it is, start kg serve with "
                            f"--allow-host {name}")

    def _check_origin(self, environ: Environ, headers: list[tuple[str, str]]) -> str | None:
        origin: str | None = environ.get("HTTP_ORIGIN")
        if self.cors_origins:
            headers.append(("Vary", "Origin"))
        if origin is None:
            return None
        if origin in self.cors_origins:
            headers.append(("Access-Control-Allow-Origin", origin))
            return origin
        scheme = environ.get("wsgi.url_scheme", "http")
        if origin == f"{scheme}://{environ.get('HTTP_HOST', '')}":
            return None  # same origin
        raise _Refusal(403, f"requests from web pages at {origin} are refused; start kg serve "
                            f"with --cors-origin {origin} to allow them")

    def _preflight(self, origin: str | None, headers: list[tuple[str, str]]) -> Reply:
        headers.append(("Allow", "GET, POST, OPTIONS"))
        if origin is not None:
            headers += [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                        ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                        ("Access-Control-Max-Age", "600")]
        return 204, "text/plain; charset=utf-8", b""

    # -- what they ask ----------------------------------------------------------------

    def _handle(self, environ: Environ) -> Reply:
        path = environ.get("PATH_INFO", "/")
        if path in ("", "/"):
            return 200, "text/plain; charset=utf-8", (
                b"kg SPARQL endpoint (read-only). Send queries to /sparql "
                b"(GET ?query=... or POST).\n")
        if path.startswith("/query/"):
            return self._named(path[len("/query/"):], environ)
        if path not in ("/sparql", "/query"):
            raise _Refusal(404, f"no such resource {path}; the endpoint is /sparql, and "
                                "/query/NAME runs a named query")
        sparql = self._read_query(environ)
        if is_update(sparql):
            raise _Refusal(403, "SPARQL updates are not accepted; the endpoint is read-only")
        try:
            check_query(sparql, max_chars=self.max_query_length,
                        allow_service=self.allow_service)
        except RefusedQueryError as e:
            extra = "; start kg serve with --allow-service to allow it" if (
                "SERVICE" in str(e)) else ""
            raise _Refusal(403, f"{e}{extra}") from e
        except QueryError as e:
            raise _Refusal(413 if "characters; the limit" in str(e) else 400, str(e)) from e
        return self.runner.run(sparql, environ.get("HTTP_ACCEPT", ""), self.timeout)

    def _named(self, name: str, environ: Environ) -> Reply:
        """``GET /query/NAME?since=...&type=...``: a named query (``kg query --list``) with
        its parameters, through :meth:`kg.api.GeoKG.named_query` in a worker; an unknown
        query, parameter or value is a 400 naming what would do."""
        if environ.get("REQUEST_METHOD", "GET") != "GET":
            raise _Refusal(405, "a named query is asked with GET /query/NAME?PARAM=VALUE")
        if not name.replace("_", "").isalnum():
            raise _Refusal(404, f"no named query {name!r}; kg query --list lists them")
        params: dict[str, str] = {}
        for key, values in parse_qs(environ.get("QUERY_STRING", ""),
                                    keep_blank_values=True).items():
            if len(values) != 1:
                raise _Refusal(400, f"give parameter {key!r} once")
            params[key] = values[0]
        if sum(len(k) + len(v) for k, v in params.items()) > self.max_query_length:
            raise _Refusal(413, "the parameters are longer than the query limit "
                                f"({self.max_query_length} characters)")
        return self.runner.run_named(name, params, environ.get("HTTP_ACCEPT", ""),
                                     self.timeout)

    def _read_query(self, environ: Environ) -> str:
        method = environ.get("REQUEST_METHOD", "GET")
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method == "POST":
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
        elif method != "GET":
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
        if length < 0 or length > 3 * self.max_query_length + 1024:
            raise _Refusal(413, f"request body is {length} bytes; the query limit is "
                                f"{self.max_query_length} characters")
        data: bytes = environ["wsgi.input"].read(length) if length else b""
        return data


def _bare(host: str) -> str:
    return host.strip("[]")


def _host_name(host: str) -> str:
    """The name of a Host header value, without port or IPv6 brackets, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(_bare(host)).is_loopback
    except ValueError:
        return False
