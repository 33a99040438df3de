"""``kg eval``: extraction scored against gold annotations."""

from __future__ import annotations

import click

from kg.cli._base import main, reports_errors


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
