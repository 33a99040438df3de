"""Commands over the network view: ``kg viz`` and ``kg analyze``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from kg.cli._base import count_option, main, reports_errors, shown, time_window

if TYPE_CHECKING:
    import kg.api

P = ParamSpec("P")
R = TypeVar("R")

def _graph_source(f: Callable[P, R]) -> Callable[P, R]:
    """The two ways to name the graph: a store directory, or an extracted RDF file."""
    f = click.option("--input", "input_file", type=click.Path(exists=True, dir_okay=False),
                     help="An extracted RDF file (.trig/.nq/.ttl/.jsonld) instead of a store.")(f)
    f = click.option("--store", "store_dir", type=click.Path(exists=True, file_okay=False),
                     help="Store directory (see kg ingest).")(f)
    return time_window(count_option("occurrences")(f))


@contextmanager
def _open_graph(store_dir: str | None, input_file: str | None) -> Iterator[kg.api.GeoKG]:
    import kg.api

    if (store_dir is None) == (input_file is None):
        raise click.UsageError("give exactly one of --store DIR or --input FILE")
    with (kg.api.open(store_dir, read_only=True) if store_dir is not None
          else kg.api.memory()) as g:
        if input_file is not None:
            g.load(input_file, default_graph=True)
        yield g


@main.command()
@_graph_source
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@click.option("--view", default="auto", show_default=True,
              type=click.Choice(["auto", "corpus", "countries", "map", "timeline", "full",
                                 "actors", "ego"]),
              help="corpus: actors and counted shared events; countries: the same with "
                   "actors rolled up to their states, by quad class; map: events at places; "
                   "timeline: events per week; full, actors, ego: entities and events; "
                   "auto: corpus above 150 events, else full. See docs/viz.md.")
@click.option("--focus", help="Actor (label or IRI) to centre on; needed by --view ego.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0),
              help="Actor steps around --focus.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(1),
              help="Cut bigger graphs to their best-connected part (the page says so).")
@click.option("--title", default="Geopolitical event graph", show_default=True)
@reports_errors
def viz(store_dir: str | None, input_file: str | None, since: str | None, until: str | None,
        count: str, out: str, view: str, focus: str | None, hops: int, max_nodes: int,
        title: str) -> None:
    """Write an interactive, self-contained HTML picture of the graph (works offline): one
    event node per real event, "reported by N sources" (--count reports: per report)."""
    from kg.files import write_atomic

    with _open_graph(store_dir, input_file) as g:
        html = g.render_html(view, focus=focus, hops=hops, max_nodes=max_nodes, title=title,
                             since=since, until=until, count=count)
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
def analyze(store_dir: str | None, input_file: str | None, since: str | None,
            until: str | None, count: str, which: str, top: int,
            show_communities: bool, path: tuple[str, str] | None,
            export_file: str | None) -> None:
    """Rank actors (degree, betweenness, PageRank); optionally communities, a chain of
    events between two actors, and a GraphML/GEXF export."""
    from kg import analysis as an

    with _open_graph(store_dir, input_file) as g:
        data = g.graph_data(since=since, until=until, count=count)
    chain = an.event_chain(data, *path) if path else None  # bad names fail before output
    G = an.actor_network(data) if which == "actors" else an.event_graph(data)
    click.echo(shown(an.describe(data, G)))
    click.echo(shown(an.format_rankings(G, an.rankings(G, top))))
    if show_communities:
        click.echo(shown(an.format_communities(G, an.communities(G), top)))
    if chain is not None:
        click.echo(shown(an.format_chain(chain)))
    if export_file:
        an.export_graph(G, export_file)
        click.echo(f"wrote {export_file}", err=True)
