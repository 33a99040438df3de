"""Running a read query on the Oxigraph store: the checks before it, its bound parameters,
and the store's errors as kg's (:func:`run_query`, behind
:meth:`~kg.store.KnowledgeGraph.query` and :meth:`~kg.store.KnowledgeGraph.serialize_query`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pyoxigraph as ox

from kg.errors import QueryError, RefusedQueryError, StoreError
from kg.rdf.vocab import PREFIXES
from kg.sparql_guard import check_query, is_update, on_large_stack, uses_service
from kg.store.terms import _one_line, _python_term

__all__ = ["run_query"]

T = TypeVar("T")


def run_query(store: ox.Store, sparql: str, bindings: Mapping[str, object] | None,
              then: Callable[[Any], T], *, allow_service: bool, union_view: bool,
              where: str) -> T:
    """``then`` of Oxigraph's answer to ``sparql`` with ``bindings`` bound (substituted,
    never pasted into the text), run on a thread with a large stack; ``then`` reads the
    answer there, as Oxigraph computes it while it is read. An update is refused and the
    text checked first (:func:`kg.sparql_guard.check_query`); the store's errors become
    :class:`QueryError` or, for a store that cannot be read, :class:`StoreError`
    naming ``where``."""
    if is_update(sparql):
        raise RefusedQueryError(f"{_preview(sparql)} is an update; kg query is read-only")
    check_query(sparql, allow_service=allow_service)
    try:
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): _python_term(k, v) for k, v in (bindings or {}).items()}
    except ValueError as e:  # e.g. a URIRef that is not a valid IRI
        raise QueryError(f"invalid parameter value: {_one_line(e)}") from e

    def run() -> T:
        return then(store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union_view,
                                substitutions=subs or None))

    try:
        return on_large_stack(run)
    except SyntaxError as e:
        raise QueryError(f"invalid SPARQL: {_one_line(e)}") from e
    except RuntimeError as e:
        if "SELECT projection" in str(e):
            raise QueryError(f"{_one_line(e)}: a bound parameter must be a variable of "
                             "the SELECT clause") from e
        raise QueryError(f"query failed: {_one_line(e)}") from e
    except OSError as e:
        if uses_service(sparql):  # Oxigraph reports a failed SERVICE call as an OSError
            raise QueryError(f"SERVICE request failed: {_one_line(e)}") from e
        raise StoreError(f"{where}: cannot read the store: {_one_line(e)}") from e


def _preview(sparql: str) -> str:
    text = " ".join(sparql.split())
    return repr(text if len(text) <= 60 else text[:57] + "...")
