"""Copy a store's article graphs to a remote triple store (SPARQL 1.1 Graph Store Protocol).

Each article graph is sent with ``PUT <graph-store>?graph=<article IRI>`` as N-Triples, so
pushing again replaces the remote copy instead of duplicating it. The SPARQL endpoint is
then asked how many triples each pushed graph holds, and a mismatch is an error.

Oxigraph (``oxigraph serve``) answers queries at ``/query`` and graph-store requests at
``/store``; when no graph-store URL is given and the endpoint ends in ``/query``, the
sibling ``/store`` is used, otherwise the endpoint URL itself. Virtuoso takes graphs at
``/sparql-graph-crud`` and answers at ``/sparql`` (docs/external-stores.md).

kg queries the union of the article graphs, each triple once. A store that reads every
graph when a query names none (Virtuoso) counts a triple once per graph holding it;
``union_graph`` also sends that union, as one named graph, to be queried as the default
graph (``FROM <union>`` or the protocol's ``default-graph-uri``:
:func:`kg.remote.remote_query`).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import PushError
from kg.store import KnowledgeGraph
from kg.store.occurrences import OCCURRENCES_GRAPH

__all__ = ["PushReport", "push"]


@dataclass(frozen=True)
class PushReport:
    graphs: int
    triples: int
    graph_store: str

    def summary(self) -> str:
        return f"pushed {self.graphs} graphs ({self.triples} triples) to {self.graph_store}"


def push(
    kg: KnowledgeGraph,
    endpoint: str,
    *,
    graph_store: str | None = None,
    timeout: float = 60.0,
    verify: bool = True,
    on_progress: Callable[[int], None] | None = None,
    union_graph: str | None = None,
) -> PushReport:
    """PUT every article graph of ``kg`` (and its occurrence graph, when it has one) to
    the remote store, and the union of them as the named graph ``union_graph`` if given
    (in parts of :data:`PART_TRIPLES` triples: the first PUT, the others POSTed); returns
    what was sent."""
    target = graph_store or _default_graph_store(endpoint)
    sent: dict[URIRef, int] = {}
    graphs = kg.articles()
    if kg.store.contains_named_graph(ox.NamedNode(str(OCCURRENCES_GRAPH))):
        graphs.append(OCCURRENCES_GRAPH)
    for article in graphs:
        data = kg.store.dump(format=ox.RdfFormat.N_TRIPLES,
                             from_graph=ox.NamedNode(str(article))) or b""
        url = f"{target}{'&' if '?' in target else '?'}{urlencode({'graph': str(article)})}"
        req = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
        _send(req, timeout, f"PUT graph {article}")
        sent[article] = data.count(b"\n")
        if on_progress is not None:
            on_progress(1)
    if union_graph is not None:
        sent[URIRef(union_graph)] = _send_union(kg, target, URIRef(union_graph), timeout)
    if verify and sent:
        _verify(endpoint, sent, timeout)
    return PushReport(len(sent), sum(sent.values()), target)


#: Triples per request when the union is sent (:func:`push` with ``union_graph``).
PART_TRIPLES = 200_000


def _send_union(kg: KnowledgeGraph, target: str, graph: URIRef, timeout: float) -> int:
    lines = (kg.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
             or b"").splitlines(keepends=True)
    url = f"{target}{'&' if '?' in target else '?'}{urlencode({'graph': str(graph)})}"
    for k in range(0, max(len(lines), 1), PART_TRIPLES):
        req = urllib.request.Request(url, data=b"".join(lines[k:k + PART_TRIPLES]),
                                     method="PUT" if k == 0 else "POST",
                                     headers={"Content-Type": "application/n-triples"})
        _send(req, timeout, f"{req.get_method()} the union as graph {graph}")
    return len(lines)


def _default_graph_store(endpoint: str) -> str:
    base = endpoint.split("?", 1)[0].rstrip("/")
    return base[: -len("/query")] + "/store" if base.endswith("/query") else base


def _send(req: urllib.request.Request, timeout: float, what: str) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            body: bytes = r.read()
            return body
    except urllib.error.HTTPError as e:
        detail = " ".join(e.read(300).decode("utf-8", errors="replace").split())
        raise PushError(f"{req.full_url}: the server refused {what}: HTTP {e.code} {e.reason}"
                        + (f": {detail}" if detail else "")) from e
    except urllib.error.URLError as e:
        raise PushError(f"{req.full_url}: cannot reach the server: {e.reason}") from e
    except TimeoutError as e:
        raise PushError(f"{req.full_url}: no answer within {timeout:g} s") from e


def _verify(endpoint: str, sent: dict[URIRef, int], timeout: float) -> None:
    """Ask the endpoint how many triples each pushed graph holds."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(
        endpoint, data=urlencode({"query": query}).encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json"})
    body = _send(req, timeout, "the check query")
    try:
        rows = json.loads(body)["results"]["bindings"]
        remote = {URIRef(r["g"]["value"]): int(r["n"]["value"]) for r in rows}
    except (ValueError, KeyError, TypeError) as e:
        raise PushError(f"{endpoint}: the check query gave no SPARQL JSON results") from e
    wrong = [f"{g} ({remote.get(g, 0)} of {n})" for g, n in sent.items() if remote.get(g, 0) != n]
    if wrong:
        raise PushError(f"{endpoint}: after the push, {len(wrong)} graphs differ from the "
                        f"store: {', '.join(wrong[:3])}")
