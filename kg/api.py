"""The Python API for researchers: the CLI's verbs as methods of one :class:`GeoKG`.

A :class:`GeoKG` is a thin facade over :class:`kg.store.KnowledgeGraph` (the Oxigraph
store) that adds what a notebook needs: ingesting files or strings with the extraction
pipeline, reading events and entities back as typed records, networkx views, HTML
pictures and exports. Everything it reads comes from the RDF graph through SPARQL with
bound parameters; a label given by the caller is always data, never query text.

>>> import kg
>>> g = kg.memory()
>>> report = g.ingest_text(
...     "Lloyd Austin met Kim Yong-hyun in Washington on Wednesday.",
...     title="Talks", published="2024-10-30")
>>> report.summary()
'1 added, 0 replaced, 0 skipped (unchanged), 0 failed'
>>> [(e.type.value, [p.label for p in e.participants]) for e in g.events()]
[('Meeting', ['Kim Yong-hyun', 'Lloyd Austin'])]
>>> [e.label for e in g.entities(type="Person")]
['Kim Yong-hyun', 'Lloyd Austin']
>>> g.events(actor="Lloyd Austin")[0].time
TimeRecord(text='Wednesday', date=datetime.date(2024, 10, 30))
>>> g.close()

``import kg`` is cheap: the names of this module are exposed lazily as ``kg.open``,
``kg.memory``, ``kg.GeoKG``, ... and spaCy is loaded only when something is extracted.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from kg.budget import ARTICLE_TIME_BUDGET
from kg.errors import KGError
from kg.extracting import (
    extract_files,
    extract_text,
    read_inputs,
    text_article,
    to_dataset,
    to_rdf,
)
from kg.formats import ExportFormat
from kg.model import Article, EntityType, EventType, Extraction
from kg.queries import check_count
from kg.read import (
    EntityRecord,
    EventRecord,
    GraphData,
    Participant,
    QuantityRecord,
    Reader,
    TimeRecord,
    class_iri,
    load_graph_data,
)
from kg.read.counting import events_per_class
from kg.read.names import resolve_names, without_window
from kg.read.states import DyadRow
from kg.read.window import TimeWindow
from kg.store import (
    IngestReport,
    KnowledgeGraph,
    NamedQuery,
    QueryResult,
    Stats,
    list_queries,
    parse_param,
)

if TYPE_CHECKING:
    import networkx as nx

    from kg.extract import Language
    from kg.push import PushReport

__all__ = [
    "EntityRecord",
    "EventRecord",
    "GeoKG",
    "IngestReport",
    "NamedQuery",
    "Participant",
    "QuantityRecord",
    "QueryResult",
    "Stats",
    "TimeRecord",
    "extract_files",
    "extract_text",
    "list_queries",
    "memory",
    "open",
    "parse_param",
    "read_inputs",
    "to_dataset",
    "to_rdf",
]

# --------------------------------------------------------------------------- the facade


class GeoKG:
    """A knowledge graph you can ingest into, query, analyse, draw and export.

    ``GeoKG(path)`` opens (or creates) a persistent Oxigraph store in the directory
    ``path``; ``GeoKG()`` is in memory. ``nlp`` is the spaCy pipeline to extract with
    (default: kg's model, loaded once on first use). The store underneath is
    :attr:`store` (a :class:`kg.store.KnowledgeGraph`) for anything not covered here.
    Use it as a context manager, or call :meth:`close`, to release an on-disk store.

    >>> with GeoKG() as g:
    ...     g.stats().articles
    0
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 upgrade: bool = True, nlp: Language | None = None) -> None:
        # a store this object creates is removed again if its first ingest stores nothing
        # (see _forget_if_empty); a folder that existed before is never removed
        self._fresh = path is not None and not read_only and not Path(path).exists()
        self._discard = False
        self.store = KnowledgeGraph(path, read_only=read_only, upgrade=upgrade)
        self.nlp = nlp

    # -- lifecycle --------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.store.path  # the store directory, or None in memory

    def close(self) -> None:
        """Flush and release the store (removed if it was created by this object and its
        first ingest stored nothing)."""
        self.store.close()
        self._remove_if_discarded()

    def _remove_if_discarded(self) -> None:
        if self._discard and self.path is not None and self.path.is_dir():
            import shutil

            self._discard = False
            shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> GeoKG:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # as the store's own exit: the failed calls' frames must not keep the database open
        self.store.__exit__(exc_type, exc, tb)
        self._remove_if_discarded()

    def __repr__(self) -> str:
        return f"GeoKG({str(self.path) if self.path else 'in memory'})"

    # -- writing ----------------------------------------------------------------------

    def ingest(self, *paths: str | Path, force: bool = False, batch_size: int = 16,
               n_process: int = 1, time_budget: float | None = ARTICLE_TIME_BUDGET,
               on_progress: Callable[[int], None] | None = None,
               progress: bool = True, dask: object = None,
               shards: str | Path | None = None) -> IngestReport:
        """Extract the articles in ``paths`` (files, directories, globs) into the graph.

        Like ``kg ingest``: each article becomes one named graph, an unchanged article is
        skipped unless ``force``, and an unreadable file is reported in
        :attr:`IngestReport.failed` while the rest goes in. See :meth:`ingest_articles`
        for the other options (``dask``: extract on a Dask cluster).
        """
        return self.ingest_articles(read_inputs(*paths), force=force, batch_size=batch_size,
                                    n_process=n_process, time_budget=time_budget,
                                    on_progress=on_progress, progress=progress, dask=dask,
                                    shards=shards)

    def ingest_articles(self, articles: Iterable[Article | KGError], *, force: bool = False,
                        batch_size: int = 16, n_process: int = 1,
                        time_budget: float | None = ARTICLE_TIME_BUDGET,
                        on_progress: Callable[[int], None] | None = None,
                        progress: bool = True, dask: object = None,
                        shards: str | Path | None = None,
                        on_dashboard: Callable[[str], None] | None = None) -> IngestReport:
        """Extract and store articles (:class:`~kg.model.Article` objects you built
        yourself, or what :func:`read_inputs` read: the errors in it are reported failed).

        Articles are parsed ``batch_size`` at a time by ``n_process`` spaCy processes; an
        article whose extraction takes more than ``time_budget`` seconds (its batch's
        parse included) is reported failed. After a failed batch the next ``batch_size``
        articles are extracted one by one, so only the article that fails by itself is
        reported (see :func:`kg.pipeline.ingest_articles`). ``on_progress(n)`` is called
        as articles are done; without it, and unless ``progress=False``, a line on stderr
        every few seconds says how far the run is (:class:`kg.progress.LineProgress`).

        ``dask``: extract on a Dask cluster instead (``"local:2"``, ``"tcp://host:8786"``
        or a ``distributed.Client``), the workers writing their N-Quads shards to the
        folder ``shards`` if given; the store ends the same (see :mod:`kg.distributed`).
        """
        from kg.pipeline import ingest_articles
        from kg.progress import LineProgress

        items = list(articles)
        lines = LineProgress(len(items)) if on_progress is None and progress \
            and len(items) > 1 else None
        try:
            if dask is not None:
                from kg.distributed import ingest_dask

                return ingest_dask(self.store, items, dask, force=force,
                                   batch_size=batch_size, time_budget=time_budget,
                                   shards=shards, on_progress=on_progress or lines,
                                   on_dashboard=on_dashboard)
            return ingest_articles(self.store, items,
                                   self._extractor(batch_size, n_process, time_budget),
                                   force=force, on_progress=on_progress or lines,
                                   retry_window=batch_size)
        finally:
            if lines is not None:
                lines.close()
            if self._fresh:  # a first ingest that stored nothing: no empty store left behind
                self._fresh, self._discard = False, not self.store.articles()

    def ingest_text(self, text: str, *, title: str = "", published: date | str | None = None,
                    source: str | None = None, url: str | None = None, key: str | None = None,
                    force: bool = False) -> IngestReport:
        """Extract one article given as a string (see :func:`kg.articles.read_text`);
        ``published`` is a date or an ISO date string."""
        return self.ingest_articles(
            [text_article(text, title=title, published=published, source=source, url=url,
                      key=key)], force=force)

    def add(self, extractions: Iterable[Extraction], *, force: bool = False) -> IngestReport:
        """Store extractions made elsewhere (e.g. by :func:`extract_text`)."""
        return self.store.ingest(extractions, skip_unchanged=not force)

    def load(self, path: str | Path, fmt: str | None = None, *,
             default_graph: bool = False) -> int:
        """Add the quads of an RDF file (format from the suffix unless ``fmt``): a dump of
        another store, or ``kg extract`` output; a folder: every ``*.nq`` file in it, e.g. the
        shards of ``kg ingest --dask --shards`` (:func:`kg.store.shards.load_folder`).
        Returns the number of quads read. Triples
        outside any named graph (a Turtle file) are refused unless ``default_graph``."""
        p = Path(path)
        if p.is_dir():  # shards of kg ingest --dask, or a dump cut into parts
            from kg.store.shards import load_folder

            return load_folder(self.store, p)
        return self.store.load(p, fmt or p.suffix.lstrip(".") or "trig",
                               default_graph=default_graph)

    def upgrade(self) -> list[str]:
        """Add what an older kg did not write (event counts, time stamps, event dates,
        tallies, the union of the article graphs), like ``kg upgrade``; returns what was
        added. Opening a store for writing does it too (unless ``upgrade=False``)."""
        return self.store.upgrade()

    def remove(self, article: str) -> bool:
        """Drop one article graph by its IRI; False if it was not stored."""
        return self.store.remove_article(URIRef(article))

    def _extractor(self, batch_size: int, n_process: int, time_budget: float | None
                   ) -> Callable[[Sequence[Article]], Iterable[Extraction]]:
        nlp = self.nlp

        def extract(articles: Sequence[Article]) -> Iterator[Extraction]:
            from kg.pipeline import extract_articles

            # one article (a retry after a failure) is not worth starting worker processes
            return extract_articles(articles, nlp=nlp, batch_size=batch_size,
                                    n_process=n_process if len(articles) > 1 else 1,
                                    time_budget=time_budget)

        return extract

    # -- reading ----------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
        """A read-only SPARQL query over the union of all article graphs.

        ``bindings`` bind variables of the SELECT clause to values (str, int, Decimal,
        date, rdflib terms): the value is data, never spliced into the query text.
        """
        return self.store.query(sparql, bindings)

    def serialize_query(self, sparql: str, bindings: Mapping[str, object] | None = None,
                        fmt: str = "json") -> bytes:
        """The answer of :meth:`query` as ``json``, ``csv``, ``tsv``, ``xml`` or ``table``
        bytes (``query(...).to_<fmt>()``, written by Oxigraph where its bytes are the
        same: see :meth:`kg.store.KnowledgeGraph.serialize_query`)."""
        return self.store.serialize_query(sparql, bindings, fmt)

    def named_query(self, name: str, bindings: Mapping[str, object] | None = None,
                    **params: object) -> QueryResult:
        """Run a query of ``kg/queries`` (see :func:`list_queries` and docs/queries.md);
        parameters as a mapping or as keywords: ``named_query("events_by_type",
        type="Meeting", since="2019-01-01")``. An actor given by a name no node has is an
        :class:`~kg.errors.UnknownValueError` suggesting close names."""
        given = {**(bindings or {}), **params}
        return without_window(self.store.named_query(name, resolve_names(Reader(self.store),
                                                                          name, given)))

    def stats(self, *, count: str = "occurrences") -> Stats:
        """Articles, triples, nodes per entity class, and events per class: real events
        (``kg:Occurrence``), or reports with ``count="reports"``."""
        return replace(self.store.stats(), events=events_per_class(self.store, count))

    def articles(self) -> list[str]:
        """IRIs of the stored articles."""
        return [str(a) for a in self.store.articles()]

    def events(self, type: EventType | str | None = None, *, actor: str | None = None,
               article: str | None = None, since: date | str | None = None,
               until: date | str | None = None, level: str = "actor",
               count: str = "occurrences") -> list[EventRecord]:
        """Events read back from the graph, by date then article and text position: one
        record per real event (``kg:Occurrence``: its earliest report, with ``reports``
        and ``articles`` those of all its reports listed), or per report with
        ``count="reports"`` (see docs/occurrences.md).

        ``type``: an event class (``"Deployment"``, ``EventType.MEETING``, ``kg:Meeting``);
        ``actor``: a name or alias (case ignored) or an IRI of an entity taking part in
        an actor role (with ``level="state"``, or anything belonging to its state: a
        state's forces, ministries and officials); ``article``: an article IRI;
        ``since`` / ``until``: inclusive ISO dates on the date each event is read at (its
        own, else its article's: ``EventRecord.date_source``). An unknown class or actor
        is an :class:`~kg.errors.UnknownValueError` with suggestions.
        """
        return Reader(self.store).events(type, actor=actor, article=article, since=since,
                                         until=until, level=level, count=count)

    def events_frame(self, type: EventType | str | None = None, *, actor: str | None = None,
                     article: str | None = None, since: date | str | None = None,
                     until: date | str | None = None, level: str = "actor",
                     count: str = "occurrences") -> Any:
        """:meth:`events` as a pandas DataFrame (:func:`kg.read.frames.events_frame`)."""
        from kg.read.frames import events_frame

        return events_frame(self.events(type, actor=actor, article=article, since=since,
                                        until=until, level=level, count=count))

    def dyads(self, *, level: str = "actor", since: date | str | None = None,
              until: date | str | None = None, actor: str | None = None,
              type: EventType | str | None = None, count: str = "occurrences"
              ) -> list[DyadRow]:
        """Who did what to whom, per month (:func:`kg.read.states.dyads`); ``level="state"``
        rolls actors up to their states; ``actor`` / ``type`` keep one actor's, one class's;
        ``count``: real events (``"occurrences"``) or ``"reports"``."""
        from kg.read.states import check_level, dyads

        reader, lvl = Reader(self.store), check_level(level)
        kind = class_iri(type, EventType, "event").rsplit("#", 1)[-1] if type else None
        nodes = sorted(reader.actor(actor)) if actor is not None else None
        return dyads(self.graph_data(count="reports"), level=lvl,
                     window=TimeWindow.of(since, until),
                     states=reader.states() if lvl == "state" else None, actor=nodes,
                     type=kind, count=check_count(count))

    def entities(self, type: EntityType | str | None = None, *, name: str | None = None
                 ) -> list[EntityRecord]:
        """Entities read back from the article graphs, by class then label.

        ``type``: an entity class (``"Person"``, ``EntityType.COUNTRY``, ...); ``name``: a
        label or alias (case ignored) or an IRI. A node with several classes is listed
        once, under the most specific (a Country is also a Place, but it is listed, and
        filtered, as a Country).
        """
        return Reader(self.store).entities(type, name=name)

    # -- analysis, pictures, export ---------------------------------------------------

    def graph_data(self, *, since: date | str | None = None,
                   until: date | str | None = None, count: str = "occurrences") -> GraphData:
        """Events, entities and role edges as plain records (:mod:`kg.analysis` input);
        ``since`` / ``until``: the events (reports) in that window
        (:meth:`GraphData.between`); ``count``: one event node per real event
        (``"occurrences"``, the reports of a ``kg:Occurrence`` merged) or per report
        (``"reports"``), see :meth:`GraphData.counting`."""
        return load_graph_data(self.store).between(since, until).counting(count)

    def actor_network(self, *, since: date | str | None = None,
                      until: date | str | None = None, count: str = "occurrences"
                      ) -> nx.Graph:
        """Actors linked when they take part in the same events (networkx ``Graph``;
        edge ``weight`` = shared events, one count per event class, ``Meeting`` ...:
        :func:`kg.analysis.event_types`). Every attribute is a scalar: ``nx.write_gexf``
        and ``nx.write_graphml`` write it as it is. ``count``: as :meth:`graph_data`."""
        from kg.analysis import actor_network

        return actor_network(self.graph_data(since=since, until=until, count=count))

    def event_graph(self, *, since: date | str | None = None,
                    until: date | str | None = None, count: str = "occurrences"
                    ) -> nx.MultiDiGraph:
        """Events and entities, one edge per role (networkx ``MultiDiGraph``); ``count``:
        an event node per occurrence or per report, as :meth:`graph_data`."""
        from kg.analysis import event_graph

        return event_graph(self.graph_data(since=since, until=until, count=count))

    def render_html(self, view: str = "auto", *, focus: str | None = None, hops: int = 2,
                    max_nodes: int = 500, title: str = "Geopolitical event graph",
                    since: date | str | None = None, until: date | str | None = None,
                    count: str = "occurrences") -> str:
        """One self-contained interactive HTML page; nothing is written or opened — save
        the string where you like. ``view``: ``corpus`` (actors and their shared events,
        counted, with a side panel of evidence), ``map`` (events at their places),
        ``countries`` (the corpus view with actors rolled up to their states, edges by quad
        class), ``timeline`` (events per week by class and dyad), ``full``, ``actors``, ``ego``
        (entities and events), or ``auto``: ``corpus`` above
        :data:`kg.viz.CORPUS_EVENTS` events, else ``full`` (see :func:`kg.viz.render_html`).
        ``since`` / ``until``: only the events of that window are drawn; ``count``: one
        event per occurrence, "reported by N sources", with every report's evidence (or
        ``"reports"``: one per report), as :meth:`graph_data`.
        """
        from kg.viz import render_html

        entities = self.entities() if view == "map" else ()
        states = Reader(self.store).states() if view == "countries" else None
        data = self.graph_data(since=since, until=until, count=count)
        return render_html(data, view=view, focus=focus,
                           hops=hops, max_nodes=max_nodes, title=title, entities=entities,
                           states=states)

    def export(self, path: str | Path, fmt: str | None = None, *,
               since: date | str | None = None, until: date | str | None = None) -> Path:
        """Write the graph like ``kg export``: ``trig``, ``nquads``, ``turtle``,
        ``jsonld``, ``csv`` (one row per event), ``graphml`` or ``gexf``; the format
        defaults to the file suffix (``.ttl`` is Turtle, ``.nq`` N-Quads). ``since`` /
        ``until`` keep the events of that window (csv, graphml, gexf)."""
        from kg.export import export

        p = Path(path)
        return export(self.store, fmt or ExportFormat.name_for(p), p,
                      TimeWindow.of(since, until))

    def dump(self, fmt: str = "trig") -> bytes:
        """The graph serialised in ``fmt`` (``trig``, ``nquads``, ``turtle``, ``jsonld``)."""
        return self.store.dump(fmt)

    def push(self, endpoint: str, *, graph_store: str | None = None, timeout: float = 60.0,
             on_progress: Callable[[int], None] | None = None,
             union_graph: str | None = None) -> PushReport:
        """Copy every article graph to a remote store, like ``kg push``; ``union_graph``:
        also their union, as that named graph (for Virtuoso: see :func:`kg.push.push`)."""
        from kg.push import push

        return push(self.store, endpoint, graph_store=graph_store, timeout=timeout,
                    on_progress=on_progress, union_graph=union_graph)


#: Old names kept for one release: ``kg.Graph`` collided with :class:`rdflib.Graph` (which
#: kg itself returns) and :class:`networkx.Graph` (what :meth:`GeoKG.actor_network` returns).
_DEPRECATED = {"Graph": "GeoKG"}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        return _deprecated(name, stacklevel=3)
    raise AttributeError(f"module 'kg.api' has no attribute {name!r}")


def _deprecated(name: str, *, stacklevel: int) -> Any:
    """The object a deprecated name stands for, with a :class:`DeprecationWarning` at
    the caller ``stacklevel`` frames up (on every use: the name is never cached)."""
    new = _DEPRECATED[name]
    warnings.warn(f"kg.{name} is deprecated and will be removed in the next release; "
                  f"use kg.{new}", DeprecationWarning, stacklevel=stacklevel)
    return globals()[new]


# --------------------------------------------------------------------------- functions


def open(path: str | Path | None = None, *, read_only: bool = False, upgrade: bool = True,
         nlp: Language | None = None) -> GeoKG:
    """Open (or create) the persistent graph in directory ``path``; ``read_only`` lets
    several processes read one store. Without a path the graph is in memory, as with
    :func:`memory`. A store written by an older kg is upgraded when opened for writing,
    with a notice (see :meth:`GeoKG.upgrade`), unless ``upgrade`` is false; opened
    read-only, it is read as it is, with a notice to run ``kg upgrade --store DIR``."""
    return GeoKG(path, read_only=read_only, upgrade=upgrade, nlp=nlp)


def memory(*, nlp: Language | None = None) -> GeoKG:
    """A new empty graph held in memory."""
    return GeoKG(nlp=nlp)
