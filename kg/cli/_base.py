"""What every ``kg`` command shares: the click group :func:`main`, the error translation
(:func:`reports_errors`), output escaping (:func:`shown`) and the library's notices on stderr."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from kg import __version__
from kg.errors import KGError, printable
from kg.formats import RdfFormat, ResultFormat

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
