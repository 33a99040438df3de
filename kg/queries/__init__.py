"""Named SPARQL queries shipped with kg, one ``.rq`` file each: the catalogue
(:func:`list_queries`, :func:`load_query`) and how their parameters are read
(:class:`QueryParam`, :func:`parse_iri`, :func:`parse_param`).

A query's header comments say what it does and declare its parameters
(``# param ?name (kind[, optional]): help``). The read side's own queries are in
``kg/queries/read/`` (see :mod:`kg.read`); they are not part of the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources

from rdflib import URIRef

from kg.errors import QueryError, UnknownValueError
from kg.model import Count
from kg.rdf.vocab import KG_NS, PREFIXES

__all__ = ["NamedQuery", "QueryParam", "check_count", "list_queries", "load_query", "parse_iri",
           "parse_param"]


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: ``# param ?name (kind[, optional]): help``.

    Kinds: ``class`` (an ontology class: ``Deployment``, ``kg:Deployment`` or a full IRI),
    ``iri``, ``entity`` (an IRI, or else a label), ``iso3`` (a country code), ``string``,
    ``integer``, ``date``, ``count`` (what is counted: ``occurrences`` or ``reports``, see
    :class:`kg.model.Count`).
    """

    name: str
    kind: str
    optional: bool
    help: str

    def coerce(self, value: object) -> object:
        """The value as the term the query expects (strings from a command line welcome)."""
        if self.kind in ("class", "iri", "entity") and isinstance(value, str):
            iri = parse_iri(value)
            if iri is not None:
                return iri
            if self.kind == "class":
                return URIRef(KG_NS + value[:1].upper() + value[1:])
            if self.kind == "iri":
                raise QueryError(f"parameter {self.name}: {value!r} is not an IRI")
            return value
        if self.kind == "iso3":
            code = str(value).strip().upper()
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise QueryError(f"parameter {self.name}: {value!r} is not an ISO 3166-1 "
                                 "alpha-3 code such as PRK")
            return code
        if self.kind == "count":
            return check_count(value).value
        if self.kind == "integer":
            try:
                return int(str(value))
            except ValueError as e:
                raise QueryError(f"parameter {self.name}: {value!r} is not an integer") from e
        if self.kind == "date" and isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError as e:
                raise QueryError(f"parameter {self.name}: {value!r} is not an ISO date") from e
        if self.kind == "string":
            return str(value)
        return value

def check_count(value: object) -> Count:
    """``value`` as a :class:`~kg.model.Count` (``"occurrences"``, ``"reports"``, case and
    surrounding space ignored; None is the default, occurrences); anything else is an
    :class:`~kg.errors.UnknownValueError` naming the two."""
    if value is None:
        return Count.OCCURRENCES
    if isinstance(value, Count):
        return value
    try:
        return Count(str(value).strip().lower())
    except ValueError as e:
        names = [c.value for c in Count]
        raise UnknownValueError("count", value, [n for n in names if n[:1] == str(value)[:1]],
                                hint=f"use one of {', '.join(names)}") from e


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``kg/queries``: its header says what it does and its parameters."""

    name: str
    description: str
    parameters: tuple[QueryParam, ...]
    text: str

_PARAM_LINE = re.compile(r"param\s+\?(\w+)\s*\((\w+)(\s*,\s*optional)?\)\s*:?\s*(.*)")

def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    root = resources.files("kg.queries")
    return [load_query(p.name[:-3]) for p in sorted(root.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".rq")]

def load_query(name: str) -> NamedQuery:
    """The named query ``name``; an unknown name is a QueryError listing the known ones."""
    res = resources.files("kg.queries").joinpath(f"{name}.rq")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not res.is_file():
        known = sorted(p.name[:-3] for p in resources.files("kg.queries").iterdir()
                       if p.name.endswith(".rq"))
        raise QueryError(f"no named query {name!r}; known: {', '.join(known)}")
    text = res.read_text(encoding="utf-8")
    description: list[str] = []
    params: list[QueryParam] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        m = _PARAM_LINE.match(body)
        if m:
            params.append(QueryParam(m.group(1), m.group(2), bool(m.group(3)), m.group(4)))
        elif body.startswith("param"):
            raise QueryError(f"{name}.rq: malformed parameter line {body!r}")
        elif body:
            description.append(body)
    return NamedQuery(name, " ".join(description), tuple(params), text)

def parse_iri(text: str) -> URIRef | None:
    """``<iri>``, ``prefix:local`` with a known prefix, or ``http(s)://...`` as an IRI;
    None when ``text`` is none of these or would not be a valid IRI (e.g. ``<b>x</b>``)."""
    text = text.strip()
    iri: str | None = None
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
    elif re.match(r"https?://\S+$", text):
        iri = text
    else:
        m = re.fullmatch(r"([A-Za-z][\w-]*):([^\s:]*)", text)
        if m and m.group(1) in PREFIXES and not m.group(2).startswith("//"):
            iri = PREFIXES[m.group(1)] + m.group(2)
    if iri is None or not _IRI_CHARS.fullmatch(iri):
        return None
    return URIRef(iri)

#: Characters an IRI may hold (SPARQL's IRIREF excludes these and controls/space).
_IRI_CHARS = re.compile(r'[^\x00-\x20<>"{}|^`\\]+')

def parse_param(text: str) -> object:
    """A ``--param`` value from a command line: an IRI (``<...>``, ``kg:X``, ``http...``),
    an integer, a decimal, an ISO date, or else the string itself."""
    iri = parse_iri(text)
    if iri is not None:
        return iri
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return Decimal(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return text
