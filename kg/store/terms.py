"""RDF terms between rdflib and Oxigraph, and the store's own terms.

kg speaks rdflib at its edges and Oxigraph inside the store: :func:`_ox_term` and
:func:`_rdflib_term` convert between the two (the latter fast for the literals query
answers are made of), :func:`_python_term` binds a Python value as a query parameter.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import (
    QueryError,
    StoreError,
)
from kg.rdf.vocab import KG, KGR

__all__ = ["CONTENT_HASH", "META_GRAPH"]


META_GRAPH = KGR["meta"]

#: Predicate of the content hash of a stored article.
CONTENT_HASH = KG.contentHash

_XSD_STRING = str(XSD.string)

def _ox_node(t: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(t))

def _ox_term(t: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib → pyoxigraph term."""
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", str(t)) or "b")
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise StoreError(f"cannot store RDF term {t!r} (only IRIs, blank nodes and literals)")

def _rdflib_term(t: Any) -> Any:
    """pyoxigraph → rdflib term (xsd:string literals become plain literals)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        value, dt = t.value, t.datatype.value
        if _FAST_LITERALS:
            fast = _fast_literal(value, dt)
            if fast is not None:
                return fast
        return _slow_literal(value, dt)
    if t is None:
        return None
    raise QueryError(f"unsupported term in a query answer: {t!r}")


_XSD_INTEGER, _XSD_DATE = str(XSD.integer), str(XSD.date)

def _slow_literal(value: str, dt: str) -> Literal:
    """rdflib's own Literal of a lexical form and datatype (xsd:string ones plain)."""
    return Literal(value) if dt == _XSD_STRING else Literal(value, datatype=URIRef(dt))

def _fast_literal(value: str, dt: str) -> Literal | None:
    """The rdflib Literal of a plain string, a canonical integer or a canonical date, built
    without rdflib's constructor (which costs 2–7 µs a literal: a fifth of a named query
    returning thousands of rows); None for anything else, which goes through rdflib.
    Used only when :func:`_fast_literals_agree` found the result identical to rdflib's."""
    python: object
    if dt == _XSD_STRING:
        python, datatype = value, None
    elif dt == _XSD_INTEGER:
        try:
            python = int(value)
        except ValueError:
            return None
        if str(python) != value:  # not canonical ("+1", "01"): rdflib normalises it
            return None
        datatype = XSD.integer
    elif dt == _XSD_DATE:
        try:
            python = date.fromisoformat(value)
        except ValueError:
            return None
        if python.isoformat() != value:
            return None
        datatype = XSD.date
    else:
        return None
    lit = str.__new__(Literal, value)
    lit._language = None
    lit._datatype = datatype
    lit._value = python
    lit._ill_typed = None if datatype is None else False  # as rdflib: None when untyped
    return lit

def _fast_literals_agree() -> bool:
    """Whether :func:`_fast_literal` builds exactly what rdflib's constructor builds (checked
    once, so another rdflib version falls back to the constructor instead of misbehaving)."""
    try:
        for value, dt in (("Kyiv", _XSD_STRING), ("", _XSD_STRING), ("12000", _XSD_INTEGER),
                          ("-7", _XSD_INTEGER), ("2024-10-30", _XSD_DATE)):
            fast = _fast_literal(value, dt)
            slow = _slow_literal(value, dt)
            if fast is None or not (
                    fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
                    and fast.toPython() == slow.toPython() and fast.datatype == slow.datatype
                    and fast.language == slow.language and fast.ill_typed == slow.ill_typed
                    and fast.eq(slow) and fast.n3() == slow.n3()):
                return False
    except (AttributeError, TypeError):
        return False
    return True

_FAST_LITERALS = _fast_literals_agree()

def _python_term(name: str, v: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A bound parameter value as a pyoxigraph term."""
    if isinstance(v, URIRef | BNode | Literal):
        return _ox_term(v)
    if isinstance(v, bool):
        return ox.Literal("true" if v else "false", datatype=ox.NamedNode(str(XSD.boolean)))
    if isinstance(v, int):
        return ox.Literal(str(v), datatype=ox.NamedNode(str(XSD.integer)))
    if isinstance(v, Decimal):
        return ox.Literal(str(v), datatype=ox.NamedNode(str(XSD.decimal)))
    if isinstance(v, float):
        return ox.Literal(repr(v), datatype=ox.NamedNode(str(XSD.double)))
    if isinstance(v, datetime):
        return ox.Literal(v.isoformat(), datatype=ox.NamedNode(str(XSD.dateTime)))
    if isinstance(v, date):
        return ox.Literal(v.isoformat(), datatype=ox.NamedNode(str(XSD.date)))
    if isinstance(v, str):
        return ox.Literal(v)
    raise QueryError(f"parameter {name}: cannot bind a {type(v).__name__} value {v!r}")

def _one_line(e: BaseException | str) -> str:
    return " ".join(str(e).split())
