"""Every output of a corpus ingest conforms to the SHACL shapes (``ontology/shapes.ttl``).

Articles are extracted, stored with ``KnowledgeGraph.ingest`` (the path ``kg ingest``
takes), read back graph by graph, and validated with pyshacl on the union of chunks of
article graphs (pyshacl is slow per call); a chunk that does not conform is validated
article by article to count the invalid outputs. The default run checks a small sample;
``-m slow`` checks the whole Wikinews corpus (295 articles) and 1,000 wp-current-events
items (``KG_SHACL_WP_ITEMS``; 0 means all 4,975).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph
from spacy.language import Language

from kg.articles import read_articles, read_articles_lenient
from kg.errors import InputError, KGError
from kg.model import Article
from kg.pipeline import extract_articles
from kg.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SHAPES = ROOT / "ontology" / "shapes.ttl"
WIKINEWS = sorted((CORPUS / "wikinews").glob("*.csv"))
WP_ITEMS = CORPUS / "wp-current-events" / "items.jsonl"


@dataclass
class ShaclReport:
    articles: int = 0
    triples: int = 0
    crashes: list[str] = field(default_factory=list)   # non-KGError exceptions
    refused: list[str] = field(default_factory=list)   # KGErrors (reader or ingest)
    invalid: list[str] = field(default_factory=list)   # article IRIs with violations
    messages: list[str] = field(default_factory=list)


def corpus_articles(wp_items: int | None) -> Iterator[Article | InputError]:
    """The Wikinews articles, then the first ``wp_items`` wp-current-events items
    (None: all of them); an item the reader refuses is its InputError."""
    yield from read_articles_lenient(WIKINEWS)
    if wp_items != 0 and WP_ITEMS.is_file():
        yield from itertools.islice(read_articles_lenient([WP_ITEMS]), wp_items)


def _conforms(graph: Graph, shapes: Graph) -> tuple[bool, str]:
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    return bool(ok), str(text)


def validate_corpus(items: Iterable[Article | InputError], nlp: Language | None = None,
                    chunk: int = 40, batch_size: int = 32) -> ShaclReport:
    """Ingest ``items`` into an in-memory store and validate every article graph."""
    shapes = Graph().parse(SHAPES)
    rep = ShaclReport()
    articles: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            rep.refused.append(str(item))
        else:
            articles.append(item)
    with KnowledgeGraph() as kg:
        try:
            result = kg.ingest(extract_articles(articles, nlp=nlp, batch_size=batch_size),
                               skip_unchanged=False)
        except KGError as e:
            rep.refused.append(str(e))
            return rep
        except Exception as e:  # a crash: counted, not hidden
            rep.crashes.append(f"{type(e).__name__}: {e}")
            return rep
        rep.refused += [f"{k}: {r}" for k, r in result.failed]
        iris = kg.articles()
        rep.articles = len(iris)
        for start in range(0, len(iris), chunk):
            part = iris[start:start + chunk]
            graphs = {iri: kg.graph_of(iri) for iri in part}
            union = Graph()
            for g in graphs.values():
                for t in g:
                    union.add(t)
            rep.triples += sum(len(g) for g in graphs.values())
            ok, _ = _conforms(union, shapes)
            if ok:
                continue
            for iri, g in graphs.items():
                ok, text = _conforms(g, shapes)
                if not ok:
                    rep.invalid.append(str(iri))
                    rep.messages.append(text[:2000])
            if not any(str(i) in rep.invalid for i in part):
                # only the union fails: an entity described differently by two articles
                rep.invalid.append(f"union of chunk {start // chunk}")
    return rep


needs_corpus = pytest.mark.skipif(not WIKINEWS, reason="../shared corpus is absent")


@needs_corpus
def test_a_corpus_sample_conforms(nlp: Language) -> None:
    arts = list(itertools.islice(read_articles(WIKINEWS[0]), 4))
    if WP_ITEMS.is_file():
        arts += list(itertools.islice(read_articles(WP_ITEMS), 20))
    rep = validate_corpus(arts, nlp)
    assert rep.crashes == [] and rep.refused == []
    assert rep.articles == len(arts)
    assert rep.invalid == [], rep.messages[:1]


@pytest.mark.slow
@needs_corpus
def test_whole_corpus_ingest_conforms(nlp: Language) -> None:
    wp = int(os.environ.get("KG_SHACL_WP_ITEMS", "1000")) or None
    rep = validate_corpus(corpus_articles(wp), nlp)
    assert rep.crashes == []
    assert len(rep.refused) < 10, rep.refused  # empty items only
    assert rep.articles >= 295 + (wp or 4975) - len(rep.refused)
    assert rep.invalid == [], (len(rep.invalid), rep.messages[:1])
