"""Extracted articles as N-Quads shards: what a worker sends (or writes to shared storage)
and the one writer stores, so that a distributed ingest (:mod:`kg.distributed`) leaves the
store exactly as ``kg ingest`` of the same articles.

A shard is N-Quads text holding one block per article, in order::

    <article> kg:contentHash "…" kgr:meta .          # begins the article's block
    <s> <p> <o> <article> .                            # its graph, as kg ingest writes it
    <event> kg:eventClass kg:Meeting kgr:reports .     # its event reports, as the
    <event> kg:featureDay "2024-10-30"^^xsd:date kgr:reports .   # occurrence linker sees them

:func:`write_shard` stores each block as :meth:`KnowledgeGraph.ingest` stores an
extraction: the article graph replaced (and the union following), its content hash, and
its reports linked into occurrences, article after article. ``kg load`` of a folder of
shards does the same; a folder of other N-Quads files is loaded as one dump.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import StoreError
from kg.model import Extraction
from kg.rdf.iris import article_iri
from kg.rdf.occurrences import read_reports, report_triples
from kg.rdf.tallies import Triple
from kg.rdf.vocab import KGR
from kg.store.core import KnowledgeGraph
from kg.store.occurrences import article_reports, link_reports
from kg.store.terms import (
    CONTENT_HASH,
    META_GRAPH,
    _one_line,
    _ox_node,
    _ox_term,
    _rdflib_term,
)

__all__ = ["REPORTS_GRAPH", "is_shard", "load_folder", "shard_block", "write_shard"]

#: The graph of a shard that carries the event reports to the writer (never stored).
REPORTS_GRAPH = KGR["reports"]


def shard_block(extraction: Extraction) -> bytes:
    """One article's block of a shard. Raises what the mapping raises for an article it
    cannot write (as :meth:`KnowledgeGraph.ingest` reports it failed)."""
    from kg.rdf.mapping import extraction_triples

    iri = URIRef(str(article_iri(extraction.article)))
    g, reports = _ox_node(iri), _ox_node(REPORTS_GRAPH)
    head = ox.Quad(g, _ox_node(URIRef(CONTENT_HASH)),
                   ox.Literal(extraction.article.content_hash), _ox_node(META_GRAPH))
    body = [_quad(t, g) for t in extraction_triples(extraction)]
    tail = [_quad(t, reports) for r in article_reports(extraction, iri)
            for t in report_triples(r)]
    return ox.serialize([head, *body, *tail], format=ox.RdfFormat.N_QUADS) or b""


def _quad(t: Triple, graph: ox.NamedNode) -> ox.Quad:
    s, p, o = (_ox_term(x) for x in t)
    assert not isinstance(s, ox.Literal) and isinstance(p, ox.NamedNode)
    return ox.Quad(s, p, o, graph)


@dataclass
class _Block:
    article: URIRef
    content_hash: str
    triples: dict[tuple[str, str, str], None] = field(default_factory=dict)
    reports: list[Triple] = field(default_factory=list)


def _blocks(data: bytes, origin: str) -> Iterator[_Block]:
    meta, reports = _ox_node(META_GRAPH), _ox_node(REPORTS_GRAPH)
    block: _Block | None = None
    try:
        for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            g = q.graph_name
            if g == meta and q.predicate.value == str(CONTENT_HASH):
                if block is not None:
                    yield block
                assert isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
                block = _Block(URIRef(q.subject.value), q.object.value)
            elif block is not None and g == reports:
                block.reports.append((_rdflib_term(q.subject), _rdflib_term(q.predicate),
                                      _rdflib_term(q.object)))
            elif (block is not None and isinstance(g, ox.NamedNode)
                  and g.value == str(block.article)):
                block.triples[str(q.subject), str(q.predicate), str(q.object)] = None
            else:
                raise StoreError(f"{origin}: not a kg shard: the quad {q} is outside any "
                                 "article block")
    except (SyntaxError, AssertionError) as e:
        raise StoreError(f"{origin}: not a kg shard: {_one_line(e)}") from e
    if block is not None:
        yield block


def write_shard(kg: KnowledgeGraph, data: bytes, *, origin: str = "(shard)",
                on_article: Callable[[URIRef, bool], None] | None = None) -> int:
    """Store every article block of the shard ``data``, in order; returns how many.
    ``on_article(iri, existed)`` is called after each (``existed``: it replaced a stored
    version)."""
    n = 0
    for block in _blocks(data, origin):
        existed = kg.has_article(block.article)
        kg._write_terms(block.article, block.triples, block.content_hash)
        if kg.link_occurrences:
            link_reports(kg, block.article, read_reports(block.reports))
        n += 1
        if on_article is not None:
            on_article(block.article, existed)
    return n


def is_shard(data: bytes) -> bool:
    """Whether N-Quads ``data`` begins like a shard (an article's content hash)."""
    line = data[:data.find(b"\n")] if b"\n" in data else data
    return line.endswith(f"{_ox_node(META_GRAPH)} .".encode()) and str(
        _ox_node(URIRef(CONTENT_HASH))).encode() in line


def load_folder(kg: KnowledgeGraph, folder: Path,
                on_file: Callable[[Path, int], None] | None = None) -> int:
    """Load every N-Quads file (``*.nq``) of ``folder``, in name order; returns the number
    of quads read. Shards (:func:`write_shard`) are stored article by article; other files
    are loaded together as one dump (:meth:`KnowledgeGraph.load`). ``on_file(path, n)``
    is called after each shard with the number of its articles."""
    files = sorted(p for p in folder.iterdir() if p.suffix == ".nq" and p.is_file())
    if not files:
        raise StoreError(f"{folder}: no N-Quads files (*.nq) in the folder")
    datas = [(p, p.read_bytes()) for p in files]
    shards = [is_shard(d) for _, d in datas]
    if any(shards) and not all(shards):
        raise StoreError(f"{folder}: mixes kg shards and other N-Quads files; load them "
                         "separately")
    if not all(shards):
        return kg.load(b"".join(d if d.endswith(b"\n") or not d else d + b"\n"
                                for _, d in datas), "nquads")
    quads = 0
    for path, data in datas:
        n = write_shard(kg, data, origin=str(path))
        quads += _count_lines(data)
        if on_file is not None:
            on_file(path, n)
    if kg.path is not None:
        kg.store.flush()
    return quads


def _count_lines(data: bytes) -> int:
    return data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)
