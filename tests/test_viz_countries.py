"""The country-level network (kg.viz.countries): people, forces and ministries drawn as
their state, organisations tied to no state as themselves, edges counted and coloured by
quad class (static checks; tests/test_viz_corpus_browser.py draws it in Chromium)."""

from __future__ import annotations

from pathlib import Path

from test_viz_views import page_data

from kg.read import EntityNode, EventNode, Evidence, GraphData, RoleEdge
from kg.read.states import State
from kg.viz import render_html
from kg.viz.countries import NO_QUAD, QUAD_COLORS, event_quad

KGR = "https://w3id.org/geokg/resource/"
USA, RUS, UN = KGR + "country/USA", KGR + "country/RUS", KGR + "organization/un"
BIDEN, AUSTIN, ARMY = KGR + "person/biden", KGR + "person/austin", KGR + "force/rus-army"
LONER = KGR + "person/nobody"


def _world() -> tuple[GraphData, dict[str, State]]:
    ents = {i: EntityNode(i, label, kind) for i, label, kind in (
        (USA, "United States", "Country"), (RUS, "Russia", "Country"),
        (UN, "United Nations", "Organization"), (BIDEN, "Joe Biden", "Person"),
        (AUSTIN, "Lloyd Austin", "Person"), (ARMY, "Russian Army", "MilitaryForce"),
        (LONER, "Nobody", "Person"))}
    usa, rus = State(USA, "United States", "USA"), State(RUS, "Russia", "RUS")
    states = {USA: usa, BIDEN: usa, AUSTIN: usa, RUS: rus, ARMY: rus}
    events: dict[str, EventNode] = {}
    roles: list[RoleEdge] = []
    for j, (kind, cameo, agent, target) in enumerate((
            ("Sanction", "163", BIDEN, RUS), ("Sanction", "163", USA, RUS),
            ("Combat", None, ARMY, USA), ("Statement", "010", BIDEN, UN),
            ("Meeting", "040", BIDEN, AUSTIN), ("Appeal", None, LONER, RUS))):
        iri = f"{KGR}article/a/event/{j}"
        events[iri] = EventNode(iri, kind, f"{kind} {j}", cameo=cameo,
                                plover="ASSAULT" if kind == "Combat" else None,
                                evidence=(Evidence(f"Sentence {j}.", published="2020-01-0"
                                                   f"{j + 1}"),))
        roles += [RoleEdge(iri, "agent", agent), RoleEdge(iri, "target", target)]
    return GraphData(ents, events, tuple(roles)), states


def test_actors_are_drawn_as_their_states_and_edges_by_quad_class() -> None:
    data, states = _world()
    page = page_data(render_html(data, view="countries", states=states))
    nodes = {n["full"]: n for n in page["nodes"]}
    assert set(nodes) == {"United States", "Russia", "United Nations"}
    assert nodes["United Nations"]["kind"] == "Organization"
    assert nodes["Russia"]["kind"] == nodes["United States"]["kind"] == "Country"
    assert all(n["px"] >= 11 for n in page["nodes"])  # every label readable at first zoom
    label = {frozenset((e["from"], e["to"])): e for e in page["edges"]}
    us_ru = label[frozenset((USA, RUS))]
    # Biden's and the US's sanctions, the Russian army's fight; Biden meeting Austin is
    # inside one state and links nothing; the unaffiliated person is left out
    assert us_ru["value"] == 3 and us_ru["label"] == "3: m-conflict 3"
    assert us_ru["color"]["color"] == QUAD_COLORS["material conflict"]
    assert label[frozenset((USA, UN))]["label"] == "1: v-coop 1"
    assert len(page["edges"]) == 2


def test_the_header_says_what_was_rolled_up_and_left_out() -> None:
    data, states = _world()
    html = render_html(data, view="countries", states=states)
    assert "View: countries" in html
    assert "3 actors drawn as their state; 1 person or force tied to no state left out." \
        in html
    assert ">Quad classes<" in html and "material conflict (3)" in html


def test_quad_class_of_an_event_and_in_the_panel() -> None:
    data, states = _world()
    quads = [event_quad(e) for e in data.events.values()]
    assert quads == ["material conflict", "material conflict", "material conflict",
                     "verbal cooperation", "verbal cooperation", NO_QUAD]
    page = page_data(render_html(data, view="countries", states=states))
    assert {e.get("qc") for e in page["events"]} == {"material conflict", "verbal cooperation",
                                                      None}  # None: the appeal to Russia


def test_without_states_only_states_and_organisations_are_drawn() -> None:
    data, _ = _world()
    page = page_data(render_html(data, view="countries"))
    # the UN's one event is with Biden, who is left out: alone with one event, not drawn
    assert {n["full"] for n in page["nodes"]} == {"United States", "Russia"}
    assert [e["value"] for e in page["edges"]] == [1]  # the US sanction only


def test_api_and_cli_draw_the_countries_view(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from test_analysis import SAMPLE_TRIG

    import kg.api
    from kg.cli import main

    src = tmp_path / "sample.trig"
    src.write_text(SAMPLE_TRIG, encoding="utf-8")
    with kg.api.memory() as g:
        g.load(src, default_graph=True)
        assert "View: countries" in g.render_html("countries")
    out = tmp_path / "countries.html"
    r = CliRunner().invoke(main, ["viz", "--input", str(src), "--out", str(out),
                                  "--view", "countries"])
    assert r.exit_code == 0, r.output
    assert "View: countries" in out.read_text(encoding="utf-8")
