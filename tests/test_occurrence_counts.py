"""Named queries, analysis and pictures count real events (kg:Occurrence) by default, and
reports with ``count="reports"`` (``--count reports``, ``?count=reports``), issue 18.

The store: two articles of two outlets report one meeting of Ann Lee and Bo Park in Seoul
on the same day (one occurrence, two reports); a third reports a meeting of theirs two
months later (its own occurrence). Built from hand-made extractions, no model.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_serve import Endpoint, named

import kg
from kg.analysis import actor_network, count_by_type, event_types
from kg.api import GeoKG
from kg.cli import main
from kg.errors import UnknownValueError
from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Mention,
    Role,
    Span,
)
from kg.store import KnowledgeGraph

KGR = "https://w3id.org/geokg/resource/"
ANN = Entity("person/ann-lee", EntityType.PERSON, "Ann Lee")
BO = Entity("person/bo-park", EntityType.PERSON, "Bo Park")
SEOUL = Entity("place/seoul", EntityType.PLACE, "Seoul")


def meeting(url: str, published: date, text: str) -> Extraction:
    """An article whose one event is a meeting of Ann Lee and Bo Park in Seoul."""
    begin = text.index("met")
    ev = Event(EventType.MEETING, Mention(Span(begin, begin + 3), "met", "TRIGGER", 2, 3, 0),
               Span(0, len(text)), (Argument(Role.PARTICIPANT, ANN.key),
                                     Argument(Role.PARTICIPANT, BO.key),
                                     Argument(Role.LOCATION, SEOUL.key)))
    article = Article(url, f"Talks ({url})", text, published, url=url)
    return Extraction(article, (ANN, BO, SEOUL), (ev,))


#: One meeting told by two outlets, and a later meeting told by one.
SAME = [meeting("https://wire.example/a", date(2020, 3, 2), "Ann Lee met Bo Park in Seoul."),
        meeting("https://daily.example/b", date(2020, 3, 2),
                "In Seoul, Ann Lee met Bo Park on Monday.")]
LATER = meeting("https://wire.example/c", date(2020, 5, 11), "Ann Lee met Bo Park in Seoul.")


def dataset_json(html: str, name: str) -> list[dict[str, Any]]:
    """A vis-network DataSet of a network page (as tests/test_viz.py reads it)."""
    m = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", html)
    assert m is not None
    found: list[dict[str, Any]] = json.loads(m.group(1))
    return found


def page_data(html: str) -> dict[str, Any]:
    """The data of a corpus, map or timeline page (as tests/test_viz_views.py reads it)."""
    m = re.search(r"var KG = (.*?);\n", html)
    assert m is not None
    found: dict[str, Any] = json.loads(m.group(1))
    return found


def _graph(extractions: list[Extraction], *, link: bool = True) -> GeoKG:
    g = kg.memory()
    g.store.link_occurrences = link
    g.add(extractions)
    return g


@pytest.fixture
def g() -> Iterator[GeoKG]:
    with _graph(SAME) as graph:
        yield graph


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("occ") / "store"
    with KnowledgeGraph(path) as s:
        s.ingest([*SAME, LATER])
    return path


def _meetings(g: GeoKG, **params: Any) -> list[tuple[str, str, int]]:
    return [(str(r["aLabel"]), str(r["bLabel"]), int(str(r["meetings"])))
            for r in g.named_query("who_met_whom", **params).rows]


def _dyads(g: GeoKG, **params: Any) -> set[tuple[str, str, int]]:
    return {(str(r["sourceLabel"]), str(r["targetLabel"]), int(str(r["events"])))
            for r in g.named_query("dyads", **params).rows}


# --------------------------------------------------------------------------- named queries


def test_who_met_whom_counts_the_meeting_once_and_its_reports_on_request(g: GeoKG) -> None:
    assert _meetings(g) == [("Ann Lee", "Bo Park", 1)]
    assert _meetings(g, count="occurrences") == [("Ann Lee", "Bo Park", 1)]
    assert _meetings(g, count="reports") == [("Ann Lee", "Bo Park", 2)]
    # the bound parameter is not echoed as a column, like since / until
    assert "count" not in g.named_query("who_met_whom", count="reports").variables


def test_dyads_query_and_g_dyads_count_the_meeting_once(g: GeoKG) -> None:
    assert _dyads(g) == {("Ann Lee", "Bo Park", 1), ("Bo Park", "Ann Lee", 1)}
    assert _dyads(g, count="reports") == {("Ann Lee", "Bo Park", 2), ("Bo Park", "Ann Lee", 2)}
    assert {(d.source, d.target, d.events) for d in g.dyads()} == _dyads(g)
    assert {(d.source, d.target, d.events) for d in g.dyads(count="reports")} \
        == _dyads(g, count="reports")
    # at state level too (people with no state stay themselves)
    assert [d.events for d in g.dyads(level="state")] == [1, 1]
    assert [d.events for d in g.dyads(level="state", count="reports")] == [2, 2]


def test_actor_timeline_has_a_row_per_occurrence_naming_its_reports(g: GeoKG) -> None:
    (row,) = g.named_query("actor_timeline", actor="Ann Lee").rows
    assert int(str(row["reports"])) == 2
    assert str(row["occurrence"]).startswith(KGR + "occurrence/")
    assert str(row["date"]) == "2020-03-02"
    rows = g.named_query("actor_timeline", actor="Ann Lee", count="reports").rows
    assert len(rows) == 2
    assert {str(r["event"]) for r in rows} == {str(r["occurrence"]) for r in rows}
    assert str(row["event"]) in {str(r["event"]) for r in rows}  # one of its reports


def test_a_report_linked_to_no_occurrence_counts_as_its_own() -> None:
    # a store written before occurrences existed: every report is its own event
    with _graph(SAME, link=False) as old:
        assert _meetings(old) == _meetings(old, count="reports") == [("Ann Lee", "Bo Park", 2)]
        assert len(old.named_query("actor_timeline", actor="Bo Park").rows) == 2
        assert len(old.graph_data().events) == 2
        assert [d.events for d in old.dyads()] == [2, 2]


def test_a_misspelt_count_is_refused_with_a_suggestion(g: GeoKG) -> None:
    with pytest.raises(UnknownValueError, match="did you mean 'reports'"):
        g.named_query("who_met_whom", count="report")
    with pytest.raises(UnknownValueError, match="occurrences, reports"):
        g.dyads(count="events")
    with pytest.raises(UnknownValueError, match="did you mean 'occurrences'"):
        g.graph_data(count="occurences")


# --------------------------------------------------------------------------- analysis


def test_graph_data_has_one_event_node_per_occurrence_with_every_report(g: GeoKG) -> None:
    (occ,) = g.graph_data().events.values()
    reports = g.graph_data(count="reports").events
    assert sorted(occ.reports) == sorted(reports)
    assert {e.occurrence for e in reports.values()} == {occ.iri}
    assert occ.sources == 2
    assert {ev.article for ev in occ.evidence} == {ev.article for e in reports.values()
                                                   for ev in e.evidence}
    assert count_by_type(g.graph_data()) == {"Meeting": 1}
    assert count_by_type(g.graph_data(count="reports")) == {"Meeting": 2}
    a, b = KGR + ANN.key, KGR + BO.key
    assert actor_network(g.graph_data())[a][b]["weight"] == 1
    assert event_types(g.actor_network(count="reports")[a][b]) == {"Meeting": 2}


# --------------------------------------------------------------------------- pictures


def test_html_draws_one_node_per_occurrence_reported_by_two_sources(g: GeoKG) -> None:
    events = [n for n in dataset_json(g.render_html(view="full"), "nodes")
              if n["kind"] == "event"]
    assert len(events) == 1
    (node,) = events
    assert "reported by 2 sources" in node["label"]
    # every report's sentence and article is in its tooltip
    assert "Ann Lee met Bo Park in Seoul." in node["title"]
    assert "In Seoul, Ann Lee met Bo Park on Monday." in node["title"]
    assert "wire.example/a" in node["title"] and "daily.example/b" in node["title"]
    per_report = [n for n in dataset_json(g.render_html(view="full", count="reports"), "nodes")
                  if n["kind"] == "event"]
    assert len(per_report) == 2
    assert not any("reported by" in n["label"] for n in per_report)


def test_corpus_panel_and_timeline_count_the_occurrence(g: GeoKG) -> None:
    data = page_data(g.render_html(view="corpus"))
    (event,) = data["events"]
    assert event["l"].endswith("reported by 2 sources") and event["n"] == 2
    assert {ev["u"] for ev in event["ev"]} == {"https://wire.example/a",
                                              "https://daily.example/b"}
    (edge,) = data["edges"]
    assert edge["value"] == 1
    assert page_data(g.render_html(view="corpus", count="reports"))["edges"][0]["value"] == 2
    timeline = page_data(g.render_html(view="timeline"))
    assert len(timeline["dated"]) == 1 and len(timeline["dyads"][0]["ev"]) == 1
    by_report = page_data(g.render_html(view="timeline", count="reports"))
    assert len(by_report["dated"]) == 2


# --------------------------------------------------------------------------- CLI and HTTP


def _csv(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_cli_count_option(store: Path, tmp_path: Path) -> None:
    run = CliRunner().invoke
    base = ["query", "--store", str(store), "--name", "who_met_whom", "--format", "csv"]
    r = run(main, base)
    assert r.exit_code == 0, r.output
    assert [row["meetings"] for row in _csv(r.output)] == ["2"]  # March and May
    r = run(main, [*base, "--count", "reports"])
    assert [row["meetings"] for row in _csv(r.output)] == ["3"]
    r = run(main, ["dyads", "--store", str(store), "--format", "json"])
    assert sorted(json.loads(line)["events"] for line in r.output.splitlines()) == [1, 1, 1, 1]
    r = run(main, ["dyads", "--store", str(store), "--format", "json", "--count", "reports"])
    assert sorted(json.loads(line)["events"] for line in r.output.splitlines()) == [1, 1, 2, 2]
    page = tmp_path / "p.html"
    for count, n in (("occurrences", 2), ("reports", 3)):
        r = run(main, ["viz", "--store", str(store), "--out", str(page), "--view", "full",
                       "--count", count])
        assert r.exit_code == 0, r.output
        html = page.read_text(encoding="utf-8")
        assert sum(x["kind"] == "event" for x in dataset_json(html, "nodes")) == n
    for count, n in (("occurrences", "2 events"), ("reports", "3 events")):
        r = run(main, ["analyze", "--store", str(store), "--count", count])
        assert r.exit_code == 0 and r.output.startswith(n), r.output
    r = run(main, [*base, "--count", "report"])
    assert r.exit_code == 2 and "'occurrences', 'reports'" in r.output
    r = run(main, ["query", "--store", str(store), "SELECT * WHERE { ?s ?p ?o }",
                   "--count", "reports"])
    assert r.exit_code == 2 and "--count go with --name" in r.output


def test_http_named_query_takes_count(store: Path) -> None:
    ep = Endpoint(store)
    try:
        for params, n in (({}, "2"), ({"count": "occurrences"}, "2"), ({"count": "reports"}, "3")):
            status, _, body = named(ep, "who_met_whom", **params)
            assert status == 200, body
            answer = json.loads(body)
            assert [b["meetings"]["value"] for b in answer["results"]["bindings"]] == [n]
            assert "count" not in answer["head"]["vars"]
        status, _, body = named(ep, "who_met_whom", count="report")
        assert status == 400 and "did you mean 'reports'" in body
    finally:
        ep.close()
