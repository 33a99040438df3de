"""The "Show" answers of issue 16 from one store, each through the CLI and through Python.

    .venv/bin/python benchmarks/show_corpus.py STORE [--rows 10] > docs/show-wikinews.md

For each answer the exact ``kg ...`` commands are printed and run (subprocess), the same
answer is computed with ``kg.open(STORE)``, the two are checked to agree (an
``AssertionError`` when not), and the rows are printed as a Markdown table. With
``--evidence`` the first ``--rows`` rows of every answer are followed by the events behind
them and their evidence sentences, for reading against the articles.

(a) top state-level dyads per quad class; (b) deployments that report a number;
(c) the statements of the UN system (its organisations in the store, found by name);
(d) who sanctioned whom in 2019-2020 (state level); (e) the timeline of the state-level
dyad with most events, month by month.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import kg

KG = str(Path(sys.executable).with_name("kg"))
#: The UN and its organs and agencies, as named in kg's actor table and the articles.
UN_SYSTEM = re.compile(r"^(United Nations\b|U\.N\. |UN[A-Z]{2,}$|Office of the UN$|"
                       r"World Health Organi[sz]ation$|World Food Programme$|"
                       r"International Atomic Energy Agency$)")
Row = tuple[Any, ...]


def run(*args: str) -> str:
    """Run ``kg ARGS``, print the command, return its standard output."""
    print(f"    kg {shlex.join(args)}")
    done = subprocess.run([KG, *args], capture_output=True, text=True, check=True)
    return done.stdout


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def sparql_rows(text: str) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()}
            for b in json.loads(text)["results"]["bindings"]]


def table(head: tuple[str, ...], rows: list[Row]) -> None:
    print("\n| # | " + " | ".join(head) + " |")
    print("| --- " * (len(head) + 1) + "|")
    for i, r in enumerate(rows, 1):
        print(f"| {i} | " + " | ".join(str(x if x is not None else "")
                                         .replace("|", "/").replace("\n", " ") for x in r)
              + " |")
    print()


def agree(name: str, cli: list[Row], py: list[Row]) -> None:
    assert cli == py, f"{name}: the CLI and Python disagree:\n{cli[:5]}\n{py[:5]}"
    print(f"CLI and Python agree: {len(cli)} rows.")


def dyad_sum(rows: list[dict[str, Any]]) -> list[Row]:
    """Dyad rows summed over months and classes: (quad, source, target, events)."""
    n: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        n[(r["quad_class"] or "none", r["source"], r["target"])] += r["events"]
    return sorted(((q, s, t, c) for (q, s, t), c in n.items()),
                  key=lambda r: (r[0], -r[3], r[1], r[2]))


def answer_dyads(store: str, g: Any, top: int) -> list[Row]:
    print("## (a) Top dyads per quad class (state level, all dates)\n")
    cli = dyad_sum(json_lines(run("dyads", "--store", store, "--level", "state",
                                  "--format", "json")))
    print("\n    g.dyads(level=\"state\")  # summed over month and class")
    py = dyad_sum([r.to_dict() for r in g.dyads(level="state")])
    agree("dyads", cli, py)
    out: list[Row] = []
    for quad in sorted({r[0] for r in cli}):
        out += [r for r in cli if r[0] == quad][:top]
    table(("quad class", "source", "target", "events"), out)
    return out


def answer_deployments(store: str, g: Any) -> list[Row]:
    print("## (b) Deployments with numbers\n")

    def rows(found: list[dict[str, Any]]) -> list[Row]:
        return sorted((r.get("date"), r.get("forceLabel"), r.get("placeLabel"),
                       r.get("value") or f"{r.get('minValue', '')}-{r.get('maxValue', '')}",
                       r.get("unit"), r.get("event")) for r in found)

    cli = rows(sparql_rows(run("query", "--store", store, "--name",
                               "deployments_with_quantities", "--format", "json")))
    print("\n    g.named_query(\"deployments_with_quantities\")")
    py = rows([{k: str(v) for k, v in r.items() if v is not None}
               for r in g.named_query("deployments_with_quantities")])
    agree("deployments", cli, py)
    table(("date", "force", "place", "number", "unit", "event"), cli)
    if not cli:
        every = g.events("Deployment")
        print(f"No deployment in the store reports a number; it has {len(every)} "
              "deployments in all (`kg events --type Deployment`):")
        table(("date", "label", "agent", "places"),
              [(e.date, e.label, "; ".join(p.label for p in e.participants
                                           if p.role.value == "agent"),
                "; ".join(p.label for p in e.places)) for e in every])
    return cli


def answer_un(store: str, g: Any) -> list[Row]:
    print("## (c) The UN system's statements\n")
    names = sorted({e.label for e in g.entities("Organization") if UN_SYSTEM.match(e.label)})
    print(f"UN system speakers looked for (organisations in the store named like "
          f"`{UN_SYSTEM.pattern}`): {', '.join(names)}.\n")
    cli: list[Row] = []
    py: list[Row] = []
    for name in names:
        cli += [(r.get("date"), r["speakerLabel"], r.get("label"), r.get("addresseeLabel"),
                 r.get("quote"), r["statement"])
                for r in sparql_rows(run("query", "--store", store, "--name",
                                         "statements_by_speaker", "--param",
                                         f"speaker={name}", "--format", "json"))]
        py += [(str(r["date"]) if r.get("date") is not None else None,
                str(r["speakerLabel"]), *(str(r[k]) if r.get(k) is not None else None
                                          for k in ("label", "addresseeLabel", "quote")),
                str(r["statement"]))
               for r in g.named_query("statements_by_speaker", speaker=name)]
    print("\n    for name in names: g.named_query(\"statements_by_speaker\", speaker=name)")
    cli, py = sorted(set(cli), key=str), sorted(set(py), key=str)
    agree("UN statements", cli, py)
    table(("date", "speaker", "statement", "addressee", "quote", "event"), cli)
    return cli


def answer_sanctions(store: str, g: Any) -> list[Row]:
    print("## (d) Who sanctioned whom, 2019-2020 (state level)\n")

    def rows(found: list[dict[str, Any]]) -> list[Row]:
        return sorted(((r["source"], r["target"], r["month"], r["events"]) for r in found),
                      key=lambda r: (-r[3], str(r[2]), r[0], r[1]))

    cli = rows(json_lines(run("dyads", "--store", store, "--level", "state", "--since", "2019",
                              "--until", "2020", "--type", "Sanction", "--format", "json")))
    print("\n    g.dyads(level=\"state\", since=\"2019-01-01\", until=\"2020-12-31\", "
          "type=\"Sanction\")")
    py = rows([r.to_dict() for r in g.dyads(level="state", since="2019-01-01",
                                            until="2020-12-31", type="Sanction")])
    agree("sanctions", cli, py)
    table(("source", "target", "month", "events"), cli)
    return cli


def answer_timeline(store: str, g: Any) -> tuple[str, str, list[Row]]:
    every = g.dyads(level="state")
    pairs: Counter[frozenset[str]] = Counter()
    for r in every:
        pairs[frozenset((r.source, r.target))] += r.events
    a, b = sorted(max(pairs, key=lambda p: (pairs[p], sorted(p))))
    print(f"## (e) Timeline of the dyad with most events: {a} — {b} (state level)\n")

    def rows(found: list[dict[str, Any]]) -> list[Row]:
        return sorted(((r["month"], r["source"], r["target"], r["type"], r["quad_class"],
                        r["events"]) for r in found if {r["source"], r["target"]} == {a, b}),
                      key=lambda r: (str(r[0]), r[1], r[3]))

    cli = rows(json_lines(run("dyads", "--store", store, "--level", "state", "--actor", b,
                              "--format", "json")))
    print(f"\n    g.dyads(level=\"state\", actor={b!r})  # the rows with {a!r}")
    py = rows([r.to_dict() for r in g.dyads(level="state", actor=b)])
    agree("timeline", cli, py)
    table(("month", "source", "target", "class", "quad class", "events"), cli)
    return a, b, cli


def evidence(g: Any, title: str, events: list[Any]) -> None:
    print(f"#### {title}\n")
    for e in events:
        who = "; ".join(f"{p.role}: {p.label}" for p in e.participants)
        print(f"- {e.date} {e.type} `{e.iri.rsplit('/', 3)[-3]}` {e.label} [{who}]"
              f" cameo={e.cameo} q={[q.value for q in e.quantities] if e.quantities else ''}")
        print(f"  > {' '.join((e.evidence or '').split())}")
        print(f"  ({e.article_title}, {e.published})")
    print()


def reading_sheet(g: Any, a: list[Row], c: list[Row], d: list[Row], e: tuple[str, str,
                  list[Row]], rows: int) -> None:
    """The events behind the first rows of each answer, with their sentences."""
    from kg.lexicon import quad_class
    from kg.read.states import load_states, roll_up

    by_iri = {r.iri: r for r in g.events()}
    print("# Reading sheet\n")
    st = load_states(g.store)

    def state_of(iri: str, label: str) -> str:
        return roll_up(iri, label, st)[1]

    def events_between(src: str, tgt: str, pred: Any) -> list[Any]:
        out = []
        for rec in by_iri.values():
            names = {(p.role, state_of(p.iri, p.label)) for p in rec.participants}
            if any(n == src for _, n in names) and any(n == tgt for _, n in names) \
                    and pred(rec):
                out.append(rec)
        return out

    for r in a[:rows]:
        quad, s, t, _ = r
        evidence(g, f"(a) {s} -> {t}, {quad}", events_between(
            s, t, lambda x, q=quad: (quad_class(x.cameo, x.plover) or "none") == q
            or str(quad_class(x.cameo, x.plover)) == q))
    for r in c[:rows]:
        evidence(g, f"(c) {r[1]}: {r[2]}", [by_iri[r[5]]] if r[5] in by_iri else [])
    for r in d[:rows]:
        s, t, month, _ = r
        evidence(g, f"(d) {s} -> {t} {month}", events_between(
            s, t, lambda x, m=month: x.type == "Sanction" and str(x.date or "")[:7] == m))
    tl = e[2]
    for r in tl[:rows]:
        month, s, t, kind, _, _ = r
        evidence(g, f"(e) {month} {s} -> {t} {kind}", events_between(
            s, t, lambda x, m=month, k=kind: x.type == k and str(x.date or "")[:7] == m))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--rows", type=int, default=10, help="Dyads per quad class in (a).")
    ap.add_argument("--evidence", action="store_true",
                    help="Also print the events and sentences behind the first rows.")
    args = ap.parse_args()
    with kg.open(args.store, read_only=True) as g:
        a = answer_dyads(args.store, g, args.rows)
        answer_deployments(args.store, g)
        c = answer_un(args.store, g)
        d = answer_sanctions(args.store, g)
        e = answer_timeline(args.store, g)
        if args.evidence:
            reading_sheet(g, a, c, d, e, args.rows)


if __name__ == "__main__":
    main()
