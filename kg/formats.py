"""Every serialisation kg reads or writes, in one registry: names, file suffixes, and the
names rdflib and Oxigraph know them by.

- :class:`RdfFormat`: the graph serialisations kg writes and reads (``kg extract``,
  ``kg export``, ``kg load``, :meth:`kg.store.KnowledgeGraph.dump`);
- :func:`rdf_syntax`: any RDF format name or alias the store accepts (N-Triples too) as
  its canonical name;
- :class:`ExportFormat`: what ``kg export`` writes (the RDF formats, an events table,
  networks);
- :class:`ResultFormat`: SPARQL answers (``kg query --format``, ``kg serve``).

>>> RdfFormat.from_suffix("dump.nq"), RdfFormat.TURTLE.suffix, rdf_syntax("ttl")
(<RdfFormat.NQUADS: 'nquads'>, '.ttl', 'turtle')

Importing this module is cheap: Oxigraph is imported only by :func:`ox_format`.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from pathlib import PurePath
from typing import Any

__all__ = ["ExportFormat", "RdfFormat", "ResultFormat", "ox_format", "rdf_syntax"]


class RdfFormat(StrEnum):
    """The serialisations kg writes; the value is the CLI's ``--format`` name."""

    TRIG = "trig"
    NQUADS = "nquads"
    TURTLE = "turtle"
    JSONLD = "jsonld"

    @property
    def rdflib_name(self) -> str:
        """The name rdflib's ``serialize``/``parse`` know the format by."""
        return _RDFLIB_NAMES[self.value]

    @property
    def suffix(self) -> str:
        """The file suffix kg writes the format with."""
        return _SUFFIXES[self][0]

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Every file suffix read as this format (the first is the one kg writes)."""
        return _SUFFIXES[self]

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @property
    def has_graphs(self) -> bool:
        """Whether the format keeps named graphs (Turtle does not)."""
        return self is not RdfFormat.TURTLE

    @classmethod
    def from_suffix(cls, path: str | PurePath) -> RdfFormat | None:
        """The format a file name's suffix says (case ignored), or None."""
        suffix = PurePath(path).suffix.lower()
        return next((f for f, known in _SUFFIXES.items() if suffix in known), None)


_SUFFIXES: dict[RdfFormat, tuple[str, ...]] = {
    RdfFormat.TRIG: (".trig",), RdfFormat.NQUADS: (".nq", ".nquads"),
    RdfFormat.TURTLE: (".ttl",), RdfFormat.JSONLD: (".jsonld", ".json")}
_MEDIA_TYPES: dict[RdfFormat, str] = {
    RdfFormat.TRIG: "application/trig", RdfFormat.NQUADS: "application/n-quads",
    RdfFormat.TURTLE: "text/turtle", RdfFormat.JSONLD: "application/ld+json"}
#: Every RDF syntax the store reads and writes (N-Triples too), by canonical name.
_RDFLIB_NAMES: dict[str, str] = {"trig": "trig", "nquads": "nquads", "turtle": "turtle",
                                 "jsonld": "json-ld", "ntriples": "nt"}
_ALIASES = {"nq": "nquads", "ttl": "turtle", "nt": "ntriples", "json": "jsonld"}
#: The syntaxes that keep named graphs.
QUAD_SYNTAXES = frozenset({"trig", "nquads", "jsonld"})
_RDF_NAMES = frozenset(f.value for f in RdfFormat)


def rdf_syntax(fmt: object) -> str:
    """The canonical name (``trig``, ``nquads``, ``turtle``, ``jsonld``, ``ntriples``) of
    an RDF format given as an enum member, a name or an alias (``nq``, ``ttl``, ``nt``,
    ``json``; case, ``-`` and ``_`` ignored); ValueError for anything else.

    >>> rdf_syntax("N-Quads"), rdf_syntax(RdfFormat.JSONLD)
    ('nquads', 'jsonld')
    """
    raw = fmt.value if isinstance(fmt, Enum) else fmt
    name = str(raw).lower().replace("-", "").replace("_", "")
    name = _ALIASES.get(name, name)
    if name not in _RDFLIB_NAMES:
        raise ValueError(f"unknown RDF format {raw!r}; use one of trig, nquads, turtle, jsonld")
    return name


def ox_format(name: str) -> Any:
    """The :class:`pyoxigraph.RdfFormat` of a canonical name (see :func:`rdf_syntax`)."""
    import pyoxigraph as ox

    return {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
            "turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
            "ntriples": ox.RdfFormat.N_TRIPLES}[name]


class ExportFormat(StrEnum):
    """What ``kg export`` writes: an RDF serialisation, the events table, a network."""

    TRIG = "trig"
    NQUADS = "nquads"
    TURTLE = "turtle"
    JSONLD = "jsonld"
    CSV = "csv"
    GRAPHML = "graphml"
    GEXF = "gexf"

    @property
    def rdf(self) -> RdfFormat | None:
        """The RDF format, or None for a table or a network."""
        return RdfFormat(self.value) if self.value in _RDF_NAMES else None

    @classmethod
    def name_for(cls, path: str | PurePath) -> str:
        """The format name a file's suffix says: an RDF format (``.ttl``, ``.nq``,
        ``.json``, ...) or else the bare suffix (``csv``, ``graphml``), unchecked."""
        rdf = RdfFormat.from_suffix(path)
        return rdf.value if rdf is not None else PurePath(path).suffix.lstrip(".").lower()


class ResultFormat(StrEnum):
    """Serialisations of a SPARQL answer (:class:`kg.store.QueryResult` ``.to_<value>()``)."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"

    @property
    def is_data(self) -> bool:
        """Whether the text is data for a program (left as it is) rather than for a reader."""
        return self is not ResultFormat.TABLE

    def render(self, result: Any) -> str:
        """``result`` (a :class:`kg.store.QueryResult`) as text in this format."""
        text: str = getattr(result, f"to_{self.value}")()
        return text
