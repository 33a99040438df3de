"""Draw the texts of the held-out gold sets from ``../shared/corpus`` (run once; reproducible).

    .venv/bin/python scripts/sample_gold.py [--items N] [--out data/gold]

Two samples, each split into a dev half and a test half (``data/gold/dev``,
``data/gold/test``):

- **items**: ``N`` (default 160) one-sentence event items of Wikipedia's "Current events"
  portal (``corpus/wp-current-events/items.jsonl``), drawn at random with a fixed seed,
  stratified by year and category (proportional allocation, largest remainders). Each item
  becomes a small JSON article ``wpce_<date>_<line>.json`` (``title`` = its story path,
  ``text``, ``published``, ``source`` / ``url`` of its first cited outlet) that keeps the
  editors' ``links`` for the entity-linking benchmark.
- **articles**: every English Wikinews article of ``corpus/wikinews`` listed in
  :data:`ARTICLES` (all articles of the corpus about international politics or armed
  conflict that were not yet annotated, chosen by title before any was read in full),
  written as Markdown with front matter like the earlier ``data/gold`` files (the leading
  date line dropped, blank lines collapsed).

Inside each stratum the order is shuffled with the seed and the items go to dev and test
in turn, so both halves have the same mix of years and categories. Nothing here reads kg's
output: the split is fixed before any extraction is run on these texts.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = 20261207
#: Seed of the later dev-only draw (``--more-dev-items``), after the first measurement.
DEV_SEED = 20261208

#: (year, row index in wikinews_<year>.csv, file stem). Criterion: about international
#: politics or armed conflict, judged from the title; the eleven articles already in
#: data/gold are left out.
ARTICLES: tuple[tuple[str, int, str], ...] = (
    ("2019", 19, "wikinews_2019_bombs_cathedral_mindanao"),
    ("2019", 20, "wikinews_2019_mokha_yemen_bomb"),
    ("2019", 45, "wikinews_2019_erdogan_hagia_sophia"),
    ("2019", 69, "wikinews_2019_benin_nigeria_join_afcfta"),
    ("2019", 88, "wikinews_2019_g7_amazon_fires"),
    ("2019", 108, "wikinews_2019_bin_laden_son_killed"),
    ("2019", 120, "wikinews_2019_khashoggi_fiancee_un"),
    ("2019", 122, "wikinews_2019_house_subpoena_ukraine_envoy"),
    ("2019", 133, "wikinews_2019_trump_troop_withdrawal_syria"),
    ("2019", 138, "wikinews_2019_wiranto_stabbed"),
    ("2019", 151, "wikinews_2019_us_restrictions_cuba_flights"),
    ("2019", 156, "wikinews_2019_hungary_acquires_hirtenberger"),
    ("2020", 1, "wikinews_2020_us_kills_soleimani"),
    ("2020", 3, "wikinews_2020_stampede_soleimani_funeral"),
    ("2020", 5, "wikinews_2020_eastmed_pipeline"),
    ("2020", 62, "wikinews_2020_yemeni_journalist_shot_aden"),
    ("2020", 84, "wikinews_2020_navalny_airlifted_germany"),
    ("2020", 90, "wikinews_2020_navalny_novichok"),
)

#: Added to dev only, after the first dev/test measurement (2026-12-07): long political
#: articles with many statements, so that dev resembles the test articles in length and
#: speech density. The test split is unchanged.
DEV_EXTRA: tuple[tuple[str, int, str], ...] = (
    ("2019", 103, "wikinews_2019_trump_ousts_bolton"),
    ("2019", 117, "wikinews_2019_pelosi_impeachment_investigation"),
    ("2019", 96, "wikinews_2019_hong_kong_extradition_bill_withdrawn"),
    ("2019", 154, "wikinews_2019_house_impeachment_rules"),
    ("2019", 168, "wikinews_2019_house_impeaches_trump"),
    ("2020", 11, "wikinews_2020_zelensky_rejects_pm_resignation"),
    ("2020", 79, "wikinews_2020_tsikhanouskaya_rally_minsk"),
    ("2020", 114, "wikinews_2020_gsa_transition_process"),
)

#: A second dev-only addition (2026-12-07, after the third draw of items): the remaining
#: Wikinews articles of the corpus on politics with international parties, protests
#: against governments or conflicts with a state, chosen by title. The test split is
#: unchanged.
DEV_EXTRA_2: tuple[tuple[str, int, str], ...] = (
    ("2019", 64, "wikinews_2019_hong_kong_police_complex"),
    ("2019", 85, "wikinews_2019_hong_kong_protests_continue"),
    ("2019", 125, "wikinews_2019_hong_kong_police_shoot_protester"),
    ("2019", 101, "wikinews_2019_johnson_suspends_parliament"),
    ("2019", 115, "wikinews_2019_uk_supreme_court_prorogation"),
    ("2020", 52, "wikinews_2020_philippines_network_shut_down"),
    ("2020", 77, "wikinews_2020_serbian_protesters_parliament"),
    ("2020", 111, "wikinews_2020_washington_pro_trump_protest"),
)

_CATEGORY_FIXES = {"business and econony": "Business and economy",
                   "law and crime": "Law and crime",
                   "politics and election": "Politics and elections",
                   "history and science": "Science and technology"}


def category(raw: str) -> str:
    """The portal's category, with its editors' typos and case variants folded."""
    return _CATEGORY_FIXES.get(raw.strip().lower(), raw.strip())


def allocate(sizes: dict[tuple[str, str], int], n: int) -> dict[tuple[str, str], int]:
    """Proportional allocation of ``n`` over strata (largest remainders, ties by key)."""
    total = sum(sizes.values())
    exact = {k: n * v / total for k, v in sizes.items()}
    out = {k: int(x) for k, x in exact.items()}
    rest = n - sum(out.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[:rest]:
        out[k] += 1
    return out


def sample_items(n: int, rng: random.Random, exclude: frozenset[int] | set[int] = frozenset()
                 ) -> list[tuple[int, dict[str, object], str]]:
    """(line index, item, split) of ``n`` items stratified by year and category (lines in
    ``exclude`` are never drawn)."""
    path = CORPUS / "wp-current-events" / "items.jsonl"
    strata: dict[tuple[str, str], list[tuple[int, dict[str, object]]]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f):
            if line_no in exclude:
                continue
            item = json.loads(line)
            strata[(str(item["date"])[:4], category(str(item["category"])))].append(
                (line_no, item))
    quota = allocate({k: len(v) for k, v in strata.items()}, n)
    out: list[tuple[int, dict[str, object], str]] = []
    turn = 0
    for key in sorted(strata):
        rows = strata[key]
        picked = sorted(rng.sample(range(len(rows)), quota[key]))
        rng.shuffle(picked)
        for j in picked:
            out.append((rows[j][0], rows[j][1], ("dev", "test")[turn % 2]))
            turn += 1
    return sorted(out, key=lambda r: r[0])


def item_article(item: dict[str, object]) -> dict[str, object]:
    sources = item.get("sources") or []
    first = sources[0] if isinstance(sources, list) and sources else {}
    story = [str(s) for s in item.get("story") or []]  # type: ignore[attr-defined]
    return {
        "title": " — ".join(story) or f"{category(str(item['category']))}, {item['date']}",
        "text": item["text"],
        "published": item["date"],
        "source": first.get("name") if isinstance(first, dict) else None,
        "url": first.get("url") if isinstance(first, dict) else None,
        "category": category(str(item["category"])),
        "links": item.get("links") or [],
        "license": "CC BY-SA 4.0 (Wikipedia, Portal:Current events)",
    }


_LEADING_DATE = re.compile(r"\A\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),"
                           r" [A-Z][a-z]+ \d{1,2}, \d{4}\s*")


def article_markdown(row: dict[str, str]) -> str:
    body = _LEADING_DATE.sub("", row["text"].replace("\xa0", " "))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body)]
    url = row["url"].replace("org//wiki", "org/wiki")
    head = (f"---\ntitle: {json.dumps(row['title'], ensure_ascii=False)}\n"
            f"published: {row['date']}\nsource: Wikinews\nurl: {json.dumps(url)}\n"
            "license: CC BY 2.5\n---\n\n")
    return head + "\n\n".join(p for p in paragraphs if p) + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=160)
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "gold")
    ap.add_argument("--dev-extra", action="store_true",
                    help="only write the DEV_EXTRA and DEV_EXTRA_2 articles (added to dev "
                         "later)")
    ap.add_argument("--more-dev-items", type=int, default=0, metavar="N",
                    help="only draw N more items for dev (stratified like the first sample, "
                         "none already in data/gold)")
    ap.add_argument("--seed", type=int, default=DEV_SEED,
                    help="seed of a --more-dev-items draw (20261208: the second draw of 240, "
                         "20261209: the third of 300)")
    args = ap.parse_args(argv)
    if args.more_dev_items:
        taken = {int(p.stem.rsplit("_", 1)[1].split(".")[0])
                 for p in args.out.glob("*/wpce_*.json") if not p.name.endswith(".gold.json")}
        for line_no, item, _ in sample_items(args.more_dev_items, random.Random(args.seed),
                                             exclude=taken):
            stem = f"wpce_{item['date']}_{line_no:04d}"
            (args.out / "dev" / f"{stem}.json").write_text(
                json.dumps(item_article(item), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8")
        return 0
    csv.field_size_limit(10**9)
    rows = {year: list(csv.DictReader((CORPUS / "wikinews" / f"wikinews_{year}.csv").open(
        encoding="utf-8"))) for year in ("2019", "2020")}
    if args.dev_extra:
        for year, index, stem in DEV_EXTRA + DEV_EXTRA_2:
            (args.out / "dev" / f"{stem}.md").write_text(article_markdown(rows[year][index]),
                                                         encoding="utf-8")
        return 0
    rng = random.Random(SEED)
    for split in ("dev", "test"):
        (args.out / split).mkdir(parents=True, exist_ok=True)
    for line_no, item, split in sample_items(args.items, rng):
        stem = f"wpce_{item['date']}_{line_no:04d}"
        (args.out / split / f"{stem}.json").write_text(
            json.dumps(item_article(item), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    order = list(ARTICLES)
    rng.shuffle(order)
    for k, (year, index, stem) in enumerate(order):
        split = ("dev", "test")[k % 2]
        (args.out / split / f"{stem}.md").write_text(article_markdown(rows[year][index]),
                                                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
