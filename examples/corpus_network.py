"""The actor network of a small corpus: who acts with whom, who is central, which groups.

    python examples/corpus_network.py [--out DIR] [PATH ...]

Ingests the Wikinews articles of data/gold/dev (or the PATHs given: files,
directories, globs), projects the events onto an actor network with networkx, prints
centrality rankings and communities, and writes DIR/actors.html (interactive, offline),
DIR/actors.gexf (for Gephi) and DIR/actor_event.graphml (the bipartite actor–event
graph); DIR defaults to out/corpus_network.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import networkx as nx

import kg
from kg.analysis import communities, event_types, export_graph, rankings

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "data" / "gold" / "dev"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(CORPUS / "wikinews_*.md")])
    parser.add_argument("--out", type=Path, default=Path("out/corpus_network"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    with kg.memory() as g:
        print(g.ingest(*args.paths).summary())
        A = g.actor_network()  # nodes: entity IRIs with label/kind; edges: shared events
        print(f"{A.number_of_nodes()} actors, {A.number_of_edges()} links, "
              f"{nx.number_connected_components(A)} connected parts")

        def name(node: str) -> str:
            return str(A.nodes[node].get("label", node))

        ranks = rankings(A, top=5)
        for measure in ("weighted_degree", "betweenness"):
            print(f"\nTop actors by {measure.replace('_', ' ')}:")
            for node, score in ranks[measure]:
                print(f"  {score:8.3f}  {name(node)} ({A.nodes[node].get('kind')})")

        print("\nStrongest ties:")
        ties = sorted(A.edges(data=True), key=lambda e: (-e[2]["weight"], name(e[0]), name(e[1])))
        for u, v, d in ties[:5]:
            kinds = ", ".join(f"{t} {n}" for t, n in sorted(event_types(d).items()))
            print(f"  {name(u)} — {name(v)}: {d['weight']} event(s) ({kinds})")

        print("\nCommunities (Louvain):")
        for i, group in enumerate(communities(A)[:5], 1):
            members = sorted(group, key=lambda n: (-A.degree(n, weight="weight"), name(n)))
            print(f"  {i}. " + ", ".join(name(n) for n in members[:6])
                  + (f" (+{len(group) - 6})" if len(group) > 6 else ""))

        (args.out / "actors.html").write_text(g.render_html(view="actors"), encoding="utf-8")
        export_graph(A, args.out / "actors.gexf")
        g.export(args.out / "actor_event.graphml")
    print(f"\nwrote {args.out / 'actors.html'}, {args.out / 'actors.gexf'}, "
          f"{args.out / 'actor_event.graphml'}")


if __name__ == "__main__":
    main()
