"""The one place that chains the stages: articles → analysis → entities → events.

Everything here is lazy and streaming: articles are parsed in batches with ``nlp.pipe``
and each :class:`~kg.model.Extraction` is yielded as soon as it is complete.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.articles import iter_inputs, read_articles
from kg.budget import time_budget as _budget
from kg.errors import InputError, TimeBudgetError
from kg.events import find_events
from kg.extract import Language, analyze
from kg.model import Analysis, Article, Extraction
from kg.rdf.mapping import RdfFormat, extractions_dataset, serialize
from kg.resolve import resolve_entities


def extract_analysis(analysis: Analysis) -> Extraction:
    """Entities and events of one analysed article."""
    entities = resolve_entities(analysis)
    events = find_events(analysis, entities)
    return Extraction(article=analysis.article, entities=entities, events=events)


#: Seconds one article may take to extract (its share of the parse included) before it is
#: given up with a :class:`~kg.errors.TimeBudgetError`. The slowest of 5,270 corpus items
#: takes about 1 s, and a 200,000-character article (the body limit) of news text 10-20 s.
ARTICLE_TIME_BUDGET = 60.0


def extract_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    time_budget: float | None = ARTICLE_TIME_BUDGET,
) -> Iterator[Extraction]:
    """Extract entities and events from ``articles``, one Extraction per article.

    Each article must be done within ``time_budget`` seconds (None: no limit), counted
    from when the previous one was handed over: the parse of its batch (spaCy parses
    ``batch_size`` articles at once) and kg's rules. A slower one raises
    :class:`TimeBudgetError` naming it; with ``n_process`` > 1 the parse runs in other
    processes and is not interrupted, only waited for.
    """
    if n_process > 1:
        _workers_die_with_this_process()
    order: list[Article] = []

    def recorded() -> Iterator[Article]:
        for a in articles:
            order.append(a)
            yield a

    analyses = analyze(recorded(), nlp=nlp, batch_size=batch_size, n_process=n_process)
    done = 0

    def too_slow() -> TimeBudgetError:
        late = order[done] if done < len(order) else None
        where = late.key if late is not None else "(article)"
        return TimeBudgetError(where, f"extraction took more than {time_budget:g} s, the "
                               "per-article time budget; the article was skipped")

    while True:
        with _budget(time_budget, too_slow):
            analysis = next(analyses, None)
            if analysis is None:
                return
            extraction = extract_analysis(analysis)
        done += 1
        yield extraction



class _AfterFork:
    """The key :func:`multiprocessing.util.register_after_fork` needs (weakly referenced)."""


_AFTER_FORK: list[_AfterFork] = []


def _workers_die_with_this_process() -> None:
    """Make the worker processes spaCy forks for ``n_process`` > 1 be killed when this
    process dies (Linux ``PR_SET_PDEATHSIG``): otherwise, after a ``kill -9`` of kg ingest,
    they wait forever to hand over their next batch, holding their memory."""
    if _AFTER_FORK or not sys.platform.startswith("linux"):
        return
    import multiprocessing.util

    parent = os.getpid()

    def in_child(_: object) -> None:
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    _AFTER_FORK.append(_AfterFork())
    multiprocessing.util.register_after_fork(_AFTER_FORK[0], in_child)


def read_all(paths: Iterable[str | Path]) -> list[Article]:
    """Every article in ``paths`` (files, directories, globs); the first bad one raises.

    Reading everything before extracting means a bad input fails the whole command before
    anything is written.
    """
    articles: list[Article] = []
    for path in iter_inputs(paths):
        articles.extend(read_articles(path))
    if not articles:
        raise InputError(", ".join(str(p) for p in paths) or "(no input)", "no articles found")
    return articles


def extract_paths(
    paths: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """Read every article in ``paths`` and extract it; a bad input raises InputError first."""
    articles = read_all(list(paths))
    return extract_articles(articles, nlp=nlp, batch_size=batch_size, n_process=n_process)


def extract_rdf(paths: Iterable[str | Path], fmt: RdfFormat, **options: Any) -> str:
    """The serialised triples of every article in ``paths``, one named graph per article."""
    return serialize(extractions_dataset(extract_paths(paths, **options)), fmt)
