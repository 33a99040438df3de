"""The one place that chains the stages: articles → analysis → entities → events.

Everything here is lazy and streaming: articles are parsed in batches with ``nlp.pipe``
and each :class:`~kg.model.Extraction` is yielded as soon as it is complete.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rdflib import URIRef

from kg.articles import iter_inputs, read_articles
from kg.budget import ARTICLE_TIME_BUDGET
from kg.budget import time_budget as _budget
from kg.errors import (
    InputError,
    KGError,
    ModelError,
    QueryError,
    StoreError,
    TimeBudgetError,
)
from kg.events import find_events
from kg.extract import Language, analyze
from kg.formats import RdfFormat
from kg.model import Analysis, Article, Extraction
from kg.rdf.iris import article_iri
from kg.rdf.mapping import extractions_dataset, serialize
from kg.resolve import resolve_entities
from kg.store import IngestReport, KnowledgeGraph


def extract_analysis(analysis: Analysis) -> Extraction:
    """Entities and events of one analysed article."""
    entities = resolve_entities(analysis)
    events = find_events(analysis, entities)
    return Extraction(article=analysis.article, entities=entities, events=events)


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


def ingest_articles(
    kg: KnowledgeGraph,
    items: Iterable[Article | KGError],
    extract: Callable[[Sequence[Article]], Iterable[Extraction]],
    *,
    force: bool = False,
    on_progress: Callable[[int], None] | None = None,
    retry_window: int = 16,
) -> IngestReport:
    """Extract articles and store them in ``kg``, skipping unchanged ones before the
    costly extraction.

    ``items`` are articles or the errors met reading them (reported as failures);
    ``extract`` turns a sequence of articles into one Extraction per article, in order
    (e.g. :func:`extract_articles`). When extraction fails, the next
    ``retry_window`` articles (a batch) are extracted one at a time, so that only the
    article that fails by itself (an error, or its time budget spent) is reported
    failed; then batches resume (:func:`extract_isolating`). A
    :class:`~kg.errors.ModelError` or a :class:`~kg.errors.StoreError` stops everything.
    """
    def progress() -> None:
        if on_progress is not None:
            on_progress(1)

    todo, report = triage(kg, items, force=force, on_progress=on_progress)
    for done in extract_isolating(todo, extract, retry_window=retry_window):
        if isinstance(done, Extraction):
            report = report.merge(kg.ingest([done], skip_unchanged=False))
        else:
            report = report.merge(IngestReport(failed=(done,)))
        progress()
    return report


def triage(kg: KnowledgeGraph, items: Iterable[Article | KGError], *, force: bool = False,
           on_progress: Callable[[int], None] | None = None
           ) -> tuple[list[Article], IngestReport]:
    """The articles of ``items`` to extract, and a report of the others: the errors met
    reading (failed), the articles ``kg`` holds unchanged (skipped unless ``force``), and
    those that cannot be stored (failed). ``on_progress(1)`` is called for each of those."""
    failed: list[tuple[str, str]] = []
    skipped: list[str] = []
    todo: list[Article] = []
    for item in items:
        if isinstance(item, KGError):
            failed.append((getattr(item, "path", "(input)"),
                           getattr(item, "problem", _one_line(item))))
        else:
            try:  # an Article made by hand may hold text no encoding can write
                known = not force and kg.has_article(URIRef(str(article_iri(item))),
                                                       item.content_hash)
            except (ValueError, KGError) as e:
                if isinstance(e, StoreError) and not isinstance(e, QueryError):
                    raise
                failed.append((item.key, f"cannot be stored: {_one_line(e)}"))
            else:
                if not known:
                    todo.append(item)
                    continue
                skipped.append(item.key)
        if on_progress is not None:
            on_progress(1)
    return todo, IngestReport(skipped=tuple(skipped), failed=tuple(failed))


def extract_isolating(
    todo: Sequence[Article],
    extract: Callable[[Sequence[Article]], Iterable[Extraction]],
    *,
    retry_window: int = 16,
) -> Iterator[Extraction | tuple[str, str]]:
    """One Extraction per article of ``todo``, in order, or ``(key, reason)`` for an
    article that fails by itself: when ``extract`` fails on a batch, the next
    ``retry_window`` articles are extracted one at a time, then batches resume. A
    :class:`~kg.errors.ModelError` or :class:`~kg.errors.StoreError` is raised."""
    pos = 0
    alone_until = 0  # after a failure, articles are extracted one by one up to here
    while pos < len(todo):
        alone = pos < alone_until
        try:
            for ex in extract(todo[pos:pos + 1] if alone else todo[pos:]):
                pos += 1
                yield ex
            if not alone:
                break
        except (ModelError, StoreError):
            raise
        except Exception as e:  # one odd article must not stop a corpus-wide ingest
            if not alone:
                # the failure (an error, or a time budget spent on a batch's parse) may
                # come from any article of the batch: the next ones go one by one, and
                # only an article that fails by itself is reported
                alone_until = pos + retry_window
                continue
            reason = e.problem if isinstance(e, InputError) else (
                f"extraction failed: {type(e).__name__}: {_one_line(e)}")
            yield todo[pos].key, reason
            pos += 1


def _one_line(e: BaseException | str) -> str:
    return " ".join(str(e).split())
