"""Event and entity scores on the gold sets: the seed, the dev split and the frozen test split.

    .venv/bin/python benchmarks/bench_gold.py [--misses] [--classes] [GOLD...]

Without GOLD arguments: ``../shared/seed/*.gold.json`` (when present), then
``data/gold/dev`` and ``data/gold/test`` (see ``data/gold/GUIDELINES.md``). Each article
named by a gold file's ``file`` is extracted with ``kg.pipeline`` and mapped to RDF with
``kg.rdf.mapping``; the scoring is :func:`kg.evaluate.evaluate`.

Printed per split, for its Current-events items, its Wikinews articles and both: the
pooled counts (micro average: the figure to quote), then the mean over files. Per-file
lines are printed for the seed and dev only; ``--misses`` lists missed and spurious events
of dev files only — the test split is frozen: only its aggregate scores are shown, never
its misses. ``--classes`` adds per-class precision/recall and the class confusion of each
split.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.evaluate import (
    Report,
    evaluate,
    format_confusion,
    format_report,
    load_gold,
    pooled,
)
from kg.extract import Language, load_nlp
from kg.pipeline import extract_paths
from kg.rdf.mapping import extractions_dataset

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"


def default_golds() -> dict[str, list[Path]]:
    seed = sorted((ROOT.parent / "shared" / "seed").glob("*.gold.json"))
    out = {"seed": seed} if seed else {}
    for split in ("dev", "test"):
        out[split] = sorted((GOLD / split).glob("*.gold.json"))
    return out


def run(golds: list[Path], nlp: Language) -> list[Report]:
    reports = []
    for g in golds:
        gold = load_gold(g)
        dataset = extractions_dataset(extract_paths([gold.article_path], nlp=nlp))
        reports.append(evaluate(g, dataset))
    return reports


def is_frozen(path: Path) -> bool:
    return path.resolve().parent == (GOLD / "test").resolve()


def row(name: str, r: Report) -> str:
    e = r.events
    return (f"{name:<34} {r.entities.f1:6.2f} {e.precision:5.2f} {e.recall:5.2f} {e.f1:5.2f}"
            f" {r.argument_accuracy:5.2f}   {e.paired_output:>4}/{e.output:<4}"
            f" {e.paired_gold:>4}/{e.gold:<4}")


def mean_row(name: str, reports: list[Report]) -> str:
    n = len(reports)
    return (f"{name:<34} {sum(r.entities.f1 for r in reports) / n:6.2f} "
            f"{sum(r.events.precision for r in reports) / n:5.2f} "
            f"{sum(r.events.recall for r in reports) / n:5.2f} "
            f"{sum(r.events.f1 for r in reports) / n:5.2f} "
            f"{sum(r.argument_accuracy for r in reports) / n:5.2f}")


HEADER = (f"{'':<34} {'ent F1':>6} {'ev P':>5} {'ev R':>5} {'ev F1':>5} {'args':>5}"
          f"   {'ev out':>9} {'ev gold':>9}")


def split_summary(name: str, reports: list[Report]) -> list[str]:
    items = [r for r in reports if r.gold.name.startswith("wpce_")]
    articles = [r for r in reports if not r.gold.name.startswith("wpce_")]
    lines = []
    for part, rs in ((f"{name}: items", items), (f"{name}: articles", articles),
                     (f"{name}: all (pooled)", reports)):
        if rs and (rs is reports or len(rs) < len(reports)):
            lines.append(row(f"{part} [{len(rs)}]", pooled(rs)))
    if len(reports) > 1:
        lines.append(mean_row(f"{name}: mean over files", reports))
    return lines


def main(argv: list[str]) -> int:
    misses = "--misses" in argv
    classes = "--classes" in argv
    given = [Path(a) for a in argv if not a.startswith("--")]
    groups = {"given": given} if given else default_golds()
    nlp = load_nlp()
    results = {name: run(paths, nlp) for name, paths in groups.items()}
    print(HEADER)
    for reports in results.values():
        for r in reports:
            if not is_frozen(r.gold) and len(reports) <= 40:
                print(row(r.gold.name[:34], r))
    print()
    print(HEADER)
    for name, reports in results.items():
        if reports:
            for line in split_summary(name, reports):
                print(line)
    if classes:
        for name, reports in results.items():
            if reports:
                total = pooled(reports, name)
                print()
                print(format_report(total, misses=False))
                print(format_confusion(total))
    if misses:
        for reports in results.values():
            for r in reports:
                if not is_frozen(r.gold):
                    print()
                    print(format_report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
