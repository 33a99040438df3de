"""The store itself: :class:`KnowledgeGraph` (how it keeps article graphs and their union:
see :mod:`kg.store`)."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

from kg.errors import (
    KGError,
    QueryError,
    StoreError,
)
from kg.formats import QUAD_SYNTAXES, ox_format, rdf_syntax
from kg.model import EntityType, EventType, Extraction
from kg.queries import load_query
from kg.rdf.vocab import KG_NS, PREFIXES
from kg.recovery import abort_load, begin_load, commit_load, report_damage
from kg.store import upgrades
from kg.store.occurrences import OCCURRENCES_GRAPH, update_occurrences
from kg.store.opening import open_store
from kg.store.quads import _Canonical, _drop_article, _ntriples, bulk_write
from kg.store.querying import run_query
from kg.store.results import (
    IngestReport,
    QueryResult,
    Stats,
    _materialise,
    _split_order_by,
    serialize_answer,
    sort_rows,
)
from kg.store.terms import (
    CONTENT_HASH,
    META_GRAPH,
    _one_line,
    _ox_node,
    _ox_term,
    _rdflib_term,
)

if TYPE_CHECKING:
    from kg.formats import RdfFormat, ResultFormat

T = TypeVar("T")

__all__ = ["BULK_LOAD_MIN", "KnowledgeGraph"]


#: :meth:`KnowledgeGraph.load` of at least this many quads into an on-disk store uses the
#: (parallel, non-transactional) bulk loader.
BULK_LOAD_MIN = 100_000

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

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 upgrade: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        #: link each ingested article's event reports into occurrences (kg.store.occurrences)
        self.link_occurrences = True
        self._store: ox.Store | None = open_store(self.path, read_only)
        # no materialised union (``oxigraph load``): queried as one until it is upgraded
        self._union_view = upgrades.union_missing(self)
        if upgrade:  # read-only: a notice that kg upgrade would add something
            (upgrades.hint_on_open if read_only else upgrades.upgrade_on_open)(self)

    def upgrade(self) -> list[str]:
        """Add what an older kg (or another tool) did not write (:mod:`kg.store.upgrades`);
        returns what was added, empty if the store was up to date. A store opened for
        writing is upgraded when opened, with a notice, unless ``upgrade=False``; one
        opened read-only gets a notice to run ``kg upgrade`` (unless ``upgrade=False``)."""
        if self.read_only:
            raise StoreError(f"{self._where()}: the store is open read-only: open it for "
                             "writing to upgrade it")
        return upgrades.upgrade(self)

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
        if self._union_view:  # what is written would be missing from the union
            raise StoreError(f"{self._where()}: the store has no union of its article "
                             "graphs: upgrade it before writing (kg upgrade)")
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
                    if self.link_occurrences:
                        update_occurrences(self, iri, ex)
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
        self._write_terms(article_iri, {(str(_ox_term(s)), str(_ox_term(p)), str(_ox_term(o))):
                                        None for s, p, o in triples}, content_hash)

    def _write_terms(self, article_iri: URIRef, new: dict[tuple[str, str, str], None],
                     content_hash: str) -> None:
        """:meth:`_write_article` of triples whose terms are in N-Triples syntax."""
        store = self._writable()
        g = _ox_node(article_iri)
        h = _ox_node(URIRef(CONTENT_HASH))
        meta = _ox_node(META_GRAPH)
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
        if existed and self.link_occurrences:
            update_occurrences(self, article_iri, None)
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
            upgrades.add_event_counts(self)
            upgrades.add_derived(self)
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
        try:
            bulk_write(self._writable(), batch, workers=workers)
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
        if self.read_only:
            raise StoreError(f"{self._where()}: the store is open read-only")
        try:
            self.store.update(
                f"DROP SILENT DEFAULT ; INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(?g != {meta}) }}")
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self._where()}: cannot rebuild the union: {_one_line(e)}") from e
        self._union_view = False

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
        return self._answer(sparql, bindings, allow_service,
                            lambda answer: _materialise(answer, max_rows))

    def serialize_query(self, sparql: str, bindings: Mapping[str, object] | None = None,
                        fmt: ResultFormat | str = "json", *, allow_service: bool = True
                        ) -> bytes:
        """The answer of :meth:`query` serialised in ``fmt`` (``json``, ``csv``, ``tsv``,
        ``xml``, ``table``), the same bytes as ``query(...).to_<fmt>()`` encoded in UTF-8:
        written by Oxigraph straight from the store where its serialiser gives those bytes
        (CSV of a SELECT), with no Python term built (see :func:`serialize_answer`)."""
        return self._answer(sparql, bindings, allow_service,
                            lambda answer: serialize_answer(answer, fmt))

    def _answer(self, sparql: str, bindings: Mapping[str, object] | None,
                allow_service: bool, then: Callable[[Any], T]) -> T:
        return run_query(self.store, sparql, bindings, then, allow_service=allow_service,
                         union_view=self._union_view, where=self._where())

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
            # Cheaper than Oxigraph's ORDER BY, which reads each compared IRI or long string
            # from disk again (1.0-1.2x the time, entities_by_type 2.2-2.6x: bench_store,
            # 2026-12-07); same order (SPARQL's, tested): see _order_key
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
        skip = {_ox_node(META_GRAPH), _ox_node(OCCURRENCES_GRAPH)}
        return sorted(URIRef(g.value) for g in self.store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g not in skip)

    def stats(self) -> Stats:
        """Counts: article graphs, triples, and typed nodes per entity and event class."""
        skip = {_ox_node(META_GRAPH), _ox_node(OCCURRENCES_GRAPH)}
        n_graphs = sum(1 for g in self.store.named_graphs() if g not in skip)
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

def _format_name(fmt: object) -> str:
    try:
        return rdf_syntax(fmt)
    except ValueError as e:
        raise StoreError(str(e)) from e

def _origin(data: bytes | Path) -> str:
    return str(data) if isinstance(data, Path) else f"{len(data)} bytes"
