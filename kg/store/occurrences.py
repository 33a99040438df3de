"""The occurrence layer of a store, kept up to date article by article.

When an article is written (or removed), :func:`update_occurrences` re-links only what the
article touches, never the corpus:

1. the occurrences holding the article's old reports are dropped, and their other reports
   are linked again (an occurrence that lost a report may fall apart);
2. candidate occurrences for the new reports are found by class and day (the reports'
   days, widened by the class window and the publication slack), read back from their
   ``kg:feature*`` triples (:func:`kg.rdf.occurrences.read_occurrences`);
3. :func:`kg.occurrences.link` adds the reports to them or founds new ones;
4. the difference is written to the occurrence graph (``kgr:occurrences``) and to the
   union default graph in one update (IRIs and literals written as N-Triples terms).
   Candidates are found by index reads of the occurrence graph (reports by
   ``kg:featureDay`` and ``kg:featureArticle``), not by query text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.errors import StoreError
from kg.model import EventType, Extraction
from kg.occurrences import Occurrence, Report, link, reports_of
from kg.occurrences.linking import reach
from kg.rdf.iris import event_iris, occurrence_iri, occurrences_graph_iri
from kg.rdf.occurrences import occurrence_triples, read_occurrences
from kg.rdf.tallies import Triple
from kg.rdf.vocab import KG
from kg.store.quads import _ntriples
from kg.store.terms import _one_line, _ox_node, _ox_term, _rdflib_term

if TYPE_CHECKING:
    from kg.store.core import KnowledgeGraph

__all__ = ["OCCURRENCES_GRAPH", "article_reports", "link_reports", "occurrences",
           "relink_all", "update_occurrences"]

#: The named graph of the occurrence layer.
OCCURRENCES_GRAPH = occurrences_graph_iri()



def article_reports(extraction: Extraction, article: URIRef) -> list[Report]:
    """The reports of an extraction, identified by their event IRIs (one per IRI)."""
    ids = [str(i) for i in event_iris(extraction.article, extraction.events)]
    seen: dict[str, Report] = {}
    for r in reports_of(extraction, ids):
        seen.setdefault(r.id, replace(r, article=str(article)))
    return list(seen.values())


def update_occurrences(kg: KnowledgeGraph, article: URIRef,
                       extraction: Extraction | None) -> None:
    """Bring the occurrence layer in line with ``article`` as now stored: its
    ``extraction`` (None when the article was removed)."""
    link_reports(kg, article,
                 article_reports(extraction, article) if extraction is not None else [])


def link_reports(kg: KnowledgeGraph, article: URIRef, new: Sequence[Report]) -> None:
    """Bring the occurrence layer in line with ``article`` as now stored, whose event
    reports are ``new`` (see :func:`article_reports`; none when it was removed)."""
    old = _holding(kg, KG.featureArticle, [article])
    candidates: set[URIRef] = set()
    for cls, days in _reach(new).items():
        candidates |= {o for o in _holding(kg, KG.featureDay, [Literal(d) for d in sorted(days)])
                       if _class_of(kg, o) == KG[cls.value]}
    before = _read(kg, old | candidates)
    occs = read_occurrences(before)
    dropped = [occ for occ in occs if occurrence_iri(occ.founder) in old]
    kept = [occ for occ in occs if occurrence_iri(occ.founder) not in old]
    again = [r for occ in dropped for r in occ.reports if r.article != str(article)]
    after = link([*again, *new], kept)
    _write(kg, before, [t for o in after for t in occurrence_triples(o)])


def relink_all(kg: KnowledgeGraph, extractions: Iterable[Extraction]) -> int:
    """Replace the whole occurrence layer by the links of ``extractions`` (for a store
    built before occurrences existed); returns the number of occurrences."""
    from kg.rdf.iris import article_iri

    reports = [r for ex in extractions for r in article_reports(ex, article_iri(ex.article))]
    everything = list(_graph_triples(kg))
    occs = link(reports)
    _write(kg, everything, [t for o in occs for t in occurrence_triples(o)])
    return len(occs)


def _reach(reports: Sequence[Report]) -> dict[EventType, set[date]]:
    """Per class, the days around each report where its candidates lie (the union of
    the reports' windows, not the span from the first to the last: an item that names
    a strike of 2023 and one of today reads two short stretches, not three years)."""
    out: dict[EventType, set[date]] = {}
    for r in reports:
        if r.day is None:
            continue
        k = reach(r)
        out.setdefault(r.type, set()).update(r.day + timedelta(days=d) for d in range(-k, k + 1))
    return out


def _holding(kg: KnowledgeGraph, feature: URIRef, values: Iterable[URIRef | Literal]
             ) -> set[URIRef]:
    """The occurrences with a report whose ``feature`` is one of ``values`` (index reads
    of the occurrence graph, no query text)."""
    g = _ox_node(OCCURRENCES_GRAPH)
    report, has = _ox_node(KG.report), _ox_node(feature)
    out: set[URIRef] = set()
    for value in values:
        for q in kg.store.quads_for_pattern(None, has, _ox_term(value), g):
            for r in kg.store.quads_for_pattern(None, report, q.subject, g):
                if isinstance(r.subject, ox.NamedNode):
                    out.add(URIRef(r.subject.value))
    return out


def _class_of(kg: KnowledgeGraph, occurrence: URIRef) -> URIRef | None:
    for q in kg.store.quads_for_pattern(_ox_node(occurrence), _ox_node(KG.eventClass), None,
                                        _ox_node(OCCURRENCES_GRAPH)):
        if isinstance(q.object, ox.NamedNode):
            return URIRef(q.object.value)
    return None


def _graph_triples(kg: KnowledgeGraph) -> Iterable[Triple]:
    for q in kg.store.quads_for_pattern(None, None, None, _ox_node(OCCURRENCES_GRAPH)):
        yield _rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)


def _read(kg: KnowledgeGraph, iris: Iterable[URIRef]) -> list[Triple]:
    """The triples of some occurrences: theirs, their links' and their reports' features."""
    g = _ox_node(OCCURRENCES_GRAPH)
    out: list[Triple] = []
    for iri in sorted(iris):
        subjects = [_ox_node(iri)]
        for q in kg.store.quads_for_pattern(_ox_node(iri), None, None, g):
            out.append((iri, _rdflib_term(q.predicate), _rdflib_term(q.object)))
            if q.predicate.value in (str(KG.report), str(KG.link)) and isinstance(
                    q.object, ox.NamedNode):
                subjects.append(q.object)
        for s in subjects[1:]:
            for q in kg.store.quads_for_pattern(s, None, None, g):
                if q.predicate.value != str(KG.report):
                    out.append((_rdflib_term(s), _rdflib_term(q.predicate),
                                _rdflib_term(q.object)))
    return out


def _write(kg: KnowledgeGraph, before: Iterable[Triple], after: Iterable[Triple]) -> None:
    """Replace ``before`` by ``after`` in the occurrence graph and the union, in one update."""
    old = {_nt(t): None for t in before}
    new = {_nt(t): None for t in after}
    removed = [t for t in old if t not in new]
    added = [t for t in new if t not in old]
    if not removed and not added:
        return
    g = _ox_node(OCCURRENCES_GRAPH)
    ops = []
    if removed:
        text = _ntriples(removed)
        ops.append(f"DELETE DATA {{ GRAPH {g} {{\n{text}\n}}\n{text}\n}}")
    if added:
        text = _ntriples(added)
        ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{text}\n}}\n{text}\n}}")
    try:
        kg._writable().update(" ;\n".join(ops))
    except (OSError, SyntaxError, RuntimeError) as e:
        raise StoreError(f"cannot update the occurrence layer: {_one_line(e)}") from e


def _nt(t: Triple) -> tuple[str, str, str]:
    s, p, o = t
    if isinstance(o, Literal) and o.datatype is None and o.language is None:
        o = Literal(str(o))
    return str(_ox_term(s)), str(_ox_term(p)), str(_ox_term(o))


def occurrences(kg: KnowledgeGraph) -> list[Occurrence]:
    """Every occurrence of the store, read back from its occurrence graph."""
    return read_occurrences(_graph_triples(kg))
