"""kg.analysis on a small hand-built dataset with known answers.

Two articles. Actor links (events sharing actors through actor roles):
KOR -e1(Meeting)- Austin -e3(Statement)- PRK -e4(Transfer), e6(Statement)- RUS;
e2 (Deployment: PRK to Russia, in Kursk) and e5 (Combat: the force, in Kursk) link no two
actors, because Russia and Kursk are places there.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg.analysis import (
    AnalysisError,
    GraphData,
    actor_network,
    cap_graph,
    communities,
    ego_network,
    event_chain,
    event_graph,
    event_types,
    export_graph,
    find_node,
    load_graph_data,
    rankings,
    shared_events,
)

KGR = "https://w3id.org/geokg/resource/"
A1 = KGR + "article/aaaaaaaaaaaaaaaa"
A2 = KGR + "article/bbbbbbbbbbbbbbbb"
AUSTIN, KOR, PRK, RUS = (KGR + k for k in ("person/lloyd-austin", "country/KOR", "country/PRK",
                                           "country/RUS"))
FORCE, KURSK, KCNA = KGR + "force/PRK", KGR + "place/kursk", KGR + "organization/kcna"


def ev(article: str, n: int) -> str:
    return f"{article}/event/{n}-{n + 10}-x"


SAMPLE_TRIG = """
@prefix kg: <https://w3id.org/geokg/ontology#> .
@prefix kgr: <https://w3id.org/geokg/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgr:article\\/aaaaaaaaaaaaaaaa {
  kgr:article\\/aaaaaaaaaaaaaaaa kg:title "Austin warns of troops" ;
    kg:published "2024-10-30"^^xsd:date ; kg:source "AP" .
  kgr:person\\/lloyd-austin a kg:Person ; rdfs:label "Lloyd Austin" .
  kgr:country\\/KOR a kg:Country, kg:Place ; rdfs:label "South Korea" .
  kgr:country\\/PRK a kg:Country, kg:Place ; rdfs:label "North Korea" .
  kgr:country\\/RUS a kg:Country, kg:Place ; rdfs:label "Russia" .
  kgr:place\\/kursk a kg:Place ; rdfs:label "Kursk region" .

  <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/event/1-11-x> a kg:Meeting ;
    rdfs:label "Austin met South Korea" ; kg:cameoCode "04" ; kg:ploverType "CONSULT" ;
    kg:modality kg:Asserted ; kg:polarity kg:Positive ;
    kg:participant kgr:person\\/lloyd-austin, kgr:country\\/KOR ;
    kg:evidence <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/mention/0-30> .
  <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/mention/0-30> a kg:Mention ;
    kg:article kgr:article\\/aaaaaaaaaaaaaaaa ; kg:beginIndex 0 ; kg:endIndex 30 ;
    kg:anchorOf "Austin met his Korean counterpart." .

  <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/event/2-12-x> a kg:Deployment ;
    rdfs:label "North Korea deployed to Russia" ; kg:cameoCode "15" ;
    kg:modality kg:Reported ; kg:attributedTo kgr:person\\/lloyd-austin ;
    kg:agent kgr:country\\/PRK ; kg:destination kgr:country\\/RUS ; kg:location kgr:place\\/kursk ;
    kg:evidence <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/mention/40-90> .
  <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/mention/40-90> a kg:Mention ;
    kg:article kgr:article\\/aaaaaaaaaaaaaaaa ; kg:beginIndex 40 ; kg:endIndex 90 ;
    kg:anchorOf "Austin said North Korea sent troops to Russia." .

  <https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/event/3-13-x> a kg:Statement ;
    rdfs:label "Austin on North Korea" ; kg:quote "We will respond" ;
    kg:speaker kgr:person\\/lloyd-austin ; kg:target kgr:country\\/PRK .
}

kgr:article\\/bbbbbbbbbbbbbbbb {
  kgr:article\\/bbbbbbbbbbbbbbbb rdfs:label "Shells for Russia" .
  kgr:country\\/PRK a kg:Country, kg:Place ; rdfs:label "North Korea" .
  kgr:country\\/RUS a kg:Country, kg:Place ; rdfs:label "Russia" .
  kgr:force\\/PRK a kg:MilitaryForce ; rdfs:label "North Korean troops" .
  kgr:place\\/kursk a kg:Place ; rdfs:label "Kursk region" .
  kgr:organization\\/kcna a kg:Organization ; rdfs:label "KCNA" .

  <https://w3id.org/geokg/resource/article/bbbbbbbbbbbbbbbb/event/4-14-x> a kg:Transfer ;
    rdfs:label "North Korea supplied Russia" ; kg:modality kg:Estimated ;
    kg:attributedTo kgr:organization\\/kcna ;
    kg:agent kgr:country\\/PRK ; kg:recipient kgr:country\\/RUS .
  <https://w3id.org/geokg/resource/article/bbbbbbbbbbbbbbbb/event/5-15-x> a kg:Combat ;
    rdfs:label "Troops fought in Kursk" ;
    kg:agent kgr:force\\/PRK ; kg:location kgr:place\\/kursk .
  <https://w3id.org/geokg/resource/article/bbbbbbbbbbbbbbbb/event/6-16-x> a kg:Statement ;
    rdfs:label "North Korea told Russia" ;
    kg:speaker kgr:country\\/PRK ; kg:addressee kgr:country\\/RUS .
  kgr:unrelated rdfs:label "not an event" .
}
"""


def sample_dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=SAMPLE_TRIG, format="trig")
    return ds


@pytest.fixture(scope="module")
def data() -> GraphData:
    return load_graph_data(sample_dataset())


def test_load_reads_events_entities_and_provenance(data: GraphData) -> None:
    assert sorted(e.type for e in data.events.values()) == [
        "Combat", "Deployment", "Meeting", "Statement", "Statement", "Transfer"]
    kinds = {e.label: e.kind for e in data.entities.values()}
    assert kinds == {"Lloyd Austin": "Person", "South Korea": "Country", "North Korea": "Country",
                     "Russia": "Country", "Kursk region": "Place",
                     "North Korean troops": "MilitaryForce", "KCNA": "Organization"}
    dep = data.events[ev(A1, 2)]
    assert (dep.modality, dep.attributed_to, dep.attribution, dep.cameo) == (
        "Reported", AUSTIN, "Lloyd Austin", "15")
    assert [(x.text, x.article, x.title, x.published, x.source) for x in dep.evidence] == [
        ("Austin said North Korea sent troops to Russia.", A1, "Austin warns of troops",
         "2024-10-30", "AP")]
    assert data.events[ev(A1, 3)].quote == "We will respond"
    assert data.events[ev(A1, 3)].evidence == ()
    meeting = data.events[ev(A1, 1)]
    assert (meeting.plover, meeting.polarity) == ("CONSULT", "Positive")
    assert data.events[ev(A2, 4)].attribution == "KCNA"
    assert {(r.role, r.entity) for r in data.roles if r.event == ev(A1, 2)} == {
        ("agent", PRK), ("destination", RUS), ("location", KURSK)}


def test_load_through_the_store_gives_the_same_data(data: GraphData) -> None:
    store = pytest.importorskip("kg.store")
    with store.KnowledgeGraph() as kg:
        kg.load(SAMPLE_TRIG.encode(), "trig")
        assert load_graph_data(kg) == data


def test_event_graph_has_one_edge_per_role(data: GraphData) -> None:
    G = event_graph(data)
    assert G.number_of_nodes() == 6 + 6  # events + entities taking part (KCNA does not)
    assert G.number_of_edges() == len(data.roles) == 13
    assert G.degree(PRK) == 4 and G.degree(AUSTIN) == 2
    assert set(G[ev(A1, 2)][KURSK]) == {"location"}
    assert G.nodes[ev(A1, 2)]["modality"] == "Reported"
    assert G.nodes[RUS]["kind"] == "Country"


def test_actor_network_weights_and_types(data: GraphData) -> None:
    G = actor_network(data)
    assert set(G) == {AUSTIN, KOR, PRK, RUS, FORCE}
    assert {frozenset(e) for e in G.edges()} == {
        frozenset((AUSTIN, KOR)), frozenset((AUSTIN, PRK)), frozenset((PRK, RUS))}
    assert G[PRK][RUS]["weight"] == 2
    assert event_types(G[PRK][RUS]) == {"Transfer": 1, "Statement": 1}
    assert (G[PRK][RUS]["Transfer"], G[PRK][RUS]["Statement"]) == (1, 1)
    assert event_types(G[AUSTIN][KOR]) == {"Meeting": 1}
    assert shared_events(G[PRK][RUS]) == sorted(shared_events(G[PRK][RUS]))
    assert len(shared_events(G[PRK][RUS])) == 2
    assert dict(G.degree()) == {AUSTIN: 2, KOR: 1, PRK: 2, RUS: 1, FORCE: 0}


def test_rankings_known_values(data: GraphData) -> None:
    r = rankings(actor_network(data))
    assert r["degree"][:2] == [(PRK, 2.0), (AUSTIN, 2.0)]
    assert r["weighted_degree"][0] == (PRK, 3.0)
    # path KOR-Austin-PRK-RUS plus an isolate: Austin and PRK lie on 2 of 6 pairs
    assert r["betweenness"][:2] == [(PRK, pytest.approx(2 / 6)), (AUSTIN, pytest.approx(2 / 6))]
    assert r["betweenness"][-1][1] == 0.0
    assert sum(v for _, v in r["pagerank"]) == pytest.approx(1.0)
    assert r["pagerank"][0][0] == PRK  # strongest ties
    assert r["pagerank"][-1][0] == FORCE  # isolated
    assert rankings(actor_network(data), top=1)["pagerank"][0][0] in {PRK, AUSTIN}
    assert rankings(nx.Graph()) == {"degree": [], "weighted_degree": [], "betweenness": [],
                                    "pagerank": []}


def test_communities_partition_the_nodes(data: GraphData) -> None:
    G = actor_network(data)
    found = communities(G)
    assert sorted(v for c in found for v in c) == sorted(G)
    assert {FORCE} in found
    assert any({PRK, RUS} <= c for c in found)
    assert communities(G) == found  # seeded


def test_ego_network_by_label_and_iri(data: GraphData) -> None:
    G = actor_network(data)
    assert set(ego_network(G, "  lloyd   AUSTIN ", 1)) == {AUSTIN, KOR, PRK}
    assert set(ego_network(G, AUSTIN, 2)) == {AUSTIN, KOR, PRK, RUS}
    assert set(ego_network(G, "country/RUS", 0)) == {RUS}
    E = ego_network(event_graph(data), "South Korea", 2)
    assert set(E) == {KOR, ev(A1, 1), AUSTIN}


def test_unknown_actor_lists_close_matches(data: GraphData) -> None:
    with pytest.raises(AnalysisError, match=r"'Loyd Austen'.*close matches: Lloyd Austin"):
        ego_network(actor_network(data), "Loyd Austen", 1)
    with pytest.raises(AnalysisError, match="not in the graph"):
        find_node(actor_network(data), "Zzzz")


def test_event_chain_between_actors(data: GraphData) -> None:
    chain = event_chain(data, "South Korea", "Russia")
    assert [link.source.label for link in chain] == ["South Korea", "Lloyd Austin", "North Korea"]
    assert [link.event.iri for link in chain[:2]] == [ev(A1, 1), ev(A1, 3)]
    assert chain[2].event.iri in {ev(A2, 4), ev(A2, 6)}
    assert chain[-1].target.iri == RUS
    assert event_chain(data, "Russia", "Russia") == []
    with pytest.raises(AnalysisError, match="no chain of events links"):
        event_chain(data, "Russia", "North Korean troops")


def test_cap_graph_states_the_cut(data: GraphData) -> None:
    G = actor_network(data)
    small, note = cap_graph(G, 3)  # weighted degree: PRK 3, Austin 2, RUS 2, KOR 1
    assert set(small) == {PRK, AUSTIN, RUS}
    assert note is not None and "3 of 5 nodes" in note
    assert cap_graph(G, 5) == (G, None)
    E = event_graph(data)
    capped, note = cap_graph(E, 6)
    assert 0 < capped.number_of_nodes() <= 6
    assert note is not None and "of 12 nodes" in note
    assert PRK in capped
    kinds = {k for _, k in capped.nodes(data="kind")}
    assert "event" in kinds and len(kinds) > 1
    with pytest.raises(AnalysisError):
        cap_graph(G, 0)


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_export_round_trip(data: GraphData, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"actors.{suffix}"
    export_graph(actor_network(data), path)
    back = nx.read_graphml(path) if suffix == "graphml" else nx.read_gexf(path)
    assert set(back) == {AUSTIN, KOR, PRK, RUS, FORCE}
    assert event_types(back[PRK][RUS]) == {"Transfer": 1, "Statement": 1}
    assert int(back[PRK][RUS]["weight"]) == 2
    export_graph(event_graph(data), tmp_path / "events.graphml")
    assert nx.read_graphml(tmp_path / "events.graphml").number_of_edges() == 13
    with pytest.raises(AnalysisError, match="export format"):
        export_graph(actor_network(data), tmp_path / "x.png")


@pytest.mark.parametrize("which", ["actors", "events"])
def test_networks_have_scalar_attributes_networkx_can_write(data: GraphData, tmp_path: Path,
                                                            which: str) -> None:
    G = actor_network(data) if which == "actors" else event_graph(data)
    nx.write_graphml(G, tmp_path / "g.graphml")  # no export_graph: networkx's own writers
    nx.write_gexf(G, tmp_path / "g.gexf")
    for back in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert set(back) == set(G) and back.number_of_edges() == G.number_of_edges()
        if which == "actors":
            assert event_types(back[PRK][RUS]) == event_types(G[PRK][RUS])
            assert shared_events(back[PRK][RUS]) == shared_events(G[PRK][RUS])


def test_cli_analyze(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    src = tmp_path / "sample.trig"
    src.write_text(SAMPLE_TRIG, encoding="utf-8")
    out = tmp_path / "actors.graphml"
    r = CliRunner().invoke(main, ["analyze", "--input", str(src), "--top", "2", "--communities",
                                  "--path", "south korea", "Russia", "--export", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stdout == """\
6 events, 7 entities; analysed graph: 5 actors, 3 edges
degree:
    1. North Korea   Country        2
    2. Lloyd Austin  Person         2
weighted_degree:
    1. North Korea  Country        3
    2. Russia       Country        2
betweenness:
    1. North Korea   Country        0.3333
    2. Lloyd Austin  Person         0.3333
pagerank:
    1. North Korea   Country        0.3376
    2. Lloyd Austin  Person         0.2545
communities: 3 (Louvain, seed 42)
    1. (2) Lloyd Austin, South Korea
    2. (2) North Korea, Russia
  … 1 smaller communities
chain of 3 event(s):
  South Korea —[Meeting: Austin met South Korea]→ Lloyd Austin
       “Austin met his Korean counterpart.”
  Lloyd Austin —[Statement: Austin on North Korea]→ North Korea
  North Korea —[Transfer: North Korea supplied Russia]→ Russia
"""
    assert nx.read_graphml(out).number_of_nodes() == 5
    bad = CliRunner().invoke(main, ["analyze", "--input", str(src), "--path", "Rusia", "Korea"])
    assert bad.exit_code == 1
    assert bad.output == ("Error: actor 'Rusia' is not in the graph (5 candidates); "
                          "close matches: Russia\n")
    both = CliRunner().invoke(main, ["analyze", "--input", str(src), "--store", str(tmp_path)])
    assert both.exit_code == 2 and "exactly one of --store DIR or --input FILE" in both.output


def test_cap_graph_edges_keeps_the_heaviest(data: GraphData) -> None:
    G = actor_network(data)
    capped, note = cap_graph(G, 10, max_edges=1)
    assert list(capped.edges()) == [(PRK, RUS)] and set(capped) == set(G)
    assert note == ("Showing 5 of 5 nodes and 1 of 3 edges: the heaviest edges "
                    "(cap 10 nodes, 1 edges).")
    E, _ = cap_graph(event_graph(data), 12, max_edges=5)
    assert E.number_of_edges() == 5


def test_plain_rdflib_graph_gives_the_same_data(data: GraphData) -> None:
    g = rdflib.Graph()
    for s, p, o, _ in sample_dataset().quads((None, None, None, None)):
        g.add((s, p, o))
    assert load_graph_data(g) == data


def test_docstring_examples_run() -> None:
    import doctest

    import kg.analysis
    import kg.viz.geo
    import kg.viz.network
    import kg.viz.page
    import kg.viz.panel

    for module in (kg.analysis, kg.viz.network, kg.viz.page, kg.viz.panel, kg.viz.geo):
        result = doctest.testmod(module)
        assert result.attempted >= 1 and result.failed == 0
