"""Event P/R/F1 and argument accuracy per gold file (the seed and data/gold).

    .venv/bin/python benchmarks/bench_gold.py [GOLD...] [--misses]

Without arguments: ``../shared/seed/*.gold.json`` (when present) and ``data/gold/*.gold.json``.
Each article named by a gold file's ``file`` is extracted with ``kg.pipeline`` and mapped to
RDF with ``kg.rdf.mapping``; the scoring is :func:`kg.evaluate.evaluate`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.evaluate import Report, evaluate, format_report, load_gold
from kg.extract import load_nlp
from kg.pipeline import extract_paths
from kg.rdf.mapping import extractions_dataset

ROOT = Path(__file__).resolve().parents[1]


def default_golds() -> list[Path]:
    seed = sorted((ROOT.parent / "shared" / "seed").glob("*.gold.json"))
    return seed + sorted((ROOT / "data" / "gold").glob("*.gold.json"))


def run(golds: list[Path]) -> list[Report]:
    nlp = load_nlp()
    reports = []
    for g in golds:
        gold = load_gold(g)
        dataset = extractions_dataset(extract_paths([gold.article_path], nlp=nlp))
        reports.append(evaluate(g, dataset))
    return reports


def main(argv: list[str]) -> int:
    misses = "--misses" in argv
    golds = [Path(a) for a in argv if not a.startswith("--")] or default_golds()
    reports = run(golds)
    print(f"{'gold file':<52} {'ent F1':>6} {'ev P':>5} {'ev R':>5} {'ev F1':>5} {'args':>5}")
    for r in reports:
        print(f"{r.gold.name:<52} {r.entities.f1:6.2f} {r.events.precision:5.2f} "
              f"{r.events.recall:5.2f} {r.events.f1:5.2f} {r.argument_accuracy:5.2f}")
    own = [r for r in reports if "seed" not in str(r.gold)]
    if own:
        print(f"{'mean over data/gold':<52} {sum(r.entities.f1 for r in own) / len(own):6.2f} "
              f"{sum(r.events.precision for r in own) / len(own):5.2f} "
              f"{sum(r.events.recall for r in own) / len(own):5.2f} "
              f"{sum(r.events.f1 for r in own) / len(own):5.2f} "
              f"{sum(r.argument_accuracy for r in own) / len(own):5.2f}")
    if misses:
        for r in reports:
            print()
            print(format_report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
