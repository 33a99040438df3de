"""Parameters of named queries checked against the store before the query runs, so that a
typo is an error with suggestions rather than an empty answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.model import EntityType, EventType
from kg.queries import load_query, parse_iri
from kg.read.window import TimeWindow

if TYPE_CHECKING:
    from kg.store import QueryResult

if TYPE_CHECKING:
    from kg.read.reader import Reader

__all__ = ["ECHOED", "resolve_names", "without_window"]

#: Parameters a named query projects only so that they can be bound; answers leave them out.
ECHOED = ("since", "until", "count")


def resolve_names(reader: Reader, name: str, given: Mapping[str, object]) -> dict[str, object]:
    """``given`` with each value checked: a class parameter must name a class of the
    ontology, an entity parameter given by name must be some actor's name (one node: its
    IRI is bound), a country code must be one the store holds, ``since`` / ``until``
    must be ISO dates (``until="2019"`` is the end of 2019). A value that fails is an
    :class:`~kg.errors.UnknownValueError` naming close matches. Parameters the query does
    not have are left for the store to refuse."""
    from kg.read.reader import class_iri

    params = {p.name: p for p in load_query(name).parameters}
    out = dict(given)
    for key, value in given.items():
        p = params.get(key)
        if p is None or value is None:
            continue
        if p.kind == "class" and isinstance(value, str):
            allowed = EntityType if "entit" in p.help.lower() else EventType
            out[key] = class_iri(value, allowed, "entity" if allowed is EntityType else "event")
        elif p.kind == "entity" and isinstance(value, str) and parse_iri(value) is None:
            nodes = reader.actor(value)
            if len(nodes) == 1:
                out[key] = URIRef(next(iter(nodes)))
        elif p.kind == "iso3" and isinstance(value, str):
            out[key] = reader.country(value.strip())  # a name gets codes suggested
    if "since" in params or "until" in params:
        window = TimeWindow.of(_day(given.get("since")), _day(given.get("until")))
        for key, day in (("since", window.since), ("until", window.until)):
            if day is not None:
                out[key] = day
            else:
                out.pop(key, None)
    return out


def _day(value: object) -> str | None:
    return None if value is None else str(value)


def without_window(result: QueryResult) -> QueryResult:
    """``result`` without the ``since`` / ``until`` / ``count`` columns a named query
    projects only so that they can be bound (their values are what the caller gave)."""
    drop = set(ECHOED) & set(result.variables)
    if not drop:
        return result
    keep = tuple(v for v in result.variables if v not in drop)
    return type(result)(variables=keep,
                        rows=[{v: row.get(v) for v in keep} for row in result.rows])
