"""The persistent knowledge graph: one named graph per article in an Oxigraph store.

:class:`KnowledgeGraph` wraps a :class:`pyoxigraph.Store` (on disk, or in memory when no
path is given) and speaks rdflib at its edges: article graphs go in as
:class:`rdflib.Graph`, query answers come out as rdflib terms.

- Each article's triples live in the named graph whose IRI is the article IRI; writing an
  article replaces that graph in one store transaction, so a re-ingested article is never
  duplicated and an interrupted process never leaves half a graph behind.
- The content hash of each stored article is kept in the store-internal graph
  :data:`META_GRAPH` (``<article> kg:contentHash "..."``), written in the same transaction,
  so unchanged articles can be skipped.
- Queries see the union of all article graphs as their default graph. Oxigraph's own
  union view (``use_default_graph_as_union``) yields a triple once per graph holding it, so
  an entity's label stored by 1,000 articles would multiply every join by 1,000; the store
  therefore keeps the union, as a set, in its default graph: each write adds the article's
  triples there and removes the old ones no other article graph holds, in the same
  transaction. Parameters are bound with Oxigraph substitutions, never pasted into query
  text; updates are refused.

The package is split by job; the names below are its public interface (and the names
``kg.store`` always had):

- :mod:`kg.store.core`: :class:`KnowledgeGraph`, the store itself (write, load, query, dump);
- :mod:`kg.store.results`: what it answers (:class:`QueryResult` and its serialisations,
  :func:`serialize_answer`, :class:`IngestReport`, :class:`Stats`, :func:`sort_rows`);
- :mod:`kg.store.querying`: running a read query (checks, bound parameters, errors);
- :mod:`kg.store.terms`: RDF terms between rdflib and Oxigraph, the store's own terms;
- :mod:`kg.store.opening`: opening a store directory, and what is wrong when it cannot be;
- :mod:`kg.store.quads`: quads as they are written and loaded;
- :mod:`kg.store.upgrades`: what an older kg did not write, added on open;
- the named-query catalogue is :mod:`kg.queries`; extraction with batch retry is
  :func:`kg.pipeline.ingest_articles`.
"""

from __future__ import annotations

from kg.queries import NamedQuery, QueryParam, list_queries, load_query, parse_iri, parse_param
from kg.rdf.vocab import KG_NS, PREFIXES
from kg.store.core import BULK_LOAD_MIN, KnowledgeGraph
from kg.store.results import IngestReport, QueryResult, Stats, serialize_answer, sort_rows
from kg.store.results import _split_order_by as _split_order_by
from kg.store.terms import CONTENT_HASH, META_GRAPH
from kg.store.terms import _ox_term as _ox_term
from kg.store.terms import _rdflib_term as _rdflib_term

__all__ = [
    "BULK_LOAD_MIN",
    "CONTENT_HASH",
    "KG_NS",
    "META_GRAPH",
    "PREFIXES",
    "IngestReport",
    "KnowledgeGraph",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "Stats",
    "list_queries",
    "load_query",
    "parse_iri",
    "parse_param",
    "serialize_answer",
    "sort_rows",
]
