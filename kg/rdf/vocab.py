"""The vocabularies kg writes: its own ontology (:class:`KG`) and the ones it aligns to.

Every ``kg:`` term is a typed attribute of :class:`KG`, a closed
:class:`~rdflib.namespace.DefinedNamespace`: a misspelt term raises ``AttributeError``
instead of minting a wrong IRI. A test keeps :class:`KG` and ``ontology/kg.ttl`` equal.

>>> str(KG.Meeting)
'https://w3id.org/geokg/ontology#Meeting'
>>> str(SEM.hasActor)
'http://semanticweb.cs.vu.nl/2009/11/sem/hasActor'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "DCTERMS",
    "FOAF",
    "GEO",
    "GEOSPARQL",
    "KG",
    "KGR",
    "KGR_NS",
    "KG_NS",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SKOS",
    "TIME",
    "WIKIDATA",
    "XSD",
]

KG_NS = "https://w3id.org/geokg/ontology#"
KGR_NS = "https://w3id.org/geokg/resource/"

#: Minted resources (articles, entities, events, mentions); build IRIs with kg.rdf.iris.
KGR = Namespace(KGR_NS)
#: Wikidata entities (``owl:sameAs`` targets).
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
#: schema.org (rdflib's SDO, https form).
SCHEMA = SDO
#: GeoSPARQL (only its Feature class is used, in the ontology).
GEOSPARQL = Namespace("http://www.opengis.net/ont/geosparql#")


class KG(DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace(KG_NS)

    # events
    Event: URIRef
    Meeting: URIRef
    Deployment: URIRef
    Statement: URIRef
    Transfer: URIRef
    Appeal: URIRef
    Training: URIRef
    Combat: URIRef
    Cooperation: URIRef
    Sanction: URIRef
    # actors and places
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    MilitaryForce: URIRef
    Place: URIRef
    # text, values
    Article: URIRef
    Mention: URIRef
    Quantity: URIRef
    Tally: URIRef
    TimeExpression: URIRef
    Modality: URIRef
    Polarity: URIRef
    DateSource: URIRef
    # individuals
    Asserted: URIRef
    Reported: URIRef
    Estimated: URIRef
    Possible: URIRef
    Planned: URIRef
    Positive: URIRef
    Negative: URIRef
    OwnDate: URIRef
    PublicationDate: URIRef
    # roles
    agent: URIRef
    participant: URIRef
    recipient: URIRef
    target: URIRef
    speaker: URIRef
    addressee: URIRef
    location: URIRef
    origin: URIRef
    destination: URIRef
    # event details
    quantity: URIRef
    value: URIRef
    minValue: URIRef
    maxValue: URIRef
    unit: URIRef
    attributedTo: URIRef
    modality: URIRef
    polarity: URIRef
    cameoCode: URIRef
    ploverType: URIRef
    quote: URIRef
    cue: URIRef
    eventDate: URIRef
    dateSource: URIRef
    # tallies: what reported figures count, for comparing them across articles
    tally: URIRef
    tallyOf: URIRef
    tallyAt: URIRef
    tallyUnit: URIRef
    asOf: URIRef
    reportedAmount: URIRef
    reportedBy: URIRef
    reportedIn: URIRef
    claim: URIRef
    # provenance
    evidence: URIRef
    trigger: URIRef
    article: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    # identifiers and structure
    iso3: URIRef
    wikidata: URIRef
    geonamesId: URIRef
    partOf: URIRef
    forceOf: URIRef
    # articles
    title: URIRef
    published: URIRef
    source: URIRef
    url: URIRef
    contentHash: URIRef
    eventCount: URIRef
    # occurrences: one real event, many reports (the kgr:occurrences graph)
    Occurrence: URIRef
    OccurrenceLink: URIRef
    report: URIRef
    firstReport: URIRef
    eventClass: URIRef
    involves: URIRef
    bestPlace: URIRef
    bestDate: URIRef
    reportCount: URIRef
    sourceCount: URIRef
    firstReported: URIRef
    lastReported: URIRef
    link: URIRef
    linkedReport: URIRef
    linkedTo: URIRef
    linkScore: URIRef
    linkFeature: URIRef
    featureDay: URIRef
    featureDated: URIRef
    featurePublished: URIRef
    featureActor: URIRef
    featurePlace: URIRef
    featureState: URIRef
    featureSentence: URIRef
    featureArticle: URIRef
    featureCue: URIRef


class SEM(DefinedNamespace):
    """The Simple Event Model terms kg uses."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasTimeStamp: URIRef
    accordingTo: URIRef


class GEO(DefinedNamespace):
    """W3C WGS84 Basic Geo (``http://`` form; rdflib's WGS uses ``https://``)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

    SpatialThing: URIRef
    lat: URIRef
    long: URIRef


#: Prefixes bound in every serialisation kg writes.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgr": KGR_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "sem": str(SEM),
    "prov": str(PROV),
    "time": str(TIME),
    "org": str(ORG),
    "geo": str(GEO),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "wd": str(WIKIDATA),
}
