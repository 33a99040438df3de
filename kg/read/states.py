"""Actors rolled up to their states, and who-did-what-to-whom (dyads) at actor or state
level: plain functions over the read side's records, for the API, the CLI and the views.

- :func:`load_states`: each entity's state, where the graph says so (a state is its own;
  a force or body the state it is ``kg:forceOf`` / ``kg:partOf``; a person the state of a
  body they hold a post in);
- :func:`roll_up`: an entity as its state (or itself when the graph names none);
- :func:`dyads`: events counted by source, target, class, quad class and month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import rdflib

from kg.errors import UnknownValueError
from kg.lexicon import quad_class
from kg.model import Count, Role
from kg.queries import check_count
from kg.read.counting import unit
from kg.read.records import SOURCE_ROLES, TARGET_ROLES, GraphData
from kg.read.source import Queryable, RdflibSource, read_query
from kg.read.terms import text
from kg.read.window import TimeWindow

__all__ = ["LEVELS", "DyadRow", "State", "check_level", "dyads", "load_states", "roll_up"]

#: What :func:`dyads` and ``events(level=...)`` count by: each actor, or its state.
LEVELS = ("actor", "state")
Level = Literal["actor", "state"]

_SOURCE = {r.value for r in SOURCE_ROLES}
_TARGET = {r.value for r in TARGET_ROLES}


@dataclass(frozen=True, slots=True)
class State:
    """A state an entity belongs to: its node, label and ISO 3166-1 alpha-3 code."""

    iri: str
    label: str
    iso3: str


def check_level(level: str) -> Level:
    """``level`` if it is one of :data:`LEVELS`, else an UnknownValueError."""
    if level not in LEVELS:
        raise UnknownValueError("level", level, [lv for lv in LEVELS if lv[0] == level[:1]],
                                hint=f"use one of {', '.join(LEVELS)}")
    return level  # type: ignore[return-value]


def load_states(source: Queryable | rdflib.Graph) -> dict[str, State]:
    """Entity IRI → its :class:`State`, for every entity the graph ties to one (a node
    tied to several, e.g. a person with posts in two states, gets the first by label)."""
    q: Queryable = RdflibSource(source) if isinstance(source, rdflib.Graph) else source
    found: dict[str, State] = {}
    for row in q.query(read_query("states")).rows:
        x, state, iso3 = text(row["x"]), text(row["state"]), text(row["iso3"])
        if x is None or state is None or iso3 is None:
            continue
        new = State(state, text(row["label"]) or iso3, iso3)
        old = found.get(x)
        if old is None or (x != old.iri and (new.iri == x or (new.label, new.iri)
                                             < (old.label, old.iri))):
            found[x] = new
    return found


def roll_up(iri: str, label: str, states: Mapping[str, State]) -> tuple[str, str]:
    """``(iri, label)`` of the state ``iri`` belongs to, else of the entity itself."""
    s = states.get(iri)
    return (s.iri, s.label) if s is not None else (iri, label)


@dataclass(frozen=True, slots=True)
class DyadRow:
    """Events one source did to one target, of one class, in one month."""

    source: str  # label (of the actor, or of its state at state level)
    target: str
    type: str  # event class
    quad_class: str | None  # "verbal cooperation", ..., "material conflict"
    month: str | None  # YYYY-MM of the date the events are read at; None: undated
    events: int
    source_iri: str
    target_iri: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "type": self.type,
                "quad_class": self.quad_class, "month": self.month, "events": self.events,
                "source_iri": self.source_iri, "target_iri": self.target_iri}


def dyads(data: GraphData, *, level: str = "actor", states: Mapping[str, State] | None = None,
          window: TimeWindow | None = None, actor: Iterable[str] | None = None,
          type: str | None = None, count: Count | str | None = None) -> list[DyadRow]:
    """Who did what to whom: one row per source, target, event class, quad class and month,
    with the number of events, most events first.

    The source of an event is its agents and speakers, the target its targets, recipients
    and addressees; an event with participants only (a meeting, an agreement) counts once
    for each pair of them, in both directions. At ``level="state"`` every actor is its state
    (:func:`load_states`: ``states`` must be given) and an event within one state is
    dropped. ``actor`` keeps the rows whose source or target is one of these IRIs (at state
    level, their states); ``type`` one event class. ``count``: what a row counts, real
    events (``"occurrences"``, the default: the reports of one ``kg:Occurrence`` once, a
    report linked to none as its own) or ``"reports"``; a row is still a report's source,
    target, class, quad class and month, so an occurrence whose reports fall in two months
    counts in each (as ``dyads.rq``).
    """
    counting = check_count(count)
    lvl = check_level(level)
    if lvl == "state" and states is None:
        raise ValueError("dyads at state level need the states (load_states)")
    window = window or TimeWindow()
    by_event: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for r in data.roles:
        src, tgt, par = by_event.setdefault(r.event, ([], [], []))
        if r.role in _SOURCE:
            src.append(r.entity)
        elif r.role in _TARGET:
            tgt.append(r.entity)
        elif r.role == Role.PARTICIPANT.value:
            par.append(r.entity)

    def node(iri: str) -> tuple[str, str]:
        ent = data.entities.get(iri)
        label = ent.label if ent is not None else iri
        return roll_up(iri, label, states or {}) if lvl == "state" else (iri, label)

    wanted = None if actor is None else {node(a)[0] for a in actor}
    counts: Counter[tuple[str, str, str, str, str | None, str | None]] = Counter()
    labels: dict[str, str] = {}
    for e, (src, tgt, par) in by_event.items():
        ev = data.events.get(e)
        if ev is None or not window.contains(ev.date) or (type and ev.type != type):
            continue
        if src and tgt:
            pairs = {(node(s), node(t)) for s in src for t in tgt}
        elif par and (src or len(par) > 1):
            who = {node(x) for x in [*src, *par]}
            pairs = {(a, b) for a in who for b in who if a != b}
        else:
            continue
        quad = quad_class(ev.cameo, ev.plover)
        month = ev.date[:7] if ev.date else None
        for (s, s_label), (t, t_label) in pairs:
            if s == t or (wanted is not None and s not in wanted and t not in wanted):
                continue
            labels[s], labels[t] = s_label, t_label
            counts[(s, t, ev.type, quad.value if quad else "", month, unit(ev, counting))] += 1
    rows: Counter[tuple[str, str, str, str, str | None]] = Counter()
    for (s, t, kind, q, month, _e) in counts:
        rows[(s, t, kind, q, month)] += 1  # one per event, whatever rolled up into it
    out = [DyadRow(labels[s], labels[t], kind, q or None, month, n, s, t)
           for (s, t, kind, q, month), n in rows.items()]
    out.sort(key=lambda r: (-r.events, r.month or "9999", r.source, r.target, r.type))
    return out
