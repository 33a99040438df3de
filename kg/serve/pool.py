"""A pool of query worker processes with deadlines that stop work.

Oxigraph cannot interrupt a query it is evaluating, so every query runs in a worker process
(:mod:`kg.serve.worker`) that the pool kills when the query's deadline passes or when it
grows past ``max_memory``: CPU and memory are freed at once, and a replacement worker is
started in the background. A query that has used ``demote_after`` seconds of CPU is moved to
the lowest CPU priority and a fresh worker is started in its place (for up to ``workers``
such long queries at once), so runaway queries neither slow the ordinary ones down nor
keep them waiting for a worker; the demoted worker ends with its query. A worker that dies
(even by a crash in native code) costs one 500 answer. Workers are forked from a small
server process that imported kg once, so a replacement is ready in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.errors import StoreError
from kg.serve.render import Reply, plain
from kg.serve.worker import Limits, Request, worker_main

__all__ = ["QueryPool"]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
#: Seconds between two looks at a running query (deadline, memory, priority).
_TICK = 0.05


def _context() -> ForkServerContext | SpawnContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["kg.serve.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, proc: BaseProcess, conn: Connection) -> None:
        self.proc = proc
        self.conn = conn
        self.demoted = False  # running at the lowest priority (a long query)
        self.extra = False  # replaced when it was demoted
        self.failed = False  # killed, or dead

    @property
    def pid(self) -> int:
        assert self.proc.pid is not None
        return self.proc.pid

    def rss(self) -> int:
        """Resident memory in bytes (Linux; 0 where /proc is missing)."""
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as f:
                return int(f.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0

    def cpu(self) -> float:
        """CPU seconds used so far (Linux; 0 where /proc is missing)."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _TICKS
        except (OSError, ValueError, IndexError):
            return 0.0

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


class QueryPool:
    """``workers`` processes answering queries on the store at ``store``."""

    def __init__(self, store: str | Path, *, workers: int = 4, limits: Limits | None = None,
                 max_memory: int = 1 << 30, demote_after: float = 1.0) -> None:
        self.store = str(store)
        self.size = workers
        self.limits = limits or Limits()
        self.max_memory = max_memory
        self.demote_after = demote_after
        self._ctx = _context()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._slow = 0  # demoted workers that were replaced at once
        self.last_error = ""
        first = self._start()  # a store that cannot be opened fails here, in one line
        self._idle.put(first)
        for _ in range(workers - 1):
            self._replace()

    # -- answering ------------------------------------------------------------------

    def run(self, sparql: str, accept: str, timeout: float) -> Reply:
        """Answer one query within ``timeout`` seconds (waiting for a free worker included)."""
        return self._run(sparql, accept, timeout)

    def run_named(self, name: str, params: dict[str, str], accept: str,
                  timeout: float) -> Reply:
        """Answer the named query ``name`` with ``params`` (as :meth:`run`)."""
        return self._run((name, params), accept, timeout)

    def _run(self, request: Request, accept: str, timeout: float) -> Reply:
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            why = f" ({self.last_error})" if self.last_error else ""
            return plain(503, f"all {self.size} query workers stayed busy for {timeout:g} s"
                              f"{why}; try again")
        try:
            reply = self._ask(w, request, accept, deadline, timeout)
        except (EOFError, OSError):
            reply = plain(500, "the query's worker process died; the query was not answered")
            w.failed = True
        if w.failed or w.demoted:
            self._retire(w)
        else:
            self._idle.put(w)
        return reply

    def _ask(self, w: _Worker, request: Request, accept: str, deadline: float,
             timeout: float) -> Reply:
        w.conn.send((request, accept))
        cpu_at_start = w.cpu()
        while not w.conn.poll(min(_TICK, max(0.0, deadline - time.monotonic()))):
            now = time.monotonic()
            if now >= deadline:
                w.failed = True
                return plain(503, f"query did not finish within {timeout:g} s; it was stopped")
            if self.max_memory and w.rss() > self.max_memory:
                w.failed = True
                return plain(503, f"query used more than {self.max_memory >> 20:,} MiB of "
                                  "memory; it was stopped")
            if not w.demoted and w.cpu() - cpu_at_start >= self.demote_after:
                self._demote(w)
        reply: Reply = w.conn.recv()
        return reply

    def _demote(self, w: _Worker) -> None:
        """A long query: lowest CPU priority, and (up to ``size`` of them) a worker started
        in its place, so that long queries do not hold up the others."""
        w.demoted = _lower_priority(w.pid)
        if not w.demoted:
            return
        with self._lock:
            w.extra = self._slow < self.size
            if w.extra:
                self._slow += 1
        if w.extra:
            self._replace()

    # -- workers ----------------------------------------------------------------------

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker_main, args=(child, self.store, self.limits),
                                 name="kg-serve-worker", daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        try:
            if not parent.poll(120):
                raise StoreError(f"{self.store}: a query worker did not start within 120 s")
            kind, message = parent.recv()
        except (EOFError, OSError) as e:
            w.stop()
            raise StoreError(f"{self.store}: a query worker failed to start") from e
        except StoreError:
            w.stop()
            raise
        if kind != "ready":
            w.stop()
            raise StoreError(message)
        with self._lock:
            if self._closed:
                w.stop()
                raise StoreError("the query pool is closed")
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        """Stop a worker (now) and, unless one was started when it was demoted, start its
        replacement (in the background)."""
        with self._lock:
            self._all.discard(w)
            if w.extra:
                self._slow -= 1
        w.stop()
        if not w.extra:
            self._replace()

    def _replace(self) -> None:
        def start() -> None:
            while not self._closed:
                try:
                    self._idle.put(self._start())
                    self.last_error = ""
                    return
                except StoreError as e:
                    self.last_error = str(e)
                    time.sleep(1.0)

        threading.Thread(target=start, name="kg-serve-spawn", daemon=True).start()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for measurements)."""
        with self._lock:
            return [w.pid for w in self._all]


def _lower_priority(pid: int) -> bool:
    """Nice 19 for every thread of ``pid`` (Linux gives each thread its own priority, and
    the query runs on a thread of its own)."""
    try:
        tids = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    except OSError:
        tids = [pid]
    done = False
    for tid in tids:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, 19)
            done = True
        except (OSError, AttributeError):
            continue
    return done
