"""Write what extraction makes of a corpus sample as sorted N-Triples, one block per article,
so that two versions of the code can be compared with ``diff``.

    .venv/bin/python scripts/dump_extraction.py --wp 500 > after.txt
    PYTHONPATH=/tmp/kg-before .venv/bin/python scripts/dump_extraction.py --wp 500 > before.txt
    diff before.txt after.txt && echo identical

Articles: the first ``--wp`` items of ../shared/corpus/wp-current-events/items.jsonl and every
article of ../shared/corpus/wikinews/*.csv, read as ``kg ingest`` reads them. Each block
starts with the article's key; a failure is written as the block's only line.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wp", type=int, default=500, help="wp-current-events items")
    ap.add_argument("--no-wikinews", action="store_true")
    args = ap.parse_args()

    from kg.articles import read_articles_lenient
    from kg.errors import KGError
    from kg.pipeline import extract_articles
    from kg.rdf.mapping import extraction_triples

    wp = itertools.islice(read_articles_lenient([CORPUS / "wp-current-events" / "items.jsonl"]),
                          args.wp)
    wikinews = [] if args.no_wikinews else read_articles_lenient(
        sorted((CORPUS / "wikinews").glob("*.csv")))
    articles = []
    for item in itertools.chain(wp, wikinews):
        if isinstance(item, KGError):
            print(f"# unreadable: {item}")
        else:
            articles.append(item)
    out = sys.stdout
    for ex in extract_articles(articles):
        lines = sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in extraction_triples(ex))
        out.write(f"# {ex.article.key}\n")
        out.write("\n".join(lines) + "\n")
    print(f"# {len(articles)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
