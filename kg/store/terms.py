"""RDF terms between rdflib and Oxigraph, and the store's own terms.

kg speaks rdflib at its edges and Oxigraph inside the store: :func:`_ox_term` and
:func:`_rdflib_term` convert between the two (the latter keeps the literals it built, which
recur from query to query), :func:`_python_term` binds a Python value as a query parameter.
"""

from __future__ import annotations

import functools
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

#: How many literals of query answers :func:`_literal` keeps (about 10 MB at most).
LITERAL_CACHE_SIZE = 1 << 16

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
        return _literal(t.value, t.datatype.value)
    if t is None:
        return None
    raise QueryError(f"unsupported term in a query answer: {t!r}")


@functools.lru_cache(maxsize=LITERAL_CACHE_SIZE)
def _literal(value: str, datatype: str) -> Literal:
    """rdflib's own Literal of a lexical form and datatype (xsd:string ones plain).

    rdflib's constructor costs 1.5–5 µs a literal (it parses the lexical form), a fifth of
    a named query returning thousands of rows; literals are immutable and the same ones
    (labels, dates, counts) come back in query after query, so the last
    :data:`LITERAL_CACHE_SIZE` are kept.
    """
    return Literal(value) if datatype == _XSD_STRING else Literal(value, datatype=URIRef(datatype))


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
