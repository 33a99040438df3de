"""Occurrence linking on a store of a million triples: the time to link one new article.

    .venv/bin/python benchmarks/bench_occurrences_scale.py [--triples N] [--last K] [--spread]

The shared corpus (``../shared/corpus``: the Wikinews articles and the wp-current-events
items) gives about 0.54M triples. To reach ``--triples`` (default 1,000,000) the script
extracts the corpus once and writes it into a fresh on-disk store (occurrence linking on,
as ``kg ingest`` does) again and again, each round under new article keys
(``<key>#copy<n>``): every copy is a new article whose events fall on the same days as
the original's, so each round makes the days *denser* (more reports and occurrences per
class and day to compare with): the harder case for linking, whose candidates are the
occurrences near a report's days. With ``--spread`` each copy is moved 10 years later
instead (publication dates and event dates), as a longer corpus would be: the store
grows, the days stay as dense as in the corpus. Then, for each of the last ``--last``
items of one more copy, it times writing the article and linking its reports
(:func:`kg.store.occurrences.update_occurrences`) separately, as ``bench_occurrences.py``
does at 0.54M. Extraction is not timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from bench_occurrences import write_and_link

from kg.articles import read_articles_lenient
from kg.errors import KGError
from kg.model import Article, Extraction
from kg.pipeline import extract_articles
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def read(paths: list[Path]) -> list[Article]:
    return [a for a in read_articles_lenient(paths) if not isinstance(a, KGError)]


def copy(ex: Extraction, n: int, spread: bool) -> Extraction:
    """The extraction under a new article key (a new article, the same content), moved
    ``10 * n`` years later when ``spread``."""
    if n == 0:
        return ex
    art = replace(ex.article, key=f"{ex.article.key}#copy{n}")
    if not spread:
        return replace(ex, article=art)
    events = tuple(replace(ev, time=replace(ev.time, date=later(ev.time.date, n)))
                   if ev.time is not None else ev for ev in ex.events)
    return replace(ex, article=replace(art, published=later(art.published, n)), events=events)


def later(day: date | None, n: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 10 * n)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 10 * n, day=28)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="store size to reach")
    ap.add_argument("--last", type=int, default=200, help="items timed one by one")
    ap.add_argument("--spread", action="store_true",
                    help="move each copy 10 years later (days as dense as the corpus)")
    args = ap.parse_args()
    articles = read(sorted((CORPUS / "wikinews").glob("*.csv")))
    articles += read([CORPUS / "wp-current-events" / "items.jsonl"])
    t = time.perf_counter()
    extractions = list(extract_articles(articles, time_budget=None))
    print(f"extracted {len(extractions):,} articles in {time.perf_counter() - t:.0f} s",
          flush=True)
    with tempfile.TemporaryDirectory() as tmp, KnowledgeGraph(Path(tmp) / "store") as kg:
        rounds = 0
        size = 0
        while size < args.triples:
            t = time.perf_counter()
            for ex in extractions:
                kg.ingest([copy(ex, rounds, args.spread)], skip_unchanged=False)
            size = kg.stats().triples
            rounds += 1
            print(f"round {rounds}: {size:,} triples ({time.perf_counter() - t:.0f} s)",
                  flush=True)
        timed = extractions[-args.last:]
        for ex in extractions[:-args.last]:
            kg.ingest([copy(ex, rounds, args.spread)], skip_unchanged=False)
        write, link_s = write_and_link(kg, [copy(ex, rounds, args.spread) for ex in timed])
        size = kg.stats().triples
    how = "each 10 years later" if args.spread else "on the same days"
    print(f"store of {size:,} triples ({rounds + 1} copies of the corpus, {how}, linked): "
          f"for each of the last {len(timed)} items of the last copy, writing takes "
          f"{1000 * statistics.median(write):.1f} ms and linking "
          f"{1000 * statistics.median(link_s):.1f} ms (medians; linking p90 "
          f"{1000 * statistics.quantiles(link_s, n=10)[-1]:.1f} ms, max "
          f"{1000 * max(link_s):.1f} ms)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
