"""The records the read side returns: plain, frozen data read back from the RDF graph.

Two shapes of the same graph, for two kinds of reader:

- :class:`EventRecord` and :class:`EntityRecord`: an event or an entity with everything
  said about it (participants, places, quantities, time, provenance), as
  :meth:`kg.api.GeoKG.events` and :meth:`kg.api.GeoKG.entities` return them;
- :class:`GraphData`: the network view the analysis and the pictures need, entities and
  events as nodes (:class:`EntityNode`, :class:`EventNode`) and the roles linking them as
  edges (:class:`RoleEdge`); an event node keeps all its evidence spans (:class:`Evidence`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from kg.lexicon import quad_class
from kg.model import Count, DateSource, EntityType, EventType, Modality, Polarity, QuadClass, Role

__all__ = [
    "EntityNode",
    "EntityRecord",
    "EventNode",
    "EventRecord",
    "Evidence",
    "GraphData",
    "Participant",
    "QuantityRecord",
    "RoleEdge",
    "TimeRecord",
]


# --------------------------------------------------------------------------- full records

#: ``datetime.date`` under a name no field shadows (EventRecord has a field ``date``).
Day = date

#: Roles of who does something (the source of a dyad) and of whom it is done to (its target).
SOURCE_ROLES = frozenset({Role.AGENT, Role.SPEAKER})
TARGET_ROLES = frozenset({Role.TARGET, Role.RECIPIENT, Role.ADDRESSEE})


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
    #: the date the event is read at: its own (``time.date``) else its article's
    #: publication date; ``date_source`` says which (``kg:eventDate``, ``kg:dateSource``)
    date: Day | None = None
    date_source: DateSource | None = None
    url: str | None = None  # where the article was published
    publisher: str | None = None  # the article's outlet or agency ("AP", "Wikinews")
    #: the ``kg:Occurrence`` the report belongs to (None: linked to none)
    occurrence: str | None = None
    #: the reports this record stands for, itself first (counting occurrences: the listed
    #: reports of its occurrence, :func:`kg.read.counting.records_by_occurrence`), and
    #: their articles, each once
    reports: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()

    @property
    def quad_class(self) -> QuadClass | None:
        """Verbal or material cooperation or conflict, from the CAMEO code (else PLOVER)."""
        return quad_class(self.cameo, self.plover)

    @property
    def sources(self) -> tuple[Participant, ...]:
        """Who did it: the agents and speakers (else the participants)."""
        found = tuple(p for p in self.participants if p.role in SOURCE_ROLES)
        return found or tuple(p for p in self.participants if p.role is Role.PARTICIPANT)

    @property
    def targets(self) -> tuple[Participant, ...]:
        """To whom: targets, recipients and addressees."""
        return tuple(p for p in self.participants if p.role in TARGET_ROLES)

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
        quad = self.quad_class
        return {
            "iri": self.iri, "type": self.type.value, "label": self.label,
            "date": self.date, "date_source": self.date_source.value if self.date_source
            else None,
            "time": self.time.text if self.time else None,
            "agent": "; ".join(p.label for p in self.sources),
            "target": "; ".join(p.label for p in self.targets),
            "participants": "; ".join(f"{p.role.value}: {p.label}" for p in self.participants),
            "places": "; ".join(p.label for p in self.places),
            "quantity": q.value if q else None,
            "min_quantity": q.min_value if q else None,
            "max_quantity": q.max_value if q else None,
            "unit": q.unit if q else None,
            "modality": self.modality.value if self.modality else None,
            "polarity": self.polarity.value if self.polarity else None,
            "attribution": self.attribution, "cameo": self.cameo, "plover": self.plover,
            "quad_class": quad.value if quad else None,
            "evidence": self.evidence, "article": self.article,
            "article_title": self.article_title, "published": self.published,
            "url": self.url, "publisher": self.publisher,
            "occurrence": self.occurrence, "reports": len(self.reports) or 1,
            "sources": len(self.articles) or 1,
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


# --------------------------------------------------------------------------- network view


@dataclass(frozen=True, slots=True)
class EntityNode:
    """An entity as a node of the network: its label and kind."""

    iri: str
    label: str
    kind: str  # an EntityType value, or "Entity" when the node has no entity class


@dataclass(frozen=True, slots=True)
class Evidence:
    """A text span an event was read from, with the article it is in."""

    text: str
    article: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date of the article
    source: str | None = None  # publisher of the article
    url: str | None = None  # where the article was published


@dataclass(frozen=True, slots=True)
class EventNode:
    """An event as a node of the network: its class, factuality and evidence."""

    iri: str
    type: str  # an EventType value
    label: str
    cameo: str | None = None
    plover: str | None = None
    modality: str | None = None  # "Asserted", "Reported", ...
    polarity: str | None = None  # "Positive" / "Negative"
    attributed_to: str | None = None  # entity IRI
    attribution: str | None = None  # label of that entity
    evidence: tuple[Evidence, ...] = ()
    quote: str | None = None  # the quoted words of a statement
    #: ISO date the event is read at: its own (time:inXSDDate of its time), else its
    #: article's publication date; date_source says which ("OwnDate", "PublicationDate")
    date: str | None = None
    date_source: str | None = None
    #: a report: the IRI of the ``kg:Occurrence`` it belongs to (None: linked to none)
    occurrence: str | None = None
    #: an occurrence (:meth:`GraphData.counting`): the IRIs of its reports, earliest first;
    #: its ``iri`` is the occurrence's (a report linked to none: the report's own), its
    #: roles and evidence those of all its reports, the rest its earliest report's
    reports: tuple[str, ...] = ()

    @property
    def sources(self) -> int:
        """How many articles report it (those of its evidence; at least 1)."""
        return max(1, len({ev.article for ev in self.evidence if ev.article}))


@dataclass(frozen=True, slots=True)
class RoleEdge:
    """An event linked to an entity in one role."""

    event: str
    role: str  # a Role value
    entity: str


@dataclass(frozen=True)
class GraphData:
    """What the analysis and the pictures need from the RDF graph, as plain records."""

    entities: Mapping[str, EntityNode] = field(default_factory=dict)
    events: Mapping[str, EventNode] = field(default_factory=dict)
    roles: tuple[RoleEdge, ...] = ()

    def between(self, since: date | str | None = None, until: date | str | None = None
                ) -> GraphData:
        """The events read at a date from ``since`` to ``until`` (inclusive ISO dates or
        dates; see :class:`kg.read.window.TimeWindow`), their role edges, and the entities
        those edges or attributions still reach; the same data when both are None."""
        from kg.read.window import TimeWindow

        window = TimeWindow.of(since, until)
        if window.is_open:
            return self
        events = {k: v for k, v in self.events.items() if window.contains(v.date)}
        roles = tuple(r for r in self.roles if r.event in events)
        keep = {r.entity for r in roles} | {e.attributed_to for e in events.values()
                                           if e.attributed_to}
        return GraphData({k: v for k, v in self.entities.items() if k in keep}, events, roles)

    def counting(self, count: Count | str | None = None) -> GraphData:
        """The data with one event node per real event (``"occurrences"``, the default:
        :func:`kg.read.counting.by_occurrence`) or per report (``"reports"``: the same
        data); anything else is an :class:`~kg.errors.UnknownValueError`."""
        from kg.queries import check_count
        from kg.read.counting import by_occurrence

        return self if check_count(count) is Count.REPORTS else by_occurrence(self)
