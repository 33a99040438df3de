"""Contested claims: the same figure reported differently by different sources.

    python examples/contested_claims.py [--out DIR]

Ingests the bundled example article plus two short reports (written here, in the style of
wire copy) that give other troop numbers, then finds the disagreements with the named
query ``contested_claims`` and lists every reported deployment with its source and
factuality. Writes DIR/contested_claims.csv (DIR defaults to out/contested_claims).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kg

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "data" / "examples" / "000_4fd073a643f2e162.txt"

REPORTS = [
    ("Seoul's spy agency on troop numbers",
     "SEOUL (Reuters) — South Korea's National Intelligence Service said on Thursday that "
     "North Korea has sent about 3,000 troops to Russia.",
     "2024-10-31"),
    ("Kyiv's estimate",
     "KYIV (AP) — Ukraine's military intelligence agency said North Korea had sent "
     "12,000 troops to Russia.",
     "2024-10-31"),
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/contested_claims"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    with kg.memory() as g:
        report = g.ingest(ARTICLE)
        for title, text, published in REPORTS:
            report = report.merge(g.ingest_text(text, title=title, published=published))
        print(report.summary())

        # Every reported figure: who deploys, how many, how sure, according to whom (each
        # article's report: by default one real deployment told by three lists once).
        print("\nDeployments with a figure:")
        for ev in g.events(type="Deployment", actor="North Korea", count="reports"):
            for q in ev.quantities:
                source = ev.attribution or f"the article {ev.article_title!r}"
                modality = ev.modality.value if ev.modality else "?"
                print(f"  {q.text:<40} {modality:<10} according to {source}")

        # The disagreements: one row per contested figure, with every claim and its source.
        claims = g.named_query("contested_claims")
        print(f"\n{len(claims)} contested figure(s):")
        for row in claims:
            print(f"  {row['subject']} in {row['place']}: {row['low']} to {row['high']} "
                  f"from {row['sources']} sources: {row['claims']}")
        (args.out / "contested_claims.csv").write_text(claims.to_csv(), encoding="utf-8")
    print(f"\nwrote {args.out / 'contested_claims.csv'}")


if __name__ == "__main__":
    main()
