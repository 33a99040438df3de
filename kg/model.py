"""The plain data that flows through kg's stages.

text → :class:`Article` → :class:`Parse` + :class:`Mention` → :class:`Entity` / :class:`Event`
→ triples. Everything here is a frozen dataclass or an enum: no spaCy, rdflib or click.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

# --------------------------------------------------------------------------- vocabularies


class EntityType(StrEnum):
    """The five entity classes of the contract; the value is the ontology class name."""

    PERSON = "Person"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    MILITARY_FORCE = "MilitaryForce"
    PLACE = "Place"


class EventType(StrEnum):
    """The nine event classes of the contract; the value is the ontology class name."""

    MEETING = "Meeting"
    DEPLOYMENT = "Deployment"
    STATEMENT = "Statement"
    TRANSFER = "Transfer"
    APPEAL = "Appeal"
    TRAINING = "Training"
    COMBAT = "Combat"
    COOPERATION = "Cooperation"
    SANCTION = "Sanction"


#: Default CAMEO root code and PLOVER type of each event class (CONTRACT.md table).
#: Extraction may record a finer CAMEO code for a particular event.
EVENT_CODES: dict[EventType, tuple[str, str]] = {
    EventType.MEETING: ("04", "CONSULT"),
    EventType.DEPLOYMENT: ("15", "MOBILIZE"),
    EventType.STATEMENT: ("01", "STATEMENT"),
    EventType.TRANSFER: ("07", "AID"),
    EventType.APPEAL: ("02", "REQUEST"),
    EventType.TRAINING: ("15", "MOBILIZE"),
    EventType.COMBAT: ("19", "ASSAULT"),
    EventType.COOPERATION: ("03", "COOPERATE"),
    EventType.SANCTION: ("16", "SANCTION"),
}


class Role(StrEnum):
    """How an entity takes part in an event; the value is the ontology property name.

    Actor roles are sub-properties of ``sem:hasActor``; place roles of ``sem:hasPlace``.
    """

    AGENT = "agent"
    PARTICIPANT = "participant"
    RECIPIENT = "recipient"
    TARGET = "target"
    SPEAKER = "speaker"
    ADDRESSEE = "addressee"
    LOCATION = "location"
    ORIGIN = "origin"
    DESTINATION = "destination"

    @property
    def is_place(self) -> bool:
        return self in (Role.LOCATION, Role.ORIGIN, Role.DESTINATION)


class Modality(StrEnum):
    """Factuality of a claim; the value is the ontology individual name."""

    ASSERTED = "Asserted"
    REPORTED = "Reported"
    ESTIMATED = "Estimated"
    POSSIBLE = "Possible"
    PLANNED = "Planned"


class Polarity(StrEnum):
    POSITIVE = "Positive"
    NEGATIVE = "Negative"


class DateSource(StrEnum):
    """Where the date an event is read at comes from (``kg:dateSource``): its own date, or
    its article's publication date standing in for it."""

    OWN = "OwnDate"
    PUBLICATION = "PublicationDate"


class Count(StrEnum):
    """What the read side counts (``count=`` in Python, ``--count`` on the command line,
    ``?count`` of the named queries): real events, each reported once or many times
    (``kg:Occurrence``; a report linked to none is its own), or the event reports of
    the articles."""

    OCCURRENCES = "occurrences"
    REPORTS = "reports"


class QuadClass(StrEnum):
    """The CAMEO / PLOVER quad class of an event: cooperation or conflict, in words or in
    deeds (``kg/data/lexicon/quad_classes.tsv``)."""

    VERBAL_COOPERATION = "verbal cooperation"
    MATERIAL_COOPERATION = "material cooperation"
    VERBAL_CONFLICT = "verbal conflict"
    MATERIAL_CONFLICT = "material conflict"

    @property
    def is_conflict(self) -> bool:
        return self in (QuadClass.VERBAL_CONFLICT, QuadClass.MATERIAL_CONFLICT)


# --------------------------------------------------------------------------- text


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Character offsets ``[begin, end)`` into an article body."""

    begin: int
    end: int

    def __post_init__(self) -> None:
        if self.begin < 0 or self.end < self.begin:
            raise ValueError(f"invalid span [{self.begin}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.begin

    def contains(self, other: Span) -> bool:
        return self.begin <= other.begin and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.begin < other.end and other.begin < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file.

    ``key`` is the article's stable identity (its URL, else where it was read from): an
    article read again under the same key replaces the earlier version. Offsets of every
    span refer to ``body`` exactly as stored here.
    """

    key: str
    title: str
    body: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""

    @property
    def content_hash(self) -> str:
        """Hash of everything extraction reads; unchanged articles can be skipped."""
        h = hashlib.sha256()
        for part in (self.title, self.body, self.published.isoformat() if self.published else "",
                     self.source or "", self.url or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


# --------------------------------------------------------------------------- parse


class Token(NamedTuple):
    """A token of a dependency parse, as plain data (a copy of what spaCy computed).

    A named tuple rather than a dataclass: a corpus has millions of tokens and this is
    built once per token on the hot path.
    """

    i: int
    text: str
    idx: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_type: str = ""
    ent_iob: str = "O"
    whitespace: str = ""

    @property
    def span(self) -> Span:
        return Span(self.idx, self.idx + len(self.text))


@dataclass(frozen=True, slots=True)
class Sentence:
    """Sentence ``index``: tokens ``[start, end)`` covering characters ``span``."""

    index: int
    start: int
    end: int
    span: Span


@dataclass(frozen=True)
class Parse:
    """A dependency-parsed text: tokens and sentences, navigable without spaCy."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]

    @cached_property
    def _children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t.i)
        return tuple(tuple(k) for k in kids)

    def children(self, i: int) -> tuple[Token, ...]:
        return tuple(self.tokens[c] for c in self._children[i])

    def subtree(self, i: int) -> tuple[Token, ...]:
        """Token ``i`` and all its descendants, in text order."""
        seen: list[int] = []
        stack = [i]
        while stack:
            j = stack.pop()
            seen.append(j)
            stack.extend(self._children[j])
        return tuple(self.tokens[j] for j in sorted(seen))

    def ancestors(self, i: int) -> Iterator[Token]:
        """The heads above token ``i``, nearest first."""
        t = self.tokens[i]
        while t.head != t.i:
            t = self.tokens[t.head]
            yield t

    def sentence_of(self, i: int) -> Sentence:
        return self.sentences[self.tokens[i].sent]

    def span_text(self, span: Span) -> str:
        return self.text[span.begin:span.end]


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names something: an entity, a time, a quantity, a trigger.

    ``label`` is the recogniser's label (spaCy's ``PERSON``, ``GPE``, ``NORP``, ``DATE``,
    ``CARDINAL``..., or kg's own such as ``FORCE``); ``start``/``end`` are token indexes.
    """

    span: Span
    text: str
    label: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Analysis:
    """What the NLP stage produced for one article: its parse and its mentions."""

    article: Article
    parse: Parse
    mentions: tuple[Mention, ...]


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True)
class Post:
    """A position a person holds (W3C ORG): a title, in an organisation or state."""

    title: str
    organization: str | None = None  # entity key of the organisation or state


@dataclass(frozen=True)
class Entity:
    """One real-world thing named in an article.

    ``key`` is global ("country/PRK", "person/lloyd-austin"): the same thing in two
    articles gets the same key, hence the same IRI, so graphs merge.
    """

    key: str
    type: EntityType
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    iso3: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    posts: tuple[Post, ...] = ()
    part_of: str | None = None  # key of the state a force, body or place belongs to


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Argument:
    """An entity in a role of an event."""

    role: Role
    entity: str  # entity key
    mention: Mention | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount: exact (``value``) or bounded (``min_value`` / ``max_value``)."""

    span: Span
    text: str
    value: Decimal | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time as written, resolved to a date against the publication date when possible."""

    span: Span
    text: str
    date: date | None = None


@dataclass(frozen=True)
class Event:
    """Something an article reports happening, with its roles and its grounding.

    ``trigger`` is the word or phrase that signals the event; ``evidence`` the sentence it
    was read from. ``attributed_to`` is the key of the source entity of a reported claim.
    """

    type: EventType
    trigger: Mention
    evidence: Span
    arguments: tuple[Argument, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    time: TimeExpression | None = None
    modality: Modality = Modality.ASSERTED
    polarity: Polarity = Polarity.POSITIVE
    attributed_to: str | None = None
    quote: str | None = None
    cue: str | None = None
    cameo: str = ""
    plover: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        cameo, plover = EVENT_CODES[self.type]
        if not self.cameo:
            object.__setattr__(self, "cameo", cameo)
        if not self.plover:
            object.__setattr__(self, "plover", plover)
        if not self.label:
            object.__setattr__(self, "label", f"{self.type.value}: {self.trigger.text}")


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the input of the RDF mapping."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
