"""Commands that write: ``kg extract`` (to a file), ``kg ingest``, ``kg load``,
``kg upgrade``."""

from __future__ import annotations

import click

from kg.cli._base import RDF_FORMATS, main, reports_errors, shown
from kg.errors import printable
from kg.formats import RdfFormat


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", default="trig", show_default=True,
              type=click.Choice(RDF_FORMATS), help="RDF serialisation.")
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
        click.echo(shown(text, data=True), nl=not text.endswith("\n"))
    else:
        write_atomic(out, text)


# --------------------------------------------------------------------------- store: ingest


class _Progress:
    """A progress bar on stderr showing articles done, rate and ETA."""

    def __init__(self, total: int, label: str) -> None:
        import sys
        import time

        from kg.progress import LineProgress

        self._time = time.monotonic
        self._start = self._time()
        self._done = 0
        # not a terminal (a pipe, a log, nohup, a notebook's !kg): a line every few seconds
        self._lines = None if sys.stderr.isatty() else LineProgress(total, label)
        self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                      show_eta=True, show_pos=True,
                                      item_show_func=lambda s: s)

    def __enter__(self) -> _Progress:
        if self._lines is None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lines is not None:
            self._lines.close()
            return
        self._bar.__exit__(None, None, None)

    def __call__(self, n: int) -> None:
        if self._lines is not None:
            self._lines(n)
            return
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
              metavar="SECONDS",
              help="An article whose extraction (its batch's parse included) takes longer "
                   "is reported failed and skipped; 0: no limit.")
@click.option("--dask", metavar="local[:N]|tcp://HOST:PORT",
              help="Extract on Dask workers: a local cluster of N workers, or a running "
                   "scheduler (see docs/scale.md).")
@click.option("--shards", type=click.Path(file_okay=False),
              help="With --dask: the workers write their N-Quads shards to this new or "
                   "empty folder (shared storage), which kg load can load again.")
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




@main.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False),
              help="Store directory (created if missing).")
@click.option("--format", "fmt", default=None,
              type=click.Choice(RDF_FORMATS),
              help="RDF format of every file (default: from each file's suffix).")
@reports_errors
def load(files: tuple[str, ...], store_dir: str, fmt: str | None) -> None:
    """Load RDF dumps (kg export / kg extract output; a folder: its *.nq files, such as the
    shards of kg ingest --dask --shards) into a store, e.g. to restore one.

    Article graphs already stored are replaced. Files of 100,000 quads or more go through
    the parallel bulk loader: much faster, but not atomic if the disk fails midway.
    """
    from pathlib import Path

    import kg.api

    jobs: list[tuple[Path, str]] = []
    for name in files:  # every format is known before the store is opened
        path = Path(name)
        given = fmt or RdfFormat.from_suffix(path) or ("nquads" if path.is_dir() else None)
        if given is None:
            raise click.ClickException(
                f"{path}: cannot tell the RDF format from the suffix {path.suffix!r}; "
                "give --format")
        jobs.append((path, given))
    with kg.api.open(store_dir) as g:
        for path, given in jobs:
            n = g.load(path, given)
            click.echo(f"loaded {n:,} quads from {path}", err=True)


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
    click.echo(shown(f"upgraded {store_dir}: added {', '.join(done)}" if done
                      else f"{store_dir}: up to date"))
