"""Check gold files for the mistakes annotators make (reads no kg output).

    .venv/bin/python scripts/check_gold.py data/gold/dev/*.gold.json [--strict]

For each file: it loads (format of CONTRACT.md), its article exists and can be read, every
participant and place (each side of ``A|B``) names a gold entity (its label or an alias),
and every required entity has a name that occurs in the article body. Problems are
printed one per line; the exit status is 1 when any was found (with ``--strict`` warnings
count too).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.articles import read_articles
from kg.errors import KGError
from kg.evaluate import load_gold, normalize


def check(path: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) of one gold file."""
    errors: list[str] = []
    warnings: list[str] = []
    try:
        gold = load_gold(path)
        articles = list(read_articles(gold.article_path))
    except KGError as e:
        return [str(e)], []
    body = normalize(" ".join(a.body for a in articles))
    names: set[str] = set()
    for ent in gold.entities:
        names |= ent.names
        if not ent.optional and not any(f" {n} " in f" {body} " for n in ent.names if n):
            warnings.append(f"{path.name}: entity {ent.label!r}: no name of it occurs in the body")
    for ev in gold.events:
        for part in ev.participants + ((ev.place,) if ev.place else ()):
            for alt in part.split("|"):
                if normalize(alt) not in names:
                    errors.append(f"{path.name}: event {ev.describe()}: {alt!r} is no gold "
                                  "entity's label or alias")
    return errors, warnings


def main(argv: list[str]) -> int:
    strict = "--strict" in argv
    bad = 0
    for arg in (a for a in argv if not a.startswith("--")):
        errors, warnings = check(Path(arg))
        for line in errors:
            print("error:", line)
        for line in warnings:
            print("warning:", line)
        bad += len(errors) + (len(warnings) if strict else 0)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
