"""Visualisation and analysis benchmark on a synthetic graph at corpus scale.

Builds RDF shaped like kg's output (default: 20,000 events and 8,000 entities over 5,300
articles, entity popularity skewed like news: a few states and leaders in many events),
loads it into an in-memory Oxigraph store, and times each step:

    load_graph_data (SPARQL) -> event_graph / actor_network -> cap_graph -> render_html
    (full and actors views, capped; corpus and timeline views) -> rankings / communities
    on the actor network

    .venv/bin/python benchmarks/bench_viz.py [--events 20000] [--entities 8000]
                                             [--articles 5300] [--max-nodes 500]

Target: render_html of the whole graph, capped to 500 nodes, in < 5 s.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import analysis as an
from kg.store import KnowledgeGraph
from kg.viz import render_html

T = TypeVar("T")
KG = "https://w3id.org/geokg/ontology#"
KGR = "https://w3id.org/geokg/resource/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
EVENT_TYPES = ("Meeting", "Deployment", "Statement", "Transfer", "Appeal", "Training",
               "Combat", "Cooperation", "Sanction")
ACTOR_KINDS = ("Person", "Country", "Organization", "MilitaryForce")
ACTOR_ROLES = ("agent", "participant", "recipient", "target", "speaker", "addressee")
PLACE_ROLES = ("location", "origin", "destination")
MODALITIES = ("Asserted", "Reported", "Estimated", "Possible", "Planned")


def kg(name: str) -> ox.NamedNode:
    return ox.NamedNode(KG + name)


def synthetic_quads(n_events: int, n_entities: int, n_articles: int,
                    seed: int = 7) -> Iterator[ox.Quad]:
    rng = random.Random(seed)
    n_places = n_entities // 4
    actors = [(f"{KGR}{ACTOR_KINDS[i % 4].lower()}/a{i}", ACTOR_KINDS[i % 4])
              for i in range(n_entities - n_places)]
    places = [f"{KGR}place/p{i}" for i in range(n_places)]
    # Zipf-like popularity: weight 1/(rank+1)
    actor_w = list(itertools.accumulate(1 / (i + 1) for i in range(len(actors))))
    place_w = list(itertools.accumulate(1 / (i + 1) for i in range(len(places))))
    for e in range(n_events):
        art = f"{KGR}article/{e % n_articles:016x}"
        g = ox.NamedNode(art)
        ev = ox.NamedNode(f"{art}/event/{e}-{e + 9}-x")
        etype = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))]
        yield ox.Quad(ev, RDF_TYPE, kg(etype), g)
        yield ox.Quad(ev, LABEL, ox.Literal(f"{etype} number {e}"), g)
        yield ox.Quad(ev, kg("cameoCode"), ox.Literal("04"), g)
        yield ox.Quad(ev, kg("modality"), kg(rng.choice(MODALITIES)), g)
        mention = ox.NamedNode(f"{art}/mention/{e}-{e + 80}")
        yield ox.Quad(ev, kg("evidence"), mention, g)
        yield ox.Quad(mention, kg("anchorOf"),
                      ox.Literal(f"A sentence of about eighty characters reporting event {e}."), g)
        yield ox.Quad(mention, kg("article"), ox.NamedNode(art), g)
        yield ox.Quad(ox.NamedNode(art), kg("title"), ox.Literal(f"Article {e % n_articles}"), g)
        chosen = rng.choices(range(len(actors)), cum_weights=actor_w, k=rng.randint(1, 3))
        for role, i in zip(ACTOR_ROLES, sorted(set(chosen)), strict=False):
            iri, kind = actors[i]
            node = ox.NamedNode(iri)
            yield ox.Quad(ev, kg(role), node, g)
            yield ox.Quad(node, RDF_TYPE, kg(kind), g)
            yield ox.Quad(node, LABEL, ox.Literal(f"{kind} {i}"), g)
        if rng.random() < 0.6:
            j = rng.choices(range(len(places)), cum_weights=place_w, k=1)[0]
            node = ox.NamedNode(places[j])
            yield ox.Quad(ev, kg(rng.choice(PLACE_ROLES)), node, g)
            yield ox.Quad(node, RDF_TYPE, kg("Place"), g)
            yield ox.Quad(node, LABEL, ox.Literal(f"Place {j}"), g)


def timed(label: str, f: Callable[[], T]) -> T:
    t = time.perf_counter()
    out = f()
    print(f"{label:<44}{time.perf_counter() - t:8.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--entities", type=int, default=8_000)
    ap.add_argument("--articles", type=int, default=5_300)
    ap.add_argument("--max-nodes", type=int, default=500)
    args = ap.parse_args()

    store = KnowledgeGraph()
    quads = list(synthetic_quads(args.events, args.entities, args.articles))
    timed(f"bulk load {len(quads):,} quads", lambda: store.bulk_load(quads))
    data = timed("load_graph_data (SPARQL -> GraphData)", lambda: an.load_graph_data(store))
    print(f"  {len(data.events):,} events, {len(data.entities):,} entities, "
          f"{len(data.roles):,} role edges")
    G = timed("event_graph", lambda: an.event_graph(data))
    A = timed("actor_network", lambda: an.actor_network(data))
    print(f"  event graph {G.number_of_nodes():,} nodes / {G.number_of_edges():,} edges; "
          f"actor network {A.number_of_nodes():,} / {A.number_of_edges():,}")
    _, note = timed(f"cap_graph(event graph, {args.max_nodes})",
                    lambda: an.cap_graph(G, args.max_nodes))
    print(f"  {note}")
    for view in ("full", "actors", "corpus", "timeline"):
        html = timed(f"render_html(view={view!r}, max_nodes={args.max_nodes})",
                     lambda v=view: render_html(data, view=v, max_nodes=args.max_nodes))
        print(f"  {len(html) / 1024:,.0f} KiB")
    top = A.degree()
    hub = max(top, key=lambda t: t[1])[0]
    timed("render_html(view='ego', hops=1)",
          lambda: render_html(data, view="ego", focus=hub, hops=1, max_nodes=args.max_nodes))
    timed("rankings(actor network)", lambda: an.rankings(A, top=10))
    found = timed("communities(actor network)", lambda: an.communities(A))
    print(f"  {len(found):,} communities")
    a, b = sorted(A.degree(), key=lambda t: -t[1])[5][0], sorted(A)[-1]
    timed("event_chain(two actors)", lambda: an.event_chain(data, a, b) if A.degree(b) else [])


if __name__ == "__main__":
    main()
