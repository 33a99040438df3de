"""Time windows, dates read at, dyads and state roll-up, sources, helpful errors (issue 16,
read side), over a small hand-written store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.api import GeoKG
from kg.cli import main
from kg.errors import UnknownValueError
from kg.model import DateSource, QuadClass
from kg.read.window import TimeWindow

TRIG = """
@prefix kg: <https://w3id.org/geokg/ontology#> .
@prefix kgr: <https://w3id.org/geokg/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgr:article/a1 {
  kgr:article/a1 a kg:Article ; kg:title "Troops sent" ; kg:published "2019-03-01"^^xsd:date ;
      kg:url "https://example.org/a1" ; kg:source "Wire" .
  kgr:country/PRK a kg:Country , sem:Actor ; rdfs:label "North Korea" ; kg:iso3 "PRK" .
  kgr:country/RUS a kg:Country , sem:Actor ; rdfs:label "Russia" ; kg:iso3 "RUS" .
  kgr:force/prk a kg:MilitaryForce , sem:Actor ; rdfs:label "North Korean troops" ;
      kg:forceOf kgr:country/PRK .
  kgr:person/putin a kg:Person , sem:Actor ; rdfs:label "Vladimir Putin" ; org:holds kgr:post/p .
  kgr:post/p org:postIn kgr:country/RUS .
  kgr:article/a1/event/1 a kg:Deployment ; kg:cameoCode "15" ; kg:ploverType "MOBILIZE" ;
      kg:agent kgr:force/prk ; kg:destination kgr:country/RUS ; kg:article kgr:article/a1 .
  kgr:article/a1/event/2 a kg:Sanction ; kg:cameoCode "163" ; kg:ploverType "SANCTION" ;
      kg:agent kgr:person/putin ; kg:target kgr:force/prk ; kg:article kgr:article/a1 ;
      sem:hasTime kgr:article/a1/time/1 .
  kgr:article/a1/time/1 rdfs:label "in May" ; time:inXSDDate "2019-05-02"^^xsd:date .
}
kgr:article/a2 {
  kgr:article/a2 a kg:Article ; kg:title "Talks" ; kg:published "2020-02-01"^^xsd:date ;
      kg:url "https://example.org/a2" .
  kgr:country/PRK a kg:Country , sem:Actor ; rdfs:label "North Korea" ; kg:iso3 "PRK" .
  kgr:person/putin a kg:Person , sem:Actor ; rdfs:label "Vladimir Putin" ; org:holds kgr:post/p .
  kgr:post/p org:postIn kgr:country/RUS .
  kgr:country/RUS a kg:Country , sem:Actor ; rdfs:label "Russia" ; kg:iso3 "RUS" .
  kgr:article/a2/event/1 a kg:Meeting ; kg:cameoCode "04" ; kg:ploverType "CONSULT" ;
      kg:participant kgr:person/putin , kgr:country/PRK ; kg:article kgr:article/a2 ;
      sem:hasActor kgr:person/putin , kgr:country/PRK .
}
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    src = tmp_path / "g.trig"
    # kgr:article/a1 is no prefixed name in TriG ("/"): written out as full IRIs
    text = re.sub(r"kgr:([\w/-]+)", r"<https://w3id.org/geokg/resource/\1>", TRIG)
    src.write_text(text, encoding="utf-8")
    with kg.open(tmp_path / "store") as g:
        g.load(src)
    yield tmp_path / "store"


@pytest.fixture
def g(store: Path) -> Iterator[GeoKG]:
    with kg.open(store, read_only=True) as graph:
        yield graph


def test_every_event_has_a_date_marked_with_its_source(g: GeoKG) -> None:
    got = {e.type.value: (e.date, e.date_source) for e in g.events()}
    assert got == {"Deployment": (date(2019, 3, 1), DateSource.PUBLICATION),
                   "Sanction": (date(2019, 5, 2), DateSource.OWN),
                   "Meeting": (date(2020, 2, 1), DateSource.PUBLICATION)}


def test_since_until_cut_events_queries_and_networks(g: GeoKG) -> None:
    assert [e.type.value for e in g.events(since="2019-04-01", until="2019")] == ["Sanction"]
    assert [e.type.value for e in g.events(since="2020")] == ["Meeting"]
    assert len(g.graph_data(until="2019-03-31").events) == 1
    assert g.actor_network(since="2021").number_of_edges() == 0
    rows = g.named_query("events_by_type", type="Meeting", since="2020-01-01").rows
    assert len(rows) == 1 and "since" not in rows[0]
    assert g.named_query("events_by_type", type="Meeting", until="2019-12-31").rows == []
    assert len(g.named_query("who_met_whom", since="2020").rows) == 1


def test_time_window_reads_partial_dates() -> None:
    w = TimeWindow.of("2019-02", "2019-02")
    assert (w.since, w.until) == (date(2019, 2, 1), date(2019, 2, 28))
    with pytest.raises(UnknownValueError):
        TimeWindow.of("last year")


def test_dyads_at_actor_and_state_level(g: GeoKG) -> None:
    actor = {(d.source, d.target, d.type, d.quad_class, d.month) for d in g.dyads()}
    assert ("Vladimir Putin", "North Korean troops", "Sanction", "material conflict",
            "2019-05") in actor
    assert ("North Korea", "Vladimir Putin", "Meeting", "verbal cooperation", "2020-02") in actor
    state = {(d.source, d.target, d.type) for d in g.dyads(level="state")}
    assert state == {("Russia", "North Korea", "Sanction"), ("Russia", "North Korea", "Meeting"),
                     ("North Korea", "Russia", "Meeting")}
    assert [d.type for d in g.dyads(level="state", since="2020")] == ["Meeting", "Meeting"]
    with pytest.raises(UnknownValueError):
        g.dyads(level="country")


def test_state_level_finds_a_states_forces(g: GeoKG) -> None:
    assert [e.type.value for e in g.events(actor="North Korea")] == ["Meeting"]
    assert {e.type.value for e in g.events(actor="North Korea", level="state")} == {
        "Deployment", "Sanction", "Meeting"}


def test_records_and_csv_carry_the_source(g: GeoKG, tmp_path: Path) -> None:
    e = g.events(type="Deployment")[0]
    assert (e.url, e.publisher, e.quad_class) == ("https://example.org/a1", "Wire",
                                                   QuadClass.MATERIAL_CONFLICT)
    d = g.events(type="Sanction")[0].to_dict()
    assert (d["agent"], d["target"], d["url"]) == ("Vladimir Putin", "North Korean troops",
                                                   "https://example.org/a1")
    out = g.export(tmp_path / "ev.csv", since="2020")
    text = out.read_text(encoding="utf-8").splitlines()
    assert len(text) == 2 and text[0].endswith("published,publisher,url")
    assert "https://example.org/a2" in text[1]


def test_dataframes_have_short_categories_and_dates(g: GeoKG) -> None:
    pd = pytest.importorskip("pandas")
    df = g.events_frame()
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["type"].dtype) == "category" and set(df["type"]) == {
        "Deployment", "Sanction", "Meeting"}
    q = g.named_query("deployments_with_quantities").to_dataframe()
    assert q.empty
    m = g.named_query("events_by_type", type="Sanction").to_dataframe()
    assert m.loc[0, "date"] == pd.Timestamp("2019-05-02") and m.loc[0, "type"] == "Sanction"


def test_unknown_values_are_errors_with_suggestions(g: GeoKG) -> None:
    with pytest.raises(UnknownValueError, match="did you mean 'Vladimir Putin'"):
        g.events(actor="Vladimir Putn")
    with pytest.raises(UnknownValueError, match="did you mean 'Meeting'"):
        g.events(type="Meetings")
    with pytest.raises(UnknownValueError, match="'Meeting'"):
        g.named_query("events_by_type", type="Meetings")
    with pytest.raises(UnknownValueError, match="'Vladimir Putin'"):
        g.named_query("statements_by_speaker", speaker="Vladimir Putn")


def test_cli_time_dyads_and_exit_status(store: Path) -> None:
    r = CliRunner().invoke(main, ["dyads", "--store", str(store), "--level", "state",
                                  "--since", "2019", "--until", "2019", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[1].startswith("Russia,North Korea,Sanction,material conflict")
    r = CliRunner().invoke(main, ["events", "--store", str(store), "--actor", "Vladimir Putn"])
    assert r.exit_code == 2 and "Vladimir Putin" in r.output
    r = CliRunner().invoke(main, ["query", "--store", str(store), "--name", "events_by_type",
                                  "--param", "type=Deployment", "--since", "2020"])
    assert r.exit_code == 0 and "(0 rows)" in r.output


def test_upgrade_adds_event_dates_to_an_older_store(tmp_path: Path) -> None:
    from rdflib import Literal, URIRef

    from kg.rdf.vocab import KG, KGR, RDF
    from kg.store import KnowledgeGraph

    a = KGR["article/00000000000000d4"]
    e = URIRef(f"{a}/event/1")
    old = [(a, RDF.type, KG.Article), (a, KG.published, Literal(date(2020, 1, 2))),
           (e, RDF.type, KG.Meeting), (e, KG.article, a)]
    with KnowledgeGraph(tmp_path / "s") as k:
        k._write_article(a, old, "h")  # as an older kg wrote it: no kg:eventDate
    with KnowledgeGraph(tmp_path / "s") as k:  # opened for writing: upgraded
        assert (e, KG.dateSource, KG.PublicationDate) in k.graph_of(a)


def test_a_failed_first_ingest_leaves_no_store(tmp_path: Path) -> None:
    from kg.errors import InputError

    with kg.open(tmp_path / "new") as g:
        report = g.ingest_articles([InputError("x.txt", "unreadable")], progress=False)
    assert report.failed and not (tmp_path / "new").exists()
    (tmp_path / "old").mkdir()
    with kg.open(tmp_path / "old") as g:
        g.ingest_articles([InputError("x.txt", "unreadable")], progress=False)
    assert (tmp_path / "old").is_dir()  # what existed before is never removed


def test_progress_lines_when_not_a_terminal() -> None:
    import io

    from kg.progress import LineProgress

    out = io.StringIO()
    p = LineProgress(3, "ingesting", stream=out, every=0)
    p(1)
    p.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ingesting: 1/3 articles") and lines[-1].endswith("done")


def test_entity_names_and_country_codes_are_checked(g: GeoKG, store: Path) -> None:
    with pytest.raises(UnknownValueError, match="did you mean 'North Korea'"):
        g.entities(name="Nort Korea")
    assert [e.label for e in g.entities(name="north korea")] == ["North Korea"]
    with pytest.raises(UnknownValueError, match="'PRK'"):
        g.named_query("events_by_type", type="Deployment", country="PRQ")
    with pytest.raises(UnknownValueError, match="did you mean 'RUS'"):
        g.named_query("events_by_type", type="Deployment", country="Rusia")
    assert g.named_query("events_by_type", type="Deployment", country="prk").rows
    r = CliRunner().invoke(main, ["query", "--store", str(store), "--name", "events_by_type",
                                  "--param", "type=Deployment", "--param", "country=PRQ"])
    assert r.exit_code == 2 and "did you mean 'PRK'" in r.output


def test_dyads_query_counts_as_g_dyads(g: GeoKG) -> None:
    def by_query(**kw: str) -> dict[tuple[str, ...], int]:
        return {(str(r["source"]), str(r["target"]), str(r["class"]).rsplit("#", 1)[-1],
                 str(r["quadClass"]), str(r["month"])): int(str(r["events"]))
                for r in g.named_query("dyads", **kw).rows}

    def by_python(**kw: str) -> dict[tuple[str, ...], int]:
        return {(d.source_iri, d.target_iri, d.type, str(d.quad_class), str(d.month)): d.events
                for d in g.dyads(**kw)}  # type: ignore[arg-type]

    assert len(by_query()) == 3
    for kw in ({}, {"since": "2019-04"}, {"until": "2019"}, {"type": "Meeting"}):
        assert by_query(**kw) == by_python(**kw), kw


def test_dyads_query_holds_the_quad_class_table() -> None:
    from kg.lexicon import _quad_table
    from kg.queries import load_query

    text = load_query("dyads").text
    pairs = dict(re.findall(r'\("(\w+)" "([a-z ]+)"\)', text))
    assert pairs == {k: v.value for k, v in _quad_table().items()}
