"""The Python API (kg.api and the lazy names of kg): round trips, bound parameters,
tables, networkx views, HTML, exports and the cost of ``import kg``."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from spacy.language import Language

import kg
from kg.analysis import event_types
from kg.api import EntityRecord, EventRecord, GeoKG, Participant
from kg.errors import InputError, KGError, QueryError, UnknownValueError
from kg.model import EntityType, EventType, Modality, Polarity, Role
from kg.queries import parse_iri

KG_NS = "https://w3id.org/geokg/ontology#"
KGR = "https://w3id.org/geokg/resource/"

TEXT = (
    "Defense Secretary Lloyd Austin said on Wednesday that North Korea has sent about "
    "10,000 troops to Russia. Austin met South Korean Defense Minister Kim Yong-hyun in "
    "Washington. Russia denied the report."
)

HOSTILE = [
    'Lloyd Austin" } INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
    "x' . } DROP ALL ; SELECT * WHERE { ?s ?p ?o",
    "}}}{{{",
    '"""',
    "\\u0022 ) ) FILTER(true) #",
    "<https://w3id.org/geokg/resource/country/PRK",
]


@pytest.fixture(scope="module")
def graph(nlp: Language) -> Iterator[GeoKG]:
    g = kg.memory(nlp=nlp)
    report = g.ingest_text(TEXT, title="Troops", published="2024-10-30", source="AP")
    assert report.added and not report.failed
    yield g
    g.close()


def _by_type(events: list[EventRecord]) -> dict[str, list[EventRecord]]:
    out: dict[str, list[EventRecord]] = {}
    for e in events:
        out.setdefault(e.type.value, []).append(e)
    return out


# --------------------------------------------------------------------------- round trip


def test_events_read_back_with_roles_quantities_time_and_attribution(graph: GeoKG) -> None:
    events = _by_type(graph.events())
    assert sorted(events) == ["Deployment", "Meeting", "Statement"]

    (dep,) = events["Deployment"]
    assert [(p.role, p.label, p.type) for p in dep.participants] == [
        (Role.AGENT, "North Korea", EntityType.COUNTRY)]
    assert [(p.role, p.iri) for p in dep.places] == [(Role.DESTINATION, KGR + "country/RUS")]
    assert [(q.value, q.unit) for q in dep.quantities] == [(Decimal(10000), "troops")]
    assert dep.modality is Modality.REPORTED and dep.polarity is Polarity.POSITIVE
    assert (dep.attributed_to, dep.attribution) == (KGR + "person/lloyd-austin", "Lloyd Austin")
    assert dep.trigger == "sent" and dep.evidence is not None and "10,000 troops" in dep.evidence
    assert dep.article_title == "Troops" and dep.published == date(2024, 10, 30)
    assert dep.article is not None and dep.iri.startswith(dep.article + "/event/")

    (meeting,) = events["Meeting"]
    assert sorted(p.label for p in meeting.participants) == ["Kim Yong-hyun", "Lloyd Austin"]
    assert [p.label for p in meeting.places] == ["Washington"]
    assert meeting.time is not None and meeting.time.date == date(2024, 10, 30)
    assert meeting.time.text == "Wednesday"

    denial = [e for e in events["Statement"] if e.polarity is Polarity.NEGATIVE]
    assert [[p.label for p in e.actors(Role.SPEAKER)] for e in denial] == [["Russia"]]


def test_read_back_equals_what_was_extracted(nlp: Language) -> None:
    ex = kg.extract_text(TEXT, title="Troops", published=date(2024, 10, 30), nlp=nlp)
    labels = {e.key: e.label for e in ex.entities}
    want = sorted((e.type.value, tuple(sorted((a.role.value, labels[a.entity])
                                              for a in e.arguments))) for e in ex.events)
    with kg.memory(nlp=nlp) as g:
        g.add([ex])
        got = sorted((e.type.value, tuple(sorted((p.role.value, p.label)
                                                 for p in (*e.participants, *e.places))))
                     for e in g.events())
    assert got == want


def test_event_filters(graph: GeoKG) -> None:
    assert [e.type for e in graph.events(type="Deployment")] == [EventType.DEPLOYMENT]
    assert [e.type for e in graph.events(EventType.MEETING)] == [EventType.MEETING]
    assert len(graph.events(type="kg:Statement")) == 2
    by_name = graph.events(type="Deployment", actor="north korea")
    assert [e.label for e in by_name] == [e.label for e in graph.events("Deployment")]
    by_iri = graph.events(actor="kgr:country/RUS")
    assert {e.type for e in by_iri} == {EventType.STATEMENT}  # a destination is no actor
    by_alias = graph.events(actor="Austin")
    assert {e.type for e in by_alias} == {EventType.STATEMENT, EventType.MEETING}
    assert graph.events(actor="Kim Yong-hyun", type="Statement") == []
    article = graph.articles()[0]
    assert len(graph.events(article=article)) == len(graph.events())
    assert graph.events(article=KGR + "article/0000000000000000") == []
    with pytest.raises(QueryError, match="unknown event class 'Person'"):
        graph.events(type="Person")


def test_entities(graph: GeoKG) -> None:
    people = graph.entities(type="Person")
    assert [e.label for e in people] == ["Kim Yong-hyun", "Lloyd Austin"]
    assert all(isinstance(e, EntityRecord) and e.articles == 1 for e in people)
    (prk,) = graph.entities(name="DPRK")
    assert (prk.iri, prk.type, prk.iso3) == (KGR + "country/PRK", EntityType.COUNTRY, "PRK")
    countries = {e.label for e in graph.entities(EntityType.COUNTRY)}
    assert {"North Korea", "South Korea", "Russia"} <= countries
    # a Country is also a kg:Place but is listed once, as a Country
    assert "Russia" not in {e.label for e in graph.entities(type="Place")}
    (wash,) = graph.entities(name="washington")
    assert wash.type is EntityType.PLACE and wash.latitude is not None
    with pytest.raises(QueryError, match="unknown entity class"):
        graph.entities(type="Meeting")


# --------------------------------------------------------------------------- bound parameters


def _triples(g: GeoKG) -> int:
    return g.stats().triples


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_are_data(graph: GeoKG, label: str) -> None:
    before = _triples(graph)
    with pytest.raises(UnknownValueError):  # no actor has that name: said, not an empty list
        graph.events(actor=label)
    with pytest.raises(UnknownValueError):  # the same for an entity's name
        graph.entities(name=label)
    r = graph.query("SELECT ?x ?name WHERE { ?x rdfs:label ?name }", {"name": label})
    assert r.rows == []
    if parse_iri(label) is None:
        with pytest.raises(UnknownValueError):
            graph.named_query("actor_timeline", actor=label)
    else:
        assert graph.named_query("actor_timeline", actor=label).rows == []
    assert _triples(graph) == before


def test_hostile_label_in_the_graph_is_found_exactly() -> None:
    label = 'Ann "}" O\'Brien { INSERT DATA { <urn:a> <urn:b> <urn:c> } }'
    a = URIRef(KGR + "article/00000000000000aa")
    x = URIRef(KGR + "person/ann")
    ev = URIRef(str(a) + "/event/0-3-meeting")
    g0 = rdflib.Graph()
    for t in ((x, RDF.type, URIRef(KG_NS + "Person")), (x, RDFS.label, Literal(label)),
              (x, SKOS.altLabel, Literal("Ann")),
              (ev, RDF.type, URIRef(KG_NS + "Meeting")), (ev, RDFS.label, Literal("met")),
              (ev, URIRef(KG_NS + "participant"), x)):
        g0.add(t)
    with kg.memory() as g:
        g.store.add_article_graph(a, g0, "h")
        assert [e.iri for e in g.entities(name=label)] == [str(x)]
        assert [e.iri for e in g.entities(name=label.upper())] == [str(x)]
        (event,) = g.events(actor=label)
        assert event.participants == (Participant(Role.PARTICIPANT, str(x), label,
                                                  EntityType.PERSON),)
        rows = g.query("SELECT ?x ?l WHERE { ?x rdfs:label ?l }", {"l": label}).rows
        assert [r["x"] for r in rows] == [x]
        assert g.query("ASK { <urn:a> ?p ?o }").boolean is False


def test_an_entity_in_many_article_graphs_is_read_in_linear_time() -> None:
    # The union default graph repeats a triple once per graph that states it; a query
    # joining several such patterns would grow as n**k rows (minutes at n = 80).
    x = URIRef(KGR + "country/RUS")
    n = 80
    with kg.memory() as g:
        for i in range(n):
            a = URIRef(f"{KGR}article/{i:016x}")
            ev = URIRef(f"{a}/event/0-5-deployment")
            g0 = rdflib.Graph()
            for t in ((x, RDF.type, URIRef(KG_NS + "Country")),
                      (x, RDF.type, URIRef(KG_NS + "Place")), (x, RDFS.label, Literal("Russia")),
                      (ev, RDF.type, URIRef(KG_NS + "Deployment")),
                      (ev, URIRef(KG_NS + "agent"), x), (ev, URIRef(KG_NS + "article"), a),
                      (ev, RDFS.label, Literal(f"deployment {i}"))):
                g0.add(t)
            for alias in ("Moscow", "Russian", "Russian Federation", "RF", "Kremlin"):
                g0.add((x, SKOS.altLabel, Literal(alias)))
            g.store.add_article_graph(a, g0, str(i))
        start = time.monotonic()
        (russia,) = g.entities(name="russian federation")
        assert (russia.type, russia.articles, len(russia.aliases)) == (EntityType.COUNTRY, n, 5)
        assert len(g.entities()) == 1 and g.entities(type="Place") == []
        events = g.events(actor="Kremlin")
        assert len(events) == n and all(e.participants[0].iri == str(x) for e in events)
        assert len(g.events(type="Deployment")) == n
        assert time.monotonic() - start < 5


# --------------------------------------------------------------------------- tables, views


def test_dataframes(graph: GeoKG) -> None:
    pd = pytest.importorskip("pandas")
    df = graph.named_query("events_by_type", type="Meeting").to_dataframe()
    assert len(df) == 1 and "event" in df.columns
    assert df.loc[0, "date"] == pd.Timestamp("2024-10-30")  # datetime64, not objects
    assert str(df["type"].dtype) == "category" and df.loc[0, "type"] == "Meeting"
    events = pd.DataFrame([e.to_dict() for e in graph.events()])
    assert sorted(events["type"]) == ["Deployment", "Meeting", "Statement", "Statement"]
    dep = events[events["type"] == "Deployment"].iloc[0]
    assert (dep["quantity"], dep["unit"], dep["attribution"]) == (
        Decimal(10000), "troops", "Lloyd Austin")
    ents = pd.DataFrame([e.to_dict() for e in graph.entities()])
    assert set(ents["type"]) == {"Person", "Country", "Place"}


def test_networkx_views(graph: GeoKG) -> None:
    A = graph.actor_network()
    austin, kim = KGR + "person/lloyd-austin", KGR + "person/kim-yong-hyun"
    assert A.has_edge(austin, kim)
    assert event_types(A[austin][kim]) == {"Meeting": 1} and A[austin][kim]["weight"] == 1
    assert A.nodes[austin]["label"] == "Lloyd Austin"
    E = graph.event_graph(count="reports")  # a node per report, as graph.events() lists
    events = [n for n, k in E.nodes(data="kind") if k == "event"]
    assert len(events) == len(graph.events())
    dep = graph.events(type="Deployment")[0].iri
    assert {(d["role"], v) for _, v, d in E.out_edges(dep, data=True)} >= {
        ("agent", KGR + "country/PRK"), ("destination", KGR + "country/RUS")}


def test_render_html_is_self_contained(graph: GeoKG) -> None:
    html = graph.render_html(view="actors")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html[:200]
    assert "Content-Security-Policy" in html
    assert "Lloyd Austin" in html
    assert 'src="http' not in html and "href=\"http" not in html
    full = graph.render_html()
    assert "North Korea send to Russia" in full


def test_export_and_dump(graph: GeoKG, tmp_path: Path) -> None:
    ttl = graph.export(tmp_path / "kg.ttl")
    parsed = rdflib.Graph().parse(ttl, format="turtle")
    assert len(list(parsed.subjects(RDF.type, URIRef(KG_NS + "Deployment")))) == 1
    csv_text = graph.export(tmp_path / "events.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith("date,event,type")
    assert len(csv_text.splitlines()) == 1 + len(graph.events())
    graph.export(tmp_path / "net.gexf")
    assert (tmp_path / "net.gexf").read_text(encoding="utf-8").startswith("<?xml")
    graph.export(tmp_path / "kg.trig")
    with kg.memory() as copy:  # a TriG dump keeps the article graphs the API reads
        assert copy.load(tmp_path / "kg.trig") > len(parsed)
        assert copy.events() == graph.events()
        assert copy.entities() == graph.entities()
    assert json.loads(graph.dump("jsonld"))


# --------------------------------------------------------------------------- stores, inputs


def test_persistent_store_round_trip(nlp: Language, tmp_path: Path) -> None:
    src = tmp_path / "in" / "a.md"
    src.parent.mkdir()
    src.write_text("---\ntitle: Talks\npublished: 2024-05-02\n---\n"
                   "Lloyd Austin met Kim Yong-hyun in Washington on Thursday.\n",
                   encoding="utf-8")
    (tmp_path / "in" / "bad.json").write_text("{not json", encoding="utf-8")
    store = tmp_path / "store"
    with kg.open(store, nlp=nlp) as g:
        report = g.ingest(tmp_path / "in")
        assert (len(report.added), len(report.failed)) == (1, 1)
        again = g.ingest(src)
        assert (len(again.added), len(again.skipped)) == (0, 1)
    with kg.open(store, read_only=True) as g:
        (meeting,) = g.events()
        assert meeting.time is not None and meeting.time.date == date(2024, 5, 2)
        assert g.stats().articles == 1
        with pytest.raises(KGError, match="read-only"):
            g.ingest_text("Russia denied the report.", title="x")


def test_open_without_a_path_is_in_memory() -> None:
    with kg.open() as g:
        assert g.path is None and g.stats().articles == 0 and repr(g) == "GeoKG(in memory)"


def test_ingest_needs_input_and_dates_are_checked(graph: GeoKG) -> None:
    with pytest.raises(InputError, match="at least one"):
        graph.ingest()
    with pytest.raises(InputError, match="not an ISO date"):
        graph.ingest_text("Russia denied it.", published="30/10/2024")


def test_extract_text_and_to_rdf(nlp: Language) -> None:
    ex = kg.extract_text("Russia denied the report.", title="Denial", nlp=nlp)
    assert [(e.type, e.polarity) for e in ex.events] == [(EventType.STATEMENT,
                                                          Polarity.NEGATIVE)]
    ds = rdflib.Dataset()
    ds.parse(data=kg.to_rdf(ex, "trig"), format="trig")
    assert len(list(ds.graphs())) >= 2  # the default graph and the article graph
    g = rdflib.Graph().parse(data=kg.to_rdf([ex], "turtle"), format="turtle")
    assert (None, RDF.type, URIRef(KG_NS + "Statement")) in g
    with pytest.raises(KGError, match="unknown RDF format"):
        kg.to_rdf(ex, "rdfxml")


def test_named_queries_listed_and_bound_by_keyword(graph: GeoKG) -> None:
    names = [q.name for q in kg.list_queries()]
    assert "contested_claims" in names and names == sorted(names)
    rows = graph.named_query("actor_timeline", actor="Lloyd Austin").rows
    assert {str(r["type"]).rsplit("#", 1)[-1] for r in rows} >= {"Meeting", "Statement"}
    with pytest.raises(QueryError, match="no parameter"):
        graph.named_query("who_met_whom", actor="x")


# --------------------------------------------------------------------------- import kg


def test_lazy_names() -> None:
    import kg.api

    assert kg.open is kg.api.open and kg.GeoKG is kg.api.GeoKG
    assert set(kg.api.__all__) <= set(dir(kg))
    assert {n for n in kg.__all__ if n != "__version__"} == set(kg.api.__all__)
    submodules = {p.stem for p in Path(kg.__file__).parent.iterdir()
                  if p.suffix == ".py" or (p / "__init__.py").is_file()}
    assert not submodules & set(kg.__all__)  # a lazy name must not shadow a subpackage


def test_graph_is_a_deprecated_alias_of_geokg() -> None:
    import kg.api

    for get in (lambda: kg.Graph, lambda: kg.api.Graph):
        with pytest.warns(DeprecationWarning, match=r"kg\.Graph is deprecated.*use kg\.GeoKG"):
            assert get() is kg.GeoKG
    with pytest.warns(DeprecationWarning):  # every use warns: the name is never cached
        assert kg.Graph is kg.GeoKG
    assert "Graph" not in kg.__all__ and "Graph" not in kg.api.__all__
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = kg.nope


def test_import_kg_is_cheap_and_silent() -> None:
    code = ("import sys, kg; heavy = [m for m in ('spacy', 'rdflib', 'pyoxigraph', "
            "'networkx', 'pandas', 'pyvis', 'click') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert (out.stdout, out.stderr) == ("[]\n", "")
    code = "import sys, kg.api; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout == "False\n"


def test_import_kg_loads_nothing_but_kg() -> None:
    code = ("import sys; before = set(sys.modules); import kg; "
            "print(sorted(set(sys.modules) - before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert set(ast.literal_eval(out.stdout)) <= {"kg", "__future__"}
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import kg"],
                         capture_output=True, text=True, check=True)
    modules = [line.split("|")[-1].strip() for line in out.stderr.splitlines()
               if line.startswith("import time:") and "|" in line]
    assert "kg" in modules and "spacy" not in modules
