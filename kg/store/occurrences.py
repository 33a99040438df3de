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
   union default graph in one update. Queries bind every parameter; nothing from an
   article is pasted into query text (IRIs and literals are written as N-Triples terms).
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
from kg.occurrences.linking import PUBLICATION_SLACK, WINDOW
from kg.rdf.iris import event_iri, occurrence_iri, occurrences_graph_iri
from kg.rdf.occurrences import occurrence_triples, read_occurrences
from kg.rdf.tallies import Triple
from kg.rdf.vocab import KG
from kg.store.quads import _ntriples
from kg.store.terms import _one_line, _ox_node, _ox_term, _rdflib_term

if TYPE_CHECKING:
    from kg.store.core import KnowledgeGraph

__all__ = ["OCCURRENCES_GRAPH", "article_reports", "occurrences", "relink_all",
           "update_occurrences"]

#: The named graph of the occurrence layer.
OCCURRENCES_GRAPH = occurrences_graph_iri()

_OF_ARTICLE = """SELECT DISTINCT ?occ ?g ?article WHERE {
  GRAPH ?g { ?occ kg:report ?e . ?e kg:featureArticle ?article } }"""

_CANDIDATES = """SELECT DISTINCT ?occ ?g ?cls ?low ?high WHERE {
  GRAPH ?g { ?occ kg:eventClass ?cls ; kg:report ?e . ?e kg:featureDay ?d }
  FILTER(?d >= ?low && ?d <= ?high) }"""


def article_reports(extraction: Extraction, article: URIRef) -> list[Report]:
    """The reports of an extraction, identified by their event IRIs (one per IRI)."""
    ids = [str(event_iri(extraction.article, ev)) for ev in extraction.events]
    seen: dict[str, Report] = {}
    for r in reports_of(extraction, ids):
        seen.setdefault(r.id, replace(r, article=str(article)))
    return list(seen.values())


def update_occurrences(kg: KnowledgeGraph, article: URIRef,
                       extraction: Extraction | None) -> None:
    """Bring the occurrence layer in line with ``article`` as now stored: its
    ``extraction`` (None when the article was removed)."""
    new = article_reports(extraction, article) if extraction is not None else []
    old = _occurrence_iris(kg, _OF_ARTICLE, {"g": OCCURRENCES_GRAPH, "article": article})
    candidates = set()
    for cls, (low, high) in _reach(new).items():
        candidates |= _occurrence_iris(kg, _CANDIDATES, {
            "g": OCCURRENCES_GRAPH, "cls": KG[cls.value], "low": low, "high": high})
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


def _reach(reports: Sequence[Report]) -> dict[EventType, tuple[date, date]]:
    out: dict[EventType, tuple[date, date]] = {}
    for r in reports:
        if r.day is None:
            continue
        k = timedelta(days=WINDOW[r.type] + PUBLICATION_SLACK)
        low, high = r.day - k, r.day + k
        if r.type in out:
            low, high = min(low, out[r.type][0]), max(high, out[r.type][1])
        out[r.type] = (low, high)
    return out


def _occurrence_iris(kg: KnowledgeGraph, query: str, bindings: dict[str, object]
                     ) -> set[URIRef]:
    return {row["occ"] for row in kg.query(query, bindings).rows
            if isinstance(row["occ"], URIRef)}


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
