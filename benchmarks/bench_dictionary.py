"""kg beside the field's plain method, in one run: a PETRARCH2 dictionary coder.

    .venv/bin/python benchmarks/bench_dictionary.py [--split dev|test|both]

The *dictionary coder* marks every verb and every event noun found in PETRARCH2's CAMEO
dictionary (as kg ships it derived in ``kg/data/lexicon/petrarch2``: a verb with a
default code of one of kg's nine classes, a noun that is an event object of one class) as
an event of its code's class, with every entity named in its sentence as a participant —
sentence-level dictionary coding, no other rule. It uses kg's own entities (the same
spaCy parse and entity resolution), so the comparison is of event finding only. Both are
scored by :mod:`kg.evaluate` on the gold splits (pooled counts); for the frozen test split
only aggregates are printed.

Target of the extraction issue: kg's recall ≥ the coder's recall, and kg's precision ≥ 2×
the coder's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from kg.evaluate import Report, evaluate, load_gold, pooled
from kg.extract import analyze, load_nlp
from kg.model import Analysis, Argument, Entity, Event, EventType, Extraction, Mention, Role
from kg.pipeline import extract_analysis, read_all
from kg.rdf.mapping import extractions_dataset
from kg.resolve import resolve_entities

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("kg").joinpath(f"data/lexicon/petrarch2/{name}.tsv").read_text(
        encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def dictionary() -> tuple[dict[str, tuple[str, EventType]], dict[str, tuple[str, EventType]]]:
    """(verb lemma → (code, class), noun lemma → (code, class)) of the dictionary."""
    verbs = {r[0]: (r[2], EventType(r[3])) for r in _rows("verbs")
             if r[3] != "-" and " " not in r[0]}
    nouns = {r[0]: (r[1], EventType(r[2])) for r in _rows("nouns")}
    return verbs, nouns


def code_events(analysis: Analysis, entities: tuple[Entity, ...],
                verbs: dict[str, tuple[str, EventType]],
                nouns: dict[str, tuple[str, EventType]]) -> tuple[Event, ...]:
    parse = analysis.parse
    by_sentence: dict[int, list[tuple[str, Mention]]] = {}
    for e in entities:
        for m in e.mentions:
            by_sentence.setdefault(m.sentence, []).append((e.key, m))
    events: list[Event] = []
    for tok in parse.tokens:
        low = tok.lemma.lower()
        hit = verbs.get(low) if tok.pos == "VERB" else (
            nouns.get(low) if tok.pos == "NOUN" else None)
        if hit is None:
            continue
        code, kind = hit
        sent = parse.sentences[tok.sent]
        seen: set[str] = set()
        args = []
        for key, m in by_sentence.get(tok.sent, []):
            if key not in seen:
                seen.add(key)
                args.append(Argument(Role.PARTICIPANT, key, m))
        trigger = Mention(span=tok.span, text=tok.text, label=kind.value.upper(), start=tok.i,
                          end=tok.i + 1, sentence=tok.sent)
        events.append(Event(type=kind, trigger=trigger, evidence=sent.span,
                            arguments=tuple(args), cameo=code))
    return tuple(events)


def score_split(golds: list[Path]) -> tuple[Report, Report]:
    """(kg, dictionary coder) pooled over ``golds``."""
    nlp = load_nlp()
    verbs, nouns = dictionary()
    ours: list[Report] = []
    theirs: list[Report] = []
    for g in golds:
        gold = load_gold(g)
        for analysis in analyze(read_all([gold.article_path]), nlp=nlp):
            ext = extract_analysis(analysis)
            ours.append(evaluate(g, extractions_dataset([ext])))
            entities = resolve_entities(analysis)
            coded = Extraction(article=analysis.article, entities=entities,
                               events=code_events(analysis, entities, verbs, nouns))
            theirs.append(evaluate(g, extractions_dataset([coded])))
    return pooled(ours, "kg"), pooled(theirs, "dictionary coder")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = ap.parse_args(argv)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    print(f"{'split':<6} {'coder':<18} {'P':>5} {'R':>5} {'F1':>5}   {'out':>9} {'gold':>9}")
    for split in splits:
        kg_report, coder = score_split(sorted((GOLD / split).glob("*.gold.json")))
        for r in (kg_report, coder):
            e = r.events
            print(f"{split:<6} {r.gold.name:<18} {e.precision:5.2f} {e.recall:5.2f} {e.f1:5.2f}"
                  f"   {e.paired_output:>4}/{e.output:<4} {e.paired_gold:>4}/{e.gold:<4}")
        ratio = (kg_report.events.precision / coder.events.precision
                 if coder.events.precision else float("inf"))
        print(f"{split:<6} kg precision = {ratio:.1f} × the coder's; recall "
              f"{'≥' if kg_report.events.recall >= coder.events.recall else '<'} the coder's")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
