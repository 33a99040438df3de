"""kg.viz.render_html: a self-contained, escaped, capped page (static checks of the HTML)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_analysis import sample_dataset

from kg.analysis import (
    AnalysisError,
    EntityRecord,
    EventRecord,
    Evidence,
    GraphData,
    RoleEdge,
    load_graph_data,
)
from kg.viz import CSP, STYLES, edge_verb, render_html

HOSTILE_SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
HOSTILE_ATTR = '" onmouseover=alert(1) x="'
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'


def hostile_data() -> GraphData:
    kgr = "https://w3id.org/geokg/resource/"
    a, b = kgr + "person/a", kgr + "country/b"
    event = kgr + "article/x/event/0-5-Meeting"
    return GraphData(
        entities={a: EntityRecord(a, HOSTILE_IMG, "Person"),
                  b: EntityRecord(b, HOSTILE_ATTR, "Country")},
        events={event: EventRecord(
            event, "Meeting", HOSTILE_SCRIPT, modality="Reported", attributed_to=a,
            attribution=HOSTILE_IMG,
            evidence=(Evidence(f"He said {HOSTILE_SCRIPT} and {HOSTILE_ATTR}.",
                               kgr + "article/x", f"</script>{HOSTILE_SCRIPT}"),))},
        roles=(RoleEdge(event, "participant", a), RoleEdge(event, "participant", b)))


class Tags(HTMLParser):
    """Every start tag with its attributes (script bodies are not parsed as markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(html)
    return p.tags


def dataset_json(html: str, name: str) -> list[dict[str, Any]]:
    m = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", html)
    assert m is not None
    data: list[dict[str, Any]] = json.loads(m.group(1))
    return data


@pytest.fixture(scope="module")
def sample() -> GraphData:
    return load_graph_data(sample_dataset())


def test_hostile_text_is_escaped() -> None:
    html = render_html(hostile_data(), title=f"Report {HOSTILE_SCRIPT}")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in html  # <title>, <h1>
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in html  # actor option
    assert "&#34; onmouseover=alert(1) x=&#34;" in html
    found = tags(html)
    assert [t for t, _ in found if t == "script"] == ["script", "script"]  # vis-network, ours
    assert not [t for t, _ in found if t == "img"]
    assert not [a for _, attrs in found for a in attrs if a.startswith("on")]
    # the data still carries the exact text, for vis-network to show as text
    nodes = {n["id"]: n for n in dataset_json(html, "nodes")}
    assert nodes["https://w3id.org/geokg/resource/person/a"]["label"] == HOSTILE_IMG
    event = nodes["https://w3id.org/geokg/resource/article/x/event/0-5-Meeting"]
    assert HOSTILE_SCRIPT in event["title"] and HOSTILE_ATTR in event["title"]


def test_page_makes_no_requests(sample: GraphData) -> None:
    html = render_html(sample)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not [attrs for _, attrs in tags(html) if "src" in attrs or "href" in attrs]
    meta = [a for t, a in tags(html) if t == "meta" and a.get("http-equiv")]
    assert meta == [{"http-equiv": "Content-Security-Policy", "content": CSP}]
    assert "default-src 'none'" in CSP
    assert "vis.Network" in html and len(html) > 400_000  # vis-network is in-line


def test_legend_and_filters(sample: GraphData) -> None:
    html = render_html(sample)
    legend = html[html.index('id="kg-legend"'):html.index('id="kg-filters"')]
    for kind in ("Person", "State", "Organisation", "Armed force", "Place", "Event"):
        assert kind in legend
    boxes = [a["value"] for t, a in tags(html) if t == "input" and a.get("class") == "kg-etype"]
    assert boxes == ["Combat", "Deployment", "Meeting", "Statement", "Transfer"]
    options = [a["value"] for t, a in tags(html) if t == "option"]
    assert options[0] == "" and "https://w3id.org/geokg/resource/country/PRK" in options
    assert not any("place/" in o for o in options if o)  # places are not actors


def test_nodes_styled_and_edges_labelled_by_role(sample: GraphData) -> None:
    html = render_html(sample)
    nodes = {n["id"]: n for n in dataset_json(html, "nodes")}
    prk = nodes["https://w3id.org/geokg/resource/country/PRK"]
    assert (prk["shape"], prk["color"]) == (STYLES["Country"].shape, STYLES["Country"].color)
    assert nodes["https://w3id.org/geokg/resource/place/kursk"]["shape"] == "star"
    dep = nodes["https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/event/2-12-x"]
    assert (dep["kind"], dep["etype"], dep["shape"]) == ("event", "Deployment", "diamond")
    for text in ("modality: Reported", "attributed to Lloyd Austin",
                 "“Austin said North Korea sent troops to Russia.”",
                 "source: Austin warns of troops (AP, 2024-10-30) <https://w3id.org/geokg/"
                 "resource/article/aaaaaaaaaaaaaaaa>", "CAMEO 15"):
        assert text in dep["title"]
    said = nodes["https://w3id.org/geokg/resource/article/aaaaaaaaaaaaaaaa/event/3-13-x"]
    assert "quote: “We will respond”" in said["title"]
    edges = {(e["from"], e["to"]): e["label"] for e in dataset_json(html, "edges")}
    kgr = "https://w3id.org/geokg/resource/"
    a1, a2 = kgr + "article/aaaaaaaaaaaaaaaa", kgr + "article/bbbbbbbbbbbbbbbb"
    assert edges[(kgr + "person/lloyd-austin", a1 + "/event/1-11-x")] == "met"
    assert edges[(kgr + "country/PRK", a1 + "/event/2-12-x")] == "deployed"
    assert edges[(a1 + "/event/2-12-x", kgr + "country/RUS")] == "deployed to"
    assert edges[(a2 + "/event/4-14-x", kgr + "country/RUS")] == "supplied to"
    assert edges[(a2 + "/event/6-16-x", kgr + "country/RUS")] == "said to"
    assert edge_verb("Appeal", "addressee") == "urged"
    assert edge_verb("NewType", "origin") == "from"


def test_actor_and_ego_views(sample: GraphData) -> None:
    actors = render_html(sample, view="actors")
    edges = dataset_json(actors, "edges")
    labels = {frozenset((e["from"], e["to"])): e["label"] for e in edges}
    kgr = "https://w3id.org/geokg/resource/"
    assert labels[frozenset((kgr + "country/PRK", kgr + "country/RUS"))] == "spoke, supplied"
    assert "Event</li>" not in actors  # no event nodes in this view
    assert kgr + "force/PRK" not in {n["id"] for n in dataset_json(actors, "nodes")}
    assert "4 entities, 3 links (1 actor sharing no event left out)" in actors
    ego = render_html(sample, view="ego", focus="South Korea", hops=1)
    ids = {n["id"] for n in dataset_json(ego, "nodes")}
    assert ids == {kgr + "country/KOR", kgr + "person/lloyd-austin",
                   kgr + "article/aaaaaaaaaaaaaaaa/event/1-11-x"}
    assert "View: ego around South Korea, 1 hop(s)" in ego
    with pytest.raises(AnalysisError, match="needs an actor"):
        render_html(sample, view="ego")
    with pytest.raises(AnalysisError, match="close matches: South Korea"):
        render_html(sample, view="ego", focus="South Koreaa")
    with pytest.raises(AnalysisError, match="not in the graph"):  # an event, not an actor
        render_html(sample, view="ego", focus="Austin met South Korea")
    with pytest.raises(AnalysisError, match="unknown view"):
        render_html(sample, view="globe")
    full = render_html(sample, focus="Russia")
    assert f'<option value="{kgr}country/RUS" selected>' in full


def synthetic(n_events: int, n_entities: int) -> GraphData:
    kgr = "https://w3id.org/geokg/resource/"
    kinds = ("Person", "Country", "Organization", "MilitaryForce", "Place")
    types = ("Meeting", "Deployment", "Statement", "Transfer", "Appeal", "Training", "Combat",
             "Cooperation", "Sanction")
    roles = ("agent", "recipient", "location")
    entities = {f"{kgr}x/{i}": EntityRecord(f"{kgr}x/{i}", f"Entity {i}", kinds[i % 5])
                for i in range(n_entities)}
    events, edges = {}, []
    for j in range(n_events):
        iri = f"{kgr}article/{j // 4}/event/{j}"
        events[iri] = EventRecord(iri, types[j % 9], f"event {j}")
        for k, role in enumerate(roles):
            hub = (j * (k + 1) * 7919) % (j + 3) % n_entities  # skewed: low numbers are hubs
            edges.append(RoleEdge(iri, role, f"{kgr}x/{hub}"))
    return GraphData(entities, events, tuple(edges))


def test_big_graph_is_capped_and_says_so() -> None:
    data = synthetic(300, 120)
    html = render_html(data, view="full", max_nodes=50)
    nodes = dataset_json(html, "nodes")
    assert 0 < len(nodes) <= 50
    note = re.search(r'<p id="kg-note">(.*?)</p>', html)
    assert note is not None
    assert re.match(r"Showing \d+ of \d+ nodes and \d+ of \d+ edges", note.group(1))
    assert "cap 50 nodes" in note.group(1)
    assert 'id="kg-note"' not in render_html(data, view="full", max_nodes=10_000)


def test_rendering_touches_no_files(sample: GraphData, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    render_html(sample)
    render_html(sample, view="actors")
    assert list(tmp_path.iterdir()) == []


def test_empty_graph_renders(sample: GraphData) -> None:
    html = render_html(GraphData())
    assert dataset_json(html, "nodes") == [] and "0 entities" in html


def test_cli_viz_writes_the_page(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from test_analysis import SAMPLE_TRIG

    from kg.cli import main

    src = tmp_path / "sample.trig"
    src.write_text(SAMPLE_TRIG, encoding="utf-8")
    out = tmp_path / "out" / "graph.html"
    r = CliRunner().invoke(main, ["viz", "--input", str(src), "--out", str(out), "--view", "ego",
                                  "--focus", "Lloyd Austin", "--hops", "1", "--max-nodes", "4"])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "View: ego around Lloyd Austin, 1 hop(s)" in html
    assert len(dataset_json(html, "nodes")) <= 4 and 'id="kg-note"' in html  # 5 before the cap
    bad = CliRunner().invoke(main, ["viz", "--input", str(src), "--out", str(out),
                                    "--view", "ego"])
    assert bad.exit_code == 1 and "needs an actor" in bad.output
