"""The SPARQL endpoint under a bounded loopback load: latency, resets, memory, runaways.

    .venv/bin/python benchmarks/bench_serve.py                       # kg serve, 20 and 50 clients
    .venv/bin/python benchmarks/bench_serve.py --server oxigraph     # Oxigraph's own server
    .venv/bin/python benchmarks/bench_serve.py --code /tmp/old       # kg serve from other code

A store of ``--articles`` Wikinews articles is ingested (or ``--store`` reused), the server
is started as its own process on 127.0.0.1, and ``--clients`` threads (in this process)
each send ``--requests`` named queries (the eight of kg/queries in turn, each with its
PREFIX lines; ``--mix ask``: a trivial ASK), one connection per request. Reported per
run: answers by status, connection errors (resets, refusals, timeouts), latency p50 / p99 /
max, throughput, and the server's memory (resident set of the server and all its
processes: peak, sampled every 0.1 s).

``--runaways N`` adds N threads that keep sending a cross-product COUNT query which never
finishes within the timeout, so the ordinary queries are measured while N runaways are in
flight; the CPU the server's processes use after a runaway's deadline is reported too.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews" / "wikinews_2019.csv"
BIN = Path(sys.executable).parent
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

sys.path.insert(0, str(ROOT))
from kg.rdf.vocab import PREFIXES  # noqa: E402
from kg.store import list_queries  # noqa: E402

PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def build_store(n: int, path: Path) -> Path:
    folder = path.parent / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    with WIKINEWS.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= n:
                break
            (folder / f"a{i:03d}.json").write_text(
                json.dumps({k: row[k] for k in ("url", "date", "title", "text")}), "utf-8")
    subprocess.run([str(BIN / "kg"), "ingest", str(folder), "--store", str(path)],
                   check=True, capture_output=True)
    return path


# --------------------------------------------------------------------------- server


@dataclass
class Server:
    proc: subprocess.Popen[str]
    url: str

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_server(kind: str, store: Path, args: argparse.Namespace) -> Server:
    env = {**os.environ}
    if kind == "oxigraph":
        port = _free_port()
        cmd = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(store),
               "--bind", f"127.0.0.1:{port}", "--timeout-s", str(int(args.timeout))]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, env=env)
        url = f"http://127.0.0.1:{port}/query"
        _wait_listening(port)
        return Server(proc, url)
    if args.code:
        env["PYTHONPATH"] = str(args.code)
    cmd = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store",
           str(store), "--port", "0", "--timeout", str(args.timeout)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=store.parent)  # not this checkout's kg
    assert proc.stderr is not None
    line = proc.stderr.readline()
    m = re.search(r"(http://\S+/sparql)", line)
    if not m:
        proc.kill()
        raise SystemExit(f"server did not start: {line}{proc.stderr.read()[-2000:]}")
    threading.Thread(target=proc.stderr.read, daemon=True).start()  # drain its log
    return Server(proc, m.group(1))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_listening(port: int) -> None:
    import socket

    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                fields = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def tree_usage(pid: int) -> tuple[int, float]:
    """Resident bytes and CPU seconds of ``pid`` and its descendants."""
    rss, cpu = 0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    for p in tree(pid):
        try:
            rss += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    return rss, cpu


class MemorySampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[int] = []
        self.stop_flag = threading.Event()

    def run(self) -> None:
        while not self.stop_flag.is_set():
            self.samples.append(tree_usage(self.pid)[0])
            time.sleep(0.1)


# --------------------------------------------------------------------------- load


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    peak_rss: int = 0
    runaway_statuses: Counter[str] = field(default_factory=Counter)

    def line(self, label: str) -> str:
        lat = sorted(self.latencies)
        p = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000) if lat else (
            lambda q: float("nan"))
        errors = sum(n for k, n in self.statuses.items() if not k.isdigit())
        return (f"{label:<34}{sum(self.statuses.values()):>7}{self.statuses.get('200', 0):>7}"
                f"{errors:>7}{p(0.5):>8.0f}{p(0.99):>8.0f}{(lat[-1] * 1000 if lat else 0):>8.0f}"
                f"{len(lat) / max(self.seconds, 1e-9):>8.1f}{self.peak_rss / 2**20:>9.0f}"
                f"   {dict(self.statuses)}"
                + (f" runaways {dict(self.runaway_statuses)}" if self.runaway_statuses else ""))


def request(url: str, query: str, timeout: float) -> tuple[str, float]:
    host, port, path = _split(url)
    body = urlencode({"query": query}).encode()
    t0 = time.monotonic()
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/sparql-results+json",
                                          "Connection": "close"})
        r = conn.getresponse()
        r.read()
        status = str(r.status)
    except ConnectionResetError:
        status = "reset"
    except ConnectionRefusedError:
        status = "refused"
    except TimeoutError:
        status = "timeout"
    except (OSError, http.client.HTTPException) as e:
        status = type(e).__name__
    finally:
        conn.close()
    return status, time.monotonic() - t0


def _split(url: str) -> tuple[str, int, str]:
    m = re.match(r"http://([^:/]+):(\d+)(/.*)", url)
    assert m
    return m.group(1), int(m.group(2)), m.group(3)


def run_load(server: Server, clients: int, per_client: int, runaways: int,
             timeout: float, mix: str = "named") -> Load:
    queries = ([PROLOGUE + q.text for q in list_queries()] if mix == "named"
               else ["ASK { ?s ?p ?o }"])
    out = Load()
    lock = threading.Lock()
    done = threading.Event()
    sampler = MemorySampler(server.proc.pid)
    sampler.start()

    def client(k: int) -> None:
        for i in range(per_client):
            status, took = request(server.url, queries[(k + i) % len(queries)], 60)
            with lock:
                out.statuses[status] += 1
                if status == "200":
                    out.latencies.append(took)

    def runaway() -> None:
        while not done.is_set():
            status, _ = request(server.url, PROLOGUE + RUNAWAY, timeout + 30)
            with lock:
                out.runaway_statuses[status] += 1

    spoilers = [threading.Thread(target=runaway, daemon=True) for _ in range(runaways)]
    for t in spoilers:
        t.start()
    if runaways:
        time.sleep(1.5)  # the runaways are running (and demoted) before the load starts
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.seconds = time.monotonic() - t0
    done.set()
    sampler.stop_flag.set()
    sampler.join()
    out.peak_rss = max(sampler.samples, default=0)
    return out


def cpu_after_deadline(server: Server, timeout: float) -> tuple[str, float]:
    """Send one runaway; return its status and the CPU seconds the server's processes use
    in the second that starts 1 s after its deadline."""
    result: list[str] = []
    t = threading.Thread(target=lambda: result.append(
        request(server.url, PROLOGUE + RUNAWAY, timeout + 30)[0]))
    t0 = time.monotonic()
    t.start()
    time.sleep(max(0.0, timeout + 1.0 - (time.monotonic() - t0)))
    _, cpu0 = tree_usage(server.proc.pid)
    time.sleep(1.0)
    _, cpu1 = tree_usage(server.proc.pid)
    t.join()
    return (result[0] if result else "?"), cpu1 - cpu0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", choices=["kg", "oxigraph"], default="kg")
    ap.add_argument("--code", type=Path, help="run kg serve from this copy of the kg package")
    ap.add_argument("--store", type=Path, help="an existing store (default: build one)")
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--clients", type=int, nargs="+", default=[20, 50])
    ap.add_argument("--requests", type=int, default=200, help="requests per client")
    ap.add_argument("--runaways", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=0, help="kg serve --workers (0: default)")
    ap.add_argument("--mix", choices=["named", "ask"], default="named",
                    help="named: the eight named queries in turn; ask: a trivial ASK, to "
                         "measure the HTTP layer and the dispatch alone")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
    try:
        store = args.store or build_store(args.articles, tmp / "store")
        server = start_server(args.server, store, args)
        try:
            print(f"{args.server} server at {server.url}; store {store}; "
                  f"{os.cpu_count()} CPUs; code {args.code or ROOT}", flush=True)
            print(f"\n{'run':<34}{'sent':>7}{'200':>7}{'errors':>7}{'p50 ms':>8}{'p99 ms':>8}"
                  f"{'max ms':>8}{'q/s':>8}{'peak MiB':>9}")
            for c in args.clients:
                res = run_load(server, c, args.requests, 0, args.timeout, args.mix)
                print(res.line(f"{c} clients x {args.requests} {args.mix}"), flush=True)
            if args.runaways:
                c = args.clients[0]
                res = run_load(server, c, max(1, args.requests // 4), args.runaways,
                               args.timeout, args.mix)
                print(res.line(f"{c} clients x {max(1, args.requests // 4)} {args.mix}, "
                               f"{args.runaways} runaways"), flush=True)
                status, cpu = cpu_after_deadline(server, args.timeout)
                print(f"\none runaway alone: answered {status}; CPU used by the server's "
                      f"processes 1-2 s after its deadline: {cpu:.2f} s")
            idle_rss, _ = tree_usage(server.proc.pid)
            print(f"server memory at rest: {idle_rss / 2**20:.0f} MiB "
                  f"({len(tree(server.proc.pid))} processes)")
        finally:
            server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
