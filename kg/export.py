"""Export a store: RDF serialisations, an events table, and an actor–event network.

- RDF (``trig``, ``nquads``, ``turtle``, ``jsonld``): the store's graphs as they are.
- ``csv``: one row per event in the spirit of GDELT / PLOVER event data (date, type, CAMEO,
  PLOVER, source and target actor with ISO3, place with coordinates, quantity, modality,
  attribution, article, evidence text).
- ``graphml`` / ``gexf``: the bipartite actor–event graph (networkx), edges labelled with
  the actor's role, for Gephi, Cytoscape or yEd: :func:`kg.analysis.event_graph`, the
  graph ``kg analyze --graph events`` analyses, written by :func:`kg.analysis.export_graph`.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from kg.analysis import event_graph, export_graph, load_graph_data
from kg.errors import AnalysisError, QueryError, StoreError
from kg.formats import ExportFormat
from kg.rdf.vocab import KG_NS
from kg.read.window import TimeWindow
from kg.store import KnowledgeGraph

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EVENT_COLUMNS", "ExportFormat", "actor_event_graph", "events_csv", "export"]


#: Columns of the events table, in order.
EVENT_COLUMNS = (
    "date", "event", "type", "cameo", "plover",
    "source_actor", "source_iso3", "target_actor", "target_iso3",
    "place", "latitude", "longitude",
    "quantity", "min_quantity", "max_quantity", "unit",
    "modality", "polarity", "attribution", "article", "evidence",
    "date_source", "article_title", "published", "publisher", "url",
)

_SOURCE_ROLES = "kg:agent|kg:speaker"
#: The state of an actor: its own code, that of the state it belongs to, or for a person
#: that of the state (or a body of the state) of a post ("Iraqi President Saddam Hussein").
_ISO3 = ("kg:iso3|(kg:partOf|kg:forceOf)/kg:iso3"
         "|org:holds/org:postIn/(kg:iso3|kg:partOf/kg:iso3)")
_TARGET_ROLES = "kg:target|kg:recipient|kg:addressee|kg:participant"

_EVENTS_QUERY = f"""
SELECT ?event
  (SAMPLE(?date_) AS ?date) (SAMPLE(?type_) AS ?type) (SAMPLE(?cameo_) AS ?cameo)
  (SAMPLE(?plover_) AS ?plover)
  (SAMPLE(?srcLabel) AS ?source_actor) (SAMPLE(?srcIso) AS ?source_iso3)
  (SAMPLE(?tgtLabel) AS ?target_actor) (SAMPLE(?tgtIso) AS ?target_iso3)
  (SAMPLE(?placeLabel) AS ?place) (SAMPLE(?lat_) AS ?latitude) (SAMPLE(?lon_) AS ?longitude)
  (SAMPLE(?value_) AS ?quantity) (SAMPLE(?min_) AS ?min_quantity)
  (SAMPLE(?max_) AS ?max_quantity) (SAMPLE(?unit_) AS ?unit)
  (SAMPLE(?modality_) AS ?modality) (SAMPLE(?polarity_) AS ?polarity)
  (SAMPLE(?attrLabel) AS ?attribution) (SAMPLE(?article_) AS ?article)
  (SAMPLE(?evidence_) AS ?evidence) (SAMPLE(?dateSource_) AS ?date_source)
  (SAMPLE(?title_) AS ?article_title) (SAMPLE(?published_) AS ?published)
  (SAMPLE(?publisher_) AS ?publisher) (SAMPLE(?url_) AS ?url)
WHERE {{
  ?event kg:cameoCode ?cameo_ ; a ?type_ .
  FILTER(STRSTARTS(STR(?type_), STR(kg:)) && ?type_ != kg:Event)
  OPTIONAL {{ ?event kg:ploverType ?plover_ }}
  # the date it is read at (kg.rdf.derived); a store not upgraded has the own date only
  OPTIONAL {{ ?event kg:eventDate ?eventDate }}
  OPTIONAL {{ ?event kg:dateSource ?dateSource_ }}
  OPTIONAL {{ ?event sem:hasTime/time:inXSDDate ?ownDate }}
  BIND(COALESCE(?eventDate, ?ownDate) AS ?date_)
  OPTIONAL {{ ?event kg:article ?a .
             OPTIONAL {{ ?a kg:title ?title_ }} OPTIONAL {{ ?a kg:published ?published_ }}
             OPTIONAL {{ ?a kg:source ?publisher_ }} OPTIONAL {{ ?a kg:url ?url_ }} }}
  OPTIONAL {{ ?event {_SOURCE_ROLES} ?src . ?src rdfs:label ?srcLabel .
             OPTIONAL {{ ?src {_ISO3} ?srcIso }} }}
  # a visit's host state is its counterpart, as CAMEO codes "make a visit" (042)
  OPTIONAL {{ {{ ?event {_TARGET_ROLES} ?tgt }}
             UNION {{ ?event a kg:Meeting ; kg:destination ?tgt . ?tgt a kg:Country }}
             ?tgt rdfs:label ?tgtLabel .
             OPTIONAL {{ ?tgt {_ISO3} ?tgtIso }} }}
  OPTIONAL {{ ?event kg:location|kg:destination|kg:origin ?place . ?place rdfs:label ?placeLabel .
             OPTIONAL {{ ?place geo:lat ?lat_ ; geo:long ?lon_ }} }}
  OPTIONAL {{ ?event kg:quantity ?q .
             OPTIONAL {{ ?q kg:value ?value_ }} OPTIONAL {{ ?q kg:minValue ?min_ }}
             OPTIONAL {{ ?q kg:maxValue ?max_ }} OPTIONAL {{ ?q kg:unit ?unit_ }} }}
  OPTIONAL {{ ?event kg:modality ?modality_ }}
  OPTIONAL {{ ?event kg:polarity ?polarity_ }}
  OPTIONAL {{ ?event kg:attributedTo ?attr . ?attr rdfs:label ?attrLabel }}
  OPTIONAL {{ ?event kg:evidence ?m . ?m kg:article ?article_ .
             OPTIONAL {{ ?m kg:anchorOf ?evidence_ }} }}
}}
GROUP BY ?event
ORDER BY ?date ?event
"""


def events_csv(kg: KnowledgeGraph, window: TimeWindow | None = None) -> str:
    """One CSV row per event (columns :data:`EVENT_COLUMNS`), those read at a date in
    ``window`` if given: the date is the event's own, else its article's publication date
    (``date_source`` says which); the article's title, date, publisher and URL close the
    row. Class and factuality IRIs of the ontology are written as their local names
    (``Deployment``, ``Estimated``).

    A text cell starting like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, a tab or
    a carriage return: ``@SUM(...)`` in a quote) gets a leading ``'``, so that a
    spreadsheet shows it as text instead of running it; numbers are left as they are."""
    result = kg.query(_EVENTS_QUERY)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EVENT_COLUMNS)
    for row in result.rows:
        if window is not None and not window.contains(_cell(row.get("date")) or None):
            continue
        w.writerow([_csv_cell(row.get(c)) for c in EVENT_COLUMNS])
    return buf.getvalue()


def actor_event_graph(kg: KnowledgeGraph, window: TimeWindow | None = None
                      ) -> nx.MultiDiGraph:
    """The bipartite actor–event graph of the store (a :class:`networkx.MultiDiGraph`):
    :func:`kg.analysis.event_graph` of what :func:`kg.read.load_graph_data` reads (the
    events in ``window`` if given), the one builder of this graph (its attributes are
    described there)."""
    w = window or TimeWindow()
    return event_graph(load_graph_data(kg).between(w.since, w.until))


def export(kg: KnowledgeGraph, fmt: ExportFormat | str, out: str | Path,
           window: TimeWindow | None = None) -> Path:
    """Write the store to ``out`` in ``fmt``; returns the path written. ``window`` keeps
    the events read at a date inside it (CSV, GraphML, GEXF); an RDF dump holds whole
    article graphs and refuses a window."""
    fmt = _export_format(fmt)
    path = Path(out)
    if window is not None and not window.is_open and fmt.rdf is not None:
        raise QueryError(f"a time window (since / until) cuts events: export csv, graphml "
                         f"or gexf, not {fmt.value}")
    try:
        if fmt.rdf is not None:
            path.write_bytes(kg.dump(fmt.rdf))
        elif fmt is ExportFormat.CSV:
            path.write_text(events_csv(kg, window), encoding="utf-8")
        else:
            export_graph(actor_event_graph(kg, window), path, fmt.value)
    except OSError as e:
        raise StoreError(f"{path}: cannot write the export: {e.strerror or e}") from e
    except AnalysisError as e:  # export_graph could not write the file
        cause = e.__cause__
        why = cause.strerror if isinstance(cause, OSError) and cause.strerror else e
        raise StoreError(f"{path}: cannot write the export: {why}") from e
    return path


def _export_format(fmt: ExportFormat | str) -> ExportFormat:
    try:
        return ExportFormat(str(fmt).lower())
    except ValueError as e:
        known = ", ".join(f.value for f in ExportFormat)
        raise StoreError(f"unknown export format {fmt!r}; use one of {known}") from e


def _cell(t: object) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef) and str(t).startswith(KG_NS):
        return str(t)[len(KG_NS):]
    if isinstance(t, Literal):
        return str(t)
    return str(t)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(t: object) -> str:
    text = _cell(t)
    is_number = isinstance(t, Literal) and isinstance(t.toPython(), int | float | Decimal)
    if text.startswith(_FORMULA_START) and not is_number:
        return "'" + text
    return text
