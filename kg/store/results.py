"""What the store answers: ingest reports, sizes, and query results with their SPARQL 1.1
serialisations (JSON, CSV, TSV, XML, a text table, a DataFrame; :func:`serialize_answer`
writes them straight from an Oxigraph answer, by Oxigraph where its bytes are the same);
and SPARQL's ORDER BY done on rows (:func:`sort_rows`).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import (
    KGError,
    QueryError,
)
from kg.rdf.vocab import KG_NS, PREFIXES
from kg.store.terms import _ox_term, _rdflib_term

__all__ = ["IngestReport", "QueryResult", "Stats", "serialize_answer", "sort_rows"]


@dataclass(frozen=True)
class IngestReport:
    """What one :meth:`KnowledgeGraph.ingest` call did, article by article."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (article key, reason)

    def merge(self, other: IngestReport) -> IngestReport:
        return IngestReport(self.added + other.added, self.replaced + other.replaced,
                            self.skipped + other.skipped, self.failed + other.failed)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.skipped)} skipped (unchanged), {len(self.failed)} failed")

@dataclass(frozen=True)
class Stats:
    """Size of the store: articles, triples, and nodes per entity / event class."""

    articles: int
    triples: int
    entities: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)

    def to_text(self) -> str:
        lines = [f"articles  {self.articles}", f"triples   {self.triples}", "entities"]
        lines += [f"  {k:<16}{v}" for k, v in self.entities.items()]
        lines.append("events")
        lines += [f"  {k:<16}{v}" for k, v in self.events.items()]
        return "\n".join(lines)

class QueryResult:
    """The answer to a SPARQL query, materialised as rdflib terms.

    SELECT: :attr:`variables` and :attr:`rows` (one dict per solution, ``None`` where a
    variable is unbound); ASK: :attr:`boolean`; CONSTRUCT / DESCRIBE: :attr:`graph`.
    """

    def __init__(
        self,
        *,
        variables: tuple[str, ...] = (),
        rows: list[dict[str, rdflib.term.Node | None]] | None = None,
        boolean: bool | None = None,
        graph: rdflib.Graph | None = None,
    ) -> None:
        self.variables = variables
        self.rows: list[dict[str, rdflib.term.Node | None]] = rows if rows is not None else []
        self.boolean = boolean
        self.graph = graph

    @property
    def kind(self) -> str:
        if self.boolean is not None:
            return "ask"
        if self.graph is not None:
            return "graph"
        return "select"

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, rdflib.term.Node | None]]:
        return iter(self.rows)

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"QueryResult(boolean={self.boolean})"
        if self.kind == "graph":
            return f"QueryResult(graph of {len(self.graph or ())} triples)"
        return f"QueryResult(variables={self.variables}, {len(self.rows)} rows)"

    # -- serialisations (SPARQL 1.1 results formats) ---------------------------------

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (ASK and SELECT); Turtle is not JSON, so a graph
        result is given as JSON-LD."""
        if self.kind == "graph":
            assert self.graph is not None
            return self.graph.serialize(format="json-ld")
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = [
            {v: _json_term(t) for v, t in row.items() if t is not None} for row in self.rows
        ]
        return json.dumps({"head": {"vars": list(self.variables)},
                           "results": {"bindings": bindings}}, ensure_ascii=False)

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: plain values (IRIs bare, literals lexical form)."""
        if self.kind == "graph":
            return self._graph_text()
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        if self.kind == "ask":
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        w.writerow(self.variables)
        for row in self.rows:
            w.writerow([_csv_term(row.get(v)) for v in self.variables])
        return buf.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV results: terms in N-Triples/Turtle syntax."""
        if self.kind == "graph":
            return self._graph_text()
        if self.kind == "ask":
            return "?boolean\n" + ("true" if self.boolean else "false") + "\n"
        lines = ["\t".join("?" + v for v in self.variables)]
        for row in self.rows:
            lines.append("\t".join(_nt(row.get(v)) for v in self.variables))
        return "\n".join(lines) + "\n"

    def to_xml(self) -> str:
        """SPARQL Query Results XML format (ASK and SELECT)."""
        if self.kind == "graph":
            assert self.graph is not None
            return self.graph.serialize(format="xml")
        out = ['<?xml version="1.0"?>',
               '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        out += [f"<variable name={quoteattr(v)}/>" for v in self.variables]
        out.append("</head>")
        if self.kind == "ask":
            out.append(f"<boolean>{'true' if self.boolean else 'false'}</boolean>")
        else:
            out.append("<results>")
            for row in self.rows:
                out.append("<result>")
                for v, t in row.items():
                    if t is not None:
                        out.append(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
                out.append("</result>")
            out.append("</results>")
        out.append("</sparql>")
        return "\n".join(out) + "\n"

    def to_table(self) -> str:
        """A plain aligned text table with prefixed IRIs, for a terminal."""
        if self.kind == "graph":
            return self._graph_text()
        if self.kind == "ask":
            return "true" if self.boolean else "false"
        header = list(self.variables)
        body = [[_short(row.get(v)) for v in header] for row in self.rows]
        widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        lines = [fmt.format(*header).rstrip(), "  ".join("-" * w for w in widths)]
        lines += [fmt.format(*r).rstrip() for r in body]
        lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
        return "\n".join(lines)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (Python values); needs the ``pandas`` extra."""
        try:
            pd = importlib.import_module("pandas")
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise KGError("to_dataframe needs pandas: pip install 'kg[pandas]'") from e
        frame = pd.DataFrame(
            [[_py_value(row.get(v)) for v in self.variables] for row in self.rows],
            columns=list(self.variables),
        )
        return tidy_frame(pd, frame, {v: [row.get(v) for row in self.rows]
                                      for v in self.variables})

    def _graph_text(self) -> str:
        assert self.graph is not None
        return self.graph.serialize(format="turtle")

def tidy_frame(pd: Any, frame: Any, terms: dict[str, list[Any]]) -> Any:
    """``frame`` made for analysis: a column of ``kg:`` IRIs only (classes, modality,
    polarity, date sources) holds their short names as a ``category``; a column of dates
    is ``datetime64``."""
    from datetime import date

    for col, values in terms.items():
        given = [v for v in values if v is not None]
        if not given:
            continue
        if all(isinstance(v, URIRef) and str(v).startswith(KG_NS) for v in given):
            frame[col] = pd.Series([None if v is None else str(v)[len(KG_NS):]
                                    for v in values], dtype="category", index=frame.index)
        elif all(isinstance(v, Literal) and isinstance(v.toPython(), date) for v in given):
            frame[col] = pd.to_datetime(frame[col])
    return frame


def _materialise(answer: Any, max_rows: int | None = None) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(boolean=bool(answer))
    items: Iterable[Any] = answer if max_rows is None else _capped(answer, max_rows)
    if isinstance(answer, ox.QueryTriples):
        g = rdflib.Graph()
        for name, iri in PREFIXES.items():
            g.bind(name, iri)
        for t in items:
            g.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
        return QueryResult(graph=g)
    variables = tuple(v.value for v in answer.variables)
    # a term recurs across rows (an actor, a class, a date): convert each one once
    cache: dict[Any, Any] = {}

    def term(t: Any) -> Any:
        if t is None:
            return None
        found = cache.get(t)
        if found is None:
            found = cache[t] = _rdflib_term(t)
        return found

    rows = [{v: term(sol[i]) for i, v in enumerate(variables)} for sol in items]
    return QueryResult(variables=variables, rows=rows)

def serialize_answer(answer: Any, fmt: object) -> bytes:
    """An Oxigraph answer as the bytes :class:`QueryResult` would write in ``fmt`` (a
    :class:`~kg.formats.ResultFormat` value): by Oxigraph's own serialiser where it
    writes the same bytes, else through a :class:`QueryResult` (the reason per format)."""
    name = str(fmt).lower()
    if name not in _FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(_FORMATS)}")
    if name == "csv" and isinstance(answer, ox.QuerySolutions):
        return answer.serialize(format=ox.QueryResultsFormat.CSV) or b""
    # not Oxigraph's: csv of ASK (it writes a bare "true", ours a header line first), json
    # (it leaves no space after ':' and ','), tsv (it writes numbers bare, 12000 for
    # "12000"^^xsd:integer), xml (all on one line); table is kg's, graphs are rdflib's
    text: str = getattr(_materialise(answer), f"to_{name}")()
    return text.encode("utf-8")


_FORMATS = ("table", "csv", "tsv", "json", "xml")


def _capped(answer: Iterable[Any], max_rows: int) -> Iterator[Any]:
    """The rows (or triples) of ``answer``; a QueryError once there are more than
    ``max_rows`` (the evaluation stops there: Oxigraph computes rows as they are read)."""
    for n, item in enumerate(answer):
        if n >= max_rows:
            raise QueryError(f"the answer has more than {max_rows:,} rows; add a LIMIT or "
                             "narrow the query")
        yield item

def _json_term(t: rdflib.term.Node) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    assert isinstance(t, Literal)
    out = {"type": "literal", "value": str(t)}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype is not None:
        out["datatype"] = str(t.datatype)
    return out

def _xml_term(t: rdflib.term.Node) -> str:
    if isinstance(t, URIRef):
        return f"<uri>{xml_escape(str(t))}</uri>"
    if isinstance(t, BNode):
        return f"<bnode>{xml_escape(str(t))}</bnode>"
    assert isinstance(t, Literal)
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{xml_escape(str(t))}</literal>"
    if t.datatype is not None:
        return f"<literal datatype={quoteattr(str(t.datatype))}>{xml_escape(str(t))}</literal>"
    return f"<literal>{xml_escape(str(t))}</literal>"

def _csv_term(t: rdflib.term.Node | None) -> str:
    if t is None:
        return ""
    if isinstance(t, BNode):
        return f"_:{t}"
    return str(t)

def _nt(t: rdflib.term.Node | None) -> str:
    return "" if t is None else str(_ox_term(t))

_SHORT = sorted(((iri, p) for p, iri in PREFIXES.items()), key=lambda x: -len(x[0]))

def _short(t: rdflib.term.Node | None) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        s = str(t)
        for iri, p in _SHORT:
            if s.startswith(iri) and re.fullmatch(r"[\w.\-/]*", s[len(iri):]):
                return f"{p}:{s[len(iri):]}"
        return f"<{s}>"
    if isinstance(t, BNode):
        return f"_:{t}"
    return " ".join(str(t).split())

def _py_value(t: rdflib.term.Node | None) -> object:
    if t is None:
        return None
    if isinstance(t, Literal):
        return t.toPython()
    return str(t)

_ORDER_BY = re.compile(
    r"\n[ \t]*ORDER[ \t]+BY((?:[ \t]+(?:\?\w+|(?:ASC|DESC)[ \t]*\([ \t]*\?\w+[ \t]*\)))+)\s*\Z",
    re.IGNORECASE)

_ORDER_KEY = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?\?(\w+)", re.IGNORECASE)

def _split_order_by(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """A query ending in ``ORDER BY`` of plain variables → (the query without it, [(variable,
    descending)]); None for any other query.

    >>> _split_order_by("SELECT ?a ?b WHERE { ?a ?p ?b }\\nORDER BY DESC(?b) ?a\\n")
    ('SELECT ?a ?b WHERE { ?a ?p ?b }', [('b', True), ('a', False)])
    """
    m = _ORDER_BY.search(text)
    if m is None:
        return None
    keys = [(k.group(2), (k.group(1) or "").upper() == "DESC")
            for k in _ORDER_KEY.finditer(m.group(1))]
    return text[:m.start()], keys

_NUMERIC = frozenset(str(XSD[t]) for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))

_TEMPORAL = frozenset(str(XSD[t]) for t in ("date", "dateTime", "dateTimeStamp"))

def _order_key(t: rdflib.term.Node | None) -> tuple[int, int, Any]:
    """SPARQL's ORDER BY order: unbound, blank nodes, IRIs, then literals (numbers by
    value, dates by value, other literals by their text in code-point order)."""
    if t is None:
        return (0, 0, "")
    if isinstance(t, BNode):
        return (1, 0, str(t))
    if isinstance(t, URIRef):
        return (2, 0, str(t))
    if isinstance(t, Literal) and t.datatype is not None:
        dt = str(t.datatype)
        if dt in _NUMERIC:
            try:
                return (3, 0, Decimal(str(t)))
            except ArithmeticError:  # NaN, INF: after the numbers
                return (3, 1, str(t))
        if dt in _TEMPORAL:
            return (3, 2, str(t))
    return (3, 3, str(t))

def sort_rows(rows: list[dict[str, rdflib.term.Node | None]],
              keys: Sequence[tuple[str, bool]]) -> None:
    """Sort query rows in place as ``ORDER BY`` would (``keys``: (variable, descending));
    rows equal on every key keep their order."""
    for var, desc in reversed(keys):
        def key(row: dict[str, rdflib.term.Node | None], var: str = var
                ) -> tuple[int, int, Any]:
            return _order_key(row.get(var))
        rows.sort(key=key, reverse=desc)
