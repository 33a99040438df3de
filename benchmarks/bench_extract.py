"""Extraction and corpus-ingest benchmark, with bare ``nlp.pipe`` as the same-run baseline.

Reads the shared corpus (Wikinews CSVs and the Wikipedia current-events JSONL), then:

1. times bare ``nlp.pipe`` over the article bodies (the baseline),
2. times kg's full extraction (parse copy, entity rules, resolution, events, and the
   mapping to RDF triples that ingest writes) over the same bodies, and reports the
   throughput ratio (target ≥ 0.80, issue "Extraction that holds on news nobody tuned for"),
3. with ``--ingest``, ingests the whole corpus into a fresh Oxigraph store in a child
   process and reports wall time, articles per second and the child's peak memory
   (target < 2 GiB).

    .venv/bin/python benchmarks/bench_extract.py [--limit N] [--ingest] [--repeat 2]

The two timed passes alternate ``--repeat`` times and the best of each is kept, so a busy
machine slows both alike.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.articles import read_articles_lenient
from kg.extract import load_nlp
from kg.model import Article
from kg.pipeline import extract_articles
from kg.rdf.mapping import extraction_triples

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
INPUTS = [
    CORPUS / "wikinews" / "wikinews_2019.csv",
    CORPUS / "wikinews" / "wikinews_2020.csv",
    CORPUS / "wp-current-events" / "items.jsonl",
]


def corpus_articles(limit: int | None) -> list[Article]:
    articles = [a for a in read_articles_lenient(INPUTS) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def bare_pipe(articles: list[Article], batch_size: int) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe((a.body for a in articles), batch_size=batch_size):
        pass
    return time.perf_counter() - start


def full_extraction(articles: list[Article], batch_size: int) -> tuple[float, int, int]:
    start = time.perf_counter()
    events = triples = 0
    for extraction in extract_articles(articles, batch_size=batch_size):
        events += len(extraction.events)
        triples += len(extraction_triples(extraction))
    return time.perf_counter() - start, events, triples


def ingest_child(store: Path) -> tuple[float, float, str]:
    """Ingest the whole corpus with the CLI in a child process: (seconds, peak MiB, summary)."""
    kg = Path(sys.executable).with_name("kg")
    start = time.perf_counter()
    done = subprocess.run([str(kg), "ingest", *map(str, INPUTS), "--store", str(store)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds, peak_mib, done.stdout.strip().splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N items")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--ingest", action="store_true", help="also ingest the whole corpus")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS}: the shared corpus is not present")

    articles = corpus_articles(args.limit)
    words = sum(len(a.body.split()) for a in articles)
    load_nlp()
    # warm up both paths once (model weights, gazetteers, lexicons)
    list(extract_articles(articles[:20], batch_size=args.batch_size))

    bare: list[float] = []
    full: list[float] = []
    events = triples = 0
    for _ in range(args.repeat):
        bare.append(bare_pipe(articles, args.batch_size))
        seconds, events, triples = full_extraction(articles, args.batch_size)
        full.append(seconds)
    b, f = min(bare), min(full)
    print(f"items: {len(articles)}  words: {words}  events: {events}  triples: {triples}")
    print(f"{'pass':<28}{'seconds':>9}{'items/s':>10}{'words/s':>10}")
    print(f"{'bare nlp.pipe (baseline)':<28}{b:>9.2f}{len(articles) / b:>10.1f}{words / b:>10.0f}")
    print(f"{'kg extraction + triples':<28}{f:>9.2f}{len(articles) / f:>10.1f}{words / f:>10.0f}")
    print(f"throughput ratio kg / bare: {b / f:.2f}  (target >= 0.80)")

    if args.ingest:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak, summary = ingest_child(Path(tmp) / "store")
        print(f"corpus ingest: {seconds:.1f} s, {len(articles) / seconds:.1f} items/s, "
              f"peak memory {peak:.0f} MiB (target < 2048)  [{summary}]")


if __name__ == "__main__":
    main()
