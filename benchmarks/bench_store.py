"""Store benchmark: a synthetic graph shaped like kg's output, Oxigraph vs rdflib.

Generates ~1M triples shaped like kg's mapping (articles with their event count, entity
mentions, and events carrying roles with their SEM super-properties, quantities, times,
attribution and provenance), bulk-loads them into a persistent
Oxigraph store (timed), loads the same quads into an in-memory rdflib Dataset, runs every
named query several times on both, and prints median latencies and the ratio.

    .venv/bin/python benchmarks/bench_store.py [--triples 1000000] [--runs 5]

Targets: bulk load ≤ 6 s; named query medians ≤ 100 ms and never > 1 s on Oxigraph;
Oxigraph ≥ 10× faster than rdflib. The load is reported as wall and CPU time (the machine
may be shared), the compaction that follows it separately; each query's latency is given
for the full answer (what the targets are about), with ``limit=100``, and again after 200
stored articles were replaced one transaction each by a version with another title (as
re-ingesting corrected articles does; until RocksDB compacts them, writes can make
look-ups slower).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import select
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.rdf.derived import derived_triples
from kg.rdf.vocab import PREFIXES
from kg.store import KnowledgeGraph, _ox_term, _rdflib_term, list_queries

KG = "https://w3id.org/geokg/ontology#"
KGR = "https://w3id.org/geokg/resource/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
HAS_TIME = ox.NamedNode(SEM + "hasTime")
HAS_ACTOR = ox.NamedNode(SEM + "hasActor")
HAS_PLACE = ox.NamedNode(SEM + "hasPlace")
SEM_EVENT, SEM_ACTOR, SEM_PLACE, SEM_TIME = (ox.NamedNode(SEM + n)
                                             for n in ("Event", "Actor", "Place", "Time"))
IN_DATE = ox.NamedNode("http://www.w3.org/2006/time#inXSDDate")
LAT = ox.NamedNode("http://www.w3.org/2003/01/geo/wgs84_pos#lat")
LONG = ox.NamedNode("http://www.w3.org/2003/01/geo/wgs84_pos#long")
XSD = "http://www.w3.org/2001/XMLSchema#"

EVENT_TYPES = ["Meeting", "Deployment", "Statement", "Transfer", "Appeal", "Training",
               "Combat", "Cooperation", "Sanction"]
CAMEO = {"Meeting": "04", "Deployment": "15", "Statement": "01", "Transfer": "07",
         "Appeal": "02", "Training": "15", "Combat": "19", "Cooperation": "03",
         "Sanction": "16"}
ACTOR_ROLES = ["agent", "participant", "recipient", "target", "speaker", "addressee"]
MODALITIES = ["Asserted", "Reported", "Estimated", "Possible", "Planned"]


def k(name: str) -> ox.NamedNode:
    return ox.NamedNode(KG + name)


def r(path: str) -> ox.NamedNode:
    return ox.NamedNode(KGR + path)


def lit(value: object, dt: str | None = None) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + dt)) if dt else ox.Literal(str(value))


class Pool:
    """Entities shared by all articles, drawn with a skew (a few are everywhere)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.countries = [(r(f"country/C{i:02d}"), f"Country {i}",
                           chr(65 + i // 676 % 26) + chr(65 + i // 26 % 26) + chr(65 + i % 26))
                          for i in range(200)]
        self.persons = [(r(f"person/p{i}"), f"Person {i}") for i in range(3000)]
        self.orgs = [(r(f"organization/o{i}"), f"Organization {i}") for i in range(600)]
        self.forces = [(r(f"force/f{i}"), f"Force {i}") for i in range(400)]
        self.places = [(r(f"place/{i}"), f"Place {i}") for i in range(1500)]
        self.descriptions = self._describe()

    def pick(self, seq: list[tuple[ox.NamedNode, ...]] | list[tuple[ox.NamedNode, str]]
             ) -> tuple[ox.NamedNode, str]:
        i = min(int(self.rng.paretovariate(1.2)) - 1, len(seq) - 1)
        item = seq[i]
        return item[0], str(item[1])

    def entity_triples(self, g: ox.NamedNode) -> Iterator[ox.Quad]:
        for node, props in self.descriptions.items():
            for p, o in props:
                yield ox.Quad(node, p, o, g)

    def _describe(self) -> dict[ox.NamedNode, list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]]]:
        """What kg's mapping writes about an entity in every article graph that names it."""
        d: dict[ox.NamedNode, list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]]] = {}
        for node, label, iso in self.countries:
            d[node] = [(RDF_TYPE, k("Country")), (RDF_TYPE, SEM_ACTOR), (RDF_TYPE, SEM_PLACE),
                       (LABEL, ox.Literal(label)), (k("iso3"), ox.Literal(iso[:3]))]
        for i, (node, label) in enumerate(self.persons):
            d[node] = [(RDF_TYPE, k("Person")), (RDF_TYPE, SEM_ACTOR),
                       (LABEL, ox.Literal(label)), (ALT, ox.Literal(f"P{i}"))]
        for node, label in self.orgs:
            d[node] = [(RDF_TYPE, k("Organization")), (RDF_TYPE, SEM_ACTOR),
                       (LABEL, ox.Literal(label))]
        for i, (node, label) in enumerate(self.forces):
            d[node] = [(RDF_TYPE, k("MilitaryForce")), (RDF_TYPE, SEM_ACTOR),
                       (LABEL, ox.Literal(label)), (k("forceOf"), self.countries[i % 200][0])]
        for i, (node, label) in enumerate(self.places):
            d[node] = [(RDF_TYPE, k("Place")), (RDF_TYPE, SEM_PLACE), (LABEL, ox.Literal(label)),
                       (LAT, lit(f"{(i % 180) - 90}.5", "decimal")),
                       (LONG, lit(f"{(i % 360) - 180}.25", "decimal"))]
        return d


def article_quads(n: int, pool: Pool, rng: random.Random) -> Iterator[ox.Quad]:
    """One article graph: its node, entity mentions, 8–14 events, and what kg's mapping
    derives from them (time stamps, tallies)."""
    quads = list(_article_body(n, pool, rng))
    yield from quads
    g = quads[0].graph_name
    for s, p, o in derived_triples((_rdflib_term(q.subject), _rdflib_term(q.predicate),
                                  _rdflib_term(q.object)) for q in quads):
        yield ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), g)  # type: ignore[arg-type]


def _article_body(n: int, pool: Pool, rng: random.Random) -> Iterator[ox.Quad]:
    a = r(f"article/{n:016x}")

    def q(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(s, p, o, a)

    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    yield q(a, RDF_TYPE, k("Article"))
    yield q(a, LABEL, ox.Literal(f"Article {n}"))
    yield q(a, k("title"), ox.Literal(f"Article {n}"))
    yield q(a, k("contentHash"), ox.Literal(f"{n:064x}"))
    yield q(a, k("published"), lit(day, "date"))
    yield q(a, k("source"), ox.Literal(rng.choice(["AP", "Reuters", "AFP", "BBC"])))
    yield q(a, k("url"), ox.Literal(f"https://news.example/{n}"))
    offset = 0

    def mention(node: ox.NamedNode, text: str, prop: str = "evidence") -> Iterator[ox.Quad]:
        nonlocal offset
        m = r(f"article/{n:016x}/mention/{offset}-{offset + len(text)}")
        yield q(node, k(prop), m)
        yield q(m, RDF_TYPE, k("Mention"))
        yield q(m, k("article"), a)
        yield q(m, k("beginIndex"), lit(offset, "integer"))
        yield q(m, k("endIndex"), lit(offset + len(text), "integer"))
        yield q(m, k("anchorOf"), ox.Literal(text))
        offset += len(text) + 7

    kinds = [pool.countries, pool.persons, pool.orgs, pool.forces]
    named: set[ox.NamedNode] = set()  # every entity the article names is described in it
    for _ in range(12):
        kind = rng.choice(kinds)
        node, label = pool.pick(kind)  # type: ignore[arg-type]
        named.add(node)
        yield from mention(node, label)
    n_events = rng.randint(8, 14)
    yield q(a, k("eventCount"), lit(n_events, "integer"))
    for e in range(n_events):
        et = rng.choice(EVENT_TYPES)
        ev = r(f"article/{n:016x}/event/{e * 40}-{e * 40 + 6}-{et}")
        yield q(ev, RDF_TYPE, k(et))
        yield q(ev, RDF_TYPE, SEM_EVENT)
        yield q(ev, LABEL, ox.Literal(f"{et}: trigger {e}"))
        yield q(ev, k("cameoCode"), ox.Literal(CAMEO[et]))
        yield q(ev, k("article"), a)
        yield q(ev, k("ploverType"), ox.Literal(et.upper()))
        yield q(ev, k("modality"), k(rng.choice(MODALITIES)))
        yield q(ev, k("polarity"), k("Positive" if rng.random() < 0.9 else "Negative"))
        roles = ["speaker"] if et == "Statement" else ["agent"]
        roles += rng.sample(ACTOR_ROLES[1:4], rng.randint(1, 2))
        for role in roles:
            node, _ = pool.pick(rng.choice(kinds))  # type: ignore[arg-type]
            yield q(ev, k(role), node)
            named.add(node)
            yield q(ev, HAS_ACTOR, node)
        if rng.random() < 0.6:
            place, _ = pool.pick(pool.places if rng.random() < 0.5 else pool.countries)  # type: ignore[arg-type]
            yield q(ev, k("location" if rng.random() < 0.5 else "destination"), place)
            yield q(ev, HAS_PLACE, place)
            named.add(place)
        if et in ("Deployment", "Transfer", "Training", "Combat") and rng.random() < 0.5:
            qn = r(f"article/{n:016x}/quantity/{e * 40 + 10}-{e * 40 + 16}")
            yield q(ev, k("quantity"), qn)
            yield q(qn, RDF_TYPE, k("Quantity"))
            yield q(qn, LABEL, ox.Literal("up to 12,000 troops"))
            bound = rng.choice(["value", "value", "maxValue", "minValue"])
            yield q(qn, k(bound), lit(rng.choice([500, 1000, 5000, 10000, 12000]), "integer"))
            yield q(qn, k("unit"), ox.Literal(rng.choice(["troops", "soldiers", "tanks"])))
        if rng.random() < 0.4:
            src, _ = pool.pick(pool.persons if rng.random() < 0.5 else pool.countries)  # type: ignore[arg-type]
            yield q(ev, k("attributedTo"), src)
            named.add(src)
        if rng.random() < 0.5:
            t = r(f"article/{n:016x}/time/{e * 40 + 20}-{e * 40 + 29}")
            yield q(ev, HAS_TIME, t)
            yield q(t, RDF_TYPE, k("TimeExpression"))
            yield q(t, RDF_TYPE, SEM_TIME)
            yield q(t, LABEL, ox.Literal("Wednesday"))
            yield q(t, IN_DATE, lit(day, "date"))
        if et == "Statement":
            yield q(ev, k("quote"), ox.Literal(f"quote number {e} of article {n}"))
            yield q(ev, k("cue"), ox.Literal("said"))
        yield from mention(ev, f"sentence {e} of article {n}")
        yield from mention(ev, f"trigger{e}", "trigger")
    for node in sorted(named, key=str):
        for p, o in pool.descriptions[node]:
            yield q(node, p, o)


def generate(target: int, seed: int = 7) -> list[ox.Quad]:
    rng = random.Random(seed)
    pool = Pool(rng)
    quads = list(pool.entity_triples(r("graph/entities")))
    n = 0
    while len(quads) < target:
        quads.extend(article_quads(n, pool, rng))
        n += 1
    return quads


#: rows kept in the limited runs (``named_query(..., limit=LIMIT)``); full runs return all
LIMIT = 100

PARAMS: dict[str, dict[str, object]] = {
    "events_by_type": {"type": "Deployment", "country": "AAB"},
    "actor_timeline": {"actor": "Person 3"},
    "entities_by_type": {"type": "Person"},
}


def run_in_child(fn: Callable[[], object], timeout: float) -> float | None:
    """Seconds ``fn()`` took in a forked child, or None if it ran past ``timeout`` (the
    child is then killed: an rdflib query cannot be interrupted in-process)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        t0 = time.perf_counter()
        fn()
        os.write(w, repr(time.perf_counter() - t0).encode())
        os._exit(0)
    os.close(w)
    try:
        ready, _, _ = select.select([r], [], [], timeout)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            return None
        return float(os.read(r, 64))
    finally:
        os.waitpid(pid, 0)
        os.close(r)


def time_rdflib(fn: Callable[[], object], runs: int, budget: float) -> tuple[list[float], bool]:
    """Run times within ``budget`` seconds in all; True when a run was cut off."""
    times: list[float] = []
    for _ in range(runs):
        left = budget - sum(times)
        if left <= 0:
            break
        t = run_in_child(fn, left)
        if t is None:
            return times, True
        times.append(t)
    return times, False


def time_runs(fn: object, runs: int, budget: float) -> list[float]:
    times: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
        if sum(times) > budget:
            break
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rdflib-budget", type=float, default=120.0,
                    help="stop repeating an rdflib query once its runs took this many seconds")
    args = ap.parse_args()

    t0 = time.perf_counter()
    quads = generate(args.triples)
    articles = len({q.graph_name for q in quads}) - 1
    print(f"generated {len(quads):,} quads in {len(quads) and articles:,} article graphs "
          f"({time.perf_counter() - t0:.1f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        kg = KnowledgeGraph(Path(tmp) / "store")
        t0, c0 = time.perf_counter(), time.process_time()
        kg.bulk_load(quads, optimize=False)
        kg.store.flush()
        load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"oxigraph bulk load: {load_s:.2f} s wall, {load_cpu:.2f} s CPU "
              f"({len(quads) / load_s:,.0f} quads/s; {len(kg.store):,} quads stored "
              "with the union)")
        t0, c0 = time.perf_counter(), time.process_time()
        kg.optimize()
        opt_s, opt_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"optimize (compaction): {opt_s:.2f} s wall, {opt_cpu:.2f} s CPU")

        # Oxigraph first, before the rdflib copy exists; the generated quads (millions of
        # Python objects) are moved out of the garbage collector's sight, as a long-running
        # server's startup data would be, so collections do not scan them between queries
        gc.collect()
        gc.freeze()
        ox_times: dict[str, tuple[int, list[float], list[float]]] = {}
        for nq in list_queries():
            params = PARAMS.get(nq.name, {})
            print(f"  {nq.name} ...", flush=True)
            n_rows = len(kg.named_query(nq.name, params).rows)  # warm-up
            ox_t = time_runs(lambda nq=nq, params=params: kg.named_query(nq.name, params),
                             args.runs, 1e9)
            lim_t = time_runs(lambda nq=nq, params=params: kg.named_query(
                nq.name, params, limit=LIMIT), args.runs, 1e9)
            ox_times[nq.name] = (n_rows, ox_t, lim_t)
            print(f"  {nq.name}: {n_rows} rows, oxigraph {statistics.median(ox_t) * 1000:.1f} ms",
                  flush=True)

        # transactional writes: 200 stored articles replaced by a new version whose title
        # changed (re-ingesting a corrected article); the store then holds the writes in
        # RocksDB's memtable and level-0 files until a compaction, which can make look-ups
        # slower: the queries are timed again
        wanted = {r(f"article/{i:016x}") for i in range(200)}
        by_article: dict[str, rdflib.Graph] = {}
        for q in quads:
            if q.graph_name in wanted:
                by_article.setdefault(q.graph_name.value, rdflib.Graph()).add(  # type: ignore[union-attr]
                    (_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
        for iri, g in by_article.items():
            a = rdflib.URIRef(iri)
            for prop in (rdflib.RDFS.label, rdflib.URIRef(KG + "title")):
                g.set((a, prop, rdflib.Literal(f"{g.value(a, prop)} (corrected)")))
        t0 = time.perf_counter()
        for iri, g in by_article.items():
            kg.add_article_graph(rdflib.URIRef(iri), g, "corrected")
        per_article = (time.perf_counter() - t0) / len(by_article)
        size = statistics.median(len(g) for g in by_article.values())
        print(f"transactional article replace ({size:.0f} triples): {per_article * 1000:.1f} ms "
              f"per article ({1 / per_article:,.0f} articles/s)")
        after: dict[str, list[float]] = {}
        for nq in list_queries():
            params = PARAMS.get(nq.name, {})
            after[nq.name] = time_runs(lambda nq=nq, params=params: kg.named_query(nq.name, params),
                                       args.runs, 1e9)
        kg.close()
        gc.unfreeze()

        t0 = time.perf_counter()
        ds = rdflib.Dataset(default_union=True)
        graphs: dict[str, rdflib.Graph] = {}
        for q in quads:
            gname = q.graph_name.value  # type: ignore[union-attr]
            if gname not in graphs:
                graphs[gname] = ds.graph(rdflib.URIRef(gname))
            graphs[gname].add((_rdflib_term(q.subject), _rdflib_term(q.predicate),
                               _rdflib_term(q.object)))
        print(f"rdflib in-memory load: {time.perf_counter() - t0:.1f} s")
        del quads

        rows = []
        for nq in list_queries():
            params = PARAMS.get(nq.name, {})
            coerced = {p.name: p.coerce(params[p.name]) for p in nq.parameters
                       if p.name in params}
            n_rows, ox_t, lim_t = ox_times[nq.name]
            init = {k_: rdflib.Literal(v) if not isinstance(v, rdflib.term.Node) else v
                    for k_, v in coerced.items()}
            def rdflib_query(text: str = nq.text, init: dict[str, Any] = init) -> object:
                return list(ds.query(text, initNs=PREFIXES, initBindings=init))

            rd_t, cut = time_rdflib(rdflib_query, args.runs, args.rdflib_budget)
            if cut:  # the run cut off counts as the whole budget: a lower bound
                rd_t.append(args.rdflib_budget)
            rd = ("≥" if cut else "") + f"{statistics.median(rd_t) * 1000:.0f} ms"
            rows.append((nq.name, n_rows, statistics.median(ox_t), max(ox_t),
                         statistics.median(lim_t), statistics.median(rd_t), len(rd_t), cut))
            print(f"  {nq.name}: rdflib {rd}", flush=True)

    print()
    print(f"{'query':<28}{'rows':>7}{'oxigraph median':>17}{'max':>9}"
          f"{f'LIMIT {LIMIT}':>12}{'after writes':>14}{'rdflib median':>15}{'runs':>6}"
          f"{'ratio':>9}")
    for name, n_rows, med, mx, lmed, rmed, rruns, cut in rows:
        ge = "≥" if cut else ""
        print(f"{name:<28}{n_rows:>7}{med * 1000:>14.1f} ms{mx * 1000:>6.0f} ms"
              f"{lmed * 1000:>9.1f} ms{statistics.median(after[name]) * 1000:>11.1f} ms"
              f"{ge + f'{rmed * 1000:.0f}':>12} ms{rruns:>6}{ge + f'{rmed / med:.0f}':>8}×")
    worst = max(r[3] for r in rows)
    slowest = max(r[2] for r in rows)
    overall = statistics.median(r[2] for r in rows)
    least = min(r[5] / r[2] for r in rows)
    if any(r[7] for r in rows):
        print(f"≥: an rdflib run was stopped after the {args.rdflib_budget:.0f} s budget")
    print(f"\nbulk load {load_s:.2f} s wall / {load_cpu:.2f} s CPU, + optimize {opt_s:.2f} s "
          f"(target ≤ 6 s); median over the queries {overall * 1000:.0f} ms and slowest "
          f"query's median {slowest * 1000:.0f} ms (≤ 100 ms); worst "
          f"full run {worst * 1000:.0f} ms (≤ 1 s); smallest speed-up {least:.0f}× (≥ 10×); "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
