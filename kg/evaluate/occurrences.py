"""Scoring event identity across articles: the occurrence gold set and its measures.

The gold set (``data/gold/occurrences/occurrences.json``, format in that folder's README)
lists *groups* of confusable real events; each group holds *clusters* (one real event
each) and each cluster the *reports* of it: an article (``doc``), the event class and the
trigger text kg reads, and optionally a piece of the evidence sentence (``context``) to
choose between two events with the same trigger.

- :func:`load_gold` reads the file; :func:`split_of` puts each group in ``dev`` or
  ``test`` by a fixed rule (the SHA-1 of the group id), so no group straddles the split.
- :func:`resolve` finds, for each gold report, the event kg extracted from that article
  (a :class:`Candidate` supplied by the caller).
- :func:`pairwise` and :func:`bcubed` compare a predicted partition of the resolved
  reports with the gold clusters. Pairs are counted over reports of *different articles*
  (CONTRACT.md, "Occurrences"), B³ over all resolved reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

__all__ = [
    "Candidate",
    "GoldCluster",
    "GoldReport",
    "Scores",
    "bcubed",
    "load_gold",
    "pairwise",
    "resolve",
    "split_of",
]


@dataclass(frozen=True, slots=True)
class GoldReport:
    doc: str  # "wpce:<line>" or "wikinews:<title as in the URL>"
    cls: str  # event class name, e.g. "Combat"
    trigger: str
    context: str = ""


@dataclass(frozen=True, slots=True)
class GoldCluster:
    id: str
    group: str
    reports: tuple[GoldReport, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event kg extracted: its id (e.g. its IRI), article, class, trigger, sentence."""

    id: str
    doc: str
    cls: str
    trigger: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int


def split_of(group_id: str) -> str:
    """``dev`` or ``test``: the parity of the last hex digit of the group id's SHA-1."""
    digit = int(hashlib.sha1(group_id.encode("utf-8")).hexdigest()[-1], 16)
    return "dev" if digit % 2 == 0 else "test"


def load_gold(path: str | Path, split: str | None = None) -> list[GoldCluster]:
    """The clusters of the gold file (of one split, if given), in file order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    clusters: list[GoldCluster] = []
    for group in data["groups"]:
        if split is not None and split_of(group["id"]) != split:
            continue
        for c in group["clusters"]:
            reports = tuple(GoldReport(r["doc"], r["class"], r["trigger"], r.get("context", ""))
                            for r in c["reports"])
            clusters.append(GoldCluster(c["id"], group["id"], reports))
    return clusters


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def resolve(clusters: Sequence[GoldCluster], candidates: Iterable[Candidate]
            ) -> tuple[dict[str, str], list[GoldReport]]:
    """Map each gold report to a candidate event: ``({candidate id: cluster id}, missed)``.

    A candidate matches when it is from the report's article, of its class, its trigger
    equals the gold trigger (case and spacing ignored; else contains it) and its sentence
    contains the gold ``context``. The first match in candidate order is taken; a
    candidate is used by one gold report at most.
    """
    by_doc: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_doc.setdefault(c.doc, []).append(c)
    found: dict[str, str] = {}
    missed: list[GoldReport] = []
    for cluster in clusters:
        for r in cluster.reports:
            pool = [c for c in by_doc.get(r.doc, ()) if c.cls == r.cls and c.id not in found
                    and _norm(r.context) in _norm(c.sentence)]
            exact = [c for c in pool if _norm(c.trigger) == _norm(r.trigger)]
            loose = [c for c in pool if _norm(r.trigger) in _norm(c.trigger)]
            match = (exact or loose)[0] if exact or loose else None
            if match is None:
                missed.append(r)
            else:
                found[match.id] = cluster.id
    return found, missed


def _pairs(labels: Mapping[str, str], doc_of: Mapping[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, []).append(item)
    out: set[tuple[str, str]] = set()
    for items in groups.values():
        for a, b in combinations(sorted(items), 2):
            if doc_of[a] != doc_of[b]:
                out.add((a, b))
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str],
             doc_of: Mapping[str, str]) -> Scores:
    """Pairwise precision / recall of merged reports from different articles.

    ``gold`` and ``predicted`` map each report id to its cluster / occurrence id (only the
    reports in ``gold`` are scored); ``doc_of`` gives each report's article. With no
    predicted pairs precision is 1.0; with no gold pairs recall is 1.0.
    """
    pred = {k: predicted[k] for k in gold}
    g, p = _pairs(gold, doc_of), _pairs(pred, doc_of)
    tp = len(g & p)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    return Scores(precision, recall, _f1(precision, recall), tp, len(p), len(g))


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 over the reports of ``gold``."""
    if not gold:
        return 1.0, 1.0, 1.0
    pred = {k: predicted[k] for k in gold}
    g_members: dict[str, set[str]] = {}
    p_members: dict[str, set[str]] = {}
    for k in gold:
        g_members.setdefault(gold[k], set()).add(k)
        p_members.setdefault(pred[k], set()).add(k)
    p_sum = r_sum = 0.0
    for k in gold:
        same = g_members[gold[k]] & p_members[pred[k]]
        p_sum += len(same) / len(p_members[pred[k]])
        r_sum += len(same) / len(g_members[gold[k]])
    precision, recall = p_sum / len(gold), r_sum / len(gold)
    return precision, recall, _f1(precision, recall)
