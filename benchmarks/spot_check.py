"""Corpus spot checks: random events of each class over the whole Wikinews corpus, to be
read against their text by a person.

    .venv/bin/python benchmarks/spot_check.py sheet [--per-class 20] [--seed 20261207] \
        [--out docs/spot-checks/sheet.md]
    .venv/bin/python benchmarks/spot_check.py score docs/spot-checks/sheet.md

``sheet`` extracts every article of ``../shared/corpus/wikinews`` (both years) except the
nine of the frozen test split (``data/gold/test``), draws
``--per-class`` events of each of the nine classes at random (fixed seed; all of them when
a class has fewer) and writes a Markdown sheet: per event its class, label, roles with
their entities, modality, polarity, source, figures and date, the sentence it was read
from and the article's title, then a line ``verdict:`` to fill in with ``right`` or
``wrong`` and a reason. An event is right when the sentence reports an event of that class
with those participants (no participant that is not in it); its arguments are not judged.

``score`` reads a filled sheet and prints, per class, how many of the judged events are
right (the target of the extraction issue: at least 80 % for every class).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.articles import read_articles_lenient
from kg.extract import load_nlp
from kg.model import Article, Event, EventType, Extraction
from kg.pipeline import extract_articles

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
#: The frozen test split's articles are left out, so that no one reads their events.
TEST = ROOT / "data" / "gold" / "test"
SEED = 20261207
_VERDICT = re.compile(r"^verdict:\s*(right|wrong)\b", re.IGNORECASE)
_CLASS = re.compile(r"^### \d+\. (\w+)")


def _describe(ext: Extraction, ev: Event) -> list[str]:
    names = {e.key: e.label for e in ext.entities}
    text = ext.article.body
    roles = ", ".join(f"{a.role.value}: {names.get(a.entity, a.entity)}" for a in ev.arguments)
    lines = [
        f"- label: {ev.label}",
        f"- roles: {roles or '(none)'}",
        f"- modality: {ev.modality.value}; polarity: {ev.polarity.value}"
        + (f"; source: {names.get(ev.attributed_to, ev.attributed_to)}"
           if ev.attributed_to else ""),
    ]
    if ev.quantities:
        lines.append("- figures: " + "; ".join(q.text for q in ev.quantities))
    if ev.time is not None:
        lines.append(f"- time: {ev.time.text}")
    sentence = " ".join(text[ev.evidence.begin:ev.evidence.end].split())
    lines += [f"- trigger: \"{ev.trigger.text}\"", f"- article: {ext.article.title}",
              f"> {sentence}", "", "verdict: ", ""]
    return lines


def sheet(per_class: int, seed: int, out: Path) -> int:
    frozen = {a.title for p in sorted(TEST.glob("wikinews_*.md"))
              for a in read_articles_lenient([p]) if isinstance(a, Article)}
    articles = [a for a in read_articles_lenient(
        WIKINEWS / name for name in ("wikinews_2019.csv", "wikinews_2020.csv"))
        if isinstance(a, Article) and a.title not in frozen]  # nor empty test pages
    by_class: dict[EventType, list[tuple[Extraction, Event]]] = defaultdict(list)
    for ext in extract_articles(articles, nlp=load_nlp()):
        for ev in ext.events:
            by_class[ev.type].append((ext, ev))
    rng = random.Random(seed)
    lines = [f"# Spot check: {per_class} random events per class (seed {seed})", "",
             f"{len(articles)} Wikinews articles; events per class: "
             + ", ".join(f"{k.value} {len(v)}" for k, v in sorted(
                 by_class.items(), key=lambda kv: kv[0].value)), ""]
    n = 0
    for kind in EventType:
        pool = by_class.get(kind, [])
        for ext, ev in rng.sample(pool, min(per_class, len(pool))):
            n += 1
            lines += [f"### {n}. {kind.value}", "", *_describe(ext, ev)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {n} events to {out}")
    return 0


def score(path: Path) -> int:
    right: dict[str, int] = defaultdict(int)
    judged: dict[str, int] = defaultdict(int)
    kind = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _CLASS.match(line)
        if m:
            kind = m.group(1)
            continue
        v = _VERDICT.match(line)
        if v and kind is not None:
            judged[kind] += 1
            right[kind] += v.group(1).lower() == "right"
            kind = None
    if not judged:
        print(f"{path}: no judged events (lines 'verdict: right|wrong')", file=sys.stderr)
        return 1
    print(f"{'class':<14}{'right':>7}{'judged':>8}{'share':>8}")
    for k in sorted(judged):
        print(f"{k:<14}{right[k]:>7}{judged[k]:>8}{right[k] / judged[k]:>8.0%}")
    total_r, total_j = sum(right.values()), sum(judged.values())
    print(f"{'all':<14}{total_r:>7}{total_j:>8}{total_r / total_j:>8.0%}")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("--per-class", type=int, default=20)
    s.add_argument("--seed", type=int, default=SEED)
    s.add_argument("--out", type=Path, default=ROOT / "docs" / "spot-checks" / "sheet.md")
    c = sub.add_parser("score")
    c.add_argument("sheet", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "sheet":
        return sheet(args.per_class, args.seed, args.out)
    return score(args.sheet)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
