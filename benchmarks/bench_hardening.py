"""Hardening figures: inputs tried, crashes, interrupted ingests survived, invalid outputs.

    .venv/bin/python benchmarks/bench_hardening.py                 # everything (~10-15 min)
    .venv/bin/python benchmarks/bench_hardening.py --wp 4975       # all wp-current-events items
    .venv/bin/python benchmarks/bench_hardening.py --quick         # a small smoke run

Four parts, each counted:

1. hypothesis: generated article texts (tests/test_hardening_props.py strategies) through
   read_text → extract → RDF; a crash is any exception other than KGError, or a broken
   invariant (anchor ≠ body slice, blank node).
2. fuzz: byte-level mutations (flips, cuts, splices, odd bytes and markup) of seed files in
   every input format, read with read_articles_lenient and extracted like (1).
3. corpus: the Wikinews corpus and wp-current-events items ingested into a store, each
   article graph validated against ontology/shapes.ttl (tests/test_hardening_shacl.py).
4. interrupts: ``kg ingest`` in a subprocess SIGKILLed at random moments; after each kill
   the store is checked (tests/test_hardening_interrupt.py), then a final run must give
   the clean single-run store.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_hardening_interrupt import (  # noqa: E402
    WIKINEWS,
    finish_and_compare,
    freeze_code,
    kill_loop,
    reference_graphs,
    write_articles,
)
from test_hardening_props import ARTICLE_TEXTS, run_article, run_one  # noqa: E402
from test_hardening_shacl import corpus_articles, validate_corpus  # noqa: E402

from kg.articles import read_articles_lenient  # noqa: E402
from kg.errors import KGError  # noqa: E402
from kg.extract import load_nlp  # noqa: E402


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


def bench_interrupts(kills: int, n_articles: int, seed: int) -> Part:
    part = Part("interrupted ingests (SIGKILL)")
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        folder, store = Path(tmp) / "in", Path(tmp) / "store"
        write_articles(folder, n_articles)
        freeze_code(Path(tmp))
        ref = reference_graphs(folder, Path(tmp))
        run = kill_loop(folder, store, ref, kills=kills, seed=seed, delays=(3.0, 7.0))
        final = finish_and_compare(folder, store, ref)
    part.inputs = run.kills
    part.crashes = run.problems + final
    part.extra = {"kills": run.kills, "survived": run.survived,
                  "articles whole after each kill": run.counts,
                  "final store equals clean ingest": not final}
    part.seconds = time.monotonic() - t0
    return part


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="hypothesis examples")
    ap.add_argument("--fuzz", type=int, default=300, help="fuzzed files")
    ap.add_argument("--wp", type=int, default=1000,
                    help="wp-current-events items (0: all 4,975)")
    ap.add_argument("--kills", type=int, default=6)
    ap.add_argument("--kill-articles", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="tiny run: 20/30/50, 2 kills")
    ap.add_argument("--skip", action="append", default=[],
                    choices=["hypothesis", "fuzz", "corpus", "interrupts"])
    args = ap.parse_args()
    if args.quick:
        args.examples, args.fuzz, args.wp, args.kills, args.kill_articles = 20, 30, 50, 2, 8
    nlp = load_nlp()
    parts: list[Part] = []
    runs: list[tuple[str, Callable[[], Part]]] = [
        ("hypothesis", lambda: bench_hypothesis(args.examples, nlp)),
        ("fuzz", lambda: bench_fuzz(args.fuzz, nlp, args.seed)),
        ("corpus", lambda: bench_corpus(args.wp, nlp)),
        ("interrupts", lambda: bench_interrupts(args.kills, args.kill_articles, args.seed)),
    ]
    for name, run in runs:
        if name in args.skip or (name in ("corpus", "interrupts") and not WIKINEWS.is_file()):
            continue
        print(f"… {name}", file=sys.stderr, flush=True)
        parts.append(run())
        p = parts[-1]
        print(f"  {p.name}: {p.inputs} inputs, {len(p.crashes)} crashes, {p.refused} refused "
              f"with a KGError, {p.seconds:.0f} s", file=sys.stderr, flush=True)

    tried = sum(p.inputs for p in parts if not p.name.startswith("interrupted"))
    crashes = sum(len(p.crashes) for p in parts if not p.name.startswith("interrupted"))
    print("\nkg hardening figures")
    print(f"{'part':<34}{'inputs':>8}{'crashes':>9}{'refused':>9}{'seconds':>9}")
    for p in parts:
        print(f"{p.name:<34}{p.inputs:>8}{len(p.crashes):>9}{p.refused:>9}{p.seconds:>9.0f}")
    print(f"\ninputs tried                 {tried}")
    print(f"crashes                      {crashes}   (target 0)")
    for p in parts:
        if "articles extracted" in p.extra:
            print(f"fuzzed files giving articles  {p.extra['articles extracted']} articles "
                  "extracted and mapped from the mutated files")
        if p.name.startswith("interrupted"):
            print(f"interrupted ingests survived {p.extra['survived']} of {p.extra['kills']}"
                  f"   (target all); final store equals a clean ingest: "
                  f"{p.extra['final store equals clean ingest']}; articles whole after each "
                  f"kill: {p.extra['articles whole after each kill']}")
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
