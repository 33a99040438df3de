"""kg: a geopolitical event knowledge graph from news articles.

``import kg`` is silent and cheap: it loads no spaCy, rdflib or Oxigraph. The Python API
(:mod:`kg.api`) is exposed here lazily, on first use of one of its names::

    import kg
    g = kg.open("out/store")        # or kg.memory()
    g.ingest("articles/")
    for ev in g.events(type="Deployment", actor="North Korea"):
        print(ev.label, [p.label for p in ev.participants])
"""

from __future__ import annotations

# Not ``from typing import TYPE_CHECKING``: typing costs more to import than all of kg's
# top level; type checkers treat a module constant of this name the same way.
TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = [
    "EntityRecord",
    "EventRecord",
    "GeoKG",
    "IngestReport",
    "NamedQuery",
    "Participant",
    "QuantityRecord",
    "QueryResult",
    "Stats",
    "TimeRecord",
    "__version__",
    "extract_files",
    "extract_text",
    "list_queries",
    "memory",
    "open",
    "parse_param",
    "read_inputs",
    "to_dataset",
    "to_rdf",
]
#: Names of :mod:`kg.api` that ``kg`` re-exports (imported on first access). None may be
#: the name of a subpackage (``kg.extract``, ``kg.queries``): importing one would shadow it.
_API = frozenset(__all__) - {"__version__"}

if TYPE_CHECKING:
    from typing import Any

    from kg.api import (
        EntityRecord,
        EventRecord,
        GeoKG,
        IngestReport,
        NamedQuery,
        Participant,
        QuantityRecord,
        QueryResult,
        Stats,
        TimeRecord,
        extract_files,
        extract_text,
        list_queries,
        memory,
        open,
        parse_param,
        read_inputs,
        to_dataset,
        to_rdf,
    )


def __getattr__(name: str) -> Any:
    if name == "Graph":  # deprecated: warns on every use, so it is never cached here
        import importlib

        return importlib.import_module("kg.api")._deprecated(name, stacklevel=3)
    if name in _API:
        import importlib

        value = getattr(importlib.import_module("kg.api"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
