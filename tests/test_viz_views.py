"""kg.viz corpus, map and timeline views: what the pages carry (static checks of the HTML;
tests/test_viz_corpus_browser.py draws them in Chromium)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_viz import HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, tags

from kg.analysis import AnalysisError
from kg.model import EntityType
from kg.read import EntityNode, EntityRecord, EventNode, Evidence, GraphData, RoleEdge
from kg.viz import CORPUS_EVENTS, aggregate, layout, locate, render_html
from kg.viz.corpus import TOP_LABELS
from kg.viz.panel import EventTable

KGR = "https://w3id.org/geokg/resource/"
TYPES = ("Meeting", "Statement", "Combat", "Cooperation", "Appeal", "Sanction")


def corpus_data(n_events: int = 240, n_actors: int = 40) -> tuple[GraphData, list[EntityRecord]]:
    """A corpus-sized graph: actors of every class (low numbers take part most), events over
    two years with evidence, some at places (Kyiv with coordinates, Ukraine as a state,
    Atlantis without), and one event whose text is hostile."""
    kinds = ("Person", "Country", "Organization", "MilitaryForce")
    entities = {f"{KGR}a/{i}": EntityNode(f"{KGR}a/{i}", f"Actor {i}", kinds[i % 4])
                for i in range(n_actors)}
    places = {KGR + "place/kyiv": EntityNode(KGR + "place/kyiv", "Kyiv", "Place"),
              KGR + "country/UKR": EntityNode(KGR + "country/UKR", "Ukraine", "Country"),
              KGR + "place/atlantis": EntityNode(KGR + "place/atlantis", "Atlantis", "Place")}
    entities.update(places)
    events: dict[str, EventNode] = {}
    roles: list[RoleEdge] = []
    for j in range(n_events):
        iri = f"{KGR}article/{j // 3:04d}/event/{j}"
        a, b = (j * 7) % (j % 9 + 2) % n_actors, (j * 13 + 1) % (j % 5 + 3) % n_actors
        la, lb = entities[f"{KGR}a/{a}"].label, entities[f"{KGR}a/{b}"].label
        month, day = 1 + (j * 5) % 24, 1 + j % 28
        published = f"{2019 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-{day:02d}"
        sentence = f"{la} and {lb} did thing {j} on that day."
        title = f"Article {j // 3}"
        if j == 6:
            sentence, title = f"{la} said {HOSTILE_SCRIPT} {HOSTILE_ATTR}.", HOSTILE_IMG
        events[iri] = EventNode(
            iri, TYPES[j % len(TYPES)], f"{la} thing {j}", modality="Asserted",
            polarity="Negative" if j % 11 == 0 else "Positive",
            attributed_to=f"{KGR}a/{b}" if j % 4 == 0 else None,
            attribution=lb if j % 4 == 0 else None,
            evidence=(Evidence(sentence, f"{KGR}article/{j // 3:04d}", title, published,
                               "Wire"),),
            date=published if j % 3 == 0 else None)
        roles.append(RoleEdge(iri, "agent", f"{KGR}a/{a}"))
        if b != a:
            roles.append(RoleEdge(iri, "recipient", f"{KGR}a/{b}"))
        if j % 6 == 0:
            roles.append(RoleEdge(iri, "location", list(places)[(j // 6) % 3]))
    records = [EntityRecord(KGR + "place/kyiv", EntityType.PLACE, "Kyiv", latitude=50.45,
                            longitude=30.52),
               EntityRecord(KGR + "country/UKR", EntityType.COUNTRY, "Ukraine", iso3="UKR"),
               EntityRecord(KGR + "place/atlantis", EntityType.PLACE, "Atlantis")]
    data = GraphData(entities, events, tuple(sorted(roles, key=lambda r: (r.event, r.role))))
    return data, records


def page_data(html: str) -> dict[str, Any]:
    m = re.search(r"var KG = (.*?);\n", html)
    assert m is not None
    found: dict[str, Any] = json.loads(m.group(1))
    return found


@pytest.fixture(scope="module")
def corpus() -> tuple[GraphData, list[EntityRecord]]:
    return corpus_data()


def test_auto_view_is_corpus_at_corpus_scale(corpus: tuple[GraphData, list[EntityRecord]]
                                             ) -> None:
    data, _ = corpus
    assert len(data.events) > CORPUS_EVENTS
    assert "View: corpus" in render_html(data)
    few = dict(list(data.events.items())[:20])
    small = GraphData(data.entities, few, tuple(r for r in data.roles if r.event in few))
    assert "View: full" in render_html(small)


def test_corpus_edges_count_shared_events(corpus: tuple[GraphData, list[EntityRecord]]
                                          ) -> None:
    data, _ = corpus
    page = page_data(render_html(data, view="corpus"))
    G = aggregate(data)
    ids = {n["id"] for n in page["nodes"]}
    assert ids <= set(G) and all(k in ("Person", "Country", "Organization", "MilitaryForce")
                                 for k in (n["kind"] for n in page["nodes"]))
    for e in page["edges"]:
        assert e["value"] == G[e["from"]][e["to"]]["weight"] == len(e["ev"])
        assert e["label"].startswith(f"{e['value']}: ")
        a, b = (n["full"] for n in page["nodes"] if n["id"] in (e["from"], e["to"]))
        for i in e["ev"]:  # each event of the edge names both actors
            names = {page["entities"][x]["l"] for _, x in page["events"][i]["r"]}
            assert {a, b} <= names
    heaviest = max(page["edges"], key=lambda e: e["value"])
    assert heaviest["px"] > 10  # labelled at the default zoom


def test_corpus_layout_is_baked_in_and_stable(corpus: tuple[GraphData, list[EntityRecord]]
                                              ) -> None:
    data, _ = corpus
    html = render_html(data, view="corpus")
    assert html == render_html(data, view="corpus")  # fixed seed, same page
    assert "physics: false" in html
    nodes = page_data(html)["nodes"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    ranked = sorted(nodes, key=lambda n: n["rank"])
    assert all(n["px"] >= 16 for n in ranked[:TOP_LABELS])  # on screen, at the first zoom
    assert all(n["px"] == 0 for n in ranked[3 * TOP_LABELS:])  # on zooming in
    pos = layout(aggregate(data))
    assert set(pos) == set(aggregate(data))


def test_corpus_focus_and_cap(corpus: tuple[GraphData, list[EntityRecord]]) -> None:
    data, _ = corpus
    html = render_html(data, view="corpus", focus="actor 1", max_nodes=5)
    page = page_data(html)
    assert len(page["nodes"]) == 5 and "Showing the 5 actors with most events" in html
    assert f'var focus = "{KGR}a/1";' in html
    with pytest.raises(AnalysisError, match="not among"):
        render_html(data, view="corpus", focus="Actor 999")


def test_event_records_carry_the_side_panel(corpus: tuple[GraphData, list[EntityRecord]]
                                            ) -> None:
    data, _ = corpus
    page = page_data(render_html(data, view="corpus"))
    rec = next(e for e in page["events"] if e["iri"].endswith("/event/0"))
    assert rec["t"] == "Meeting" and rec["d"] == "2019-01-01" and rec["ds"] == "event"
    assert rec["m"] == "Asserted" and rec["p"] == "Negative" and rec["a"]
    assert rec["ev"][0]["s"].endswith("did thing 0 on that day.")
    assert rec["ev"][0]["ti"] == "Article 0" and rec["ev"][0]["pu"] == "2019-01-01"
    assert "u" not in rec["ev"][0]  # no URL in the record: title only, no link
    later = next(e for e in page["events"] if e["iri"].endswith("/event/1"))
    assert later["ds"] == "published"  # no date of its own: the article's


def test_an_article_url_becomes_a_link_only_if_it_is_http() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithUrl(Evidence):
        url: str | None = None

    def one(url: str) -> dict[str, Any]:
        e = EventNode(KGR + "e", "Meeting", "m", evidence=(WithUrl("s", url=url),))
        table = EventTable(GraphData({}, {e.iri: e}, ()))
        table.event(e.iri)
        ev: dict[str, Any] = table.records()["events"][0]["ev"][0]
        return ev

    assert one("https://example.org/a?b=1")["u"] == "https://example.org/a?b=1"
    assert "u" not in one("javascript:alert(1)")
    assert "u" not in one('https://x.org/"><script>')


def test_map_places_events_and_lists_the_rest(corpus: tuple[GraphData, list[EntityRecord]]
                                              ) -> None:
    data, records = corpus
    html = render_html(data, view="map", entities=records)
    page = page_data(html)
    places = {p["l"]: p for p in page["places"]}
    assert places["Kyiv"]["how"] == "point" and places["Kyiv"]["lat"] == 50.45
    assert places["Ukraine"]["how"] == "centroid"
    assert [m["l"] for m in page["missing"]] == ["Atlantis"]
    n_at = sum(1 for r in data.roles if r.role == "location")
    assert len(page["drawn"]) + len(page["missing"][0]["ev"]) == n_at
    assert html.count("<path d=") == 177  # Natural Earth 1:110m countries
    assert "Natural Earth" in html
    assert 'type="date"' in html and 'value="2019-01-01"' in html


def test_timeline_dates_every_event_and_offers_dyads(
        corpus: tuple[GraphData, list[EntityRecord]]) -> None:
    data, _ = corpus
    html = render_html(data, view="timeline")
    page = page_data(html)
    assert len(page["dated"]) == len(data.events)
    assert f"{len(data.events) // 3:,} dated by the text" in html
    top = page["dyads"][0]
    assert top["l"].count(" — ") == 1
    assert len(top["ev"]) == max(len(d["ev"]) for d in page["dyads"])


@pytest.mark.parametrize("view", ["corpus", "map", "timeline"])
def test_hostile_text_stays_text(corpus: tuple[GraphData, list[EntityRecord]],
                                 view: str) -> None:
    data, records = corpus
    html = render_html(data, view=view, entities=records, title=f"T {HOSTILE_SCRIPT}")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert HOSTILE_ATTR not in html
    scripts = sum(1 for t, _ in tags(html) if t == "script")
    assert scripts == (3 if view == "corpus" else 2)  # (vis-network,) panel.js, the page
    assert not any(a.get("src") or a.get("href") for _, a in tags(html))  # nothing to fetch
    said = [ev["s"] for e in page_data(html)["events"] for ev in e["ev"]]
    assert any(HOSTILE_SCRIPT in s and HOSTILE_ATTR in s for s in said)


def test_locate_uses_the_state_centroid_only_for_states() -> None:
    found = locate([EntityRecord("p", EntityType.PLACE, "Somewhere in Ukraine", iso3="UKR"),
                    EntityRecord("c", EntityType.COUNTRY, "Nowhere", iso3="XXX")])
    assert found == {}


def test_api_and_cli_draw_every_view(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from test_analysis import SAMPLE_TRIG

    import kg.api
    from kg.cli import main

    src = tmp_path / "sample.trig"
    src.write_text(SAMPLE_TRIG, encoding="utf-8")
    with kg.api.memory() as g:
        g.load(src, default_graph=True)
        assert "View: map" in g.render_html("map")
    for view in ("corpus", "map", "timeline"):
        out = tmp_path / f"{view}.html"
        r = CliRunner().invoke(main, ["viz", "--input", str(src), "--out", str(out),
                                      "--view", view])
        assert r.exit_code == 0, r.output
        assert f"View: {view}" in out.read_text(encoding="utf-8")


def test_corpus_view_lays_out_more_than_500_actors_without_scipy() -> None:
    """networkx's spring_layout needs SciPy from 500 nodes up; kg's own does not."""
    n = 520
    entities = {f"{KGR}a/{i}": EntityNode(f"{KGR}a/{i}", f"Actor {i}", "Person")
                for i in range(n)}
    events = {f"{KGR}e/{i}": EventNode(f"{KGR}e/{i}", "Meeting", f"m {i}") for i in range(n)}
    roles = tuple(r for i in range(n) for r in (RoleEdge(f"{KGR}e/{i}", "agent", f"{KGR}a/{i}"),
                  RoleEdge(f"{KGR}e/{i}", "recipient", f"{KGR}a/{(i + 1) % n}")))
    page = page_data(render_html(GraphData(entities, events, roles), view="corpus",
                                 max_nodes=600))
    assert len(page["nodes"]) == n and len(page["edges"]) == n
