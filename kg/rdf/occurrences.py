"""Occurrences to RDF and back: the triples of the occurrence graph (``kgr:occurrences``).

::

    occurrence ─kg:report / kg:firstReport─▶ event report (of some article graph)
      ├─kg:eventClass─▶ kg:Combat …
      ├─kg:reportCount, kg:sourceCount, kg:firstReported, kg:lastReported, kg:bestDate
      ├─kg:bestPlace─▶ place          ├─kg:involves─▶ actor (rolled up to its state or body)
      └─kg:link─▶ link ─kg:linkedReport / kg:linkedTo─▶ reports, kg:linkScore, kg:linkFeature
    event report ─kg:featureDay, kg:featureDated, kg:featurePublished, kg:featureActor,
                  kg:featurePlace, kg:featureState, kg:featureSentence, kg:featureArticle,
                  kg:featureCue

The ``kg:feature*`` triples are what the linker compared; :func:`read_occurrences` builds
the :class:`~kg.occurrences.Occurrence` objects back from them, so an occurrence can be
extended or re-linked without reading any article graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.model import EventType
from kg.occurrences import Link, Occurrence, Report
from kg.rdf.iris import entity_iri, occurrence_iri, occurrence_link_iri
from kg.rdf.tallies import Triple
from kg.rdf.vocab import KG, KG_NS, KGR_NS, RDF, RDFS, XSD

__all__ = ["occurrence_triples", "read_occurrences", "read_reports", "report_triples"]


def _key(iri: Node) -> str:
    return str(iri)[len(KGR_NS):]


def best_date(occ: Occurrence) -> date | None:
    """The day most reports give (own dates before publication dates; earliest on a tie)."""
    dated = [r.day for r in occ.reports if r.dated and r.day is not None]
    days = dated or [r.day for r in occ.reports if r.day is not None]
    if not days:
        return None
    counts = Counter(days)
    return min(counts, key=lambda d: (-counts[d], d))


def best_place(occ: Occurrence) -> str | None:
    """The entity key of the place most reports name (specific places before states)."""
    for specific in (True, False):
        counts = Counter(k for r in occ.reports
                         for k in (r.places if specific else r.place_states))
        if counts:
            return min(counts, key=lambda k: (-counts[k], k))
    return None


def occurrence_triples(occ: Occurrence) -> list[Triple]:
    """The triples of one occurrence, its links and its reports' features."""
    o = occurrence_iri(occ.founder)
    out: list[Triple] = [
        (o, RDF.type, KG.Occurrence),
        (o, KG.eventClass, KG[occ.type.value]),
        (o, KG.firstReport, URIRef(occ.founder)),
        (o, KG.reportCount, Literal(len(occ.reports))),
        (o, KG.sourceCount, Literal(len(occ.articles))),
    ]
    n, m = len(occ.reports), len(occ.articles)
    out.append((o, RDFS.label, Literal(f"{occ.type.value}: {n} report{'s' if n != 1 else ''}"
                                       f" from {m} source{'s' if m != 1 else ''}")))
    published = sorted(r.published for r in occ.reports if r.published is not None)
    if published:
        out += [(o, KG.firstReported, Literal(published[0])),
                (o, KG.lastReported, Literal(published[-1]))]
    day = best_date(occ)
    if day is not None:
        out.append((o, KG.bestDate, Literal(day)))
    place = best_place(occ)
    if place is not None:
        out.append((o, KG.bestPlace, entity_iri(place)))
    for actor in sorted({a.split(":", 1)[1] for r in occ.reports for a in r.actors}):  # rolled up
        out.append((o, KG.involves, entity_iri(actor)))
    for r in occ.reports:
        e = URIRef(r.id)
        out.append((o, KG.report, e))
        out += _features(e, r)
    for lk in occ.links:
        node = occurrence_link_iri(o, lk.report)
        out += [(o, KG.link, node), (node, RDF.type, KG.OccurrenceLink),
                (node, KG.linkedReport, URIRef(lk.report)), (node, KG.linkedTo, URIRef(lk.to)),
                (node, KG.linkScore, _score(lk.score))]
        out += [(node, KG.linkFeature, Literal(f)) for f in lk.features]
    return out


def _score(value: float) -> Literal:
    """A score as Oxigraph stores it (an integer, else a canonical xsd:decimal), so the
    triples written compare equal to the triples read back."""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return Literal(int(d))
    return Literal(format(d, "f").rstrip("0"), datatype=XSD.decimal)


def _features(e: URIRef, r: Report) -> list[Triple]:
    out: list[Triple] = [(e, KG.featureDated, Literal(r.dated)),
                         (e, KG.featureSentence, Literal(r.sentence)),
                         (e, KG.featureArticle, URIRef(r.article))]
    if r.day is not None:
        out.append((e, KG.featureDay, Literal(r.day)))
    if r.published is not None:
        out.append((e, KG.featurePublished, Literal(r.published)))
    out += [(e, KG.featureActor, Literal(a)) for a in sorted(r.actors | r.named)]
    out += [(e, KG.featureCue, Literal(c)) for c in sorted(r.cues)]
    out += [(e, KG.featurePlace, entity_iri(p)) for p in sorted(r.places)]
    out += [(e, KG.featureState, entity_iri(s)) for s in sorted(r.place_states)]
    return out


def report_triples(r: Report) -> list[Triple]:
    """One report as triples, its class and features (what a shard carries from the worker
    that extracted it to the writer that links it: :mod:`kg.store.shards`)."""
    e = URIRef(r.id)
    return [(e, KG.eventClass, KG[r.type.value]), *_features(e, r)]


def read_reports(triples: Iterable[Triple]) -> list[Report]:
    """The reports :func:`report_triples` wrote, in the order of their first triple (the
    label is not kept: linking does not read it)."""
    by_subject: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    return [_report(e, EventType(str(props[KG.eventClass][0])[len(KG_NS):]), props)
            for e, props in by_subject.items() if KG.eventClass in props]


def read_occurrences(triples: Iterable[Triple]) -> list[Occurrence]:
    """The occurrences described by ``triples`` (those :func:`occurrence_triples` wrote)."""
    by_subject: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    out: list[Occurrence] = []
    for props in by_subject.values():
        if KG.Occurrence not in props.get(RDF.type, []):
            continue
        cls = EventType(str(props[KG.eventClass][0])[len(KG_NS):])
        reports = tuple(sorted((_report(e, cls, by_subject.get(e, {}))
                                for e in props.get(KG.report, [])), key=lambda r: r.id))
        links = tuple(sorted((_link(by_subject.get(node, {})) for node in props.get(KG.link, [])),
                             key=lambda lk: lk.report))
        founder = str(props[KG.firstReport][0])
        order = {r.id: i for i, r in enumerate(reports)}
        ordered = tuple(sorted(reports, key=lambda r: (r.id != founder, order[r.id])))
        out.append(Occurrence(founder, cls, ordered, links))
    return sorted(out, key=lambda o: o.id)


def _one(props: dict[Node, list[Node]], p: URIRef) -> Node | None:
    values = props.get(p)
    return values[0] if values else None


def _date(node: Node | None) -> date | None:
    if isinstance(node, Literal):
        value = node.toPython()
        return value if isinstance(value, date) else None
    return None


def _report(e: Node, cls: EventType, props: dict[Node, list[Node]]) -> Report:
    dated = _one(props, KG.featureDated)
    sentence = _one(props, KG.featureSentence)
    return Report(
        id=str(e), article=str(_one(props, KG.featureArticle) or ""), type=cls,
        day=_date(_one(props, KG.featureDay)),
        dated=bool(dated.toPython()) if isinstance(dated, Literal) else False,
        published=_date(_one(props, KG.featurePublished)),
        actors=frozenset(str(a) for a in props.get(KG.featureActor, []) if ":" in str(a)[:3]),
        named=frozenset(str(a) for a in props.get(KG.featureActor, []) if "=" in str(a)[:3]),
        cues=frozenset(str(c) for c in props.get(KG.featureCue, [])),
        places=frozenset(_key(p) for p in props.get(KG.featurePlace, [])),
        place_states=frozenset(_key(p) for p in props.get(KG.featureState, [])),
        sentence=int(sentence.toPython()) if isinstance(sentence, Literal) else -1)


def _link(props: dict[Node, list[Node]]) -> Link:
    score = _one(props, KG.linkScore)
    return Link(str(_one(props, KG.linkedReport)), str(_one(props, KG.linkedTo)),
                float(score.toPython()) if isinstance(score, Literal) else 0.0,
                tuple(sorted(str(f) for f in props.get(KG.linkFeature, []))))
