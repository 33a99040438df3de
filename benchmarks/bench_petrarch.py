"""CAMEO root agreement on the PETRARCH-2 validation records (OEDA PETR2 GSR).

Usage::

    .venv/bin/python benchmarks/bench_petrarch.py [PETR2_GSR_validation.xml] [--list]

Every figure is given for all covered sentences and for two fixed halves (:mod:`halves`:
dev, whose misses ``--list`` prints, and test, reported in aggregate only).

Default input: ``../shared/bench/petrarch-gsr/PETR2_GSR_validation.xml``. Each
``<Sentence>`` with ``<EventCoding eventcode=...>`` records and a ``<Text>`` is extracted on
its own as an article (``kg.pipeline``). Sentences coded with no event and codes whose root
kg does not cover are skipped. A coded root is *covered* when CONTRACT.md gives it a kg
class: 01, 11, 12 Statement; 02, 10 Appeal; 03, 05, 06 Cooperation; 04 Meeting; 07 Transfer;
15 Deployment / Training; 16 Sanction; 18, 19 Combat.

Measures over covered sentences:

- *class agreement*: some extracted event has the class of a coded root;
- *CAMEO root agreement*: some extracted event's CAMEO code has a coded root (two digits);
- *source / target agreement*: among root-agreeing sentences with a three-letter country
  code, an agreeing event has an actor of that country (as in ``bench_plover.py``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from bench_plover import SOURCE_ROLES, TARGET_ROLES, country_codes
from halves import half

from kg.extract import load_nlp
from kg.model import Article
from kg.pipeline import extract_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "bench" / "petrarch-gsr" / "PETR2_GSR_validation.xml"

ROOT_CLASS: dict[str, frozenset[str]] = {
    "01": frozenset({"Statement"}), "11": frozenset({"Statement"}),
    "12": frozenset({"Statement"}), "02": frozenset({"Appeal"}), "10": frozenset({"Appeal"}),
    "03": frozenset({"Cooperation"}), "05": frozenset({"Cooperation"}),
    "06": frozenset({"Cooperation"}), "04": frozenset({"Meeting"}),
    "07": frozenset({"Transfer"}), "15": frozenset({"Deployment", "Training"}),
    "16": frozenset({"Sanction"}), "18": frozenset({"Combat"}), "19": frozenset({"Combat"}),
}
_SENTENCE = re.compile(r'<Sentence\b[^>]*\bid="([^"]+)"[^>]*/?>(.*?)(?=<Sentence\b|</Sentences>)',
                       re.S)
_CODING = re.compile(r'<EventCoding\b([^>]*)/?>')
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def records(path: Path) -> list[tuple[str, str, list[dict[str, str]]]]:
    """(id, text, codings) of every sentence with a text and at least one event code."""
    out = []
    for sid, block in _SENTENCE.findall(path.read_text(encoding="utf-8")):
        text = _TEXT.search(block)
        codings = [dict(_ATTR.findall(m)) for m in _CODING.findall(block)]
        codings = [c for c in codings if c.get("eventcode", "").isdigit()]
        if text and codings:
            out.append((sid, " ".join(text.group(1).split()), codings))
    return out


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.is_file():
        print(f"{path}: not found (pass the PETR2_GSR_validation.xml path)", file=sys.stderr)
        return 2
    recs = [(sid, text, [c for c in codings if c["eventcode"][:2] in ROOT_CLASS])
            for sid, text, codings in records(path)]
    recs = [r for r in recs if r[2]]
    articles = [Article(key=sid, title="", body=text) for sid, text, _ in recs]
    extractions = list(extract_articles(articles, nlp=load_nlp()))
    tally: Counter[tuple[str, str]] = Counter()  # (half, measure) → count
    for (_, text, codings), ext in zip(recs, extractions, strict=True):
        part = half(text)
        tally[part, "n"] += 1
        roots = {c["eventcode"][:2] for c in codings}
        classes = set().union(*(ROOT_CLASS[r] for r in roots))
        tally[part, "class"] += any(e.type.value in classes for e in ext.events)
        good = [e for e in ext.events if e.cameo[:2] in roots]
        tally[part, "root"] += bool(good)
        if listing and not good and part == "dev":
            got = ", ".join(f"{e.cameo}:{e.trigger.text}" for e in ext.events) or "-"
            print(f"{'/'.join(sorted(c['eventcode'] for c in codings)):<10} {got:<34} {text[:100]}")
        if good:
            for key, roles, name in (("sourcecode", SOURCE_ROLES, "src"),
                                     ("targetcode", TARGET_ROLES, "tgt")):
                want = {c.get(key, "")[:3] for c in codings if len(c.get(key, "")) >= 3}
                if want:
                    tally[part, f"{name}_n"] += 1
                    tally[part, name] += any(want & country_codes(ext, e, roles) for e in good)
    for label, parts in (("", ("dev", "test")), ("dev: ", ("dev",)), ("test: ", ("test",))):
        def count(measure: str, parts: tuple[str, ...] = parts) -> int:
            return sum(tally[p, measure] for p in parts)
        n = count("n")
        print(f"{label}covered sentences        {n}")
        for measure, total, title in (("class", "n", "class agreement"),
                                      ("root", "n", "CAMEO root agreement"),
                                      ("src", "src_n", "source country agreement"),
                                      ("tgt", "tgt_n", "target country agreement")):
            ok, of = count(measure), count(total)
            print(f"{label}{title:<24} {ok}/{of} = {ok / max(of, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
