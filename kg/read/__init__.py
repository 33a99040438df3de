"""The read side: one way from the graph to answers.

::

    store / rdflib graph --Reader.events / .entities--> EventRecord, EntityRecord  (kg.api)
                         --load_graph_data-----------> GraphData                  (analysis,
                                                       (EntityNode, EventNode,     viz, export)
                                                        RoleEdge, Evidence)

- :mod:`kg.read.records`: the records, plain frozen data;
- :mod:`kg.read.reader`: events and entities with everything said about them;
- :mod:`kg.read.graph_data`: the network view;
- :mod:`kg.read.counting`: the network view with one event node per real event
  (``kg:Occurrence``) rather than per report (``count=``);
- :mod:`kg.read.source`: what is read (anything answering SPARQL SELECT) and the read
  side's queries, ``kg/queries/read/*.rq``;
- :mod:`kg.read.terms`: RDF terms of answers as Python values.
"""

from __future__ import annotations

from kg.read.graph_data import load_graph_data
from kg.read.reader import Reader, class_iri
from kg.read.records import (
    EntityNode,
    EntityRecord,
    EventNode,
    EventRecord,
    Evidence,
    GraphData,
    Participant,
    QuantityRecord,
    RoleEdge,
    TimeRecord,
)
from kg.read.source import Queryable, RdflibSource, read_query

__all__ = [
    "EntityNode",
    "EntityRecord",
    "EventNode",
    "EventRecord",
    "Evidence",
    "GraphData",
    "Participant",
    "QuantityRecord",
    "Queryable",
    "RdflibSource",
    "Reader",
    "RoleEdge",
    "TimeRecord",
    "class_iri",
    "load_graph_data",
    "read_query",
]
