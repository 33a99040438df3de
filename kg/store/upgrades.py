"""Upgrades of a store written by an older kg (or by another tool): what later versions
write with every article graph, added to the graphs stored before. Each check is one
index look-up, so a store that is up to date costs nothing to open; :func:`upgrade` runs
the upgrades it needs and returns what it did. A writable
:class:`~kg.store.KnowledgeGraph` runs it when opened, with a notice
(:func:`upgrade_on_open`); ``kg upgrade`` (:meth:`~kg.store.KnowledgeGraph.upgrade`) runs
it explicitly; a load adds counts and derived triples to the graphs it loads. A store
opened read-only is read as it is, with a notice saying to run ``kg upgrade``
(:func:`hint_on_open`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pyoxigraph as ox
import rdflib
from rdflib import URIRef

from kg.errors import StoreError
from kg.rdf.vocab import KG, PREFIXES, SEM, TIME
from kg.store.quads import _ntriples
from kg.store.terms import META_GRAPH, _one_line, _ox_node, _ox_term

if TYPE_CHECKING:
    from kg.store.core import KnowledgeGraph

__all__ = ["COUNTS", "DERIVED", "UNION", "add_derived", "add_event_counts", "hint_on_open",
           "missing", "union_missing", "upgrade", "upgrade_on_open"]

log = logging.getLogger("kg.store")

#: The upgrades, as :func:`upgrade` names them.
UNION = "the union of the article graphs"
COUNTS = "event counts"
DERIVED = "time stamps, event dates and tallies"


def upgrade(kg: KnowledgeGraph) -> list[str]:
    """Add what an older kg did not write: the union default graph (a store written by
    another tool, e.g. ``oxigraph load``), event counts, time stamps, tallies. Returns
    the names of the upgrades done (:data:`UNION`, :data:`COUNTS`, :data:`DERIVED`), in
    that order; empty when the store was up to date."""
    done: list[str] = []
    if union_missing(kg):
        kg.rebuild_union()
        done.append(UNION)
    if counts_missing(kg):
        add_event_counts(kg)
        done.append(COUNTS)
    if derived_missing(kg):
        add_derived(kg)
        done.append(DERIVED)
    return done


def upgrade_on_open(kg: KnowledgeGraph) -> None:
    """Upgrade a store just opened for writing, and say so: a WARNING on the logger
    ``kg.store`` names the store and what was added (once: the next open has nothing to
    do; ``kg`` commands print it as one line on stderr)."""
    done = kg.upgrade()
    if done:
        log.warning("%s: upgraded a store written by an older kg: added %s", kg._where(),
                    ", ".join(done))


def missing(kg: KnowledgeGraph) -> list[str]:
    """The upgrades :func:`upgrade` would do (:data:`UNION`, :data:`COUNTS`,
    :data:`DERIVED`), without doing them: a few index look-ups."""
    checks = ((UNION, union_missing), (COUNTS, counts_missing), (DERIVED, derived_missing))
    return [name for name, check in checks if check(kg)]


def hint_on_open(kg: KnowledgeGraph) -> None:
    """Say, once per store and process, that a store just opened read-only was written by
    an older kg and how to upgrade it: a WARNING on the logger ``kg.store`` (``kg``
    commands print it as one line on stderr). The store is read as it is."""
    # counts matter once there are events: a graph of articles without events (given to
    # add_article_graph, which keeps a graph without a count that way) is not "old"
    what = [name for name in missing(kg) if name != COUNTS or _has(kg, KG.cameoCode)]
    if what and kg._where() not in _HINTED:
        _HINTED.add(kg._where())
        log.warning("%s: the store lacks %s, which an older kg (or another tool) did not "
                    "write, and answers may miss them: run kg upgrade --store %s",
                    kg._where(), ", ".join(what), kg._where())


_HINTED: set[str] = set()


def _has(kg: KnowledgeGraph, predicate: URIRef, obj: URIRef | None = None) -> bool:
    """Whether the union holds any triple with this predicate (and object): one index
    look-up, for the checks that find a store written by an older kg."""
    o = None if obj is None else _ox_node(obj)
    return next(iter(kg.store.quads_for_pattern(None, _ox_node(predicate), o,
                                                  ox.DefaultGraph())), None) is not None


def counts_missing(kg: KnowledgeGraph) -> bool:
    """A store with articles and no ``kg:eventCount`` at all was written before kg
    stored the counts."""
    return not _has(kg, KG.eventCount) and _has(kg, rdflib.RDF.type, KG.Article)


def add_event_counts(kg: KnowledgeGraph) -> None:
    """Give articles stored before kg wrote ``kg:eventCount`` their count, in their own
    graph and in the union (a one-off upgrade; a store that has them all is left as
    it is). The count is the mapping's own (:func:`kg.rdf.derived.event_count_triples`)
    over each article graph."""
    from kg.rdf.derived import event_count_triples

    lacking = ("SELECT ?a WHERE { GRAPH ?a { ?a a kg:Article "
               "FILTER NOT EXISTS { ?a kg:eventCount ?stored } } FILTER(?a != kgr:meta) }")
    try:
        store = kg.store
        articles = [s["a"] for s in store.query(lacking, prefixes=PREFIXES)]  # type: ignore[union-attr]
        quads: list[ox.Quad] = []
        for a in articles:
            assert isinstance(a, ox.NamedNode)
            for s, p, o in event_count_triples(kg.graph_of(URIRef(a.value))):
                triple = (ox.NamedNode(str(s)), ox.NamedNode(str(p)), _ox_term(o))
                quads += [ox.Quad(*triple, a), ox.Quad(*triple)]
        if quads:
            store.extend(quads)
    except (OSError, RuntimeError) as e:
        raise StoreError(f"{kg._where()}: cannot add event counts: {_one_line(e)}") from e


def derived_missing(kg: KnowledgeGraph) -> bool:
    """A store with quantities and no ``kg:tally`` at all, dated times and no
    ``sem:hasTimeStamp`` at all, or events and dates (their own or their articles') and no
    ``kg:dateSource`` at all, was written before kg derived them."""
    return ((not _has(kg, KG.tally) and _has(kg, KG.quantity))
            or (not _has(kg, SEM.hasTimeStamp) and _has(kg, TIME.inXSDDate))
            or (not _has(kg, KG.dateSource)
                and (_has(kg, KG.published) or _has(kg, TIME.inXSDDate))))


def add_derived(kg: KnowledgeGraph) -> None:
    """Give the article graphs written before kg derived time stamps, event dates and
    tallies what the mapping derives (:func:`kg.rdf.derived.derived_triples`), in the
    graph and in the union."""
    from kg.rdf.derived import derived_triples

    lacking = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { { ?e kg:quantity ?q . "
               "FILTER NOT EXISTS { ?q kg:tally ?t } ?e kg:agent|kg:participant ?x ; "
               "kg:location|kg:destination ?w } UNION { ?e sem:hasTime ?t . "
               "?t time:inXSDDate ?d FILTER NOT EXISTS { ?e sem:hasTimeStamp ?d } } UNION { "
               "?e a ?type ; kg:article ?a FILTER(?type IN (kg:Meeting, kg:Deployment, "
               "kg:Statement, kg:Transfer, kg:Appeal, kg:Training, kg:Combat, kg:Cooperation, "
               "kg:Sanction)) "
               "FILTER NOT EXISTS { ?e kg:dateSource ?s } "
               "{ ?a kg:published ?p } UNION { ?e sem:hasTime/time:inXSDDate ?d } } } }")
    try:
        store = kg.store
        graphs = [s["g"] for s in store.query(lacking, prefixes=PREFIXES)]  # type: ignore[union-attr]
        for g in graphs:
            assert isinstance(g, ox.NamedNode)
            text = _ntriples((str(_ox_term(s)), str(_ox_term(p)), str(_ox_term(o)))
                             for s, p, o in derived_triples(kg.graph_of(URIRef(g.value))))
            if text:
                store.update(f"INSERT DATA {{ GRAPH {g} {{\n{text}\n}}\n{text}\n}}")
    except (OSError, RuntimeError) as e:
        raise StoreError(f"{kg._where()}: cannot add derived triples: {_one_line(e)}"
                         ) from e


def union_missing(kg: KnowledgeGraph) -> bool:
    store = kg.store
    has_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())),
                       None) is not None
    if has_default:
        return False
    meta = _ox_node(META_GRAPH)
    return any(g != meta for g in store.named_graphs())
