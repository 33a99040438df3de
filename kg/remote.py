"""Querying a remote SPARQL endpoint (Oxigraph server, Virtuoso, …) that holds a store
copied there by :func:`kg.push.push`, with kg's named queries.

A remote endpoint has no way to pre-bind a variable as the embedded store does (Oxigraph's
substitutions), so :func:`bind_values` writes the value into the query the standard way: a
``VALUES ?name { term }`` block at the start of every group that mentions ``?name``, the
term written by pyoxigraph's N-Triples serialiser (quotes and escapes included), never by
pasting text. The rows come back as :class:`kg.store.QueryResult`, as the embedded store's.

The default graph of a kg store is the union of its article graphs, each triple once. A
store that reads every graph when a query names none (Virtuoso) would count a triple once
per article graph holding it: push the union as a named graph too (:func:`kg.push.push`
with ``union_graph``) and give it here as ``default_graph``: it is then the default
graph, and hidden from ``GRAPH ?g`` patterns (:func:`hide_graph`) (docs/external-stores.md).
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Mapping
from urllib.parse import urlencode

import rdflib
from rdflib import BNode, Literal, URIRef

from kg.errors import PushError, QueryError
from kg.push import _send
from kg.rdf.vocab import PREFIXES
from kg.store import QueryResult, load_query
from kg.store.terms import _python_term

__all__ = ["bind_values", "hide_graph", "remote_named_query", "remote_query"]


def bind_values(sparql: str, bindings: Mapping[str, object]) -> str:
    """``sparql`` with each variable of ``bindings`` bound by ``VALUES`` in every group
    that mentions it (not before a sub-select, which must stand alone in its braces).

    >>> print(bind_values("SELECT ?x WHERE { ?x a ?t }", {"t": URIRef("http://e/C")}))
    SELECT ?x WHERE { VALUES ?t { <http://e/C> } ?x a ?t }
    """
    text = "\n".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#"))
    for name, value in bindings.items():
        term = str(_python_term(name, value))
        mention = re.compile(rf"[?$]{re.escape(name)}\b")
        inserts: list[int] = []
        for start, end in _groups(text):
            inner = text[start + 1:end]
            if mention.search(inner) and not inner.lstrip().upper().startswith("SELECT"):
                inserts.append(start + 1)
        for at in sorted(inserts, reverse=True):
            text = f"{text[:at]} VALUES ?{name} {{ {term} }}{text[at:]}"
    return text


def hide_graph(sparql: str, graph: str) -> str:
    """``sparql`` with every ``GRAPH ?g { … }`` followed by ``FILTER(?g != <graph>)``:
    the union graph pushed beside the article graphs is no article graph.

    >>> hide_graph("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "http://e/u")
    'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <http://e/u>) }'
    """
    iri = str(_python_term("graph", URIRef(graph)))
    closing = dict(_groups(sparql))
    for m in reversed(list(re.finditer(r"GRAPH\s+[?$](\w+)\s*\{", sparql, re.IGNORECASE))):
        end = closing.get(m.end() - 1)
        if end is not None:
            sparql = f"{sparql[:end + 1]} FILTER(?{m.group(1)} != {iri}){sparql[end + 1:]}"
    return sparql


def _groups(text: str) -> list[tuple[int, int]]:
    """The (open, close) positions of every brace pair of ``text`` outside IRIs and
    strings."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    quote: str | None = None
    i = 0
    while i < len(text):
        c = text[i]
        if quote is not None:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i = text.index(">", i)
        elif c == "{":
            stack.append(i)
        elif c == "}" and stack:
            out.append((stack.pop(), i))
        i += 1
    return out


def remote_query(endpoint: str, sparql: str, *, default_graph: str | None = None,
                 timeout: float = 60.0) -> QueryResult:
    """The rows of a SELECT on a remote endpoint (kg's prefixes declared), the named graph
    ``default_graph`` as its default graph if given (``default-graph-uri``)."""
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    form = {"query": prologue + sparql}
    if default_graph is not None:
        form = {"query": prologue + hide_graph(sparql, default_graph),
                "default-graph-uri": default_graph}
    req = urllib.request.Request(
        endpoint, data=urlencode(form).encode(), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json"})
    try:
        body = _send(req, timeout, "the query")
    except PushError as e:
        raise QueryError(str(e)) from e
    try:
        answer = json.loads(body)
        variables = tuple(answer["head"]["vars"])
        rows: list[dict[str, rdflib.term.Node | None]] = [
            {v: _term(row[v]) if v in row else None for v in variables}
            for row in answer["results"]["bindings"]]
    except (ValueError, KeyError, TypeError) as e:
        raise QueryError(f"{endpoint}: the answer is no SPARQL JSON results") from e
    return QueryResult(variables=variables, rows=rows)


def remote_named_query(endpoint: str, name: str, bindings: Mapping[str, object] | None = None,
                       *, default_graph: str | None = None, timeout: float = 60.0
                       ) -> QueryResult:
    """Run the named query ``name`` (kg/queries) on a remote endpoint, its parameters
    checked and coerced as :meth:`kg.store.KnowledgeGraph.named_query` does."""
    q = load_query(name)
    params = {p.name: p for p in q.parameters}
    given = dict(bindings or {})
    unknown = sorted(set(given) - set(params))
    if unknown:
        raise QueryError(f"query {name!r} has no parameter {', '.join(unknown)}")
    values = {k: params[k].coerce(v) for k, v in given.items()}
    return remote_query(endpoint, bind_values(q.text, values), default_graph=default_graph,
                        timeout=timeout)


def _term(b: Mapping[str, str]) -> rdflib.term.Node:
    kind = b["type"]
    if kind == "uri":
        return URIRef(b["value"])
    if kind == "bnode":
        return BNode(b["value"])
    return Literal(b["value"], lang=b.get("xml:lang"), datatype=b.get("datatype"))
