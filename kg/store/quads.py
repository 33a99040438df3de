"""Quads as the store writes them: canonical N-Quads batches for loading, and the update
that drops an article.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef

from kg.store.terms import CONTENT_HASH, META_GRAPH, _ox_node


@dataclass
class _Canonical:
    """Quads read once, as a loader needs them: the article-graph quads as canonical
    N-Quads text, the others (default graph, bookkeeping graph) as objects, the article
    graphs named, and how many quads there were."""

    named: bytes
    other: list[ox.Quad]
    graphs: set[ox.NamedNode]
    count: int

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> _Canonical:
        meta = _ox_node(META_GRAPH)
        other: list[ox.Quad] = []
        graphs: set[ox.NamedNode] = set()
        count = 0

        def named() -> Iterator[ox.Quad]:
            nonlocal count
            for q in quads:
                count += 1
                g = q.graph_name
                if isinstance(g, ox.NamedNode) and g != meta:
                    graphs.add(g)
                    yield q
                else:
                    other.append(q)

        text = ox.serialize(named(), format=ox.RdfFormat.N_QUADS) or b""
        return cls(text, other, graphs, count)

def _split_lines(data: bytes, n: int) -> list[bytes]:
    """``data`` cut into at most ``n`` parts of about equal size, each ending a line.

    >>> _split_lines(b"a\\nbb\\nccc\\ndddd\\n", 2)
    [b'a\\nbb\\nccc\\n', b'dddd\\n']
    """
    parts: list[bytes] = []
    start = 0
    for k in range(1, n):
        cut = data.find(b"\n", max(start, len(data) * k // n))
        if cut < 0:
            break
        parts.append(data[start:cut + 1])
        start = cut + 1
    if start < len(data):
        parts.append(data[start:])
    return [p for p in parts if p]

def _ntriples(triples: Iterable[tuple[str, str, str]]) -> str:
    """N-Triples lines of triples whose terms are already in N-Triples syntax."""
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)

def _drop_article(g: ox.NamedNode) -> str:
    """Update operations removing an article: its triples from the union unless another
    article graph holds them too, its graph, and its content hash."""
    meta = _ox_node(META_GRAPH)
    h = _ox_node(URIRef(CONTENT_HASH))
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g} "
        f"&& ?other != {meta}) }} }} ;\n"
        f"DROP SILENT GRAPH {g} ;\n"
        f"DELETE WHERE {{ GRAPH {meta} {{ {g} {h} ?old }} }}"
    )


def bulk_write(store: ox.Store, batch: _Canonical, *, workers: int | None) -> None:
    """Write ``batch`` and its union triples with Oxigraph's (parallel, non-transactional)
    bulk loader: the texts are cut at line ends into ``workers`` parts each (default: one
    per CPU), loaded ``workers`` threads at a time."""
    text = batch.named
    # a canonical N-Quads line is "S P O G ." and G holds no space
    union = {line[:line.rindex(b" ", 0, len(line) - 2)] for line in text.splitlines()}
    n = max(1, workers or os.cpu_count() or 1)
    parts = [*_split_lines(text, n),
             ox.serialize(batch.other, format=ox.RdfFormat.N_QUADS) or b"",
             *_split_lines(b" .\n".join(union) + b" .\n" if union else b"", n)]
    # lenient: the text was just written by Oxigraph's own serialiser
    with ThreadPoolExecutor(max_workers=n) as pool:
        for done in [pool.submit(store.bulk_load, part, ox.RdfFormat.N_QUADS,
                                 lenient=True) for part in parts if part]:
            done.result()
