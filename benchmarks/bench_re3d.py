"""Entity recognition on re3d (Dstl): precision, recall and F1 per type, strict and overlap.

Usage::

    .venv/bin/python benchmarks/bench_re3d.py [RE3D_DIR]   # default ../shared/bench/re3d

Each re3d document body is run through ``kg.extract.analyze`` and
``kg.resolve.resolve_entities``; every mention of every resolved entity is a prediction,
typed by its entity's class:

=================  ==========================================================
kg                 re3d
=================  ==========================================================
Person             Person
Organization       Organisation
MilitaryForce      Organisation (re3d marks "the British Army" Organisation)
Place              Location
Country            Organisation when the mention is a demonym in the plural, a
                   people acting ("Syrians": re3d marks those Organisation);
                   Nationality when it is a demonym ("Syrian"), else
                   Location or Organisation (re3d marks a state acting as a
                   government Organisation, "The United States condemns"):
                   it matches either and counts under the one it matched
=================  ==========================================================

re3d MilitaryPlatform, Weapon, Vehicle, Temporal, Quantity... have no kg entity class
and are not scored. Gold spans are deduplicated by (begin, end, type). Strict: same
offsets (a leading "the " ignored on both sides); overlap: any shared character. Each gold
span is matched at most once in strict mode; in overlap mode a gold span is found when a
prediction of its type overlaps it, and a prediction is right when it overlaps a gold span
of its type (the usual lenient measure; nested gold spans can share one prediction).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg import gazetteer
from kg.extract import analyze
from kg.gazetteer import wordset
from kg.model import Article, EntityType
from kg.resolve import DEFINITE_LABEL, PRONOUN_LABEL, resolve_entities

TYPES = ("Person", "Organisation", "Location", "Nationality")
DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "re3d"


@dataclass(frozen=True)
class Ann:
    begin: int
    end: int
    types: frozenset[str]  # the re3d types this span may match


def _json_lines(path: Path) -> Iterator[dict[str, object]]:
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            yield json.loads(line)


#: Each document's publisher (re3d ``sourceName``: "UK Government", "CENTCOM"...), given to
#: kg as the article's source like any input's ``source`` field.
SOURCES: dict[str, str] = {}


def load(root: Path) -> tuple[dict[str, str], dict[str, set[Ann]]]:
    """Document texts by id and their gold spans of the scored types."""
    texts: dict[str, str] = {}
    gold: dict[str, set[Ann]] = {}
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        for d in _json_lines(sub / "documents.json"):
            texts[str(d["_id"])] = str(d["text"])
            SOURCES[str(d["_id"])] = str(d.get("sourceName") or "")
        for e in _json_lines(sub / "entities.json"):
            if e["type"] in TYPES:
                gold.setdefault(str(e["documentId"]), set()).add(
                    Ann(int(e["begin"]), int(e["end"]), frozenset({str(e["type"])})))  # type: ignore[call-overload]
    return texts, gold


def _strip_the(text: str, a: Ann) -> tuple[int, int]:
    return (a.begin + 4, a.end) if text[a.begin:a.begin + 4].lower() == "the " else (
        a.begin, a.end)


def predict(texts: dict[str, str], *, names_only: bool = False) -> dict[str, set[Ann]]:
    """Every mention of every resolved entity; with ``names_only``, not the pronouns and
    definite descriptions ("he", "the city") resolution adds."""
    arts = [Article(key=k, title="", body=t, source=SOURCES.get(k) or None)
            for k, t in texts.items()]
    out: dict[str, set[Ann]] = {}
    for analysis in analyze(arts):
        preds: set[Ann] = set()
        for ent in resolve_entities(analysis):
            for m in ent.mentions:
                if names_only and m.label in (PRONOUN_LABEL, DEFINITE_LABEL):
                    continue
                if ent.type == EntityType.PERSON:
                    types = {"Person"}
                elif ent.type in (EntityType.ORGANIZATION, EntityType.MILITARY_FORCE):
                    types = {"Organisation"}
                elif ent.type == EntityType.PLACE:
                    types = {"Location"}
                elif m.label == "NORP" and _people(m.text):
                    types = {"Organisation"}  # "Syrians", "the Iraqis": a people acting
                elif m.label == "NORP":
                    types = {"Nationality"}
                else:
                    types = {"Location", "Organisation"}
                preds.add(Ann(m.span.begin, m.span.end, frozenset(types)))
        out[analysis.article.key] = preds
    return out


def _people(text: str) -> bool:
    """A demonym in the plural, naming a people ("Syrians"), not the adjective."""
    words = text.split()
    return bool(words) and words[-1].endswith("s") and gazetteer.country_by_demonym(
        words[-1][:-1]) is not None


def score(texts: dict[str, str], gold: dict[str, set[Ann]], pred: dict[str, set[Ann]],
          *, strict: bool) -> dict[str, tuple[int, int, int, int]]:
    """(gold found, predicted, gold, predictions right) per re3d type."""
    tp: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    ngold: Counter[str] = Counter()
    for doc, text in texts.items():
        golds = sorted(gold.get(doc, set()), key=lambda a: (a.begin, a.end, sorted(a.types)))
        for g in golds:
            ngold[next(iter(g.types))] += 1
        if not strict:
            _lenient(golds, pred.get(doc, set()), tp, npred)
            continue
        used: set[Ann] = set()
        for p in sorted(pred.get(doc, set()), key=lambda a: (a.begin, a.end, sorted(a.types))):
            hit = None
            for g in golds:
                if g in used or not (g.types & p.types):
                    continue
                if strict:
                    ok = _strip_the(text, g) == _strip_the(text, p)
                else:
                    ok = g.begin < p.end and p.begin < g.end
                if ok:
                    hit = g
                    break
            if hit is not None:
                used.add(hit)
                t = next(iter(hit.types))
                tp[t] += 1
                npred[t] += 1
            else:
                npred[sorted(p.types)[0]] += 1
    return {t: (tp[t], npred[t], ngold[t], tp["_pred_" + t] if not strict else tp[t])
            for t in TYPES}


def _lenient(golds: list[Ann], preds: set[Ann], tp: Counter[str],
             npred: Counter[str]) -> None:
    """Overlap scoring: a gold span is found when some prediction of its type overlaps
    it; a prediction is right when it overlaps some gold span of its type. (Nested gold
    spans, "eastern Aleppo" and "Aleppo", can both be found by one prediction.)"""
    for g in golds:
        if any(g.types & p.types and g.begin < p.end and p.begin < g.end for p in preds):
            tp[next(iter(g.types))] += 1
    for p in preds:
        hits = [g for g in golds if g.types & p.types and g.begin < p.end and p.begin < g.end]
        npred[next(iter(hits[0].types)) if hits else sorted(p.types)[0]] += 1
        if hits:
            tp["_pred_" + next(iter(hits[0].types))] += 1


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_PRONOUNS = wordset("i we he she they it you our their his her my its them us me your this that")
_DETERMINERS = wordset("the a an")


def is_named(text: str) -> bool:
    """A gold span that names something ("Tobias Ellwood", "the Foreign Secretary"), as
    opposed to a pronoun or a common noun phrase ("We", "the city", "mourners")."""
    words = [w for w in text.split() if w.lower() not in _DETERMINERS]
    return any(w[:1].isupper() and w.lower() not in _PRONOUNS for w in words)


def named_only(texts: dict[str, str], gold: dict[str, set[Ann]]) -> dict[str, set[Ann]]:
    return {d: {a for a in anns if is_named(texts[d][a.begin:a.end])}
            for d, anns in gold.items()}


def table(texts: dict[str, str], gold: dict[str, set[Ann]], pred: dict[str, set[Ann]],
          title: str) -> list[str]:
    lines = [title,
             f"{'type':<13} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} "
             f"{'gold':>5}"]
    for strict in (True, False):
        rows = score(texts, gold, pred, strict=strict)
        for t in TYPES:
            tp, npred, ngold, tp_pred = rows[t]
            p, r, f = _prf(tp_pred, npred, ngold)
            r = tp / ngold if ngold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            mode = "strict" if strict else "overlap"
            lines.append(f"{t:<13} {mode:<8} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {npred:5d} "
                         f"{ngold:5d}")
    return lines


def main(argv: list[str]) -> None:
    root = Path(argv[1]) if len(argv) > 1 else DEFAULT_ROOT
    texts, gold = load(root)
    pred = predict(texts)
    named = named_only(texts, gold)
    n_all = sum(len(g) for g in gold.values())
    n_named = sum(len(g) for g in named.values())
    print(f"re3d: {len(texts)} documents")
    print("\n".join(table(texts, gold, pred, f"all gold spans ({n_all})")))
    print()
    print("\n".join(table(texts, named, predict(texts, names_only=True),
                          f"named gold spans only ({n_named}; no pronouns or common nouns), "
                          "name mentions only")))


if __name__ == "__main__":
    main(sys.argv)
