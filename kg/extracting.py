"""Extraction without a store: one text or some files in, :class:`~kg.model.Extraction`
records and their RDF out (re-exported by :mod:`kg.api` and ``kg``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError, KGError
from kg.model import Article, Extraction

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.extract import Language


def text_article(text: str, *, title: str, published: date | str | None, source: str | None,
             url: str | None, key: str | None) -> Article:
    from kg.articles import read_text

    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError as e:
            raise InputError(key or url or "<text>",
                             f"published {published!r} is not an ISO date (YYYY-MM-DD)") from e
    return read_text(text, title=title, published=published, source=source, url=url, key=key)



def extract_text(text: str, *, title: str = "", published: date | str | None = None,
                 source: str | None = None, url: str | None = None, key: str | None = None,
                 nlp: Language | None = None) -> Extraction:
    """Entities and events of one text, without any store (like ``kg extract``).

    >>> ex = extract_text("Russia denied the report.", title="Denial")
    >>> [(e.type.value, e.polarity.value) for e in ex.events]
    [('Statement', 'Negative')]
    """
    from kg.pipeline import extract_articles

    article = text_article(text, title=title, published=published, source=source, url=url,
                       key=key)
    return next(iter(extract_articles([article], nlp=nlp)))


def read_inputs(*paths: str | Path) -> list[Article | KGError]:
    """Every article in ``paths`` (files, directories, globs), with an
    :class:`~kg.errors.InputError` in place of each file or item that cannot be read;
    :meth:`GeoKG.ingest_articles` stores the articles and reports the errors."""
    from kg.articles import read_articles_lenient

    if not paths:
        raise InputError("(no input)", "give at least one file, directory or glob")
    return list(read_articles_lenient(paths))


def extract_files(*paths: str | Path, nlp: Language | None = None) -> list[Extraction]:
    """One Extraction per article in ``paths`` (files, directories, globs); a bad input
    raises :class:`~kg.errors.InputError` before anything is extracted."""
    from kg.pipeline import extract_paths

    return list(extract_paths(paths, nlp=nlp))


def to_dataset(extractions: Extraction | Iterable[Extraction]) -> Dataset:
    """The triples of extractions as an rdflib Dataset, one named graph per article."""
    from kg.rdf.mapping import extractions_dataset

    return extractions_dataset([extractions] if isinstance(extractions, Extraction)
                               else list(extractions))


def to_rdf(extractions: Extraction | Iterable[Extraction], fmt: str = "trig") -> str:
    """The triples of extractions as text: ``trig`` / ``nquads`` / ``jsonld`` keep one
    named graph per article, ``turtle`` is their union."""
    from kg.formats import RdfFormat
    from kg.rdf.mapping import extractions_dataset, serialize

    items = [extractions] if isinstance(extractions, Extraction) else list(extractions)
    try:
        rdf_format = RdfFormat(fmt)
    except ValueError as e:
        raise KGError(f"unknown RDF format {fmt!r}; use one of "
                         f"{', '.join(f.value for f in RdfFormat)}") from e
    return serialize(extractions_dataset(items), rdf_format)
