"""The listings count real events (kg:Occurrence) by default and reports with
``count="reports"`` (``--count reports``, ``?count=reports``), issue 18: the named queries
``events_by_type``, ``deployments_with_quantities`` and ``statements_by_speaker``,
``g.events()`` (``kg events``) and ``g.stats()`` (``kg stats``).

The store: two articles of two outlets, published the same day, each report one meeting
of Ann Lee and Bo Park in Seoul, one deployment of North Korean troops to Kursk (10,000
troops in one, 12,000 in the other) and one warning of Ann Lee's to Russia: three
occurrences of two reports each. The first article also reports a meeting in Busan, an
occurrence of its own. Built from hand-made extractions, no model.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_serve import Endpoint, named

import kg
from kg.api import GeoKG
from kg.cli import main
from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Mention,
    Quantity,
    Role,
    Span,
)
from kg.store import KnowledgeGraph

KGR = "https://w3id.org/geokg/resource/"
ANN = Entity("person/ann-lee", EntityType.PERSON, "Ann Lee")
BO = Entity("person/bo-park", EntityType.PERSON, "Bo Park")
SEOUL = Entity("place/seoul", EntityType.PLACE, "Seoul")
BUSAN = Entity("place/busan", EntityType.PLACE, "Busan")
KURSK = Entity("place/kursk", EntityType.PLACE, "Kursk")
PRK = Entity("country/PRK", EntityType.COUNTRY, "North Korea", iso3="PRK")
RUS = Entity("country/RUS", EntityType.COUNTRY, "Russia", iso3="RUS")
TROOPS = Entity("force/PRK", EntityType.MILITARY_FORCE, "North Korean troops",
                part_of="country/PRK")
ENTITIES = (ANN, BO, SEOUL, BUSAN, KURSK, PRK, RUS, TROOPS)
DAY = date(2020, 3, 2)
WIRE, DAILY = "https://wire.example/a", "https://daily.example/b"


def _event(body: str, sentence: str, kind: EventType, trigger: str, *args: Argument,
           **more: Any) -> Event:
    start = body.index(sentence)
    begin = body.index(trigger, start)
    return Event(kind, Mention(Span(begin, begin + len(trigger)), trigger, "TRIGGER", 0, 1, 0),
                 Span(start, start + len(sentence)), args, **more)


def article(url: str, troops: int, *, busan: bool = False) -> Extraction:
    """One outlet's article: the Seoul meeting, the deployment to Kursk of ``troops``
    troops and Ann Lee's warning to Russia (and, ``busan``, a meeting in Busan)."""
    met = "Ann Lee met Bo Park in Seoul."
    sent = f"North Korea sent {troops:,} troops to Kursk."
    warned = "Ann Lee warned Russia."
    other = " Ann Lee also met Bo Park in Busan." if busan else ""
    body = f"{met} {sent} {warned}{other}"
    count = body.index(f"{troops:,}")
    events = [
        _event(body, met, EventType.MEETING, "met", Argument(Role.PARTICIPANT, ANN.key),
               Argument(Role.PARTICIPANT, BO.key), Argument(Role.LOCATION, SEOUL.key)),
        _event(body, sent, EventType.DEPLOYMENT, "sent", Argument(Role.AGENT, TROOPS.key),
               Argument(Role.DESTINATION, KURSK.key),
               quantities=(Quantity(Span(count, count + len(f"{troops:,}")), f"{troops:,}",
                                    value=Decimal(troops), unit="troops"),)),
        _event(body, warned, EventType.STATEMENT, "warned", Argument(Role.SPEAKER, ANN.key),
               Argument(Role.ADDRESSEE, RUS.key)),
    ]
    if busan:
        events.append(_event(body, other.strip(), EventType.MEETING, "met",
                             Argument(Role.PARTICIPANT, ANN.key),
                             Argument(Role.PARTICIPANT, BO.key),
                             Argument(Role.LOCATION, BUSAN.key)))
    return Extraction(Article(url, f"News ({url})", body, DAY, url=url), ENTITIES,
                      tuple(events))


ARTICLES = [article(WIRE, 10_000, busan=True), article(DAILY, 12_000)]


@pytest.fixture(scope="module")
def g() -> Iterator[GeoKG]:
    with kg.memory() as graph:
        graph.add(ARTICLES)
        yield graph


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("occlist") / "store"
    with KnowledgeGraph(path) as s:
        s.ingest(ARTICLES)
    return path


def _rows(g: GeoKG, name: str, **params: Any) -> list[dict[str, str | None]]:
    return [{k: None if v is None else str(v) for k, v in r.items()}
            for r in g.named_query(name, **params).rows]


def test_the_store_has_three_occurrences_of_two_reports(g: GeoKG) -> None:
    occurrences = g.query("SELECT ?o (COUNT(?e) AS ?n) WHERE { ?o kg:report ?e } GROUP BY ?o")
    assert sorted(int(str(r["n"])) for r in occurrences.rows) == [1, 2, 2, 2]


# --------------------------------------------------------------------------- named queries


def _reports(g: GeoKG, name: str, key: str, **params: Any) -> list[str]:
    """The report IRIs a listing gives with count="reports"."""
    return sorted(str(r[key]) for r in _rows(g, name, count="reports", **params))


def test_events_by_type_lists_each_occurrence_once_with_its_sources(g: GeoKG) -> None:
    rows = _rows(g, "events_by_type", type="Meeting")
    assert sorted((r["placeLabel"], r["reports"], r["sources"]) for r in rows) == [
        ("Busan", "1", "1"), ("Seoul", "2", "2")]
    seoul = next(r for r in rows if r["placeLabel"] == "Seoul")
    assert str(seoul["occurrence"]).startswith(KGR + "occurrence/")
    # the report kept is the first of the two by IRI (same date), and its details are its own
    by_report = _rows(g, "events_by_type", type="Meeting", count="reports")
    seoul_reports = sorted(str(r["event"]) for r in by_report if r["placeLabel"] == "Seoul")
    assert len(by_report) == 3 and len(seoul_reports) == 2
    assert seoul["event"] == seoul_reports[0]
    assert seoul["article"] == next(r["article"] for r in by_report
                                    if r["event"] == seoul["event"])
    # with count="reports" every report is a row, naming its occurrence
    assert {r["occurrence"] for r in by_report if r["placeLabel"] == "Seoul"} \
        == {seoul["occurrence"]}
    assert {(r["reports"], r["sources"]) for r in by_report} == {("1", "1")}
    # the parameter is bound, not echoed as a column
    assert "count" not in g.named_query("events_by_type", type="Meeting").variables


def test_events_by_type_filters_reports_before_grouping(g: GeoKG) -> None:
    (row,) = _rows(g, "events_by_type", type="Deployment", country="PRK")
    assert (row["reports"], row["sources"]) == ("2", "2")
    assert _rows(g, "events_by_type", type="Deployment", country="RUS") == []
    assert _rows(g, "events_by_type", type="Meeting", until="2020-03-01") == []
    assert len(_rows(g, "events_by_type", type="Meeting", since="2020-03-02")) == 2


def test_deployments_with_quantities_lists_the_deployment_once(g: GeoKG) -> None:
    (row,) = _rows(g, "deployments_with_quantities")
    assert (row["forceLabel"], row["placeLabel"], row["unit"], row["reports"],
            row["sources"]) == ("North Korean troops", "Kursk", "troops", "2", "2")
    by_report = _rows(g, "deployments_with_quantities", count="reports")
    assert sorted(str(r["value"]) for r in by_report) == ["10000", "12000"]
    assert row["event"] == min(str(r["event"]) for r in by_report)
    # the amount is that of the report kept
    assert row["value"] == next(r["value"] for r in by_report if r["event"] == row["event"])
    assert {r["occurrence"] for r in by_report} == {row["occurrence"]}


def test_statements_by_speaker_lists_the_warning_once(g: GeoKG) -> None:
    (row,) = _rows(g, "statements_by_speaker")
    assert (row["speakerLabel"], row["addresseeLabel"], row["reports"], row["sources"]) == (
        "Ann Lee", "Russia", "2", "2")
    assert row["statement"] == _reports(g, "statements_by_speaker", "statement")[0]
    assert len(_rows(g, "statements_by_speaker", speaker="Ann Lee", count="reports")) == 2
    assert len(_rows(g, "statements_by_speaker", speaker="Ann Lee")) == 1


def test_a_report_linked_to_no_occurrence_is_listed_as_its_own() -> None:
    with kg.memory() as old:
        old.store.link_occurrences = False
        old.add(ARTICLES)
        for name, params in (("events_by_type", {"type": "Meeting"}),
                             ("deployments_with_quantities", {}),
                             ("statements_by_speaker", {})):
            rows = _rows(old, name, **params)
            assert len(rows) == len(_rows(old, name, count="reports", **params))
            assert {r["reports"] for r in rows} == {"1"}
            key = "statement" if name == "statements_by_speaker" else "event"
            assert all(r["occurrence"] == r[key] for r in rows)
        assert len(old.events()) == 7
        assert old.stats().events["Meeting"] == 3


# --------------------------------------------------------------------------- Python API


def test_g_events_has_one_record_per_occurrence(g: GeoKG) -> None:
    records = g.events()
    assert sorted(e.type.value for e in records) == ["Deployment", "Meeting", "Meeting",
                                                     "Statement"]
    reports = g.events(count="reports")
    assert len(reports) == 7
    seoul = next(e for e in records if e.type.value == "Meeting"
                 and [p.label for p in e.places] == ["Seoul"])
    told = [e for e in reports if e.occurrence == seoul.occurrence]
    assert sorted(seoul.reports) == sorted(e.iri for e in told) and len(told) == 2
    assert seoul.reports[0] == seoul.iri == min(e.iri for e in told)
    assert sorted(seoul.articles) == sorted(e.article or "" for e in told)
    assert seoul.to_dict()["sources"] == 2 and seoul.to_dict()["reports"] == 2
    # the record kept is that report, as g.events(count="reports") gives it
    kept = next(e for e in told if e.iri == seoul.iri)
    assert (seoul.evidence, seoul.article, seoul.date) == (kept.evidence, kept.article,
                                                          kept.date)
    assert all(e.reports == (e.iri,) and e.occurrence for e in reports)
    # filters pick reports first: one article's reports are each one record of one report
    one = [g.events(article=a) for a in seoul.articles]
    assert sorted(len(x) for x in one) == [3, 4]
    assert all(e.reports == (e.iri,) for x in one for e in x)
    assert len(g.events(type="Meeting", actor="Bo Park")) == 2
    assert len(g.events(type="Meeting", actor="Bo Park", count="reports")) == 3


def test_events_frame_counts_sources() -> None:
    pytest.importorskip("pandas")
    with kg.memory() as graph:
        graph.add(ARTICLES)
        frame = graph.events_frame(type="Deployment")
        assert list(frame["sources"]) == [2] and list(frame["reports"]) == [2]
        assert len(graph.events_frame(type="Deployment", count="reports")) == 2


def test_stats_count_occurrences_or_reports(g: GeoKG) -> None:
    assert {k: v for k, v in g.stats().events.items() if v} == {
        "Meeting": 2, "Deployment": 1, "Statement": 1}
    assert {k: v for k, v in g.stats(count="reports").events.items() if v} == {
        "Meeting": 3, "Deployment": 2, "Statement": 2}
    assert set(g.stats().events) == set(g.stats(count="reports").events)  # all nine classes


def test_a_misspelt_count_is_refused(g: GeoKG) -> None:
    from kg.errors import UnknownValueError

    with pytest.raises(UnknownValueError, match="did you mean 'reports'"):
        g.events(count="report")
    with pytest.raises(UnknownValueError, match="did you mean 'reports'"):
        g.stats(count="report")
    with pytest.raises(UnknownValueError, match="did you mean 'reports'"):
        g.named_query("statements_by_speaker", count="report")


# --------------------------------------------------------------------------- CLI and HTTP


def _csv(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_cli_listings_take_count(store: Path, tmp_path: Path) -> None:
    run = CliRunner().invoke
    for name, param, n_occ, n_rep in (("events_by_type", ["--param", "type=Meeting"], 2, 3),
                                      ("deployments_with_quantities", [], 1, 2),
                                      ("statements_by_speaker", [], 1, 2)):
        base = ["query", "--store", str(store), "--name", name, *param, "--format", "csv"]
        r = run(main, base)
        assert r.exit_code == 0, r.output
        assert len(_csv(r.output)) == n_occ, name
        r = run(main, [*base, "--count", "reports"])
        assert r.exit_code == 0 and len(_csv(r.output)) == n_rep, name
    r = run(main, ["events", "--store", str(store), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert sorted(row["sources"] for row in rows) == [1, 2, 2, 2]
    r = run(main, ["events", "--store", str(store), "--format", "json", "--count", "reports"])
    assert len(r.output.splitlines()) == 7
    r = run(main, ["events", "--store", str(store)])
    assert r.exit_code == 0 and "sources" in r.output.splitlines()[0]
    r = run(main, ["stats", "--store", str(store)])
    assert r.exit_code == 0 and "  Meeting         2\n" in r.output
    r = run(main, ["stats", "--store", str(store), "--count", "reports"])
    assert r.exit_code == 0 and "  Meeting         3\n" in r.output
    r = run(main, ["events", "--store", str(store), "--count", "report"])
    assert r.exit_code == 2 and "'occurrences', 'reports'" in r.output
    # kg export does not count: the events CSV has a row per report, as before
    out = tmp_path / "events.csv"
    r = run(main, ["export", "--store", str(store), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert len(_csv(out.read_text(encoding="utf-8"))) == 7


def test_http_listings_take_count(store: Path) -> None:
    ep = Endpoint(store)
    try:
        for params, n in (({}, 2), ({"count": "occurrences"}, 2), ({"count": "reports"}, 3)):
            status, _, body = named(ep, "events_by_type", type="Meeting", **params)
            assert status == 200, body
            answer = json.loads(body)
            assert len(answer["results"]["bindings"]) == n
            assert {"occurrence", "reports", "sources"} <= set(answer["head"]["vars"])
            assert "count" not in answer["head"]["vars"]
        status, _, body = named(ep, "statements_by_speaker", count="report")
        assert status == 400 and "did you mean 'reports'" in body
    finally:
        ep.close()
