"""Extractions to RDF: the triples of one article, and datasets of many.

:func:`extraction_graph` maps one :class:`~kg.model.Extraction` to a graph without blank
nodes; :func:`extractions_dataset` puts each article's graph in a named graph whose IRI is
the article's; :func:`serialize` writes a dataset as TriG, N-Quads, JSON-LD or Turtle (the
union of the graphs).

Besides the ``kg:`` triples the mapping writes the SEM core (``sem:Event``,
``sem:Actor``, ``sem:Place``, ``sem:Time``, ``sem:hasActor``, ``sem:hasPlace``, the
``sem:hasTimeStamp`` of a dated event), which a
reasoner would infer from the ontology, so SEM queries work in a store without one.

    event ─kg:agent / kg:participant / … ─▶ entity (rdfs:label)
      ├─kg:quantity─▶ quantity (kg:value | kg:minValue / kg:maxValue, kg:unit)
      │                  └─kg:tally─▶ what it counts (see kg.rdf.tallies)
      ├─sem:hasTime─▶ time (rdfs:label, time:inXSDDate)
      ├─sem:hasTimeStamp─▶ the time's date (see kg.rdf.derived)
      ├─kg:attributedTo─▶ entity
      ├─kg:trigger / kg:evidence─▶ mention (kg:beginIndex, kg:endIndex, kg:anchorOf)
      └─kg:article─▶ article
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KGError
from kg.formats import RdfFormat
from kg.model import Entity, EntityType, Event, Extraction, Quantity, Span
from kg.rdf.derived import derived_triples, event_count_triples
from kg.rdf.iris import (
    article_iri,
    entity_iri,
    event_iris,
    mention_iri,
    post_iri,
    quantity_iri,
    time_iri,
)
from kg.rdf.tallies import Triple
from kg.rdf.vocab import (
    GEO,
    KG,
    ORG,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    SEM,
    SKOS,
    TIME,
    WIKIDATA,
    XSD,
)

__all__ = ["RdfFormat", "bind_prefixes", "extraction_graph", "extractions_dataset", "serialize"]


_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
_ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION,
                          EntityType.MILITARY_FORCE})
_PLACE_TYPES = frozenset({EntityType.PLACE, EntityType.COUNTRY})


def bind_prefixes(graph: Graph) -> None:
    """Bind kg's usual prefixes (``kg:``, ``kgr:``, ``sem:``…) on a graph or dataset."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, replace=True)


def _number(value: Decimal, what: str) -> Literal:
    if not value.is_finite():
        raise KGError(f"quantity {what} {value} is not a finite number")
    if value == value.to_integral_value():
        return Literal(int(value))
    # canonical xsd:decimal (no trailing zeros, no exponent): stores such as Oxigraph
    # rewrite "473.60" to "473.6", so only the canonical form survives a round trip
    return Literal(format(value, "f").rstrip("0"), datatype=XSD.decimal)


class _Mapper:
    """Builds the graph of one extraction; one instance per article."""

    def __init__(self, extraction: Extraction) -> None:
        self.ex = extraction
        self.article = extraction.article
        self.a_iri = article_iri(self.article)
        self.triples: dict[Triple, None] = {}  # an ordered set
        self.entities: dict[str, Entity] = {e.key: e for e in extraction.entities}

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.triples[(s, p, o)] = None

    def fail(self, problem: str) -> KGError:
        return KGError(f"article {self.article.key!r}: {problem}")

    # -- nodes ------------------------------------------------------------------------

    def map_article(self) -> None:
        a, art = self.a_iri, self.article
        self.add(a, RDF.type, KG.Article)
        if art.title:
            self.add(a, RDFS.label, Literal(art.title))
            self.add(a, KG.title, Literal(art.title))
        if art.published is not None:
            self.add(a, KG.published, Literal(art.published))
        if art.url:
            self.add(a, KG.url, Literal(art.url, datatype=XSD.anyURI))
        if art.source:
            self.add(a, KG.source, Literal(art.source))
        self.add(a, KG.contentHash, Literal(art.content_hash))

    def mention(self, span: Span) -> URIRef:
        body = self.article.body
        if span.end > len(body):
            raise self.fail(f"span [{span.begin}, {span.end}) is outside the body "
                            f"({len(body)} characters)")
        m = mention_iri(self.article, span)
        self.add(m, RDF.type, KG.Mention)
        self.add(m, KG.article, self.a_iri)
        self.add(m, KG.beginIndex, Literal(span.begin))
        self.add(m, KG.endIndex, Literal(span.end))
        self.add(m, KG.anchorOf, Literal(body[span.begin:span.end]))
        return m

    def entity_ref(self, key: str, what: str) -> URIRef:
        """The IRI of an entity of this extraction (an event may only point at those)."""
        if key not in self.entities:
            raise self.fail(f"{what} refers to entity {key!r}, which is not among the "
                            "article's entities")
        return entity_iri(key)

    def map_entity(self, entity: Entity) -> None:
        e = entity_iri(entity.key)
        self.add(e, RDF.type, KG[entity.type.value])
        if entity.type in _ACTOR_TYPES:
            self.add(e, RDF.type, SEM.Actor)
        if entity.type in _PLACE_TYPES:
            self.add(e, RDF.type, SEM.Place)
        self.add(e, RDFS.label, Literal(entity.label))
        for alias in entity.aliases:
            if alias != entity.label:
                self.add(e, SKOS.altLabel, Literal(alias))
        if entity.iso3:
            self.add(e, KG.iso3, Literal(entity.iso3))
        if entity.wikidata:
            if not _WIKIDATA_ID.fullmatch(entity.wikidata):
                raise self.fail(f"entity {entity.key!r} has Wikidata id {entity.wikidata!r}; "
                                "expected an item id such as 'Q423'")
            self.add(e, KG.wikidata, Literal(entity.wikidata))
            self.add(e, OWL.sameAs, WIKIDATA[entity.wikidata])
        if entity.geonames is not None:
            self.add(e, KG.geonamesId, Literal(entity.geonames))
        if entity.latitude is not None and entity.longitude is not None:
            self.add(e, GEO.lat, Literal(Decimal(repr(entity.latitude))))
            self.add(e, GEO.long, Literal(Decimal(repr(entity.longitude))))
        if entity.part_of:
            whole = entity_iri(entity.part_of)
            self.add(e, KG.partOf, whole)
            if entity.type is EntityType.MILITARY_FORCE and entity.part_of.startswith("country/"):
                self.add(e, KG.forceOf, whole)
        for post in entity.posts:
            p = post_iri(entity.key, post.title, post.organization)
            self.add(e, ORG.holds, p)
            self.add(p, RDF.type, ORG.Post)
            self.add(p, RDFS.label, Literal(post.title))
            if post.organization:
                self.add(p, ORG.postIn, entity_iri(post.organization))
        for m in entity.mentions:
            self.add(e, KG.evidence, self.mention(m.span))

    def map_quantity(self, event: URIRef, q: Quantity) -> None:
        if q.value is None and q.min_value is None and q.max_value is None:
            return  # nothing numeric to say; the trigger sentence still holds the text
        n = quantity_iri(self.article, q)
        self.add(event, KG.quantity, n)
        self.add(n, RDF.type, KG.Quantity)
        self.add(n, RDFS.label, Literal(q.text))
        for prop, value, what in ((KG.value, q.value, "value"),
                                  (KG.minValue, q.min_value, "minimum"),
                                  (KG.maxValue, q.max_value, "maximum")):
            if value is not None:
                self.add(n, prop, _number(value, what))
        if q.unit:
            self.add(n, KG.unit, Literal(q.unit))

    def map_event(self, event: Event, ev: URIRef) -> None:
        self.add(ev, RDF.type, KG[event.type.value])
        self.add(ev, RDF.type, SEM.Event)
        self.add(ev, RDFS.label, Literal(event.label))
        self.add(ev, KG.cameoCode, Literal(event.cameo))
        self.add(ev, KG.ploverType, Literal(event.plover))
        self.add(ev, KG.modality, KG[event.modality.value])
        self.add(ev, KG.polarity, KG[event.polarity.value])
        self.add(ev, KG.article, self.a_iri)
        self.add(ev, KG.evidence, self.mention(event.evidence))
        self.add(ev, KG.trigger, self.mention(event.trigger.span))
        for arg in event.arguments:
            ent = self.entity_ref(arg.entity, f"the {arg.role.value} of {event.label!r}")
            self.add(ev, KG[arg.role.value], ent)
            self.add(ev, SEM.hasPlace if arg.role.is_place else SEM.hasActor, ent)
            if arg.mention is not None:
                self.add(ent, KG.evidence, self.mention(arg.mention.span))
        for q in event.quantities:
            self.map_quantity(ev, q)
        if event.time is not None:
            t = time_iri(self.article, event.time)
            self.add(ev, SEM.hasTime, t)
            self.add(t, RDF.type, KG.TimeExpression)
            self.add(t, RDF.type, SEM.Time)
            self.add(t, RDFS.label, Literal(event.time.text))
            if event.time.date is not None:
                self.add(t, TIME.inXSDDate, Literal(event.time.date))
        if event.attributed_to:
            src = self.entity_ref(event.attributed_to, f"the source of {event.label!r}")
            self.add(ev, KG.attributedTo, src)
        if event.quote:
            self.add(ev, KG.quote, Literal(event.quote))
        if event.cue:
            self.add(ev, KG.cue, Literal(event.cue))

    def run(self) -> list[Triple]:
        self.map_article()
        for entity in self.ex.entities:
            self.map_entity(entity)
        for event, iri in zip(self.ex.events, event_iris(self.article, self.ex.events),
                              strict=True):
            self.map_event(event, iri)
        # a summary kept with the article so listing articles needs no count over events
        for triple in event_count_triples(self.triples):
            self.add(*triple)
        # time stamps and tallies: read by queries in one step (kg.rdf.derived)
        for triple in derived_triples(self.triples):
            self.add(*triple)
        return list(self.triples)


def extraction_triples(extraction: Extraction) -> list[Triple]:
    """The distinct triples of one article, without building an rdflib graph.

    What :func:`extraction_graph` holds; stores that write quads directly use this.
    """
    return _Mapper(extraction).run()


def extraction_graph(extraction: Extraction) -> Graph:
    """The triples of one article: article, entities, events and their text evidence.

    No blank nodes: every node has an IRI from :mod:`kg.rdf.iris`. Raises
    :class:`~kg.errors.KGError` when an event names an entity the extraction lacks, a
    span lies outside the article body, or a Wikidata id is malformed. Quantities with no
    number are left out.

    >>> from kg.model import Article, Entity, EntityType, Mention, Span
    >>> art = Article(key="k", title="T", body="North Korea said.")
    >>> prk = Entity("country/PRK", EntityType.COUNTRY, "North Korea",
    ...              mentions=(Mention(Span(0, 11), "North Korea", "GPE", 0, 2, 0),))
    >>> g = extraction_graph(Extraction(art, (prk,)))
    >>> sorted(str(o) for o in g.objects(entity_iri("country/PRK"), RDFS.label))
    ['North Korea']
    >>> m = g.value(entity_iri("country/PRK"), KG.evidence)
    >>> str(g.value(m, KG.anchorOf)), int(g.value(m, KG.endIndex))
    ('North Korea', 11)
    """
    g = Graph()
    bind_prefixes(g)
    g.addN((s, p, o, g) for s, p, o in extraction_triples(extraction))
    return g


def extractions_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """One named graph per article, named by the article's IRI.

    An article that comes twice (same key) keeps its last extraction.
    """
    graphs: dict[URIRef, Graph] = {}
    for ex in extractions:
        graphs[article_iri(ex.article)] = extraction_graph(ex)
    ds = Dataset()
    bind_prefixes(ds)
    for name, graph in graphs.items():
        named = ds.graph(name)
        named.addN((s, p, o, named) for s, p, o in graph)
    return ds


def serialize(dataset: Dataset, fmt: RdfFormat) -> str:
    """Write a dataset; Turtle gets the union of its graphs (named and default).

    JSON-LD is compacted with kg's prefixes as its ``@context``; N-Quads lines are sorted.
    """
    if fmt is RdfFormat.TURTLE:
        union = Graph()
        bind_prefixes(union)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format="turtle")
    if fmt is RdfFormat.JSONLD:
        return dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    text = dataset.serialize(format=fmt.rdflib_name)
    if fmt is RdfFormat.NQUADS:  # rdflib writes quads in hash order; make output stable
        lines = sorted(line for line in text.splitlines() if line.strip())
        text = "\n".join(lines) + "\n" if lines else ""
    return text
