"""The query worker: a process that opens the store read-only and answers queries.

It reads ``(sparql, accept)`` requests from its pipe and writes back ``(status, content
type, body)``; it ends when the pipe closes (its server stopped or died). Killing it is
how a query that runs past its deadline is stopped: nothing it holds is shared.

The store is reopened (at most once a second, before a query) when its files changed since
it was opened, so what an ingest adds is served within about a second of being written;
a query that fails because another process compacted files away is retried once on a
fresh open.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.api import GeoKG
from kg.errors import KGError, QueryError, RefusedQueryError, StoreError
from kg.serve.render import Reply, plain, render
from kg.store import QueryResult

__all__ = ["Limits", "StoreView", "answer", "worker_main"]

#: Seconds between two looks at the store directory for changes.
REFRESH_INTERVAL = 1.0

#: What a worker is asked: a SPARQL text, or a named query's name and its parameters.
Request = str | tuple[str, dict[str, str]]


@dataclass(frozen=True)
class Limits:
    """What a worker lets a query do."""

    max_rows: int = 100_000
    allow_service: bool = False


class StoreView:
    """A read-only store that is reopened when its directory changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # upgrade=False: the workers say nothing about an old store (each would, on stderr)
        self._g = GeoKG(path, read_only=True, upgrade=False)
        self._stamp = _stamp(path)
        self._checked = time.monotonic()

    def query(self, sparql: str, limits: Limits) -> QueryResult:
        self._refresh()
        try:
            return self._g.store.query(sparql, allow_service=limits.allow_service,
                                       max_rows=limits.max_rows)
        except QueryError:
            raise
        except StoreError:  # e.g. a file compacted away by a writer: once more, reopened
            self._reopen()
            return self._g.store.query(sparql, allow_service=limits.allow_service,
                                       max_rows=limits.max_rows)

    def named_query(self, name: str, params: dict[str, str], limits: Limits) -> QueryResult:
        """A named query through the library object (:meth:`kg.api.GeoKG.named_query`):
        the same checks, suggestions and ``since`` / ``until`` as in Python and the CLI."""
        self._refresh()
        try:
            result = self._g.named_query(name, params)
        except StoreError:
            self._reopen()
            result = self._g.named_query(name, params)
        if len(result.rows) > limits.max_rows:
            raise QueryError(f"the answer has more than {limits.max_rows:,} rows; narrow it "
                             "with since / until or the query's other parameters")
        return result

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < REFRESH_INTERVAL:
            return
        self._checked = now
        if _stamp(self.path) != self._stamp:
            with contextlib.suppress(StoreError):  # mid-write: keep what is open, look later
                self._reopen()

    def _reopen(self) -> None:
        stamp = _stamp(self.path)
        fresh = GeoKG(self.path, read_only=True, upgrade=False)
        self._g.close()
        self._g, self._stamp = fresh, stamp


def _stamp(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the store's data files."""
    out = []
    try:
        with os.scandir(path) as entries:
            for e in entries:
                if e.name == "LOCK" or e.name.startswith("LOG") or not e.is_file():
                    continue
                st = e.stat()
                out.append((e.name, st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(out))


def answer(view: StoreView, request: Request, accept: str, limits: Limits) -> Reply:
    """The HTTP answer to one request (a SPARQL text, or a named query's name and
    parameters): the rendered result, or the error as one line."""
    try:
        if isinstance(request, str):
            return render(view.query(request, limits), accept)
        name, params = request
        return render(view.named_query(name, params, limits), accept)
    except RefusedQueryError as e:
        return plain(403, str(e))
    except QueryError as e:
        return plain(400, str(e))
    except KGError as e:
        return plain(500, str(e))
    except Exception as e:  # a bug must cost one answer, not the worker
        return plain(500, f"internal error: {type(e).__name__}: {e}")


def worker_main(conn: Connection, store: str, limits: Limits) -> None:
    """Serve queries from ``conn`` until it closes; the first message says ready or why not."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    try:
        view = StoreView(Path(store))
    except KGError as e:
        conn.send(("error", str(e)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            request, accept = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(view, request, accept, limits))
