"""Commands that serve a store or copy it elsewhere: ``kg serve``, ``kg push``."""

from __future__ import annotations

import click

from kg.cli._base import main, reports_errors


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
@click.option("--graph-store", default=None,
              help="Graph Store Protocol URL (default: the endpoint, or its sibling /store "
                   "when the endpoint ends in /query, as with Oxigraph).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.1))
@click.option("--union-graph", metavar="IRI",
              help="Also send the union of the article graphs to this graph (Virtuoso, whose "
                   "default graph is not the union; see docs/external-stores.md).")
@reports_errors
def push(store_dir: str, endpoint: str, graph_store: str | None, timeout: float,
         union_graph: str | None) -> None:
    """Copy every article graph to a remote store (HTTP PUT per named graph), then check."""
    import kg.api

    with kg.api.open(store_dir, read_only=True) as g:
        report = g.push(endpoint, graph_store=graph_store, timeout=timeout,
                        union_graph=union_graph)
    click.echo(report.summary())
