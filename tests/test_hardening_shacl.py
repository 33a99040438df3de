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

import pytest
from hardening_checks import WIKINEWS, WP_ITEMS, corpus_articles, validate_corpus
from spacy.language import Language

from kg.articles import read_articles

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
