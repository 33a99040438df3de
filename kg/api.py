"""The Python API for researchers: the CLI's verbs as methods of one :class:`Graph`.

A :class:`Graph` is a thin facade over :class:`kg.store.KnowledgeGraph` (the Oxigraph
store) that adds what a notebook needs: ingesting files or strings with the extraction
pipeline, reading events and entities back as typed records, networkx views, HTML
pictures and exports. Everything it reads comes from the RDF graph through SPARQL with
bound parameters; a label given by the caller is always data, never query text.

>>> import kg
>>> g = kg.memory()
>>> report = g.ingest_text(
...     "Lloyd Austin met Kim Yong-hyun in Washington on Wednesday.",
...     title="Talks", published="2024-10-30")
>>> report.summary()
'1 added, 0 replaced, 0 skipped (unchanged), 0 failed'
>>> [(e.type.value, [p.label for p in e.participants]) for e in g.events()]
[('Meeting', ['Kim Yong-hyun', 'Lloyd Austin'])]
>>> [e.label for e in g.entities(type="Person")]
['Kim Yong-hyun', 'Lloyd Austin']
>>> g.events(actor="Lloyd Austin")[0].time
TimeRecord(text='Wednesday', date=datetime.date(2024, 10, 30))
>>> g.close()

``import kg`` is cheap: the names of this module are exposed lazily as ``kg.open``,
``kg.memory``, ``kg.Graph``, ... and spaCy is loaded only when something is extracted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, KGError, QueryError
from kg.model import Article, EntityType, EventType, Extraction, Modality, Polarity, Role
from kg.store import (
    IngestReport,
    KnowledgeGraph,
    NamedQuery,
    QueryResult,
    Stats,
    list_queries,
    parse_iri,
)

if TYPE_CHECKING:
    import networkx as nx

    from kg.analysis import GraphData
    from kg.extract import Language

__all__ = [
    "EntityRecord",
    "EventRecord",
    "Graph",
    "IngestReport",
    "NamedQuery",
    "Participant",
    "QuantityRecord",
    "QueryResult",
    "Stats",
    "TimeRecord",
    "extract_files",
    "extract_text",
    "list_queries",
    "memory",
    "open",
    "to_rdf",
]

KG_NS = "https://w3id.org/geokg/ontology#"

#: When an entity has several classes, the first of these names its kind (a country is
#: also a place, but it is read back as a Country).
_KIND_ORDER: tuple[EntityType, ...] = (
    EntityType.PERSON, EntityType.MILITARY_FORCE, EntityType.ORGANIZATION,
    EntityType.COUNTRY, EntityType.PLACE)
_ROLE_ORDER = {r: i for i, r in enumerate(Role)}


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in an event in one role (actor roles and place roles)."""

    role: Role
    iri: str
    label: str
    type: EntityType | None  # None when the node carries no entity class


@dataclass(frozen=True, slots=True)
class QuantityRecord:
    """An amount reported for an event: ``value`` or the bounds, and the unit."""

    text: str
    value: Decimal | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class TimeRecord:
    """When an event happened: the text and, when resolved, the date."""

    text: str
    date: date | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event as read back from the graph (see CONTRACT.md, "How an event is linked")."""

    iri: str
    type: EventType
    label: str
    modality: Modality | None = None
    polarity: Polarity | None = None
    cameo: str | None = None
    plover: str | None = None
    attributed_to: str | None = None  # IRI of the source of a reported claim
    attribution: str | None = None  # its label
    participants: tuple[Participant, ...] = ()  # actor roles (agent, speaker, ...)
    places: tuple[Participant, ...] = ()  # place roles (location, origin, destination)
    quantities: tuple[QuantityRecord, ...] = ()
    time: TimeRecord | None = None
    trigger: str | None = None  # the trigger words
    evidence: str | None = None  # the sentence the event was read from
    quote: str | None = None
    article: str | None = None  # article IRI (also the named graph)
    article_title: str | None = None
    published: date | None = None

    def actors(self, role: Role | str | None = None) -> tuple[Participant, ...]:
        """The participants, optionally only those in ``role`` (``"agent"``, ...)."""
        if role is None:
            return self.participants
        r = Role(role)
        return tuple(p for p in (*self.participants, *self.places) if p.role is r)

    def to_dict(self) -> dict[str, Any]:
        """A flat dict for a table row: enums as strings, participants as ``role: label``
        text, the first quantity and the time spread over columns."""
        q = self.quantities[0] if self.quantities else None
        return {
            "iri": self.iri, "type": self.type.value, "label": self.label,
            "date": self.time.date if self.time else None,
            "time": self.time.text if self.time else None,
            "participants": "; ".join(f"{p.role.value}: {p.label}" for p in self.participants),
            "places": "; ".join(p.label for p in self.places),
            "quantity": q.value if q else None,
            "min_quantity": q.min_value if q else None,
            "max_quantity": q.max_value if q else None,
            "unit": q.unit if q else None,
            "modality": self.modality.value if self.modality else None,
            "polarity": self.polarity.value if self.polarity else None,
            "attribution": self.attribution, "cameo": self.cameo, "plover": self.plover,
            "evidence": self.evidence, "article": self.article,
            "article_title": self.article_title, "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity as read back from the graph: one node, all its names."""

    iri: str
    type: EntityType
    label: str
    aliases: tuple[str, ...] = ()
    iso3: str | None = None
    wikidata: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    articles: int = 0  # how many article graphs mention it

    def to_dict(self) -> dict[str, Any]:
        """A flat dict for a table row (type as a string, aliases joined by ``|``)."""
        d = asdict(self)
        d["type"] = self.type.value
        d["aliases"] = "|".join(self.aliases)
        return d


# --------------------------------------------------------------------------- queries

_EVENT_CLASSES = ", ".join(f"kg:{t.value}" for t in EventType)
_ENTITY_CLASSES = ", ".join(f"kg:{t.value}" for t in EntityType)
_ALL_ROLES = ", ".join(f"kg:{r.value}" for r in Role)
_ACTOR_ROLES = ", ".join(f"kg:{r.value}" for r in Role if not r.is_place)

# Oxigraph's union default graph is a bag: a triple stated in n article graphs comes back
# n times, so joining two such patterns costs n * n rows. Every query below therefore
# either reads a single pattern or joins inside one article graph (GRAPH ?g), where each
# triple occurs once; the caller's values are bound, the text is constant.

#: Nodes whose label or alias equals ?name (case ignored).
_Q_NAMED = """SELECT DISTINCT ?x ?name WHERE {
  ?x rdfs:label|skos:altLabel ?n . FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }"""

#: Events in which ?ax takes part in an actor role.
_Q_EVENTS_OF = f"""SELECT DISTINCT ?e ?ax WHERE {{
  ?e ?role ?ax . FILTER(?role IN ({_ACTOR_ROLES})) }}"""

#: Events of one article.
_Q_EVENTS_IN = f"""SELECT DISTINCT ?e ?article WHERE {{
  ?e kg:article ?article ; a ?type . FILTER(?type IN ({_EVENT_CLASSES})) }}"""

_Q_EVENT = f"""SELECT DISTINCT ?e ?type ?label ?cameo ?plover ?modality ?polarity ?attr
  ?attrLabel ?timeText ?date ?trigger ?evidence ?begin ?quote ?art ?title ?published
WHERE {{ GRAPH ?g {{
  ?e a ?type . FILTER(?type IN ({_EVENT_CLASSES}))
  OPTIONAL {{ ?e rdfs:label ?label }}
  OPTIONAL {{ ?e kg:cameoCode ?cameo }}
  OPTIONAL {{ ?e kg:ploverType ?plover }}
  OPTIONAL {{ ?e kg:modality ?modality }}
  OPTIONAL {{ ?e kg:polarity ?polarity }}
  OPTIONAL {{ ?e kg:attributedTo ?attr OPTIONAL {{ ?attr rdfs:label ?attrLabel }} }}
  OPTIONAL {{ ?e sem:hasTime ?t . OPTIONAL {{ ?t rdfs:label ?timeText }}
             OPTIONAL {{ ?t time:inXSDDate ?date }} }}
  OPTIONAL {{ ?e kg:trigger ?tm . ?tm kg:anchorOf ?trigger }}
  OPTIONAL {{ ?e kg:evidence ?m . ?m kg:anchorOf ?evidence
             OPTIONAL {{ ?m kg:beginIndex ?begin }} }}
  OPTIONAL {{ ?e kg:quote ?quote }}
  OPTIONAL {{ ?e kg:article ?art OPTIONAL {{ ?art kg:title ?title }}
             OPTIONAL {{ ?art kg:published ?published }} }}
}} }}"""

_Q_ROLES = f"""SELECT DISTINCT ?e ?role ?x ?xLabel ?xType WHERE {{ GRAPH ?g {{
  ?e ?role ?x . FILTER(?role IN ({_ALL_ROLES}))
  OPTIONAL {{ ?x rdfs:label ?xLabel }}
  OPTIONAL {{ ?x a ?xType . FILTER(?xType IN ({_ENTITY_CLASSES})) }}
}} }}"""

_Q_QUANTITIES = """SELECT DISTINCT ?e ?q ?qText ?value ?min ?max ?unit WHERE { GRAPH ?g {
  ?e kg:quantity ?q .
  OPTIONAL { ?q rdfs:label ?qText }
  OPTIONAL { ?q kg:value ?value }
  OPTIONAL { ?q kg:minValue ?min }
  OPTIONAL { ?q kg:maxValue ?max }
  OPTIONAL { ?q kg:unit ?unit }
} }"""

_Q_ENTITY = f"""SELECT DISTINCT ?x ?g ?type ?label ?alias ?iso3 ?wikidata ?lat ?long
WHERE {{ GRAPH ?g {{
  ?x a ?type . FILTER(?type IN ({_ENTITY_CLASSES}))
  OPTIONAL {{ ?x rdfs:label ?label }}
  OPTIONAL {{ ?x skos:altLabel ?alias }}
  OPTIONAL {{ ?x kg:iso3 ?iso3 }}
  OPTIONAL {{ ?x kg:wikidata ?wikidata }}
  OPTIONAL {{ ?x geo:lat ?lat ; geo:long ?long }}
}} }}"""

#: Up to this many nodes, details are read with one bound query per node; beyond it, with
#: one query over the whole graph, filtered here.
_PER_NODE = 64


def _class_iri(value: EventType | EntityType | str, allowed: type[EventType | EntityType],
               what: str) -> URIRef:
    """``Deployment``, ``kg:Deployment``, an enum member or the full IRI as a class IRI."""
    text = value.value if isinstance(value, EventType | EntityType) else str(value)
    iri = parse_iri(text)
    local = str(iri)[len(KG_NS):] if iri is not None and str(iri).startswith(KG_NS) \
        else (None if iri is not None else text[:1].upper() + text[1:])
    names = [t.value for t in allowed]
    if local not in names:
        raise QueryError(f"unknown {what} class {value!r}; use one of {', '.join(names)}")
    return URIRef(KG_NS + local)


def _name_term(value: str) -> URIRef | Literal:
    """An actor or entity given as an IRI (``<...>``, ``kgr:...``, ``http...``) or a name."""
    iri = parse_iri(value)
    return iri if iri is not None else Literal(value)


def _s(t: Node | None) -> str | None:
    return None if t is None else str(t)


def _local(t: Node | None) -> str | None:
    if t is None:
        return None
    s = str(t)
    return s[len(KG_NS):] if s.startswith(KG_NS) else s


def _py(t: Node | None) -> Any:
    return t.toPython() if isinstance(t, Literal) else None


def _decimal(t: Node | None) -> Decimal | None:
    v = _py(t)
    if v is None or isinstance(v, bool):
        return None
    try:
        return Decimal(str(v))
    except ArithmeticError:
        return None


def _date(t: Node | None) -> date | None:
    v = _py(t)
    return v if isinstance(v, date) else None


def _enum_or_none(enum: type[Any], value: str | None) -> Any:
    try:
        return enum(value) if value is not None else None
    except ValueError:
        return None


def _kind(types: Iterable[str]) -> EntityType | None:
    present = set(types)
    return next((t for t in _KIND_ORDER if t.value in present), None)


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


# --------------------------------------------------------------------------- the facade


class Graph:
    """A knowledge graph you can ingest into, query, analyse, draw and export.

    ``Graph(path)`` opens (or creates) a persistent Oxigraph store in the directory
    ``path``; ``Graph()`` is in memory. ``nlp`` is the spaCy pipeline to extract with
    (default: kg's model, loaded once on first use). The store underneath is
    :attr:`store` (a :class:`kg.store.KnowledgeGraph`) for anything not covered here.
    Use it as a context manager, or call :meth:`close`, to release an on-disk store.

    >>> with Graph() as g:
    ...     g.stats().articles
    0
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 nlp: Language | None = None) -> None:
        self.store = KnowledgeGraph(path, read_only=read_only)
        self.nlp = nlp

    # -- lifecycle --------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The store directory, or None in memory."""
        return self.store.path

    def close(self) -> None:
        """Flush and release the store."""
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Graph({str(self.path) if self.path else 'in memory'})"

    # -- writing ----------------------------------------------------------------------

    def ingest(self, *paths: str | Path, force: bool = False, batch_size: int = 16,
               n_process: int = 1,
               on_progress: Callable[[int], None] | None = None) -> IngestReport:
        """Extract the articles in ``paths`` (files, directories, globs) into the graph.

        Like ``kg ingest``: each article becomes one named graph, an unchanged article is
        skipped unless ``force``, and an unreadable file is reported in
        :attr:`IngestReport.failed` while the rest goes in.
        """
        from kg.articles import read_articles_lenient

        if not paths:
            raise InputError("(no input)", "give at least one file, directory or glob")
        items = list(read_articles_lenient(paths))
        return self.store.ingest_articles(items, self._extractor(batch_size, n_process),
                                          force=force, on_progress=on_progress)

    def ingest_articles(self, articles: Iterable[Article], *, force: bool = False,
                        batch_size: int = 16) -> IngestReport:
        """Extract and store :class:`~kg.model.Article` objects you built yourself."""
        return self.store.ingest_articles(list(articles), self._extractor(batch_size, 1),
                                          force=force)

    def ingest_text(self, text: str, *, title: str = "", published: date | str | None = None,
                    source: str | None = None, url: str | None = None,
                    key: str | None = None, force: bool = False) -> IngestReport:
        """Extract one article given as a string (see :func:`kg.articles.read_text`);
        ``published`` is a date or an ISO date string."""
        return self.ingest_articles(
            [_article(text, title=title, published=published, source=source, url=url,
                      key=key)], force=force)

    def add(self, extractions: Iterable[Extraction], *, force: bool = False) -> IngestReport:
        """Store extractions made elsewhere (e.g. by :func:`extract_text`)."""
        return self.store.ingest(extractions, skip_unchanged=not force)

    def load(self, path: str | Path, fmt: str | None = None, *,
             default_graph: bool = False) -> int:
        """Add the quads of an RDF file (format from the suffix unless ``fmt``): a dump of
        another store, or ``kg extract`` output. Returns the number of quads read. Triples
        outside any named graph (a Turtle file) are refused unless ``default_graph``."""
        p = Path(path)
        return self.store.load(p, fmt or p.suffix.lstrip(".") or "trig",
                               default_graph=default_graph)

    def remove(self, article: str) -> bool:
        """Drop one article graph by its IRI; False if it was not stored."""
        return self.store.remove_article(URIRef(article))

    def _extractor(self, batch_size: int, n_process: int
                   ) -> Callable[[Sequence[Article]], Iterable[Extraction]]:
        nlp = self.nlp

        def extract(articles: Sequence[Article]) -> Iterator[Extraction]:
            from kg.pipeline import extract_articles

            return extract_articles(articles, nlp=nlp, batch_size=batch_size,
                                    n_process=n_process)

        return extract

    # -- reading ----------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
        """A read-only SPARQL query over the union of all article graphs.

        ``bindings`` bind variables of the SELECT clause to values (str, int, Decimal,
        date, rdflib terms): the value is data, never spliced into the query text.
        """
        return self.store.query(sparql, bindings)

    def named_query(self, name: str, bindings: Mapping[str, object] | None = None,
                    **params: object) -> QueryResult:
        """Run a query of ``kg/queries`` (see :func:`list_queries` and docs/queries.md);
        parameters as a mapping or as keywords: ``named_query("events_by_type",
        type="Meeting")``."""
        return self.store.named_query(name, {**(bindings or {}), **params})

    def stats(self) -> Stats:
        """Articles, triples, and nodes per entity and event class."""
        return self.store.stats()

    def articles(self) -> list[str]:
        """IRIs of the stored articles."""
        return [str(a) for a in self.store.articles()]

    def _rows(self, sparql: str, var: str, nodes: Iterable[str] | None
              ) -> Iterator[Mapping[str, Node | None]]:
        """The rows of ``sparql``: all of them when ``nodes`` is None, else those with
        ``var`` bound to each of ``nodes`` (one query each, or one filtered scan)."""
        if nodes is None:
            yield from self.query(sparql)
            return
        wanted = sorted(set(nodes))
        if len(wanted) <= _PER_NODE:
            for node in wanted:
                yield from self.query(sparql, {var: URIRef(node)})
        else:
            keep = set(wanted)
            yield from (row for row in self.query(sparql) if _s(row[var]) in keep)

    def _named(self, name: str) -> set[str]:
        """IRIs of the nodes called ``name`` (label or alias, case ignored), or the IRI
        given (``<...>``, ``kgr:...``, ``http...``)."""
        iri = parse_iri(name)
        if iri is not None:
            return {str(iri)}
        return {str(r["x"]) for r in self.query(_Q_NAMED, {"name": name}) if r["x"] is not None}

    def events(self, type: EventType | str | None = None, *, actor: str | None = None,
               article: str | None = None) -> list[EventRecord]:
        """Events read back from the graph, by date then article and text position.

        ``type``: an event class (``"Deployment"``, ``EventType.MEETING``, ``kg:Meeting``);
        ``actor``: a name or alias (case ignored) or an IRI of an entity taking part in
        an actor role; ``article``: an article IRI.
        """
        wanted_type = _class_iri(type, EventType, "event") if type is not None else None
        candidates: set[str] | None = None
        if actor is not None:
            candidates = {str(r["e"]) for x in sorted(self._named(actor))
                          for r in self.query(_Q_EVENTS_OF, {"ax": URIRef(x)})}
        if article is not None:
            in_article = {str(r["e"]) for r in self.query(_Q_EVENTS_IN,
                                                          {"article": URIRef(article)})}
            candidates = in_article if candidates is None else candidates & in_article
        if candidates is not None and not candidates:
            return []

        base: dict[str, dict[str, Any]] = {}
        rows = self.query(_Q_EVENT, {"type": wanted_type}) \
            if candidates is None and wanted_type is not None \
            else self._rows(_Q_EVENT, "e", candidates)
        for row in rows:
            e = _s(row["e"])
            if e is None or (wanted_type is not None and row["type"] != wanted_type):
                continue
            rec = base.setdefault(e, {})
            for key, value in row.items():  # several values: keep the smallest, stably
                if value is not None and (key not in rec or str(value) < str(rec[key])):
                    rec[key] = value
        if not base:
            return []
        found = set(base) if candidates is not None or wanted_type is not None else None
        roles = self._event_roles(found)
        quantities = self._event_quantities(found)
        out = [self._event_record(e, rec, roles.get(e, []), quantities.get(e, []))
               for e, rec in base.items()]
        return sorted(out, key=lambda r: (
            str(r.time.date) if r.time and r.time.date else "9999",
            r.article or "", _begin(base[r.iri]), r.iri))

    def _event_roles(self, events: set[str] | None) -> dict[str, list[Participant]]:
        found: dict[tuple[str, str, str], tuple[str | None, set[str]]] = {}
        for row in self._rows(_Q_ROLES, "e", events):
            e, role, x = _s(row["e"]), _local(row["role"]), _s(row["x"])
            if e is None or role is None or x is None:
                continue
            label, types = found.get((e, role, x), (None, set()))
            new = _s(row["xLabel"])
            if new is not None and (label is None or new < label):
                label = new
            if row["xType"] is not None:
                types.add(_local(row["xType"]) or "")
            found[(e, role, x)] = (label, types)
        out: dict[str, list[Participant]] = defaultdict(list)
        for (e, role, x), (label, types) in found.items():
            out[e].append(Participant(Role(role), x, label or _tail(x), _kind(types)))
        for parts in out.values():
            parts.sort(key=lambda p: (_ROLE_ORDER[p.role], p.label, p.iri))
        return out

    def _event_quantities(self, events: set[str] | None) -> dict[str, list[QuantityRecord]]:
        seen: dict[str, dict[str, QuantityRecord]] = defaultdict(dict)
        for row in self._rows(_Q_QUANTITIES, "e", events):
            e, q = _s(row["e"]), _s(row["q"])
            if e is None or q is None or q in seen[e]:
                continue
            seen[e][q] = QuantityRecord(_s(row["qText"]) or "", _decimal(row["value"]),
                                        _decimal(row["min"]), _decimal(row["max"]),
                                        _s(row["unit"]))
        return {e: [qs[k] for k in sorted(qs)] for e, qs in seen.items()}

    @staticmethod
    def _event_record(e: str, rec: Mapping[str, Any], roles: list[Participant],
                      quantities: list[QuantityRecord]) -> EventRecord:
        etype = EventType(_local(rec["type"]) or "")
        time = None
        if rec.get("timeText") is not None or rec.get("date") is not None:
            time = TimeRecord(_s(rec.get("timeText")) or "", _date(rec.get("date")))
        return EventRecord(
            iri=e, type=etype, label=_s(rec.get("label")) or etype.value,
            modality=_enum_or_none(Modality, _local(rec.get("modality"))),
            polarity=_enum_or_none(Polarity, _local(rec.get("polarity"))),
            cameo=_s(rec.get("cameo")), plover=_s(rec.get("plover")),
            attributed_to=_s(rec.get("attr")), attribution=_s(rec.get("attrLabel")),
            participants=tuple(p for p in roles if not p.role.is_place),
            places=tuple(p for p in roles if p.role.is_place),
            quantities=tuple(quantities), time=time,
            trigger=_s(rec.get("trigger")), evidence=_s(rec.get("evidence")),
            quote=_s(rec.get("quote")), article=_s(rec.get("art")),
            article_title=_s(rec.get("title")), published=_date(rec.get("published")))

    def entities(self, type: EntityType | str | None = None, *, name: str | None = None
                 ) -> list[EntityRecord]:
        """Entities read back from the article graphs, by class then label.

        ``type``: an entity class (``"Person"``, ``EntityType.COUNTRY``, ...); ``name``: a
        label or alias (case ignored) or an IRI. A node with several classes is listed
        once, under the most specific (a Country is also a Place, but it is listed, and
        filtered, as a Country).
        """
        wanted = EntityType(str(_class_iri(type, EntityType, "entity"))[len(KG_NS):]) \
            if type is not None else None
        nodes = self._named(name) if name is not None else None
        if nodes is not None and not nodes:
            return []
        acc: dict[str, dict[str, Any]] = {}
        for row in self._rows(_Q_ENTITY, "x", nodes):
            x = _s(row["x"])
            if x is None:
                continue
            rec = acc.setdefault(x, {"types": set(), "aliases": set(), "graphs": set()})
            rec["types"].add(_local(row["type"]))
            rec["graphs"].add(_s(row["g"]))
            if row["alias"] is not None:
                rec["aliases"].add(str(row["alias"]))
            for key in ("label", "iso3", "wikidata", "lat", "long"):
                v = row[key]
                if v is not None and (key not in rec or str(v) < str(rec[key])):
                    rec[key] = v
        out: list[EntityRecord] = []
        for x, rec in acc.items():
            kind = _kind(rec["types"])
            if kind is None or (wanted is not None and kind is not wanted):
                continue
            lat, long = _py(rec.get("lat")), _py(rec.get("long"))
            label = _s(rec.get("label")) or _tail(x)
            out.append(EntityRecord(
                iri=x, type=kind, label=label,
                aliases=tuple(sorted(rec["aliases"] - {label})), iso3=_s(rec.get("iso3")),
                wikidata=_s(rec.get("wikidata")),
                latitude=float(lat) if lat is not None else None,
                longitude=float(long) if long is not None else None,
                articles=len(rec["graphs"])))
        order = {t: i for i, t in enumerate(EntityType)}
        return sorted(out, key=lambda r: (order[r.type], r.label.casefold(), r.iri))

    # -- analysis, pictures, export ---------------------------------------------------

    def graph_data(self) -> GraphData:
        """Events, entities and role edges as plain records (:mod:`kg.analysis` input)."""
        from kg.analysis import load_graph_data

        return load_graph_data(self.store)

    def actor_network(self) -> nx.Graph:
        """Actors linked when they take part in the same events (networkx ``Graph``;
        edge ``weight`` = shared events, ``event_types`` = counts per class)."""
        from kg.analysis import actor_network

        return actor_network(self.graph_data())

    def event_graph(self) -> nx.MultiDiGraph:
        """Events and entities, one edge per role (networkx ``MultiDiGraph``)."""
        from kg.analysis import event_graph

        return event_graph(self.graph_data())

    def render_html(self, view: str = "full", *, focus: str | None = None, hops: int = 2,
                    max_nodes: int = 500, title: str = "Geopolitical event graph") -> str:
        """One self-contained interactive HTML page (``view``: ``full``, ``actors`` or
        ``ego``); nothing is written or opened — save the string where you like."""
        from kg.viz import render_html

        return render_html(self.graph_data(), view=view, focus=focus, hops=hops,
                           max_nodes=max_nodes, title=title)

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the graph like ``kg export``: ``trig``, ``nquads``, ``turtle``,
        ``jsonld``, ``csv`` (one row per event), ``graphml`` or ``gexf``; the format
        defaults to the file suffix (``.ttl`` is Turtle, ``.nq`` N-Quads)."""
        from kg.export import export

        p = Path(path)
        suffix = {"ttl": "turtle", "nq": "nquads", "json": "jsonld"}
        name = fmt or suffix.get(p.suffix.lstrip(".").lower(), p.suffix.lstrip(".").lower())
        return export(self.store, name, p)

    def dump(self, fmt: str = "trig") -> bytes:
        """The graph serialised in ``fmt`` (``trig``, ``nquads``, ``turtle``, ``jsonld``)."""
        return self.store.dump(fmt)


def _begin(rec: Mapping[str, Any]) -> int:
    v = _py(rec.get("begin"))
    return int(v) if isinstance(v, int) else 0


def _article(text: str, *, title: str, published: date | str | None, source: str | None,
             url: str | None, key: str | None) -> Article:
    from kg.articles import read_text

    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError as e:
            raise InputError(key or url or "<text>",
                             f"published {published!r} is not an ISO date (YYYY-MM-DD)") from e
    return read_text(text, title=title, published=published, source=source, url=url, key=key)


# --------------------------------------------------------------------------- functions


def open(path: str | Path | None = None, *, read_only: bool = False,
         nlp: Language | None = None) -> Graph:
    """Open (or create) the persistent graph in directory ``path``; ``read_only`` lets
    several processes read one store. Without a path the graph is in memory, as with
    :func:`memory`."""
    return Graph(path, read_only=read_only, nlp=nlp)


def memory(*, nlp: Language | None = None) -> Graph:
    """A new empty graph held in memory."""
    return Graph(nlp=nlp)


def extract_text(text: str, *, title: str = "", published: date | str | None = None,
                 source: str | None = None, url: str | None = None, key: str | None = None,
                 nlp: Language | None = None) -> Extraction:
    """Entities and events of one text, without any store (like ``kg extract``).

    >>> ex = extract_text("Russia denied the report.", title="Denial")
    >>> [(e.type.value, e.polarity.value) for e in ex.events]
    [('Statement', 'Negative')]
    """
    from kg.pipeline import extract_articles

    article = _article(text, title=title, published=published, source=source, url=url,
                       key=key)
    return next(iter(extract_articles([article], nlp=nlp)))


def extract_files(*paths: str | Path, nlp: Language | None = None) -> list[Extraction]:
    """One Extraction per article in ``paths`` (files, directories, globs); a bad input
    raises :class:`~kg.errors.InputError` before anything is extracted."""
    from kg.pipeline import extract_paths

    return list(extract_paths(paths, nlp=nlp))


def to_rdf(extractions: Extraction | Iterable[Extraction], fmt: str = "trig") -> str:
    """The triples of extractions as text: ``trig`` / ``nquads`` / ``jsonld`` keep one
    named graph per article, ``turtle`` is their union."""
    from kg.rdf.mapping import RdfFormat, extractions_dataset, serialize

    items = [extractions] if isinstance(extractions, Extraction) else list(extractions)
    try:
        rdf_format = RdfFormat(fmt)
    except ValueError as e:
        raise KGError(f"unknown RDF format {fmt!r}; use one of "
                         f"{', '.join(f.value for f in RdfFormat)}") from e
    return serialize(extractions_dataset(items), rdf_format)
