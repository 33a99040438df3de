"""Quick start: build a persistent graph from the bundled example article and look at it.

    python examples/quickstart.py [--out DIR]

Writes DIR/store (an Oxigraph store), DIR/graph.html and DIR/events.csv; DIR defaults
to out/quickstart. Needs only the installed kg (no network, no other files).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kg

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "data" / "examples" / "000_4fd073a643f2e162.txt"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/quickstart"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    with kg.open(args.out / "store") as g:
        # 1. ingest: one named graph per article; unchanged articles are skipped next time
        print(g.ingest(ARTICLE).summary())
        print(g.stats().to_text())

        # 2. events read back from the graph as typed records
        print("\nDeployments:")
        for ev in g.events(type="Deployment"):
            who = ", ".join(f"{p.role.value}={p.label}" for p in ev.participants)
            where = ", ".join(dict.fromkeys(p.label for p in ev.places)) or "?"
            amount = "; ".join(q.text for q in ev.quantities) or "-"
            source = f" according to {ev.attribution}" if ev.attribution else ""
            print(f"  {ev.label!r}: {who} -> {where}; {amount} "
                  f"[{ev.modality.value if ev.modality else '?'}{source}]")

        # 3. everything one actor does (a name, alias or IRI; bound, never pasted)
        print("\nLloyd Austin takes part in:")
        for ev in g.events(actor="Lloyd Austin"):
            print(f"  {ev.type.value:<12} {ev.label}")

        # 4. SPARQL: a named query and an ad-hoc one with a bound parameter
        print("\nWho met whom:")
        print(g.named_query("who_met_whom").to_table())
        found = g.query("SELECT ?x ?type ?name WHERE { ?x rdfs:label ?name ; a ?type }",
                        {"name": "North Korea"})
        print("\n'North Korea' is", ", ".join(sorted(str(r["type"]) for r in found)))
        print("People:", ", ".join(p.label for p in g.entities(type="Person")))

        # 5. pictures and files
        (args.out / "graph.html").write_text(g.render_html(view="full"), encoding="utf-8")
        g.export(args.out / "events.csv")
    print(f"\nwrote {args.out / 'store'}, {args.out / 'graph.html'}, {args.out / 'events.csv'}")


if __name__ == "__main__":
    main()
