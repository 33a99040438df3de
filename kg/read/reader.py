"""Events and entities read back from the graph as :class:`EventRecord` and
:class:`EntityRecord` (what :meth:`kg.api.GeoKG.events` and ``.entities`` return).

Everything is read through SPARQL (``kg/queries/read/*.rq``) with bound parameters: a
label given by the caller is always data, never query text.

Oxigraph's union default graph is a bag: a triple stated in n article graphs comes back
n times, so joining two such patterns costs n * n rows. Every query therefore either reads
a single pattern or joins inside one article graph (``GRAPH ?g``), where each triple
occurs once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from kg.errors import UnknownValueError
from kg.model import Count, DateSource, EntityType, EventType, Modality, Polarity, Role
from kg.queries import check_count, parse_iri
from kg.rdf.vocab import KG_NS
from kg.read.counting import records_by_occurrence
from kg.read.records import (
    EntityRecord,
    EventRecord,
    Participant,
    QuantityRecord,
    TimeRecord,
)
from kg.read.source import Queryable, read_query
from kg.read.states import State, check_level, load_states
from kg.read.terms import (
    as_date,
    as_decimal,
    entity_kind,
    enum_or_none,
    iri_tail,
    local_name,
    python_value,
    text,
)
from kg.read.window import TimeWindow, suggest

__all__ = ["Reader", "class_iri"]

_ROLE_ORDER = {r: i for i, r in enumerate(Role)}

#: Up to this many nodes, details are read with one bound query per node; beyond it, with
#: one query over the whole graph, filtered here.
PER_NODE = 64


def class_iri(value: EventType | EntityType | str, allowed: type[EventType | EntityType],
              what: str) -> URIRef:
    """``Deployment``, ``kg:Deployment``, an enum member or the full IRI as a class IRI."""
    given = value.value if isinstance(value, EventType | EntityType) else str(value)
    iri = parse_iri(given)
    local = str(iri)[len(KG_NS):] if iri is not None and str(iri).startswith(KG_NS) \
        else (None if iri is not None else given[:1].upper() + given[1:])
    names = [t.value for t in allowed]
    if local not in names:
        raise UnknownValueError(f"{what} class", value, suggest(str(local or given), names),
                                hint=f"use one of {', '.join(names)}")
    return URIRef(KG_NS + local)


class Reader:
    """Reads events and entities from a :class:`~kg.read.source.Queryable` (a store)."""

    def __init__(self, source: Queryable) -> None:
        self.source = source

    def _query(self, name: str, bindings: Mapping[str, object] | None = None
               ) -> Iterable[Mapping[str, Node | None]]:
        return self.source.query(read_query(name), bindings).rows

    def _rows(self, name: str, var: str, nodes: Iterable[str] | None
              ) -> Iterator[Mapping[str, Node | None]]:
        """The rows of query ``name``: all of them when ``nodes`` is None, else those with
        ``var`` bound to each of ``nodes`` (one query each, or one filtered scan)."""
        if nodes is None:
            yield from self._query(name)
            return
        wanted = sorted(set(nodes))
        if len(wanted) <= PER_NODE:
            for node in wanted:
                yield from self._query(name, {var: URIRef(node)})
        else:
            keep = set(wanted)
            yield from (row for row in self._query(name) if text(row[var]) in keep)

    def named(self, name: str) -> set[str]:
        """IRIs of the nodes called ``name`` (label or alias, case ignored), or the IRI
        given (``<...>``, ``kgr:...``, ``http...``)."""
        iri = parse_iri(name)
        if iri is not None:
            return {str(iri)}
        return {str(r["x"]) for r in self._query("named", {"name": name}) if r["x"] is not None}

    def actor(self, name: str) -> set[str]:
        """:meth:`named`, or an :class:`~kg.errors.UnknownValueError` suggesting the
        actors' names closest to ``name`` when no node is called that."""
        found = self.named(name)
        if not found:
            names = {str(r["name"]) for r in self._query("actor_names") if r["name"] is not None}
            raise UnknownValueError("actor", name, suggest(name, names),
                                    hint="no actor has this name or alias")
        return found

    def entity(self, name: str) -> set[str]:
        """:meth:`named`, or an :class:`~kg.errors.UnknownValueError` suggesting the
        entities' names closest to ``name`` when no node is called that."""
        found = self.named(name)
        if not found:
            names = {str(r["name"]) for r in self._query("entity_names")
                     if r["name"] is not None}
            raise UnknownValueError("entity", name, suggest(name, names),
                                    hint="no entity has this name or alias")
        return found

    def country(self, code: str) -> str:
        """``code`` if something in the store has it as ISO 3166-1 alpha-3 code, else an
        :class:`~kg.errors.UnknownValueError` suggesting close codes (by code or name)."""
        rows = self._query("iso3_codes")
        codes = {str(r["code"]).upper() for r in rows if r["code"] is not None}
        if code.upper() in codes:
            return code.upper()
        by_name = {str(r["label"]): str(r["code"]) for r in rows
                   if r["label"] is not None and r["code"] is not None}
        near = suggest(code.upper(), codes, cutoff=0.6) or [
            f"{by_name[n]} ({n})" for n in suggest(code, by_name)]
        raise UnknownValueError("country code", code, near,
                                hint="no country in the store has this ISO 3166-1 "
                                     "alpha-3 code")

    def states(self) -> dict[str, State]:
        """Each entity's state where the graph says so (:func:`kg.read.states.load_states`)."""
        return load_states(self.source)

    # -- events -----------------------------------------------------------------------

    def events(self, type: EventType | str | None = None, *, actor: str | None = None,
               article: str | None = None, since: Any = None, until: Any = None,
               level: str = "actor", count: Count | str | None = None) -> list[EventRecord]:
        """Events, by date then article and text position: one per occurrence, or per
        report with ``count="reports"`` (see :meth:`kg.api.GeoKG.events`)."""
        counting = check_count(count)
        wanted_type = class_iri(type, EventType, "event") if type is not None else None
        window = TimeWindow.of(since, until)
        candidates: set[str] | None = None
        if actor is not None:
            nodes = self.actor(actor)
            if check_level(level) == "state":
                states = self.states()
                mine = {states[x].iri for x in nodes if x in states}
                nodes |= {x for x, s in states.items() if s.iri in mine}
            candidates = {str(r["e"]) for x in sorted(nodes)
                          for r in self._query("events_of_actor", {"ax": URIRef(x)})}
        if article is not None:
            in_article = {str(r["e"]) for r in self._query("events_in_article",
                                                           {"article": URIRef(article)})}
            candidates = in_article if candidates is None else candidates & in_article
        if candidates is not None and not candidates:
            return []

        base: dict[str, dict[str, Any]] = {}
        rows = self._query("event", {"type": wanted_type}) \
            if candidates is None and wanted_type is not None \
            else self._rows("event", "e", candidates)
        for row in rows:
            e = text(row["e"])
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
        out = [r for e, rec in base.items()
               if (r := _event_record(e, rec, roles.get(e, []), quantities.get(e, [])))
               and window.contains(r.date)]
        out.sort(key=lambda r: (str(r.date) if r.date else "9999",
                                r.article or "", _begin(base[r.iri]), r.iri))
        listed = {r.iri for r in out} if found is not None else None
        occurrence = {e: o for row in self._rows("graph_occurrences", "e", listed)
                      if (e := text(row["e"])) is not None and (o := text(row["occ"]))}
        return records_by_occurrence(out, occurrence, counting)

    def _event_roles(self, events: set[str] | None) -> dict[str, list[Participant]]:
        found: dict[tuple[str, str, str], tuple[str | None, set[str]]] = {}
        for row in self._rows("event_roles", "e", events):
            e, role, x = text(row["e"]), local_name(row["role"]), text(row["x"])
            if e is None or role is None or x is None:
                continue
            label, types = found.get((e, role, x), (None, set()))
            new = text(row["xLabel"])
            if new is not None and (label is None or new < label):
                label = new
            if row["xType"] is not None:
                types.add(local_name(row["xType"]) or "")
            found[(e, role, x)] = (label, types)
        out: dict[str, list[Participant]] = defaultdict(list)
        for (e, role, x), (label, types) in found.items():
            out[e].append(Participant(Role(role), x, label or iri_tail(x), entity_kind(types)))
        for parts in out.values():
            parts.sort(key=lambda p: (_ROLE_ORDER[p.role], p.label, p.iri))
        return out

    def _event_quantities(self, events: set[str] | None) -> dict[str, list[QuantityRecord]]:
        seen: dict[str, dict[str, QuantityRecord]] = defaultdict(dict)
        for row in self._rows("event_quantities", "e", events):
            e, q = text(row["e"]), text(row["q"])
            if e is None or q is None or q in seen[e]:
                continue
            seen[e][q] = QuantityRecord(text(row["qText"]) or "", as_decimal(row["value"]),
                                        as_decimal(row["min"]), as_decimal(row["max"]),
                                        text(row["unit"]))
        return {e: [qs[k] for k in sorted(qs)] for e, qs in seen.items()}

    # -- entities ---------------------------------------------------------------------

    def entities(self, type: EntityType | str | None = None, *, name: str | None = None
                 ) -> list[EntityRecord]:
        """Entities, by class then label (see :meth:`kg.api.GeoKG.entities`)."""
        wanted = EntityType(str(class_iri(type, EntityType, "entity"))[len(KG_NS):]) \
            if type is not None else None
        nodes = self.entity(name) if name is not None else None
        acc: dict[str, dict[str, Any]] = {}
        for row in self._rows("entity", "x", nodes):
            x = text(row["x"])
            if x is None:
                continue
            rec = acc.setdefault(x, {"types": set(), "aliases": set(), "graphs": set()})
            rec["types"].add(local_name(row["type"]))
            rec["graphs"].add(text(row["g"]))
            if row["alias"] is not None:
                rec["aliases"].add(str(row["alias"]))
            for key in ("label", "iso3", "wikidata", "lat", "long"):
                v = row[key]
                if v is not None and (key not in rec or str(v) < str(rec[key])):
                    rec[key] = v
        out: list[EntityRecord] = []
        for x, rec in acc.items():
            kind = entity_kind(rec["types"])
            if kind is None or (wanted is not None and kind is not wanted):
                continue
            lat, long = python_value(rec.get("lat")), python_value(rec.get("long"))
            label = text(rec.get("label")) or iri_tail(x)
            out.append(EntityRecord(
                iri=x, type=kind, label=label,
                aliases=tuple(sorted(rec["aliases"] - {label})), iso3=text(rec.get("iso3")),
                wikidata=text(rec.get("wikidata")),
                latitude=float(lat) if lat is not None else None,
                longitude=float(long) if long is not None else None,
                articles=len(rec["graphs"])))
        order = {t: i for i, t in enumerate(EntityType)}
        return sorted(out, key=lambda r: (order[r.type], r.label.casefold(), r.iri))


def _event_record(e: str, rec: Mapping[str, Any], roles: list[Participant],
                  quantities: list[QuantityRecord]) -> EventRecord:
    etype = EventType(local_name(rec["type"]) or "")
    time = None
    if rec.get("timeText") is not None or rec.get("date") is not None:
        time = TimeRecord(text(rec.get("timeText")) or "", as_date(rec.get("date")))
    return EventRecord(
        iri=e, type=etype, label=text(rec.get("label")) or etype.value,
        modality=enum_or_none(Modality, local_name(rec.get("modality"))),
        polarity=enum_or_none(Polarity, local_name(rec.get("polarity"))),
        cameo=text(rec.get("cameo")), plover=text(rec.get("plover")),
        attributed_to=text(rec.get("attr")), attribution=text(rec.get("attrLabel")),
        participants=tuple(p for p in roles if not p.role.is_place),
        places=tuple(p for p in roles if p.role.is_place),
        quantities=tuple(quantities), time=time,
        trigger=text(rec.get("trigger")), evidence=text(rec.get("evidence")),
        quote=text(rec.get("quote")), article=text(rec.get("art")),
        article_title=text(rec.get("title")), published=as_date(rec.get("published")),
        date=as_date(rec.get("eventDate")) or (time.date if time else None),
        date_source=enum_or_none(DateSource, local_name(rec.get("dateSource")))
        or (DateSource.OWN if time and time.date else None),
        url=text(rec.get("url")), publisher=text(rec.get("publisher")))


def _begin(rec: Mapping[str, Any]) -> int:
    v = python_value(rec.get("begin"))
    return int(v) if isinstance(v, int) else 0
