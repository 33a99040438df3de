"""Hardening figures: inputs tried, crashes, interrupted ingests survived, invalid outputs.

    .venv/bin/python benchmarks/bench_hardening.py                 # everything (~40 min)
    .venv/bin/python benchmarks/bench_hardening.py --wp 4975       # all wp-current-events items
    .venv/bin/python benchmarks/bench_hardening.py --quick         # a small smoke run
    .venv/bin/python benchmarks/bench_hardening.py --only items --only queries   # some parts

Eight parts, each counted:

1. hypothesis: generated article texts (benchmarks/hardening_checks.py strategies) through
   read_text → extract → RDF; a crash is any exception other than KGError, or a broken
   invariant (anchor ≠ body slice, blank node).
2. fuzz: byte-level mutations (flips, cuts, splices, odd bytes and markup) of seed files in
   every input format, read with read_articles_lenient and extracted like (1).
3. corpus: the Wikinews corpus and wp-current-events items ingested into a store, each
   article graph validated against ontology/shapes.ttl (hardening_checks.validate_corpus).
4. interrupts: ``kg ingest`` in a subprocess SIGKILLed at random moments; after each kill
   the store is checked (hardening_kills.check_store), then a final run must give
   the clean single-run store.
5. the same with ``kg ingest --processes 2`` (spaCy's worker processes must die too).
6. killed loads: ``kg load`` of a 120,000-quad dump SIGKILLed at random moments; after
   each kill the store must hold exactly the quads of before or of after the load
   (hardening_kills.kill_loads).
7. hostile items, by class (benchmarks/hostile_inputs.py: lone surrogates, impossible
   dates, deep JSON and YAML, huge integers, endless inputs, over-long fields, punctuation
   runs, symlinks out, UTF-16, control characters in names, ...), each sample good items
   beside one bad: read and ingested; a crash is any exception other than KGError, an
   error message that is not one printable line naming its file, or a good item not stored.
8. hostile queries: every kind of nesting of hardening_checks.DEEP at random
   depths (and SERVICE clauses) through KnowledgeGraph.query in a child process; a crash
   is the child dying (the parser's stack overflow) or an exception other than KGError.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from hardening_checks import (  # noqa: E402
    ARTICLE_TEXTS,
    DEEP,
    corpus_articles,
    run_article,
    run_one,
    validate_corpus,
)
from hardening_kills import (  # noqa: E402
    WIKINEWS,
    LoadStates,
    finish_and_compare,
    freeze_code,
    kill_loads,
    kill_loop,
    reference_graphs,
    write_articles,
)
from hostile_inputs import CLASSES, DEFAULT_COUNTS  # noqa: E402

from kg.articles import read_articles_lenient  # noqa: E402
from kg.errors import KGError, printable  # noqa: E402
from kg.extract import load_nlp  # noqa: E402
from kg.pipeline import extract_articles, ingest_articles  # noqa: E402
from kg.store import KnowledgeGraph  # noqa: E402


@dataclass
class Part:
    name: str
    inputs: int = 0
    crashes: list[str] = field(default_factory=list)
    refused: int = 0
    seconds: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)


def _crash(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)[-1]
    return f"{type(e).__name__}: {str(e)[:200]} at {Path(tb.filename).name}:{tb.lineno}"


# --------------------------------------------------------------------------- 1. hypothesis


def bench_hypothesis(n: int, nlp: object) -> Part:
    part = Part("hypothesis examples")
    t0 = time.monotonic()

    @settings(max_examples=n, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(text=ARTICLE_TEXTS, title=st.sampled_from(["", "Title"]))
    def one(text: str, title: str) -> None:
        part.inputs += 1
        try:
            if run_one(text, nlp, title) is None:  # type: ignore[arg-type]
                part.refused += 1
        except Exception as e:  # counted, not raised, so the run goes on
            part.crashes.append(_crash(e) + f" on {text[:80]!r}")

    one()
    part.seconds = time.monotonic() - t0
    return part


# --------------------------------------------------------------------------- 2. fuzz

SEED_BODY = ("U.S. Defense Secretary Lloyd Austin met South Korean Defense Minister Kim "
             "Yong-hyun in Washington on Wednesday. Austin said North Korea had sent up to "
             "12,000 troops to Russia, according to officials. “We will respond,” he said.")
SEEDS: dict[str, bytes] = {
    ".txt": f"Talks in Washington\n\nWASHINGTON (AP) — {SEED_BODY}\n\n0 comments:\n".encode(),
    ".md": (f"---\ntitle: Talks\npublished: 2024-10-30\nsource: AP\nurl: https://x.org/a\n"
            f"---\n# Talks\n\n{SEED_BODY}\n").encode(),
    ".html": (f"<html><head><title>Talks</title><script>var x=1;</script></head><body>"
              f"<article><h1>Talks</h1><p>{SEED_BODY}</p></article></body></html>").encode(),
    ".json": json.dumps({"title": "Talks", "text": SEED_BODY, "date": "2024-10-30",
                         "source": {"name": "AP"}, "url": "https://x.org/b"}).encode(),
    ".jsonl": "\n".join(json.dumps({"title": f"T{i}", "text": SEED_BODY[i * 20:]})
                        for i in range(3)).encode(),
    ".csv": ("title,text,date\nTalks,\"" + SEED_BODY.replace('"', '""')
             + "\",2024-10-30\nOther,\"France sent 200 troops to Mali.\",2020-01-02\n").encode(),
}
SPICE = [b"\x00", b"\xff", b"\xc3", b"\xe2\x80", b'"', b"'", b"{", b"}", b"[", b"]", b"<",
         b"</p>", b"<script>", b"\n---\n", b"---\n", b"\r\n", b"\n\n\n", b",", b"\\",
         b"\xef\xbb\xbf", "\u202e".encode(), "😀".encode(), b"\t", b"\x1b", b"99999999999999",
         b"<![CDATA[", b"&amp;", b"&#0;", b"title: [", b'{"text": ']


def mutate(data: bytes, rnd: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        op = rnd.choice([0, 0, 1, 1, 1, 2, 3, 3, 4, 5])
        pos = rnd.randint(0, len(b))
        if op == 0 and b:  # flip a byte
            b[min(pos, len(b) - 1)] = rnd.randrange(256)
        elif op == 1:  # insert a spice
            b[pos:pos] = rnd.choice(SPICE)
        elif op == 2:  # cut a chunk
            del b[pos:pos + rnd.randint(1, 40)]
        elif op == 3:  # duplicate a chunk
            chunk = b[pos:pos + rnd.randint(1, 200)]
            b[pos:pos] = chunk * rnd.randint(1, 5)
        elif op == 4:  # truncate
            del b[pos:]
        else:  # splice in another seed
            other = rnd.choice(list(SEEDS.values()))
            b[pos:pos] = other[: rnd.randint(0, len(other))]
    return bytes(b)


def bench_fuzz(n: int, nlp: object, seed: int = 0) -> Part:
    part = Part("fuzzed files")
    rnd = random.Random(seed)
    extracted = 0
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            ext = rnd.choice([*SEEDS, ".dat"])
            base = SEEDS.get(ext) or rnd.choice(list(SEEDS.values()))
            path = Path(tmp) / f"f{i}{ext}"
            path.write_bytes(mutate(base, rnd))
            part.inputs += 1
            try:
                for item in read_articles_lenient([path]):
                    if isinstance(item, KGError) or run_article(
                            item, nlp) is None:  # type: ignore[arg-type]
                        part.refused += 1
                    else:
                        extracted += 1
            except Exception as e:
                part.crashes.append(_crash(e) + f" on {path.name}: {path.read_bytes()[:80]!r}")
            path.unlink()
    part.extra = {"articles extracted": extracted}
    part.seconds = time.monotonic() - t0
    return part


# --------------------------------------------------------------------------- 3. corpus


def bench_corpus(wp: int, nlp: object) -> Part:
    part = Part("corpus items (SHACL-validated)")
    t0 = time.monotonic()
    rep = validate_corpus(corpus_articles(wp or None), nlp)  # type: ignore[arg-type]
    part.inputs = rep.articles + len(rep.refused)
    part.crashes = rep.crashes
    part.refused = len(rep.refused)
    part.extra = {"articles validated": rep.articles, "triples validated": rep.triples,
                  "invalid outputs": len(rep.invalid), "invalid list": rep.invalid[:5],
                  "refused list": rep.refused[:5]}
    part.seconds = time.monotonic() - t0
    return part


# --------------------------------------------------------------------------- 4. interrupts


def bench_interrupts(kills: int, n_articles: int, seed: int, processes: int = 1) -> Part:
    part = Part("interrupted ingests (SIGKILL)" + (f", --processes {processes}"
                                                   if processes > 1 else ""))
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        folder, store = Path(tmp) / "in", Path(tmp) / "store"
        write_articles(folder, n_articles)
        freeze_code(Path(tmp))
        ref = reference_graphs(folder, Path(tmp))
        # two processes start spaCy's workers first: later kills, so that most land mid-way
        run = kill_loop(folder, store, ref, kills=kills, seed=seed,
                        delays=(3.0, 9.0) if processes == 1 else (4.0, 20.0),
                        processes=processes)
        final = finish_and_compare(folder, store, ref)
    part.inputs = run.kills
    part.crashes = run.problems + final
    part.extra = {"kills": run.kills, "survived": run.survived, "orphans": run.orphans,
                  "articles whole after each kill": run.counts,
                  "final store equals clean ingest": not final}
    part.seconds = time.monotonic() - t0
    return part


def bench_killed_loads(kills: int, seed: int) -> Part:
    part = Part("interrupted loads (SIGKILL)")
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        states = LoadStates(Path(tmp), new=300)
        outcomes = kill_loads(Path(tmp), states, kills=kills, seed=seed)
    part.inputs = len(outcomes)
    part.crashes = [o for o in outcomes if "INCONSISTENT" in o]
    part.extra = {"quads": states.count, "load seconds": round(states.seconds, 1),
                  "killed, store as before": sum("killed" in o and "before" in o
                                                 for o in outcomes),
                  "killed, store as after": sum("killed" in o and "after" in o
                                                for o in outcomes),
                  "killed while writing": sum("while writing" in o for o in outcomes),
                  "finished before the kill": sum("finished" in o for o in outcomes)}
    part.seconds = time.monotonic() - t0
    return part


# --------------------------------------------------------------------------- 7. items


def bench_hostile_items(counts: dict[str, int], nlp: object, seed: int) -> list[Part]:
    rnd = random.Random(seed)
    parts = []
    for name, make in CLASSES.items():
        part = Part(name)
        part.extra = {"good items": 0, "good items lost": 0}
        t0 = time.monotonic()
        for _ in range(counts.get(name, 0)):
            with tempfile.TemporaryDirectory() as tmp:
                d = Path(tmp) / "in"
                d.mkdir()
                sample = make(rnd, d)
                part.inputs += 1
                try:
                    items = list(read_articles_lenient(sample.inputs))
                    errors = [i for i in items if isinstance(i, KGError)]
                    part.refused += len(errors)
                    for e in errors:
                        text = str(e)
                        if "\n" in text or printable(text) != text or not any(
                                printable(str(p)) in text or str(p) in text
                                for p in (d, *sample.inputs)):
                            part.crashes.append(f"bad message: {text[:120]!r}")
                    if len(errors) < sample.bad:
                        part.crashes.append(f"{sample.bad - len(errors)} bad items accepted")
                    with KnowledgeGraph() as kg:
                        ingest_articles(kg, items, lambda arts: extract_articles(
                            arts, nlp=nlp))  # type: ignore[arg-type]
                        stored = {str(r["t"]) for r in kg.query(
                            "SELECT ?t WHERE { ?a a kg:Article ; rdfs:label ?t }").rows}
                except Exception as e:  # counted, not raised, so the run goes on
                    part.crashes.append(_crash(e))
                    continue
                part.extra["good items"] += len(sample.good)  # type: ignore[operator]
                lost = sample.good - stored
                part.extra["good items lost"] += len(lost)  # type: ignore[operator]
                if lost:
                    part.crashes.append(f"good items lost: {sorted(lost)[:3]}")
        part.seconds = time.monotonic() - t0
        parts.append(part)
    return parts


# --------------------------------------------------------------------------- 8. queries

_QUERY_CHILD = """
import json, sys
from kg.errors import KGError
from kg.store import KnowledgeGraph
with KnowledgeGraph(sys.argv[1], read_only=True) as kg:
    for line in sys.stdin:
        q = json.loads(line)
        try:
            kg.query(q, allow_service=False)
            out = "ok"
        except KGError as e:
            out = ("refused: nesting" if "nests too deeply" in str(e) else
                   "refused: service" if "SERVICE" in str(e) else
                   "refused: length" if "characters; the limit" in str(e) else "invalid")
        except Exception as e:
            out = "crash: " + type(e).__name__
        print(out, flush=True)
"""


def bench_hostile_queries(n: int, seed: int) -> Part:
    part = Part("hostile queries (nesting, SERVICE)")
    rnd = random.Random(seed)
    queries: list[str] = []
    kinds = sorted(DEEP)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        depth = rnd.choice([rnd.randint(50, 900), rnd.randint(900, 3_000),
                            rnd.randint(3_000, 60_000)])
        queries.append(DEEP[kind](depth))
    for target in ("http://127.0.0.1:9/x", "file:///etc/passwd", "http://169.254.169.254/"):
        queries.append(f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        queries.append(f"select * {{ service silent <{target}> {{ ?s ?p ?o }} }}")
    outcomes: list[str] = []
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        with KnowledgeGraph(store) as kg:
            kg.store.update("INSERT DATA { GRAPH <https://w3id.org/geokg/resource/article/"
                            "0000000000000001> { <urn:a> <urn:b> <urn:c> } }")
        start = 0
        while start < len(queries):
            proc = subprocess.run(
                [sys.executable, "-c", _QUERY_CHILD, str(store)], text=True,
                input="".join(json.dumps(q) + "\n" for q in queries[start:]),
                capture_output=True, timeout=3_600)
            got = proc.stdout.splitlines()
            outcomes += got
            start += len(got)
            if proc.returncode != 0 and start < len(queries):  # the child died on this one
                outcomes.append(f"crash: exit {proc.returncode}")
                start += 1
    part.inputs = len(queries)
    part.crashes = [f"{o} on a query of {len(q):,} characters"
                    for o, q in zip(outcomes, queries, strict=False) if o.startswith("crash")]
    part.refused = sum(o.startswith("refused") for o in outcomes)
    tally: dict[str, int] = {}
    for o in outcomes:
        tally[o] = tally.get(o, 0) + 1
    part.extra = {"outcomes": tally}
    part.seconds = time.monotonic() - t0
    return part


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="hypothesis examples")
    ap.add_argument("--fuzz", type=int, default=300, help="fuzzed files")
    ap.add_argument("--wp", type=int, default=1000,
                    help="wp-current-events items (0: all 4,975)")
    ap.add_argument("--kills", type=int, default=20, help="SIGKILLs per kind of run")
    ap.add_argument("--kill-articles", type=int, default=30)
    ap.add_argument("--items", type=int, default=0,
                    help="samples per class of hostile item (0: the defaults, 20; 3 of "
                         "the endless ones)")
    ap.add_argument("--queries", type=int, default=400, help="hostile queries")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="a small run of every part")
    names = ["hypothesis", "fuzz", "corpus", "interrupts", "interrupts2", "loads", "items",
             "queries"]
    ap.add_argument("--skip", action="append", default=[], choices=names)
    ap.add_argument("--only", action="append", default=[], choices=names)
    args = ap.parse_args()
    counts = dict(DEFAULT_COUNTS) if not args.items else dict.fromkeys(CLASSES, args.items)
    if args.quick:
        args.examples, args.fuzz, args.wp, args.kills, args.kill_articles = 20, 30, 50, 2, 8
        args.queries = 60
        counts = dict.fromkeys(CLASSES, 2)
    nlp = load_nlp()
    parts: list[Part] = []
    runs: list[tuple[str, Callable[[], list[Part]]]] = [
        ("hypothesis", lambda: [bench_hypothesis(args.examples, nlp)]),
        ("fuzz", lambda: [bench_fuzz(args.fuzz, nlp, args.seed)]),
        ("corpus", lambda: [bench_corpus(args.wp, nlp)]),
        ("items", lambda: bench_hostile_items(counts, nlp, args.seed)),
        ("queries", lambda: [bench_hostile_queries(args.queries, args.seed)]),
        ("interrupts", lambda: [bench_interrupts(args.kills, args.kill_articles, args.seed)]),
        ("interrupts2", lambda: [bench_interrupts(args.kills, args.kill_articles, args.seed,
                                                  processes=2)]),
        ("loads", lambda: [bench_killed_loads(args.kills, args.seed)]),
    ]
    for name, run in runs:
        if name in args.skip or (args.only and name not in args.only) or (
                name in ("corpus", "interrupts", "interrupts2") and not WIKINEWS.is_file()):
            continue
        print(f"… {name}", file=sys.stderr, flush=True)
        for p in run():
            parts.append(p)
            print(f"  {p.name}: {p.inputs} inputs, {len(p.crashes)} crashes, {p.refused} "
                  f"refused with a KGError, {p.seconds:.0f} s", file=sys.stderr, flush=True)

    killed = ("interrupted",)
    tried = sum(p.inputs for p in parts if not p.name.startswith(killed))
    crashes = sum(len(p.crashes) for p in parts if not p.name.startswith(killed))
    print("\nkg hardening figures")
    print(f"{'part':<40}{'inputs':>8}{'crashes':>9}{'refused':>9}{'seconds':>9}")
    for p in parts:
        print(f"{p.name:<40}{p.inputs:>8}{len(p.crashes):>9}{p.refused:>9}{p.seconds:>9.0f}")
    print(f"\ninputs tried                 {tried}")
    print(f"crashes                      {crashes}   (target 0)")
    good = sum(int(p.extra.get("good items", 0)) for p in parts)  # type: ignore[call-overload]
    lost = sum(int(p.extra.get("good items lost", 0)) for p in parts)  # type: ignore[call-overload]
    if good:
        print(f"good items beside bad ones   {good} stored, {lost} lost   (target 0 lost)")
    for p in parts:
        if "articles extracted" in p.extra:
            print(f"fuzzed files giving articles  {p.extra['articles extracted']} articles "
                  "extracted and mapped from the mutated files")
        if "outcomes" in p.extra:
            print(f"hostile queries              {p.extra['outcomes']}")
        if p.name.startswith("interrupted ingests"):
            print(f"{p.name}: survived {p.extra['survived']} of {p.extra['kills']}"
                  f" (target all); worker processes left behind: {p.extra['orphans']}; "
                  f"final store equals a clean ingest: "
                  f"{p.extra['final store equals clean ingest']}; articles whole after each "
                  f"kill: {p.extra['articles whole after each kill']}")
        if p.name.startswith("interrupted loads"):
            print(f"{p.name}: {p.inputs} runs of a {p.extra['quads']:,}-quad load "
                  f"({p.extra['load seconds']} s uninterrupted), "
                  f"{len(p.crashes)} inconsistent stores (target 0); "
                  f"killed while writing: {p.extra['killed while writing']}; "
                  f"killed with the store left as before: {p.extra['killed, store as before']},"
                  f" as after: {p.extra['killed, store as after']}, finished first: "
                  f"{p.extra['finished before the kill']}")
        if p.name.startswith("corpus"):
            print(f"invalid outputs              {p.extra['invalid outputs']} of "
                  f"{p.extra['articles validated']} article graphs "
                  f"({p.extra['triples validated']} triples)   (target 0)")
            if p.extra["invalid list"]:
                print(f"  e.g. {p.extra['invalid list']}")
            if p.extra["refused list"]:
                print(f"  refused e.g. {p.extra['refused list']}")
    for p in parts:
        for c in p.crashes[:5]:
            print(f"  {p.name} crash: {c}")


if __name__ == "__main__":
    main()
