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
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import chain, zip_longest

from kg.model import Count, EventType
from kg.queries import check_count
from kg.read.records import EventNode, EventRecord, Evidence, GraphData, RoleEdge
from kg.read.source import Queryable, read_query
from kg.read.terms import local_name, python_value

__all__ = ["Count", "by_occurrence", "events_per_class", "records_by_occurrence", "unit"]


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


def records_by_occurrence(records: Sequence[EventRecord], occurrence: Mapping[str, str],
                          count: Count = Count.OCCURRENCES) -> list[EventRecord]:
    """What :meth:`kg.api.GeoKG.events` lists: with ``count`` occurrences, one record per
    occurrence (``occurrence`` maps a report's IRI to its occurrence's; a report linked to
    none is its own), the earliest of its reports in ``records`` (by date, then IRI), with
    :attr:`~EventRecord.reports` the IRIs of those reports (itself first) and
    :attr:`~EventRecord.articles` their articles; with ``reports``, every record, naming
    its occurrence. The order is that of ``records`` (of the record kept).

    >>> a, b = (EventRecord(e, EventType.MEETING, "met", article=e[0]) for e in ("a#1", "b#1"))
    >>> [(r.iri, r.reports, r.articles, r.occurrence)
    ...  for r in records_by_occurrence([b, a], {"a#1": "o", "b#1": "o"})]
    [('a#1', ('a#1', 'b#1'), ('a', 'b'), 'o')]
    """
    members: dict[str, list[EventRecord]] = defaultdict(list)
    for r in records:
        members[r.iri if count is Count.REPORTS else occurrence.get(r.iri, r.iri)].append(r)
    kept: dict[str, EventRecord] = {}
    for group in members.values():
        group.sort(key=lambda r: (str(r.date) if r.date else "9999", r.iri))
        first = group[0]
        kept[first.iri] = replace(
            first, occurrence=occurrence.get(first.iri), reports=tuple(r.iri for r in group),
            articles=tuple(dict.fromkeys(r.article for r in group if r.article)))
    return [kept[r.iri] for r in records if r.iri in kept]


def events_per_class(source: Queryable, count: Count | str | None = None) -> dict[str, int]:
    """How many events of each of the nine classes ``source`` holds (every class, 0 when
    none): occurrences (a report linked to none counts as its own), or reports (``count``
    ``"reports"``: the event nodes); what :meth:`kg.api.GeoKG.stats` and ``kg stats``
    give. The count is bound, never pasted into the query."""
    found: dict[str | None, int] = {}
    for row in source.query(read_query("event_counts"), {"count": check_count(count).value}).rows:
        n = python_value(row["n"])
        found[local_name(row["type"])] = n if isinstance(n, int) else 0
    return {t.value: found.get(t.value, 0) for t in EventType}
