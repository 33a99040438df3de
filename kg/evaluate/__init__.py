"""Scoring an RDF output against gold annotations, exactly as CONTRACT.md ("Gold
annotations") defines it.

- Entities: an output node whose direct ``rdf:type`` is the gold type and whose
  ``rdfs:label`` / ``skos:altLabel`` equals the gold label or an alias (case, punctuation, a
  leading "the" and a possessive "'s" ignored). Gold and output are paired by a maximum
  bipartite matching, so a second node for the same real thing is a false positive.
- Events: an output event of an allowed type whose reachable labels (labels of the nodes
  within two hops, not through ``kg:evidence`` / ``kg:trigger`` / ``kg:article``) include
  every gold participant (``A|B``: either); pairs by a maximum matching (required gold
  events first). Precision = paired output events / output events; recall = paired
  required gold events / required gold events. Optional gold items are neither required
  nor false positives.
- Arguments (place, quantity, time, time_text, modality, polarity) are scored on paired
  events, each where the gold event states it.
- Per class: precision and recall of each event class, and a confusion of classes
  (:mod:`kg.evaluate.scoring`); :func:`pooled` sums several files' counts.

``evaluate(gold_path, graph) -> Report``; :func:`format_report` renders it as text.

Modules: :mod:`~kg.evaluate.gold` (gold files), :mod:`~kg.evaluate.output` (what is read
of the RDF), :mod:`~kg.evaluate.scoring` (matching and counts), :mod:`~kg.evaluate.text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GoldError
from kg.evaluate.gold import Gold, GoldEntity, GoldEvent, load_gold, normalize
from kg.evaluate.output import OutEntity, OutEvent, load_graph, read_output
from kg.evaluate.scoring import ARGUMENTS, Report, Score, pooled, score
from kg.evaluate.text import format_confusion, format_report, format_summary

__all__ = [
    "ARGUMENTS",
    "Gold",
    "GoldEntity",
    "GoldError",
    "GoldEvent",
    "OutEntity",
    "OutEvent",
    "Report",
    "Score",
    "evaluate",
    "evaluate_all",
    "format_confusion",
    "format_report",
    "format_summary",
    "load_gold",
    "load_graph",
    "normalize",
    "pooled",
    "read_output",
    "score",
]


def evaluate(gold_path: str | Path, graph: Graph | Dataset) -> Report:
    """Score ``graph`` (the RDF output for the gold's article) against ``gold_path``."""
    gold = load_gold(gold_path)
    entities, events = read_output(graph)
    return score(gold, entities, events)


def evaluate_all(gold_paths: Sequence[str | Path],
                 graph_for: Callable[[Gold], Graph | Dataset]) -> list[Report]:
    """Score each gold file against the graph ``graph_for(gold)`` returns for it."""
    reports: list[Report] = []
    for path in gold_paths:
        gold = load_gold(path)
        entities, events = read_output(graph_for(gold))
        reports.append(score(gold, entities, events))
    return reports
