"""The ``kg`` command line: each command translates arguments, calls one library function,
and turns a :class:`kg.errors.KGError` into a one-line error and a non-zero exit."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from kg import __version__
from kg.errors import KGError, printable
from kg.formats import ExportFormat, RdfFormat, ResultFormat

if TYPE_CHECKING:
    from kg.read import GraphData

P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(f: Callable[P, R]) -> Callable[P, R]:
    """Turn a KGError raised by the library into click's one-line error (exit 1)."""

    @functools.wraps(f)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return f(*args, **kwargs)
        except KGError as e:
            raise click.ClickException(printable(str(e))) from e

    return wrapper


def _shown(text: str, *, data: bool = False) -> str:
    """``text`` for stdout, control characters escaped line by line (a label from an
    article must not ring the bell or rewrite the screen); ``data`` formats (CSV, JSON, RDF)
    are left exactly as they are unless stdout is a terminal."""
    import re
    import sys

    if data and not sys.stdout.isatty():
        return text
    return "\n".join(printable(line) for line in re.split(r"\r?\n", text))


class _Notices(logging.Handler):
    """What the library logs for the user (a store upgraded when opened) as one line on
    stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"kg: {printable(record.getMessage())}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: build a geopolitical event knowledge graph from news articles."""
    log = logging.getLogger("kg")
    if not any(isinstance(h, _Notices) for h in log.handlers):
        log.addHandler(_Notices(logging.WARNING))


# Commands are added below, one per verb; keep each a thin translation of one library call.


# --------------------------------------------------------------------------- extract

_RDF_FORMATS = tuple(f.value for f in RdfFormat)
#: ``kg query --format``: every result format but XML (which ``kg serve`` offers).
_QUERY_FORMATS = tuple(f.value for f in ResultFormat if f is not ResultFormat.XML)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", default="trig", show_default=True,
              type=click.Choice(_RDF_FORMATS), help="RDF serialisation.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@reports_errors
def extract(files: tuple[str, ...], fmt: str, out: str | None) -> None:
    """Read articles and write their triples (one named graph per article), touching no store.

    FILES may be files, directories or globs. A bad input stops the command before
    anything is written.
    """
    import kg.api
    from kg.files import write_atomic

    text = kg.api.to_rdf(kg.api.extract_files(*files), fmt)
    if out is None:
        click.echo(_shown(text, data=True), nl=not text.endswith("\n"))
    else:
        write_atomic(out, text)


# --------------------------------------------------------------------------- store: ingest


class _Progress:
    """A progress bar on stderr showing articles done, rate and ETA."""

    def __init__(self, total: int, label: str) -> None:
        import sys
        import time

        self._time = time.monotonic
        self._start = self._time()
        self._done = 0
        self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                      show_eta=True, show_pos=True,
                                      item_show_func=lambda s: s)

    def __enter__(self) -> _Progress:
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(None, None, None)

    def __call__(self, n: int) -> None:
        self._done += n
        rate = self._done / max(self._time() - self._start, 1e-9)
        self._bar.update(n, f"{rate:.1f} articles/s")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False),
              help="Oxigraph store directory (created if missing).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1),
              help="Articles per spaCy batch.")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1),
              help="spaCy worker processes.")
@click.option("--force", is_flag=True, help="Re-extract articles even if unchanged.")
@click.option("--time-budget", default=60.0, show_default=True, type=click.FloatRange(min=0),
              metavar="SECONDS", help="An article whose extraction (its batch's parse "
              "included) takes longer is reported failed and skipped; 0: no limit.")
@click.option("--dask", metavar="local[:N]|tcp://HOST:PORT", help="Extract on Dask workers.")
@click.option("--shards", type=click.Path(file_okay=False), help="--dask: write shards here.")
@reports_errors
def ingest(paths: tuple[str, ...], store_dir: str, batch_size: int, processes: int,
           force: bool, time_budget: float, dask: str | None, shards: str | None) -> None:
    """Extract articles (files, directories, globs, JSONL) into a persistent store.

    Each article becomes one named graph; re-ingesting replaces it, unchanged articles
    are skipped. Unreadable files are reported and skipped; the exit status is 1 when
    any input or article failed.
    """
    import kg.api

    items = kg.api.read_inputs(*paths)  # before the store is created
    with kg.api.open(store_dir) as g, _Progress(len(items), "ingesting") as progress:
        report = g.ingest_articles(items, force=force, batch_size=batch_size, dask=dask,
                                   n_process=processes, time_budget=time_budget or None,
                                   shards=shards, on_progress=progress,
                                   on_dashboard=lambda u: click.echo(f"dask: {u}", err=True))
    click.echo(report.summary())
    for key, reason in report.failed:
        click.echo(f"  failed: {printable(key)}: {printable(reason)}")
    if report.failed:  # the good articles are stored, but the run did not do everything
        raise click.exceptions.Exit(1)


# --------------------------------------------------------------------------- store: query


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a .rq file.")
@click.option("--name", "query_name", help="Run a named query (see --list).")
@click.option("--list", "list_names", is_flag=True, help="List the named queries and exit.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), help="Store directory.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (IRIs as <...> or kg:X; numbers and dates typed).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(_QUERY_FORMATS))
@reports_errors
def query(sparql: str | None, query_file: str | None, query_name: str | None, list_names: bool,
          store_dir: str | None, params: tuple[str, ...], fmt: str) -> None:
    """Run a read-only SPARQL query (text, -f FILE or --name NAME) against a store.

    The default graph is the union of all article graphs; the prefixes kg:, kgr:, rdf:,
    rdfs:, xsd:, skos:, sem:, time:, prov:, schema:, org:, geo: and owl: are predeclared.
    """
    from pathlib import Path

    import kg.api

    if list_names:
        for q in kg.api.list_queries():
            click.echo(f"{q.name}: {q.description}")
            for qp in q.parameters:
                opt = ", optional" if qp.optional else ""
                click.echo(f"    ?{qp.name} ({qp.kind}{opt}): {qp.help}")
        return
    if sum(x is not None for x in (sparql, query_file, query_name)) != 1:
        raise click.UsageError("give exactly one of: a SPARQL string, -f FILE, --name NAME")
    if store_dir is None:
        raise click.UsageError("--store DIR is required")
    bindings: dict[str, object] = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            raise click.UsageError(f"--param {p!r}: expected NAME=VALUE")
        bindings[name.strip().lstrip("?")] = kg.api.parse_param(value)
    out_format = ResultFormat(fmt)
    with kg.api.open(store_dir, read_only=True) as g:
        if query_name is not None:
            out = out_format.render(g.named_query(query_name, bindings))
        else:
            text = Path(query_file).read_text(encoding="utf-8") if query_file else sparql
            assert text is not None
            out = g.serialize_query(text, bindings, out_format.value).decode("utf-8")
    click.echo(_shown(out, data=out_format.is_data), nl=not out.endswith("\n"))


@main.command()
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@reports_errors
def stats(store_dir: str) -> None:
    """Count articles, triples, entities and events in a store."""
    import kg.api

    with kg.api.open(store_dir, read_only=True) as g:
        click.echo(g.stats().to_text())


@main.command("export")
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@click.option("--format", "fmt", default=None,
              type=click.Choice([f.value for f in ExportFormat]),
              help="RDF dump, events CSV (one row per event), or actor–event network "
                   "(default: from the suffix of --out).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@reports_errors
def export_(store_dir: str, fmt: str | None, out: str) -> None:
    """Export a store as RDF, an events table (CSV) or a network (GraphML, GEXF)."""
    import kg.api

    if fmt is None:
        fmt = ExportFormat.name_for(out)
        if fmt not in {f.value for f in ExportFormat}:
            raise click.ClickException(
                f"{out}: cannot tell the export format from the suffix; give --format")
    with kg.api.open(store_dir, read_only=True) as g:
        path = g.export(out, fmt)
    click.echo(f"wrote {path}", err=True)


@main.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False),
              help="Store directory (created if missing).")
@click.option("--format", "fmt", default=None,
              type=click.Choice(_RDF_FORMATS),
              help="RDF format of every file (default: from each file's suffix).")
@reports_errors
def load(files: tuple[str, ...], store_dir: str, fmt: str | None) -> None:
    """Load RDF dumps (kg export / kg extract output; a folder: its *.nq files) into a store.

    Article graphs already stored are replaced. Files of 100,000 quads or more go through
    the parallel bulk loader: much faster, but not atomic if the disk fails midway.
    """
    from pathlib import Path

    import kg.api

    jobs: list[tuple[Path, str]] = []
    for path in map(Path, files):  # every format is known before the store is opened
        given = fmt or RdfFormat.from_suffix(path) or ("nquads" if path.is_dir() else None)
        if given is None:
            raise click.ClickException(f"{path}: cannot tell the RDF format from the suffix "
                                       f"{path.suffix!r}; give --format")
        jobs.append((path, given))
    with kg.api.open(store_dir) as g:
        for path, given in jobs:
            click.echo(f"loaded {g.load(path, given):,} quads from {path}", err=True)


@main.command()
@click.option("--store", "store_dir", required=True,
              type=click.Path(exists=True, file_okay=False))
@reports_errors
def upgrade(store_dir: str) -> None:
    """Add to a store what an older kg did not write (event counts, time stamps, tallies).

    A command that opens a store for writing (ingest, load) does it too, with a notice on
    stderr; one that only reads it (query, stats, export, viz, analyze) reads it as it is
    and says on stderr to run this. This says what was added, or "up to date".
    """
    import kg.api

    with kg.api.open(store_dir, upgrade=False) as g:
        done = g.upgrade()
    click.echo(_shown(f"upgraded {store_dir}: added {', '.join(done)}" if done
                      else f"{store_dir}: up to date"))


@main.command()
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may take (waiting included); then it is stopped and "
                   "answered 503.")
@click.option("--max-query-length", default=20_000, show_default=True,
              type=click.IntRange(1), help="Longer queries are refused with 413.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Queries running at once, one process each.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Longer answers are refused with 400 (add a LIMIT).")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(64),
              metavar="MIB", help="A query whose process grows past this is stopped (503).")
@click.option("--allow-service", is_flag=True,
              help="Run SERVICE clauses (federated queries: the server then sends HTTP "
                   "requests wherever a query says); refused with 403 by default.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let web pages from ORIGIN (e.g. https://example.org) query and read "
                   "answers; repeatable. Other origins are refused; no CORS by default.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Another name clients reach this server by (the Host header is checked "
                   "against the bind address); repeatable.")
@reports_errors
def serve(store_dir: str, host: str, port: int, timeout: float, max_query_length: int,
          workers: int, max_rows: int, max_memory: int, allow_service: bool,
          cors_origins: tuple[str, ...], allowed_hosts: tuple[str, ...]) -> None:
    """Serve a store as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql.

    Each query runs in a worker process that is stopped at its deadline. The store is
    reopened within about a second after another process (kg ingest, kg load) writes it.
    """
    from kg.serve import ServeOptions, check_origin
    from kg.serve import serve as serve_store

    for origin in cors_origins:
        try:
            check_origin(origin)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--cors-origin") from e
    options = ServeOptions(timeout=timeout, max_query_length=max_query_length, workers=workers,
                           max_rows=max_rows, max_memory_mb=max_memory,
                           allow_service=allow_service, cors_origins=cors_origins,
                           allowed_hosts=allowed_hosts)
    serve_store(store_dir, host, port, options,
                on_ready=lambda url: click.echo(f"serving {url} (Ctrl-C to stop)", err=True))


@main.command()
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@click.option("--endpoint", required=True, help="SPARQL query endpoint of the remote store.")
@click.option("--graph-store", help="Graph Store Protocol URL (default: the endpoint, or its "
              "sibling /store when the endpoint ends in /query, as with Oxigraph).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.1))
@click.option("--union-graph", metavar="IRI", help="Also send the union here (Virtuoso).")
@reports_errors
def push(store_dir: str, endpoint: str, graph_store: str | None, timeout: float,
         union_graph: str | None) -> None:
    """Copy every article graph to a remote store (HTTP PUT per named graph), then check."""
    import kg.api

    with kg.api.open(store_dir, read_only=True) as g:
        report = g.push(endpoint, graph_store=graph_store, timeout=timeout, union_graph=union_graph)
    click.echo(report.summary())


@main.command("eval")
@click.argument("gold", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--input", "input_path", type=click.Path(exists=True, dir_okay=False),
              help="Score this RDF output (.trig/.nq/.ttl/.jsonld) instead of extracting "
                   "each gold file's article.")
@click.option("--misses/--no-misses", default=True, show_default=True,
              help="List missed and spurious events and entities.")
@reports_errors
def eval_(gold: tuple[str, ...], input_path: str | None, misses: bool) -> None:
    """Score extraction against gold annotations (*.gold.json): P/R/F1 and misses."""
    from rdflib import Dataset

    from kg.evaluate import (
        Gold,
        evaluate_all,
        format_confusion,
        format_report,
        format_summary,
        load_graph,
        pooled,
    )

    given = load_graph(input_path) if input_path is not None else None

    def graph_for(g: Gold) -> Dataset:
        if given is not None:
            return given
        import kg.api

        return kg.api.to_dataset(kg.api.extract_files(g.article_path))

    reports = evaluate_all(gold, graph_for)
    for r in reports:
        click.echo(format_report(r, misses=misses))
        click.echo()
    total = pooled(reports) if len(reports) > 1 else reports[0]
    if len(reports) > 1:
        click.echo(format_report(total, misses=False))
        click.echo()
    click.echo(format_confusion(total))
    click.echo()
    click.echo(format_summary(reports))


# --------------------------------------------------------------------------- viz / analyze


def _graph_source(f: Callable[P, R]) -> Callable[P, R]:
    """The two ways to name the graph: a store directory, or an extracted RDF file."""
    f = click.option("--input", "input_file", type=click.Path(exists=True, dir_okay=False),
                     help="An extracted RDF file (.trig/.nq/.ttl/.jsonld) instead of a store.")(f)
    return click.option("--store", "store_dir", type=click.Path(exists=True, file_okay=False),
                        help="Store directory (see kg ingest).")(f)


def _load_graph_data(store_dir: str | None, input_file: str | None) -> GraphData:
    import kg.api

    if (store_dir is None) == (input_file is None):
        raise click.UsageError("give exactly one of --store DIR or --input FILE")
    if store_dir is not None:
        with kg.api.open(store_dir, read_only=True) as g:
            return g.graph_data()
    assert input_file is not None
    with kg.api.memory() as g:
        g.load(input_file, default_graph=True)
        return g.graph_data()


@main.command()
@_graph_source
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@click.option("--view", default="full", show_default=True,
              type=click.Choice(["full", "actors", "ego"]),
              help="full: entities and events; actors: actors linked by shared events; "
                   "ego: the neighbourhood of --focus.")
@click.option("--focus", help="Actor (label or IRI) to centre on; needed by --view ego.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0),
              help="Actor steps around --focus.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(1),
              help="Cut bigger graphs to their best-connected part (the page says so).")
@click.option("--title", default="Geopolitical event graph", show_default=True)
@reports_errors
def viz(store_dir: str | None, input_file: str | None, out: str, view: str, focus: str | None,
        hops: int, max_nodes: int, title: str) -> None:
    """Write an interactive, self-contained HTML picture of the graph (works offline)."""
    from kg.files import write_atomic
    from kg.viz import render_html

    data = _load_graph_data(store_dir, input_file)
    html = render_html(data, view=view, focus=focus, hops=hops, max_nodes=max_nodes,
                       title=title)
    write_atomic(out, html)
    click.echo(f"wrote {out} ({len(html) // 1024:,} KiB)", err=True)


@main.command()
@_graph_source
@click.option("--graph", "which", default="actors", show_default=True,
              type=click.Choice(["actors", "events"]),
              help="actors: actors linked by shared events; events: entities and events.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1),
              help="Rows per ranking.")
@click.option("--communities", "show_communities", is_flag=True,
              help="Also list Louvain communities.")
@click.option("--path", "path", nargs=2, metavar="A B",
              help="Also show a shortest chain of events linking actors A and B.")
@click.option("--export", "export_file", type=click.Path(dir_okay=False),
              help="Write the graph as .graphml or .gexf.")
@reports_errors
def analyze(store_dir: str | None, input_file: str | None, which: str, top: int,
            show_communities: bool, path: tuple[str, str] | None,
            export_file: str | None) -> None:
    """Rank actors (degree, betweenness, PageRank); optionally communities, a chain of
    events between two actors, and a GraphML/GEXF export."""
    from kg import analysis as an

    data = _load_graph_data(store_dir, input_file)
    chain = an.event_chain(data, *path) if path else None  # bad names fail before output
    G = an.actor_network(data) if which == "actors" else an.event_graph(data)
    click.echo(_shown(an.describe(data, G)))
    click.echo(_shown(an.format_rankings(G, an.rankings(G, top))))
    if show_communities:
        click.echo(_shown(an.format_communities(G, an.communities(G), top)))
    if chain is not None:
        click.echo(_shown(an.format_chain(chain)))
    if export_file:
        an.export_graph(G, export_file)
        click.echo(f"wrote {export_file}", err=True)
