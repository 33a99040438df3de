"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store.

Three parts, each replaceable:

- :mod:`kg.serve.app` — the WSGI application: routes, the checks on who asks (Host,
  Origin) and on what they ask (updates, SERVICE, length, nesting);
- :mod:`kg.serve.pool` — worker processes that run the queries, killed at their deadline
  or over their memory limit (:mod:`kg.serve.worker` is what each of them runs);
- `waitress <https://docs.pylonsproject.org/projects/waitress/>`_ for HTTP: a maintained
  pure-Python WSGI server whose event loop holds idle connections without a thread each,
  closes them after ``channel_timeout``, validates ``Content-Length`` and caps request
  bodies and headers before the application sees them.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from kg.errors import KGError
from kg.serve.app import Runner, SparqlApp, check_origin
from kg.serve.pool import QueryPool
from kg.serve.worker import Limits

__all__ = ["HttpServer", "QueryPool", "Runner", "ServeOptions", "SparqlApp", "check_origin",
           "make_server", "serve"]


@dataclass(frozen=True)
class ServeOptions:
    """The limits and permissions of an endpoint (the ``kg serve`` options)."""

    timeout: float = 10.0  # seconds from request to answer; then the query is stopped
    max_query_length: int = 20_000  # characters
    workers: int = 4  # queries running at once (one process each)
    max_rows: int = 100_000  # rows (or triples) in an answer
    max_memory_mb: int = 1024  # per worker process; a query using more is stopped
    idle_timeout: float = 30.0  # seconds an idle connection is kept
    allow_service: bool = False  # SERVICE (federated queries) refused unless set
    cors_origins: tuple[str, ...] = ()  # web origins allowed to query (CORS)
    allowed_hosts: tuple[str, ...] = ()  # more names the Host header may give


class HttpServer:
    """A waitress server: :meth:`run` serves until :meth:`stop` (from another thread) or
    Ctrl-C."""

    def __init__(self, server: Any) -> None:
        self._server = server

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    def run(self) -> None:
        self._server.run()

    def stop(self) -> None:
        """Let the requests being answered finish (up to 5 s), then close every connection
        and the listening socket; :meth:`run` returns."""
        from waitress import wasyncore

        self._server.task_dispatcher.shutdown(timeout=5)
        with contextlib.suppress(OSError):
            self._server.trigger.pull_trigger(
                lambda: wasyncore.close_all(self._server._map))  # in the event loop's thread


def make_server(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 7878, *,
                threads: int = 8, max_body: int = 1 << 20,
                idle_timeout: float = 30.0) -> HttpServer:
    """A waitress server for ``app`` (port 0 picks a free port: see ``.port``)."""
    from waitress.server import create_server

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" under load
    try:
        return HttpServer(create_server(
            app, host=host, port=port, threads=threads, backlog=1024, connection_limit=1000,
            channel_timeout=idle_timeout, cleanup_interval=max(1.0, idle_timeout / 4),
            max_request_body_size=max_body, max_request_header_size=max_body + 16_384,
            ident="kg", expose_tracebacks=False, clear_untrusted_proxy_headers=True))
    except OSError as e:
        raise KGError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e


def serve(store_dir: str | Path, host: str = "127.0.0.1", port: int = 7878,
          options: ServeOptions | None = None, *,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the store read-only until interrupted (Ctrl-C or SIGTERM)."""
    opts = options or ServeOptions()
    limits = Limits(max_rows=opts.max_rows, allow_service=opts.allow_service)
    pool = QueryPool(store_dir, workers=opts.workers, limits=limits,
                     max_memory=opts.max_memory_mb << 20)
    server: HttpServer | None = None
    try:
        app = SparqlApp(pool, host=host, max_query_length=opts.max_query_length,
                        timeout=opts.timeout, allow_service=opts.allow_service,
                        cors_origins=opts.cors_origins, allowed_hosts=opts.allowed_hosts)
        server = make_server(app, host, port, threads=2 * opts.workers + 4,
                             max_body=3 * opts.max_query_length + 1024,
                             idle_timeout=opts.idle_timeout)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _interrupt)
        if on_ready is not None:
            shown = f"[{host}]" if ":" in host else host
            on_ready(f"http://{shown}:{server.port}/sparql")
        server.run()  # until Ctrl-C (or SIGTERM, made one)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.stop()
        pool.close()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
