"""What a page's side panel shows of an event: its class, label, date, modality, polarity,
attribution, participants and evidence sentences with their articles (and the article's
URL when the record carries one). An occurrence (one real event, several reports) is
labelled "reported by N sources" and quotes a sentence of each of its reports. The
corpus, map and timeline pages embed these records as JSON and draw them with
``kg/templates/panel.js`` (text only, never markup).

Entities and events are numbered in the page (``EventTable``) so that a record names its
participants and an edge its events by small integers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kg.analysis import ACTOR_ROLES, GraphData
from kg.lexicon import quad_class
from kg.read import EventNode, Evidence

__all__ = ["EventTable", "event_date", "week_start"]

_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_MAX_EVIDENCE = 3
_MAX_REPORTS = 20  # an occurrence's panel quotes at most this many of its reports


def event_date(e: EventNode) -> tuple[str | None, str | None]:
    """The event's ISO date and where it comes from: ``"event"`` (its own, resolved from
    the text) or ``"published"`` (its article's publication date, when it has none).

    >>> event_date(EventNode("e", "Meeting", "m", date="2020-01-02"))
    ('2020-01-02', 'event')
    >>> said = Evidence("They met.", published="2020-03-04")
    >>> event_date(EventNode("e", "Meeting", "m", evidence=(said,)))
    ('2020-03-04', 'published')
    """
    if e.date and _iso(e.date):
        return e.date[:10], "event"
    published = sorted(ev.published[:10] for ev in e.evidence if ev.published
                       and _iso(ev.published))
    return (published[0], "published") if published else (None, None)


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def week_start(iso: str) -> str:
    """The Monday of an ISO date's week.

    >>> week_start("2024-11-07")
    '2024-11-04'
    """
    d = date.fromisoformat(iso[:10])
    return (d - timedelta(days=d.weekday())).isoformat()


def _url(ev: Evidence) -> str | None:
    """The article's web address, if the record carries one (http or https only)."""
    url = getattr(ev, "url", None)
    return url if isinstance(url, str) and _URL.match(url) else None


def _evidence(ev: Evidence) -> dict[str, Any]:
    rec: dict[str, Any] = {"s": ev.text}
    for key, value in (("ti", ev.title), ("pu", ev.published), ("so", ev.source),
                       ("u", _url(ev)), ("ar", ev.article)):
        if value:
            rec[key] = value
    return rec


@dataclass
class EventTable:
    """Events and entities of a page, numbered in the order they are first asked for."""

    data: GraphData
    events: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    _event_ix: dict[str, int] = field(default_factory=dict)
    _entity_ix: dict[str, int] = field(default_factory=dict)
    _roles: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for r in self.data.roles:
            self._roles.setdefault(r.event, []).append((r.role, r.entity))

    def event(self, iri: str) -> int:
        """The number of an event in the page."""
        if iri not in self._event_ix:
            self._event_ix[iri] = len(self.events)
            self.events.append(iri)
            for _, x in self._roles.get(iri, ()):
                self.entity(x)
        return self._event_ix[iri]

    def entity(self, iri: str) -> int:
        """The number of an entity in the page."""
        if iri not in self._entity_ix:
            self._entity_ix[iri] = len(self.entities)
            self.entities.append(iri)
        return self._entity_ix[iri]

    def add(self, iris: Iterable[str]) -> list[int]:
        return [self.event(i) for i in iris]

    def roles(self, iri: str) -> list[tuple[str, str]]:
        """(role, entity IRI) of an event, actors first."""
        return sorted(self._roles.get(iri, ()),
                      key=lambda t: (t[0] not in ACTOR_ROLES, t[0], t[1]))

    def records(self) -> dict[str, Any]:
        """``{"events": [...], "entities": [...]}`` for the page (JSON-ready)."""
        out_events = []
        for iri in self.events:
            e = self.data.events[iri]
            when, source = event_date(e)
            quad = quad_class(e.cameo, e.plover)
            # an occurrence: "reported by N sources", and a sentence of each of its reports
            shown = max(_MAX_EVIDENCE, min(len(e.reports), _MAX_REPORTS))
            label = e.label + (f" · reported by {e.sources} sources" if e.sources > 1 else "")
            rec: dict[str, Any] = {"t": e.type, "l": label, "iri": iri,
                                   "r": [[role, self._entity_ix[x]] for role, x in
                                         self.roles(iri)],
                                   "ev": [_evidence(ev) for ev in e.evidence[:shown]]}
            if len(e.evidence) > shown:
                rec["more"] = len(e.evidence) - shown
            if e.reports:
                rec["n"] = len(e.reports)
            for key, value in (("d", when), ("ds", source), ("m", e.modality),
                               ("p", e.polarity), ("a", e.attribution), ("q", e.quote),
                               ("c", e.cameo), ("pl", e.plover),
                               ("qc", quad.value if quad else None)):
                if value:
                    rec[key] = value
            out_events.append(rec)
        out_entities = []
        for iri in self.entities:
            ent = self.data.entities.get(iri)
            out_entities.append({"l": ent.label if ent else iri.rsplit("/", 1)[-1],
                                 "k": ent.kind if ent else "Entity"})
        return {"events": out_events, "entities": out_entities}
