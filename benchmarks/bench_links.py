"""Entity mentions and linking against the editors' hyperlinks of the Current-events items.

    .venv/bin/python benchmarks/bench_links.py [--misses]

Each item of ``data/gold/dev/wpce_*.json`` and ``data/gold/test/wpce_*.json`` (the
articles, not their ``.gold.json``) keeps the links Wikipedia's editors put on its text:
``links`` with ``start``, ``end`` (character offsets into ``text``), ``text`` and
``wiki_title``. kg extracts each item (``kg.pipeline``) and, per split:

- **mention recall**: links overlapped by a mention of a kg entity (any of its mentions:
  names, pronouns, descriptions), the entity found with ``EntityIndex.at``;
- **linking accuracy**: links whose kg entity has the ``wiki_title`` as its label or one of
  its aliases, names compared after :func:`kg.evaluate.gold.normalize` with a
  disambiguation in parentheses dropped ("Rafah (city)" → "Rafah"); given over all links
  and over the links kg mentions.

Both over all links and over links whose text starts with a capital letter (editors also
link common nouns: "drone", "ceasefire"). ``--misses`` lists the dev links kg misses or
links to another name; the test split is frozen: only its aggregate figures are printed.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate.gold import normalize
from kg.extract import load_nlp
from kg.model import Span
from kg.pipeline import extract_paths
from kg.resolve import EntityIndex

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"
_PARENS = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True)
class Link:
    text: str
    title: str
    mentioned: bool
    linked: bool
    found: str  # the kg entity's label, "" when none

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def title_name(wiki_title: str) -> str:
    """ "Rafah (city)" → "rafah"; "Presidential Palace, Warsaw" stays whole."""
    return normalize(_PARENS.sub("", wiki_title.replace("_", " ")))


def items(split: str) -> list[Path]:
    return sorted(p for p in (GOLD / split).glob("wpce_*.json")
                  if not p.name.endswith(".gold.json"))


def score_split(paths: list[Path], nlp: object) -> list[Link]:
    out: list[Link] = []
    extractions = extract_paths(paths, nlp=nlp)  # type: ignore[arg-type]
    for path, ex in zip(paths, extractions, strict=True):
        raw = json.loads(path.read_text(encoding="utf-8"))
        body = ex.article.body
        index = EntityIndex(ex.entities)
        shift = body.find(raw["text"].strip()[:40]) if raw["text"].strip() else 0
        for link in raw.get("links", []):
            begin, end = link["start"] + max(shift, 0), link["end"] + max(shift, 0)
            if body[begin:end] != link["text"]:  # offsets moved by cleaning: find the text
                begin = body.find(link["text"])
                end = begin + len(link["text"])
            entity = index.at(Span(begin, end)) if begin >= 0 else None
            names = {normalize(n) for n in (entity.label, *entity.aliases)} if entity else set()
            out.append(Link(text=link["text"], title=link["wiki_title"],
                            mentioned=entity is not None,
                            linked=title_name(link["wiki_title"]) in names,
                            found=entity.label if entity else ""))
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a / b:5.2f}" if b else "    -"


def rows(name: str, links: list[Link]) -> list[str]:
    lines = []
    for part, subset in ((f"{name}: all links", links),
                         (f"{name}: capitalised", [x for x in links if x.capitalised])):
        n = len(subset)
        mentioned = sum(x.mentioned for x in subset)
        linked = sum(x.linked for x in subset)
        lines.append(f"{part:<26} {n:>6} {_ratio(mentioned, n):>9} {_ratio(linked, n):>9}"
                     f" {_ratio(linked, mentioned):>11}")
    return lines


HEADER = f"{'':<26} {'links':>6} {'mentioned':>9} {'linked':>9} {'linked|ment':>11}"


def main(argv: list[str]) -> int:
    nlp = load_nlp()
    results = {split: score_split(items(split), nlp) for split in ("dev", "test")}
    print(HEADER)
    for split, links in results.items():
        for line in rows(f"{split} ({len(items(split))} items)", links):
            print(line)
    if "--misses" in argv:  # dev only: the test split is frozen
        print("\ndev links kg does not mention or links to another name:")
        for x in results["dev"]:
            if x.capitalised and not x.linked:
                print(f"  {x.text!r} → {x.title!r}: "
                      + (f"kg {x.found!r}" if x.mentioned else "no mention"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
