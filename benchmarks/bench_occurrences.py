"""Event identity across articles: quality on the occurrence gold set, and cost.

    .venv/bin/python benchmarks/bench_occurrences.py [--misses] [--no-store]

Extracts every Wikinews article of ``../shared/corpus/wikinews/*.csv`` and every item of
``../shared/corpus/wp-current-events/items.jsonl`` once (``kg.pipeline``), then:

- **quality**: links all event reports into occurrences (:func:`kg.occurrences.link`,
  in memory, the same rules ingest uses) and scores them against
  ``data/gold/occurrences/occurrences.json`` per split (:mod:`kg.evaluate.occurrences`):
  pairwise precision and recall of merged reports from different articles, B³
  precision / recall / F1, and how many gold reports kg does not extract (left out of the
  scores). ``--misses`` lists the dev pairs kg gets wrong; the test split is scored in
  aggregate only.
- **cost, in memory**: linking article by article (date order), the time per article.
- **cost, in a store** (skipped with ``--no-store``): the extracted Wikinews articles are
  written into two fresh on-disk stores in the same run, one without occurrence linking
  and one with it (``KnowledgeGraph.link_occurrences``), articles in the same order; the
  ratio of the write times, and of whole ingest times (the extraction time, measured once,
  added to both). Then the wp-current-events items are added to the linking store, and
  for each of the last 200 the time to write it and the time to link it
  (:func:`kg.store.occurrences.update_occurrences`) are reported with the store's size.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.articles import read_articles_lenient
from kg.errors import KGError
from kg.evaluate.occurrences import Candidate, bcubed, load_gold, pairwise, resolve
from kg.model import Article, EventType, Extraction
from kg.occurrences import Occurrence, Report, link, reports_of
from kg.occurrences.linking import reach
from kg.pipeline import extract_articles
from kg.rdf.iris import article_iri, event_iri
from kg.store import KnowledgeGraph
from kg.store.occurrences import update_occurrences

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "data" / "gold" / "occurrences" / "occurrences.json"


def doc_of(article: Article) -> str:
    """The gold set's name of an article (see data/gold/occurrences/README.md)."""
    key = article.key
    if "items.jsonl#" in key:
        return "wpce:" + key.rsplit("#", 1)[1]
    return "wikinews:" + key.rsplit("/wiki/", 1)[-1]


def read(paths: list[Path]) -> list[Article]:
    return [a for a in read_articles_lenient(paths) if not isinstance(a, KGError)]


def reports_and_candidates(extractions: list[Extraction]
                           ) -> tuple[list[list[Report]], list[Candidate]]:
    per_article: list[list[Report]] = []
    candidates: list[Candidate] = []
    for ex in extractions:
        ids = [str(event_iri(ex.article, ev)) for ev in ex.events]
        per_article.append(reports_of(ex, ids))
        body = ex.article.body
        candidates += [Candidate(i, doc_of(ex.article), ev.type.value, ev.trigger.text,
                                 body[ev.evidence.begin:ev.evidence.end])
                       for i, ev in zip(ids, ex.events, strict=True)]
    return per_article, candidates


def quality(occs: list[Occurrence], candidates: list[Candidate], misses: bool) -> None:
    predicted = {r.id: o.id for o in occs for r in o.reports}
    doc = {c.id: c.doc for c in candidates}
    print("| split | clusters | reports found / gold | pairwise P | R | F1 | pairs right /"
          " merged / gold | B³ P | B³ R | B³ F1 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for split in ("dev", "test"):
        clusters = load_gold(GOLD, split)
        gold, missed = resolve(clusters, candidates)
        s = pairwise(gold, predicted, doc)
        b = bcubed(gold, predicted)
        n = sum(len(c.reports) for c in clusters)
        print(f"| {split} | {len(clusters)} | {n - len(missed)} / {n} | {s.precision:.2f} | "
              f"{s.recall:.2f} | {s.f1:.2f} | {s.true_pairs} / {s.predicted_pairs} / "
              f"{s.gold_pairs} | {b[0]:.2f} | {b[1]:.2f} | {b[2]:.2f} |")
        if misses and split == "dev":
            for a, b_ in itertools.combinations(sorted(gold), 2):
                if doc[a] != doc[b_] and (gold[a] == gold[b_]) != (predicted[a] == predicted[b_]):
                    what = "merged apart events" if predicted[a] == predicted[b_] else "missed"
                    print(f"    {what}: {gold[a]} / {gold[b_]}: {a} ~ {b_}")


def incremental_cost(per_article: list[list[Report]]) -> None:
    """Link article by article as a store does: only the occurrences of the article's
    classes within reach of its days are handed to :func:`link`."""
    def first_day(rs: list[Report]) -> tuple[date, str]:
        days = [r.day for r in rs if r.day is not None]
        return (min(days) if days else date.max, rs[0].id if rs else "")

    occs: dict[str, Occurrence] = {}
    index: dict[tuple[EventType, date], set[str]] = {}
    times: list[float] = []
    for reports in sorted(per_article, key=first_day):
        t = time.perf_counter()
        near: set[str] = set()
        for r in reports:
            if r.day is not None:
                days = reach(r)
                for k in range(-days, days + 1):
                    near |= index.get((r.type, r.day + timedelta(days=k)), set())
        for o in link(reports, [occs[i] for i in sorted(near)]):
            occs[o.id] = o
            for r in o.reports:
                if r.day is not None:
                    index.setdefault((r.type, r.day), set()).add(o.id)
        times.append(time.perf_counter() - t)
    n = sum(len(r) for r in per_article)
    print(f"in memory, article by article: {len(per_article):,} articles, {n:,} reports -> "
          f"{len(occs):,} occurrences; {1000 * statistics.mean(times):.2f} ms per article "
          f"(median {1000 * statistics.median(times):.2f}, max {1000 * max(times):.1f})")


def write_and_link(kg: KnowledgeGraph, items: list[Extraction]
                   ) -> tuple[list[float], list[float]]:
    """Seconds to write each item into ``kg`` and to link its reports, apart (linking off
    during the write)."""
    kg.link_occurrences = False
    write: list[float] = []
    link_s: list[float] = []
    for ex in items:
        t = time.perf_counter()
        kg.ingest([ex], skip_unchanged=False)
        t1 = time.perf_counter()
        update_occurrences(kg, article_iri(ex.article), ex)
        write.append(t1 - t)
        link_s.append(time.perf_counter() - t1)
    return write, link_s


def store_cost(wikinews: list[Extraction], extraction_s: float, wp: list[Extraction]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        times: dict[bool, float] = {}
        for linking in (False, True, False, True):  # alternate, keep the second of each
            path = Path(tmp) / f"{linking}-{len(times)}"
            with KnowledgeGraph(path) as kg:
                kg.link_occurrences = linking
                t = time.perf_counter()
                for ex in wikinews:
                    kg.ingest([ex], skip_unchanged=False)
                times[linking] = time.perf_counter() - t
        off, on = times[False], times[True]
        print(f"store, {len(wikinews)} Wikinews articles: write {off:.2f} s without linking, "
              f"{on:.2f} s with; ratio {on / off:.3f} (write only), "
              f"{(extraction_s + on) / (extraction_s + off):.3f} (with the {extraction_s:.0f} s "
              f"extraction); linking {1000 * (on - off) / len(wikinews):.1f} ms per article")
        with KnowledgeGraph(Path(tmp) / "big") as kg:
            for ex in wikinews + wp[:-200]:
                kg.ingest([ex], skip_unchanged=False)
            write, link_s = write_and_link(kg, wp[-200:])
            size = kg.stats().triples
        print(f"store of {size:,} triples (all Wikinews articles and items linked): for each "
              f"of the last 200 items, writing takes {1000 * statistics.median(write):.1f} ms "
              f"and linking {1000 * statistics.median(link_s):.1f} ms (medians; linking "
              f"max {1000 * max(link_s):.1f} ms)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="list the dev pairs kg gets wrong")
    ap.add_argument("--no-store", action="store_true", help="skip the store timings")
    args = ap.parse_args()
    wikinews_articles = read(sorted((CORPUS / "wikinews").glob("*.csv")))
    wp_articles = read([CORPUS / "wp-current-events" / "items.jsonl"])
    t = time.perf_counter()
    wikinews = list(extract_articles(wikinews_articles, time_budget=None))
    extraction_s = time.perf_counter() - t
    wp = list(extract_articles(wp_articles, time_budget=None))
    per_article, candidates = reports_and_candidates(wikinews + wp)
    t = time.perf_counter()
    occs = link([r for rs in per_article for r in rs])
    n = sum(len(rs) for rs in per_article)
    print(f"linked {n:,} reports of {len(per_article):,} articles into {len(occs):,} "
          f"occurrences in {time.perf_counter() - t:.2f} s")
    quality(occs, candidates, args.misses)
    incremental_cost(per_article)
    if not args.no_store:
        store_cost(wikinews, extraction_s, wp)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
