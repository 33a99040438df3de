"""The RDF layer: the only place that mints IRIs and triples.

- :mod:`kg.rdf.vocab`: the ``kg:`` ontology terms (closed) and the aligned vocabularies;
- :mod:`kg.rdf.iris`: IRIs of articles, entities, mentions, events, quantities, times, posts;
- :mod:`kg.rdf.mapping`: :class:`~kg.model.Extraction` → triples, datasets, serialisations.
"""

from __future__ import annotations

from kg.rdf.mapping import RdfFormat, extraction_graph, extractions_dataset, serialize

__all__ = ["RdfFormat", "extraction_graph", "extractions_dataset", "serialize"]
