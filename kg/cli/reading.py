"""Commands that read a store: ``kg query``, ``kg stats``, ``kg export``."""

from __future__ import annotations

import click

from kg.cli._base import (
    QUERY_FORMATS,
    ROW_FORMATS,
    count_option,
    echo_rows,
    main,
    reports_errors,
    shown,
    time_window,
)
from kg.formats import ExportFormat, ResultFormat


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
              type=click.Choice(QUERY_FORMATS))
@time_window
@count_option(None)
@reports_errors
def query(sparql: str | None, query_file: str | None, query_name: str | None, list_names: bool,
          store_dir: str | None, params: tuple[str, ...], fmt: str, since: str | None,
          until: str | None, count: str | None) -> None:
    """Run a read-only SPARQL query (text, -f FILE or --name NAME) against a store.

    The default graph is the union of all article graphs; the prefixes kg:, kgr:, rdf:,
    rdfs:, xsd:, skos:, sem:, time:, prov:, schema:, org:, geo: and owl: are predeclared.
    Named queries that count or list events (who_met_whom, dyads, actor_timeline,
    events_by_type, deployments_with_quantities, statements_by_speaker) count real events
    (occurrences) unless --count reports.
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
    if query_name is None and (since or until or count):
        raise click.UsageError("--since / --until / --count go with --name (in your own "
                               "SPARQL, filter on kg:eventDate; count kg:Occurrence)")
    bindings.update({k: v for k, v in (("since", since), ("until", until), ("count", count))
                     if v})
    out_format = ResultFormat(fmt)
    with kg.api.open(store_dir, read_only=True) as g:
        if query_name is not None:
            out = out_format.render(g.named_query(query_name, bindings))
        else:
            text = Path(query_file).read_text(encoding="utf-8") if query_file else sparql
            assert text is not None
            out = g.serialize_query(text, bindings, out_format.value).decode("utf-8")
    click.echo(shown(out, data=out_format.is_data), nl=not out.endswith("\n"))


@main.command()
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@count_option("occurrences")
@reports_errors
def stats(store_dir: str, count: str) -> None:
    """Count articles, triples, entities and events in a store; events are real events
    (an event told by several articles once) unless --count reports."""
    import kg.api

    with kg.api.open(store_dir, read_only=True) as g:
        click.echo(g.stats(count=count).to_text())


@main.command("export")
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@click.option("--format", "fmt", default=None,
              type=click.Choice([f.value for f in ExportFormat]),
              help="RDF dump, events CSV (one row per event), or actor–event network "
                   "(default: from the suffix of --out).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@time_window
@reports_errors
def export_(store_dir: str, fmt: str | None, out: str, since: str | None,
            until: str | None) -> None:
    """Export a store as RDF, an events table (CSV) or a network (GraphML, GEXF)."""
    import kg.api

    if fmt is None:
        fmt = ExportFormat.name_for(out)
        if fmt not in {f.value for f in ExportFormat}:
            raise click.ClickException(
                f"{out}: cannot tell the export format from the suffix; give --format")
    with kg.api.open(store_dir, read_only=True) as g:
        path = g.export(out, fmt, since=since, until=until)
    click.echo(f"wrote {path}", err=True)


_LEVEL = click.option("--level", default="actor", show_default=True,
                      type=click.Choice(["actor", "state"]),
                      help="state: people, forces and bodies count as the state the graph "
                           "ties them to.")


@main.command()
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@click.option("--type", "type_", help="Event class (Meeting, Deployment, ...).")
@click.option("--actor", help="Name, alias or IRI of an actor taking part.")
@_LEVEL
@time_window
@count_option("occurrences")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(ROW_FORMATS))
@reports_errors
def events(store_dir: str, type_: str | None, actor: str | None, level: str,
           since: str | None, until: str | None, count: str, fmt: str) -> None:
    """List events: date (its own, else the article's), class, agent, target, place, the
    article with its URL, and how many articles report it. An event told by several
    articles is one row (its earliest report) unless --count reports. A misspelt class or
    name is an error with suggestions."""
    import kg.api

    columns = ["date", "date_source", "type", "quad_class", "agent", "target", "places",
               "label", "article_title", "url", "sources"] if fmt == "table" else None
    with kg.api.open(store_dir, read_only=True) as g:
        rows = [e.to_dict() for e in g.events(type_, actor=actor, since=since, until=until,
                                               level=level, count=count)]
    echo_rows(rows, columns or (list(rows[0]) if rows else ["iri"]), fmt)


@main.command()
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False))
@_LEVEL
@click.option("--actor", help="Only dyads this actor (or, with --level state, its state) is in.")
@click.option("--type", "type_", help="Only this event class.")
@time_window
@count_option("occurrences")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(ROW_FORMATS))
@reports_errors
def dyads(store_dir: str, level: str, actor: str | None, type_: str | None, since: str | None,
          until: str | None, count: str, fmt: str) -> None:
    """Who did what to whom: events counted by source, target, class, quad class (verbal /
    material cooperation / conflict) and month, most first; an event told by several
    articles counts once unless --count reports."""
    import kg.api

    with kg.api.open(store_dir, read_only=True) as g:
        rows = [d.to_dict() for d in g.dyads(level=level, since=since, until=until,
                                             actor=actor, type=type_, count=count)]
    columns = ["source", "target", "type", "quad_class", "month", "events"]
    echo_rows(rows, columns if fmt == "table" else [*columns, "source_iri", "target_iri"], fmt)
