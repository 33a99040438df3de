"""The ``kg`` command line: each command translates arguments, calls one library function,
and turns a :class:`kg.errors.KGError` into a one-line error and a non-zero exit.

One module per group of verbs, each adding its commands to the group :func:`main`
(:mod:`kg.cli._base`): :mod:`~kg.cli.writing` (extract, ingest, load, upgrade),
:mod:`~kg.cli.reading` (query, stats, export), :mod:`~kg.cli.remote` (serve, push),
:mod:`~kg.cli.scoring` (eval), :mod:`~kg.cli.pictures` (viz, analyze).
"""

from __future__ import annotations

from kg.cli import pictures, reading, remote, scoring, writing
from kg.cli._base import main, reports_errors

__all__ = ["main", "pictures", "reading", "remote", "reports_errors", "scoring", "writing"]
