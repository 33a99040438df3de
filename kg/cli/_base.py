"""What every ``kg`` command shares: the click group :func:`main`, the error translation
(:func:`reports_errors`), output escaping (:func:`shown`) and the library's notices on stderr."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from kg import __version__
from kg.errors import KGError, UnknownValueError, printable
from kg.formats import RdfFormat, ResultFormat

P = ParamSpec("P")
R = TypeVar("R")


class _ValueProblem(click.ClickException):
    """A parameter value the store does not know: exit status 2, as click's usage errors."""

    exit_code = 2


def reports_errors(f: Callable[P, R]) -> Callable[P, R]:
    """Turn a KGError raised by the library into click's one-line error (exit 1; exit 2
    for an unknown parameter value, as for a usage error)."""

    @functools.wraps(f)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return f(*args, **kwargs)
        except UnknownValueError as e:  # a misspelt value: a usage error, with suggestions
            raise _ValueProblem(printable(str(e))) from e
        except KGError as e:
            raise click.ClickException(printable(str(e))) from e

    return wrapper


def shown(text: str, *, data: bool = False) -> str:
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


# --------------------------------------------------------------------------- formats

RDF_FORMATS = tuple(f.value for f in RdfFormat)
#: ``kg query --format``: every result format but XML (which ``kg serve`` offers).
QUERY_FORMATS = tuple(f.value for f in ResultFormat if f is not ResultFormat.XML)


def time_window(f: Callable[P, R]) -> Callable[P, R]:
    """The ``--since`` / ``--until`` options every read command takes."""
    f = click.option("--until", metavar="DATE",
                     help="Only events read at this date or earlier (YYYY-MM-DD, YYYY-MM or "
                          "YYYY: its end); an event's date is its own, else its article's.")(f)
    return click.option("--since", metavar="DATE",
                        help="Only events read at this date or later (YYYY-MM-DD, YYYY-MM or "
                             "YYYY).")(f)


def count_option(default: str | None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The ``--count occurrences|reports`` option of the commands that count events."""
    from kg.model import Count

    return click.option(
        "--count", "count", default=default, show_default=default is not None,
        type=click.Choice([c.value for c in Count]),
        help="What is counted: real events (occurrences: one event told by several "
             "articles once) or each article's report of them (reports).")


ROW_FORMATS = ("table", "csv", "json")


def echo_rows(rows: list[dict[str, object]], columns: list[str], fmt: str) -> None:
    """Records as an aligned table, CSV or JSON lines on stdout."""
    import csv
    import io
    import json

    if fmt == "json":
        for r in rows:
            click.echo(json.dumps({c: _plain(r.get(c)) for c in columns}, ensure_ascii=False))
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_plain(r.get(c)) if r.get(c) is not None else "" for c in columns]
                     for r in rows])
        click.echo(shown(buf.getvalue(), data=True), nl=False)
        return
    body = [[str(_plain(r.get(c)) or "") for c in columns] for r in rows]
    widths = [min(60, max([len(c)] + [len(b[i]) for b in body])) for i, c in enumerate(columns)]
    line = "  ".join(f"{{:<{w}.{w}}}" for w in widths)
    click.echo(shown("\n".join([line.format(*columns).rstrip(),
                                 "  ".join("-" * w for w in widths),
                                 *(line.format(*b).rstrip() for b in body),
                                 f"({len(body)} row{'s' if len(body) != 1 else ''})"])))


def _plain(v: object) -> object:
    from datetime import date
    from decimal import Decimal
    from enum import Enum

    if isinstance(v, Enum):
        return v.value
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    return v
