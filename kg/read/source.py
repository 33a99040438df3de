"""Where the read side reads from: anything that answers a SPARQL SELECT, and the read
side's own queries (``kg/queries/read/*.rq``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

import rdflib
from rdflib.term import Identifier, Literal, Node

from kg.errors import AnalysisError

__all__ = ["Queryable", "RdflibSource", "read_query"]


class ResultLike(Protocol):
    @property
    def rows(self) -> Sequence[Mapping[str, Node | None]]: ...


class Queryable(Protocol):
    """Anything that runs a SPARQL SELECT over the union of its graphs, with variables
    bound to values (:class:`kg.store.KnowledgeGraph` is one, :class:`RdflibSource`
    another)."""

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> ResultLike:
        ...


@dataclass(frozen=True)
class _Rows:
    rows: list[dict[str, Node | None]]


class RdflibSource:
    """A :class:`Queryable` over an rdflib Graph or Dataset (a Dataset is queried as the
    union of its named graphs)."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> _Rows:
        g = self.graph
        union = getattr(g, "default_union", None)
        if isinstance(g, rdflib.Dataset):
            g.default_union = True
        rows: list[dict[str, Node | None]] = []
        try:
            init: dict[str, Identifier] = {
                k: v if isinstance(v, Identifier) else Literal(v)
                for k, v in (bindings or {}).items()}
            result = g.query(sparql, initBindings=init)
            names = [str(v) for v in (result.vars or [])]
            for row in result:  # rdflib evaluates lazily: iterate while the union is on
                assert isinstance(row, rdflib.query.ResultRow)
                rows.append({n: row[n] for n in names})
        except AssertionError:
            raise
        except Exception as e:  # rdflib raises pyparsing and assorted errors
            raise AnalysisError(f"SPARQL query failed on the rdflib graph: {e}") from e
        finally:
            if isinstance(g, rdflib.Dataset) and union is not None:
                g.default_union = union
        return _Rows(rows)


@cache
def read_query(name: str) -> str:
    """The text of the read side's query ``kg/queries/read/<name>.rq``."""
    return resources.files("kg.queries").joinpath("read", f"{name}.rq").read_text(
        encoding="utf-8")
