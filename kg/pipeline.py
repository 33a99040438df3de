"""The one place that chains the stages: articles → analysis → entities → events.

Everything here is lazy and streaming: articles are parsed in batches with ``nlp.pipe``
and each :class:`~kg.model.Extraction` is yielded as soon as it is complete.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.articles import iter_inputs, read_articles
from kg.errors import InputError
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


def extract_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """Extract entities and events from ``articles``, one Extraction per article."""
    for analysis in analyze(articles, nlp=nlp, batch_size=batch_size, n_process=n_process):
        yield extract_analysis(analysis)


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
