"""Counting real events: the reports of one ``kg:Occurrence`` as one event node.

An event node of an article graph is a *report*; the reports of one real-world event
are linked to one occurrence (``kg:report``, see docs/occurrences.md). What the analysis,
the pictures and :func:`kg.read.states.dyads` count is chosen by ``count``
(:class:`kg.model.Count`): ``occurrences`` (the default) or ``reports``.

>>> said = Evidence("Ann met Bo.", "article/a")
>>> told = Evidence("Ann and Bo met.", "article/b")
>>> data = GraphData(
...     events={"a#1": EventNode("a#1", "Meeting", "met", evidence=(said,), occurrence="o"),
...             "b#1": EventNode("b#1", "Meeting", "met", evidence=(told,), occurrence="o")},
...     roles=(RoleEdge("a#1", "participant", "ann"), RoleEdge("b#1", "participant", "ann"),
...            RoleEdge("b#1", "participant", "bo")))
>>> one = by_occurrence(data)
>>> [(e.iri, e.reports, e.sources) for e in one.events.values()]
[('o', ('a#1', 'b#1'), 2)]
>>> [(r.event, r.entity) for r in one.roles]
[('o', 'ann'), ('o', 'bo')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import chain, zip_longest

from kg.model import Count
from kg.read.records import EventNode, Evidence, GraphData, RoleEdge

__all__ = ["Count", "by_occurrence", "unit"]


def unit(event: EventNode, count: Count) -> str:
    """What ``event`` counts as: its occurrence's IRI (a report linked to none, or any
    report when counting ``reports``: its own IRI)."""
    return event.iri if count is Count.REPORTS else event.occurrence or event.iri


def by_occurrence(data: GraphData) -> GraphData:
    """``data`` with one event node per occurrence (see :attr:`EventNode.reports`): its
    roles are those of all its reports (each once), its evidence all theirs, one span of
    each report first; the rest is its earliest report's (by date, then IRI). Entities
    are kept as they are."""
    members: dict[str, list[EventNode]] = defaultdict(list)
    for e in data.events.values():
        members[unit(e, Count.OCCURRENCES)].append(e)
    events: dict[str, EventNode] = {}
    for occ in sorted(members):
        reports = sorted(members[occ], key=lambda e: (e.date or "9999", e.iri))
        events[occ] = replace(reports[0], iri=occ, occurrence=None,
                              reports=tuple(e.iri for e in reports),
                              evidence=_interleave([e.evidence for e in reports]))
    of = {e.iri: unit(e, Count.OCCURRENCES) for e in data.events.values()}
    roles = sorted({RoleEdge(of.get(r.event, r.event), r.role, r.entity) for r in data.roles},
                   key=lambda r: (r.event, r.role, r.entity))
    return GraphData(data.entities, events, tuple(roles))


def _interleave(spans: list[tuple[Evidence, ...]]) -> tuple[Evidence, ...]:
    """The reports' evidence, the first span of each report first, each span once."""
    seen: dict[Evidence, None] = {}
    for ev in chain.from_iterable(zip_longest(*spans)):
        if ev is not None:
            seen.setdefault(ev, None)
    return tuple(seen)
