"""The network view of the graph: :func:`load_graph_data` reads events, entities and the
role edges between them into a plain :class:`~kg.read.records.GraphData`, the input of
:mod:`kg.analysis`, :mod:`kg.viz` and :meth:`kg.api.GeoKG.graph_data`."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import rdflib
from rdflib.term import Literal

from kg.read.records import EntityNode, EventNode, Evidence, GraphData, RoleEdge
from kg.read.source import Queryable, RdflibSource, read_query
from kg.read.terms import KIND_ORDER, iri_tail, local_name, smallest, text

__all__ = ["load_graph_data"]

_KINDS: tuple[str, ...] = tuple(t.value for t in KIND_ORDER)


def _evidence_key(ev: Evidence) -> tuple[str, str, str]:
    """Order of preference when one mention has several titles or dates."""
    return (ev.title or "\uffff", ev.published or "\uffff", ev.source or "\uffff")


def _date(rec: dict[str, Any]) -> tuple[str | None, str | None]:
    """The date an event is read at and its source; a store written before kg stored
    ``kg:eventDate`` (not upgraded) has the event's own date only."""
    if rec.get("date") is not None:
        return rec["date"], rec.get("date_source")
    own = rec.get("own_date")
    return own, "OwnDate" if own else None


def load_graph_data(source: Queryable | rdflib.Graph) -> GraphData:
    """Pull events, entities and their role edges out of an RDF graph.

    ``source`` is a :class:`~kg.read.source.Queryable` (such as
    :class:`kg.store.KnowledgeGraph`) or an rdflib ``Graph`` / ``Dataset`` (queried as the
    union of its graphs). Event and entity classes are matched by their IRIs, no
    inference needed. An entity reached by a role but carrying no entity class gets kind
    ``"Entity"`` and, if unlabelled, the last part of its IRI as label. Each event is a
    report, with the occurrence it belongs to (:attr:`EventNode.occurrence`): one node per
    real event is :meth:`GraphData.counting`.
    """
    q: Queryable = RdflibSource(source) if isinstance(source, rdflib.Graph) else source

    kinds: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str | None] = {}
    for row in q.query(read_query("graph_entities")).rows:
        x = text(row["x"])
        if x is None:
            continue
        kinds[x].add(local_name(row["type"]) or "")
        labels[x] = smallest(labels.get(x), text(row["label"]))
    for row in q.query(read_query("graph_labels")).rows:
        x = text(row["x"])
        if x is not None:
            labels[x] = smallest(labels.get(x), text(row["label"]))

    ev: dict[str, dict[str, Any]] = {}
    for row in q.query(read_query("graph_events")).rows:
        e = text(row["e"])
        if e is None:
            continue
        rec = ev.setdefault(e, {})
        for key, var, conv in (("type", "type", local_name), ("label", "label", text),
                               ("cameo", "cameo", text), ("plover", "plover", text),
                               ("modality", "modality", local_name),
                               ("polarity", "polarity", local_name),
                               ("attributed_to", "attr", text), ("quote", "quote", text),
                               ("date", "date", text), ("own_date", "ownDate", text),
                               ("date_source", "dateSource", local_name)):
            rec[key] = smallest(rec.get(key), conv(row[var]))

    evidence: dict[str, dict[tuple[str, int, str], Evidence]] = defaultdict(dict)
    for row in q.query(read_query("graph_evidence")).rows:
        e, said = text(row["e"]), text(row["text"])
        if e is None or said is None:
            continue
        begin = row["begin"]
        pos = int(begin.toPython()) if isinstance(begin, Literal) and \
            str(begin).lstrip("-").isdigit() else 0
        article = text(row["article"])
        span = (article or "", pos, said)
        old = evidence[e].get(span)
        new = Evidence(said, article, text(row["title"]) or text(row["articleLabel"]),
                       text(row["published"]), text(row["source"]), text(row["url"]))
        if old is None or _evidence_key(new) < _evidence_key(old):
            evidence[e][span] = new

    occurrence = {e: text(row["occ"]) for row in q.query(read_query("graph_occurrences")).rows
                  if (e := text(row["e"])) is not None and e in ev}

    roles: list[RoleEdge] = []
    for row in q.query(read_query("graph_roles")).rows:
        e, role, x = text(row["e"]), local_name(row["role"]), text(row["x"])
        if e is not None and role is not None and x is not None and e in ev:
            roles.append(RoleEdge(e, role, x))
    roles.sort(key=lambda r: (r.event, r.role, r.entity))

    entities: dict[str, EntityNode] = {}
    for x in sorted(set(kinds) | {r.entity for r in roles}):
        kind = next((k for k in _KINDS if k in kinds.get(x, ())), "Entity")
        entities[x] = EntityNode(x, labels.get(x) or iri_tail(x), kind)

    events: dict[str, EventNode] = {}
    for e in sorted(ev):
        rec = ev[e]
        attr = rec.get("attributed_to")
        attribution = entities[attr].label if attr in entities else labels.get(attr or "")
        found = evidence.get(e, {})
        evs = tuple(found[k] for k in sorted(found))
        day, day_source = _date(rec)
        events[e] = EventNode(
            iri=e, type=rec["type"], label=rec.get("label") or rec["type"],
            cameo=rec.get("cameo"), plover=rec.get("plover"), modality=rec.get("modality"),
            polarity=rec.get("polarity"), attributed_to=attr, attribution=attribution,
            evidence=evs, quote=rec.get("quote"), date=day, date_source=day_source,
            occurrence=occurrence.get(e))
    return GraphData(entities=entities, events=events, roles=tuple(roles))
