"""Answers as HTTP bodies: content negotiation from the ``Accept`` header.

SELECT / ASK as SPARQL JSON (the default), XML, CSV or TSV; CONSTRUCT / DESCRIBE as Turtle
(the default), N-Triples, RDF/XML or JSON-LD. Pure functions: a
:class:`~kg.store.QueryResult` in, ``(status, content type, body)`` out.
"""

from __future__ import annotations

from kg.store import QueryResult

__all__ = ["Reply", "accepted", "plain", "render"]

#: An HTTP answer: status code, content type, body.
Reply = tuple[int, str, bytes]

_SELECT_TYPES = {
    "application/sparql-results+json": ("to_json", "application/sparql-results+json"),
    "application/json": ("to_json", "application/sparql-results+json"),
    "application/sparql-results+xml": ("to_xml", "application/sparql-results+xml"),
    "application/xml": ("to_xml", "application/sparql-results+xml"),
    "text/csv": ("to_csv", "text/csv"),
    "text/tab-separated-values": ("to_tsv", "text/tab-separated-values"),
}
_GRAPH_TYPES = {
    "text/turtle": ("turtle", "text/turtle"),
    "application/n-triples": ("nt", "application/n-triples"),
    "application/rdf+xml": ("xml", "application/rdf+xml"),
    "application/ld+json": ("json-ld", "application/ld+json"),
}


def plain(status: int, message: str) -> Reply:
    """A one-line plain-text answer (errors, refusals)."""
    return status, "text/plain; charset=utf-8", (" ".join(message.split()) + "\n").encode()


def render(result: QueryResult, accept: str) -> Reply:
    """``result`` in the best type ``accept`` allows; 406 when it allows none."""
    wanted = accepted(accept)
    if result.kind == "graph":
        assert result.graph is not None
        for mt in wanted:
            if mt in _GRAPH_TYPES or mt in ("*/*", "text/*", "application/*"):
                fmt, ctype = _GRAPH_TYPES.get(mt, ("turtle", "text/turtle"))
                return 200, ctype, result.graph.serialize(format=fmt).encode("utf-8")
        return plain(406, "graph results are available as " + ", ".join(_GRAPH_TYPES))
    for mt in wanted:
        if mt in _SELECT_TYPES or mt in ("*/*", "application/*", "text/*"):
            method, ctype = _SELECT_TYPES.get(
                mt, ("to_csv", "text/csv") if mt == "text/*"
                else ("to_json", "application/sparql-results+json"))
            if result.kind == "ask" and method in ("to_csv", "to_tsv"):
                continue
            text: str = getattr(result, method)()
            return 200, f"{ctype}; charset=utf-8", text.encode("utf-8")
    return plain(406, "results are available as " + ", ".join(_SELECT_TYPES))


def accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (``*/*`` when none is given).

    >>> accepted("text/html;q=0.9, text/csv;q=0.5, image/png;q=0")
    ['text/html', 'text/csv']
    """
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [mt for _, _, mt in sorted(ranked)] or ["*/*"]
