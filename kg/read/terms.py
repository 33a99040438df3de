"""RDF terms of query answers as plain Python values (the read side's only converters)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from rdflib import Literal
from rdflib.term import Node

from kg.model import EntityType
from kg.rdf.vocab import KG_NS

__all__ = ["as_date", "as_decimal", "entity_kind", "enum_or_none", "iri_tail", "local_name",
           "python_value", "smallest", "text"]

E = TypeVar("E")

#: When an entity has several classes, the first of these names its kind (a kg:Country is
#: also a kg:Place, but it is read, drawn and counted as a state).
KIND_ORDER: tuple[EntityType, ...] = (
    EntityType.PERSON, EntityType.MILITARY_FORCE, EntityType.ORGANIZATION,
    EntityType.COUNTRY, EntityType.PLACE)


def text(t: Node | None) -> str | None:
    """The text of a term (an IRI, a literal's lexical form), or None."""
    return None if t is None else str(t)


def local_name(t: Node | None) -> str | None:
    """The local name of a kg: IRI (``kg:Reported`` -> ``"Reported"``), else the text.

    >>> from rdflib import URIRef
    >>> local_name(URIRef("https://w3id.org/geokg/ontology#Reported"))
    'Reported'
    """
    if t is None:
        return None
    s = str(t)
    return s[len(KG_NS):] if s.startswith(KG_NS) else s


def iri_tail(iri: str) -> str:
    """The last segment of an IRI, a stand-in label for a node that has none.

    >>> iri_tail("https://w3id.org/geokg/resource/person/lloyd-austin")
    'lloyd-austin'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def python_value(t: Node | None) -> Any:
    """A literal's Python value; None for anything else."""
    return t.toPython() if isinstance(t, Literal) else None


def as_decimal(t: Node | None) -> Decimal | None:
    v = python_value(t)
    if v is None or isinstance(v, bool):
        return None
    try:
        return Decimal(str(v))
    except ArithmeticError:
        return None


def as_date(t: Node | None) -> date | None:
    v = python_value(t)
    return v if isinstance(v, date) else None


def enum_or_none(enum: type[E], value: str | None) -> E | None:
    """``enum(value)``, or None when value is None or not a member's value."""
    try:
        return enum(value) if value is not None else None  # type: ignore[call-arg]
    except ValueError:
        return None


def entity_kind(types: Iterable[str]) -> EntityType | None:
    """The kind of a node of these entity classes (see :data:`KIND_ORDER`)."""
    present = set(types)
    return next((t for t in KIND_ORDER if t.value in present), None)


def smallest(current: str | None, new: str | None) -> str | None:
    """Keep the smallest of several values, so that a result does not depend on row order."""
    if new is None:
        return current
    return new if current is None or new < current else current
