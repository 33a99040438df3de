"""The ``kg`` command line: each command translates arguments, calls one library function,
and turns a :class:`kg.errors.KGError` into a one-line error and a non-zero exit."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from kg import __version__
from kg.errors import KGError

P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(f: Callable[P, R]) -> Callable[P, R]:
    """Turn a KGError raised by the library into click's one-line error (exit 1)."""

    @functools.wraps(f)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return f(*args, **kwargs)
        except KGError as e:
            raise click.ClickException(str(e)) from e

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: build a geopolitical event knowledge graph from news articles."""


# Commands are added below, one per verb; keep each a thin translation of one library call.
