"""kg export: RDF dumps, the events table, and the actor–event network."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic
from test_queries import A1, A2, ARTICLE1, ARTICLE2, KGR, turtle

from kg.errors import StoreError
from kg.export import EVENT_COLUMNS, actor_event_graph, events_csv, export
from kg.store import KnowledgeGraph


@pytest.fixture(scope="module")
def kg() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph() as k:
        k.add_article_graph(A1, turtle(ARTICLE1), "1")
        k.add_article_graph(A2, turtle(ARTICLE2), "2")
        yield k


def rows(kg: KnowledgeGraph) -> dict[str, dict[str, str]]:
    return {r["event"]: r for r in csv.DictReader(io.StringIO(events_csv(kg)))}


def test_events_csv_has_one_row_per_event(kg: KnowledgeGraph) -> None:
    table = rows(kg)
    assert len(table) == 9
    header = events_csv(kg).splitlines()[0].split(",")
    assert tuple(header) == EVENT_COLUMNS


def test_events_csv_row_in_gdelt_spirit(kg: KnowledgeGraph) -> None:
    r = rows(kg)[f"{A1}/event/2"]
    assert {k: r[k] for k in ("date", "type", "cameo", "source_actor", "source_iso3",
                              "place", "quantity", "unit", "modality", "attribution",
                              "article")} == {
        "date": "2024-10-30", "type": "Deployment", "cameo": "15",
        "source_actor": "North Korean troops", "source_iso3": "PRK", "place": "Russia",
        "quantity": "10000", "unit": "troops", "modality": "Estimated",
        "attribution": "United States", "article": str(A1)}
    combat = rows(kg)[f"{A2}/event/3"]
    assert (combat["source_iso3"], combat["target_actor"], combat["target_iso3"],
            combat["place"], combat["latitude"], combat["longitude"]) == (
        "UKR", "North Korean troops", "PRK", "Kursk", "51.73", "36.19")
    assert rows(kg)[f"{A1}/event/3"]["max_quantity"] == "12000"


def test_events_csv_codes_officials_by_their_state_and_visits_by_the_host() -> None:
    from test_queries import PREFIXES

    art = KGR["article/00000000000000b1"]
    text = PREFIXES + """
    @prefix org: <http://www.w3.org/ns/org#> .
    kgr:country/IRQ a kg:Country ; rdfs:label "Iraq" ; kg:iso3 "IRQ" .
    kgr:person/saddam-hussein a kg:Person ; rdfs:label "Saddam Hussein" ;
        org:holds kgr:post/p1 .
    kgr:post/p1 a org:Post ; rdfs:label "President" ; org:postIn kgr:country/IRQ .
    kgr:article/00000000000000b1 a kg:Article .
    kgr:article/00000000000000b1/event/1 a kg:Statement ; kg:cameoCode "01" ;
        kg:speaker kgr:person/saddam-hussein ; kg:article kgr:article/00000000000000b1 .
    kgr:country/JOR a kg:Country ; rdfs:label "Jordan" ; kg:iso3 "JOR" .
    kgr:article/00000000000000b1/event/2 a kg:Meeting ; kg:cameoCode "04" ;
        kg:agent kgr:person/saddam-hussein ; kg:destination kgr:country/JOR ;
        kg:article kgr:article/00000000000000b1 .
    """
    with KnowledgeGraph() as k:
        k.add_article_graph(art, turtle(text), "b1")
        row = rows(k)[f"{art}/event/1"]
        visit = rows(k)[f"{art}/event/2"]
    assert (row["source_actor"], row["source_iso3"]) == ("Saddam Hussein", "IRQ")
    assert (visit["source_iso3"], visit["target_actor"], visit["target_iso3"]) == (
        "IRQ", "Jordan", "JOR")  # the visited state is the visit's counterpart


def test_actor_event_graph(kg: KnowledgeGraph) -> None:
    g = actor_event_graph(kg)
    meeting = f"{A1}/event/1"
    # the one actor–event graph: kg.analysis.event_graph (an entity's kind is its class;
    # before it had one builder, export wrote kind "actor" / "place" and the class as type)
    assert g.nodes[meeting]["kind"] == "event" and g.nodes[meeting]["event_type"] == "Meeting"
    assert g.nodes[meeting]["date"] == "2024-10-30" and g.nodes[meeting]["cameo"] == "04"
    assert sorted((v, d["role"]) for _, v, d in g.out_edges(meeting, data=True)) == [
        (str(KGR["person/kim-yong-hyun"]), "participant"),
        (str(KGR["person/lloyd-austin"]), "agent")]
    assert g.nodes[str(KGR["place/kursk"])]["kind"] == "Place"
    assert g.nodes[str(KGR["force/PRK"])] == {"kind": "MilitaryForce",
                                              "label": "North Korean troops"}
    assert g.number_of_nodes() == 16 and g.number_of_edges() == 18


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files_read_back(kg: KnowledgeGraph, tmp_path: Path, fmt: str) -> None:
    out = export(kg, fmt, tmp_path / f"g.{fmt}")
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    expected = actor_event_graph(kg)
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()


def test_trig_export_keeps_article_graphs(kg: KnowledgeGraph, tmp_path: Path) -> None:
    out = export(kg, "trig", tmp_path / "kg.trig")
    ds = Dataset()
    ds.parse(out, format="trig")
    assert isomorphic(ds.graph(A1), kg.graph_of(A1))


def test_unknown_format_and_unwritable_path(kg: KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown export format 'xlsx'"):
        export(kg, "xlsx", tmp_path / "x")
    with pytest.raises(StoreError, match="cannot write"):
        export(kg, "csv", tmp_path / "missing" / "x.csv")
