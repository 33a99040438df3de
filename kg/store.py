"""The persistent knowledge graph: one named graph per article in an Oxigraph store.

:class:`KnowledgeGraph` wraps a :class:`pyoxigraph.Store` (on disk, or in memory when no
path is given) and speaks rdflib at its edges: article graphs go in as
:class:`rdflib.Graph`, query answers come out as rdflib terms.

- Each article's triples live in the named graph whose IRI is the article IRI; writing an
  article replaces that graph in one store transaction, so a re-ingested article is never
  duplicated and an interrupted process never leaves half a graph behind.
- The content hash of each stored article is kept in the store-internal graph
  :data:`META_GRAPH` (``<article> kg:contentHash "..."``), written in the same transaction,
  so unchanged articles can be skipped.
- Queries see the union of all article graphs as their default graph. Oxigraph's own
  union view (``use_default_graph_as_union``) yields a triple once per graph holding it, so
  an entity's label stored by 1,000 articles would multiply every join by 1,000; the store
  therefore keeps the union, as a set, in its default graph: each write adds the article's
  triples there and removes the old ones no other article graph holds, in the same
  transaction. Parameters are bound with Oxigraph substitutions, never pasted into query
  text; updates are refused.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import (
    KGError,
    QueryError,
    RefusedQueryError,
    StoreError,
)
from kg.formats import QUAD_SYNTAXES, ox_format, rdf_syntax
from kg.model import EntityType, EventType, Extraction
from kg.rdf.vocab import KG, KG_NS, KGR, PREFIXES, SEM, TIME
from kg.recovery import abort_load, begin_load, commit_load, damage, recover, report_damage
from kg.sparql_guard import check_query, on_large_stack, uses_service
from kg.sparql_guard import is_update as _is_update

if TYPE_CHECKING:
    from kg.formats import RdfFormat

__all__ = [
    "BULK_LOAD_MIN",
    "CONTENT_HASH",
    "KG_NS",
    "META_GRAPH",
    "PREFIXES",
    "IngestReport",
    "KnowledgeGraph",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "Stats",
    "list_queries",
    "load_query",
    "parse_iri",
    "parse_param",
    "sort_rows",
]

#: Store-internal named graph holding one ``kg:contentHash`` triple per stored article.
META_GRAPH = KGR["meta"]
#: Predicate of the content hash of a stored article.
CONTENT_HASH = KG.contentHash

_XSD_STRING = str(XSD.string)
#: :meth:`KnowledgeGraph.load` of at least this many quads into an on-disk store uses the
#: (parallel, non-transactional) bulk loader.
BULK_LOAD_MIN = 100_000


# --------------------------------------------------------------------------- results


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
        return pd.DataFrame(
            [[_py_value(row.get(v)) for v in self.variables] for row in self.rows],
            columns=list(self.variables),
        )

    def _graph_text(self) -> str:
        assert self.graph is not None
        return self.graph.serialize(format="turtle")


# --------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: ``# param ?name (kind[, optional]): help``.

    Kinds: ``class`` (an ontology class: ``Deployment``, ``kg:Deployment`` or a full IRI),
    ``iri``, ``entity`` (an IRI, or else a label), ``iso3`` (a country code), ``string``,
    ``integer``, ``date``.
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


# --------------------------------------------------------------------------- the store


@report_damage
class KnowledgeGraph:
    """A store of article graphs: ingest extractions, query with SPARQL, dump and load.

    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> a = URIRef("https://w3id.org/geokg/resource/article/0123456789abcdef")
    >>> g = Graph(); _ = g.add((a, RDFS.label, Literal("An article")))
    >>> with KnowledgeGraph() as kg:
    ...     kg.add_article_graph(a, g, "h1")
    ...     kg.has_article(a, "h1"), kg.query("SELECT ?l WHERE { ?a rdfs:label ?l }").rows
    (True, [{'l': rdflib.term.Literal('An article')}])
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._store: ox.Store | None = _open_store(self.path, read_only)
        # a store written without the materialised union (e.g. by ``oxigraph load``)
        self._union_view = False
        if self._union_missing():
            if read_only:
                self._union_view = True
            else:
                self.rebuild_union()
        if not read_only and self._counts_missing():
            self._add_event_counts()
        if not read_only and self._derived_missing():
            self._add_derived()

    # -- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        """Flush and release the store (its lock is released when the object is freed)."""
        if self._store is not None and self.path is not None and not self.read_only:
            try:
                self._store.flush()
            except OSError as e:
                raise StoreError(f"{self.path}: cannot flush the store: {_one_line(e)}") from e
        self._store = None

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if tb is not None:  # the failed calls' frames would keep the database open
            traceback.clear_frames(tb)
        self.close()

    @property
    def store(self) -> ox.Store:
        """The underlying pyoxigraph store (for bulk work the wrapper does not cover)."""
        if self._store is None:
            raise StoreError(f"{self._where()}: the store is closed")
        return self._store

    def _where(self) -> str:
        return str(self.path) if self.path is not None else "(in-memory store)"

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self._where()}: the store is open read-only")
        return self.store

    # -- writing ----------------------------------------------------------------------

    def ingest(
        self,
        extractions: Iterable[Extraction],
        *,
        skip_unchanged: bool = True,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Write each extraction's article graph, replacing an earlier version.

        An article whose stored content hash equals its current one is skipped unless
        ``skip_unchanged`` is false. A mapping error fails that article only.
        """
        from kg.rdf.iris import article_iri
        from kg.rdf.mapping import extraction_triples

        added: list[str] = []
        replaced: list[str] = []
        skipped: list[str] = []
        failed: list[tuple[str, str]] = []
        for ex in extractions:
            key = ex.article.key
            iri = URIRef(str(article_iri(ex.article)))
            h = ex.article.content_hash
            if skip_unchanged and self.has_article(iri, h):
                skipped.append(key)
            else:
                existed = self.has_article(iri)
                try:
                    triples = extraction_triples(ex)
                except (KGError, ValueError) as e:
                    failed.append((key, _one_line(e)))
                else:
                    self._write_article(iri, triples, h)
                    (replaced if existed else added).append(key)
            if on_progress is not None:
                on_progress(1)
        return IngestReport(tuple(added), tuple(replaced), tuple(skipped), tuple(failed))

    def add_article_graph(self, article_iri: URIRef, graph: rdflib.Graph,
                          content_hash: str) -> None:
        """Replace the named graph ``article_iri`` by ``graph`` and record its hash, in one
        transaction (see :meth:`_write_article`). Time stamps and tallies are derived from
        the graph as the mapping derives them (:mod:`kg.rdf.derived`)."""
        from kg.rdf.derived import derived_triples

        self._write_article(article_iri, [*graph, *derived_triples(graph)], content_hash)

    def _write_article(self, article_iri: URIRef,
                       triples: Iterable[tuple[rdflib.term.Node, rdflib.term.Node,
                                               rdflib.term.Node]],
                       content_hash: str) -> None:
        """Make the graph ``article_iri`` hold exactly ``triples`` (and the union follow),
        with its content hash, in one SPARQL update: one transaction.

        Only what changed is written: a re-ingested article whose triples are mostly the
        same deletes and inserts only the difference, which is quicker and leaves RocksDB
        fewer deleted entries to skip on every later look-up until it compacts them.
        Graphs with blank nodes (which DELETE DATA cannot name) are dropped and rewritten.
        """
        store = self._writable()
        g = _ox_node(article_iri)
        h = _ox_node(URIRef(CONTENT_HASH))
        meta = _ox_node(META_GRAPH)
        new = {(str(_ox_term(s)), str(_ox_term(p)), str(_ox_term(o))): None
               for s, p, o in triples}
        old = {(str(q.subject), str(q.predicate), str(q.object))
               for q in store.quads_for_pattern(None, None, None, g)}
        if any(t[0].startswith("_:") or t[2].startswith("_:") for t in (*new, *old)):
            ops, added = [_drop_article(g)], list(new)
        else:
            removed = [t for t in old if t not in new]
            ops, added = [], [t for t in new if t not in old]
            if removed:
                rows = "\n".join(f"({s} {p} {o})" for s, p, o in removed)
                # from the union, the removed triples no other article graph holds; then
                # from the article's graph
                ops += [f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{rows}\n}} "
                        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} "
                        f"FILTER(?other != {g} && ?other != {meta}) }} }}",
                        f"DELETE DATA {{ GRAPH {g} {{\n{_ntriples(removed)}\n}} }}"]
        text = _ntriples(added)
        ops += [f"DELETE WHERE {{ GRAPH {meta} {{ {g} {h} ?old }} }}",
                f"INSERT DATA {{ GRAPH {g} {{\n{text}\n}}\n{text}\n"
                f"GRAPH {meta} {{ {g} {h} {ox.Literal(content_hash)} }} }}"]
        update = " ;\n".join(ops)
        try:
            store.update(update)
        except (OSError, SyntaxError, RuntimeError) as e:
            raise StoreError(f"{self._where()}: cannot write {article_iri}: {_one_line(e)}") from e

    def remove_article(self, article_iri: URIRef) -> bool:
        """Drop an article's graph and hash; False if it was not stored."""
        store = self._writable()
        g = _ox_node(article_iri)
        existed = store.contains_named_graph(g)
        try:
            store.update(_drop_article(g))
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self._where()}: cannot remove {article_iri}: {_one_line(e)}") from e
        return bool(existed)

    def has_article(self, article_iri: URIRef | str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with exactly this content hash, if given)."""
        g = _ox_node(URIRef(str(article_iri)))
        found = list(self.store.quads_for_pattern(g, _ox_node(URIRef(CONTENT_HASH)), None,
                                                  _ox_node(META_GRAPH)))
        if content_hash is None:
            return bool(found) or bool(self.store.contains_named_graph(g))
        return any(isinstance(q.object, ox.Literal) and q.object.value == content_hash
                   for q in found)

    def load(self, data: bytes | Path, fmt: RdfFormat | str, *,
             default_graph: bool = False) -> int:
        """Add the quads of a serialisation (TriG/N-Quads/JSON-LD keep their graphs);
        returns how many were read.

        The whole input is parsed before anything is written, so a malformed file changes
        nothing. An article graph the store already holds is replaced by the loaded one,
        as ingest replaces a changed article. Triples outside any named graph (a Turtle
        file) are refused, since the default graph is the union kg maintains, unless
        ``default_graph`` (for an in-memory view of a file). Up to :data:`BULK_LOAD_MIN`
        quads are written in one transaction, more by the parallel bulk loader (see
        :meth:`bulk_load`). A load into an on-disk store is all or nothing even if the
        process is killed: see :mod:`kg.recovery`.
        """
        store = self._writable()
        name = _format_name(fmt)
        raw = data.read_bytes() if isinstance(data, Path) else data
        try:  # streamed: the quads are never all Python objects at once
            batch = _Canonical.of(ox.parse(raw, format=ox_format(name)))
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"cannot load {_origin(data)} as {name}: {_one_line(e)}") from e
        except OSError as e:
            raise StoreError(f"cannot read {_origin(data)}: {_one_line(e)}") from e
        loose = sum(isinstance(q.graph_name, ox.DefaultGraph) for q in batch.other)
        if loose and not default_graph:
            raise StoreError(
                f"{_origin(data)}: {loose:,} triples are outside any named graph; kg keeps "
                "each article in its own named graph (its default graph is their union): "
                "load a TriG or N-Quads dump (kg export --format trig or nquads)")
        guard = begin_load(self.path, store.backup, store.flush) if self.path else None
        try:
            self._load_batch(batch)
        except BaseException as e:
            if guard is not None:  # the next open rolls the store back
                abort_load(guard)
                self._store = None
            if isinstance(e, OSError | RuntimeError | SyntaxError):
                raise StoreError(f"{self._where()}: cannot load {_origin(data)}: "
                                 f"{_one_line(e)}" + ("; the store will be as it was when it "
                                                      "is next opened" if guard else "")
                                 ) from e
            raise
        if guard is not None:
            commit_load(guard)
        return batch.count

    def _load_batch(self, batch: _Canonical) -> None:
        store = self.store
        for g in batch.graphs:
            if store.contains_named_graph(g):
                store.update(_drop_article(g))
        if batch.count >= BULK_LOAD_MIN and self.path is not None:
            self._bulk_write(batch, workers=None)
            self.optimize()
        else:
            named = list(ox.parse(batch.named, format=ox.RdfFormat.N_QUADS))
            union = [ox.Quad(q.subject, q.predicate, q.object) for q in named]
            store.extend(named + batch.other + union)
        if batch.graphs:  # a dump written before kg stored counts, time stamps, tallies
            self._add_event_counts()
            self._add_derived()
        if self.path is not None:
            store.flush()

    def bulk_load(self, quads: Iterable[ox.Quad], *, optimize: bool = True,
                  workers: int | None = None) -> None:
        """Fast, non-transactional load of many pyoxigraph quads in article graphs
        (benchmarks, restores); the union default graph is filled in the same pass.

        The quads are serialised to N-Quads once (streamed) and the union triples
        computed from that text as a set; both texts are cut at line ends into ``workers``
        parts each (default: one per CPU) that Oxigraph's bulk loader writes concurrently,
        ``workers`` threads at a time (the loader releases the GIL: on two cores this
        takes about 0.7 of the time of one call). With ``optimize`` the store is then
        compacted (:meth:`optimize`), which costs a few seconds per million quads and
        makes the following queries about a third faster.
        """
        self._bulk_write(_Canonical.of(quads), workers=workers)
        if optimize:
            self.optimize()

    def _bulk_write(self, batch: _Canonical, *, workers: int | None) -> None:
        text = batch.named
        # a canonical N-Quads line is "S P O G ." and G holds no space
        union = {line[:line.rindex(b" ", 0, len(line) - 2)] for line in text.splitlines()}
        n = max(1, workers or os.cpu_count() or 1)
        parts = [*_split_lines(text, n),
                 ox.serialize(batch.other, format=ox.RdfFormat.N_QUADS) or b"",
                 *_split_lines(b" .\n".join(union) + b" .\n" if union else b"", n)]
        store = self._writable()
        try:
            # lenient: the text was just written by Oxigraph's own serialiser
            with ThreadPoolExecutor(max_workers=n) as pool:
                for done in [pool.submit(store.bulk_load, part, ox.RdfFormat.N_QUADS,
                                         lenient=True) for part in parts if part]:
                    done.result()
        except (OSError, SyntaxError) as e:
            raise StoreError(f"{self._where()}: bulk load failed: {_one_line(e)}") from e

    def optimize(self) -> None:
        """Compact the on-disk store (after a bulk load or many writes)."""
        try:
            self._writable().optimize()
        except OSError as e:
            raise StoreError(f"{self._where()}: cannot optimize: {_one_line(e)}") from e

    def rebuild_union(self) -> None:
        """Recompute the default graph as the set union of the article graphs."""
        meta = _ox_node(META_GRAPH)
        try:
            self._writable().update(
                f"DROP SILENT DEFAULT ; INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(?g != {meta}) }}")
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self._where()}: cannot rebuild the union: {_one_line(e)}") from e

    def _has(self, predicate: URIRef, obj: URIRef | None = None) -> bool:
        """Whether the union holds any triple with this predicate (and object): one index
        look-up, for the checks that find a store written by an older kg."""
        o = None if obj is None else _ox_node(obj)
        return next(iter(self.store.quads_for_pattern(None, _ox_node(predicate), o,
                                                      ox.DefaultGraph())), None) is not None

    def _counts_missing(self) -> bool:
        """A store with articles and no ``kg:eventCount`` at all was written before kg
        stored the counts."""
        return not self._has(KG.eventCount) and self._has(rdflib.RDF.type, KG.Article)

    def _add_event_counts(self) -> None:
        """Give articles stored before kg wrote ``kg:eventCount`` their count, in their own
        graph and in the union (a one-off upgrade; a store that has them all is left as
        it is)."""
        missing = ("?a a kg:Article . FILTER NOT EXISTS { ?a kg:eventCount ?stored } "
                   "FILTER(?a != kgr:meta)")
        try:
            store = self.store
            if not store.query(f"ASK {{ {missing} }}", prefixes=PREFIXES):
                return
            store.update(
                "INSERT { GRAPH ?a { ?a kg:eventCount ?n } ?a kg:eventCount ?n } WHERE { "
                "{ SELECT ?a (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?a { "
                f"{missing} OPTIONAL {{ ?e kg:article ?a ; kg:cameoCode ?code }} }} }} "
                "GROUP BY ?a } }", prefixes=PREFIXES)
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self._where()}: cannot add event counts: {_one_line(e)}") from e

    def _derived_missing(self) -> bool:
        """A store with quantities and no ``kg:tally`` at all, or dated times and no
        ``sem:hasTimeStamp`` at all, was written before kg derived them."""
        return ((not self._has(KG.tally) and self._has(KG.quantity))
                or (not self._has(SEM.hasTimeStamp) and self._has(TIME.inXSDDate)))

    def _add_derived(self) -> None:
        """Give the article graphs written before kg derived time stamps and tallies what
        the mapping derives (:func:`kg.rdf.derived.derived_triples`), in the graph and in
        the union."""
        from kg.rdf.derived import derived_triples

        lacking = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { { ?e kg:quantity ?q . "
                   "FILTER NOT EXISTS { ?q kg:tally ?t } ?e kg:agent|kg:participant ?x ; "
                   "kg:location|kg:destination ?w } UNION { ?e sem:hasTime ?t . "
                   "?t time:inXSDDate ?d FILTER NOT EXISTS { ?e sem:hasTimeStamp ?d } } } }")
        try:
            store = self.store
            graphs = [s["g"] for s in store.query(lacking, prefixes=PREFIXES)]  # type: ignore[union-attr]
            for g in graphs:
                assert isinstance(g, ox.NamedNode)
                text = _ntriples((str(_ox_term(s)), str(_ox_term(p)), str(_ox_term(o)))
                                 for s, p, o in derived_triples(self.graph_of(URIRef(g.value))))
                if text:
                    store.update(f"INSERT DATA {{ GRAPH {g} {{\n{text}\n}}\n{text}\n}}")
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self._where()}: cannot add derived triples: {_one_line(e)}"
                             ) from e

    def _union_missing(self) -> bool:
        store = self.store
        has_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())),
                           None) is not None
        if has_default:
            return False
        meta = _ox_node(META_GRAPH)
        return any(g != meta for g in store.named_graphs())

    # -- reading ----------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, *,
              allow_service: bool = True, max_rows: int | None = None) -> QueryResult:
        """Run a SPARQL SELECT / ASK / CONSTRUCT / DESCRIBE over the union of all graphs.

        ``bindings`` pre-bind variables (which must be in the SELECT projection) to
        values: str, int, float, Decimal, bool, date, datetime, or rdflib terms.

        The text is checked before it is parsed (:func:`kg.sparql_guard.check_query`: not
        empty, not too long, not nested deeper than the parser can take; no ``SERVICE``
        unless ``allow_service``), and the query runs on a thread with a large stack. An
        answer of more than ``max_rows`` rows (or triples) is a :class:`QueryError`.
        """
        if _is_update(sparql):
            raise RefusedQueryError(f"{_preview(sparql)} is an update; kg query is read-only")
        check_query(sparql, allow_service=allow_service)
        try:
            subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
                ox.Variable(k): _python_term(k, v) for k, v in (bindings or {}).items()}
        except ValueError as e:  # e.g. a URIRef that is not a valid IRI
            raise QueryError(f"invalid parameter value: {_one_line(e)}") from e
        store = self.store

        def run() -> QueryResult:
            answer = store.query(sparql, prefixes=PREFIXES,
                                 use_default_graph_as_union=self._union_view,
                                 substitutions=subs or None)
            return _materialise(answer, max_rows)

        try:
            return on_large_stack(run)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {_one_line(e)}") from e
        except RuntimeError as e:
            if "SELECT projection" in str(e):
                raise QueryError(f"{_one_line(e)}: a bound parameter must be a variable of "
                                 "the SELECT clause") from e
            raise QueryError(f"query failed: {_one_line(e)}") from e
        except OSError as e:
            if uses_service(sparql):  # Oxigraph reports a failed SERVICE call as an OSError
                raise QueryError(f"SERVICE request failed: {_one_line(e)}") from e
            raise StoreError(f"{self._where()}: cannot read the store: {_one_line(e)}") from e

    def named_query(self, name: str, bindings: Mapping[str, object] | None = None, *,
                    limit: int | None = None) -> QueryResult:
        """Run the named query ``name`` (see :func:`list_queries`) with its parameters.

        Every row is returned unless ``limit`` is given (then the first ``limit`` rows in
        the query's order; the query is still evaluated in full before ordering). A query
        ending in ``ORDER BY`` of plain variables is run without it and its rows sorted
        here, in the same (SPARQL) order: see :func:`sort_rows`.
        """
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)
                                  or limit < 0):
            raise QueryError(f"limit must be a non-negative integer, not {limit!r}")
        q = load_query(name)
        given = dict(bindings or {})
        params = {p.name: p for p in q.parameters}
        unknown = sorted(set(given) - set(params))
        if unknown:
            raise QueryError(f"query {name!r} has no parameter {', '.join(unknown)}; "
                             f"parameters: {', '.join(params) or '(none)'}")
        missing = [p.name for p in q.parameters if not p.optional and p.name not in given]
        if missing:
            raise QueryError(f"query {name!r} needs parameter {', '.join(missing)}")
        values = {k: params[k].coerce(v) for k, v in given.items()}
        split = _split_order_by(q.text)
        if split is not None:
            # Sorting thousands of rows is cheaper here than in Oxigraph, which fetches
            # each compared string from disk again; same order (SPARQL's), see _order_key
            body, keys = split
            res = self.query(body, values)
            if all(var in res.variables for var, _ in keys):
                sort_rows(res.rows, keys)
                if limit is not None:
                    del res.rows[limit:]
                return res
        text = q.text if limit is None else f"{q.text.rstrip()}\nLIMIT {limit}\n"
        return self.query(text, values)

    def dump(self, fmt: RdfFormat | str) -> bytes:
        """Serialise the store: TriG / N-Quads / JSON-LD with every named graph; Turtle as
        the union of the article graphs (the bookkeeping graph is left out of Turtle)."""
        name = _format_name(fmt)
        store = self.store
        try:
            if name in QUAD_SYNTAXES:  # the named graphs; the union is derived from them
                quads = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
                return ox.serialize(quads, format=ox_format(name), prefixes=PREFIXES) or b""
            triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                                  f"FILTER(?g != {_ox_node(META_GRAPH)}) }}")
            assert isinstance(triples, ox.QueryTriples)
            return ox.serialize(triples, format=ox_format(name), prefixes=PREFIXES) or b""
        except OSError as e:
            raise StoreError(f"{self._where()}: cannot dump the store: {_one_line(e)}") from e

    def articles(self) -> list[URIRef]:
        """IRIs of the article graphs in the store."""
        meta = _ox_node(META_GRAPH)
        return sorted(URIRef(g.value) for g in self.store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g != meta)

    def stats(self) -> Stats:
        """Counts: article graphs, triples, and typed nodes per entity and event class."""
        meta = _ox_node(META_GRAPH)
        n_graphs = sum(1 for g in self.store.named_graphs() if g != meta)
        triples = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
        counts: dict[str, int] = {}
        for row in self.query("SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c "
                              "FILTER(STRSTARTS(STR(?c), STR(kg:))) } GROUP BY ?c").rows:
            c, n = row["c"], row["n"]
            if isinstance(c, URIRef) and isinstance(n, Literal):
                counts[str(c)[len(KG_NS):]] = int(n.toPython())
        entities = {t.value: counts.get(t.value, 0) for t in EntityType}
        events = {t.value: counts.get(t.value, 0) for t in EventType}
        return Stats(n_graphs, int(triples.toPython()) if isinstance(triples, Literal) else 0,
                     entities, events)

    def to_dataset(self) -> rdflib.Dataset:
        """A copy of the store's named graphs as an rdflib Dataset."""
        ds = rdflib.Dataset()
        for q in self.store:
            g = q.graph_name
            if not isinstance(g, ox.DefaultGraph):
                ds.graph(_rdflib_term(g)).add((_rdflib_term(q.subject),
                                               _rdflib_term(q.predicate),
                                               _rdflib_term(q.object)))
        return ds

    def graph_of(self, article_iri: URIRef) -> rdflib.Graph:
        """The named graph of one article as an rdflib Graph (empty if absent)."""
        g = rdflib.Graph(identifier=article_iri)
        for q in self.store.quads_for_pattern(None, None, None, _ox_node(article_iri)):
            g.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
        return g


# --------------------------------------------------------------------------- helpers


def _drop_article(g: ox.NamedNode) -> str:
    """Update operations removing an article: its triples from the union unless another
    article graph holds them too, its graph, and its content hash."""
    meta = _ox_node(META_GRAPH)
    h = _ox_node(URIRef(CONTENT_HASH))
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g} "
        f"&& ?other != {meta}) }} }} ;\n"
        f"DROP SILENT GRAPH {g} ;\n"
        f"DELETE WHERE {{ GRAPH {meta} {{ {g} {h} ?old }} }}"
    )


def _open_store(path: Path | None, read_only: bool) -> ox.Store:
    if path is None:
        if read_only:
            raise StoreError("an in-memory store cannot be opened read-only; give a path")
        return ox.Store()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a store directory (it is a file)")
    is_store = (path / "CURRENT").is_file()
    if read_only and not is_store:
        raise StoreError(f"{path}: not a kg store (no Oxigraph database here); "
                         "create it with kg ingest")
    if path.is_dir() and not is_store and any(path.iterdir()):
        raise StoreError(f"{path}: directory is not empty and not a kg store; "
                         "choose a new or empty directory")
    if is_store:
        recover(path)  # a kg load killed midway is rolled back before anything reads
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as e:
        msg = _one_line(e)
        if "lock" in msg.lower():
            raise StoreError(f"{path}: the store is locked by another process "
                             f"(close it or use a read-only open): {msg}") from e
        raise damage(str(path), e) or StoreError(f"{path}: cannot open the store: {msg}") from e


def _format_name(fmt: object) -> str:
    try:
        return rdf_syntax(fmt)
    except ValueError as e:
        raise StoreError(str(e)) from e


def _origin(data: bytes | Path) -> str:
    return str(data) if isinstance(data, Path) else f"{len(data)} bytes"


def _one_line(e: BaseException | str) -> str:
    return " ".join(str(e).split())


def _preview(sparql: str) -> str:
    text = " ".join(sparql.split())
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _ox_node(t: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(t))


@dataclass
class _Canonical:
    """Quads read once, as a loader needs them: the article-graph quads as canonical
    N-Quads text, the others (default graph, bookkeeping graph) as objects, the article
    graphs named, and how many quads there were."""

    named: bytes
    other: list[ox.Quad]
    graphs: set[ox.NamedNode]
    count: int

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> _Canonical:
        meta = _ox_node(META_GRAPH)
        other: list[ox.Quad] = []
        graphs: set[ox.NamedNode] = set()
        count = 0

        def named() -> Iterator[ox.Quad]:
            nonlocal count
            for q in quads:
                count += 1
                g = q.graph_name
                if isinstance(g, ox.NamedNode) and g != meta:
                    graphs.add(g)
                    yield q
                else:
                    other.append(q)

        text = ox.serialize(named(), format=ox.RdfFormat.N_QUADS) or b""
        return cls(text, other, graphs, count)


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


def _split_lines(data: bytes, n: int) -> list[bytes]:
    """``data`` cut into at most ``n`` parts of about equal size, each ending a line.

    >>> _split_lines(b"a\\nbb\\nccc\\ndddd\\n", 2)
    [b'a\\nbb\\nccc\\n', b'dddd\\n']
    """
    parts: list[bytes] = []
    start = 0
    for k in range(1, n):
        cut = data.find(b"\n", max(start, len(data) * k // n))
        if cut < 0:
            break
        parts.append(data[start:cut + 1])
        start = cut + 1
    if start < len(data):
        parts.append(data[start:])
    return [p for p in parts if p]


def _ntriples(triples: Iterable[tuple[str, str, str]]) -> str:
    """N-Triples lines of triples whose terms are already in N-Triples syntax."""
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


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
