"""Dask benchmark: kg ingest --dask against itself and against plain ingest, and kg load
against pyoxigraph's own bulk loader; every ratio from runs made back to back.

    .venv/bin/python benchmarks/bench_dask.py [--items 800] [--corpus] [--load-quads 1000000]

1. Scaling: the same ``--items`` corpus items through ``--dask local:1`` and
   ``--dask local:2`` (target: 2 workers ≥ 1.7× the throughput of 1), and through plain
   ``kg ingest --processes 2`` (target: Dask local:2 within 10 %). Each run is one fresh
   process into an empty store (cluster start and model loads included: what a user
   waits for); the steady rate, from the first article stored to the last, beside it.
2. ``--corpus``: the whole shared corpus through ``--dask local:2`` and through plain
   ``--processes 2``: time, peak memory of the client and of each worker, and whether
   the two stores hold the same quads (sorted N-Quads of the named graphs and the union).
3. Load: a ``--load-quads`` N-Quads dump shaped like kg's output (benchmarks/bench_store.py)
   loaded by ``kg load`` (KnowledgeGraph.load: canonical parse, the union computed, bulk
   load, compaction, count upgrades) and by ``pyoxigraph.Store.bulk_load`` into an empty
   store of the same quads in kg's layout (the named graphs and their union in the default
   graph, which kg writes too), and of the named graphs alone; alternately, twice each
   (target: ≤ 1.3× the same layout).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ITEMS = CORPUS / "wp-current-events" / "items.jsonl"


def one_run(args: argparse.Namespace) -> None:
    """One ingest in this process; prints a JSON line of figures."""
    import pyoxigraph as ox

    import kg.api

    stamps: list[float] = []
    workers_peak: list[int] = []
    items = kg.api.read_inputs(*args.inputs)

    def stamp(_: int) -> None:
        stamps.append(time.perf_counter())

    t0 = time.perf_counter()
    with kg.api.open(args.store) as g:
        if args.dask:
            from distributed import Client, LocalCluster

            n = int(args.dask.partition(":")[2] or 1)
            with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                              dashboard_address=":0") as cluster, Client(cluster) as client:
                report = g.ingest_articles(items, dask=client, on_progress=stamp)
                workers_peak = [v * 1024 for v in client.run(
                    lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values()]
        else:
            report = g.ingest_articles(items, n_process=args.processes, on_progress=stamp)
        elapsed = time.perf_counter() - t0
        union = ox.serialize(g.store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()),
                             format=ox.RdfFormat.N_QUADS) or b""
        lines = sorted(g.dump("nquads").splitlines() + union.splitlines())
        triples = union.count(b"\n")
    digest = hashlib.sha256(b"\n".join(lines)).hexdigest()
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)  # the workers are children, now ended
    disk = sum(f.stat().st_size for f in Path(args.store).rglob("*") if f.is_file())
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    print(json.dumps({"seconds": elapsed, "articles": len(items), "steady": steady,
                      "added": len(report.added), "failed": len(report.failed),
                      "quads": len(lines), "triples": triples, "digest": digest,
                      "cpu": cpu, "store_bytes": disk,
                      "client_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                      "workers_peak": workers_peak}))


def run(inputs: list[Path], *, dask: str | None = None, processes: int = 1) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, __file__, "--one", "--store", str(Path(tmp) / "s"),
               "--processes", str(processes), *(["--dask", dask] if dask else []),
               *map(str, inputs)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    res: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    what = f"--dask {dask}" if dask else f"--processes {processes}"
    print(f"  {what:<18} {res['seconds']:7.1f} s  {res['articles'] / res['seconds']:5.1f} "
          f"articles/s (steady {res['steady']:5.1f}; {res['articles'] / res['cpu']:4.1f} per "
          f"CPU-second)  {res['quads']:,} quads, store {res['store_bytes'] / 2**20:,.0f} MiB  "
          f"client peak {res['client_peak'] / 2**30:.2f} GiB  workers peak "
          f"{', '.join(f'{w / 2**30:.2f}' for w in res['workers_peak']) or '-'} GiB",
          flush=True)
    return res


def scaling(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "items.jsonl"
        with ITEMS.open(encoding="utf-8") as f:
            sample.write_text("".join(next(f) for _ in range(n)), encoding="utf-8")
        print(f"scaling: {n} items of {ITEMS.name}")
        one, two = run([sample], dask="local:1"), run([sample], dask="local:2")
        plain = run([sample], processes=2)
    rate = lambda r: r["articles"] / r["seconds"]  # noqa: E731
    print(f"  local:2 / local:1 throughput: {rate(two) / rate(one):.2f}x (steady "
          f"{two['steady'] / max(one['steady'], 1e-9):.2f}x; target >= 1.7)")
    print(f"  local:2 / plain --processes 2: {rate(two) / rate(plain):.2f}x (steady "
          f"{two['steady'] / max(plain['steady'], 1e-9):.2f}x; target within 10 %)")
    print(f"  same quads: {one['digest'] == two['digest'] == plain['digest']}")


def corpus() -> None:
    inputs = [*sorted((CORPUS / "wikinews").glob("*.csv")), ITEMS]
    print("whole corpus: " + " ".join(str(p.relative_to(CORPUS)) for p in inputs))
    dask, plain = run(inputs, dask="local:2"), run(inputs, processes=2)
    print(f"  dask / plain time: {dask['seconds'] / plain['seconds']:.2f}x; "
          f"{dask['added']} stored, {dask['failed']} failed; {dask['triples']:,} triples; "
          f"same quads as plain ingest: {dask['digest'] == plain['digest']}")


def load(n: int) -> None:
    import pyoxigraph as ox
    from bench_store import generate

    import kg.api

    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.nq"
        dump.write_bytes(ox.serialize(generate(n), format=ox.RdfFormat.N_QUADS) or b"")
        data = dump.read_bytes()
        quads = data.count(b"\n")
        # kg's layout: the same named graphs, and their union (a set) in the default graph
        union = {line[:line.rindex(b" ", 0, len(line) - 2)] for line in data.splitlines()}
        layout = Path(tmp) / "layout.nq"
        layout.write_bytes(data + b" .\n".join(sorted(union)) + b" .\n")
        print(f"load: {quads:,} quads ({len(data) / 2**20:.0f} MiB of N-Quads); kg's layout "
              f"adds {len(union):,} union triples")
        times: dict[str, list[float]] = {"kg": [], "same": [], "named": []}

        def bulk(path: Path, where: Path) -> float:
            t0 = time.perf_counter()
            store = ox.Store(str(where))
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            store.flush()
            del store
            return time.perf_counter() - t0

        for k in range(2):
            t0 = time.perf_counter()
            with kg.api.open(Path(tmp) / f"kg{k}") as g:
                g.load(dump)
            times["kg"].append(time.perf_counter() - t0)
            times["same"].append(bulk(layout, Path(tmp) / f"same{k}"))
            times["named"].append(bulk(dump, Path(tmp) / f"named{k}"))
            print(f"  round {k + 1}: kg load {times['kg'][-1]:.1f} s; pyoxigraph bulk_load "
                  f"of kg's layout {times['same'][-1]:.1f} s, of the named graphs alone "
                  f"{times['named'][-1]:.1f} s", flush=True)
        best = {key: min(v) for key, v in times.items()}
        print(f"  best: kg load {best['kg']:.1f} s ({quads / best['kg']:,.0f} quads/s); "
              f"bulk_load of the same layout {best['same']:.1f} s: "
              f"{best['kg'] / best['same']:.2f}x (target <= 1.3); of the named graphs alone "
              f"{best['named']:.1f} s "
              f"({quads / best['named']:,.0f} quads/s): {best['kg'] / best['named']:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=800)
    ap.add_argument("--corpus", action="store_true", help="also the whole shared corpus")
    ap.add_argument("--load-quads", type=int, default=1_000_000)
    ap.add_argument("--skip", nargs="*", default=[], choices=["scaling", "load"])
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--dask", help=argparse.SUPPRESS)
    ap.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("inputs", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return one_run(args)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    if "scaling" not in args.skip:
        scaling(args.items)
    if args.corpus:
        corpus()
    if "load" not in args.skip:
        load(args.load_quads)


if __name__ == "__main__":
    main()
