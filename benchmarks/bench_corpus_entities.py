"""Entities across the whole corpus: publishers' types, names of several types, places'
states.

    .venv/bin/python benchmarks/bench_corpus_entities.py [--wp N] [--list]

Extracts every Wikinews article of ``../shared/corpus/wikinews/*.csv`` and the first
``--wp`` items (all by default) of ``../shared/corpus/wp-current-events/items.jsonl``, read
as ``kg ingest`` reads them, and prints:

- **publisher entities**: entities of an article whose name is the article's publisher
  (its source or the site of its URL, :func:`kg.resolve._names.publisher_names`), by
  type: issue 18 wants no person and no place among them;
- **names of several types**: labels that are entities of more than one type across the
  corpus ("Wikinews" a person here, an organisation there), with ``--list`` the 30 most
  frequent;
- **place mentions**: mentions of places, and the share whose place has a state
  (``kg:partOf``), and of GeoNames places.

No gold here: the figures show what a rule changed on text nobody annotated.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter, defaultdict
from pathlib import Path

from kg.articles import read_articles_lenient
from kg.errors import KGError
from kg.model import EntityType
from kg.pipeline import extract_articles
from kg.resolve._names import compact, publisher_names

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wp", type=int, default=None, help="wp-current-events items (all)")
    ap.add_argument("--list", action="store_true", help="list the names of several types")
    args = ap.parse_args()
    wp = itertools.islice(read_articles_lenient([CORPUS / "wp-current-events" / "items.jsonl"]),
                          args.wp)
    wikinews = read_articles_lenient(sorted((CORPUS / "wikinews").glob("*.csv")))
    articles = [a for a in itertools.chain(wp, wikinews) if not isinstance(a, KGError)]
    publisher_types: Counter[str] = Counter()
    types: defaultdict[str, Counter[str]] = defaultdict(Counter)
    places = with_state = geonames = 0
    for ex in extract_articles(articles, time_budget=None):
        publishers = publisher_names(ex.article)
        for e in ex.entities:
            types[e.label][e.type.value] += 1
            if publishers and compact(e.label) in publishers:
                publisher_types[e.type.value] += 1
            if e.type is EntityType.PLACE:
                n = sum(1 for m in e.mentions if m.label not in ("PRON", "DEF"))
                places += n
                with_state += n if e.part_of else 0
                geonames += n if e.geonames else 0
    several = {label: c for label, c in types.items() if len(c) > 1}
    print(f"articles: {len(articles)}")
    print("publisher entities by type: "
          + ", ".join(f"{t} {n}" for t, n in sorted(publisher_types.items())))
    print(f"names of several types: {len(several)} of {len(types)}")
    share = with_state / places if places else 0.0
    print(f"place mentions: {places}, with a state {share:.3f}, "
          f"GeoNames {geonames / places if places else 0.0:.3f}")
    if args.list:
        for label, c in sorted(several.items(), key=lambda x: -sum(x[1].values()))[:30]:
            print(f"  {label}: " + ", ".join(f"{t} {n}" for t, n in c.most_common()))


if __name__ == "__main__":
    main()
